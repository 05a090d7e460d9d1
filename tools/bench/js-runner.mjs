// One engine, one pair of texts, in a process of its own (so peak memory is that engine's alone):
//   node js-runner.mjs ENGINE A B --reps N --warmup N --budget-ms MS [--wasm PATH] [--timeout-ms MS]
// ENGINE is wasm (the Emscripten engine's compare()), jsdiff (diffSentences) or dmp
// (diff_main + diff_cleanupSemantic, the library's default Diff_Timeout unless --dmp-timeout).
// Prints one JSON line: {times_ms, rss_peak_bytes, heap_bytes, checks, ...}. Each measurement
// stops once it has 3 runs and has spent --budget-ms, and times fewer runs than --reps when the
// warm-up run shows they would take more than --max-total-ms.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const [engineName, pathA, pathB, ...rest] = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = rest.indexOf(name);
  return at >= 0 ? rest[at + 1] : fallback;
};
const reps = Number(flag('--reps', 5));
const warmup = Number(flag('--warmup', 1));
const budgetMs = Number(flag('--budget-ms', 20000));
// Slow runs: when the warm-up run says that `reps` runs would take longer than this, fewer are
// timed (at least one).
const maxTotalMs = Number(flag('--max-total-ms', 60000));
const timeoutMs = Number(flag('--timeout-ms', 0));

const a = readFileSync(pathA, 'utf8');
const b = readFileSync(pathB, 'utf8');

async function makeRunner() {
  if (engineName === 'wasm') {
    const factory = require(resolve(flag('--wasm')));
    const started = performance.now();
    const engine = await factory({ print() {}, printErr() {} });
    const instantiateMs = performance.now() - started;
    return {
      instantiateMs,
      run: () => engine.compare(a, b, '{}'),
      check(output) {
        const report = JSON.parse(output);
        if (report.error) throw new Error(`engine error: ${JSON.stringify(report.error)}`);
        return { sentences_a: report.a.sentences.length, sentences_b: report.b.sentences.length, links: report.links?.length };
      },
      heapBytes: () => engine.HEAP8.buffer.byteLength,
    };
  }
  if (engineName === 'jsdiff') {
    const { diffSentences } = await import('diff');
    const options = timeoutMs > 0 ? { timeout: timeoutMs } : undefined;
    return {
      run: () => diffSentences(a, b, options),
      check(changes) {
        if (changes === undefined) return { aborted: `jsdiff gave up after its ${timeoutMs} ms timeout` };
        return { changes: changes.length };
      },
    };
  }
  if (engineName === 'dmp') {
    const DiffMatchPatch = require('diff-match-patch');
    const dmp = new DiffMatchPatch();
    const dmpTimeout = flag('--dmp-timeout');
    if (dmpTimeout !== undefined) dmp.Diff_Timeout = Number(dmpTimeout);
    return {
      run: () => {
        const diffs = dmp.diff_main(a, b);
        dmp.diff_cleanupSemantic(diffs);
        return diffs;
      },
      check: (diffs) => ({ changes: diffs.length, diff_timeout_s: dmp.Diff_Timeout }),
    };
  }
  throw new Error(`unknown engine ${engineName}`);
}

const runner = await makeRunner();
let rssPeak = process.memoryUsage().rss;
const sample = () => { rssPeak = Math.max(rssPeak, process.memoryUsage().rss); };
let checks = null;
let target = reps;
for (let k = 0; k < warmup; ++k) {
  const t0 = performance.now();
  checks = runner.check(runner.run());
  const took = performance.now() - t0;
  sample();
  if (took * reps > maxTotalMs) target = Math.max(1, Math.min(reps, Math.floor(maxTotalMs / took)));
  // An anchor that gave up (jsdiff's timeout) would only give up again.
  if (checks.aborted) target = 0;
}
const times = [];
const started = performance.now();
while (times.length < target) {
  const t0 = performance.now();
  const output = runner.run();
  times.push(performance.now() - t0);
  sample();
  if (!checks) checks = runner.check(output);
  // Keep the run short on large inputs: at least 3 timed runs, then stop once over budget.
  if (times.length >= 3 && performance.now() - started > budgetMs) break;
}
// ru_maxrss: the true peak of this process, including what happened between samples.
rssPeak = Math.max(rssPeak, process.resourceUsage().maxRSS * 1024);
process.stdout.write(`${JSON.stringify({
  engine: engineName,
  times_ms: times,
  warmup,
  rss_peak_bytes: rssPeak,
  heap_bytes: runner.heapBytes?.() ?? null,
  instantiate_ms: runner.instantiateMs ?? null,
  checks,
})}\n`);
