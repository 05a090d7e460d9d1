// Shared set-up for the browser tests: Debian's Chromium through playwright-core (never a
// downloaded browser), a guard that fails on any network request or CSP violation, and a tiny
// static server on 127.0.0.1 for the served variant.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const distDir = resolve(process.env.READOUT_DIFF_DIST ?? join(repoRoot, 'build/wasm/dist'));
export const singleFilePath = join(distDir, 'readout-diff.html');
export const singleFileUrl = pathToFileURL(singleFilePath).href;
export const servedDir = join(distDir, 'served');
export const screenshotDir = join(distDir, 'screenshots');

if (!existsSync(singleFilePath)) {
  throw new Error(`${singleFilePath} is missing: build the wasm preset first, or set READOUT_DIFF_DIST`);
}

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// A browser with a fresh profile; close() also removes the profile.
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'readout-diff-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 1000 },
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Records what must never happen: a request to anything but the allowed origins (file:, data:,
// blob: always), a CSP violation, a dialog (alert from injected script), an uncaught page error.
export async function watchPage(page, { allowedOrigins = [] } = {}) {
  const problems = { requests: [], csp: [], dialogs: [], errors: [] };
  const allowed = (url) => /^(file|data|blob):/.test(url) || allowedOrigins.some((origin) => url.startsWith(`${origin}/`));
  page.context().on('request', (request) => {
    if (!allowed(request.url())) problems.requests.push(request.url());
  });
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => problems.errors.push(String(error)));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.csp.push(message.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

export async function cspViolationsIn(page) {
  return page.evaluate(() => window.cspViolations);
}

// Before each test: a new page of `browser` on the single file, watched (watchPage), that starts
// from the default example: texts kept by an earlier test are forgotten when the tab first loads.
// The tab is marked in window.name, which a reload keeps (sessionStorage of a file:// page was not
// always kept, and a reload then cleared what the test had just saved), and a reload is never
// cleared whatever the mark says.
// `prepare(page)` runs before the page loads; with `settle` false the caller waits for what it needs.
export async function openFreshPage(browser, { viewport = null, prepare = async () => {}, settle = true } = {}) {
  const page = await browser.context.newPage();
  const problems = await watchPage(page);
  await page.addInitScript(() => {
    if (window.name === 'readout-diff-test-tab' || performance.getEntriesByType('navigation')[0]?.type === 'reload') return;
    window.name = 'readout-diff-test-tab';
    localStorage.clear();
  });
  if (viewport) await page.setViewportSize(viewport);
  await prepare(page);
  await page.goto(singleFileUrl);
  if (settle) await settled(page);
  return { page, problems };
}

// After each test: asserts that nothing watchPage records happened, then closes the page
// (leaving it first, so that its pagehide handler finishes before the next test starts).
export async function closeCleanly(page, problems) {
  assert.deepEqual(problems.requests, [], 'no network request of any kind');
  assert.deepEqual(await cspViolationsIn(page), [], 'no CSP violation in the page');
  assert.deepEqual(problems.csp, [], 'no CSP violation reported on the console');
  assert.deepEqual(problems.dialogs, [], 'no dialog opened');
  assert.deepEqual(problems.errors, [], 'no uncaught error');
  await page.goto('about:blank');
  await page.close();
}

// Waits until the page has finished a comparison (or shows an error) and returns the status text.
export async function settled(page) {
  await page.waitForFunction(() => document.getElementById('results').getAttribute('aria-busy') === 'false' &&
    !document.getElementById('status').classList.contains('busy') &&
    document.getElementById('status-text').textContent !== '');
  return page.textContent('#status-text');
}

// The statuses a sentence can have, derived here from the report itself.
export function expectedStatus(sentence) {
  if (sentence.status === 'dropped' || sentence.status === 'new') return sentence.status;
  return sentence.relation;
}

export function countBy(items, key) {
  const counts = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

export function screenshotPath(name) {
  mkdirSync(screenshotDir, { recursive: true });
  return join(screenshotDir, name);
}

const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

// Serves `root` (plus extra in-memory pages) on 127.0.0.1; `host` names the origin used in URLs.
export async function serveDirectory(root, { extraPages = {}, host = '127.0.0.1' } = {}) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (extraPages[path]) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES['.html'] });
      response.end(extraPages[path]);
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  return {
    origin: `http://${host}:${server.address().port}`,
    close: () => new Promise((resolveClose) => server.close(resolveClose)),
  };
}

// The corpus the page's examples come from (READOUT_DIFF_SHARED, default ../shared beside the checkout).
export const corpusDir = join(resolve(process.env.READOUT_DIFF_SHARED ?? join(repoRoot, '..', 'shared')), 'corpus');

export function corpusText(name) {
  return readFileSync(join(corpusDir, name), 'utf8');
}

// The engine the page ships (served/readout-diff-engine.js), run in node: expected values come from
// the engine itself, never from the page's own code.
export async function nodeEngine() {
  const require = createRequire(import.meta.url);
  const factory = require(join(servedDir, 'readout-diff-engine.js'));
  return factory({ print() {}, printErr() {} });
}
