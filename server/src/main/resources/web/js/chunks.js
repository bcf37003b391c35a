// Cuts text that would not fit in one IRC line into pieces of at most maxBytes UTF-8 bytes, at a
// space when there is one, never inside a character (emoji stay whole): the terminal client's
// TextChunks, so long input is sent whole, as several messages, rather than cut off.

/** What the terminal client allows per message: room for the prefix the server adds when relaying. */
export const TEXT_BYTES = 380;

const encoder = new TextEncoder();
const bytes = text => encoder.encode(text).length;

/** The length in UTF-16 units of the longest prefix, whole code points only, within maxBytes. */
export function fittingPrefix(text, maxBytes) {
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const size = bytes(ch);
    if (used + size > maxBytes) break;
    used += size;
    end += ch.length;
  }
  return Math.max(end, String.fromCodePoint(text.codePointAt(0)).length);
}

export function split(text, maxBytes = TEXT_BYTES) {
  const chunks = [];
  let rest = text;
  while (bytes(rest) > maxBytes) {
    const cut = fittingPrefix(rest, maxBytes);
    const space = rest.lastIndexOf(' ', cut);
    const end = space > cut / 2 ? space : cut;
    chunks.push(rest.slice(0, end));
    rest = rest.slice(end).trimStart();
  }
  if (rest || !chunks.length) chunks.push(rest);
  return chunks;
}
