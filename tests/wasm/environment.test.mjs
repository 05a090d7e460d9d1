// The engine script in the places it has to run: a Web Worker under the page's
// Content-Security-Policy (no 'unsafe-eval'), and node with nothing beside it.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';

import { FILES, assertSchema, corpusText, enginePath, loadFactory } from './support.mjs';

test('runs in a worker-like context where eval and new Function are forbidden', async () => {
  // A fresh V8 context with string code generation off behaves like a page whose CSP lacks
  // 'unsafe-eval': eval() and new Function() throw EvalError. Only what a worker has is provided
  // (importScripts marks it as a worker to Emscripten); no require, process, fs or fetch, so the
  // wasm must come from the script itself.
  const context = vm.createContext(
    {
      importScripts() { throw new Error('the engine must not load other scripts'); },
      location: { href: 'https://example.invalid/worker.js' },
      atob, TextDecoder, TextEncoder, console, setTimeout, clearTimeout, performance,
    },
    { codeGeneration: { strings: false, wasm: true } });
  context.self = context;
  assert.throws(() => vm.runInContext('new Function("return 1")', context), { name: 'EvalError' });

  vm.runInContext(readFileSync(enginePath, 'utf8'), context, { filename: enginePath });
  assert.equal(typeof context.createReadoutDiffEngine, 'function', 'the script defines no createReadoutDiffEngine');
  const engine = await context.createReadoutDiffEngine({ print() {}, printErr() {} });
  const report = assertSchema(assert, JSON.parse(engine.compare(corpusText(FILES.moscowEn), corpusText(FILES.moscowHi), '{}')));
  assert.equal(report.schema, 'readout-diff/1');
  assert.equal(report.error, undefined, JSON.stringify(report.error));
  assert.ok(report.b.sentences.length > 0);
});

test('is one self-contained file: a copy alone in an empty folder works', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'readout-engine-'));
  try {
    const copy = join(folder, 'readout-diff-engine.js');
    copyFileSync(enginePath, copy);
    const engine = await loadFactory(copy)({ print() {}, printErr() {} });
    const out = assertSchema(assert, JSON.parse(engine.segment(corpusText(FILES.dushanbeHi), '')));
    assert.equal(out.schema, 'readout-diff/1');
    assert.equal(out.language, 'hi');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
