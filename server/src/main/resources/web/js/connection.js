// The WebSocket to the server's /ws (IRCv3 text.ircv3.net): capability negotiation, registration,
// keep-alive, and reconnection with backoff after a drop.
import { build, parse } from './irc.js';

const CAPS = ['server-time', 'message-tags', 'echo-message', 'batch', 'labeled-response', 'draft/chathistory',
  'multi-prefix', 'away-notify', 'account-notify', 'extended-join', 'setname', 'invite-notify', 'cap-notify',
  'draft/read-marker', 'draft/message-redaction', 'draft/multiline', 'soju.im/search', 'draft/event-playback'];

export class Connection {
  /**
   * handlers: onLine(msg), onState(state, detail) with state connecting|registered|closed|refused|
   * reconnecting (detail: the time of the next attempt, in ms since the epoch)
   */
  constructor(login, handlers) {
    this.login = login;
    this.handlers = handlers;
    this.socket = null;
    this.retries = 0;
    this.stopped = false;
    this.registered = false;
    /** Whether this connection was ever welcomed: only then is a drop retried. */
    this.everRegistered = false;
    this.capsAcked = new Set();
    /** The values the server gave its capabilities in CAP LS (draft/multiline's limits). */
    this.capValues = new Map();
  }

  url() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}/ws`;
  }

  open() {
    this.stopped = false;
    this.registered = false;
    this.handlers.onState('connecting');
    const socket = new WebSocket(this.url(), ['text.ircv3.net']);
    this.socket = socket;
    socket.addEventListener('open', () => this.register());
    socket.addEventListener('message', event => this.receive(event.data));
    socket.addEventListener('close', () => this.closed(socket));
  }

  register() {
    this.send('CAP', ['LS', '302']);
    if (this.login.password) this.send('PASS', [this.login.password]);
    this.send('NICK', [this.login.nick]);
    this.send('USER', [this.login.nick.toLowerCase().replace(/[^a-z0-9]/g, '') || 'web', '0', '*', 'Parley web client']);
  }

  receive(data) {
    for (const line of String(data).split(/\r?\n/)) {
      const msg = parse(line);
      if (!msg) continue;
      if (this.negotiate(msg)) continue;
      if (msg.command === 'PING') { this.send('PONG', msg.params); continue; }
      if (msg.command === '001') {
        this.registered = true;
        this.everRegistered = true;
        this.retries = 0;
        this.login.nick = msg.params[0];
        this.handlers.onState('registered');
      }
      this.handlers.onLine(msg);
    }
  }

  /** CAP LS / ACK / NAK during registration; true when the line was about capabilities. */
  negotiate(msg) {
    if (msg.command !== 'CAP') return false;
    const sub = (msg.params[1] || '').toUpperCase();
    if (sub === 'LS') {
      const more = msg.params[2] === '*';
      const listed = (more ? msg.params[3] : msg.params[2]).split(' ').filter(Boolean);
      for (const c of listed) {
        const eq = c.indexOf('=');
        if (eq > 0) this.capValues.set(c.slice(0, eq), c.slice(eq + 1));
      }
      const offered = listed.map(c => c.split('=')[0]);
      this.offered = (this.offered || []).concat(offered);
      if (!more) {
        const wanted = CAPS.filter(c => this.offered.includes(c));
        if (wanted.length) this.send('CAP', ['REQ', wanted.join(' ')]);
        else this.send('CAP', ['END']);
        this.offered = [];
      }
    } else if (sub === 'ACK') {
      for (const c of msg.params[2].split(' ')) this.capsAcked.add(c.replace(/^-/, ''));
      if (!this.registered) this.send('CAP', ['END']);
    } else if (sub === 'NAK') {
      if (!this.registered) this.send('CAP', ['END']);
    }
    return true;
  }

  has(cap) {
    return this.capsAcked.has(cap);
  }

  /** A capability's value from CAP LS ("" when it had none). */
  value(cap) {
    return this.capValues.get(cap) || '';
  }

  send(command, params = [], tags = {}) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(build(command, params, tags));
      return true;
    }
    return false;
  }

  /** Refusals that must not be retried (wrong password, banned): the server said why. */
  refuse(reason) {
    this.stopped = true;
    this.handlers.onState('refused', reason);
  }

  quit(message) {
    this.stopped = true;
    this.send('QUIT', message ? [message] : []);
    if (this.socket) this.socket.close();
  }

  closed(socket) {
    if (socket !== this.socket) return;
    this.capsAcked = new Set();
    if (this.stopped) {
      this.handlers.onState('closed');
      return;
    }
    if (!this.everRegistered) {
      // Never logged in: the login form says so rather than retrying behind it.
      this.refuse('Could not reach the server, or it closed the connection before you were logged in. Try again.');
      return;
    }
    const delay = Math.min(30000, 1000 * 2 ** this.retries) * (0.75 + Math.random() / 2);
    this.retries += 1;
    this.handlers.onState('reconnecting', Date.now() + delay);
    setTimeout(() => { if (!this.stopped) this.open(); }, delay);
  }
}
