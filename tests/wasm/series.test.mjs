// The series engine in wasm: track() gives byte for byte the native CLI's readout-diff-series/1
// report (the CLI adds one newline), and its errors name the readout. Parity needs
// READOUT_DIFF_NATIVE_CLI (e.g. build/native/tools/readout-diff) and is skipped without it; the
// schema check needs NODE_PATH=/usr/share/nodejs (Debian's ajv).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';

import { assertSameOutput, corpusDir, corpusText, createEngine, nativeCli } from './support.mjs';

// The corpus files whose names contain `part`, in name order (the names start with the date).
function seriesOf(part) {
  return readdirSync(corpusDir).filter((name) => name.endsWith('.txt') && name.includes(part)).sort();
}

// Debian's node-ajv (tools/setup installs it), a draft-07 validator; it finds its own
// dependencies through NODE_PATH=/usr/share/nodejs, which tools/test sets.
const Ajv = createRequire(import.meta.url)('ajv');
const schemaPath = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'schema', 'readout-diff-series-1.schema.json');
const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
function assertValid(json, label) {
  assert.ok(validate(JSON.parse(json)), `${label}: ${JSON.stringify(validate.errors, null, 1)}`);
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

  test('reports and errors follow docs/schema/readout-diff-series-1.schema.json', () => {
    for (const [part, window] of [['wmcc', 3], ['corps', 1], ['_fm_', 5], ['2021-', 99]]) {
      const names = seriesOf(part);
      assertValid(engine.track(names.map(corpusText), names, window, ''), `${part} window ${window}`);
    }
    assertValid(engine.track(['One.', '\0'], ['a', 'b'], 3, ''), 'binary readout');
    assertValid(engine.track(['One.'], ['a'], 3, ''), 'one readout');
    assertValid(engine.track(['One.', 'Two.'], ['a', 'b'], 3, '{"x":1}'), 'bad options');
    // The schema is not a formality: a report with a key it does not know fails.
    const names = seriesOf('corps');
    const report = JSON.parse(engine.track(names.map(corpusText), names, 3, ''));
    report.threads[0].occurrences[0].extra = true;
    assert.equal(validate(report), false);
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
