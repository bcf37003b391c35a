// The browser client: logs in with the seed's three fields, then keeps the state in step with the
// server's lines and the user's input.
import { TEXT_BYTES, split } from './chunks.js';
import { Connection } from './connection.js';
import { interpret } from './commands.js';
import { History, PAGE, block } from './history.js';
import { fold, isRoom } from './irc.js';
import { JOIN_REFUSALS, describe, isError, standardReply } from './replies.js';
import { State } from './state.js';
import { Ui } from './ui.js';

/** Replies that are only noise in a chat window, or that a handler below already shows. */
const QUIET = new Set(['002', '003', '004', '250', '251', '252', '253', '254', '255', '265', '266', '372', '375',
  '376', '422', '329', '333', '396']);

const $ = id => document.getElementById(id);
const state = new State();
const ui = new Ui(state);
let connection = null;
let history = null;
let firstRoom = null;
/** Rooms asked for with /join or the join field: switched to when the server says we are in. */
const pendingJoins = new Set();
/** The nick of a /msg whose echo opens (and switches to) the conversation; null when none. */
let pendingQuery = null;
/** Rooms whose next NAMES reply was asked for with /users, so it is printed. */
const usersAsked = new Set();
const batches = new Map();
let countdown = null;

const now = () => Date.now();

function timeOf(msg) {
  const parsed = msg.tags.time ? Date.parse(msg.tags.time) : NaN;
  return Number.isNaN(parsed) ? now() : parsed;
}

function redraw() {
  ui.renderRooms(select);
  ui.renderHeader();
  ui.renderFeed();
  ui.renderMembers(kick, ban);
}

function select(conversation) {
  state.current = conversation;
  conversation.unread = 0;
  for (const pane of ['rooms-pane', 'members-pane']) $(pane).classList.remove('open');
  redraw();
  $('message-input').focus();
}

/** A line the server did not attach to a conversation: shown where the user is looking. */
function note(text, kind = 'notice') {
  if (text === null || text === undefined) return;
  state.shown().add([{ time: now(), text, kind }]);
  redraw();
}

function deliver(conversationName, entry, countUnread = true) {
  const conversation = state.get(conversationName);
  if (conversation.add([entry]) && countUnread && conversation !== state.current && !entry.kind) {
    conversation.unread += 1;
  }
  if (!state.current) openFirst(conversation);
  redraw();
}

/** The first conversation opened takes what the lobby said meanwhile (login, operator status). */
function openFirst(conversation) {
  conversation.add(state.lobby.messages);
  state.lobby.messages = [];
  state.current = conversation;
}

function messageEntry(msg) {
  let text = msg.params[1] || '';
  const ctcp = text.match(/^\u0001ACTION ?(.*?)\u0001?$/);
  if (ctcp) text = ctcp[1];
  return { time: timeOf(msg), msgid: msg.tags.msgid, nick: msg.nick, text, action: Boolean(ctcp),
    kind: msg.command === 'NOTICE' ? 'notice' : null };
}

function conversationFor(msg) {
  const target = msg.params[0];
  if (isRoom(target.replace(/^[@+]/, ''))) return target.replace(/^[@+]/, '');
  return state.isMe(msg.nick) ? target : msg.nick;
}

function privmsg(msg) {
  const name = conversationFor(msg);
  deliver(name, messageEntry(msg));
  if (pendingQuery && fold(name) === pendingQuery && state.isMe(msg.nick)) {
    pendingQuery = null;
    select(state.find(name));
  }
}

/** A refused JOIN or /msg leaves nothing behind: no conversation for a room or nick that is not there. */
function refused(msg) {
  const about = msg.params[1] || '';
  if (JOIN_REFUSALS.has(msg.command)) pendingJoins.delete(fold(about));
  if (msg.command === '401' && pendingQuery === fold(about)) pendingQuery = null;
  const query = msg.command === '401' ? state.find(about) : null;
  if (query && query.kind === 'query' && !query.messages.length) state.remove(about);
  note(describe(msg), 'problem');
}

function endOfNames(msg) {
  const room = state.find(msg.params[1]);
  if (!room) return;
  room.namesPending = false;
  if (usersAsked.delete(fold(room.name))) {
    const shown = [...room.members.values()].map(m => m.prefix + m.nick);
    room.add([{ time: now(), text: `Users (${shown.length}): ${shown.join(' ')}`, kind: 'notice' }]);
  }
  redraw();
}

function historyBatch(batch) {
  const entries = batch.lines.filter(m => m.command === 'PRIVMSG' || m.command === 'NOTICE').map(messageEntry);
  const purpose = history.answered(batch.target);
  if (purpose.kind === 'show') {
    (state.find(batch.target) || state.shown()).add(block(batch.target, entries, now()));
  } else {
    const conversation = state.find(batch.target);
    if (!conversation) return;
    conversation.add(entries);
    conversation.hasOlder = entries.length >= PAGE;
    conversation.loadingOlder = false;
  }
  redraw();
}

const handlers = {
  '001'(msg) {
    state.nick = msg.params[0];
    ui.showChat();
    const rooms = state.rooms().filter(r => r.joined).map(r => r.name);
    const toJoin = rooms.length ? rooms : [firstRoom].filter(Boolean);
    if (!rooms.length && firstRoom) pendingJoins.add(fold(firstRoom));
    if (toJoin.length) connection.send('JOIN', [toJoin.join(',')]);
    for (const query of state.conversations.values()) {
      if (query.kind === 'query') history.latest(query.name);
    }
    redraw();
  },
  '005'(msg) {
    const token = msg.params.find(p => p.startsWith('CHATHISTORY='));
    if (token) history.setLimit(token.split('=')[1]);
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
      if (pendingJoins.delete(fold(room.name))) select(room);
      history.latest(room.name);
    } else {
      const room = state.find(msg.params[0]);
      if (!room) return;
      room.members.set(fold(msg.nick), { nick: msg.nick, prefix: '' });
      room.add([{ time: timeOf(msg), text: `${msg.nick} joined`, kind: 'event' }]);
    }
    redraw();
  },
  PART(msg) {
    if (state.isMe(msg.nick)) { state.remove(msg.params[0]); redraw(); return; }
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
    if (state.isMe(msg.nick)) { state.nick = renamed; connection.login.nick = renamed; }
    for (const room of state.withMember(msg.nick)) {
      const member = room.members.get(fold(msg.nick));
      room.members.delete(fold(msg.nick));
      room.members.set(fold(renamed), { nick: renamed, prefix: member.prefix });
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
    deliver(conversationFor(msg), messageEntry(msg));
  },
  BATCH(msg) {
    const ref = msg.params[0].slice(1);
    if (msg.params[0].startsWith('+')) {
      batches.set(ref, { type: msg.params[1], target: msg.params[2], lines: [] });
      return;
    }
    const batch = batches.get(ref);
    batches.delete(ref);
    if (batch && /chathistory$/.test(batch.type)) historyBatch(batch);
  },
  FAIL(msg) {
    if (!connection.registered) connection.refuse(standardReply(msg));
    else note(standardReply(msg), 'problem');
  },
  KILL(msg) { connection.refuse(`Disconnected by ${msg.nick}: ${msg.params[1] || ''}`); },
  ERROR(msg) {
    if (connection.stopped) return;
    const text = msg.params[0] || 'Disconnected';
    if (!connection.registered || /ban|kill|k-lined|password/i.test(text)) connection.refuse(text);
    else ui.status(text, true);
  },
  REGISTER(msg) {
    if (msg.params[0] === 'SUCCESS') {
      note(`Your nickname ${msg.params[1]} is now a registered account: log in with it and this password from now on`);
    }
  },
};

function onLine(msg) {
  if (msg.tags.batch && batches.has(msg.tags.batch)) {
    batches.get(msg.tags.batch).lines.push(msg);
    return;
  }
  const handler = handlers[msg.command];
  if (handler) handler(msg);
  else if (!/^\d{3}$/.test(msg.command) || QUIET.has(msg.command)) return;
  else if (isError(msg.command) && (!connection.registered || msg.command === '465')) connection.refuse(describe(msg));
  else if (isError(msg.command)) refused(msg);
  else note(describe(msg));
}

function stopCountdown() {
  if (countdown) clearInterval(countdown);
  countdown = null;
}

/** "Reconnecting in 4 s…", counting down each second until the next attempt. */
function startCountdown(at) {
  stopCountdown();
  const show = () => ui.status(`Connection lost; reconnecting in ${Math.max(0, Math.ceil((at - now()) / 1000))} s…`, true);
  show();
  countdown = setInterval(show, 250);
}

function onState(kind, detail) {
  if (kind !== 'reconnecting') stopCountdown();
  if (kind === 'connecting') ui.status('Connecting…');
  if (kind === 'registered') ui.status('Connected');
  if (kind === 'reconnecting') { history.forget(); startCountdown(detail); }
  if (kind === 'refused') {
    if (connection.registered || state.nick) {
      state.ended = true;
      ui.status(detail, true);
      note(detail, 'problem');
      $('message-input').disabled = true;
    } else {
      ui.showLogin(detail);
    }
    if (connection.socket) connection.socket.close();
  }
  if (kind === 'closed' && !connection.registered && !state.nick) ui.showLogin($('login-error').textContent);
}

/** Sends text whole: as several messages, cut between words, when it is longer than one line holds. */
function say(target, text, action = false) {
  for (const chunk of split(text, action ? TEXT_BYTES - 9 : TEXT_BYTES)) {
    if (!connection.send('PRIVMSG', [target, action ? `\u0001ACTION ${chunk}\u0001` : chunk])) {
      note('Not connected; your message was not sent', 'problem');
      return false;
    }
    if (!connection.has('echo-message')) deliver(target, { time: now(), nick: state.nick, text: chunk, action }, false);
  }
  return true;
}

async function kick(nick, reason, room = state.current.name) {
  const answer = await ui.confirm(`Kick ${nick} from ${room}?`, reason);
  if (answer !== null) connection.send('KICK', answer ? [room, nick, answer] : [room, nick]);
}

async function ban(nick, reason) {
  const answer = await ui.confirm(`Ban ${nick} from the server? They are disconnected at once.`, reason);
  if (answer !== null) connection.send('BAN', answer ? [nick, answer] : [nick]);
}

function loadOlder() {
  const current = state.current;
  if (!current || !current.hasOlder || current.loadingOlder) return;
  const oldest = current.oldest();
  if (!oldest) { current.hasOlder = false; redraw(); return; }
  current.loadingOlder = true;
  history.older(current.name, oldest);
}

function join(room) {
  const joined = state.find(room);
  if (joined && joined.joined) { select(joined); return; }
  pendingJoins.add(fold(room));
  connection.send('JOIN', [room]);
}

function context() {
  const current = state.current;
  return {
    conversation: current,
    room: current && current.kind === 'room' && current.joined ? current.name : null,
    joined: name => Boolean(state.find(name) && state.find(name).joined),
    rooms: () => state.rooms().filter(r => r.joined).map(r => r.name),
  };
}

function message(to, text) {
  if (!connection.has('echo-message')) { say(to, text); select(state.get(to)); return; }
  const open = state.find(to);
  if (open) select(open);
  else pendingQuery = fold(to);
  say(to, text);
}

/** Carries out what a slash command asked for. */
function perform(action) {
  if (action.send) action.send.forEach(([command, params]) => connection.send(command, params));
  if (action.join) join(action.join);
  if (action.say) message(action.to, action.say);
  if (action.action) say(state.current.name, action.action, true);
  if (action.history) history.show(action.history.target, action.history.count);
  if (action.users) { usersAsked.add(fold(action.users)); connection.send('NAMES', [action.users]); }
  if (action.switchTo) select(state.find(action.switchTo));
  if (action.help) { state.shown().add(action.help.map(text => ({ time: now(), text, kind: 'help' }))); redraw(); }
  if (action.local) note(action.local, action.problem ? 'problem' : 'notice');
  if (action.raw) connection.socket.send(action.raw);
  if (action.confirm) {
    if (action.confirm.kind === 'kick') kick(action.confirm.nick, action.confirm.reason, action.confirm.room);
    else ban(action.confirm.nick, action.confirm.reason);
  }
  if (action.quit !== undefined) { connection.quit(action.quit); ui.showLogin('You left the chat.'); }
}

function submit(event) {
  event.preventDefault();
  const input = $('message-input');
  const text = input.value;
  if (!text.trim()) return;
  const current = state.current;
  if (text.startsWith('/') && !text.startsWith('//')) {
    perform(interpret(text, context()));
  } else if (current && (current.kind !== 'room' || current.joined)) {
    if (!say(current.name, text.startsWith('//') ? text.slice(1) : text)) return;
  } else if (current) {
    note(`You are not in ${current.name} — /join ${current.name} first`, 'problem');
    return;
  } else {
    note('You are in no room — /join a room first', 'problem');
    return;
  }
  input.value = '';
}

function login(event) {
  event.preventDefault();
  const nick = $('login-nick').value.trim();
  const password = $('login-password').value;
  const room = $('login-room').value.trim();
  firstRoom = room ? (isRoom(room) ? room : `#${room}`) : null;
  ui.connecting();
  state.conversations.clear();
  state.lobby.messages = [];
  state.current = null;
  state.nick = null;
  state.operator = false;
  state.ended = false;
  pendingJoins.clear();
  $('message-input').disabled = false;
  // Lines and states of an earlier, abandoned connection are ignored.
  const mine = new Connection({ nick, password }, {
    onLine: msg => { if (connection === mine) onLine(msg); },
    onState: (kind, detail) => { if (connection === mine) onState(kind, detail); },
  });
  connection = mine;
  history = new History((command, params) => mine.send(command, params), cap => mine.has(cap));
  mine.open();
}

function togglePane(button, pane) {
  const open = !$(pane).classList.contains('open');
  $(pane).classList.toggle('open', open);
  $(button).setAttribute('aria-expanded', String(open));
}

document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', login);
  $('compose').addEventListener('submit', submit);
  $('load-older').addEventListener('click', loadOlder);
  $('rejoin').addEventListener('click', () => { if (state.current) join(state.current.name); });
  $('close-room').addEventListener('click', () => { if (state.current) { state.remove(state.current.name); redraw(); } });
  $('join-form').addEventListener('submit', event => {
    event.preventDefault();
    const name = $('join-input').value.trim();
    if (!name) return;
    join(isRoom(name) ? name : `#${name}`);
    $('join-input').value = '';
  });
  $('toggle-rooms').addEventListener('click', () => togglePane('toggle-rooms', 'rooms-pane'));
  $('toggle-members').addEventListener('click', () => togglePane('toggle-members', 'members-pane'));
  $('feed').addEventListener('scroll', () => { if ($('feed').scrollTop === 0) loadOlder(); });
  $('login-nick').focus();
});
