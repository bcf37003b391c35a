// IRCv3 draft/multiline: a text of several lines (or one too long for an IRC line) sent as ONE
// message, a BATCH whose lines are PRIVMSGs; too-long lines are cut between words, the space kept
// at the end of the first part, the rest sent with draft/multiline-concat. Received batches are
// joined back into one text: a line break between lines, nothing before a concat line.
import { TEXT_BYTES, fittingPrefix } from './chunks.js';

export const CONCAT = 'draft/multiline-concat';

const encoder = new TextEncoder();
const bytes = text => encoder.encode(text).length;

/** The cap value "max-bytes=4096,max-lines=100" as {maxBytes, maxLines} (missing: Infinity). */
export function limits(value) {
  const found = { maxBytes: Infinity, maxLines: Infinity };
  for (const pair of (value || '').split(',')) {
    const [key, number] = pair.split('=');
    const n = Number.parseInt(number, 10);
    if (key === 'max-bytes' && n > 0) found.maxBytes = n;
    if (key === 'max-lines' && n > 0) found.maxLines = n;
  }
  return found;
}

/** One line cut into parts of at most lineBytes: at the last space that fits, kept on the first part. */
function cut(line, lineBytes) {
  const parts = [];
  let rest = line;
  while (bytes(rest) > lineBytes) {
    const end = fittingPrefix(rest, lineBytes);
    const space = rest.lastIndexOf(' ', end - 1);
    const at = space > 0 ? space + 1 : end;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest) parts.push(rest);
  return parts;
}

/**
 * The lines of a multi-line message for text: [{text, concat}], blank lines at both ends left out;
 * null when it does not fit the limits (then it goes out as several messages).
 */
export function plan(text, { maxBytes, maxLines }, lineBytes = TEXT_BYTES) {
  const lines = text.replace(/\r/g, '').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const out = [];
  for (const line of lines) {
    const parts = line ? cut(line, lineBytes) : [''];
    parts.forEach((part, i) => out.push({ text: part, concat: i > 0 }));
  }
  const total = out.reduce((sum, l, i) => sum + bytes(l.text) + (i === 0 || l.concat ? 0 : 1), 0);
  if (!out.length || out.length > maxLines || total > maxBytes) return null;
  return out;
}

/** The text of a received draft/multiline batch's lines. */
export function joined(lines) {
  let text = '';
  lines.forEach((line, i) => {
    const part = line.params[1] || '';
    text += i === 0 || line.tags[CONCAT] !== undefined ? part : `\n${part}`;
  });
  return text;
}
