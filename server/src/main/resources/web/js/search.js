// The search panel (soju.im/search): words typed in the box (the magnifier, Ctrl+K, or /search
// words) go out as SEARCH text=...[;in=<room>]; the results (nick, time, room, text) are listed,
// and a click opens the result's conversation around it (CHATHISTORY AROUND), highlighted.
import { escapeTag } from './irc.js';

const $ = id => document.getElementById(id);

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The SEARCH parameter: attributes in message-tag escaping (a space is \s). */
export function searchQuery(words, room) {
  const query = `text=${escapeTag(words)}`;
  return room ? `${query};in=${escapeTag(room)}` : query;
}

export class SearchPanel {
  /**
   * hooks: send(command, params), has(cap), room() (the current joined room's name, or null),
   * show(result) (opens its conversation around it).
   */
  constructor(hooks) {
    this.hooks = hooks;
    $('search-open').addEventListener('click', () => this.open());
    $('search-close').addEventListener('click', () => $('search-dialog').close());
    $('search-form').addEventListener('submit', event => { event.preventDefault(); this.run(); });
    document.addEventListener('keydown', event => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k' && !$('chat-view').hidden) {
        event.preventDefault();
        this.open();
      }
    });
  }

  /** Opens the panel; with words (from /search), searches for them at once. */
  open(words) {
    const room = this.hooks.room();
    $('search-room').textContent = room || 'the current room';
    $('search-here').disabled = !room;
    if (!room) $('search-here').checked = false;
    if (!$('search-dialog').open) $('search-dialog').showModal();
    if (words !== undefined) {
      // /search words: everywhere the user can read.
      $('search-here').checked = false;
      $('search-input').value = words;
      this.run();
    }
    $('search-input').focus();
  }

  run() {
    const words = $('search-input').value.trim();
    if (!words) return;
    if (!this.hooks.has('soju.im/search')) {
      $('search-state').textContent = 'This server does not offer search.';
      return;
    }
    const room = $('search-here').checked ? this.hooks.room() : null;
    $('search-state').textContent = 'Searching…';
    $('search-results').replaceChildren();
    this.hooks.send('SEARCH', [searchQuery(words, room)]);
  }

  /** The server refused the search (FAIL SEARCH ...): said in the panel. */
  failed(text) {
    $('search-state').textContent = text;
  }

  /** The soju.im/search batch: entries with their conversation, oldest first; shown newest first. */
  results(entries) {
    const count = entries.length;
    $('search-state').textContent = count ? `${count} ${count === 1 ? 'message' : 'messages'} found` : 'Nothing found.';
    $('search-results').replaceChildren(...entries.slice().reverse().map(entry => this.row(entry)));
  }

  row(entry) {
    const item = element('li');
    const open = element('button', 'result');
    open.type = 'button';
    const when = element('time', null, new Date(entry.time).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' }));
    when.dateTime = new Date(entry.time).toISOString();
    open.append(element('span', 'where', entry.conversation), when, element('strong', 'who', entry.nick || ''),
      element('span', 'said', entry.text));
    open.setAttribute('aria-label', `${entry.nick} in ${entry.conversation}: ${entry.text}`);
    open.addEventListener('click', () => {
      $('search-dialog').close();
      this.hooks.show(entry);
    });
    item.append(open);
    return item;
  }
}
