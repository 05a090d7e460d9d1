#!/usr/bin/env node
// The wasm engine's cold start under node: each run is a fresh node process that loads the engine
// script, creates the engine and compares the Moscow/Dushanbe pair twice. The first compare()
// pays for the once-per-process set-up (loading the lexicon, ICU's iterators) in wasm that V8
// has not optimised yet; the second is warm. Prints the median, minimum and maximum over the runs.
//   node tools/bench/cold-start.mjs [ENGINE_JS] [RUNS]
// ENGINE_JS defaults to $READOUT_DIFF_WASM_ENGINE, else build/wasm/wasm/readout-diff-engine.js;
// the texts come from $READOUT_DIFF_SHARED, else ../shared.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { median } from './stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');

if (process.argv[2] === '--child') {
  const [engineJs, a, b] = process.argv.slice(3);
  const textA = readFileSync(a, 'utf8');
  const textB = readFileSync(b, 'utf8');
  const start = performance.now();
  const engine = await createRequire(import.meta.url)(engineJs)();
  const created = performance.now();
  engine.compare(textA, textB, '');
  const first = performance.now();
  engine.compare(textA, textB, '');
  const second = performance.now();
  console.log(JSON.stringify({ create: created - start, first: first - created, second: second - first }));
} else {
  const engineJs = resolve(process.argv[2] ?? process.env.READOUT_DIFF_WASM_ENGINE ?? join(repoRoot, 'build/wasm/wasm/readout-diff-engine.js'));
  const runs = Number(process.argv[3] ?? 15);
  const corpus = join(process.env.READOUT_DIFF_SHARED ?? join(repoRoot, '..', 'shared'), 'corpus');
  const a = join(corpus, '2020-09-10_moscow_in-cn_fm_mea_en.txt');
  const b = join(corpus, '2021-07-14_dushanbe_in-cn_fm_mea-seed_hi.txt');
  const samples = [];
  for (let run = 0; run < runs; ++run) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', engineJs, a, b], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    samples.push(JSON.parse(child.stdout));
  }
  for (const key of ['create', 'first', 'second']) {
    const values = samples.map((sample) => sample[key]);
    console.log(`${key.padEnd(6)} median ${median(values).toFixed(1)} ms  (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)} ms over ${runs} runs)`);
  }
}
