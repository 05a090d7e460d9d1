// Time to first result on the single-file page opened offline from file:// in Debian's Chromium,
// headless, driven by the browser tests' playwright-core: from navigation start to the moment the
// summary ([data-summary="commitments"], written by web/render.js after the first comparison of
// the default example) is in the DOM. The clock is the page's own performance.now(), whose origin
// is the navigation start; a MutationObserver installed before any page script records the moment
// and reports it in a console message, so that nothing polls the page while it loads (polling
// would run Playwright's scripts on the page's main thread, in the time being measured). The
// default example's result is the report the bundler had the engine write; then, as a second
// figure, the time from navigation start until the engine itself answers a comparison asked for
// at that moment. Every run uses a fresh browser profile (nothing cached, no stored texts) and refuses any request
// that is not file:, data: or blob:.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const SUMMARY_SELECTOR = '[data-summary="commitments"]';

// The browser the measurements drive, or why there is none: {chromium, executablePath} or {skipped}.
async function findChromium(repoRoot, pagePath) {
  const playwrightPath = join(repoRoot, 'tests/browser/node_modules/playwright-core/index.mjs');
  if (!existsSync(playwrightPath)) {
    return { skipped: `playwright-core is not installed in tests/browser (run npm ci there or tools/setup)` };
  }
  if (!existsSync(pagePath)) return { skipped: `no page at ${pagePath}: build the wasm preset` };
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return { skipped: `no Chromium at ${executablePath}` };
  const { chromium } = await import(playwrightPath);
  return { chromium, executablePath };
}

// `measure(context)` in a fresh browser profile (nothing cached, no stored texts) that refuses
// every request that is not file:, data: or blob: (each refused URL goes to `blocked`).
async function inFreshBrowser({ chromium, executablePath }, measure, blocked = []) {
  const profile = mkdtempSync(join(tmpdir(), 'readout-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 1000 } });
  try {
    await context.route(/^(?!file:|data:|blob:)/, (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    return await measure(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// From now on, each status the page shows, with the time it was set (records, not the final
// text), in window.benchStatuses; a second call starts a new record.
function recordStatuses(page) {
  return page.evaluate(() => {
    window.benchStatuses = [];
    window.benchStatusObserver?.disconnect();
    window.benchStatusObserver = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) window.benchStatuses.push({ text: node.textContent, at: performance.now() });
    });
    window.benchStatusObserver.observe(document.getElementById('status-text'), { childList: true });
    return performance.now();
  });
}

// Until the recorded statuses show a comparison started and ended (its result or its error).
function comparisonFinished(page, timeoutMs) {
  return page.waitForFunction(() => window.benchStatuses.some((s) => s.text === 'Comparing…') &&
    window.benchStatuses.some((s) => /^Compared|stopped|could not|cancelled/.test(s.text)), null, { timeout: timeoutMs });
}

// Until the live view has every sentence in (its toolbar's count is written once the last slice
// of the view is built; the view being replaced is marked rd-retired).
function viewComplete(page, timeoutMs) {
  return page.waitForFunction(() => /^(\d+) of \1 sentences shown$/.test(
    document.querySelector('#view-host .rd-view:not(.rd-retired) .rd-shown')?.textContent ?? ''), null, { timeout: timeoutMs });
}

export async function measurePage({ repoRoot, pagePath, runs = 5, timeoutMs = 30000 }) {
  const browser = await findChromium(repoRoot, pagePath);
  if (browser.skipped) return browser;
  const times = [];
  const engineTimes = [];
  const statuses = [];
  for (let run = 0; run < runs; ++run) {
    const blocked = [];
    await inFreshBrowser(browser, async (context) => {
      const page = context.pages()[0] ?? await context.newPage();
      await page.addInitScript((selector) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          console.debug(`readout-bench-first-summary ${performance.now()}`);
        });
        observer.observe(document, { childList: true, subtree: true });
      }, SUMMARY_SELECTOR);
      const reported = page.waitForEvent('console', {
        predicate: (message) => message.text().startsWith('readout-bench-first-summary '), timeout: timeoutMs,
      });
      await page.goto(pathToFileURL(pagePath).href, { waitUntil: 'commit' });
      times.push(Number((await reported).text().split(' ')[1]));
      await firstResultShown(page, timeoutMs);
      statuses.push(await page.textContent('#status-text'));
      engineTimes.push(await engineAnswered(page));
    }, blocked);
    if (blocked.length) throw new Error(`the page asked for the network: ${blocked.join(', ')}`);
  }
  return { times_ms: times, engine_answer_ms: engineTimes, status: statuses.at(-1) };
}

// Until the default example's first comparison is shown.
function firstResultShown(page, timeoutMs) {
  return page.waitForFunction(() => document.getElementById('status-text').textContent.startsWith('Compared'), null, { timeout: timeoutMs });
}

// The default example's result is the report the bundler wrote, shown before the engine has
// started: this asks the engine itself for a comparison and gives the time (from navigation start)
// it answers, what an edit made at the first result waits for.
function engineAnswered(page) {
  return page.evaluate(() => ReadoutDiff.compare('The sides met.', 'The sides met again.').then(() => performance.now()));
}

// The page as a person finds it a moment after opening it: the first result shown and the
// engine started, so that what is measured next is not the engine's start-up.
async function pageReady(page, timeoutMs) {
  await firstResultShown(page, timeoutMs);
  await engineAnswered(page);
}

// Both files picked with the boxes' "Open file…" inputs, one right after the other.
async function pickFiles(page, pair) {
  await page.setInputFiles('.input-panel[data-side="a"] input[type="file"]', pair.a);
  await page.setInputFiles('.input-panel[data-side="b"] input[type="file"]', pair.b);
}

// The longest main-thread task (Long Tasks API, tasks over 50 ms) on the single-file page when
// texts of growing size are opened and compared, as a person would: both files picked with the
// boxes' "Open file…" inputs, one right after the other. For each pair, in a fresh browser, once
// the page is ready (pageReady): `open` is the longest task from picking the files until the
// comparison has run half a second in its worker (reading, decoding and showing the texts);
// `result` the longest from then until a second after the whole view is built (receiving,
// parsing and displaying the report). Also the time from picking the files to the result on
// screen (the page's status "Compared…", set once the view's first rows are in place) and to the
// whole view.
export async function measureMainThread({ repoRoot, pagePath, pairs, timeoutMs = 600000 }) {
  const browser = await findChromium(repoRoot, pagePath);
  if (browser.skipped) return browser;
  const rows = [];
  for (const pair of pairs) {
    await inFreshBrowser(browser, async (context) => {
      const page = context.pages()[0] ?? await context.newPage();
      await page.addInitScript(() => {
        window.benchLongTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
        }).observe({ type: 'longtask' });
      });
      await page.goto(pathToFileURL(pagePath).href);
      await pageReady(page, timeoutMs);
      const picked = await recordStatuses(page);
      await pickFiles(page, pair);
      await comparisonFinished(page, timeoutMs);
      const compared = await page.evaluate(() => window.benchStatuses.some((s) => s.text.startsWith('Compared')));
      if (compared) await viewComplete(page, timeoutMs);
      const complete = compared ? await page.evaluate(() => performance.now()) : null;
      await page.waitForTimeout(1000);
      const measured = await page.evaluate(([picked, complete]) => {
        const started = window.benchStatuses.find((status) => status.text === 'Comparing…').at;
        const finished = window.benchStatuses.find((status) => status.text !== 'Comparing…');
        const openUntil = Math.min(started + 500, finished.at);
        const longest = (from, to) => Math.max(0, ...window.benchLongTasks.filter((task) => task.start >= from && task.start < to).map((task) => task.duration));
        return {
          open_longest_ms: longest(picked, openUntil),
          result_longest_ms: longest(openUntil, Infinity),
          to_result_ms: finished.at - picked,
          to_whole_view_ms: complete === null ? null : complete - picked,
          status: finished.text,
        };
      }, [picked, complete]);
      rows.push({ name: pair.name, bytes_a: pair.bytesA, bytes_b: pair.bytesB, ...measured });
    });
  }
  return { rows };
}

// Re-comparison after an edit, as a person would make it: the pair is opened with the boxes'
// "Open file…" inputs, B's whole text is put in its box ("Edit the whole text"), and `edits`
// times a few words are typed at its end. Each time: from the comparison's start (the page's
// "Comparing…", once the pause after typing is over) to the result on screen (its "Compared in
// …" status, set once the new view's first rows are in place), and the page's own figure.
export async function measureRecomparison({ repoRoot, pagePath, pair, edits = 5, timeoutMs = 120000 }) {
  const browser = await findChromium(repoRoot, pagePath);
  if (browser.skipped) return browser;
  return inFreshBrowser(browser, async (context) => {
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(pathToFileURL(pagePath).href);
    await pageReady(page, timeoutMs);
    await recordStatuses(page);
    await pickFiles(page, pair);
    await comparisonFinished(page, timeoutMs);
    await page.click('#long-note-b button');
    const times = [];
    const pageSaid = [];
    for (let edit = 0; edit < edits; ++edit) {
      await page.waitForTimeout(1500);  // the view of the last result built, the page idle
      await recordStatuses(page);
      await page.focus('#text-b');
      await page.keyboard.press('Control+End');
      await page.keyboard.insertText(` Edited ${edit + 1}.`);
      await comparisonFinished(page, timeoutMs);
      const { ms, status } = await page.evaluate(() => {
        const started = window.benchStatuses.find((s) => s.text === 'Comparing…').at;
        const result = window.benchStatuses.find((s) => s.text !== 'Comparing…');
        return { ms: result.at - started, status: result.text };
      });
      if (!status.startsWith('Compared')) throw new Error(`the page said "${status}"`);
      times.push(ms);
      pageSaid.push(Number(/^Compared in (\d+) ms/.exec(status)?.[1]));
    }
    return { times_ms: times, page_said_ms: pageSaid };
  });
}
