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

  /** Every conversation that has this nick as a member (for QUIT and NICK). */
  withMember(nick) {
    return [...this.conversations.values()].filter(c => c.members.has(fold(nick)));
  }
}
