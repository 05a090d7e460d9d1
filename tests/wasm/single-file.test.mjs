// What tools/bundle-page.mjs writes into the single file (build/wasm/dist/readout-diff.html, or
// READOUT_DIFF_DIST): the default example's report, which the page shows as its first result
// without asking its engine, must be exactly what the engine writes for the example; and the file
// is ASCII only, every other character escaped, with the texts unchanged once read back.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { createEngine, corpusText } from './support.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pagePath = join(resolve(process.env.READOUT_DIFF_DIST ?? join(repo, 'build/wasm/dist')), 'readout-diff.html');

function page() {
  assert.ok(existsSync(pagePath), `no page at ${pagePath}: build the wasm preset or set READOUT_DIFF_DIST`);
  return readFileSync(pagePath, 'latin1');
}

// The JSON data block with this id, parsed as the page parses its text.
function dataBlock(html, id) {
  const found = html.match(new RegExp(`<script type="application/json" id="${id}">([^<]*)</script>`));
  assert.ok(found, `the page has no ${id} block`);
  return JSON.parse(found[1]);
}

test('the single file is ASCII only', () => {
  const at = page().search(/[^\x00-\x7f]/);
  assert.equal(at, -1, `a character outside ASCII at byte ${at}`);
});

test('the default example read back from the single file is the corpus text, Hindi included', () => {
  const example = dataBlock(page(), 'readout-diff-example');
  for (const side of ['a', 'b']) assert.equal(example[side].text, corpusText(example[side].name), example[side].name);
  assert.match(example.b.text, /[\u0900-\u097F]/, 'the default example has a Hindi side');
});

test('the single file\'s first result is the report the engine writes for the default example', async () => {
  const html = page();
  const example = dataBlock(html, 'readout-diff-example');
  const bundled = dataBlock(html, 'readout-diff-example-report');
  const engine = await createEngine();
  // The options the page's first request sends (web/engine-start-inline.js): the defaults.
  const written = JSON.parse(engine.compare(example.a.text, example.b.text, JSON.stringify({})));
  assert.ok(written.links.length > 0, 'the example has links');
  assert.deepEqual(bundled, written);
});
