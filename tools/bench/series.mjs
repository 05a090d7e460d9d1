#!/usr/bin/env node
// The series benchmark (a command, not a test): `node tools/bench/series.mjs [options]` from the
// repo root. Times track() on synthetic series built at run time from ../shared/corpus (each
// readout an edited copy of the one before, ~30 sentences each): the wasm engine under node after
// a warm-up, and the native CLI as a process. Prints medians, the fitted growth in the number of
// readouts for a fixed window, the wasm heap, and the budgets (40 readouts <= 1 s and 100
// readouts <= 3 s in wasm) with PASS or FAIL. See docs/series.md for the figures it gave.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { formatMb, formatMs, growthExponent, median } from './stats.mjs';
import { corpusMaterial, syntheticSeries } from './synthetic.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const USAGE = `Usage: node tools/bench/series.mjs [options]
  --counts LIST   series lengths in readouts (default 10,20,40,70,100)
  --sentences N   sentences a readout (default 30)
  --window K      the window (default 3)
  --runs N        timed runs per length (default 5)
  --seed N        seed of the synthetic texts (default 20240601)
  --wasm PATH --cli PATH --shared DIR
                  the engine script, native CLI and shared folder (defaults: $READOUT_DIFF_WASM_ENGINE,
                  $READOUT_DIFF_NATIVE_CLI, $READOUT_DIFF_SHARED, else the preset build folders
                  and ../shared); a missing native CLI skips the native column`;

function parseArgs(argv) {
  const options = {
    counts: [10, 20, 40, 70, 100],
    sentences: 30,
    window: 3,
    runs: 5,
    seed: 20240601,
    wasm: process.env.READOUT_DIFF_WASM_ENGINE ?? join(repoRoot, 'build/wasm/wasm/readout-diff-engine.js'),
    cli: process.env.READOUT_DIFF_NATIVE_CLI ?? join(repoRoot, 'build/native/tools/readout-diff'),
    shared: process.env.READOUT_DIFF_SHARED ?? join(repoRoot, '..', 'shared'),
  };
  for (let k = 0; k < argv.length; ++k) {
    const arg = argv[k];
    const value = () => {
      if (k + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++k];
    };
    const whole = (text) => {
      if (!/^[0-9]+$/.test(text) || Number(text) < 1) throw new Error(`${arg} takes whole numbers from 1`);
      return Number(text);
    };
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--counts') options.counts = value().split(',').map(whole);
    else if (arg === '--sentences') options.sentences = whole(value());
    else if (arg === '--window') options.window = whole(value());
    else if (arg === '--runs') options.runs = whole(value());
    else if (arg === '--seed') options.seed = whole(value());
    else if (arg === '--wasm') options.wasm = resolve(value());
    else if (arg === '--cli') options.cli = resolve(value());
    else if (arg === '--shared') options.shared = resolve(value());
    else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  return options;
}

function timeNative(cli, paths, window, runs) {
  const times = [];
  for (let run = 0; run < runs; ++run) {
    const start = process.hrtime.bigint();
    const result = spawnSync(cli, ['track', ...paths, '--window', String(window)], { maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`native track failed: ${result.stderr}`);
  }
  return median(times);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(options.wasm)) throw new Error(`no wasm engine at ${options.wasm}: cmake --build --preset wasm`);
  const haveCli = existsSync(options.cli);
  const material = corpusMaterial(join(options.shared, 'corpus'));
  const engine = await createRequire(import.meta.url)(options.wasm)({ print() {}, printErr() {} });
  const scratch = join(tmpdir(), `readout-series-bench-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  const rows = [];
  try {
    for (const count of options.counts) {
      const texts = syntheticSeries(count, options.sentences, options.seed, material);
      const names = texts.map((_, k) => `readout-${String(k + 1).padStart(3, '0')}.txt`);
      const paths = names.map((name, k) => {
        const path = join(scratch, name);
        writeFileSync(path, texts[k]);
        return path;
      });
      const first = JSON.parse(engine.track(texts, names, options.window, ''));  // the warm-up, and a check
      if (first.error) throw new Error(`track failed on ${count} readouts: ${first.error.message}`);
      const times = [];
      for (let run = 0; run < options.runs; ++run) {
        const start = process.hrtime.bigint();
        engine.track(texts, names, options.window, '');
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const sentences = first.readouts.reduce((total, readout) => total + readout.sentences, 0);
      rows.push({
        count,
        sentences,
        threads: first.summary.threads,
        wasm: median(times),
        native: haveCli ? timeNative(options.cli, paths, options.window, options.runs) : null,
        heap: engine.HEAP8.buffer.byteLength,
      });
      for (const path of paths) rmSync(path);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  console.log(`Series: ~${options.sentences} sentences a readout, window ${options.window}, median of ${options.runs} runs (wasm after a warm-up; native CLI as a process)`);
  console.log('readouts | sentences | threads | wasm track() | native CLI | wasm heap after');
  for (const row of rows) {
    console.log(`${String(row.count).padStart(8)} | ${String(row.sentences).padStart(9)} | ${String(row.threads).padStart(7)} | ${formatMs(row.wasm).padStart(12)} | ${formatMs(row.native).padStart(10)} | ${formatMb(row.heap)}`);
  }
  const wasmGrowth = growthExponent(rows.map((row) => [row.count, row.wasm]));
  const nativeGrowth = haveCli ? growthExponent(rows.map((row) => [row.count, row.native])) : null;
  console.log(`growth in the number of readouts, time ∝ n^k: wasm k = ${wasmGrowth?.toFixed(2) ?? '—'}, native k = ${nativeGrowth?.toFixed(2) ?? '—'}`);
  for (const [count, budget] of [[40, 1000], [100, 3000]]) {
    const row = rows.find((r) => r.count === count);
    if (row) console.log(`budget: ${count} readouts in wasm ${formatMs(row.wasm)} (<= ${formatMs(budget)}) ${row.wasm <= budget ? 'PASS' : 'FAIL'}`);
  }
}

main().catch((error) => {
  console.error(`series bench: ${error.message}`);
  process.exit(1);
});
