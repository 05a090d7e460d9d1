#!/usr/bin/env node
// The Readout Diff benchmark (a command, not a test): `node tools/bench [options]` from the repo
// root. See docs/performance.md for what it measures and the figures it gave.
//
// For each pair of texts — the Moscow/Dushanbe readouts (en/hi and en/en) and synthetic long
// readouts built from the corpus's sentences — it times, on the same texts and in the same run:
//   native  the CLI (`readout-diff compare A B`, report sent to /dev/null): process wall time, and
//           its max RSS from /usr/bin/time -f %M in one extra run;
//   wasm    the Emscripten engine's compare() under node after warm-up; peak RSS of its process
//           and the size of the wasm heap after the runs (linear memory only grows);
//   jsdiff  jsdiff's diffSentences;  dmp  diff-match-patch's diff_main + diff_cleanupSemantic;
// each JS engine in a process of its own. Then the page: time to first result from file://, a
// re-comparison after an edit of a 1,000-sentence pair, and the longest main-thread task while
// opening and comparing texts of growing size there (and the corpus repeated, whose rows hold
// hundreds of sentences; with --page-limit, 16 MiB a side). Last, the wasm engine's peak memory on
// the largest pair the limits allow (16 MiB a side).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { measureMainThread, measurePage, measureRecomparison } from './page-timing.mjs';
import { formatMb, formatMs, growthExponent, median } from './stats.mjs';
import { GENERATOR_VERSION, corpusMaterial, repeatedCorpusPair, syntheticPairOfBytes, writeSyntheticPair } from './synthetic.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');

const ENGINE_NAMES = ['native', 'inproc', 'wasm', 'jsdiff', 'dmp'];
const ENGINE_TITLES = {
  native: 'native CLI (process)', inproc: 'native in-process', wasm: 'wasm (node)',
  jsdiff: 'jsdiff diffSentences', dmp: 'diff-match-patch',
};

const USAGE = `Usage: node tools/bench [options]
  --quick               skip the 50,000-sentence pair (sizes 100,1000,10000)
  --sizes LIST          synthetic sizes in sentences a side (default 100,1000,10000,50000)
  --engines LIST        any of native,inproc,wasm,jsdiff,dmp (default all; inproc is the native
                        engine timed inside one process, built here from the native preset's
                        static libraries with g++)
  --no-pairs            skip the Moscow/Dushanbe pairs
  --no-page             skip the page: its time to first result, a re-comparison after an edit
                        and its main-thread tasks
  --page-mb LIST        sizes in MB (10^6 bytes) a side of the texts opened in the page for the
                        longest main-thread task (default 0.5,1,2.5,5)
  --page-repeat N       also the corpus readouts repeated N times a side there (default 25: rows
                        of 50-150 sentences; 0 leaves it out)
  --page-limit          also a synthetic pair at the page's limit, 16 MiB a side (minutes)
  --no-heap-pair        skip the wasm engine's peak memory on the largest pair
  --heap-pair-mib N     size a side of that pair in MiB (default 16, the limit; if the engine
                        cannot compare it, half that, and so on down to 1)
  --page-runs N         page loads to time, and edits to re-compare (default 5)
  --seed N              seed of the synthetic texts (default 20240601)
  --anchor-timeout S    give up on jsdiff/dmp after S seconds a run (default 120)
  --dmp-timeout S       diff-match-patch Diff_Timeout (default: the library's 1 s)
  --json FILE           also write the results as JSON (default build/bench/results.json)
  --wasm PATH --cli PATH --shared DIR --dist DIR
                        the engine script, native CLI, shared folder and page folder (defaults:
                        $READOUT_DIFF_WASM_ENGINE, $READOUT_DIFF_NATIVE_CLI, $READOUT_DIFF_SHARED,
                        $READOUT_DIFF_DIST, else the preset build folders and ../shared)`;

// The native preset's CLI: build/native/tools/readout-diff (older trees: tools/cli/readout-diff).
function defaultCli() {
  const candidates = ['build/native/tools/readout-diff', 'build/native/tools/cli/readout-diff'].map((path) => join(repoRoot, path));
  return candidates.find((path) => existsSync(path)) ?? candidates[0];
}

function parseArgs(argv) {
  const options = {
    sizes: [100, 1000, 10000, 50000],
    engines: ['native', 'inproc', 'wasm', 'jsdiff', 'dmp'],
    pairs: true,
    page: true,
    pageRuns: 5,
    pageMb: [0.5, 1, 2.5, 5],
    pageRepeat: 25,
    pageLimit: false,
    heapPair: true,
    heapPairMib: 16,
    seed: 20240601,
    anchorTimeoutS: 120,
    dmpTimeout: undefined,
    json: join(repoRoot, 'build/bench/results.json'),
    wasm: process.env.READOUT_DIFF_WASM_ENGINE ?? join(repoRoot, 'build/wasm/wasm/readout-diff-engine.js'),
    cli: process.env.READOUT_DIFF_NATIVE_CLI ?? defaultCli(),
    shared: process.env.READOUT_DIFF_SHARED ?? join(repoRoot, '..', 'shared'),
    dist: process.env.READOUT_DIFF_DIST ?? join(repoRoot, 'build/wasm/dist'),
  };
  let quick = false;
  for (let k = 0; k < argv.length; ++k) {
    const arg = argv[k];
    const value = () => {
      if (k + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++k];
    };
    const list = (text) => text.split(',').map((item) => item.trim()).filter(Boolean);
    switch (arg) {
      case '--quick': quick = true; break;
      case '--sizes':
        options.sizes = list(value()).map((item) => Number(item.replace(/[_,]/g, '')));
        if (options.sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('--sizes takes positive integers');
        break;
      case '--engines':
        options.engines = list(value());
        for (const name of options.engines) {
          if (!ENGINE_NAMES.includes(name)) throw new Error(`unknown engine ${name}`);
        }
        break;
      case '--no-pairs': options.pairs = false; break;
      case '--no-page': options.page = false; break;
      case '--page-runs': options.pageRuns = Number(value()); break;
      case '--page-mb':
        options.pageMb = list(value()).map(Number);
        if (options.pageMb.some((size) => !(size > 0))) throw new Error('--page-mb takes positive numbers');
        break;
      case '--page-repeat':
        options.pageRepeat = Number(value());
        if (!Number.isInteger(options.pageRepeat) || options.pageRepeat < 0) throw new Error('--page-repeat takes a whole number');
        break;
      case '--page-limit': options.pageLimit = true; break;
      case '--no-heap-pair': options.heapPair = false; break;
      case '--heap-pair-mib': options.heapPairMib = Number(value()); break;
      case '--seed': options.seed = Number(value()); break;
      case '--anchor-timeout': options.anchorTimeoutS = Number(value()); break;
      case '--dmp-timeout': options.dmpTimeout = Number(value()); break;
      case '--json': options.json = resolve(value()); break;
      case '--wasm': options.wasm = value(); break;
      case '--cli': options.cli = value(); break;
      case '--shared': options.shared = value(); break;
      case '--dist': options.dist = value(); break;
      case '-h': case '--help': console.log(USAGE); process.exit(0); break;
      default: throw new Error(`unknown option ${arg}\n\n${USAGE}`);
    }
  }
  // --quick drops the 50,000-sentence pair (and anything larger), with or without --sizes.
  if (quick) options.sizes = options.sizes.filter((size) => size < 50000);
  for (const key of ['wasm', 'cli', 'shared', 'dist']) options[key] = resolve(options[key]);
  return options;
}

// Timed runs per pair: many on small inputs, few on large ones; each measurement also stops once
// it has 3 runs and has spent its time budget.
function plan(sentences) {
  // V8 moves the wasm to its optimising tier over the first dozen short calls: warm up past it.
  if (sentences <= 200) return { reps: 21, warmup: 12, budgetMs: 10000 };
  if (sentences <= 2000) return { reps: 11, warmup: 3, budgetMs: 15000 };
  if (sentences <= 20000) return { reps: 5, warmup: 1, budgetMs: 20000 };
  return { reps: 3, warmup: 1, budgetMs: 1 };
}

// As js-runner.mjs: fewer timed runs when the warm-up run says reps would take longer than this.
const MAX_TOTAL_MS = 60000;

function runNative(cli, a, b, { reps, warmup, budgetMs }) {
  const once = () => {
    const t0 = process.hrtime.bigint();
    const result = spawnSync(cli, ['compare', a, b], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 20 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (result.status !== 0) throw new Error(`${cli} compare failed (${result.status}): ${result.stderr}`);
    return ms;
  };
  let target = reps;
  for (let k = 0; k < warmup; ++k) {
    const took = once();
    if (took * reps > MAX_TOTAL_MS) target = Math.max(1, Math.min(reps, Math.floor(MAX_TOTAL_MS / took)));
  }
  const times = [];
  const started = performance.now();
  while (times.length < target) {
    times.push(once());
    if (times.length >= 3 && performance.now() - started > budgetMs) break;
  }
  // One more run under /usr/bin/time for the peak resident set (in KiB).
  let rss = null;
  if (existsSync('/usr/bin/time')) {
    const timed = spawnSync('/usr/bin/time', ['-f', '%M', cli, 'compare', a, b], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const kib = Number(timed.stderr.trim().split('\n').at(-1));
    if (timed.status === 0 && Number.isFinite(kib)) rss = kib * 1024;
  }
  return { engine: 'native', times_ms: times, rss_peak_bytes: rss };
}

function runJs(engine, a, b, { reps, warmup, budgetMs }, options) {
  const args = [join(here, 'js-runner.mjs'), engine, a, b, '--reps', String(reps), '--warmup', String(warmup),
    '--budget-ms', String(budgetMs), '--wasm', options.wasm];
  const isAnchor = engine === 'jsdiff' || engine === 'dmp';
  if (engine === 'jsdiff') args.push('--timeout-ms', String(options.anchorTimeoutS * 1000));
  if (engine === 'dmp' && options.dmpTimeout !== undefined) args.push('--dmp-timeout', String(options.dmpTimeout));
  // The whole child (warm-up included) may take (warmup + reps) runs; anchors are cut off.
  const killAfter = isAnchor ? options.anchorTimeoutS * 1000 * (warmup + 2) + 30000 : 0;
  const child = spawnSync(process.execPath, ['--max-old-space-size=8192', ...args], {
    encoding: 'utf8', maxBuffer: 16 << 20, timeout: killAfter || undefined, killSignal: 'SIGKILL',
  });
  if (child.error?.code === 'ETIMEDOUT' || child.signal === 'SIGKILL') {
    return { engine, times_ms: [], gave_up: `killed after ${Math.round(killAfter / 1000)} s` };
  }
  if (child.status !== 0) {
    const reason = (child.stderr || '').trim().split('\n').slice(-3).join(' | ');
    return { engine, times_ms: [], failed: reason || `exit ${child.status}` };
  }
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1));
  if (result.checks?.aborted) result.gave_up = result.checks.aborted;
  return result;
}

// The in-process native driver (native-inprocess.cpp), linked against the native preset's static
// libraries next to the CLI; rebuilt when they are newer. Returns its path, or null with a reason.
function buildInProcess(cli) {
  const nativeDir = resolve(dirname(cli), '..');
  const libraries = [join(nativeDir, 'core/libreadout_engine.a'), join(nativeDir, 'core/libreadout_core.a'), join(nativeDir, 'libsnowball_stemmers.a')];
  const source = join(here, 'native-inprocess.cpp');
  const output = join(repoRoot, 'build/bench/native-inprocess');
  const missing = libraries.find((library) => !existsSync(library));
  if (missing) return { reason: `no ${missing}: build the native preset` };
  const newest = Math.max(...[source, ...libraries].map((path) => statSync(path).mtimeMs));
  if (existsSync(output) && statSync(output).mtimeMs >= newest) return { path: output };
  mkdirSync(dirname(output), { recursive: true });
  const built = spawnSync('g++', ['-O2', '-std=c++17', `-I${join(repoRoot, 'core/include')}`, source, ...libraries,
    '-licuuc', '-licudata', '-o', output], { encoding: 'utf8' });
  if (built.status !== 0) return { reason: `g++ failed: ${(built.stderr || built.error?.message || '').trim().split('\n').slice(0, 3).join(' ')}` };
  return { path: output };
}

function runInProcess(driver, a, b, { reps, warmup, budgetMs }) {
  const child = spawnSync(driver, [a, b, String(reps), String(warmup), String(budgetMs), String(MAX_TOTAL_MS)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) return { engine: 'inproc', times_ms: [], failed: (child.stderr || `exit ${child.status}`).trim() };
  const result = JSON.parse(child.stdout.trim());
  result.engine = 'inproc';
  return result;
}

// The page's limit on each text (docs/page.md).
const PAGE_LIMIT_BYTES = 16 * 1024 * 1024;

// The corpus readouts `copies` times a side (repeatedCorpusPair), written to build/bench.
function writeRepeatedCorpusPair(benchDir, corpusDir, copies) {
  const pair = repeatedCorpusPair(corpusDir, copies);
  const a = join(benchDir, `corpus-x${copies}-a.txt`);
  const b = join(benchDir, `corpus-x${copies}-b.txt`);
  writeFileSync(a, pair.a);
  writeFileSync(b, pair.b);
  return { a, b, bytesA: Buffer.byteLength(pair.a), bytesB: Buffer.byteLength(pair.b) };
}

// syntheticPairOfBytes written to build/bench.
function writePairOfBytes(benchDir, bytes, seed, material) {
  const { a: textA, b: textB } = syntheticPairOfBytes(bytes, seed, material);
  const name = `bytes-${bytes}`;
  const a = join(benchDir, `synthetic-${name}-a.txt`);
  const b = join(benchDir, `synthetic-${name}-b.txt`);
  writeFileSync(a, textA);
  writeFileSync(b, textB);
  return { a, b, bytesA: Buffer.byteLength(textA), bytesB: Buffer.byteLength(textB) };
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const mhz = cpuinfo.match(/^cpu MHz\s*:\s*(.*)$/m)?.[1];
  return {
    cpu: model, mhz: mhz ? Number(mhz) : null, nproc: cpus().length,
    memory_bytes: totalmem(), node: process.version, load_average: loadavg(),
  };
}

function gzipSize(path) {
  return existsSync(path) ? gzipSync(readFileSync(path), { level: 9 }).length : null;
}

// The wasm binary inside the engine script (SINGLE_FILE keeps it as a base64 data URI) and the
// JavaScript around it, as tests/wasm/size-budget.test.mjs measures them (1 KB = 1000 bytes).
function engineBinarySizes(path) {
  if (!existsSync(path)) return { wasm_bytes: null, wasm_gzip: null, glue_gzip: null };
  const script = readFileSync(path, 'latin1');
  const match = script.match(/data:application\/octet-stream;base64,([A-Za-z0-9+/]+={0,2})/);
  const beside = path.replace(/\.js$/, '.wasm');
  const wasm = match ? Buffer.from(match[1], 'base64') : existsSync(beside) ? readFileSync(beside) : null;
  const glue = match ? script.slice(0, match.index) + script.slice(match.index + match[0].length) : script;
  return {
    wasm_bytes: wasm?.length ?? null,
    wasm_gzip: wasm ? gzipSync(wasm, { level: 9 }).length : null,
    glue_gzip: gzipSync(Buffer.from(glue, 'latin1'), { level: 9 }).length,
  };
}

function pad(text, width, right = false) {
  const value = String(text);
  return right ? value.padStart(width) : value.padEnd(width);
}

function printTable(headers, rows) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => `| ${cells.map((cell, column) => pad(cell, widths[column], column > 0)).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((width, column) => (column > 0 ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const corpusDir = join(options.shared, 'corpus');
  if (!existsSync(corpusDir)) throw new Error(`no corpus at ${corpusDir}: pass --shared or set READOUT_DIFF_SHARED`);
  let inProcessDriver = null;
  const engines = options.engines.filter((engine) => {
    if (engine === 'inproc') {
      const built = buildInProcess(options.cli);
      if (!built.path) console.warn(`(skipping inproc: ${built.reason})`);
      inProcessDriver = built.path ?? null;
      return Boolean(inProcessDriver);
    }
    if (engine === 'native' && !existsSync(options.cli)) {
      console.warn(`(skipping native: no CLI at ${options.cli}; build the native preset)`);
      return false;
    }
    if (engine === 'wasm' && !existsSync(options.wasm)) {
      console.warn(`(skipping wasm: no engine at ${options.wasm}; build the wasm preset)`);
      return false;
    }
    return true;
  });
  if ((engines.includes('jsdiff') || engines.includes('dmp')) && !existsSync(join(here, 'node_modules/diff'))) {
    throw new Error('jsdiff and diff-match-patch are not installed: run `npm ci --prefix tools/bench`');
  }

  const info = machine();
  console.log(`Readout Diff benchmark — ${info.nproc} × ${info.cpu}${info.mhz ? ` @ ${Math.round(info.mhz)} MHz` : ''}, ` +
    `${formatMb(info.memory_bytes)} RAM, node ${info.node}; load average ${info.load_average.map((x) => x.toFixed(2)).join(' ')} ` +
    '(other work on the machine slows every engine: compare runs made at similar loads)');
  console.log(`native: ${options.cli}\nwasm:   ${options.wasm}\n`);

  const benchDir = join(repoRoot, 'build/bench');
  mkdirSync(benchDir, { recursive: true });
  const cases = [];
  if (options.pairs) {
    cases.push({ name: 'Moscow en / Dushanbe hi', a: join(corpusDir, '2020-09-10_moscow_in-cn_fm_mea_en.txt'), b: join(corpusDir, '2021-07-14_dushanbe_in-cn_fm_mea-seed_hi.txt'), sentences: 15, budget: 'pair' });
    cases.push({ name: 'Moscow en / Dushanbe en', a: join(corpusDir, '2020-09-10_moscow_in-cn_fm_mea_en.txt'), b: join(corpusDir, '2021-07-14_dushanbe_in-cn_fm_netindian-news_en.txt'), sentences: 12 });
  }
  if (options.sizes.length) {
    const material = corpusMaterial(corpusDir);
    for (const size of options.sizes) {
      const pair = writeSyntheticPair(benchDir, size, options.seed, material);
      cases.push({ name: `synthetic ${size.toLocaleString('en')}`, a: pair.a, b: pair.b, sentences: size, synthetic: true, ...pair });
    }
  }

  // The process floor of the native figures: spawning a program that does nothing, and the CLI on
  // a one-sentence pair (ICU and lexicon set-up with next to no text).
  const floors = {};
  if (engines.includes('native')) {
    const tinyA = join(benchDir, 'tiny-a.txt');
    const tinyB = join(benchDir, 'tiny-b.txt');
    writeFileSync(tinyA, 'The two sides agreed to meet again.\n');
    writeFileSync(tinyB, 'The two sides agreed to meet soon.\n');
    const spawnTimes = [];
    for (let k = 0; k < 21; ++k) {
      const t0 = process.hrtime.bigint();
      spawnSync('/bin/true', [], { stdio: 'ignore' });
      spawnTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    floors.spawn_ms = median(spawnTimes);
    floors.cli_tiny_ms = median(runNative(options.cli, tinyA, tinyB, { reps: 21, warmup: 3, budgetMs: 5000 }).times_ms);
    console.log(`native process floor: spawning /bin/true ${formatMs(floors.spawn_ms)}, CLI on a one-sentence pair ${formatMs(floors.cli_tiny_ms)}\n`);
  }

  const results = [];
  for (const item of cases) {
    const row = { case: item.name, sentences: item.sentences, bytes_a: statSync(item.a).size, bytes_b: statSync(item.b).size, engines: {} };
    if (item.synthetic) Object.assign(row, { sentences_a: item.sentencesA, sentences_b: item.sentencesB });
    const schedule = plan(item.sentences);
    for (const engine of engines) {
      process.stderr.write(`  ${item.name}: ${engine}…`);
      const t0 = performance.now();
      const result = engine === 'native' ? runNative(options.cli, item.a, item.b, schedule)
        : engine === 'inproc' ? runInProcess(inProcessDriver, item.a, item.b, schedule)
          : runJs(engine, item.a, item.b, schedule, options);
      result.median_ms = median(result.times_ms);
      row.engines[engine] = result;
      process.stderr.write(` ${result.median_ms === null ? (result.gave_up ?? result.failed) : formatMs(result.median_ms)} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
    }
    results.push(row);
  }

  // --- table -------------------------------------------------------------------------------------
  const cell = (row, engine) => {
    const result = row.engines[engine];
    if (!result) return '—';
    if (result.median_ms === null) return result.gave_up ? `gave up (> ${options.anchorTimeoutS} s)` : 'failed';
    const memory = engine === 'wasm'
      ? `${formatMb(result.heap_bytes)} heap, ${formatMb(result.rss_peak_bytes)} RSS`
      : `${formatMb(result.rss_peak_bytes)} RSS`;
    const flagged = engine === 'dmp' && result.median_ms >= (result.checks?.diff_timeout_s ?? 1) * 1000 && (result.checks?.diff_timeout_s ?? 1) > 0 ? '†' : '';
    return `${formatMs(result.median_ms)}${flagged} (${memory})`;
  };
  // Sentences as the engine segmented them (from the wasm report), else as the generator wrote them.
  const sentenceCounts = (row) => {
    const checks = row.engines.wasm?.checks;
    if (checks?.sentences_a) return `${checks.sentences_a}×${checks.sentences_b}`;
    return row.sentences_a ? `${row.sentences_a}×${row.sentences_b}` : '';
  };
  console.log('\nMedian time (peak memory)');
  printTable(['pair', 'sentences A×B', 'bytes A+B', ...engines.map((engine) => ENGINE_TITLES[engine])],
    results.map((row) => [row.case, sentenceCounts(row), (row.bytes_a + row.bytes_b).toLocaleString('en'),
      ...engines.map((engine) => cell(row, engine))]));
  if (engines.includes('dmp')) {
    console.log('† at or past diff-match-patch\'s Diff_Timeout: its result is the coarse one it had when the deadline passed.');
  }

  const ratio = (row, top, bottom) => {
    const x = row.engines[top]?.median_ms;
    const y = row.engines[bottom]?.median_ms;
    return x && y ? `${(x / y).toFixed(x / y < 10 ? 2 : 0)}×` : '—';
  };
  const ratioColumns = [['wasm', 'native'], ['wasm', 'inproc'], ['jsdiff', 'wasm'], ['dmp', 'wasm'], ['jsdiff', 'inproc'], ['dmp', 'inproc']]
    .filter(([top, bottom]) => engines.includes(top) && engines.includes(bottom));
  if (ratioColumns.length) {
    console.log('\nRatios of median times');
    printTable(['pair', ...ratioColumns.map(([top, bottom]) => `${top}/${bottom}`)],
      results.map((row) => [row.case, ...ratioColumns.map(([top, bottom]) => ratio(row, top, bottom))]));
  }

  const exponents = {};
  const fitted = results.filter((row) => row.sentences >= 1000 && row.case.startsWith('synthetic'));
  if (fitted.length >= 2) {
    console.log(`\nGrowth exponent k in time ∝ sentences^k (log-log least squares over ${fitted.map((row) => row.sentences.toLocaleString('en')).join(', ')}):`);
    for (const engine of engines) {
      const usable = fitted.filter((row) => row.engines[engine]?.median_ms);
      const points = usable.map((row) => [row.sentences, row.engines[engine].median_ms]);
      exponents[engine] = growthExponent(points);
      const notes = [];
      const missing = fitted.filter((row) => !usable.includes(row)).map((row) => row.sentences.toLocaleString('en'));
      if (missing.length) notes.push(`no time at ${missing.join(', ')}: a lower bound`);
      if (engine === 'dmp' && usable.some((row) => row.engines.dmp.median_ms >= 1000 * (row.engines.dmp.checks?.diff_timeout_s || Infinity))) {
        notes.push('bounded by Diff_Timeout, not by the work');
      }
      const value = exponents[engine] === null ? '—' : exponents[engine].toFixed(2);
      console.log(`  ${pad(ENGINE_TITLES[engine], 22)} ${value}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    }
  }

  // --- page and sizes ----------------------------------------------------------------------------
  let page = null;
  const pagePath = join(options.dist, 'readout-diff.html');
  if (options.page) {
    process.stderr.write('  page: first result from file://…\n');
    page = await measurePage({ repoRoot, pagePath, runs: options.pageRuns });
    if (page.skipped) console.log(`\nPage: skipped (${page.skipped})`);
    else {
      page.median_ms = median(page.times_ms);
      console.log(`\nPage, first result from file:// in headless Chromium: median ${formatMs(page.median_ms)} ` +
        `(runs: ${page.times_ms.map((t) => Math.round(t)).join(', ')} ms); the page said "${page.status}"`);
      page.engine_answer_median_ms = median(page.engine_answer_ms);
      console.log(`Page, the engine's first own answer (a two-sentence comparison asked at the first result): median ` +
        `${formatMs(page.engine_answer_median_ms)} from the load (runs: ${page.engine_answer_ms.map((t) => Math.round(t)).join(', ')} ms)`);
    }
  }
  let recomparison = null;
  if (options.page) {
    process.stderr.write('  page: re-comparison after an edit, 1,000 sentences a side…\n');
    const pair = writeSyntheticPair(benchDir, 1000, options.seed, corpusMaterial(corpusDir));
    recomparison = await measureRecomparison({ repoRoot, pagePath, pair, edits: options.pageRuns });
    if (recomparison.skipped) console.log(`\nPage re-comparison: skipped (${recomparison.skipped})`);
    else {
      recomparison.median_ms = median(recomparison.times_ms);
      console.log(`\nPage, re-comparison after an edit of the synthetic 1,000-sentence pair (${pair.sentencesA}×${pair.sentencesB} generated): ` +
        `median ${formatMs(recomparison.median_ms)} from the comparison's start to the result on screen ` +
        `(runs: ${recomparison.times_ms.map((t) => Math.round(t)).join(', ')} ms; the page said ${recomparison.page_said_ms.join(', ')} ms)`);
    }
  }
  const longTask = (ms) => (ms ? formatMs(ms) : 'none over 50 ms');
  let mainThread = null;
  if (options.page && (options.pageMb.length || options.pageRepeat || options.pageLimit)) {
    process.stderr.write('  page: longest main-thread task opening and comparing long texts…\n');
    const material = corpusMaterial(corpusDir);
    const pairs = options.pageMb.map((mb) => ({ name: `${mb} MB a side`, ...writePairOfBytes(benchDir, Math.round(mb * 1e6), options.seed, material) }));
    if (options.pageRepeat) pairs.push({ name: `corpus ×${options.pageRepeat} a side`, ...writeRepeatedCorpusPair(benchDir, corpusDir, options.pageRepeat) });
    if (options.pageLimit) pairs.push({ name: '16 MiB a side (the limit)', ...writePairOfBytes(benchDir, PAGE_LIMIT_BYTES, options.seed, material) });
    mainThread = await measureMainThread({ repoRoot, pagePath, pairs });
    if (mainThread.skipped) console.log(`\nPage main thread: skipped (${mainThread.skipped})`);
    else {
      console.log('\nPage, longest main-thread task (Long Tasks API) opening two files and comparing them, headless Chromium');
      printTable(['texts', 'bytes A+B', 'opening', 'result', 'to the result', 'to the whole view', 'the page said'],
        mainThread.rows.map((row) => [row.name, (row.bytes_a + row.bytes_b).toLocaleString('en'),
          longTask(row.open_longest_ms), longTask(row.result_longest_ms),
          formatMs(row.to_result_ms), formatMs(row.to_whole_view_ms), row.status.slice(0, 40)]));
      console.log('opening: from picking the files to half a second into the comparison (reading, decoding, showing the texts); ' +
        'result: from then to a second after the whole view is built (receiving, parsing and displaying the report)');
    }
  }

  // The wasm engine's heap after the largest pair (linear memory only grows, so its size after the
  // run is the peak), in a process of its own; halved until the engine can compare it.
  let heapPair = null;
  if (options.heapPair && engines.includes('wasm')) {
    const material = corpusMaterial(corpusDir);
    for (let mib = options.heapPairMib; mib >= 1; mib /= 2) {
      process.stderr.write(`  wasm: peak memory on a ${mib} MiB pair…`);
      const pair = writePairOfBytes(benchDir, mib * 1024 * 1024, options.seed, material);
      const result = runJs('wasm', pair.a, pair.b, { reps: 1, warmup: 0, budgetMs: 1 }, options);
      process.stderr.write(` ${result.failed ? 'failed' : formatMb(result.heap_bytes)}\n`);
      heapPair = { mib, bytes_a: pair.bytesA, bytes_b: pair.bytesB, ...result };
      if (!result.failed) break;
    }
    if (heapPair.failed) console.log(`\nWasm peak memory: the engine could not compare even a ${heapPair.mib} MiB pair (${heapPair.failed})`);
    else {
      console.log(`\nWasm peak memory on a ${heapPair.mib} MiB pair (${(heapPair.bytes_a + heapPair.bytes_b).toLocaleString('en')} bytes, ` +
        `${heapPair.checks.sentences_a.toLocaleString('en')}×${heapPair.checks.sentences_b.toLocaleString('en')} sentences): heap ${formatMb(heapPair.heap_bytes)}, ` +
        `process peak RSS ${formatMb(heapPair.rss_peak_bytes)}, compared in ${formatMs(heapPair.times_ms[0])}`);
    }
  }

  const sizes = {
    engine_js_bytes: existsSync(options.wasm) ? statSync(options.wasm).size : null,
    engine_js_gzip: gzipSize(options.wasm),
    page_bytes: existsSync(pagePath) ? statSync(pagePath).size : null,
    page_gzip: gzipSize(pagePath),
    ...engineBinarySizes(options.wasm),
  };
  const bytes = (n) => (n === null || n === undefined ? '—' : `${n.toLocaleString('en')} B`);
  console.log(`\nSizes (gzip -9): engine script ${bytes(sizes.engine_js_bytes)} → ${bytes(sizes.engine_js_gzip)}; ` +
    `its wasm ${bytes(sizes.wasm_bytes)} → ${bytes(sizes.wasm_gzip)} + the JS around it → ${bytes(sizes.glue_gzip)}; ` +
    `page ${bytes(sizes.page_bytes)} → ${bytes(sizes.page_gzip)}`);

  // --- budgets -----------------------------------------------------------------------------------
  const budgets = [];
  const pairRow = results.find((row) => row.case === 'Moscow en / Dushanbe hi');
  const tenK = results.find((row) => row.sentences === 10000);
  const check = (what, value, limit, format) => budgets.push({ what, value, limit, pass: value === null || value === undefined ? null : value <= limit, text: `${format(value)} (budget ${format(limit)})` });
  if (pairRow?.engines.native) check('Moscow/Dushanbe native median, CLI process wall time', pairRow.engines.native.median_ms, 5, formatMs);
  if (pairRow?.engines.inproc) check('Moscow/Dushanbe native median, compare() in one process after warm-up', pairRow.engines.inproc.median_ms, 5, formatMs);
  if (pairRow?.engines.wasm) check('Moscow/Dushanbe wasm median', pairRow.engines.wasm.median_ms, 20, formatMs);
  if (tenK?.engines.wasm) {
    check('10,000×10,000 wasm median', tenK.engines.wasm.median_ms, 3000, formatMs);
    check('10,000×10,000 wasm heap', tenK.engines.wasm.heap_bytes, 512 * 1024 * 1024, formatMb);
    check('10,000×10,000 wasm process peak RSS', tenK.engines.wasm.rss_peak_bytes, 512 * 1024 * 1024, formatMb);
  }
  if (page?.median_ms !== undefined) check('page first result (file://, headless Chromium), median (issue 11)', page.median_ms, 300, formatMs);
  if (recomparison?.median_ms !== undefined) check('page re-comparison after an edit, 1,000 sentences a side, median (issue 11)', recomparison.median_ms, 250, formatMs);
  for (const row of mainThread?.rows ?? []) {
    check(`page, longest main-thread task opening ${row.name}`, row.open_longest_ms, 50, longTask);
    check(`page, longest main-thread task showing the result of ${row.name}`, row.result_longest_ms, 100, longTask);
  }
  if (heapPair && !heapPair.failed) {
    // The engine's own heap limit is 2 GiB (wasm32); this keeps a quarter of it free.
    check(`wasm heap after a ${heapPair.mib} MiB pair${heapPair.mib < options.heapPairMib ? ` (${options.heapPairMib} MiB did not fit)` : ''}`,
      heapPair.heap_bytes, 1.5 * 1024 ** 3, formatMb);
  }
  const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
  if (sizes.page_gzip !== null) check('single-file page, gzip -9', sizes.page_gzip, 768000, kb);
  if (sizes.wasm_gzip !== null) check('wasm engine + data (wasm binary + its JS), gzip -9', sizes.wasm_gzip + sizes.glue_gzip, 600000, kb);
  console.log('\nBudgets');
  for (const budget of budgets) console.log(`  ${budget.pass === null ? 'n/a ' : budget.pass ? 'PASS' : 'FAIL'}  ${budget.what}: ${budget.text}`);

  mkdirSync(dirname(options.json), { recursive: true });
  writeFileSync(options.json, `${JSON.stringify({
    when: new Date().toISOString(), machine: info, generator: { version: GENERATOR_VERSION, seed: options.seed },
    paths: { wasm: options.wasm, cli: options.cli }, floors, results, exponents, page, main_thread: mainThread, recomparison, heap_pair: heapPair, sizes, budgets,
  }, null, 1)}\n`);
  const loadAfter = loadavg();
  console.log(`\nLoad average at the end: ${loadAfter.map((x) => x.toFixed(2)).join(' ')}. Results written to ${options.json}`);
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exit(2);
});
