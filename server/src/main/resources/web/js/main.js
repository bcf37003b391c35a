// The browser client: logs in with the seed's three fields, then keeps the state in step with the
// server's lines and the user's input.
import { TEXT_BYTES, split } from './chunks.js';
import { Connection } from './connection.js';
import { interpret } from './commands.js';
import { serverEvents } from './events.js';
import { History } from './history.js';
import { fold, isRoom } from './irc.js';
import { State } from './state.js';
import { Ui } from './ui.js';

const $ = id => document.getElementById(id);
const state = new State();
const ui = new Ui(state);
let connection = null;
let history = null;
/** Requests waiting for the server's answer. */
const pending = {
  /** Rooms asked for with /join or the join field: switched to when the server says we are in. */
  joins: new Set(),
  /** The nick of a /msg whose echo opens (and switches to) the conversation; null when none. */
  query: null,
  /** Rooms whose next NAMES reply was asked for with /users, so it is printed. */
  users: new Set(),
};
let countdown = null;

const now = () => Date.now();

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
  pending.joins.add(fold(room));
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
  else pending.query = fold(to);
  say(to, text);
}

/** Carries out what a slash command asked for. */
function perform(action) {
  if (action.send) action.send.forEach(([command, params]) => connection.send(command, params));
  if (action.join) join(action.join);
  if (action.say) message(action.to, action.say);
  if (action.action) say(state.current.name, action.action, true);
  if (action.history) history.show(action.history.target, action.history.count);
  if (action.users) { pending.users.add(fold(action.users)); connection.send('NAMES', [action.users]); }
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
  app.firstRoom = room ? (isRoom(room) ? room : `#${room}`) : null;
  ui.connecting();
  state.conversations.clear();
  state.lobby.messages = [];
  state.current = null;
  state.nick = null;
  state.operator = false;
  state.ended = false;
  pending.joins.clear();
  $('message-input').disabled = false;
  // Lines and states of an earlier, abandoned connection are ignored.
  const mine = new Connection({ nick, password }, {
    onLine: msg => { if (connection === mine) onLine(msg); },
    onState: (kind, detail) => { if (connection === mine) onState(kind, detail); },
  });
  connection = mine;
  history = new History((command, params) => mine.send(command, params), cap => mine.has(cap));
  app.connection = connection;
  app.history = history;
  mine.open();
}

function togglePane(button, pane) {
  const open = !$(pane).classList.contains('open');
  $(pane).classList.toggle('open', open);
  $(button).setAttribute('aria-expanded', String(open));
}

const app = { state, ui, pending, connection: null, history: null, firstRoom: null, note, deliver, select, redraw, openFirst };
const onLine = serverEvents(app);

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
