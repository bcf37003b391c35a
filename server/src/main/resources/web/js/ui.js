// The DOM around the feed: the login card, the status line, the sidebar (rooms and direct messages
// as two sections, each with its unread count and a leave or close control), the header, the
// member list and the tab title. The message input is never touched, so typing is not lost when
// messages arrive. The feed itself is feed.js.
import { nickColour } from './format.js';
import { fold } from './irc.js';

const $ = id => document.getElementById(id);
const PREFIX_ORDER = '~&@%+';

/** Operators (and the other ranks) first, in PREFIX order; people without a prefix last. */
function rank(member) {
  const r = PREFIX_ORDER.indexOf(member.prefix[0]);
  return r < 0 ? PREFIX_ORDER.length : r;
}

export class Ui {
  constructor(state) {
    this.state = state;
  }

  showLogin(error) {
    $('chat-view').hidden = true;
    $('login-view').hidden = false;
    $('login-error').textContent = error || '';
    $('login-button').disabled = false;
    $('login-button').textContent = 'Connect';
    $('login-nick').focus();
    document.title = 'Parley';
  }

  /** The form stays up, saying so, until the server welcomes us or says why not. */
  connecting() {
    $('login-error').textContent = '';
    $('login-button').disabled = true;
    $('login-button').textContent = 'Connecting…';
  }

  showChat() {
    $('login-view').hidden = true;
    $('chat-view').hidden = false;
    $('message-input').focus();
  }

  status(text, bad = false) {
    $('status').textContent = text;
    $('status').classList.toggle('bad', bad);
  }

  /** handlers: select(conversation), leave(conversation) (PART for a room, close for a DM). */
  renderRooms(handlers) {
    $('room-list').replaceChildren(...this.state.rooms().map(c => this.entry(c, handlers)));
    const queries = this.state.queries();
    $('dm-list').replaceChildren(...queries.map(c => this.entry(c, handlers)));
    $('dm-heading').hidden = !queries.length;
  }

  entry(conversation, handlers) {
    const item = document.createElement('li');
    const open = this.button('', null, () => handlers.select(conversation));
    open.className = 'open';
    open.dataset.name = conversation.name;
    const label = document.createElement('span');
    label.textContent = conversation.name;
    open.append(label);
    if (conversation.unread) {
      const badge = document.createElement('span');
      badge.className = conversation.mentions ? 'unread mention' : 'unread';
      badge.textContent = conversation.mentions ? `@${conversation.mentions}` : conversation.unread;
      badge.setAttribute('aria-label', `${conversation.unread} unread${conversation.mentions ? `, ${conversation.mentions} mentioning you` : ''}`);
      open.append(badge);
    }
    if (conversation === this.state.current) open.setAttribute('aria-current', 'true');
    const room = conversation.kind === 'room';
    const verb = room && conversation.joined ? 'Leave' : 'Close';
    const close = this.button('×', `${verb} ${conversation.name}`, () => handlers.leave(conversation));
    close.className = 'close';
    close.title = `${verb} ${conversation.name}`;
    item.append(open, close);
    return item;
  }

  renderHeader() {
    const current = this.state.current;
    $('conversation-title').textContent = current ? current.name : 'Parley';
    $('conversation-topic').textContent = current ? current.topic : '';
    $('load-older').hidden = !current || !current.hasOlder;
    const left = Boolean(current && current.kind === 'room' && !current.joined && !this.state.ended);
    $('rejoin-bar').hidden = !left;
    if (left) $('rejoin-text').textContent = `You are not in ${current.name} any more.`;
    this.renderTitle();
  }

  /** "(3) #general — Parley", with "@1" when someone mentioned you: unread counts reach the tab. */
  renderTitle() {
    const all = [...this.state.conversations.values()];
    const unread = all.reduce((n, c) => n + c.unread, 0);
    const mentions = all.reduce((n, c) => n + c.mentions + (c.kind === 'query' ? c.unread - c.mentions : 0), 0);
    const counts = unread ? `(${unread}${mentions ? ` · @${mentions}` : ''}) ` : '';
    const current = this.state.current ? `${this.state.current.name} — ` : '';
    const title = `${counts}${current}Parley`;
    if (document.title !== title) document.title = title;
  }

  /** handlers: kick(nick), ban(nick), openQuery(nick). */
  renderMembers(handlers) {
    const current = this.state.current;
    const list = $('member-list');
    list.replaceChildren();
    if (!current || current.kind !== 'room' || !current.joined) {
      $('member-count').textContent = '';
      return;
    }
    const members = [...current.members.values()].sort((a, b) => (rank(a) - rank(b)) || a.nick.localeCompare(b.nick));
    $('member-count').textContent = `(${members.length})`;
    const me = current.members.get(fold(this.state.nick || ''));
    const canKick = this.state.operator || (me && me.prefix.includes('@'));
    for (const member of members) list.append(this.member(member, canKick, handlers));
  }

  member(member, canKick, handlers) {
    const item = document.createElement('li');
    const self = this.state.isMe(member.nick);
    const nick = this.button((member.prefix[0] || '') + member.nick, self ? null : `Message ${member.nick}`,
      () => { if (!self) handlers.openQuery(member.nick); });
    nick.className = `nick ${nickColour(member.nick)}`;
    item.append(nick);
    if (member.away) {
      item.classList.add('away');
      const away = document.createElement('span');
      away.className = 'away-tag';
      away.textContent = 'away';
      away.title = member.away === true ? 'Away' : `Away: ${member.away}`;
      item.append(away);
    }
    if (!self) {
      if (canKick) item.append(this.button('Kick', `Kick ${member.nick}`, () => handlers.kick(member.nick)));
      if (this.state.operator) item.append(this.button('Ban', `Ban ${member.nick}`, () => handlers.ban(member.nick)));
    }
    return item;
  }

  button(text, label, action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    if (label) button.setAttribute('aria-label', label);
    button.addEventListener('click', action);
    return button;
  }

  /** Asks before a kick or ban; resolves to the reason, or null when cancelled. */
  confirm(question, reason) {
    const dialog = $('confirm-dialog');
    $('confirm-text').textContent = question;
    $('confirm-reason').value = reason || '';
    return new Promise(resolve => {
      dialog.addEventListener('close', () => {
        resolve(dialog.returnValue === 'ok' ? $('confirm-reason').value : null);
        $('message-input').focus();
      }, { once: true });
      dialog.showModal();
      $('confirm-ok').focus();
    });
  }
}
