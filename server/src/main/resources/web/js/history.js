// History requests and their answers. The server answers each target's requests in order, so a
// queue per target says what each chathistory batch was for: the latest page on opening a
// conversation, an older page (Load older messages), or a /history listing to print as a block.
import { fold, isRoom } from './irc.js';

/** Messages per page when a conversation opens or scrolls back. */
export const PAGE = 50;

export class History {
  /** send(command, params) writes a line; has(cap) says whether a capability was acknowledged. */
  constructor(send, has) {
    this.send = send;
    this.has = has;
    this.pending = new Map();
    this.limit = PAGE;
  }

  /** From ISUPPORT CHATHISTORY=n: the most the server returns per request. */
  setLimit(value) {
    const n = Number.parseInt(value, 10);
    if (n > 0) this.limit = n;
  }

  latest(name) {
    this.request(name, { kind: 'latest' }, ['LATEST', name, '*', String(PAGE)]);
  }

  /** The page before a message (by msgid: many messages can share a millisecond). */
  older(name, before) {
    this.request(name, { kind: 'older' }, ['BEFORE', name, `msgid=${before.msgid}`, String(PAGE)]);
  }

  /** The messages around one (a search result), to show it in context, highlighted. */
  around(name, msgid) {
    this.request(name, { kind: 'around', msgid }, ['AROUND', name, `msgid=${msgid}`, String(PAGE)]);
  }

  /** /history [target] [n]: the last n messages, printed as a block. */
  show(target, count) {
    const n = Math.min(count, this.limit);
    if (this.has('draft/chathistory')) {
      this.request(target, { kind: 'show' }, ['LATEST', target, '*', String(n)]);
    } else {
      this.queue(target, { kind: 'show' });
      this.send('HISTORY', [target, String(count)]);
    }
  }

  request(name, purpose, params) {
    if (!this.has('draft/chathistory')) return;
    this.queue(name, purpose);
    this.send('CHATHISTORY', params);
  }

  queue(name, purpose) {
    const key = fold(name);
    if (!this.pending.has(key)) this.pending.set(key, []);
    this.pending.get(key).push(purpose);
  }

  /** What the batch for this target answers (the oldest request still open). */
  answered(target) {
    const queue = this.pending.get(fold(target)) || [];
    const purpose = queue.shift() || { kind: 'latest' };
    if (!queue.length) this.pending.delete(fold(target));
    return purpose;
  }

  forget() {
    this.pending.clear();
  }
}

/** The lines of a /history block: a heading, the messages with their dates, an end line. */
export function block(target, entries, now) {
  const about = isRoom(target) ? '' : ` with ${target}`;
  if (!entries.length) return [{ time: now, text: `No history${about || ` in ${target}`}`, kind: 'event' }];
  const count = `${entries.length} ${entries.length === 1 ? 'message' : 'messages'}`;
  return [{ time: now, text: `History${about} (${count})`, kind: 'event' }]
    .concat(entries.map(e => ({ ...e, msgid: undefined, shown: e.time, time: now, kind: 'history' })))
    .concat([{ time: now, text: `End of history${about}`, kind: 'event' }]);
}
