// The feed of the open conversation: day separators, the "New messages" line, each message with its
// author's colour, links, mentions, the message it replies to, its reactions and its actions
// (Reply, React, Delete), and the jump-to-latest button while the reader is scrolled up.
import { dayText, fullDate, nickColour, richText, sameDay } from './format.js';

const $ = id => document.getElementById(id);
const NO_ROOM = 'You are in no room. Join one with the field under Rooms, or type /join #general.';
/** The reactions offered by React: a short, common set, as Slack's and Discord's quick bars. */
export const REACTIONS = ['👍', '❤️', '😄', '🎉', '😮', '🙏'];

function timeText(ms) {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function dateTimeText(ms) {
  return new Date(ms).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
}

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(text, label, action, className) {
  const b = element('button', className, text);
  b.type = 'button';
  if (label) b.setAttribute('aria-label', label);
  b.addEventListener('click', action);
  return b;
}

export class FeedView {
  /**
   * actions: reply(entry), react(entry, emoji), remove(entry), openQuery(nick); canRedact(entry)
   * says whether Delete is offered (own messages; any for an operator).
   */
  constructor(state, actions) {
    this.state = state;
    this.actions = actions;
    this.rendered = null;
    /** The msgid whose reaction picker is open, or null. */
    this.picking = null;
    $('feed').addEventListener('scroll', () => { if (this.atBottom()) $('jump-latest').hidden = true; });
    $('jump-latest').addEventListener('click', () => this.toBottom());
  }

  atBottom() {
    const feed = $('feed');
    return feed.scrollHeight - feed.scrollTop - feed.clientHeight < 40;
  }

  toBottom() {
    $('feed').scrollTop = $('feed').scrollHeight;
    $('jump-latest').hidden = true;
  }

  /** Redraws; keeps the reader at the bottom if they were there, or where they were reading. */
  render() {
    const feed = $('feed');
    const current = this.state.shown();
    const atBottom = this.atBottom();
    const fromBottom = feed.scrollHeight - feed.scrollTop;
    const switched = this.rendered !== current;
    // Only messages after the last one shown call for the jump button (older pages come in above).
    const newest = current.messages[current.messages.length - 1];
    const grew = !switched && newest !== this.newest;
    feed.replaceChildren(...this.lines(current));
    if (!this.state.current) feed.append(this.line({ time: Date.now(), text: NO_ROOM, kind: 'hint' }, current));
    const highlighted = current.highlight && !current.highlightShown && feed.querySelector('li.highlight');
    if (highlighted) {
      // A search result opened in context: scrolled to, once.
      current.highlightShown = true;
      highlighted.scrollIntoView({ block: 'center' });
    } else if (switched || atBottom) this.toBottom();
    else {
      feed.scrollTop = feed.scrollHeight - fromBottom;
      if (grew) $('jump-latest').hidden = false;
    }
    this.rendered = current;
    this.newest = newest;
    this.renderTyping(current);
  }

  lines(conversation) {
    const items = [];
    let previous = null;
    let divided = false;
    for (const message of conversation.messages) {
      const at = message.shown || message.time;
      if (message.kind !== 'hint' && (previous === null || !sameDay(previous, at))) {
        items.push(element('li', 'day', dayText(at)));
      }
      if (conversation.dividerAt !== null && message.time === conversation.dividerAt && !divided) {
        const divider = element('li', 'new-line', 'New messages');
        divider.setAttribute('role', 'separator');
        items.push(divider);
        divided = true;
      }
      items.push(this.line(message, conversation));
      previous = at;
    }
    return items;
  }

  line(message, conversation) {
    const item = element('li');
    if (message.kind) item.classList.add(message.kind);
    const mine = message.nick && this.state.isMe(message.nick);
    if (mine && !message.kind) item.classList.add('mine');
    if (message.mention && !mine) item.classList.add('mention');
    if (message.msgid) item.dataset.msgid = message.msgid;
    if (message.msgid && message.msgid === conversation.highlight) item.classList.add('highlight');
    if (message.reply) item.append(this.quote(message.reply, conversation));
    const at = message.shown || message.time;
    const time = element('time', null, message.shown ? dateTimeText(at) : timeText(at));
    time.dateTime = new Date(at).toISOString();
    time.title = fullDate(at);
    if (message.kind !== 'hint') item.append(time);
    if (message.nick && (!message.kind || message.kind === 'history')) {
      const who = button(message.action ? `* ${message.nick}` : `${message.nick}:`,
        mine ? null : `Message ${message.nick}`, () => { if (!mine) this.actions.openQuery(message.nick); },
        `who ${nickColour(message.nick)}`);
      item.append(who);
    }
    const text = element('span', message.text.includes('\n') ? 'text multiline' : 'text');
    text.append(message.kind ? message.text : richText(message.text, this.state.nick));
    item.append(text);
    if (message.msgid && !message.kind) {
      item.append(this.toolbar(message));
      const reactions = this.reactions(message, conversation);
      if (reactions) item.append(reactions);
    }
    return item;
  }

  /** The message replied to, quoted above the reply (or a note that it is not loaded). */
  quote(msgid, conversation) {
    const original = conversation.byMsgid(msgid);
    const quote = element('div', 'quote');
    if (!original) { quote.textContent = '↪ a message not loaded here'; return quote; }
    quote.append('↪ ', element('span', `quoted-who ${nickColour(original.nick)}`, original.nick), ` ${original.text}`);
    return quote;
  }

  toolbar(message) {
    const bar = element('span', 'actions');
    bar.append(button('Reply', `Reply to ${message.nick}`, () => this.actions.reply(message)));
    bar.append(button('React', `React to ${message.nick}'s message`, () => {
      this.picking = this.picking === message.msgid ? null : message.msgid;
      this.render();
    }));
    if (this.actions.canRedact(message)) {
      bar.append(button('Delete', 'Delete this message', () => this.actions.remove(message)));
    }
    if (this.picking === message.msgid) {
      const picker = element('span', 'picker');
      for (const emoji of REACTIONS) {
        picker.append(button(emoji, `React with ${emoji}`, () => { this.picking = null; this.actions.react(message, emoji); }));
      }
      bar.append(picker);
      bar.classList.add('open');
    }
    return bar;
  }

  reactions(message, conversation) {
    const byEmoji = conversation.reactions.get(message.msgid);
    if (!byEmoji || !byEmoji.size) return null;
    const row = element('div', 'reactions');
    for (const [emoji, nicks] of byEmoji) {
      const who = [...nicks].join(', ');
      const mine = [...nicks].some(n => this.state.isMe(n));
      const chip = button(`${emoji} ${nicks.size}`, `${emoji} from ${who}`, () => {
        if (!mine) this.actions.react(message, emoji);
      }, mine ? 'reaction mine' : 'reaction');
      chip.title = who;
      row.append(chip);
    }
    return row;
  }

  renderTyping(conversation) {
    const now = Date.now();
    const nicks = [...conversation.typing.values()].filter(t => t.until > now).map(t => t.nick);
    const text = nicks.length === 0 ? ''
      : nicks.length === 1 ? `${nicks[0]} is typing…`
        : nicks.length <= 3 ? `${nicks.slice(0, -1).join(', ')} and ${nicks[nicks.length - 1]} are typing…`
          : 'Several people are typing…';
    if ($('typing').textContent !== text) $('typing').textContent = text;
  }
}
