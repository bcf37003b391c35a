// How a message's text and its author look: safe links, the reader's own nick marked, a colour per
// nick that is the same everywhere, and dates for day separators and hovers.
import { fold } from './irc.js';

/** How many nick colours style.css defines (.nick-c0 …), each readable on every feed background. */
export const NICK_COLOURS = 10;

/** Web addresses; only http and https ever become links, so javascript: and data: stay text. */
const LINK = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than the address it follows. */
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** The colour class of a nick: a hash of its casefolded form, so it never changes between pages. */
export function nickColour(nick) {
  let hash = 0;
  for (const ch of fold(nick)) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return `nick-c${hash % NICK_COLOURS}`;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The reader's nick as a whole word (IRC nicks may hold [ ] { } \ | ^ ` - _). */
function nickPattern(nick) {
  return new RegExp(`(^|[^\\w\\[\\]{}\\\\|^\`-])(${escapeRegExp(nick)})(?![\\w\\[\\]{}\\\\|^\`-])`, 'gi');
}

/** Whether the text names the reader. */
export function mentions(text, nick) {
  return Boolean(nick && text && nickPattern(nick).test(text));
}

function link(url) {
  const a = document.createElement('a');
  a.href = url;
  a.textContent = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

/** Plain text with the reader's nick wrapped in <mark>. */
function marked(text, nick, into) {
  if (!nick) { into.append(text); return; }
  let last = 0;
  for (const match of text.matchAll(nickPattern(nick))) {
    const start = match.index + match[1].length;
    into.append(text.slice(last, start));
    const mark = document.createElement('mark');
    mark.textContent = match[2];
    into.append(mark);
    last = start + match[2].length;
  }
  into.append(text.slice(last));
}

/** The text as DOM nodes: links and mentions, everything else as text (never parsed as HTML). */
export function richText(text, nick) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const url = match[0].replace(TRAILING, '');
    marked(text.slice(last, match.index), nick, fragment);
    fragment.append(link(url));
    last = match.index + url.length;
  }
  marked(text.slice(last), nick, fragment);
  return fragment;
}

function dayKey(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

export function sameDay(a, b) {
  return dayKey(a) === dayKey(b);
}

/** "Today", "Yesterday", or the date in full. */
export function dayText(ms, now = Date.now()) {
  if (sameDay(ms, now)) return 'Today';
  if (sameDay(ms, now - 86400000)) return 'Yesterday';
  return new Date(ms).toLocaleDateString([], { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
}

/** The full date and time, for the hover title of a message's time. */
export function fullDate(ms) {
  return new Date(ms).toLocaleString([], { dateStyle: 'full', timeStyle: 'medium' });
}
