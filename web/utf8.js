// The engine counts in UTF-8 bytes (offsets, limits); the page holds JavaScript strings (UTF-16).

// Offset of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included), or -1.
export function firstInvalidUtf8Byte(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) { i += 1; continue; }
    let length; let min;
    if (lead >= 0xc2 && lead <= 0xdf) { length = 2; min = 0x80; }
    else if (lead >= 0xe0 && lead <= 0xef) { length = 3; min = 0x800; }
    else if (lead >= 0xf0 && lead <= 0xf4) { length = 4; min = 0x10000; }
    else return i;
    let code = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

// UTF-16 index in a JS string of a UTF-8 byte offset reported by the engine.
export function utf16IndexOfByte(text, byteOffset) {
  let bytes = 0;
  let index = 0;
  for (const char of text) {
    if (bytes >= byteOffset) break;
    const code = char.codePointAt(0);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    index += char.length;
  }
  return index;
}
