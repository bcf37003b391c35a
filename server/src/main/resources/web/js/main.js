// The browser client: logs in with the seed's three fields, then keeps the state in step with the
// server's lines and the user's input.
import { Compose } from './compose.js';
import { Connection } from './connection.js';
import { interpret } from './commands.js';
import { serverEvents } from './events.js';
import { FeedView } from './feed.js';
import { History } from './history.js';
import { connectionStates } from './lifecycle.js';
import { fold, isRoom } from './irc.js';
import { Notifier } from './notify.js';
import { Outgoing } from './outgoing.js';
import { RoomBrowser } from './rooms.js';
import { SearchPanel } from './search.js';
import { State, countable } from './state.js';
import { Ui } from './ui.js';

const $ = id => document.getElementById(id);
const state = new State();
const ui = new Ui(state);
let feedView = null;
let compose = null;
let notifier = null;
let connection = null;
let outgoing = null;
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

const now = () => Date.now();

const isMe = nick => state.isMe(nick);

function redraw() {
  markRead();
  ui.renderRooms({ select, leave });
  ui.renderHeader();
  feedView.render();
  ui.renderMembers({ kick, ban, openQuery });
}

/**
 * The open conversation, seen to its end in a visible page, is read: the "New messages" line is
 * placed first (where reading starts), then the read marker moves to its latest message, on the
 * server too (draft/read-marker) so the account's other clients and later visits agree.
 */
function markRead() {
  const current = state.current;
  if (!current || document.visibilityState !== 'visible' || !feedView.atBottom()) return;
  if (current.dividerAt === null && current.unread) current.dividerAt = current.firstUnread(isMe).time;
  current.unread = 0;
  current.mentions = 0;
  const latest = current.latest();
  if (latest === null || (current.marker !== null && latest <= current.marker)) return;
  current.marker = latest;
  if (connection && connection.has('draft/read-marker')) {
    connection.send('MARKREAD', [current.name, `timestamp=${new Date(latest).toISOString()}`]);
  }
}

function select(conversation) {
  if (state.current && state.current !== conversation) state.current.dividerAt = null;
  state.current = conversation;
  feedView.picking = null;
  outgoing.setReply(null);
  for (const pane of ['rooms-pane', 'members-pane']) $(pane).classList.remove('open');
  redraw();
  $('message-input').focus();
}

/** Leave a joined room (PART), or close a DM or a room we are no longer in. */
function leave(conversation) {
  if (conversation.kind === 'room' && conversation.joined) { connection.send('PART', [conversation.name]); return; }
  state.remove(conversation.name);
  redraw();
}

/** A new private conversation asks where the account stopped reading it (rooms get theirs on JOIN). */
function askMarker(name) {
  if (!isRoom(name) && connection && connection.has('draft/read-marker')) connection.send('MARKREAD', [name]);
}

/** Opens (or creates) the private conversation with nick: click a nick to DM. */
function openQuery(nick) {
  if (!state.find(nick)) askMarker(nick);
  const conversation = state.get(nick);
  if (!conversation.messages.length && !conversation.asked) {
    conversation.asked = true;
    history.latest(nick);
  }
  select(conversation);
}

/** A line the server did not attach to a conversation: shown where the user is looking. */
function note(text, kind = 'notice') {
  if (text === null || text === undefined) return;
  state.shown().add([{ time: now(), text, kind }]);
  redraw();
}

function deliver(conversationName, entry, countUnread = true) {
  if (!state.find(conversationName)) askMarker(conversationName);
  const conversation = state.get(conversationName);
  const added = conversation.add([entry]);
  const reading = conversation === state.current && document.visibilityState === 'visible';
  if (added && countUnread && countable(entry, isMe) && !reading) {
    conversation.unread += 1;
    if (entry.mention) conversation.mentions += 1;
  }
  if (added && countUnread && countable(entry, isMe) && (entry.mention || conversation.kind === 'query')) {
    notifier.message(conversation, entry, reading);
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

/** A search result clicked: its conversation opened around it (CHATHISTORY AROUND), highlighted. */
function showResult(entry) {
  const name = entry.conversation;
  if (!isRoom(name) && !state.find(name)) askMarker(name);
  const conversation = state.get(name);
  conversation.highlight = entry.msgid;
  conversation.highlightShown = false;
  select(conversation);
  if (entry.msgid) history.around(conversation.name, entry.msgid);
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
  if (!connection.has('echo-message')) { outgoing.say(to, text); select(state.get(to)); return; }
  const open = state.find(to);
  if (open) select(open);
  else pending.query = fold(to);
  outgoing.say(to, text);
}

/** Carries out what a slash command asked for. */
function perform(action) {
  if (action.send) action.send.forEach(([command, params]) => connection.send(command, params));
  if (action.join) join(action.join);
  if (action.say) message(action.to, action.say);
  if (action.action) outgoing.say(state.current.name, action.action, true);
  if (action.history) history.show(action.history.target, action.history.count);
  if (action.search) app.search.open(action.search);
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
  if (event) event.preventDefault();
  const input = $('message-input');
  const text = input.value;
  if (!text.trim()) return;
  const current = state.current;
  if (text.startsWith('/') && !text.startsWith('//')) {
    perform(interpret(text, context()));
  } else if (current && (current.kind !== 'room' || current.joined)) {
    if (!outgoing.say(current.name, text.startsWith('//') ? text.slice(1) : text)) return;
  } else if (current) {
    note(`You are not in ${current.name} — /join ${current.name} first`, 'problem');
    return;
  } else {
    note('You are in no room — /join a room first', 'problem');
    return;
  }
  compose.sentLine(text);
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

const app = { state, ui, pending, connection: null, history: null, firstRoom: null, roomBrowser: null, search: null,
  note, deliver, select, redraw, openFirst };
const onLine = serverEvents(app);
const onState = connectionStates(app);
app.onLine = onLine;

document.addEventListener('DOMContentLoaded', () => {
  outgoing = new Outgoing(app);
  feedView = new FeedView(state, {
    reply: entry => outgoing.setReply(entry),
    react: (entry, emoji) => outgoing.react(entry, emoji),
    remove: entry => outgoing.remove(entry),
    canRedact: entry => outgoing.canRedact(entry),
    openQuery,
  });
  compose = new Compose({
    submit: () => submit(null),
    typing: value => outgoing.typing(value),
    names: () => (state.current ? [...state.current.members.values()].map(m => m.nick) : []),
  });
  notifier = new Notifier();
  notifier.onOpen = select;
  app.roomBrowser = new RoomBrowser((command, params) => connection.send(command, params), join,
    name => Boolean(state.find(name) && state.find(name).joined));
  app.search = new SearchPanel({
    send: (command, params) => connection.send(command, params),
    has: cap => Boolean(connection && connection.has(cap)),
    room: () => (state.current && state.current.kind === 'room' && state.current.joined ? state.current.name : null),
    show: showResult,
  });
  $('reply-cancel').addEventListener('click', () => outgoing.setReply(null));
  $('feed').addEventListener('scroll', () => { if (feedView.atBottom() && state.current && state.current.unread) redraw(); });
  document.addEventListener('visibilitychange', () => { if (connection && connection.registered) redraw(); });
  // Typing notices lapse by time: the line under the feed is checked every second.
  setInterval(() => feedView.renderTyping(state.shown()), 1000);
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
