// What the server's lines do to the state: one handler per command or numeric, then a redraw.
// Shared with main.js through app: the state, the ui, the current connection and history, the
// requests still waiting for an answer (pending), and the few drawing helpers both need.
import { PAGE, block } from './history.js';
import { fold, isRoom } from './irc.js';
import { mentions } from './format.js';
import { joined } from './multiline.js';
import { TYPING_LABEL } from './outgoing.js';
import { JOIN_REFUSALS, describe, isError, standardReply } from './replies.js';
import { taggedEvents } from './tagged.js';

/** Replies that are only noise in a chat window, or that a handler below already shows. */
const QUIET = new Set(['002', '003', '004', '250', '251', '252', '253', '254', '255', '265', '266', '372', '375',
  '376', '422', '329', '333', '396']);

const now = () => Date.now();

function timeOf(msg) {
  const parsed = msg.tags.time ? Date.parse(msg.tags.time) : NaN;
  return Number.isNaN(parsed) ? now() : parsed;
}

/** A PRIVMSG or NOTICE as the feed shows it; mention says whether it names me (the nick given). */
function messageEntry(msg, me) {
  let text = msg.params[1] || '';
  const ctcp = text.match(/^\u0001ACTION ?(.*?)\u0001?$/);
  if (ctcp) text = ctcp[1];
  return { time: timeOf(msg), msgid: msg.tags.msgid, nick: msg.nick, text, action: Boolean(ctcp),
    kind: msg.command === 'NOTICE' ? 'notice' : null, reply: msg.tags['+draft/reply'] || null,
    mention: mentions(text, me) };
}

/** Returns onLine(msg) for the connection's handlers. */
export function serverEvents(app) {
  const { state, ui, pending, note, deliver, select, redraw, openFirst } = app;
  const batches = new Map();

  function conversationFor(msg) {
    const target = msg.params[0];
    if (isRoom(target.replace(/^[@+]/, ''))) return target.replace(/^[@+]/, '');
    return state.isMe(msg.nick) ? target : msg.nick;
  }

  function privmsg(msg) {
    const name = conversationFor(msg);
    const known = state.find(name);
    if (known) known.typing.delete(fold(msg.nick || ''));
    deliver(name, messageEntry(msg, state.nick));
    if (pending.query && fold(name) === pending.query && state.isMe(msg.nick)) {
      pending.query = null;
      select(state.find(name));
    }
  }

  /** A refused JOIN or /msg leaves nothing behind: no conversation for a room or nick that is not there. */
  function refused(msg) {
    const about = msg.params[1] || '';
    if (JOIN_REFUSALS.has(msg.command)) pending.joins.delete(fold(about));
    if (msg.command === '401' && pending.query === fold(about)) pending.query = null;
    const query = msg.command === '401' ? state.find(about) : null;
    if (query && query.kind === 'query' && !query.messages.length) state.remove(about);
    note(describe(msg), 'problem');
  }

  function endOfNames(msg) {
    const room = state.find(msg.params[1]);
    if (!room) return;
    room.namesPending = false;
    if (pending.users.delete(fold(room.name))) {
      const shown = [...room.members.values()].map(m => m.prefix + m.nick);
      room.add([{ time: now(), text: `Users (${shown.length}): ${shown.join(' ')}`, kind: 'notice' }]);
    }
    redraw();
  }

  /**
   * A draft/multiline batch as the one PRIVMSG (or NOTICE) it stands for: the text of its lines
   * joined, the msgid, time and tags of its opening line (those of its first line when absent).
   */
  function multilineMessage(batch) {
    const lines = batch.lines.filter(m => m.command === 'PRIVMSG' || m.command === 'NOTICE');
    if (!lines.length) return null;
    const first = lines[0];
    const tags = { ...first.tags, ...batch.opening.tags };
    delete tags.batch;
    if (batch.opening.tags.batch) tags.batch = batch.opening.tags.batch;
    return { ...first, tags, source: batch.opening.source || first.source, nick: batch.opening.nick || first.nick,
      params: [batch.target || first.params[0], joined(lines)] };
  }

  /**
   * A chathistory batch. With draft/event-playback it also replays kept TAGMSGs (reactions), which
   * go where live ones go; the server counts them in the page, so a full page means there may be more.
   */
  function historyBatch(batch) {
    const entries = batch.lines.filter(m => m.command === 'PRIVMSG' || m.command === 'NOTICE')
      .map(m => messageEntry(m, state.nick));
    const purpose = app.history.answered(batch.target);
    if (purpose.kind !== 'show') {
      for (const m of batch.lines) if (m.command === 'TAGMSG') handlers.TAGMSG(m);
    }
    if (purpose.kind === 'around') {
      const conversation = state.find(batch.target);
      if (!conversation) return;
      conversation.add(entries);
      conversation.highlight = purpose.msgid;
      conversation.highlightShown = false;
      conversation.recount(nick => state.isMe(nick));
    } else if (purpose.kind === 'show') {
      (state.find(batch.target) || state.shown()).add(block(batch.target, entries, now()));
    } else {
      const conversation = state.find(batch.target);
      if (!conversation) return;
      conversation.add(entries);
      conversation.recount(nick => state.isMe(nick));
      conversation.hasOlder = batch.lines.length >= PAGE;
      conversation.loadingOlder = false;
    }
    redraw();
  }

  const handlers = {
    '001'(msg) {
      state.nick = msg.params[0];
      ui.showChat();
      const rooms = state.rooms().filter(r => r.joined).map(r => r.name);
      const toJoin = rooms.length ? rooms : [app.firstRoom].filter(Boolean);
      if (!rooms.length && app.firstRoom) pending.joins.add(fold(app.firstRoom));
      if (toJoin.length) app.connection.send('JOIN', [toJoin.join(',')]);
      for (const query of state.conversations.values()) {
        if (query.kind === 'query') app.history.latest(query.name);
      }
      redraw();
    },
    '005'(msg) {
      const token = msg.params.find(p => p.startsWith('CHATHISTORY='));
      if (token) app.history.setLimit(token.split('=')[1]);
    },
    '331'(msg) {
      const room = msg.params[1];
      (state.find(room) || state.shown()).add([{ time: now(), text: `No topic is set in ${room}`, kind: 'event' }]);
      redraw();
    },
    '332'(msg) {
      const room = state.find(msg.params[1]);
      if (!room) { note(`Topic of ${msg.params[1]}: ${msg.params[2]}`); return; }
      room.topic = msg.params[2];
      room.add([{ time: now(), text: `Topic: ${room.topic}`, kind: 'event' }]);
      redraw();
    },
    '353'(msg) {
      const room = state.find(msg.params[2]);
      if (!room) return;
      if (!room.namesPending) { room.members = new Map(); room.namesPending = true; }
      for (const entry of msg.params[3].split(' ').filter(Boolean)) {
        const match = entry.match(/^([~&@%+]*)([^!]+)/);
        room.members.set(fold(match[2]), { nick: match[2], prefix: match[1] });
      }
    },
    '366': endOfNames,
    '381'(msg) { state.operator = true; note(describe(msg)); },
    JOIN(msg) {
      if (state.isMe(msg.nick)) {
        const room = state.get(msg.params[0]);
        room.name = msg.params[0];
        room.joined = true;
        if (!state.current) openFirst(room);
        if (pending.joins.delete(fold(room.name))) select(room);
        app.history.latest(room.name);
        app.connection.send('WHO', [room.name]);
      } else {
        const room = state.find(msg.params[0]);
        if (!room) return;
        room.members.set(fold(msg.nick), { nick: msg.nick, prefix: '' });
        room.add([{ time: timeOf(msg), text: `${msg.nick} joined`, kind: 'event' }]);
      }
      redraw();
    },
    PART(msg) {
      if (state.isMe(msg.nick)) {
        state.remove(msg.params[0]);
        note(`You left ${msg.params[0]}`, 'event');
        return;
      }
      const room = state.find(msg.params[0]);
      if (!room) return;
      room.members.delete(fold(msg.nick));
      room.add([{ time: timeOf(msg), text: `${msg.nick} left${msg.params[1] ? ` (${msg.params[1]})` : ''}`, kind: 'event' }]);
      redraw();
    },
    KICK(msg) {
      const room = state.find(msg.params[0]);
      if (!room) return;
      const reason = msg.params[2] ? ` (${msg.params[2]})` : '';
      if (state.isMe(msg.params[1])) {
        room.joined = false;
        room.members = new Map();
        room.add([{ time: timeOf(msg), text: `You were kicked from ${room.name} by ${msg.nick}${reason}`, kind: 'problem' }]);
      } else {
        room.members.delete(fold(msg.params[1]));
        room.add([{ time: timeOf(msg), text: `${msg.params[1]} was kicked by ${msg.nick}${reason}`, kind: 'event' }]);
      }
      redraw();
    },
    QUIT(msg) {
      for (const room of state.withMember(msg.nick)) {
        room.members.delete(fold(msg.nick));
        room.add([{ time: timeOf(msg), text: `${msg.nick} quit${msg.params[0] ? ` (${msg.params[0]})` : ''}`, kind: 'event' }]);
      }
      redraw();
    },
    NICK(msg) {
      const renamed = msg.params[0];
      if (state.isMe(msg.nick)) { state.nick = renamed; app.connection.login.nick = renamed; }
      for (const room of state.withMember(msg.nick)) {
        const member = room.members.get(fold(msg.nick));
        room.members.delete(fold(msg.nick));
        room.members.set(fold(renamed), { ...member, nick: renamed });
        room.add([{ time: timeOf(msg), text: `${msg.nick} is now ${renamed}`, kind: 'event' }]);
      }
      redraw();
    },
    MODE(msg) {
      const [target, modes, ...args] = msg.params;
      if (!isRoom(target)) {
        if (state.isMe(target) && /\+[a-z]*o/.test(modes)) { state.operator = true; redraw(); }
        return;
      }
      const room = state.find(target);
      if (!room) return;
      let adding = true;
      for (const c of modes || '') {
        if (c === '+' || c === '-') { adding = c === '+'; continue; }
        if ('ov'.includes(c)) {
          const nick = args.shift();
          const member = room.members.get(fold(nick || ''));
          const symbol = c === 'o' ? '@' : '+';
          if (member) member.prefix = adding ? symbol + member.prefix.replace(symbol, '') : member.prefix.replace(symbol, '');
        } else if ('bklIe'.includes(c) && (adding || c !== 'l')) args.shift();
      }
      room.add([{ time: timeOf(msg), text: `${msg.nick} set mode ${msg.params.slice(1).join(' ')}`, kind: 'event' }]);
      redraw();
    },
    TOPIC(msg) {
      const room = state.find(msg.params[0]);
      if (!room) return;
      room.topic = msg.params[1] || '';
      room.add([{ time: timeOf(msg), text: `${msg.nick} set the topic: ${room.topic}`, kind: 'event' }]);
      redraw();
    },
    PRIVMSG: privmsg,
    NOTICE(msg) {
      if (!msg.nick || msg.nick.includes('.') || msg.params[0] === '*') { note(msg.params[1]); return; }
      deliver(conversationFor(msg), messageEntry(msg, state.nick));
    },
    BATCH(msg) {
      const ref = msg.params[0].slice(1);
      if (msg.params[0].startsWith('+')) {
        batches.set(ref, { type: msg.params[1], target: msg.params[2], lines: [], opening: msg, parent: msg.tags.batch });
        return;
      }
      const batch = batches.get(ref);
      batches.delete(ref);
      if (!batch) return;
      if (batch.type === 'draft/multiline') {
        const whole = multilineMessage(batch);
        if (!whole) return;
        if (batch.parent && batches.has(batch.parent)) batches.get(batch.parent).lines.push(whole);
        else if (handlers[whole.command]) handlers[whole.command](whole);
      } else if (/chathistory$/.test(batch.type)) historyBatch(batch);
      else if (batch.type === 'soju.im/search') app.search.results(batch.lines.filter(m => m.command === 'PRIVMSG'
        || m.command === 'NOTICE').map(m => ({ ...messageEntry(m, state.nick), conversation: conversationFor(m) })));
    },
    FAIL(msg) {
      if (msg.params[0] === 'SEARCH' && app.search) app.search.failed(standardReply(msg));
      if (!app.connection.registered) app.connection.refuse(standardReply(msg));
      else note(standardReply(msg), 'problem');
    },
    KILL(msg) { app.connection.refuse(`Disconnected by ${msg.nick}: ${msg.params[1] || ''}`); },
    ERROR(msg) {
      if (app.connection.stopped) return;
      const text = msg.params[0] || 'Disconnected';
      if (!app.connection.registered || /ban|kill|k-lined|password/i.test(text)) app.connection.refuse(text);
      else ui.status(text, true);
    },
    REGISTER(msg) {
      if (msg.params[0] === 'SUCCESS') {
        note(`Your nickname ${msg.params[1]} is now a registered account: log in with it and this password from now on`);
      }
    },
  };

  Object.assign(handlers, taggedEvents(app, conversationFor, timeOf));

  function onLine(msg) {
    if (msg.tags.label === TYPING_LABEL && msg.command !== 'TAGMSG') return;
    if (msg.command === 'BATCH') { handlers.BATCH(msg); return; }
    if (msg.tags.batch && batches.has(msg.tags.batch)) {
      batches.get(msg.tags.batch).lines.push(msg);
      return;
    }
    const handler = handlers[msg.command];
    if (handler) handler(msg);
    else if (!/^\d{3}$/.test(msg.command) || QUIET.has(msg.command)) return;
    else if (isError(msg.command) && (!app.connection.registered || msg.command === '465')) app.connection.refuse(describe(msg));
    else if (isError(msg.command)) refused(msg);
    else note(describe(msg));
  }

  return onLine;
}
