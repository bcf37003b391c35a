// What IRCv3 adds to a conversation, beyond its text: reactions and typing (TAGMSG with +draft/react
// and +typing), deleted messages (REDACT), read markers (MARKREAD), away (AWAY, and WHO after a
// join for who was away already) and the room list (LIST). Merged into events.js's handlers.
import { fold, isRoom } from './irc.js';

/** How long a typing notice lasts without a new one, as the +typing spec says. */
const TYPING_LASTS = { active: 6000, paused: 30000 };

export function taggedEvents(app, conversationFor, timeOf) {
  const { state, redraw } = app;

  function typing(conversation, nick, value) {
    if (value === 'active' || value === 'paused') conversation.typing.set(fold(nick), { nick, until: Date.now() + TYPING_LASTS[value] });
    else conversation.typing.delete(fold(nick));
  }

  function react(conversation, nick, msgid, emoji) {
    if (!conversation.reactions.has(msgid)) conversation.reactions.set(msgid, new Map());
    const byEmoji = conversation.reactions.get(msgid);
    if (!byEmoji.has(emoji)) byEmoji.set(emoji, new Set());
    byEmoji.get(emoji).add(nick);
  }

  /** A REDACT's conversation: the room, or the other side of a private conversation. */
  function redactedIn(msg) {
    const target = msg.params[0];
    if (isRoom(target)) return state.find(target);
    return state.find(state.isMe(msg.nick) ? target : msg.nick);
  }

  function setAway(nick, away) {
    for (const room of state.withMember(nick)) room.members.get(fold(nick)).away = away;
  }

  return {
    TAGMSG(msg) {
      const conversation = state.find(conversationFor(msg));
      if (!conversation || !msg.nick) return;
      if (msg.tags['+typing'] !== undefined && !state.isMe(msg.nick)) typing(conversation, msg.nick, msg.tags['+typing']);
      const emoji = msg.tags['+draft/react'];
      const about = msg.tags['+draft/reply'];
      if (emoji && about) react(conversation, msg.nick, about, emoji);
      if (conversation === state.current) redraw();
    },
    REDACT(msg) {
      const conversation = redactedIn(msg);
      if (conversation && conversation.redact(msg.params[1])) {
        conversation.recount(nick => state.isMe(nick));
        redraw();
      }
    },
    MARKREAD(msg) {
      const conversation = state.find(msg.params[0]);
      const value = msg.params[1] || '';
      if (!conversation || !value.startsWith('timestamp=')) return;
      const time = Date.parse(value.slice('timestamp='.length));
      if (Number.isNaN(time) || (conversation.marker !== null && time <= conversation.marker)) return;
      conversation.marker = time;
      conversation.recount(nick => state.isMe(nick));
      redraw();
    },
    AWAY(msg) {
      setAway(msg.nick, msg.params.length ? msg.params[0] || true : null);
      redraw();
    },
    352(msg) {
      const [, room, , , , nick, flags] = msg.params;
      const member = state.find(room) && state.find(room).members.get(fold(nick));
      if (member) member.away = flags.startsWith('G') ? member.away || true : null;
    },
    315() { redraw(); },
    321() { app.roomBrowser.start(); },
    322(msg) { app.roomBrowser.add(msg.params[1], msg.params[2], msg.params[3]); },
    323() { app.roomBrowser.end(); },
  };
}
