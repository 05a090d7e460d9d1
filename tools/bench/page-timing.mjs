// Time to first result on the single-file page opened offline from file:// in Debian's Chromium,
// headless, driven by the browser tests' playwright-core: from navigation start to the moment the
// summary ([data-summary="commitments"], written by web/render.js after the first comparison of
// the default example) is in the DOM. The clock is the page's own performance.now(), whose origin
// is the navigation start; a MutationObserver installed before any page script records the moment
// and reports it in a console message, so that nothing polls the page while it loads (polling
// would run Playwright's scripts on the page's main thread, in the time being measured).
// Every run uses a fresh browser profile (nothing cached, no stored texts) and refuses any request
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

export async function measurePage({ repoRoot, pagePath, runs = 5, timeoutMs = 30000 }) {
  const playwrightPath = join(repoRoot, 'tests/browser/node_modules/playwright-core/index.mjs');
  if (!existsSync(playwrightPath)) {
    return { skipped: `playwright-core is not installed in tests/browser (run npm ci there or tools/setup)` };
  }
  if (!existsSync(pagePath)) return { skipped: `no page at ${pagePath}: build the wasm preset` };
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return { skipped: `no Chromium at ${executablePath}` };
  const { chromium } = await import(playwrightPath);
  const url = pathToFileURL(pagePath).href;
  const times = [];
  const statuses = [];
  for (let run = 0; run < runs; ++run) {
    const profile = mkdtempSync(join(tmpdir(), 'readout-bench-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 1000 } });
    try {
      const blocked = [];
      await context.route(/^(?!file:|data:|blob:)/, (route) => {
        blocked.push(route.request().url());
        return route.abort();
      });
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
      await page.goto(url, { waitUntil: 'commit' });
      times.push(Number((await reported).text().split(' ')[1]));
      await page.waitForFunction(() => document.getElementById('status-text').textContent.startsWith('Compared'));
      statuses.push(await page.textContent('#status-text'));
      if (blocked.length) throw new Error(`the page asked for the network: ${blocked.join(', ')}`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return { times_ms: times, status: statuses.at(-1) };
}
