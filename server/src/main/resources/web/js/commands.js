// The terminal client's slash commands, for the browser: the same names, arguments and words (its
// table is client/.../tui/SlashCommands.java). Each returns what to do, for main.js to carry out:
// {send: [[command, params]...]}, {join}, {say, to}, {action}, {history: {target, count}},
// {users}, {search}, {switchTo}, {rooms}, {confirm}, {quit}, {raw}, {help} and/or {local, problem}.
import { isRoom } from './irc.js';

/** Messages /history asks for when no count is given (the terminal client's default). */
export const DEFAULT_HISTORY = 20;
const TEXT = Infinity;
const NO_ROOM = 'You are in no room — /join a room first';

const toWire = name => (isRoom(name) ? name : `#${name}`);

/** The words after the command's name, and the text from the i-th word on, as typed. */
class Args {
  constructor(text) {
    this.text = text.trim();
    this.words = this.text ? this.text.split(/\s+/) : [];
  }

  get count() { return this.words.length; }

  word(i) { return this.words[i]; }

  rest(i) {
    let text = this.text;
    for (let k = 0; k < i; k += 1) text = text.slice(text.indexOf(this.words[k]) + this.words[k].length).trimStart();
    return text;
  }
}

function inRoom(ctx, then) {
  return ctx.room ? then(ctx.room) : { local: NO_ROOM, problem: true };
}

function history(args, ctx) {
  const counted = args.count === 2 || (args.count === 1 && /^[+-]?\d+$/.test(args.word(0)));
  const count = counted ? Number.parseInt(args.word(args.count - 1), 10) : DEFAULT_HISTORY;
  if (!(count > 0)) return { local: 'Usage: /history [nick|room] [n] — n is a positive number', problem: true };
  if (args.count > (counted ? 1 : 0)) {
    const word = args.word(0);
    return { history: { target: isRoom(word) || ctx.joined(toWire(word)) ? toWire(word) : word, count } };
  }
  return inRoom(ctx, room => ({ history: { target: room, count } }));
}

function part(args, ctx) {
  const room = args.count ? toWire(args.word(0)) : ctx.room;
  if (!room) return { local: NO_ROOM, problem: true };
  return { send: [['PART', args.count > 1 ? [room, args.rest(1)] : [room]]] };
}

function switchRoom(args, ctx) {
  const room = toWire(args.word(0));
  if (!ctx.joined(room)) return { local: `You are not in ${room} — /join ${room} first`, problem: true };
  return { switchTo: room, local: `Now talking in ${room}` };
}

function rooms(args, ctx) {
  const names = ctx.rooms();
  if (!names.length) return { local: 'You are in no room — /join general' };
  return { local: `Your rooms: ${names.map(n => (n === ctx.room ? `${n} (current)` : n)).join(', ')}` };
}

function kick(args, ctx) {
  return inRoom(ctx, room => ({ confirm: { kind: 'kick', nick: args.word(0), reason: args.rest(1), room } }));
}

const user = (name, usage, help, min, max, run) => ({ name, usage, help, admin: false, min, max, run });
const admin = (name, usage, help, min, max, run) => ({ name, usage, help, admin: true, min, max, run });

export const COMMANDS = [
  user('history', '[nick|room] [n]', 'show the last n messages of the room, or of your DMs with nick', 0, 2, history),
  user('search', 'words', 'search the messages you can read (also the Search button, Ctrl+K)', 1, TEXT,
    a => ({ search: a.text })),
  user('users', '', 'list the people in the room', 0, 0, (a, ctx) => inRoom(ctx, room => ({ users: room }))),
  user('msg', 'nick text', 'send a private message', 2, TEXT, a => ({ say: a.rest(1), to: a.word(0) })),
  user('join', 'room', 'join a room (created if new) and switch to it', 1, 1, a => ({ join: toWire(a.word(0)) })),
  user('part', '[room] [reason]', 'leave the room (default: the current one)', 0, TEXT, part),
  user('switch', 'room', 'make another joined room the current one', 1, 1, switchRoom),
  user('rooms', '', 'list your rooms', 0, 0, rooms),
  user('me', 'action', 'describe what you do', 1, TEXT, (a, ctx) => (ctx.conversation ? { action: a.text }
    : { local: NO_ROOM, problem: true })),
  user('topic', '[text]', "show or set the room's topic", 0, TEXT,
    (a, ctx) => inRoom(ctx, room => ({ send: [['TOPIC', a.count ? [room, a.text] : [room]]] }))),
  user('nick', 'new', 'change your nickname', 1, 1, a => ({ send: [['NICK', [a.word(0)]]] })),
  user('away', '[message]', 'mark yourself away (no message: back)', 0, TEXT,
    a => ({ send: [['AWAY', a.count ? [a.text] : []]] })),
  user('whois', 'nick', 'show who someone is', 1, 1, a => ({ send: [['WHOIS', [a.word(0)]]] })),
  user('kick', 'nick [reason]', 'remove someone from the room (room operators, admin)', 1, TEXT, kick),
  admin('ban', 'nick [reason]', 'kick and refuse someone from the server', 1, TEXT,
    a => ({ confirm: { kind: 'ban', nick: a.word(0), reason: a.rest(1) } })),
  admin('unban', 'nick', 'lift a ban', 1, 1, a => ({ send: [['UNBAN', [a.word(0)]]] })),
  admin('bans', '', 'list the bans', 0, 0, () => ({ send: [['BANS', []]] })),
  user('register', 'password', 'register your nickname (when the server has accounts)', 1, 1,
    a => ({ send: [['REGISTER', ['*', '*', a.word(0)]]] })),
  user('quit', '[message]', 'leave the chat', 0, TEXT, a => ({ quit: a.text || null })),
  user('help', '', 'this list', 0, TEXT, () => ({ help: helpLines() })),
  user('raw', 'line', 'send a raw IRC line', 1, TEXT, a => ({ raw: a.text })),
];

/** /help: a heading, then one line per command, as the terminal client prints it. */
export function helpLines() {
  return ['Commands (type text without a slash to talk in the current room):'].concat(COMMANDS.map(c =>
    `/${c.name}${c.usage ? ` ${c.usage}` : ''} — ${c.help}${c.admin ? '  [admin]' : ''}`));
}

/**
 * Turns "/cmd args" into an action. ctx: conversation (the current one or null), room (its name when
 * it is a joined room, else null), joined(name), rooms() (the joined rooms' names).
 */
export function interpret(input, ctx) {
  const body = input.slice(1);
  const space = body.search(/\s/);
  const name = (space < 0 ? body : body.slice(0, space)).toLowerCase();
  const args = new Args(space < 0 ? '' : body.slice(space));
  const command = COMMANDS.find(c => c.name === name);
  if (!command) return { local: `Unknown command /${name} — nothing was sent. Type /help for the list.`, problem: true };
  if (args.count < command.min || args.count > command.max) {
    return { local: `Usage: /${command.name}${command.usage ? ` ${command.usage}` : ''}`, problem: true };
  }
  return command.run(args, ctx);
}
