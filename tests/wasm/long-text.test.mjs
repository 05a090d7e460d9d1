// web/long-text.js on its own: a long file's text held in the parts it was decoded in reads as the
// text itself (its start, its pieces for the worker, its whole), and a short one is a plain string.
// The texts are a real readout's, repeated.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { LongText, asText, isBlank, isLongText, textOfParts, textPieces, textStart, wholeText } from '../../web/long-text.js';
import { FILES, corpusText } from './support.mjs';

const PIECE = 1024 * 1024;

// The readout repeated to at least `length` characters, cut into parts of `partLength` (the last
// shorter), with an empty part among them as a streaming decoder can give.
function partsOf(length, partLength) {
  const readout = corpusText(FILES.moscowHi);
  const text = readout.repeat(Math.ceil(length / readout.length)).slice(0, length);
  const parts = [];
  for (let at = 0; at < text.length; at += partLength) parts.push(text.slice(at, at + partLength));
  parts.splice(1, 0, '');
  return { text, parts };
}

test('a text of a piece or less is one string; a longer one a LongText with its length and UTF-8 bytes', () => {
  const short = partsOf(PIECE, 300_000);
  assert.equal(textOfParts(short.parts, 1), short.text);
  const long = partsOf(PIECE + 1, 300_000);
  const bytes = Buffer.byteLength(long.text);
  const text = textOfParts(long.parts, bytes);
  assert.ok(text instanceof LongText);
  assert.equal(text.length, long.text.length);
  assert.equal(text.utf8Bytes, bytes);
  assert.ok(!text.parts.includes(''), 'empty parts are left out');
  assert.ok(Object.isFrozen(text) && Object.isFrozen(text.parts));
  assert.equal(isLongText(text), true);
  assert.equal(isLongText(long.text), true, 'a string longer than a piece is sent in pieces too');
  assert.equal(isLongText(short.text), false);
});

test('a LongText reads as its text: its start, whole, pieces and blankness', () => {
  const { text: expected, parts } = partsOf(3 * PIECE + 12_345, 700_000);
  const text = textOfParts(parts, Buffer.byteLength(expected));
  for (const count of [0, 1, 2000, 699_999, 700_000, 700_001, 2_500_000, expected.length + 10]) {
    assert.equal(textStart(text, count), expected.slice(0, count), `the first ${count} characters`);
  }
  assert.equal(wholeText(text), expected);
  const pieces = [...textPieces(text)];
  assert.ok(pieces.every((piece) => piece.length > 0 && piece.length <= PIECE), 'no piece is empty or over a piece');
  assert.equal(pieces.join(''), expected);
  const stringPieces = [...textPieces(expected)];
  assert.ok(stringPieces.every((piece) => piece.length <= PIECE));
  assert.equal(stringPieces.join(''), expected);
  assert.equal(isBlank(text), false);
  assert.equal(isBlank(new LongText([' '.repeat(PIECE), '\n\u2028\t'.repeat(PIECE)], 0)), true);
  assert.equal(isBlank(new LongText([' '.repeat(PIECE), 'x'], 0)), false);
});

test('asText keeps a LongText and makes anything else a string', () => {
  const text = new LongText(['a'.repeat(PIECE), 'b'], PIECE + 1);
  assert.equal(asText(text), text);
  assert.equal(asText(42), '42');
  assert.equal(asText('x'), 'x');
  assert.equal(wholeText('x'), 'x');
  assert.equal(textStart('xyz', 2), 'xy');
  assert.equal(isBlank('  \n'), true);
});
