// The single file (readout-diff.html) opened from file://, as an analyst would: the default
// example, editing, untrusted input, keyboard navigation, errors, exports and the custom element.
// Expected numbers always come from the engine itself, through the page's ReadoutDiff API.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  launchBrowser, singleFileUrl, openFreshPage, watchPage, closeCleanly, cspViolationsIn, settled, expectedStatus, countBy, screenshotPath,
  corpusDir, corpusText, nodeEngine,
} from './harness.mjs';
import { readdirSync } from 'node:fs';

let browser;
let page;
let problems;

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

beforeEach(async () => {
  ({ page, problems } = await openFreshPage(browser));
});

afterEach(async () => {
  await closeCleanly(page, problems);
});

// Sets a box's text as a paste would (one input event), also for text that cannot be typed.
function setText(side, text) {
  return page.evaluate(([id, value]) => {
    const box = document.getElementById(id);
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, [`text-${side}`, text]);
}

// The engine's own report for the texts currently in the page.
function engineReport() {
  return page.evaluate(() => ReadoutDiff.compare(document.getElementById('text-a').value, document.getElementById('text-b').value));
}

function renderedStatuses(side, on = page) {
  return on.$$eval(`#view-host .rd-sentence[data-side="${side}"]`, (items) => items.map((item) => item.dataset.status));
}

async function assertViewMatches(report, on = page) {
  const c = report.summary.commitments;
  const expectedLine = `A: ${report.summary.a.commitments} commitment${report.summary.a.commitments === 1 ? '' : 's'}, ` +
    `B: ${report.summary.b.commitments} — ${c.repeated} repeated, ${c.modified} modified, ${c.new} new, ${c.dropped} dropped`;
  assert.equal(await on.textContent('#view-host .rd-summary'), expectedLine);
  for (const side of ['a', 'b']) {
    const statuses = await renderedStatuses(side, on);
    assert.equal(statuses.length, report[side].sentences.length, `one item per sentence of ${side}`);
    assert.deepEqual(countBy(statuses, (s) => s), countBy(report[side].sentences, expectedStatus), `statuses of ${side}`);
    const badges = await on.$$eval(`#view-host .rd-sentence[data-side="${side}"] .rd-commitment`, (items) => items.length);
    assert.equal(badges, report[side].sentences.filter((s) => s.commitment).length, `commitment badges of ${side}`);
  }
}

// Whether the sentence element with this id lies inside the visible box of the list that scrolls it.
function inColumnView(id) {
  return page.evaluate(columnViewCheck, id);
}

function columnViewCheck(id) {
  const element = document.getElementById(id);
  const list = element.closest('.rd-sentences');
  const box = element.getBoundingClientRect();
  const top = list.getBoundingClientRect().top + list.clientTop;
  return box.height > 0 && box.top >= top - 1 && box.bottom <= top + list.clientHeight + 1;
}

// Waits (up to 3 s: scrolling may be smooth) for the sentence to be in its column's visible box.
async function becomesInColumnView(id) {
  try {
    await page.waitForFunction(columnViewCheck, id, { timeout: 3000 });
    return true;
  } catch {
    return false;
  }
}

function resetColumns() {
  return page.evaluate(() => {
    for (const list of document.querySelectorAll('#view-host .rd-sentences')) list.scrollTop = 0;
  });
}

describe('single file from file://', () => {
  test('default example: the view matches the engine report, in a worker, Hindi marked', async () => {
    const report = await engineReport();
    assert.equal(report.schema, 'readout-diff/1');
    assert.ok(report.a.sentences.length > 0 && report.b.sentences.length > 0);
    assert.match(await page.inputValue('#text-a'), /Joint Press Statement/);
    assert.match(await page.inputValue('#text-b'), /विदेश मंत्री/);
    await assertViewMatches(report);
    assert.equal(await page.evaluate(() => ReadoutDiff.engineMode), 'worker');
    // Every sentence with Devanagari carries lang="hi"; English ones do not.
    const langs = await page.$$eval('#view-host .rd-sentence > .rd-text', (items) =>
      items.map((item) => [/[\u0900-\u097F]/.test(item.textContent), item.lang]));
    assert.ok(langs.some(([devanagari]) => devanagari));
    for (const [devanagari, lang] of langs) assert.equal(lang, devanagari ? 'hi' : 'en');
    // Each status is shown as text too, not by colour alone.
    const labels = await page.$$eval('#view-host .rd-sentence .rd-meta > .rd-status', (items) => items.map((i) => i.textContent.trim()));
    for (const label of labels) assert.match(label, /^. (Repeated|Modified|New|Dropped|Kept)$/);
  });

  test('the engine worker starts while the page is still loading, and the page uses it', async () => {
    const fresh = await browser.context.newPage();
    try {
      await fresh.addInitScript(() => {
        const RealWorker = window.Worker;
        window.__workers = [];
        window.Worker = function (...args) {
          window.__workers.push({ at: performance.now(), parsing: document.readyState === 'loading' });
          return new RealWorker(...args);
        };
        document.addEventListener('DOMContentLoaded', () => { window.__contentLoadedAt = performance.now(); });
      });
      await fresh.goto(singleFileUrl);
      await settled(fresh);
      const { workers, contentLoadedAt } = await fresh.evaluate(() => ({ workers: window.__workers, contentLoadedAt: window.__contentLoadedAt }));
      assert.equal(workers.length, 1, 'one worker, started early and then used for the first comparison');
      assert.ok(workers[0].parsing, 'started while the document was still being parsed');
      assert.ok(workers[0].at < contentLoadedAt);
      assert.equal(await fresh.evaluate(() => ReadoutDiff.engineMode), 'worker');
    } finally {
      await fresh.close();
    }
  });

  // The default example's result is the report the bundler had the engine write, so the page
  // shows it without waiting for its engine.
  test('the first result is shown while the engine has not yet got its wasm, as the engine writes it', async () => {
    const fresh = await browser.context.newPage();
    try {
      await fresh.addInitScript(() => {
        const post = Worker.prototype.postMessage;
        window.__wasmHeldBack = 0;
        Worker.prototype.postMessage = function (message, ...rest) {
          // The wasm never reaches the engine's worker: no engine answers on this page.
          if (message && typeof message === 'object' && 'wasm' in message) {
            window.__wasmHeldBack += 1;
            return undefined;
          }
          return post.call(this, message, ...rest);
        };
      });
      await fresh.goto(singleFileUrl);
      assert.match(await settled(fresh), /^Compared in \d+ ms\. A: \d+ commitments/);
      assert.equal(await fresh.evaluate(() => window.__wasmHeldBack), 1, 'the wasm was sent once, and held back');
      const engine = await nodeEngine();
      const written = JSON.parse(engine.compare(await fresh.inputValue('#text-a'), await fresh.inputValue('#text-b'), '{}'));
      await assertViewMatches(written, fresh);
      const shown = await fresh.$$eval('#view-host .rd-sentence > .rd-text', (items) => items.map((item) => item.textContent));
      assert.deepEqual(new Set(shown), new Set([...written.a.sentences, ...written.b.sentences].map((sentence) => sentence.text)));
    } finally {
      await fresh.close();
    }
  });

  // page.css keeps the body from being laid out until the page's script starts (for the first
  // result's sake); that must never leave a browser without scripting on a blank page.
  test('with scripting off the page is still shown, its heading in view', async () => {
    const fresh = await browser.context.newPage();
    try {
      const cdp = await browser.context.newCDPSession(fresh);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
      await fresh.goto(singleFileUrl);
      assert.equal(await fresh.evaluate(() => typeof window.ReadoutDiff), 'undefined', 'the page\'s scripts did not run');
      const heading = fresh.getByRole('heading', { level: 1 });
      assert.equal(await heading.textContent(), 'Readout Diff');
      const box = await heading.boundingBox();
      assert.ok(box && box.height > 0 && box.y >= 0 && box.y + box.height <= fresh.viewportSize().height, `heading laid out in view: ${JSON.stringify(box)}`);
    } finally {
      await fresh.close();
    }
  });

  test('a long report comes through the worker in slices exactly as the engine wrote it', async () => {
    // Every corpus readout five times over against the same reversed: over a thousand sentences
    // and links, so those lists come in more than one slice.
    const texts = readdirSync(corpusDir).filter((name) => name.endsWith('.txt')).sort().map(corpusText);
    const fiveTimes = (list) => [...list, ...list, ...list, ...list, ...list].join('\n\n');
    const a = fiveTimes(texts);
    const b = fiveTimes([...texts].reverse());
    const fromPage = await page.evaluate(([x, y]) => ReadoutDiff.compare(x, y).then((report) => JSON.stringify(report)), [a, b]);
    const engine = await nodeEngine();
    const written = JSON.parse(engine.compare(a, b, '{}'));
    assert.ok(written.a.sentences.length > 1000 && written.links.length > 1000, `${written.a.sentences.length} sentences, ${written.links.length} links`);
    assert.equal(fromPage, JSON.stringify(written));
  });

  test('where no worker can start, the single file runs its engine on the main thread, allowed by its CSP', async () => {
    const fresh = await browser.context.newPage();
    try {
      const problems = await watchPage(fresh);
      await fresh.addInitScript(() => {
        window.Worker = function () { throw new Error('workers are refused here'); };
      });
      await fresh.goto(singleFileUrl);
      assert.match(await settled(fresh), /^Compared in \d+ ms\. A: \d+ commitments/);
      assert.equal(await fresh.evaluate(() => ReadoutDiff.engineMode), 'main-thread');
      const shown = await fresh.$$eval('#view-host .rd-sentence', (items) => items.length);
      const report = await fresh.evaluate(() => ReadoutDiff.compare(document.getElementById('text-a').value, document.getElementById('text-b').value));
      assert.equal(shown, report.a.sentences.length + report.b.sentences.length);
      assert.deepEqual(await cspViolationsIn(fresh), []);
      assert.deepEqual(problems, { requests: [], csp: [], dialogs: [], errors: [] });
    } finally {
      await fresh.close();
    }
  });

  test('screenshots of the default view', async () => {
    await page.screenshot({ path: screenshotPath('single-file-top.png') });
    await page.evaluate(() => document.querySelector('#view-host .rd-body').scrollIntoView());
    const firstModified = page.locator('#view-host .rd-sentence[data-side="b"][data-status="modified"]').first();
    await firstModified.hover();
    await page.screenshot({ path: screenshotPath('single-file-columns-hover.png') });
    await page.screenshot({ path: screenshotPath('single-file-full.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: screenshotPath('single-file-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  test('from file:// drafts are not kept until asked, and the risk is said beside the checkbox', async () => {
    assert.equal(await page.isChecked('#keep-texts'), false);
    const risk = page.locator('#keep-risk');
    assert.match(await risk.textContent(), /any other local file/);
    const riskBox = await risk.boundingBox();
    const checkBox = await page.locator('#keep-texts').boundingBox();
    assert.ok(riskBox && checkBox && riskBox.width > 0 && Math.abs(riskBox.y - checkBox.y) < 80, 'the note is next to the checkbox');
    await page.fill('#text-a', 'A private draft: the two sides agreed to meet.');
    await page.waitForTimeout(1200);  // past the page's save delay
    assert.equal(await page.evaluate(() => localStorage.getItem('readout-diff:texts:v1')), null);
  });

  test('editing a text changes the comparison, and kept texts survive a reload', async () => {
    await page.check('#keep-texts');  // asked for: from file:// texts are kept only then
    assert.equal(await page.locator('#storage-note').textContent(), 'Texts are kept in this browser until you clear them.');
    const before = await page.textContent('#view-host .rd-summary');
    const edited = 'The two sides agreed to hold the next round of talks soon. India and China agreed to maintain peace and tranquillity in the border areas.';
    await page.fill('#text-b', edited);
    await page.waitForFunction((old) => document.querySelector('#view-host .rd-summary')?.textContent !== old, before);
    await settled(page);
    const report = await engineReport();
    assert.equal(report.b.sentences.length, 2);
    await assertViewMatches(report);
    // The page keeps an edit once typing pauses; reloading before that can lose the pagehide save.
    await page.waitForFunction((text) => JSON.parse(localStorage.getItem('readout-diff:texts:v1') ?? 'null')?.b?.text === text, edited);
    await page.reload();
    await settled(page);
    assert.equal(await page.inputValue('#text-b'), edited);
  });

  test('markup typed as text is shown as text and never runs', async () => {
    const payload = '<img src=x onerror=alert(1)> The sides agreed to <script>alert(2)</script> continue talks.';
    await page.fill('#text-a', payload);
    await page.fill('#text-b', 'The sides agreed to continue talks. <b onmouseover=alert(3)>Bold</b> claim.');
    await page.click('#compare');
    await page.waitForFunction(() => document.querySelector('#view-host .rd-sentence[data-side="a"] .rd-text')?.textContent.includes('<img'));
    await settled(page);
    const texts = await page.$$eval('#view-host .rd-text', (items) => items.map((i) => i.textContent).join(' '));
    assert.ok(texts.includes('<img src=x onerror=alert(1)>'));
    assert.ok(texts.includes('<script>alert(2)</script>') || texts.includes('<script>'));
    for (const item of await page.$$('#view-host .rd-sentence')) await item.hover();
    assert.equal(await page.evaluate(() => document.querySelectorAll('img, #view-host script, #view-host b').length), 0);
  });

  test('HTML pasted or opened from a file is reduced to its text, inertly', async () => {
    await page.evaluate(() => {
      const box = document.getElementById('text-a');
      box.value = '';
      const data = new DataTransfer();
      data.setData('text/html', '<h1>Joint statement</h1><p>The sides agreed to talk.<img src=x onerror=alert(1)></p><script>alert(2)</script><ul><li>Point one.</li><li>Point two.</li></ul>');
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    assert.equal(await page.inputValue('#text-a'), 'Joint statement\n\nThe sides agreed to talk.\n\nPoint one.\n\nPoint two.');
    await page.setInputFiles('.input-panel[data-side="b"] input[type="file"]', {
      name: 'readout.html', mimeType: 'text/html',
      buffer: Buffer.from('<html><body><div>दोनों पक्ष सहमत हुए।</div><div>Second <b>line</b>.</div></body></html>'),
    });
    await page.waitForFunction(() => document.getElementById('text-b').value.startsWith('दोनों'));
    assert.equal(await page.inputValue('#text-b'), 'दोनों पक्ष सहमत हुए।\nSecond line.');
    assert.match(await page.textContent('#meta-b'), /readout\.html/);
    assert.equal(await page.getAttribute('#text-b', 'lang'), 'hi');
    await settled(page);
    // Chromium checks the pasted onerror attribute against the page's CSP while DOMParser builds
    // its inert document and reports it as blocked; nothing ran (no dialog, checked after each test).
    const violations = await page.evaluate(() => window.cspViolations.splice(0));
    for (const violation of violations) assert.equal(violation, 'script-src-attr inline');
    const reported = problems.csp.splice(0);
    for (const message of reported) assert.match(message, /^Executing inline event handler .* The action has been blocked\.$/);
  });

  test('n and p move focus between changes, with a visible focus ring', async () => {
    const report = await engineReport();
    const changeCount = ['a', 'b'].flatMap((side) => report[side].sentences)
      .filter((s) => ['modified', 'new', 'dropped'].includes(expectedStatus(s))).length;
    assert.ok(changeCount >= 2, 'the example has at least two changes');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      return { id: el.id, status: el.dataset?.status, outline: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth };
    });
    await page.click('h1');
    await page.keyboard.press('n');
    const first = await focused();
    assert.match(first.status, /^(modified|new|dropped)$/);
    assert.notEqual(first.outline, 'none');
    assert.ok(parseFloat(first.width) >= 2, 'focus ring at least 2px');
    await page.keyboard.press('n');
    const second = await focused();
    assert.notEqual(second.id, first.id);
    assert.match(second.status, /^(modified|new|dropped)$/);
    await page.keyboard.press('p');
    assert.equal((await focused()).id, first.id);
    await page.keyboard.press('j');
    assert.equal((await focused()).id, second.id);
    // Typing n into a text box types it.
    await page.focus('#text-a');
    await page.keyboard.press('End');
    await page.keyboard.type('n');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'text-a');
  });

  test('hover and focus highlight the counterpart; filters hide sentences', async () => {
    const linked = page.locator('#view-host .rd-sentence[data-side="b"][data-status="modified"], #view-host .rd-sentence[data-side="b"][data-status="repeated"]').first();
    await linked.focus();
    const highlighted = await page.$$eval('#view-host .rd-sentence[data-side="a"].rd-counterpart', (items) => items.length);
    assert.ok(highlighted >= 1);
    // Only the changes: the repeated sentences' box unticked.
    await page.locator('#view-host .rd-filters label', { hasText: 'Repeated' }).locator('input').uncheck();
    const shownStatuses = await page.$$eval('#view-host .rd-sentence:not([hidden])', (items) => items.map((i) => i.dataset.status));
    assert.ok(shownStatuses.length > 0);
    for (const status of shownStatuses) assert.match(status, /^(modified|new|dropped)$/);
    await page.locator('#view-host .rd-filters label', { hasText: 'Repeated' }).locator('input').check();
    await page.locator('#view-host .rd-filters label', { hasText: 'Commitments only' }).locator('input').check();
    const report = await engineReport();
    const withCommitments = ['a', 'b'].flatMap((side) => report[side].sentences).filter((s) => s.commitment).length;
    assert.equal(await page.$$eval('#view-host .rd-sentence:not([hidden])', (items) => items.length), withCommitments);
  });

  test('hover, focus, n/p and arrow keys bring the sentence and its counterpart into view inside their columns', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    // The document-order view, where each column scrolls on its own.
    await page.click('#view-host button[data-layout="columns"]');
    await page.evaluate(() => document.querySelector('#view-host .rd-columns').scrollIntoView());
    const report = await engineReport();
    // The B sentence whose counterpart lies deepest in column A: at the start it is out of view.
    const [bId, aId] = report.b.sentences
      .map((s) => [s.id, Math.min(...s.links.flatMap((id) => report.links.find((l) => l.id === id).a))])
      .filter(([, a]) => Number.isFinite(a))
      .sort((x, y) => y[1] - x[1])[0];
    const a = `rd-a${aId}`;
    const b = `rd-b${bId}`;
    assert.equal(await inColumnView(a), false, `A${aId + 1} starts out of view in column A (the test needs a column that scrolls)`);
    const pageScroll = await page.evaluate(() => window.scrollY);
    await page.hover(`#${b}`);
    assert.ok(await becomesInColumnView(a), `hovering B${bId + 1} brings A${aId + 1} into column A's visible box`);
    assert.equal(await page.evaluate(() => window.scrollY), pageScroll, 'hovering scrolls the column, not the page');

    await resetColumns();
    await page.focus(`#${b}`);
    assert.ok(await becomesInColumnView(a), 'focusing B brings its counterpart into view');
    await resetColumns();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.evaluate(() => document.activeElement.id), a, '← moves focus to the counterpart');
    assert.ok(await becomesInColumnView(a), 'the focused counterpart is in view');

    // n visits every change in turn; each lands in view in its own column.
    await page.click('h1');
    const changes = ['a', 'b'].flatMap((side) => report[side].sentences.filter((s) => ['modified', 'new', 'dropped'].includes(expectedStatus(s))));
    for (let i = 0; i < changes.length; i += 1) {
      await page.keyboard.press('n');
      const focused = await page.evaluate(() => document.activeElement.id);
      assert.ok(await becomesInColumnView(focused), `n #${i + 1}: ${focused} is in view in its column`);
    }
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press('p');
      const focused = await page.evaluate(() => document.activeElement.id);
      assert.ok(await becomesInColumnView(focused), `p #${i + 1}: ${focused} is in view in its column`);
    }
  });

  test('an engine error is shown at its input, the text is kept, and the page recovers', async () => {
    // A lone surrogate cannot be typed, and becomes invalid UTF-8 for the engine.
    const broken = 'India and China agreed. \uD800 Broken text.';
    await setText('a', broken);
    await page.waitForSelector('#error-a:not([hidden])');
    assert.match(await page.textContent('#error-a'), /UTF-8.*line 1, column 25/);
    assert.equal(await page.evaluate(() => document.getElementById('text-a').value), broken);
    assert.equal(await page.getAttribute('#text-a', 'aria-invalid'), 'true');
    assert.equal(await page.isHidden('#error-b'), true);
    assert.equal(await page.$$eval('#view-host .rd-sentence', (items) => items.length), 0);
    await page.click('#error-a button');
    assert.deepEqual(await page.evaluate(() => {
      const box = document.getElementById('text-a');
      return [document.activeElement.id, box.selectionStart];
    }), ['text-a', broken.indexOf('\uD800')]);
    await page.fill('#text-a', 'India and China agreed to continue talks.');
    await page.waitForSelector('#error-a', { state: 'hidden' });
    await settled(page);
    assert.equal(await page.$$eval('#view-host .rd-sentence[data-side="a"]', (items) => items.length), 1);
  });

  // Emscripten's two abort messages: a heap that cannot grow, and a failed allocation (with C++
  // exceptions off, std::bad_alloc is a bare abort).
  for (const abortMessage of ['Aborted(Cannot enlarge memory arrays to size 1090519040 bytes (OOM).)',
    'Aborted(). Build with -s ASSERTIONS=1 for more info.']) {
    test(`an engine that runs out of memory leaves a message, the texts and a working Retry: ${abortMessage}`, async () => {
      // The first comparison's answer (the default example's, which the single file's first worker
      // has in its source) is replaced by what web/worker.js answers when the wasm engine aborts
      // for lack of memory (Emscripten's own abort message); everything after it is the real engine.
      const fresh = await browser.context.newPage();
      try {
        await fresh.addInitScript((abortMessage) => {
          const RealWorker = window.Worker;
          let failed = false;
          window.Worker = class extends RealWorker {
            set onmessage(handler) {
              super.onmessage = handler && ((event) => {
                if (failed || !('result' in event.data)) return handler(event);
                failed = true;
                return handler(new MessageEvent('message', { data: { id: event.data.id, ok: false, fatal: true, message: abortMessage } }));
              });
            }
          };
        }, abortMessage);
        await fresh.goto(singleFileUrl);
        const status = await settled(fresh);
        assert.match(status, /ran out of memory.*Your texts are unchanged/);
        assert.equal(await fresh.isVisible('#retry'), true);
        assert.match(await fresh.inputValue('#text-a'), /Joint Press Statement/);
        assert.match(await fresh.inputValue('#text-b'), /विदेश मंत्री/);
        assert.equal(await fresh.$$eval('#view-host .rd-sentence', (items) => items.length), 0);
        await fresh.click('#retry');
        assert.match(await settled(fresh), /^Compared in \d+ ms/);
        assert.ok(await fresh.$$eval('#view-host .rd-sentence', (items) => items.length) > 0);
        assert.equal(await fresh.isHidden('#retry'), true);
      } finally {
        await fresh.close();
      }
    });
  }

  test('cancelling a long comparison keeps the texts and Retry runs it again', async () => {
    const longA = (await page.inputValue('#text-a')).repeat(100);
    const longB = (await page.inputValue('#text-b')).repeat(100);
    await setText('a', longA);
    await setText('b', longB);
    // Cancel in the same task as the start, so the worker is certainly still busy.
    await page.evaluate(() => {
      document.getElementById('compare').click();
      document.getElementById('cancel').click();
    });
    await page.waitForSelector('#retry:not([hidden])');
    assert.match(await page.textContent('#status-text'), /cancelled/i);
    assert.equal((await page.inputValue('#text-b')).length, longB.length);
    // The page stayed usable: the texts can be edited and compared again with a fresh worker.
    await page.fill('#text-a', 'India and China agreed to continue talks. They met in Moscow.');
    await page.fill('#text-b', 'India and China agreed to continue talks.');
    await page.click('#retry');
    await settled(page);
    await assertViewMatches(await engineReport());
  });

  test('Cancel sticks: an edit made during a long comparison does not start it again', async () => {
    const a = await page.inputValue('#text-a');
    const b = await page.inputValue('#text-b');
    const big = (text, times) => Array.from({ length: times }, () => text).join('\n\n');
    await setText('a', big(a, 1000));
    await setText('b', big(b, 1000));
    await page.locator('#cancel').waitFor({ state: 'visible' });
    // An edit and a Compare while it runs ask for another run; then the reader cancels.
    const pressed = await page.evaluate(() => {
      const box = document.getElementById('text-b');
      box.value += '\n\nThe two sides agreed to meet again.';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      document.getElementById('compare').click();
      const cancel = document.getElementById('cancel');
      if (cancel.hidden) return false;
      cancel.click();
      return true;
    });
    assert.equal(pressed, true, 'the comparison was still running to be cancelled');
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('cancelled'));
    await page.waitForTimeout(3000);  // past the edit's delay: nothing may start again behind the reader's back
    const status = await page.textContent('#status');
    assert.match(status, /Comparison cancelled\. Your texts are unchanged\./);
    assert.doesNotMatch(status, /Comparing/);
    assert.equal(await page.isVisible('#cancel'), false);
    assert.ok((await page.inputValue('#text-b')).endsWith('The two sides agreed to meet again.'), 'the texts are kept');
  });

  test('typing over a whole file forgets its name: exports cite only what is compared', async () => {
    const fileB = '2021-07-14_dushanbe_in-cn_fm_mea-seed_hi.txt';
    const metaB = await page.textContent('.input-panel[data-side="b"] .input-meta');
    assert.match(metaB, new RegExp(fileB.replace(/\./g, '\\.')));
    assert.match(metaB, / · \d{1,3}(,\d{3})+ bytes$/, 'the size with its thousands grouped');
    await page.click('#text-b');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('The two sides agreed to meet again soon.');
    await page.waitForFunction(() => document.querySelector('#view-host .rd-sentence[data-side="b"] .rd-text')?.textContent.includes('meet again'));
    await settled(page);
    assert.equal(await page.textContent('.input-panel[data-side="b"] .input-meta'), '40 bytes');
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="markdown"]')]);
    const markdown = await readFile(await file.path(), 'utf8');
    const title = markdown.split('\n')[0];
    assert.ok(title.includes('2020-09-10\\_moscow') || title.includes('2020-09-10_moscow'), `A keeps its file name: ${title}`);
    assert.doesNotMatch(title, /dushanbe/, `B is no longer that file: ${title}`);
    assert.match(title, /Readout B/);
  });

  test('exports: JSON report, Markdown, CSV and a script-free HTML report', async () => {
    const report = await engineReport();
    const folder = await mkdtemp(join(tmpdir(), 'readout-diff-exports-'));
    const download = async (kind) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
      const path = join(folder, file.suggestedFilename());
      await file.saveAs(path);
      return { name: file.suggestedFilename(), path };
    };
    const json = await download('json');
    assert.deepEqual(JSON.parse(await readFile(json.path, 'utf8')), report);
    const markdown = await readFile((await download('markdown')).path, 'utf8');
    assert.ok(markdown.includes(await page.textContent('#view-host .rd-summary')));
    const csv = await readFile((await download('csv')).path, 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'a byte order mark for spreadsheet programs');
    const lines = csv.slice(1).trim().split('\r\n');
    assert.match(lines[0], /^link,relation,score/);
    // The trigram column is the engine's evidence.trigram_overlap (it was read as ngram_overlap and
    // always came out "–"): a same-language link's row gives its percentage.
    const header = lines[0].split(',');
    const trigramColumn = header.indexOf('trigram_overlap');
    assert.ok(trigramColumn > 0, lines[0]);
    assert.ok(lines.slice(1).some((line) => /\d+\s?%/.test(line.split(',').at(-1))), 'a trigram overlap is filled in');
    assert.ok(lines.length >= report.links.length + 1);
    const html = await download('html');
    assert.match(html.name, /\.html$/);
    const reportPage = await browser.context.newPage();
    const reportProblems = await watchPage(reportPage);
    await reportPage.goto(pathToFileURL(html.path).href);
    assert.equal(await reportPage.$$eval('script', (s) => s.length), 0);
    assert.equal(await reportPage.$$eval('.rd-sentence', (s) => s.length), report.a.sentences.length + report.b.sentences.length);
    assert.deepEqual(await cspViolationsIn(reportPage), []);
    assert.deepEqual(reportProblems.requests, []);
    await reportPage.close();
  });

  test('the <readout-diff> element renders texts from attributes and slotted elements', async () => {
    const result = await page.evaluate(async () => {
      const rendered = (element) => new Promise((resolve) => element.addEventListener('readout-diff:rendered', (e) => resolve(e.detail), { once: true }));
      const byAttribute = document.createElement('readout-diff');
      byAttribute.setAttribute('a', 'India and China agreed to continue talks. The meeting was frank.');
      byAttribute.setAttribute('b', 'India and China agreed to continue talks.');
      const bySlot = document.createElement('readout-diff');
      bySlot.innerHTML = '<pre slot="a">Both sides agreed to maintain peace.</pre><template slot="b"><p>Both sides agreed to maintain peace and tranquillity.</p><p>New point.</p></template>';
      const waits = [rendered(byAttribute), rendered(bySlot)];
      document.body.append(byAttribute, bySlot);
      const [reportA, reportB] = await Promise.all(waits);
      const count = (el) => el.shadowRoot.querySelectorAll('.rd-sentence').length;
      return {
        attribute: [count(byAttribute), reportA.a.sentences.length + reportA.b.sentences.length],
        slot: [count(bySlot), reportB.a.sentences.length + reportB.b.sentences.length, reportB.b.sentences.length],
        styled: getComputedStyle(byAttribute.shadowRoot.querySelector('.rd-sentence')).borderLeftStyle,
      };
    });
    assert.equal(result.attribute[0], result.attribute[1]);
    assert.equal(result.slot[0], result.slot[1]);
    assert.equal(result.slot[2], 2, 'template paragraphs become two sentences');
    assert.equal(result.styled, 'solid', 'the view stylesheet applies inside the shadow root');
  });
});
