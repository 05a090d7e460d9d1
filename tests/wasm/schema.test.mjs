// The readout-diff/1 schema (docs/schema/readout-diff-1.schema.json) against what the engine
// writes: every corpus readout compared with every other (and itself) and segmented, and an
// error object of every code a user can cause, all valid; and the schema does reject what the
// engine must not write, so a passing check means something.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import { assertSchema, corpusDir, corpusText, createEngine, reportSchema } from './support.mjs';

let engine;
before(async () => {
  engine = await createEngine();
});

const names = readdirSync(corpusDir).filter((name) => name.endsWith('.txt')).sort();

describe('every answer on the corpus is valid', () => {
  test('every readout segmented', () => {
    assert.ok(names.length >= 20, `only ${names.length} readouts in ${corpusDir}`);
    for (const name of names) assertSchema(assert, JSON.parse(engine.segment(corpusText(name), '')), name);
  });

  test('every ordered pair of readouts compared, each with itself included', () => {
    let compared = 0, links = 0, commitments = 0;
    for (const a of names) {
      for (const b of names) {
        const report = assertSchema(assert, JSON.parse(engine.compare(corpusText(a), corpusText(b), '')), `${a} vs ${b}`);
        compared += 1;
        links += report.links.length;
        commitments += report.summary.a.commitments;
      }
    }
    assert.equal(compared, names.length ** 2);
    // The pairs exercise the optional parts of the schema, not only empty reports.
    assert.ok(links > compared && commitments > 0, `${links} links, ${commitments} commitments`);
  });
});

describe('every error code a user can cause is a valid error object', () => {
  const good = 'The two ministers met in Moscow.';
  const cases = {
    invalid_utf8: () => engine.segment('bad \ud800 text', ''),
    binary: () => engine.compare(good, 'text\u0000binary', ''),
    empty: () => engine.compare(' \n', good, ''),
    too_large: () => engine.segment(good, '{"max_bytes": 5}'),
    too_many_sentences: () => engine.segment('A b. '.repeat(100001), ''),
    bad_options: () => engine.compare(good, good, '{"colour": 1}'),
  };
  for (const [code, answer] of Object.entries(cases)) {
    test(code, () => {
      const error = assertSchema(assert, JSON.parse(answer()), code);
      assert.equal(error.error.code, code);
    });
  }
});

describe('the schema rejects what the engine must not write', () => {
  const report = () => JSON.parse(engine.compare(corpusText(names[1]), corpusText(names[0]), ''));
  const mutations = {
    'an unknown key in the evidence (ngram_overlap for trigram_overlap)': (r) => {
      r.links[0].evidence.ngram_overlap = r.links[0].evidence.trigram_overlap;
      delete r.links[0].evidence.trigram_overlap;
    },
    'a sentence of A marked new': (r) => { r.a.sentences.find((s) => s.status === 'dropped').status = 'new'; },
    'a kept sentence without a relation': (r) => { r.a.sentences.find((s) => s.status === 'kept').relation = null; },
    'a dropped sentence with links': (r) => { r.a.sentences.find((s) => s.status === 'dropped').links = [0]; },
    'a score above 1': (r) => { r.links[0].score = 1.5; },
    'another schema name': (r) => { r.schema = 'readout-diff/2'; },
    'a summary without its new count': (r) => { delete r.summary.b.new; },
    'an unknown commitment strength': (r) => { r.a.sentences.find((s) => s.commitment).commitment.strength = 'promise'; },
  };
  for (const [what, mutate] of Object.entries(mutations)) {
    test(what, () => {
      const r = report();
      assertSchema(assert, r, 'unchanged');
      mutate(r);
      assert.throws(() => assertSchema(assert, r, what), assert.AssertionError);
    });
  }
  test('an error with an offset but no line and column, or with an unknown code', () => {
    assert.throws(() => assertSchema(assert, { schema: reportSchema.definitions.schema.const, error: { code: 'empty', message: 'x', offset: 3 } }));
    assert.throws(() => assertSchema(assert, { schema: 'readout-diff/1', error: { code: 'oops', message: 'x' } }));
  });
});
