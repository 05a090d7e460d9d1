// What the page's long main-thread tasks are made of: opens the single-file page in Debian's
// Chromium, puts a synthetic pair of N sentences a side in the boxes (the bench's generator and
// seed), records a Chromium performance trace from the click on Compare to a second after the
// view is complete, and prints every task of 50 ms or more on the page's main thread with the
// events it spent its time in (script, style recalculation, layout, paint…).
//   node tools/bench/page-trace.mjs [--sentences 1000 | --repeat 25 | --a FILE --b FILE] [--trace FILE]
//     [--width 1440] [--files] [--from-open] [--css RULES] [--categories LIST]
// --from-open (with --files): trace from picking the files to a second after the whole view, the
// span whose longest task tools/bench reports, instead of a second click on Compare.
// --repeat N: the corpus readouts N times a side (repeatedCorpusPair: rows of many sentences).
// A tool for looking, like callgrind for the engine: tools/bench prints the figures.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusMaterial, repeatedCorpusPair, syntheticPair } from './synthetic.mjs';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const sentences = Number(option('--sentences', 1000));
const repeat = Number(option('--repeat', 0));
// What the texts are, for the trace's name and the summary.
const what = option('--a', null) ? `files ${option('--a')} and ${option('--b')}`
  : repeat ? `the corpus readouts ${repeat} times a side` : `${sentences} synthetic sentences a side`;
const tracePath = option('--trace', join(repoRoot, 'build/bench', `page-trace-${repeat ? `corpus-x${repeat}` : sentences}.json`));
const dist = resolve(process.env.READOUT_DIFF_DIST ?? join(repoRoot, 'build/wasm/dist'));
const shared = resolve(process.env.READOUT_DIFF_SHARED ?? join(repoRoot, '../shared'));
const width = Number(option('--width', 1440));

mkdirSync(join(repoRoot, 'build/bench'), { recursive: true });
const { chromium } = await import(join(repoRoot, 'tests/browser/node_modules/playwright-core/index.mjs'));
// --a FILE --b FILE: those texts instead of the synthetic pair.
let pair;
if (option('--a', null)) pair = { a: readFileSync(option('--a'), 'utf8'), b: readFileSync(option('--b'), 'utf8') };
else if (repeat) pair = repeatedCorpusPair(join(shared, 'corpus'), repeat);
else pair = syntheticPair(sentences, 20240601, corpusMaterial(join(shared, 'corpus')));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // --css: a style sheet added to the page, to try a change of the view's CSS without a rebuild.
  const extraCss = option('--css', null);
  const context = await browser.newContext({ viewport: { width, height: 1000 }, bypassCSP: extraCss !== null });
  await context.route(/^(?!file:|data:|blob:)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(dist, 'readout-diff.html')).href);
  await page.waitForFunction(() => document.getElementById('status-text').textContent.startsWith('Compared'));
  if (extraCss !== null) await page.addStyleTag({ content: extraCss });
  const exampleStatus = await page.textContent('#status-text');
  const fromOpen = args.includes('--from-open');
  if (fromOpen && !args.includes('--files')) throw new Error('--from-open traces the opening of files: add --files');
  const cdp = await context.newCDPSession(page);
  const startRecording = async () => {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, {
      categories: (option('--categories', null) ?? 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink,toplevel').split(','),
    });
  };
  const watchStatus = () => page.evaluate(() => {
    window.traceStatuses = [];
    new MutationObserver(() => window.traceStatuses.push(document.getElementById('status-text').textContent))
      .observe(document.getElementById('status-text'), { childList: true });
    return performance.now();
  });
  let started = null;
  if (fromOpen) {
    await startRecording();
    started = await watchStatus();
  }
  if (args.includes('--files')) {
    // As files opened with the boxes' "Open file…" (a long text is then shown in part).
    for (const side of ['a', 'b']) {
      const path = join(repoRoot, 'build/bench', `page-trace-${side}.txt`);
      writeFileSync(path, pair[side]);
      await page.setInputFiles(`.input-panel[data-side="${side}"] input[type="file"]`, path);
    }
  } else {
    // Whole in the boxes, as the browser tests put them there.
    await page.evaluate(([a, b]) => {
      for (const [side, text] of [['a', a], ['b', b]]) {
        const box = document.getElementById(`text-${side}`);
        box.value = text;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, [pair.a, pair.b]);
  }
  await page.waitForFunction((before) => {
    const status = document.getElementById('status-text').textContent;
    return status.startsWith('Compared') && status !== before;
  }, exampleStatus, { timeout: 120000 });
  await page.waitForFunction(() => document.querySelectorAll('#view-host .rd-retired').length === 0, null, { timeout: 120000 });
  if (fromOpen) {
    await page.waitForTimeout(1000);
  } else {
    await page.waitForTimeout(1500);
    await startRecording();
    started = await watchStatus();
    await page.click('#compare');
    await page.waitForFunction(() => window.traceStatuses.some((s) => s.startsWith('Compared')), null, { timeout: 120000 });
    await page.waitForTimeout(3000);
  }
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(tracePath, JSON.stringify(trace));
  const status = await page.textContent('#status-text');
  const rendered = await page.evaluate(() => document.querySelectorAll('#view-host .rd-sentence').length);
  console.log(`${what} (${pair.a.length + pair.b.length} characters); the page said "${status}"; ` +
    `${rendered} sentence elements in the view; clicked at ${Math.round(started)} ms; trace: ${tracePath}`);
  summarise(trace.traceEvents ?? trace, profile);
} finally {
  await browser.close();
}

// Tasks of 50 ms or more on the renderer's main thread, each with its heaviest events by their
// own time (an event's duration less that of the events inside it).
function summarise(events, profile) {
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const complete = events.filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`) && typeof e.dur === 'number')
    .sort((x, y) => x.ts - y.ts || y.dur - x.dur);
  // Tasks: the outermost RunTask events (Chromium nests a second one inside each).
  const tasks = [];
  for (const e of complete.filter((x) => x.name === 'RunTask' || x.name === 'ThreadControllerImpl::RunTask')) {
    const last = tasks.at(-1);
    if (!last || e.ts >= last.ts + last.dur) tasks.push(e);
  }
  const samples = profileSamples(profile);
  const long = tasks.filter((t) => t.dur >= 50_000);
  const first = tasks[0]?.ts ?? 0;
  console.log(`${tasks.length} tasks on the main thread, ${long.length} of 50 ms or more; the longest ${Math.round(Math.max(0, ...tasks.map((t) => t.dur)) / 1000)} ms`);
  for (const task of long) {
    const inside = complete.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const self = new Map();
    // Own time: each event's duration less its direct children's (events nest by time on one thread).
    const stack = [];
    for (const event of inside) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop();
      const parent = stack.at(-1);
      if (parent) parent.childTime = (parent.childTime ?? 0) + event.dur;
      stack.push(event);
    }
    for (const event of inside) {
      const key = event.name === 'FunctionCall' || event.name === 'EvaluateScript'
        ? `${event.name} ${event.args?.data?.functionName || ''} ${(event.args?.data?.url || '').split('/').pop()}:${event.args?.data?.lineNumber ?? ''}`.trim()
        : event.name;
      self.set(key, (self.get(key) ?? 0) + event.dur - (event.childTime ?? 0));
    }
    const top = [...self.entries()].sort((x, y) => y[1] - x[1]).slice(0, 8)
      .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`).join('; ');
    console.log(`  at ${((task.ts - first) / 1000).toFixed(0)} ms: ${(task.dur / 1000).toFixed(0)} ms — ${top}`);
    const inTask = samples.filter((s) => s.ts >= task.ts && s.ts < task.ts + task.dur);
    const inclusive = new Map();
    for (const sample of inTask) for (const name of new Set(sample.stack)) inclusive.set(name, (inclusive.get(name) ?? 0) + sample.dt);
    const functions = [...inclusive.entries()].sort((x, y) => y[1] - x[1]).slice(0, 14)
      .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`).join('; ');
    if (functions) console.log(`      script, inclusive ms: ${functions}`);
  }
}

// The sampling profile's samples as {ts, dt, stack: [function names, innermost first]}.
function profileSamples(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const nameOf = ({ callFrame: f }) => `${f.functionName || '(anonymous)'}:${f.lineNumber + 1}`;
  const samples = [];
  let ts = profile.startTime;
  profile.samples.forEach((id, i) => {
    ts += profile.timeDeltas[i];
    const stack = [];
    for (let at = id; at !== undefined; at = parentOf.get(at)) stack.push(nameOf(byId.get(at)));
    samples.push({ ts, dt: profile.timeDeltas[i + 1] ?? 0, stack });
  });
  return samples;
}
