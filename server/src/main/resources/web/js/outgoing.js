// What the user sends besides commands: text (whole, line by line, a reply tagged +draft/reply),
// reactions (TAGMSG +draft/react), deletions (REDACT) and typing notices (TAGMSG +typing).
import { TEXT_BYTES, split } from './chunks.js';
import { fold } from './irc.js';
import { CONCAT, limits, plan } from './multiline.js';

const $ = id => document.getElementById(id);
/** The label of typing notices: the server's answers to them are not for the person to read. */
export const TYPING_LABEL = 'typing';

export class Outgoing {
  /** app: the state, the current connection, deliver(name, entry, countUnread), note(text, kind), onLine(msg). */
  constructor(app) {
    this.app = app;
    /** The message the next one sent answers (Reply), or null. */
    this.replyTo = null;
  }

  get connection() {
    return this.app.connection;
  }

  /**
   * Sends text whole: each line (Shift+Enter) as its own message, and a line longer than one IRC
   * line holds as several, cut between words. A reply carries +draft/reply on its first message.
   */
  say(target, text, action = false) {
    const whole = action ? null : this.sayAsOne(target, text);
    if (whole !== null) return whole;
    const { state } = this.app;
    const lines = text.split('\n').filter(line => line.trim());
    let tags = this.replyTo && this.connection.has('message-tags') ? { '+draft/reply': this.replyTo.msgid } : {};
    for (const chunk of lines.flatMap(line => split(line, action ? TEXT_BYTES - 9 : TEXT_BYTES))) {
      if (!this.connection.send('PRIVMSG', [target, action ? `\u0001ACTION ${chunk}\u0001` : chunk], tags)) {
        this.app.note('Not connected; your message was not sent', 'problem');
        return false;
      }
      if (!this.connection.has('echo-message')) {
        this.app.deliver(target, { time: Date.now(), nick: state.nick, text: chunk, action, reply: tags['+draft/reply'] }, false);
      }
      tags = {};
    }
    this.setReply(null);
    return true;
  }

  /**
   * With draft/multiline (and batch): text of several lines, or one line too long for IRC, goes out
   * as one draft/multiline batch (true: sent; false: not connected). Null when it is a plain
   * one-line message, or beyond the limits the server advertised: then say() sends it as several.
   */
  sayAsOne(target, text) {
    const connection = this.connection;
    if (!connection.has('draft/multiline') || !connection.has('batch')) return null;
    const lines = plan(text, limits(connection.value('draft/multiline')));
    if (!lines || lines.length < 2) return null;
    this.batches = (this.batches || 0) + 1;
    const ref = `ml${this.batches}${Date.now().toString(36)}`;
    const opening = this.replyTo && connection.has('message-tags') ? { '+draft/reply': this.replyTo.msgid } : {};
    if (!connection.send('BATCH', [`+${ref}`, 'draft/multiline', target], opening)) {
      this.app.note('Not connected; your message was not sent', 'problem');
      return false;
    }
    for (const line of lines) {
      connection.send('PRIVMSG', [target, line.text], line.concat ? { batch: ref, [CONCAT]: '' } : { batch: ref });
    }
    connection.send('BATCH', [`-${ref}`]);
    if (!connection.has('echo-message')) {
      const whole = lines.map((l, i) => (i === 0 || l.concat ? l.text : `\n${l.text}`)).join('');
      this.app.deliver(target, { time: Date.now(), nick: this.app.state.nick, text: whole, action: false,
        reply: opening['+draft/reply'] }, false);
    }
    this.setReply(null);
    return true;
  }

  setReply(entry) {
    this.replyTo = entry;
    $('reply-bar').hidden = !entry;
    $('reply-text').textContent = entry ? `Replying to ${entry.nick}: ${entry.text}` : '';
    if (entry) $('message-input').focus();
  }

  react(entry, emoji) {
    const target = this.app.state.current.name;
    const tags = { '+draft/react': emoji, '+draft/reply': entry.msgid };
    this.connection.send('TAGMSG', [target], tags);
    if (!this.connection.has('echo-message')) {
      const nick = this.app.state.nick;
      this.app.onLine({ tags, nick, source: nick, command: 'TAGMSG', params: [target] });
    }
  }

  remove(entry) {
    this.connection.send('REDACT', [this.app.state.current.name, entry.msgid]);
  }

  /** Own messages; any message for a server operator or the room's operator. */
  canRedact(entry) {
    const { state } = this.app;
    if (!this.connection || !this.connection.has('draft/message-redaction')) return false;
    if (state.isMe(entry.nick) || state.operator) return true;
    const current = state.current;
    const me = current && current.members.get(fold(state.nick || ''));
    return Boolean(current && current.kind === 'room' && me && me.prefix.includes('@'));
  }

  /** +typing=active|done to the open conversation, when the server passes client tags on. */
  typing(value) {
    const current = this.app.state.current;
    if (!this.connection || !this.connection.has('message-tags') || !current) return;
    if (current.kind === 'room' && !current.joined) return;
    // Labelled, so that a refusal (the other side of a DM went offline) is not shown each time.
    const label = this.connection.has('labeled-response') ? { label: TYPING_LABEL } : {};
    this.connection.send('TAGMSG', [current.name], { '+typing': value, ...label });
  }
}
