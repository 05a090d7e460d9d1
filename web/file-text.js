// Reads an opened or dropped file as text. A browser would silently replace invalid bytes, so the
// bytes are checked first and a broken or binary file is reported, with the place of the first
// fault, instead of loaded. The check and the decoding run in slices with the main thread free
// between them, so a long file never holds up the page (a 2.5 MB file took 10 to 20 ms of checking
// in one go; decoding a 16 MiB one, 56 ms), and a long text stays in its decoded parts (a
// LongText, web/long-text.js).
import { htmlToText, looksLikeHtmlFile } from './html-to-text.js';
import { textOfParts, wholeText } from './long-text.js';
import { firstInvalidUtf8Byte } from './utf8.js';

export class FileTextError extends Error {}

const SLICE_BYTES = 512 * 1024;

// Returns {text, utf8Bytes}: the text (a string or a LongText), its length in UTF-8 when it is the file's own UTF-8 (then
// known without encoding it again), else null.
export async function readFileAsText(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const decoded = await decode(bytes, file.name);
  return looksLikeHtmlFile(file.name, file.type) ? { text: htmlToText(wholeText(decoded.text)), utf8Bytes: null } : decoded;
}

async function decode(bytes, name) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, name, 'utf-16le'), utf8Bytes: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, name, 'utf-16be'), utf8Bytes: null };
  if (bytes.includes(0)) throw new FileTextError(`${name} looks like a binary file, not text.`);
  const invalidAt = await firstInvalidUtf8ByteInSlices(bytes);
  if (invalidAt !== -1) {
    const place = placeAfter(new TextDecoder('utf-8').decode(bytes.subarray(0, invalidAt)));
    throw new FileTextError(`${name} is not UTF-8 text: byte ${invalidAt} (${place}) is invalid. Save it as UTF-8 and open it again.`);
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf8Bytes = bytes.length - (hasBom ? 3 : 0);
  return { text: await decodeUtf8InSlices(bytes, utf8Bytes), utf8Bytes };
}

// Valid UTF-8 (its byte order mark dropped) decoded a slice at a time: the decoder carries a
// character cut by a slice's end over to the next, so no part ends inside one.
async function decodeUtf8InSlices(bytes, utf8Bytes) {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  const parts = [];
  for (let start = 0; start < bytes.length; start += SLICE_BYTES) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    parts.push(decoder.decode(bytes.subarray(start, start + SLICE_BYTES), { stream: true }));
  }
  parts.push(decoder.decode());
  return textOfParts(parts, utf8Bytes);
}

// firstInvalidUtf8Byte, a slice at a time. Each slice ends before a byte that starts a character
// (backing up over at most three continuation bytes), so no character is cut and the answer is
// the same as for the whole; four continuation bytes in a row hold an error inside the slice.
async function firstInvalidUtf8ByteInSlices(bytes) {
  for (let start = 0; start < bytes.length;) {
    let end = Math.min(start + SLICE_BYTES, bytes.length);
    for (let back = 0; back < 3 && end < bytes.length && (bytes[end] & 0xc0) === 0x80; back += 1) end -= 1;
    if (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end = Math.min(start + SLICE_BYTES, bytes.length);
    const invalidAt = firstInvalidUtf8Byte(bytes.subarray(start, end));
    if (invalidAt !== -1) return start + invalidAt;
    start = end;
    if (start < bytes.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return -1;
}

// A file with a UTF-16 byte order mark: every high surrogate must be followed by a low one and
// every low one preceded by a high one, and the file must end on a whole 16-bit unit.
function decodeUtf16(bytes, name, encoding) {
  const bigEndian = encoding === 'utf-16be';
  const unitAt = (i) => (bigEndian ? (bytes[i] << 8) | bytes[i + 1] : bytes[i] | (bytes[i + 1] << 8));
  const isHigh = (unit) => unit >= 0xd800 && unit <= 0xdbff;
  const isLow = (unit) => unit >= 0xdc00 && unit <= 0xdfff;
  const end = bytes.length - (bytes.length % 2);
  let faultAt = -1;
  for (let i = 2; i < end; i += 2) {
    const unit = unitAt(i);
    if (isHigh(unit) && i + 2 < end && isLow(unitAt(i + 2))) i += 2;
    else if (isHigh(unit) || isLow(unit)) {
      faultAt = i;
      break;
    }
  }
  const decoder = new TextDecoder(encoding);
  if (faultAt !== -1) {
    const place = placeAfter(decoder.decode(bytes.subarray(0, faultAt)));
    throw new FileTextError(`${name} is not valid UTF-16 text: byte ${faultAt} (${place}) is half of a surrogate pair without its other half. Save it as UTF-8 and open it again.`);
  }
  if (end !== bytes.length) {
    const place = placeAfter(decoder.decode(bytes.subarray(0, end)));
    throw new FileTextError(`${name} is not valid UTF-16 text: it ends in the middle of a character, at byte ${end} (${place}). Save it as UTF-8 and open it again.`);
  }
  return decoder.decode(bytes);
}

// The line and column of the character that follows `before` (the decoded text up to it, without
// its byte order mark), counted as the engine counts them: lines at LF, columns in characters.
function placeAfter(before) {
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.slice(0, lineStart).split('\n').length;
  const column = [...before.slice(lineStart)].length + 1;
  return `line ${line}, column ${column}`;
}
