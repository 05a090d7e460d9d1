// The single file (readout-diff.html) from file:// when things go wrong around the engine: a worker
// that stops answering, broken files, large files opened one after the other. What is asserted is
// what a person sees: the status line, the Retry and Cancel buttons, the texts in the boxes, the
// message under a box.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, singleFileUrl, watchPage, cspViolationsIn, settled } from './harness.mjs';

let browser;
const opened = [];

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// A fresh tab with the guards of watchPage; `prepare(page)` runs before the page loads.
async function openPage(prepare = async () => {}) {
  const page = await browser.context.newPage();
  const problems = await watchPage(page);
  await page.addInitScript(() => localStorage.clear());
  await prepare(page);
  opened.push({ page, problems });
  await page.goto(singleFileUrl);
  return page;
}

afterEach(async () => {
  for (const { page, problems } of opened.splice(0)) {
    assert.deepEqual(problems.requests, [], 'no network request of any kind');
    assert.deepEqual(await cspViolationsIn(page), [], 'no CSP violation in the page');
    assert.deepEqual(problems.csp, [], 'no CSP violation reported on the console');
    assert.deepEqual(problems.errors, [], 'no uncaught error');
    await page.goto('about:blank');
    await page.close();
  }
});

function statusText(page) {
  return page.textContent('#status-text');
}

describe('a worker that stops answering', () => {
  // The first engine worker the page starts is replaced by a real worker that, on its first
  // request, exits without a word or loops forever; every later worker is the real engine.
  const behaviours = {
    'exits silently': 'onmessage = () => close();',
    hangs: 'onmessage = () => { for (;;) {} };',
  };
  for (const [behaviour, source] of Object.entries(behaviours)) {
    test(`a worker that ${behaviour} ends in a message with Retry, the texts kept, not "Comparing…" forever`, async () => {
      const page = await openPage(async (p) => {
        await p.clock.install();
        await p.addInitScript((source) => {
          const RealWorker = window.Worker;
          let replaced = false;
          window.Worker = class extends RealWorker {
            constructor(url, options) {
              if (replaced) super(url, options);
              else {
                replaced = true;
                super(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), options);
              }
            }
          };
        }, source);
      });
      await page.waitForFunction(() => document.getElementById('status-text').textContent === 'Comparing…');
      const textA = await page.inputValue('#text-a');
      assert.match(textA, /Joint Press Statement/);
      // A comparison this small takes well under a second; the page still waits at 20 s ...
      await page.clock.fastForward(20_000);
      assert.equal(await statusText(page), 'Comparing…');
      assert.equal(await page.isVisible('#cancel'), true);
      // ... and not much longer than its deadline for this size.
      await page.clock.fastForward(40_000);
      assert.match(await statusText(page), /^The comparison engine stopped answering \(no reply in \d+ s\)\. Your texts are unchanged\.$/);
      assert.equal(await page.isVisible('#retry'), true);
      assert.equal(await page.isVisible('#cancel'), false);
      assert.equal(await page.inputValue('#text-a'), textA);
      assert.match(await page.inputValue('#text-b'), /विदेश मंत्री/);
      // Retry runs on a fresh worker, the real engine.
      await page.click('#retry');
      assert.match(await settled(page), /^Compared in \d+ ms/);
      assert.ok(await page.$$eval('#view-host .rd-sentence', (items) => items.length) > 0);
      assert.equal(await page.isHidden('#retry'), true);
    });
  }
});
