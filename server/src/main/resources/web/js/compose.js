// The message field: Enter sends, Shift+Enter starts a new line, Tab completes nicks and commands,
// Up and Down recall what was sent before, and typing is announced to the others (+typing).
import { COMMANDS } from './commands.js';

const $ = id => document.getElementById(id);
/** How many sent lines Up can recall. */
const RECALL = 100;
/** The spec's pace: "active" at most every 3 s while typing; "paused" lapses after 30 s, "active" after 6 s. */
const TYPING_EVERY = 3000;

export class Compose {
  /**
   * hooks: submit(), names() (nicks to complete in the current conversation), typing(state) with
   * state active|done (called at the spec's pace).
   */
  constructor(hooks) {
    this.hooks = hooks;
    this.sent = [];
    this.recallAt = null;
    this.completion = null;
    this.lastTyping = 0;
    const input = $('message-input');
    input.addEventListener('keydown', event => this.key(event));
    input.addEventListener('input', () => this.typed());
  }

  get input() {
    return $('message-input');
  }

  key(event) {
    if (event.key !== 'Tab') this.completion = null;
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.hooks.submit();
    } else if (event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.altKey) {
      if (this.complete()) event.preventDefault();
    } else if (event.key === 'ArrowUp' && this.onFirstLine()) {
      if (this.recall(-1)) event.preventDefault();
    } else if (event.key === 'ArrowDown' && this.recallAt !== null && this.onLastLine()) {
      if (this.recall(1)) event.preventDefault();
    }
  }

  onFirstLine() {
    return !this.input.value.slice(0, this.input.selectionStart).includes('\n');
  }

  onLastLine() {
    return !this.input.value.slice(this.input.selectionEnd).includes('\n');
  }

  /** Remembers a sent line for Up, and tells the others we stopped typing. */
  sentLine(text) {
    if (this.sent[this.sent.length - 1] !== text) this.sent.push(text);
    if (this.sent.length > RECALL) this.sent.shift();
    this.recallAt = null;
    this.draft = '';
    if (this.lastTyping) this.hooks.typing('done');
    this.lastTyping = 0;
  }

  recall(step) {
    if (!this.sent.length) return false;
    if (this.recallAt === null) {
      if (step > 0) return false;
      this.draft = this.input.value;
      this.recallAt = this.sent.length;
    }
    const next = this.recallAt + step;
    if (next < 0) return true;
    this.recallAt = next;
    this.input.value = next >= this.sent.length ? this.draft : this.sent[next];
    if (next >= this.sent.length) this.recallAt = null;
    const end = this.input.value.length;
    this.input.setSelectionRange(end, end);
    return true;
  }

  /**
   * Completes the word before the caret: a command after a leading slash, else a nick (with ": "
   * at the start of the line). Tab again cycles through the other matches.
   */
  complete() {
    const input = this.input;
    if (!this.completion) {
      const before = input.value.slice(0, input.selectionStart);
      const word = before.match(/(\S*)$/)[1];
      if (!word) return false;
      const start = before.length - word.length;
      const command = start === 0 && word.startsWith('/');
      const prefix = (command ? word.slice(1) : word).toLowerCase();
      const candidates = command ? COMMANDS.map(c => c.name) : this.hooks.names();
      const matches = candidates.filter(n => n.toLowerCase().startsWith(prefix)).sort((a, b) => a.localeCompare(b));
      if (!matches.length) return false;
      this.completion = { start, end: input.selectionStart, matches, index: -1, command };
    }
    const c = this.completion;
    c.index = (c.index + 1) % c.matches.length;
    const suffix = c.command ? ' ' : c.start === 0 ? ': ' : ' ';
    const text = (c.command ? '/' : '') + c.matches[c.index] + suffix;
    input.value = input.value.slice(0, c.start) + text + input.value.slice(c.end);
    c.end = c.start + text.length;
    input.setSelectionRange(c.end, c.end);
    return true;
  }

  /** +typing=active at most every 3 s while text (not a command) is being typed; done when cleared. */
  typed() {
    const text = this.input.value;
    if (!text || text.startsWith('/')) {
      if (this.lastTyping) this.hooks.typing('done');
      this.lastTyping = 0;
      return;
    }
    const now = Date.now();
    if (now - this.lastTyping >= TYPING_EVERY) {
      this.lastTyping = now;
      this.hooks.typing('active');
    }
  }
}
