// The terminal client's slash commands, for the browser. Each returns what to do:
// {send: [[command, params]...]} and/or {say: text}, {action: text}, {confirm: {...}}, {local: text}.
import { isRoom } from './irc.js';

export const HELP = [
  ['/join #room', 'join a room (created if new) and switch to it'],
  ['/part [#room]', 'leave the room'],
  ['/msg nick text', 'send a private message'],
  ['/me action', 'describe what you do'],
  ['/topic [text]', 'show or set the topic'],
  ['/nick new', 'change your nickname'],
  ['/away [message]', 'mark yourself away (no message: back)'],
  ['/whois nick', 'show who someone is'],
  ['/history [n]', 'load older messages'],
  ['/kick nick [reason]', 'remove someone from the room (asks first)'],
  ['/ban nick [reason]', 'operators: ban someone from the server (asks first)'],
  ['/unban nick', 'operators: lift a ban'],
  ['/bans', 'operators: list the bans'],
  ['/register password', 'register your nickname as an account'],
  ['/quit [message]', 'leave the chat'],
  ['/raw line', 'send a raw IRC line'],
  ['/help', 'this list'],
];

function words(text) {
  const trimmed = text.trim();
  const space = trimmed.indexOf(' ');
  return space < 0 ? [trimmed, ''] : [trimmed.slice(0, space), trimmed.slice(space + 1).trim()];
}

/** Turns "/cmd args" into an action; current is the current conversation's name or null. */
export function interpret(input, current) {
  const [head, rest] = words(input.slice(1));
  const name = head.toLowerCase();
  const [first, more] = words(rest);
  const need = (ok, usage) => (ok ? null : { local: `Usage: ${usage}` });
  switch (name) {
    case 'join': return need(first, '/join #room') || { send: [['JOIN', [isRoom(first) ? first : '#' + first]]], switchTo: isRoom(first) ? first : '#' + first };
    case 'part': {
      const room = first || current;
      return room && isRoom(room) ? { send: [['PART', [room]]] } : { local: 'Usage: /part #room' };
    }
    case 'msg': case 'query': return need(first && more, '/msg nick text') || { say: more, to: first };
    case 'me': return need(rest, '/me action') || { action: rest };
    case 'topic': return current && isRoom(current) ? { send: [['TOPIC', rest ? [current, rest] : [current]]] } : { local: 'Not in a room' };
    case 'nick': return need(first, '/nick new') || { send: [['NICK', [first]]] };
    case 'away': return { send: [['AWAY', rest ? [rest] : []]] };
    case 'whois': return need(first, '/whois nick') || { send: [['WHOIS', [first]]] };
    case 'history': return { older: true };
    case 'kick': return need(first && current && isRoom(current), '/kick nick [reason] (in a room)') || { confirm: { kind: 'kick', nick: first, reason: more, room: current } };
    case 'ban': return need(first, '/ban nick [reason]') || { confirm: { kind: 'ban', nick: first, reason: more } };
    case 'unban': return need(first, '/unban nick') || { send: [['UNBAN', [first]]] };
    case 'bans': return { send: [['BANS', []]] };
    case 'register': return need(first, '/register password') || { send: [['REGISTER', ['*', '*', rest]]] };
    case 'quit': return { quit: rest || null };
    case 'raw': case 'quote': return need(rest, '/raw line') || { raw: rest };
    case 'help': return { local: HELP.map(([usage, what]) => `${usage} — ${what}`).join('\n') };
    default: return { local: `Unknown command /${name}; /help lists them` };
  }
}
