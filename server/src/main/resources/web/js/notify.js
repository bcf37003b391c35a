// Desktop notifications for mentions and private messages: off until the person turns them on with
// the sidebar's button (the browser asks for permission then, never on load), and only for what
// arrives while they are looking elsewhere (another conversation, tab or window).
const $ = id => document.getElementById(id);

export class Notifier {
  constructor() {
    this.enabled = false;
    const button = $('notify-toggle');
    if (!('Notification' in window)) {
      button.hidden = true;
      return;
    }
    button.addEventListener('click', () => this.toggle());
    this.render();
  }

  async toggle() {
    if (this.enabled) {
      this.enabled = false;
    } else {
      const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
      this.enabled = permission === 'granted';
      if (permission === 'denied') $('notify-state').textContent = 'Blocked by the browser: allow notifications for this site in its settings.';
    }
    this.render();
  }

  render() {
    const button = $('notify-toggle');
    button.textContent = this.enabled ? 'Turn notifications off' : 'Turn notifications on';
    button.setAttribute('aria-pressed', String(this.enabled));
    if (this.enabled) $('notify-state').textContent = 'You are notified of mentions and private messages.';
    else if (Notification.permission !== 'denied') $('notify-state').textContent = '';
  }

  /** A mention or DM arrived; shown unless the person is reading that conversation right now. */
  message(conversation, entry, reading) {
    if (!this.enabled || reading) return null;
    const title = conversation.kind === 'room' ? `${entry.nick} in ${conversation.name}` : entry.nick;
    const notification = new Notification(title, { body: entry.text, tag: `parley-${conversation.name}` });
    notification.addEventListener('click', () => { window.focus(); this.onOpen(conversation); });
    return notification;
  }

  /** Set by main.js: opens the conversation a notification was about. */
  onOpen() {}
}
