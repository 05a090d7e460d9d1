// Download-size budgets (gzip, zlib level 9; 1 KB = 1000 bytes, the stricter reading):
//   - the single-file page build/wasm/dist/readout-diff.html: at most 768 KB (512 KB before the
//     English–Hindi dictionary, which the engine issue allows to grow the page to 768 KB);
//   - the wasm engine and its data: at most 600 KB (400 KB before the dictionary, ~200 KB of it). Measured on what ships: the WebAssembly
//     binary (code plus the embedded ICU data, lexicon and rules) taken out of the engine script,
//     where SINGLE_FILE keeps it as base64, plus the script's JavaScript around it. The base64
//     text itself compresses worse than the binary (its 4-character groups break gzip's byte
//     matches); that cost is paid inside the page, whose budget above counts it in full.
// Paths: READOUT_DIFF_WASM_ENGINE (the engine script, see support.mjs) and READOUT_DIFF_DIST (the
// folder holding readout-diff.html, default build/wasm/dist). A missing file fails, never skips.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { enginePath } from './support.mjs';

const KB = 1000;
const PAGE_BUDGET = 768 * KB;
const ENGINE_BUDGET = 600 * KB;

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const distDir = resolve(process.env.READOUT_DIFF_DIST ?? join(repo, 'build/wasm/dist'));
const pagePath = join(distDir, 'readout-diff.html');

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

// The engine script's wasm: the base64 data URI that SINGLE_FILE writes, or else a .wasm file
// next to the script (a build without SINGLE_FILE). Returns {wasm, glue, base64}.
function engineParts() {
  const script = readFileSync(enginePath, 'latin1');
  const match = script.match(/data:application\/octet-stream;base64,([A-Za-z0-9+/]+={0,2})/);
  if (match) {
    return {
      wasm: Buffer.from(match[1], 'base64'),
      glue: Buffer.from(script.slice(0, match.index) + script.slice(match.index + match[0].length), 'latin1'),
      script: Buffer.from(script, 'latin1'),
    };
  }
  const beside = enginePath.replace(/\.js$/, '.wasm');
  assert.ok(existsSync(beside), `${enginePath} embeds no wasm (no base64 data URI) and there is no ${beside}`);
  return { wasm: readFileSync(beside), glue: Buffer.from(script, 'latin1'), script: null };
}

test(`the single-file page is at most ${kb(PAGE_BUDGET)} gzipped`, (t) => {
  assert.ok(existsSync(pagePath), `no page at ${pagePath}: build the wasm preset or set READOUT_DIFF_DIST`);
  const page = readFileSync(pagePath);
  const gzipped = gzipSize(page);
  t.diagnostic(`readout-diff.html: ${page.length} bytes, ${gzipped} gzipped (${kb(gzipped)} of ${kb(PAGE_BUDGET)})`);
  assert.ok(gzipped <= PAGE_BUDGET, `the page is ${kb(gzipped)} gzipped, over its ${kb(PAGE_BUDGET)} budget by ${kb(gzipped - PAGE_BUDGET)}`);
});

test(`the wasm engine with its data is at most ${kb(ENGINE_BUDGET)} gzipped`, (t) => {
  const { wasm, glue, script } = engineParts();
  assert.deepEqual([...wasm.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'the embedded payload is not a WebAssembly module');
  const wasmGzip = gzipSize(wasm);
  const glueGzip = gzipSize(glue);
  t.diagnostic(`wasm binary: ${wasm.length} bytes, ${wasmGzip} gzipped; script around it: ${glue.length} bytes, ${glueGzip} gzipped`);
  if (script) t.diagnostic(`(for reference, the whole script with the wasm as base64: ${script.length} bytes, ${gzipSize(script)} gzipped)`);
  const total = wasmGzip + glueGzip;
  assert.ok(total <= ENGINE_BUDGET, `the engine is ${kb(total)} gzipped (wasm ${kb(wasmGzip)} + script ${kb(glueGzip)}), over its ${kb(ENGINE_BUDGET)} budget by ${kb(total - ENGINE_BUDGET)}`);
});
