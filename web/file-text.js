// Reads an opened or dropped file as text. A browser would silently replace invalid bytes, so the
// bytes are checked first and a broken or binary file is reported instead of loaded.
import { htmlToText, looksLikeHtmlFile } from './html-to-text.js';
import { firstInvalidUtf8Byte } from './utf8.js';

export class FileTextError extends Error {}

export async function readFileAsText(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = decode(bytes, file.name);
  return looksLikeHtmlFile(file.name, file.type) ? htmlToText(text) : text;
}

function decode(bytes, name) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) throw new FileTextError(`${name} looks like a binary file, not text.`);
  const invalidAt = firstInvalidUtf8Byte(bytes);
  if (invalidAt !== -1) {
    throw new FileTextError(`${name} is not UTF-8 text: byte ${invalidAt} is invalid. Save it as UTF-8 and open it again.`);
  }
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}
