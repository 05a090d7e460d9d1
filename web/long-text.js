// A page text is a string, or, when a file decodes to more than TEXT_PIECE_CHARACTERS characters,
// a LongText: the parts it was decoded in (web/file-text.js), never made into one string on the
// page's main thread. Making one 16 MiB string (joining the parts, or reading from a string built
// of them, which the browser then flattens) is one task that grows with the text: 19 to 27 ms on
// one machine, 100 to 135 ms on a slower one, over the page's budget (docs/performance.md); the
// parts go to the engine's worker as pieces, as a long string does, and the worker joins them
// (web/engine-client.js, web/worker.js). The functions below read either kind of text.

// Posting a message copies its strings in the sending task: two 16 MiB texts took 55 to 65 ms in
// one, and on a slower day two texts of 2.5 MB (under 4 Mi characters, a piece's size then) 48 ms.
// A longer text is sent in pieces of at most this many characters, each in a task of its own
// (about 10 ms a piece that day).
const TEXT_PIECE_CHARACTERS = 1024 * 1024;

// A UTF-8 file's text in parts, with its length in UTF-8 (the file's, known without encoding it).
export class LongText {
  constructor(parts, utf8Bytes) {
    this.parts = Object.freeze(parts.filter((part) => part.length > 0));
    this.length = this.parts.reduce((sum, part) => sum + part.length, 0);
    this.utf8Bytes = utf8Bytes;
    Object.freeze(this);
  }
}

// The text of a UTF-8 file decoded in these parts: one string if it is a piece or less, else a
// LongText.
export function textOfParts(parts, utf8Bytes) {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  return length > TEXT_PIECE_CHARACTERS ? new LongText(parts, utf8Bytes) : parts.join('');
}

// A text as the page handles it: a LongText as it is, anything else as a string.
export function asText(value) {
  return value instanceof LongText ? value : String(value);
}

// Whether a text is sent to the worker in pieces.
export function isLongText(text) {
  return text instanceof LongText || (typeof text === 'string' && text.length > TEXT_PIECE_CHARACTERS);
}

// The first `count` characters (fewer if the text is shorter).
export function textStart(text, count) {
  if (!(text instanceof LongText)) return text.slice(0, count);
  let start = '';
  for (const part of text.parts) {
    if (start.length >= count) break;
    start += part.slice(0, count - start.length);
  }
  return start;
}

// Whether the text is only white space (or empty).
export function isBlank(text) {
  return text instanceof LongText ? text.parts.every((part) => !part.trim()) : !text.trim();
}

// The whole text as one string, for what needs one on the main thread (an HTML file reduced to its
// text, the engine run on the main thread when no worker can start, editing the whole text).
export function wholeText(text) {
  return text instanceof LongText ? text.parts.join('') : text;
}

// The text in pieces of at most TEXT_PIECE_CHARACTERS characters, in order.
export function* textPieces(text) {
  for (const part of text instanceof LongText ? text.parts : [text]) {
    for (let at = 0; at < part.length; at += TEXT_PIECE_CHARACTERS) yield part.slice(at, at + TEXT_PIECE_CHARACTERS);
  }
}
