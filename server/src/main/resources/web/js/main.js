// The browser client: logs in with the seed's three fields, then keeps the state in step with the
// server's lines and the user's input.
import { Connection } from './connection.js';
import { interpret } from './commands.js';
import { fold, isRoom } from './irc.js';
import { State } from './state.js';
import { Ui } from './ui.js';

const PAGE = 50;
const $ = id => document.getElementById(id);
const state = new State();
const ui = new Ui(state);
let connection = null;
let firstRoom = null;
const batches = new Map();

function now() {
  return Date.now();
}

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
  const target = state.current || state.get(firstRoom || '#general');
  target.add([{ time: now(), text, kind }]);
  if (!state.current) state.current = target;
  redraw();
}

function deliver(conversationName, entry, countUnread = true) {
  const conversation = state.get(conversationName);
  if (conversation.add([entry]) && countUnread && conversation !== state.current && !entry.kind) {
    conversation.unread += 1;
  }
  if (!state.current) state.current = conversation;
  redraw();
}

function messageEntry(msg) {
  let text = msg.params[1] || '';
  let action = false;
  const ctcp = text.match(/^\u0001ACTION ?(.*?)\u0001?$/);
  if (ctcp) { text = ctcp[1]; action = true; }
  return { time: timeOf(msg), msgid: msg.tags.msgid, nick: msg.nick, text: action ? `${text}` : text, action,
    kind: msg.command === 'NOTICE' ? 'notice' : null };
}

function conversationFor(msg) {
  const target = msg.params[0];
  if (isRoom(target.replace(/^[@+]/, ''))) return target.replace(/^[@+]/, '');
  return state.isMe(msg.nick) ? target : msg.nick;
}

/** LATEST, or the page before a message (by msgid: many messages can share a millisecond). */
function requestHistory(name, before) {
  if (!connection.has('draft/chathistory')) return;
  const anchor = before ? `msgid=${before.msgid}` : '*';
  connection.send('CHATHISTORY', [before ? 'BEFORE' : 'LATEST', name, anchor, String(PAGE)]);
}

const handlers = {
  '001'(msg) {
    state.nick = msg.params[0];
    ui.showChat();
    const rooms = state.rooms().map(r => r.name);
    const toJoin = rooms.length ? rooms : [firstRoom];
    if (toJoin.length && toJoin[0]) connection.send('JOIN', [toJoin.join(',')]);
    for (const query of state.conversations.values()) {
      if (query.kind === 'query') requestHistory(query.name);
    }
  },
  '332'(msg) { state.get(msg.params[1]).topic = msg.params[2]; redraw(); },
  '353'(msg) {
    const room = state.get(msg.params[2]);
    if (!room.namesPending) { room.members = new Map(); room.namesPending = true; }
    for (const entry of msg.params[3].split(' ').filter(Boolean)) {
      const match = entry.match(/^([~&@%+]*)([^!]+)/);
      room.members.set(fold(match[2]), { nick: match[2], prefix: match[1] });
    }
  },
  '366'(msg) { const room = state.get(msg.params[1]); room.namesPending = false; redraw(); },
  '381'() { state.operator = true; redraw(); },
  '433'(msg) {
    if (!connection.registered) {
      connection.refuse(`${msg.params[1]}: ${msg.params[2]}`);
    } else note(`${msg.params[1]}: ${msg.params[2]}`, 'problem');
  },
  '464'(msg) { connection.refuse(msg.params[1] || 'Password incorrect'); },
  '465'(msg) { connection.refuse(msg.params[1] || 'You are banned from this server'); },
  JOIN(msg) {
    const room = state.get(msg.params[0]);
    if (state.isMe(msg.nick)) {
      room.name = msg.params[0];
      room.joined = true;
      if (!state.current || fold(room.name) === fold(firstRoom || '') || room.switchOnJoin) {
        room.switchOnJoin = false;
        select(room);
      }
      requestHistory(room.name);
    } else {
      room.members.set(fold(msg.nick), { nick: msg.nick, prefix: '' });
      room.add([{ time: timeOf(msg), text: `${msg.nick} joined`, kind: 'event' }]);
    }
    redraw();
  },
  PART(msg) {
    if (state.isMe(msg.nick)) { state.remove(msg.params[0]); redraw(); return; }
    const room = state.get(msg.params[0]);
    room.members.delete(fold(msg.nick));
    room.add([{ time: timeOf(msg), text: `${msg.nick} left${msg.params[1] ? ` (${msg.params[1]})` : ''}`, kind: 'event' }]);
    redraw();
  },
  KICK(msg) {
    const room = state.get(msg.params[0]);
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
    if (state.isMe(msg.nick)) state.nick = renamed;
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
    const room = state.get(target);
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
    const room = state.get(msg.params[0]);
    room.topic = msg.params[1] || '';
    room.add([{ time: timeOf(msg), text: `${msg.nick} set the topic: ${room.topic}`, kind: 'event' }]);
    redraw();
  },
  PRIVMSG(msg) { deliver(conversationFor(msg), messageEntry(msg)); },
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
    if (!batch || !/chathistory$/.test(batch.type)) return;
    const conversation = state.get(batch.target);
    const entries = batch.lines.filter(m => m.command === 'PRIVMSG' || m.command === 'NOTICE').map(messageEntry);
    conversation.add(entries);
    if (conversation.loadingOlder) {
      conversation.loadingOlder = false;
      if (entries.length < PAGE) conversation.historyDone = true;
    }
    redraw();
  },
  FAIL(msg) { note(`${msg.params[0]} failed: ${msg.params[msg.params.length - 1]}`, 'problem'); },
  KILL(msg) { connection.refuse(`Disconnected by ${msg.nick}: ${msg.params[1] || ''}`); },
  ERROR(msg) {
    const text = msg.params[0] || 'Disconnected';
    if (/ban|kill|k-lined|password/i.test(text)) connection.refuse(text);
    else ui.status(text, true);
  },
  REGISTER(msg) { if (msg.params[0] === 'SUCCESS') note(`Account ${msg.params[1]} registered: ${msg.params[2] || ''}`); },
};

function onLine(msg) {
  if (msg.tags.batch && batches.has(msg.tags.batch)) {
    batches.get(msg.tags.batch).lines.push(msg);
    return;
  }
  const handler = handlers[msg.command];
  if (handler) {
    handler(msg);
  } else if (/^[45]\d\d$/.test(msg.command)) {
    note(msg.params.slice(1).join(' '), 'problem');
  } else if (['301', '311', '312', '317', '318', '319', '330', '367', '368', '305', '306', '341', '900', '372', '375', '376'].includes(msg.command)
      && connection.registered) {
    if (!['375', '372', '376', '900'].includes(msg.command)) note(msg.params.slice(1).join(' '));
  }
}

function onState(kind, detail) {
  if (kind === 'connecting') ui.status('Connecting…');
  if (kind === 'registered') ui.status('Connected');
  if (kind === 'reconnecting') ui.status(`Connection lost; reconnecting in ${detail} s…`, true);
  if (kind === 'refused') {
    if (connection.registered || state.nick) {
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

function say(target, text, action = false) {
  const body = action ? `\u0001ACTION ${text}\u0001` : text;
  if (!connection.send('PRIVMSG', [target, body])) {
    note('Not connected; your message was not sent', 'problem');
    return false;
  }
  if (!connection.has('echo-message')) {
    deliver(target, { time: now(), nick: state.nick, text, action }, false);
  }
  return true;
}

async function kick(nick, reason) {
  const room = state.current;
  const answer = await ui.confirm(`Kick ${nick} from ${room.name}?`, reason);
  if (answer !== null) connection.send('KICK', answer ? [room.name, nick, answer] : [room.name, nick]);
}

async function ban(nick, reason) {
  const answer = await ui.confirm(`Ban ${nick} from the server? They are disconnected at once.`, reason);
  if (answer !== null) connection.send('BAN', answer ? [nick, answer] : [nick]);
}

function loadOlder() {
  const current = state.current;
  if (!current || current.historyDone || current.loadingOlder) return;
  const oldest = current.oldest();
  if (!oldest) { current.historyDone = true; redraw(); return; }
  current.loadingOlder = true;
  requestHistory(current.name, oldest);
}

function submit(event) {
  event.preventDefault();
  const input = $('message-input');
  const text = input.value;
  if (!text.trim()) return;
  const current = state.current ? state.current.name : null;
  if (text.startsWith('/') && !text.startsWith('//')) {
    const action = interpret(text, current);
    if (action.send) action.send.forEach(([command, params]) => connection.send(command, params));
    if (action.switchTo) state.get(action.switchTo).switchOnJoin = true;
    if (action.say) { say(action.to, action.say); select(state.get(action.to)); }
    if (action.action && current) say(current, action.action, true);
    if (action.local) note(action.local);
    if (action.older) loadOlder();
    if (action.raw) connection.socket.send(action.raw);
    if (action.confirm) (action.confirm.kind === 'kick' ? kick : ban)(action.confirm.nick, action.confirm.reason);
    if (action.quit !== undefined) { connection.quit(action.quit); ui.showLogin('You left the chat.'); }
  } else if (current) {
    if (!say(current, text.startsWith('//') ? text.slice(1) : text)) return;
  } else {
    note('Join a room first: /join #room', 'problem');
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
  $('login-error').textContent = '';
  $('login-button').disabled = true;
  state.conversations.clear();
  state.current = null;
  state.nick = null;
  state.operator = false;
  $('message-input').disabled = false;
  connection = new Connection({ nick, password }, { onLine, onState });
  connection.open();
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
  $('join-form').addEventListener('submit', event => {
    event.preventDefault();
    const name = $('join-input').value.trim();
    if (!name) return;
    const room = isRoom(name) ? name : `#${name}`;
    state.get(room).switchOnJoin = true;
    connection.send('JOIN', [room]);
    $('join-input').value = '';
  });
  $('toggle-rooms').addEventListener('click', () => togglePane('toggle-rooms', 'rooms-pane'));
  $('toggle-members').addEventListener('click', () => togglePane('toggle-members', 'members-pane'));
  $('feed').addEventListener('scroll', () => { if ($('feed').scrollTop === 0) loadOlder(); });
  $('login-nick').focus();
});
