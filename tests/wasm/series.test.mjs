// The series engine in wasm: track() gives byte for byte the native CLI's readout-diff-series/1
// report (the CLI adds one newline), and its errors name the readout. Parity needs
// READOUT_DIFF_NATIVE_CLI (e.g. build/native/tools/readout-diff) and is skipped without it.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';

import { assertSameOutput, corpusDir, corpusText, createEngine, nativeCli } from './support.mjs';

// The corpus files whose names contain `part`, in name order (the names start with the date).
function seriesOf(part) {
  return readdirSync(corpusDir).filter((name) => name.endsWith('.txt') && name.includes(part)).sort();
}

describe('track in wasm', () => {
  let engine;
  before(async () => {
    engine = await createEngine();
  });

  test('threads the WMCC series', () => {
    const names = seriesOf('wmcc');
    assert.equal(names.length, 7);
    const report = JSON.parse(engine.track(names.map(corpusText), names, 3, ''));
    assert.equal(report.schema, 'readout-diff-series/1');
    assert.deepEqual(report.readouts.map((r) => r.name), names);
    // "The Indian delegation was led by Additional Secretary (East Asia) ...": word for word in
    // WMCC 21, 22 and 23 (sentence 2 of each).
    const indian = report.threads.find((t) => t.occurrences.slice(0, 3).every((o, k) => o.readout === k && o.sentences[0].id === 2));
    assert.ok(indian, 'no thread for the Indian delegation sentence');
    assert.equal(indian.occurrences[1].relation, 'repeated');
  });

  test('errors name the readout, and non-strings are refused with a message', () => {
    const names = ['a.txt', 'b.txt', 'c.txt'];
    const error = JSON.parse(engine.track(['One point.', 'Two points.', 'Bad \ud800 text.'], names, 3, '')).error;
    assert.equal(error.code, 'invalid_utf8');
    assert.equal(error.readout, 2);
    assert.equal(error.name, 'c.txt');
    assert.equal(error.offset, 4);
    assert.match(error.message, /^Readout 3 of 3 \(c\.txt\): /);
    assert.equal(JSON.parse(engine.track(['One point.'], ['a'], 3, '')).error.code, 'bad_series');
    assert.equal(JSON.parse(engine.track('One point.', ['a'], 3, '')).error.code, 'bad_series');
    assert.equal(JSON.parse(engine.track(['One point.', 7], ['a', 'b'], 3, '')).error.code, 'bad_series');
    for (const window of [0, 2.5, 100, NaN, -1, Infinity]) {
      assert.equal(JSON.parse(engine.track(['One.', 'Two.'], ['a', 'b'], window, '')).error.code, 'bad_series', `window ${window}`);
    }
  });
});

const skip = nativeCli ? false : 'READOUT_DIFF_NATIVE_CLI is not set: set it to the native readout-diff to compare the two builds';

describe('wasm and native CLI give identical series reports', { skip }, () => {
  let engine;
  before(async () => {
    engine = await createEngine();
  });

  const cases = [
    ['wmcc', 3, ''],
    ['wmcc', 1, ''],
    ['corps', 3, ''],
    ['corps', 5, '{"min_link_score":0.2,"partner_ratio":0.5}'],
    ['_fm_', 3, ''],
  ];
  for (const [part, window, options] of cases) {
    test(`track ${part} --window ${window}${options ? ' with options' : ''}`, () => {
      const names = seriesOf(part);
      const wasm = engine.track(names.map(corpusText), names.map((name) => join(corpusDir, name)), window, options);
      const args = ['track', ...names.map((name) => join(corpusDir, name)), '--window', String(window)];
      if (options) args.push('--options', options);
      assertSameOutput(wasm, args, `track ${part}`);
    });
  }
});
