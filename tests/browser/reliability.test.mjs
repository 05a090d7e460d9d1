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

describe('broken files are reported with their place, never loaded with replacement characters', () => {
  // UTF-16 with its byte order mark, as Windows' Notepad saves "Unicode" text.
  const utf16 = (text, { bigEndian = false } = {}) => {
    const units = [0xfeff, ...Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))];
    const bytes = Buffer.alloc(units.length * 2);
    units.forEach((unit, i) => (bigEndian ? bytes.writeUInt16BE(unit, i * 2) : bytes.writeUInt16LE(unit, i * 2)));
    return bytes;
  };
  const cases = [
    { what: 'UTF-16LE with a lone high surrogate', bytes: utf16('India and China agreed.\nThey \uD800met.'),
      message: /^Problem: notes\.txt is not valid UTF-16 text: byte 60 \(line 2, column 6\) is half of a surrogate pair without its other half\./ },
    { what: 'UTF-16BE with a lone low surrogate', bytes: utf16('Talks \uDC00held.', { bigEndian: true }),
      message: /^Problem: notes\.txt is not valid UTF-16 text: byte 14 \(line 1, column 7\) is half of a surrogate pair/ },
    { what: 'UTF-16LE with a high surrogate at the very end', bytes: utf16('Talks held.\uD83D'),
      message: /^Problem: notes\.txt is not valid UTF-16 text: byte 24 \(line 1, column 12\)/ },
    { what: 'UTF-16LE cut in the middle of a unit', bytes: utf16('Talks held.').subarray(0, 23),
      message: /^Problem: notes\.txt is not valid UTF-16 text: it ends in the middle of a character, at byte 22 \(line 1, column 11\)/ },
    { what: 'UTF-8 with a bad byte', bytes: Buffer.concat([Buffer.from('Line one.\nSecond '), Buffer.from([0xff]), Buffer.from(' line.')]),
      message: /^Problem: notes\.txt is not UTF-8 text: byte 17 \(line 2, column 8\) is invalid\./ },
  ];
  for (const { what, bytes, message } of cases) {
    test(`${what}: the message under the box names the place, the text in the box stays`, async () => {
      const page = await openPage();
      await settled(page);
      const before = await page.inputValue('#text-a');
      await page.setInputFiles('.input-panel[data-side="a"] input[type="file"]', { name: 'notes.txt', mimeType: 'text/plain', buffer: bytes });
      await page.waitForSelector('#error-a:not([hidden])');
      assert.match(await page.textContent('#error-a'), message);
      assert.equal(await page.inputValue('#text-a'), before);
      assert.doesNotMatch(await page.textContent('#meta-a'), /notes\.txt/);
    });
  }

  test('UTF-16 text with surrogate pairs (outside the BMP) loads exactly, both byte orders', async () => {
    const page = await openPage();
    await settled(page);
    const text = 'The ministers met 🤝 in Moscow.\nदोनों पक्ष सहमत हुए। 𝐀 ok.';
    for (const [side, bigEndian] of [['a', false], ['b', true]]) {
      await page.setInputFiles(`.input-panel[data-side="${side}"] input[type="file"]`, { name: `${side}.txt`, mimeType: 'text/plain', buffer: utf16(text, { bigEndian }) });
      await page.waitForFunction(([id, value]) => document.getElementById(id).value === value, [`text-${side}`, text]);
      assert.equal(await page.isHidden(`#error-${side}`), true);
    }
    assert.match(await settled(page), /^Compared in \d+ ms/);
  });
});
