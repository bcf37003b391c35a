// What the client knows: conversations (rooms and private queries), their messages, members,
// topics and unread counts. Keyed by the casefolded name, as the server compares names.
import { fold, isRoom } from './irc.js';

export class Conversation {
  constructor(name) {
    this.name = name;
    this.kind = isRoom(name) ? 'room' : 'query';
    this.messages = [];
    this.msgids = new Set();
    this.members = new Map();
    this.topic = '';
    this.unread = 0;
    this.joined = false;
    this.hasOlder = false;
    this.mentions = 0;
    /** The read marker (ms since the epoch): what came after it is unread; null while unknown. */
    this.marker = null;
    /** Where the "New messages" line is drawn while the conversation is open (a time), or null. */
    this.dividerAt = null;
    /** Who is typing here: casefolded nick -> {nick, until} (when their notice lapses, in ms). */
    this.typing = new Map();
    /** Reactions by the msgid they answer: msgid -> Map(emoji -> Set of nicks). */
    this.reactions = new Map();
  }

  /** Adds messages, skipping msgids already here, keeping time order; returns how many were new. */
  add(entries) {
    let added = 0;
    for (const entry of entries) {
      if (entry.msgid) {
        if (this.msgids.has(entry.msgid)) continue;
        this.msgids.add(entry.msgid);
      }
      this.messages.push(entry);
      added += 1;
    }
    if (added) this.messages.sort((a, b) => a.time - b.time);
    return added;
  }

  oldest() {
    return this.messages.find(m => m.msgid) || null;
  }

  byMsgid(msgid) {
    return this.messages.find(m => m.msgid === msgid) || null;
  }

  /** Drops a deleted message (REDACT); true when it was here. */
  redact(msgid) {
    const before = this.messages.length;
    this.messages = this.messages.filter(m => m.msgid !== msgid);
    this.reactions.delete(msgid);
    return this.messages.length < before;
  }

  /** The latest real message's time: what reading the conversation up to now marks as read. */
  latest() {
    for (let i = this.messages.length - 1; i >= 0; i -= 1) {
      if (this.messages[i].msgid) return this.messages[i].time;
    }
    return null;
  }

  /** Counts unread messages and mentions from the read marker (messages from others only). */
  recount(isMe) {
    if (this.marker === null) return;
    const unread = this.messages.filter(m => countable(m, isMe) && m.time > this.marker);
    this.unread = unread.length;
    this.mentions = unread.filter(m => m.mention).length;
  }

  /** The first unread message: the earliest of the last `unread` messages from others. */
  firstUnread(isMe) {
    let left = this.unread;
    let first = null;
    for (let i = this.messages.length - 1; i >= 0 && left > 0; i -= 1) {
      if (countable(this.messages[i], isMe)) { first = this.messages[i]; left -= 1; }
    }
    return first;
  }
}

/** A message someone else wrote (not an event, notice of ours or history listing). */
export function countable(message, isMe) {
  return Boolean(message.nick) && !message.kind && !isMe(message.nick);
}

export class State {
  constructor() {
    this.conversations = new Map();
    this.current = null;
    this.nick = null;
    this.operator = false;
    /** Whether the server ended the session for good (a ban, a kill): nothing to rejoin. */
    this.ended = false;
    /** Where lines go while no conversation is open: shown with a hint to join a room. */
    this.lobby = new Conversation('Parley');
    this.lobby.kind = 'lobby';
  }

  /** The conversation on screen: the current one, or the lobby. */
  shown() {
    return this.current || this.lobby;
  }

  find(name) {
    return this.get(name, false);
  }

  get(name, create = true) {
    const key = fold(name);
    let conversation = this.conversations.get(key);
    if (!conversation && create) {
      conversation = new Conversation(name);
      this.conversations.set(key, conversation);
    }
    return conversation;
  }

  remove(name) {
    this.conversations.delete(fold(name));
    if (this.current && fold(this.current.name) === fold(name)) {
      this.current = this.rooms()[0] || [...this.conversations.values()][0] || null;
    }
  }

  isMe(nick) {
    return nick && this.nick && fold(nick) === fold(this.nick);
  }

  rooms() {
    return [...this.conversations.values()].filter(c => c.kind === 'room');
  }

  queries() {
    return [...this.conversations.values()].filter(c => c.kind === 'query');
  }

  /** Every conversation that has this nick as a member (for QUIT and NICK). */
  withMember(nick) {
    return [...this.conversations.values()].filter(c => c.members.has(fold(nick)));
  }
}
