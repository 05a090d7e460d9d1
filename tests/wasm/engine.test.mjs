// The wasm engine's JavaScript API on real readouts: report shape, byte spans, errors as values,
// determinism, and the text-conversion rules of wasm/engine_bindings.cpp.
// Run: READOUT_DIFF_WASM_ENGINE=build/wasm/wasm/readout-diff-engine.js node --test tests/wasm/
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { readdirSync } from 'node:fs';

import { FILES, assertSchema, checkSpans, corpusBytes, corpusDir, corpusText, createEngine } from './support.mjs';

let engine;
before(async () => {
  engine = await createEngine();
});

function compare(a, b, options = '{}') {
  const text = engine.compare(a, b, options);
  assert.equal(typeof text, 'string');
  return assertSchema(assert, JSON.parse(text), 'compare');
}

function segment(text, options = '{}') {
  const out = engine.segment(text, options);
  assert.equal(typeof out, 'string');
  return assertSchema(assert, JSON.parse(out), 'segment');
}

// Byte offset and 1-based line/column (in code points) of `index` (a UTF-16 index) in `text`.
function positionOf(text, index) {
  const before = text.slice(0, index);
  const lines = before.split('\n');
  return { offset: Buffer.byteLength(before, 'utf8'), line: lines.length, column: [...lines.at(-1)].length + 1 };
}

describe('API', () => {
  test('exposes compare, segment, version and prepare', () => {
    for (const name of ['compare', 'segment', 'version', 'prepare']) assert.equal(typeof engine[name], 'function', name);
    assert.match(engine.version(), /^readout-diff \d+\.\d+\.\d+ \(report schema readout-diff\/1\)$/);
  });

  test('prepare() changes no result: an engine prepared first reports what an unprepared one does', async () => {
    const prepared = await createEngine();
    assert.equal(prepared.prepare(), undefined);
    prepared.prepare();
    const a = corpusText(FILES.moscowEn), b = corpusText(FILES.dushanbeHi);
    assert.equal(prepared.compare(a, b, '{}'), engine.compare(a, b, '{}'));
  });

  test('passing a non-string is a JavaScript error, not a crash', () => {
    assert.throws(() => engine.compare(undefined, 'x', '{}'));
    assert.throws(() => engine.segment(42, '{}'));
    // ...and the instance still works afterwards.
    assert.equal(segment('One sentence.').sentences.length, 1);
  });
});

describe('compare on the corpus', () => {
  test('English readout vs Hindi readout: a readout-diff/1 report whose spans slice the inputs', () => {
    const a = corpusText(FILES.moscowEn);
    const b = corpusText(FILES.dushanbeHi);
    const report = compare(a, b);
    assert.equal(report.schema, 'readout-diff/1');
    assert.equal(report.error, undefined, JSON.stringify(report.error));
    assert.equal(report.a.language, 'en');
    assert.equal(report.b.language, 'hi');
    const countA = checkSpans(assert, report.a.sentences, corpusBytes(FILES.moscowEn), 'a');
    const countB = checkSpans(assert, report.b.sentences, corpusBytes(FILES.dushanbeHi), 'b');
    assert.ok(countA > 10 && countB > 10, `too few sentences: ${countA}, ${countB}`);
    // The Hindi side is cut at the danda (a sentence terminator in ICU's rules).
    assert.ok(report.b.sentences.some((s) => s.text.endsWith('।')), 'no Hindi sentence ends with a danda');
    // Links name sentences that exist on their side.
    assert.ok(Array.isArray(report.links));
    for (const link of report.links) {
      for (const id of link.a) assert.ok(report.a.sentences.some((s) => s.id === id), `link ${link.id}: no sentence a#${id}`);
      for (const id of link.b) assert.ok(report.b.sentences.some((s) => s.id === id), `link ${link.id}: no sentence b#${id}`);
    }
  });

  test('two readouts of the same meeting are linked', () => {
    const report = compare(corpusText(FILES.moscowEn), corpusText(FILES.moscowNiasEn));
    assert.equal(report.schema, 'readout-diff/1');
    assert.ok(report.links.length > 0, 'no links between two versions of the same statement');
  });

  test('a readout compared with itself: every sentence linked, none dropped or new', () => {
    const text = corpusText(FILES.moscowEn);
    const report = compare(text, text);
    assert.equal(report.a.sentences.length, report.b.sentences.length);
    const linkedA = new Set(report.links.flatMap((link) => link.a));
    const linkedB = new Set(report.links.flatMap((link) => link.b));
    assert.equal(linkedA.size, report.a.sentences.length);
    assert.equal(linkedB.size, report.b.sentences.length);
  });

  test('deterministic: the same call twice, and on a fresh instance, gives the same bytes', async () => {
    const a = corpusText(FILES.moldoHi);
    const b = corpusText(FILES.moldoEn);
    const first = engine.compare(a, b, '{}');
    assert.equal(engine.compare(a, b, '{}'), first);
    const fresh = await createEngine();
    assert.equal(fresh.compare(a, b, '{}'), first);
  });

  test('a byte order mark and CRLF line ends: spans still slice the bytes as given', () => {
    const original = corpusText(FILES.munichUs);
    const text = `\uFEFF${original.replace(/\r?\n/g, '\r\n')}`;
    const bytes = Buffer.from(text, 'utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const report = compare(text, corpusText(FILES.munichCn));
    assert.equal(report.error, undefined, JSON.stringify(report.error));
    checkSpans(assert, report.a.sentences, bytes, 'a');
    assert.ok(report.a.sentences[0].start >= 3, 'first sentence starts inside the byte order mark');
    assert.ok(report.a.sentences.every((s) => !s.text.includes('\r')), 'a sentence contains a line end');
  });

  test('text outside the Basic Multilingual Plane: byte offsets count 4 bytes per character', () => {
    const text = 'The 𝐌inisters met in Moscow 🙂 on Thursday. They agreed on five points.\nBoth sides will keep talking.';
    const out = segment(text);
    assert.equal(out.schema, 'readout-diff/1');
    const count = checkSpans(assert, out.sentences, Buffer.from(text, 'utf8'), 'segment');
    assert.equal(count, 3);
    assert.equal(out.sentences[1].start, Buffer.byteLength(text.slice(0, text.indexOf('They')), 'utf8'));
  });
});

describe('errors are JSON values with a code', () => {
  const b = 'The two ministers met in Moscow.';

  test('empty and white-space-only text, on either side', () => {
    let report = compare('', b);
    assert.equal(report.schema, 'readout-diff/1');
    assert.equal(report.error.code, 'empty');
    assert.equal(report.error.side, 'a');
    assert.equal(typeof report.error.message, 'string');
    report = compare(b, ' \n\t\u00a0\n');
    assert.equal(report.error.code, 'empty');
    assert.equal(report.error.side, 'b');
    assert.equal(segment('').error.code, 'empty');
  });

  test('an unpaired surrogate is reported where it is, not silently altered', () => {
    // JavaScript strings can hold lone surrogates (UTF-16 with no UTF-8 form). Embind's default
    // conversion would pair one with the next character; the engine must refuse the text instead.
    const text = 'The ministers met.\nThey agreed \ud800on five points.';
    const at = positionOf(text, text.indexOf('\ud800'));
    for (const report of [compare(text, b), segment(text)]) {
      assert.equal(report.error.code, 'invalid_utf8');
      assert.equal(report.error.offset, at.offset);
      assert.equal(report.error.line, 2);
      assert.equal(report.error.line, at.line);
      assert.equal(report.error.column, at.column);
    }
    // A lone trailing surrogate at the very end, and a low surrogate first, likewise.
    assert.equal(segment('Sentence one. \udc00').error.code, 'invalid_utf8');
    assert.equal(segment('Sentence one.\ud83d').error.offset, Buffer.byteLength('Sentence one.'));
    // A proper pair is fine.
    assert.equal(segment('Sentence one \ud83d\ude42.').error, undefined);
  });

  test('control characters mark binary input', () => {
    const report = compare(b, 'Looks like text\u0000but is not');
    assert.equal(report.error.code, 'binary');
    assert.equal(report.error.side, 'b');
    assert.equal(report.error.offset, 'Looks like text'.length);
  });

  test('options: malformed JSON and unknown keys are refused; max_bytes limits the input', () => {
    assert.equal(compare(b, b, 'not json').error.code, 'bad_options');
    assert.equal(compare(b, b, '{"max_byte": 10}').error.code, 'bad_options');
    assert.equal(compare(b, b, '[]').error.code, 'bad_options');
    // Empty options mean the defaults.
    assert.equal(compare(b, b, '').error, undefined);
    const tooLarge = compare(b, b, '{"max_bytes": 10}');
    assert.equal(tooLarge.error.code, 'too_large');
    assert.equal(tooLarge.error.side, 'a');
  });
});

describe('segment', () => {
  test('a Hindi readout: sentences with spans, language hi', () => {
    const out = segment(corpusText(FILES.moldoHi));
    assert.equal(out.schema, 'readout-diff/1');
    assert.equal(out.language, 'hi');
    checkSpans(assert, out.sentences, corpusBytes(FILES.moldoHi), 'segment');
  });

  test('abbreviations and initials do not end sentences', () => {
    const out = segment('Mr. Wang Yi met Dr. S. Jaishankar in Moscow. They agreed on five points.');
    assert.deepEqual(out.sentences.map((s) => s.text),
      ['Mr. Wang Yi met Dr. S. Jaishankar in Moscow.', 'They agreed on five points.']);
  });
});

// Readouts of the corpus, one after another (in `order`) and over again, up to `limit` bytes of
// UTF-8; `edit(text, round)` may change each copy.
function corpusCollection(order, limit, edit = (text) => text) {
  const parts = [];
  let size = 0;
  for (let round = 0; ; round += 1) {
    for (const name of order) {
      const text = `${edit(corpusText(name), round)}\n\n`;
      if (size + Buffer.byteLength(text) > limit) return parts.join('');
      parts.push(text);
      size += Buffer.byteLength(text);
    }
  }
}

describe('memory', () => {
  test('two realistic readouts at the 16 MiB limit compare without aborting, within the heap budget', async () => {
    // The whole corpus over and over, about 80,000 sentences a side: A in one order, B in the other
    // with the words of every three-word group reordered, so that links carry word diffs. With
    // the former 1 GB maximum heap this pair aborted ("Aborted(). Build with -s ASSERTIONS=1").
    const names = readdirSync(corpusDir).filter((name) => name.endsWith('.txt')).sort();
    const reordered = (text, round) => text.replace(/\b(\w+) (\w+) (\w+)\b/g, (all, x, y, z) => (round % 2 ? `${x} ${z} ${y}` : `${z} ${y} ${x}`));
    const a = corpusCollection(names, 16 * 1024 * 1024);
    const b = corpusCollection([...names].reverse(), 16 * 1024 * 1024, reordered);
    const fresh = await createEngine();  // its own heap, so the peak is this comparison's
    const report = JSON.parse(fresh.compare(a, b, ''));
    assert.equal(report.error, undefined, JSON.stringify(report.error));
    assert.ok(report.a.sentences.length > 75000 && report.b.sentences.length > 75000);
    assert.ok(report.summary.links.modified > 1000, `only ${report.summary.links.modified} modified links`);
    const heap = fresh.HEAP8.buffer.byteLength;
    assert.ok(heap <= 1.5 * 2 ** 30, `the wasm heap grew to ${(heap / 2 ** 20).toFixed(0)} MiB (budget 1,536 MiB)`);
  });

  test('inputs far larger than the initial 16 MB heap: the heap grows and the result is right', () => {
    // About 3 MB and 10 MB of UTF-8: the texts alone (UTF-16 copies plus UTF-8) exceed the
    // initial memory, so this only passes if ALLOW_MEMORY_GROWTH works.
    const a = `${corpusText(FILES.moscowEn)}\n\n`.repeat(1800);
    const b = `${corpusText(FILES.dushanbeHi)}\n\n`.repeat(1800);
    const out = segment(b);
    assert.equal(out.error, undefined, JSON.stringify(out.error));
    const single = segment(corpusText(FILES.dushanbeHi)).sentences.length;
    assert.equal(out.sentences.length, single * 1800);
    const last = out.sentences.at(-1);
    assert.equal(Buffer.from(b, 'utf8').subarray(last.start, last.end).toString('utf8'), last.text);
    // And the instance is still usable for a comparison afterwards.
    assert.equal(compare(a.slice(0, 20000), b.slice(0, 20000)).schema, 'readout-diff/1');
  });
});
