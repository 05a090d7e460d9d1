// Reads an opened or dropped file as text. A browser would silently replace invalid bytes, so the
// bytes are checked first and a broken or binary file is reported, with the place of the first
// fault, instead of loaded.
import { htmlToText, looksLikeHtmlFile } from './html-to-text.js';
import { firstInvalidUtf8Byte } from './utf8.js';

export class FileTextError extends Error {}

export async function readFileAsText(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = decode(bytes, file.name);
  return looksLikeHtmlFile(file.name, file.type) ? htmlToText(text) : text;
}

function decode(bytes, name) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, name, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, name, 'utf-16be');
  if (bytes.includes(0)) throw new FileTextError(`${name} looks like a binary file, not text.`);
  const invalidAt = firstInvalidUtf8Byte(bytes);
  if (invalidAt !== -1) {
    const place = placeAfter(new TextDecoder('utf-8').decode(bytes.subarray(0, invalidAt)));
    throw new FileTextError(`${name} is not UTF-8 text: byte ${invalidAt} (${place}) is invalid. Save it as UTF-8 and open it again.`);
  }
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
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
