// IRC lines: parse what the server sends, build what the client sends (IRCv3 message tags included).

const TAG_UNESCAPES = { ':': ';', s: ' ', '\\': '\\', r: '\r', n: '\n' };

function unescapeTag(value) {
  return value.replace(/\\(.?)/g, (_, c) => (c in TAG_UNESCAPES ? TAG_UNESCAPES[c] : c));
}

export function escapeTag(value) {
  return value.replace(/[\\; \r\n]/g, c => ({ '\\': '\\\\', ';': '\\:', ' ': '\\s', '\r': '\\r', '\n': '\\n' }[c]));
}

/** Parses one line (without CR LF) into {tags, source, nick, command, params}; null if it is empty. */
export function parse(line) {
  let rest = line;
  const tags = {};
  if (rest.startsWith('@')) {
    const space = rest.indexOf(' ');
    if (space < 0) return null;
    for (const part of rest.slice(1, space).split(';')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      if (eq < 0) tags[part] = '';
      else tags[part.slice(0, eq)] = unescapeTag(part.slice(eq + 1));
    }
    rest = rest.slice(space + 1).replace(/^ +/, '');
  }
  let source = null;
  if (rest.startsWith(':')) {
    const space = rest.indexOf(' ');
    if (space < 0) return null;
    source = rest.slice(1, space);
    rest = rest.slice(space + 1).replace(/^ +/, '');
  }
  const params = [];
  while (rest.length) {
    if (rest.startsWith(':')) { params.push(rest.slice(1)); break; }
    const space = rest.indexOf(' ');
    if (space < 0) { params.push(rest); break; }
    params.push(rest.slice(0, space));
    rest = rest.slice(space + 1).replace(/^ +/, '');
  }
  if (!params.length) return null;
  const command = params.shift().toUpperCase();
  const nick = source ? source.split('!')[0] : null;
  return { tags, source, nick, command, params };
}

/** Builds a line; the last parameter becomes a trailing one when it needs to. CR, LF and NUL are dropped. */
export function build(command, params = [], tags = {}) {
  const clean = s => String(s).replace(/[\r\n\0]/g, ' ');
  const parts = [];
  const tagText = Object.entries(tags).map(([k, v]) => (v === '' ? k : `${k}=${escapeTag(v)}`)).join(';');
  if (tagText) parts.push('@' + tagText);
  parts.push(command);
  params.forEach((p, i) => {
    const value = clean(p);
    const last = i === params.length - 1;
    parts.push(last && (value === '' || value.includes(' ') || value.startsWith(':')) ? ':' + value : value);
  });
  return parts.join(' ');
}

/** rfc1459 casefolding, as the server compares nicks and room names. */
export function fold(name) {
  return name.toLowerCase().replace(/\[/g, '{').replace(/\]/g, '}').replace(/\\/g, '|').replace(/~/g, '^');
}

export function isRoom(target) {
  return /^[#&]/.test(target);
}
