// The DOM: renders state into the room list, the feed and the member list. Only these three are
// ever rebuilt; the message input is never touched, so typing is not lost when messages arrive.
import { fold } from './irc.js';

const $ = id => document.getElementById(id);
const NO_ROOM = 'You are in no room. Join one with the field under Rooms, or type /join #general.';
const PREFIX_ORDER = '~&@%+';

function timeText(ms) {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function dateTimeText(ms) {
  return new Date(ms).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
}

/** Operators (and the other ranks) first, in PREFIX order; people without a prefix last. */
function rank(member) {
  const r = PREFIX_ORDER.indexOf(member.prefix[0]);
  return r < 0 ? PREFIX_ORDER.length : r;
}

export class Ui {
  constructor(state) {
    this.state = state;
    this.renderedConversation = null;
  }

  showLogin(error) {
    $('chat-view').hidden = true;
    $('login-view').hidden = false;
    $('login-error').textContent = error || '';
    $('login-button').disabled = false;
    $('login-button').textContent = 'Connect';
    $('login-nick').focus();
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

  renderRooms(onSelect) {
    const list = $('room-list');
    list.replaceChildren();
    for (const conversation of this.state.conversations.values()) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.name = conversation.name;
      const label = document.createElement('span');
      label.textContent = conversation.name;
      button.append(label);
      if (conversation.unread) {
        const badge = document.createElement('span');
        badge.className = 'unread';
        badge.textContent = conversation.unread;
        badge.setAttribute('aria-label', `${conversation.unread} unread`);
        button.append(badge);
      }
      if (conversation === this.state.current) button.setAttribute('aria-current', 'true');
      button.addEventListener('click', () => onSelect(conversation));
      item.append(button);
      list.append(item);
    }
  }

  renderHeader() {
    const current = this.state.current;
    $('conversation-title').textContent = current ? current.name : 'Parley';
    $('conversation-topic').textContent = current ? current.topic : '';
    $('load-older').hidden = !current || !current.hasOlder;
    const left = Boolean(current && current.kind === 'room' && !current.joined && !this.state.ended);
    $('rejoin-bar').hidden = !left;
    if (left) $('rejoin-text').textContent = `You are not in ${current.name} any more.`;
  }

  /** Redraws the feed; keeps the reader at the bottom if they were there, or where they were reading. */
  renderFeed() {
    const feed = $('feed');
    const current = this.state.shown();
    const atBottom = feed.scrollHeight - feed.scrollTop - feed.clientHeight < 40;
    const fromBottom = feed.scrollHeight - feed.scrollTop;
    const switched = this.renderedConversation !== current;
    feed.replaceChildren(...current.messages.map(m => this.line(m)));
    if (!this.state.current) feed.append(this.line({ time: Date.now(), text: NO_ROOM, kind: 'hint' }));
    if (switched || atBottom) feed.scrollTop = feed.scrollHeight;
    else feed.scrollTop = feed.scrollHeight - fromBottom;
    this.renderedConversation = current;
  }

  line(message) {
    const item = document.createElement('li');
    if (message.kind) item.classList.add(message.kind);
    if (message.nick && this.state.isMe(message.nick) && !message.kind) item.classList.add('mine');
    if (message.msgid) item.dataset.msgid = message.msgid;
    const time = document.createElement('time');
    time.dateTime = new Date(message.shown || message.time).toISOString();
    time.textContent = message.shown ? dateTimeText(message.shown) : timeText(message.time);
    if (message.kind !== 'hint') item.append(time);
    if (message.nick && (!message.kind || message.kind === 'history')) {
      const who = document.createElement('span');
      who.className = 'who';
      who.textContent = message.action ? `* ${message.nick}` : `${message.nick}:`;
      item.append(who);
    }
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = message.text;
    item.append(text);
    return item;
  }

  renderMembers(onKick, onBan) {
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
    for (const member of members) {
      const item = document.createElement('li');
      const nick = document.createElement('span');
      nick.className = 'nick';
      nick.textContent = (member.prefix[0] || '') + member.nick;
      item.append(nick);
      if (!this.state.isMe(member.nick)) {
        if (canKick) item.append(this.button('Kick', `Kick ${member.nick}`, () => onKick(member.nick)));
        if (this.state.operator) item.append(this.button('Ban', `Ban ${member.nick}`, () => onBan(member.nick)));
      }
      list.append(item);
    }
  }

  button(text, label, action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.setAttribute('aria-label', label);
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
