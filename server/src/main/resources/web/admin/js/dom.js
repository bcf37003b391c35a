// Builds elements from text only: nothing a user chose (a nick, a topic, a ban reason) is ever
// parsed as HTML.

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'onclick') {
      element.addEventListener('click', value);
    } else if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

export function $(id) {
  return document.getElementById(id);
}

/** Replaces the rows of a table body; an empty list shows one row saying so. */
export function fillRows(body, rows, columns, emptyText) {
  body.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: columns, class: 'muted' }, emptyText))]));
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

/** A definition list from [label, value] pairs. */
export function facts(list, pairs) {
  list.replaceChildren(...pairs.flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, value ?? '')]));
}

export function duration(seconds) {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return (days ? days + ' d ' : '') + (days || hours ? hours + ' h ' : '') + minutes + ' min';
}
