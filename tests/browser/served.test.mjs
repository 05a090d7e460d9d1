// The served variant (dist/served/) over http on 127.0.0.1 under its strict CSP meta tag: the page
// itself, <readout-diff> on a host page, and the iframe mode talking to a parent on another origin.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  launchBrowser, servedDir, watchPage, cspViolationsIn, settled, expectedStatus, countBy, screenshotPath, serveDirectory,
} from './harness.mjs';

const SERVED_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'; " +
  "img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'";

// A CMS article page that embeds the element, under the same policy as the viewer.
const ELEMENT_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SERVED_CSP}">
<title>Element host</title><script type="module" src="/element.js"></script></head><body>
<h1>Story</h1>
<readout-diff id="embedded"><pre slot="a">The two sides agreed to continue talks. They agreed to disengage quickly.</pre>
<pre slot="b">दोनों पक्ष बातचीत जारी रखने पर सहमत हुए। The two sides agreed to continue talks.</pre></readout-diff>
</body></html>`;

// A host page whose policy forbids workers: the engine must fall back to the main thread.
const NO_WORKER_PAGE = ELEMENT_PAGE
  .replace("worker-src 'self'", "worker-src 'none'")
  .replace('<script type="module" src="/element.js"></script>', '<script type="module" src="/element.js"></script><script type="module" src="/api.js"></script>');

// The page of a site that embeds the viewer in an iframe (the test adds the frame).
const PARENT_PAGE = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Parent</title></head><body><h1>Parent site</h1></body></html>';

let browser;
let viewer;
let parentSite;
let page;
let problems;

before(async () => {
  browser = await launchBrowser();
  viewer = await serveDirectory(servedDir, { extraPages: { '/element-host.html': ELEMENT_PAGE, '/no-worker-host.html': NO_WORKER_PAGE } });
  // The parent of the iframe lives on another origin (localhost vs 127.0.0.1).
  parentSite = await serveDirectory(servedDir, { host: 'localhost', extraPages: { '/parent.html': PARENT_PAGE } });
});
after(async () => {
  await browser?.close();
  await viewer?.close();
  await parentSite?.close();
});

beforeEach(async () => {
  page = await browser.context.newPage();
  problems = await watchPage(page, { allowedOrigins: [viewer.origin, parentSite.origin] });
});
afterEach(async () => {
  assert.deepEqual(problems.requests, [], 'requests only to the serving origins');
  assert.deepEqual(problems.csp, [], 'no CSP violation reported on the console');
  assert.deepEqual(problems.dialogs, []);
  assert.deepEqual(problems.errors, []);
  await page.close();
});

describe('served variant over http', () => {
  test('index.html has no inline script or style and carries the strict CSP', () => {
    const html = readFileSync(join(servedDir, 'index.html'), 'utf8');
    assert.ok(html.includes(`content="${SERVED_CSP}"`));
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=/i);
  });

  test('the page compares the default example under its CSP, engine in a worker', async () => {
    await page.goto(`${viewer.origin}/index.html`);
    await settled(page);
    const report = await page.evaluate(() => ReadoutDiff.compare(document.getElementById('text-a').value, document.getElementById('text-b').value));
    for (const side of ['a', 'b']) {
      const statuses = await page.$$eval(`#view-host .rd-sentence[data-side="${side}"]`, (items) => items.map((i) => i.dataset.status));
      assert.deepEqual(countBy(statuses, (s) => s), countBy(report[side].sentences, expectedStatus));
    }
    assert.equal(await page.evaluate(() => ReadoutDiff.engineMode), 'worker');
    assert.deepEqual(await cspViolationsIn(page), []);
    await page.screenshot({ path: screenshotPath('served-top.png') });
  });

  test('<readout-diff> on a host page renders with its shadow styles', async () => {
    await page.goto(`${viewer.origin}/element-host.html`);
    const element = page.locator('readout-diff');
    await page.waitForFunction(() => document.querySelector('readout-diff').shadowRoot?.querySelector('.rd-sentence'));
    const result = await page.evaluate(() => {
      const el = document.querySelector('readout-diff');
      return {
        items: el.shadowRoot.querySelectorAll('.rd-sentence').length,
        expected: el.report.a.sentences.length + el.report.b.sentences.length,
        hindi: [...el.shadowRoot.querySelectorAll('.rd-text[lang="hi"]')].length,
        border: getComputedStyle(el.shadowRoot.querySelector('.rd-sentence')).borderLeftStyle,
      };
    });
    assert.equal(result.items, result.expected);
    assert.ok(result.hindi >= 1);
    assert.equal(result.border, 'solid');
    assert.deepEqual(await cspViolationsIn(page), []);
    await element.screenshot({ path: screenshotPath('element.png') });
  });

  test('where no worker may run, the engine runs on the main thread and still renders', async () => {
    await page.goto(`${viewer.origin}/no-worker-host.html`);
    await page.waitForFunction(() => document.querySelector('readout-diff').report);
    assert.equal(await page.evaluate(() => ReadoutDiff.engineMode), 'main-thread');
    const items = await page.evaluate(() => document.querySelector('readout-diff').shadowRoot.querySelectorAll('.rd-sentence').length);
    assert.ok(items >= 3);
    // The only violation is the refused worker itself; the engine fetched nothing.
    const violations = await cspViolationsIn(page);
    assert.ok(violations.length >= 1);
    for (const violation of violations) assert.match(violation, /^worker-src /);
    for (const message of problems.csp.splice(0)) assert.match(message, /worker/i);
  });

  test('iframe mode shows the texts the host posts on load, resizes the parent frame, accepts texts only from the named origin', async () => {
    const frameUrl = `${viewer.origin}/index.html?embed=1&parent-origin=${encodeURIComponent(parentSite.origin)}`;
    await page.goto(`${parentSite.origin}/parent.html`);
    const outcome = await page.evaluate(async ({ frameUrl: url, viewerOrigin }) => {
      const frame = document.createElement('iframe');
      frame.src = url;
      frame.title = 'Readout comparison';
      const heights = [];
      let summary = null;
      window.addEventListener('message', (event) => {
        if (event.origin !== viewerOrigin || event.source !== frame.contentWindow) return;
        if (event.data?.type === 'readout-diff:height') {
          heights.push(event.data.height);
          frame.style.height = `${event.data.height}px`;
        }
        if (event.data?.type === 'readout-diff:summary') summary = event.data.summary;
      });
      // As docs/page.md tells a host to: post the texts when the frame has loaded.
      frame.addEventListener('load', () => {
        frame.contentWindow.postMessage({ type: 'readout-diff:texts', a: 'India and China agreed to continue talks.', b: 'India and China agreed to continue talks. They agreed to meet again.' }, viewerOrigin);
      }, { once: true });
      document.body.append(frame);
      const waitFor = async (check) => {
        for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 50));
        return check();
      };
      await waitFor(() => summary);
      await new Promise((r) => setTimeout(r, 1500));  // long enough for a late default example to land
      return { heights, summary, frameHeight: frame.getBoundingClientRect().height };
    }, { frameUrl, viewerOrigin: viewer.origin });
    assert.ok(outcome.heights.length >= 1 && outcome.heights.every((h) => h > 0));
    assert.ok(outcome.frameHeight > 150, 'the parent sized the frame from the messages');
    assert.ok(outcome.summary, 'the frame compared the texts sent by the parent');
    assert.equal(outcome.summary.b.sentences, 2);
    // What a reader sees in the frame: the host's sentences, not the default example's.
    const frame = page.frames().find((f) => f.url().startsWith(viewer.origin));
    const shown = await frame.$$eval('.rd-text', (items) => items.map((item) => item.textContent));
    assert.ok(shown.includes('They agreed to meet again.'), shown.join(' | '));
    assert.ok(!shown.some((text) => text.includes('Jaishankar')), 'the default example never replaces the host texts');
  });
});
