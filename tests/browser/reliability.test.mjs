// The single file (readout-diff.html) from file:// when things go wrong around the engine: a worker
// that stops answering or fails, broken files, long files and texts (opened one after the other,
// pasted, kept in storage), with main-thread blocking measured by the Long Tasks API. What is
// asserted is what a person sees: the status line, the Retry and Cancel buttons, the texts in the
// boxes, the notes and messages under them.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openFreshPage, closeCleanly, settled, corpusDir, corpusText, nodeEngine } from './harness.mjs';
import { corpusMaterial, syntheticPair, syntheticPairOfBytes } from '../../tools/bench/synthetic.mjs';

let browser;
const opened = [];
// Files opened through the file inputs are written here and given by path, as a person picks a
// file (a buffer would be decoded from base64 by a script in the page, in the time measured).
const fileDir = mkdtempSync(join(tmpdir(), 'readout-diff-files-'));

before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  rmSync(fileDir, { recursive: true, force: true });
});

// A fresh tab (openFreshPage) that the test waits on itself; `prepare(page)` runs before it loads.
async function openPage(prepare = async () => {}) {
  const { page, problems } = await openFreshPage(browser, { prepare, settle: false });
  opened.push({ page, problems });
  return page;
}

afterEach(async () => {
  for (const { page, problems } of opened.splice(0)) {
    await closeCleanly(page, problems);
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
      // The default example's first result is the report bundled with the page; the comparison of
      // an edit is the broken worker's first request.
      assert.match(await settled(page), /^Compared in \d+ ms/);
      const textA = await page.inputValue('#text-a');
      assert.match(textA, /Joint Press Statement/);
      await page.fill('#text-b', `${await page.inputValue('#text-b')}\nदोनों पक्ष फिर मिले।`);
      await page.click('#compare');
      await page.waitForFunction(() => document.getElementById('status-text').textContent === 'Comparing…');
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

// A series goes to the engine as lists of texts and names: its deadline, like a comparison's,
// grows with its characters (three readouts of a million characters: 90 s), not just the 30 s
// every request gets.
test('a worker that hangs on a long series is given the time its texts take, then ends in a message', async () => {
  const page = await openPage(async (p) => {
    await p.clock.install();
    await p.addInitScript((source) => {
      const RealWorker = window.Worker;
      let hanging = 2;  // the worker the page starts while it loads, and the one after it
      window.Worker = class extends RealWorker {
        constructor(url, options) {
          if (hanging > 0) {
            hanging -= 1;
            super(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), options);
          } else super(url, options);
        }
      };
    }, 'onmessage = () => { for (;;) {} };');
  });
  const seriesStatus = () => page.textContent('#series-status-text');
  const tracking = () => page.waitForFunction(() => document.getElementById('series-status-text').textContent === 'Tracking the series…');
  assert.match(await settled(page), /^Compared in \d+ ms/);
  // The Series mode's example, a few thousand characters, is the first worker's first request.
  await page.click('[data-mode="series"]');
  await tracking();
  await page.clock.fastForward(31_000);
  assert.match(await seriesStatus(), /^The comparison engine stopped answering \(no reply in 30 s\)\./);
  await page.click('#series .series-drop-actions button:has-text("Remove all")');
  const english = readdirSync(corpusDir).filter((name) => name.endsWith('_en.txt')).sort().map(corpusText).join('\n\n');
  const million = english.repeat(Math.ceil(1e6 / english.length)).slice(0, 1e6);
  await page.setInputFiles('#series input[type="file"]', ['2021', '2022', '2023'].map((year) => ({
    name: `${year}-01-01_round.txt`, mimeType: 'text/plain', buffer: Buffer.from(million),
  })));
  await page.clock.fastForward(2_000);  // past the pause after a change
  await tracking();
  await page.clock.fastForward(45_000);
  assert.equal(await seriesStatus(), 'Tracking the series…');
  await page.clock.fastForward(50_000);
  assert.match(await seriesStatus(), /^The comparison engine stopped answering \(no reply in 90 s\)\. Your readouts are unchanged\.$/);
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

  test('a long UTF-8 file (checked in slices) with a bad byte past the first megabyte: its exact place; without it, it loads whole', async () => {
    const page = await openPage();
    await settled(page);
    // Lines of 1-, 3- and 4-byte characters, so that characters straddle every slice boundary.
    const line = 'दोनों पक्ष 🤝 agreed.\n';
    const lines = 60_000;
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const body = Buffer.from(line.repeat(lines));
    const broken = Buffer.concat([bom, body, Buffer.from('Bad '), Buffer.from([0xc3]), Buffer.from(' here.\n')]);
    await openFile(page, 'a', writeFile('long-broken.txt', broken));
    await page.waitForSelector('#error-a:not([hidden])');
    assert.equal(await page.textContent('#error-a'),
      `Problem: long-broken.txt is not UTF-8 text: byte ${bom.length + body.length + 4} (line ${lines + 1}, column 5) is invalid. Save it as UTF-8 and open it again.`);
    const whole = Buffer.concat([bom, body]);
    await openFile(page, 'a', writeFile('long.txt', whole));
    await page.waitForFunction(() => document.getElementById('meta-a').textContent.startsWith('long.txt'));
    // The size shown is the text's own in UTF-8 (the byte order mark is not text).
    assert.equal(await page.textContent('#meta-a'), `long.txt · ${body.length.toLocaleString('en')} bytes`);
    assert.equal(await page.isHidden('#error-a'), true);
    assert.equal(await page.inputValue('#text-a'), line.repeat(Math.floor(20_000 / line.length)).replace(/\n$/, ''));
  });

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

// Long texts made of a readout's paragraphs repeated to about `bytes` bytes, each copy numbered so
// that the sentences differ.
function longText(paragraphs, bytes) {
  const parts = [];
  let size = 0;
  for (let copy = 1; size < bytes; copy += 1) {
    const part = `Copy ${copy}.\n\n${paragraphs}`;
    parts.push(part);
    size += Buffer.byteLength(part) + 2;
  }
  return parts.join('\n\n');
}

function writeFile(name, text) {
  const path = join(fileDir, name);
  writeFileSync(path, text);
  return path;
}

// Every long task (Long Tasks API: over 50 ms on the main thread) and every status line the page
// shows ({text, at}), from before the page's scripts run.
async function recordMainThread(page) {
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    window.statuses = [];
    document.addEventListener('DOMContentLoaded', () => {
      const status = document.getElementById('status-text');
      // Each status set, from the nodes the change added (several can land before the callback).
      new MutationObserver((records) => {
        const at = performance.now();
        for (const record of records) {
          for (const node of record.addedNodes) window.statuses.push({ text: node.textContent, at });
        }
      }).observe(status, { childList: true });
    });
  });
}

function openFile(page, side, path) {
  return page.setInputFiles(`.input-panel[data-side="${side}"] input[type="file"]`, path);
}

function comparing(page) {
  return page.waitForFunction(() => document.getElementById('status-text').textContent === 'Comparing…' &&
    !document.getElementById('cancel').hidden);
}

describe('long files', () => {
  test('opening a 2.5 MB file never blocks the main thread more than 50 ms at a time', async () => {
    const page = await openPage(recordMainThread);
    await settled(page);
    const text = longText(await page.inputValue('#text-a'), 2_500_000);
    const bytes = Buffer.byteLength(text);
    const path = writeFile('long-a.txt', text);
    const since = await page.evaluate(() => performance.now());
    await openFile(page, 'a', path);
    await page.waitForFunction((size) => document.getElementById('meta-a').textContent.includes(size), bytes.toLocaleString('en'));
    assert.match(await page.textContent('#meta-a'), /^long-a\.txt · /);
    // The comparison of the whole text starts and runs in its worker; the page stays free meanwhile.
    // Measured from the opening to half a second into the comparison (which takes seconds at this
    // size): the display of the result is the view's concern, not the opening's.
    await comparing(page);
    await page.waitForTimeout(500);
    const { longTasks, resultInside } = await page.evaluate((since) => {
      const until = window.statuses.findLast((status) => status.text === 'Comparing…').at + 500;
      return {
        longTasks: window.longTasks.filter((task) => task.start >= since && task.start < until),
        resultInside: window.statuses.some((status) => status.at > since && status.at < until && status.text.startsWith('Compared')),
      };
    }, since);
    assert.equal(resultInside, false, 'the measured time holds no display of a result');
    const longest = Math.max(0, ...longTasks.map((task) => task.duration));
    assert.ok(longest <= 50, `the main thread was blocked for ${Math.round(longest)} ms at a time (${longTasks.length} long tasks)`);
    assert.match(await page.inputValue('#text-a'), /^Copy 1\.\n\n/, 'the box shows the start of the file');
    assert.equal(await page.isVisible('#long-note-a'), true);
    assert.match(await page.textContent('#long-note-a'),
      new RegExp(`^Showing the first [\\d,]+ of ${text.length.toLocaleString('en')} characters, read-only: the whole text is compared\\.`));
    // The reader can still take the whole text into the box, and edit it there (once the
    // comparison is cancelled, so that its result, shown meanwhile, cannot move the button).
    await page.evaluate(() => document.getElementById('cancel').click());
    await page.click('#long-note-a button');
    await page.waitForFunction((length) => document.getElementById('text-a').value.length === length, text.length);
    assert.equal(await page.isHidden('#long-note-a'), true);
    assert.equal(await page.evaluate(() => [document.activeElement.id, document.getElementById('text-a').readOnly]).then(String), 'text-a,false');
  });

  test('a long text pasted over a box is held whole and compared whole, shown in part; Clear and Undo keep it', async () => {
    const page = await openPage(recordMainThread);
    await settled(page);
    const text = longText(await page.inputValue('#text-b'), 300_000);
    await page.evaluate((value) => {
      window.statuses.length = 0;
      const box = document.getElementById('text-b');
      box.focus();
      box.select();
      const data = new DataTransfer();
      data.setData('text/plain', value);
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    assert.equal(await page.isVisible('#long-note-b'), true);
    assert.match(await page.textContent('#long-note-b'), new RegExp(`of ${text.length.toLocaleString('en')} characters, read-only`));
    assert.ok(text.startsWith(await page.inputValue('#text-b')), 'the box shows the start of the pasted text');
    assert.equal(await page.textContent('#meta-b'), `${Buffer.byteLength(text).toLocaleString('en')} bytes`, 'the file name went with the text it named');
    await page.waitForFunction(() => window.statuses.some((status) => status.text.startsWith('Compared')), null, { timeout: 120_000 });
    const expected = await page.evaluate(async (value) => (await ReadoutDiff.segment(value)).sentences.length, text);
    // The view is built in slices after the result: wait until B's sentences are all on the page.
    await page.waitForFunction((count) => document.querySelectorAll('#view-host .rd-sentence[data-side="b"]').length >= count, expected, { timeout: 60_000 });
    assert.equal(await page.$$eval('#view-host .rd-sentence[data-side="b"]', (items) => items.length), expected);
    await page.click('.input-panel[data-side="b"] [data-action="clear"]');
    assert.equal(await page.inputValue('#text-b'), '');
    assert.equal(await page.isHidden('#long-note-b'), true);
    await page.click('.input-panel[data-side="b"] [data-action="clear"]');  // Undo clear
    assert.equal(await page.isVisible('#long-note-b'), true);
    assert.equal(await page.textContent('#meta-b'), `${Buffer.byteLength(text).toLocaleString('en')} bytes`);
  });

  test('opening two long files in a row runs one comparison, of both new texts; a stale result is never shown', async () => {
    const page = await openPage(recordMainThread);
    await settled(page);
    const textA = longText(await page.inputValue('#text-a'), 1_000_000);
    const textB = longText(await page.inputValue('#text-b'), 300_000);
    const pathA = writeFile('first-a.txt', textA);
    const pathB = writeFile('second-b.txt', textB);
    await page.evaluate(() => { window.statuses.length = 0; });
    await openFile(page, 'a', pathA);
    // A against the old B is being compared when B is opened.
    await comparing(page);
    await openFile(page, 'b', pathB);
    await page.waitForFunction(() => document.getElementById('meta-b').textContent.startsWith('second-b.txt'));
    await page.waitForFunction(() => document.getElementById('status-text').textContent.startsWith('Compared'), null, { timeout: 120_000 });
    assert.match(await settled(page), /^Compared in \d+ ms/);
    const results = (await page.evaluate(() => window.statuses.map((status) => status.text))).filter((status) => status.startsWith('Compared'));
    assert.equal(results.length, 1, `one result shown, not a stale one first: ${results.join(' / ')}`);
    const expected = await page.evaluate(async ([a, b]) => {
      const [segmentedA, segmentedB] = [await ReadoutDiff.segment(a), await ReadoutDiff.segment(b)];
      return [segmentedA.sentences.length, segmentedB.sentences.length];
    }, [textA, textB]);
    // The view is built in slices after the result: wait until both sides' sentences are all on the page.
    await page.waitForFunction((count) => ['a', 'b'].every((side, k) =>
      document.querySelectorAll(`#view-host .rd-sentence[data-side="${side}"]`).length >= count[k]), expected, { timeout: 60_000 });
    const shown = await page.evaluate(() => ['a', 'b'].map((side) => document.querySelectorAll(`#view-host .rd-sentence[data-side="${side}"]`).length));
    assert.deepEqual(shown, expected, 'the view shows the sentences of both new files');
  });

  test('Cancel while two files opened in a row are compared cancels, and no result arrives later', async () => {
    const page = await openPage(recordMainThread);
    await settled(page);
    const pathA = writeFile('first-a.txt', longText(await page.inputValue('#text-a'), 1_000_000));
    const pathB = writeFile('second-b.txt', longText(await page.inputValue('#text-b'), 300_000));
    await page.evaluate(() => { window.statuses.length = 0; });
    await openFile(page, 'a', pathA);
    await comparing(page);
    await openFile(page, 'b', pathB);
    await page.waitForFunction(() => document.getElementById('meta-b').textContent.startsWith('second-b.txt'));
    await comparing(page);
    await page.click('#cancel');
    await page.waitForFunction(() => document.getElementById('status-text').textContent.includes('cancelled'));
    await page.waitForTimeout(5000);
    assert.equal(await statusText(page), 'Comparison cancelled. Your texts are unchanged.');
    assert.deepEqual((await page.evaluate(() => window.statuses.map((status) => status.text))).filter((status) => status.startsWith('Compared')), []);
    assert.equal(await page.$$eval('#view-host .rd-sentence', (items) => items.length), 0);
    assert.equal(await page.isVisible('#retry'), true);
  });
  // Issue 12's budget at the largest size tools/bench opens: 126 ms at main f651fce (the view's
  // set-up in one task), 52 ms once the report model and the aligned rows were worked out a step a
  // task (docs/performance.md). Measured from half a second into the comparison to a second after
  // the whole view is built, so every frame of the new view is inside.
  test('the result of two 5 MB files is shown with no main-thread task over 100 ms', async () => {
    const page = await openPage(recordMainThread);
    await settled(page);
    const pair = syntheticPair(25_000, 20240601, corpusMaterial(corpusDir));
    const paths = { a: writeFile('five-mb-a.txt', pair.a), b: writeFile('five-mb-b.txt', pair.b) };
    assert.ok(['a', 'b'].every((side) => Buffer.byteLength(pair[side]) > 4_500_000), 'about 5 MB a side');
    await page.evaluate(() => { window.statuses.length = 0; });
    await openFile(page, 'a', paths.a);
    await comparing(page);
    await openFile(page, 'b', paths.b);
    await page.waitForFunction(() => document.getElementById('meta-b').textContent.startsWith('five-mb-b.txt'));
    await comparing(page);
    await page.waitForFunction(() => document.getElementById('status-text').textContent.startsWith('Compared'), null, { timeout: 180_000 });
    // The toolbar's count is written once the last slice of the view is in.
    await page.waitForFunction(() => /^(\d+) of \1 sentences shown$/.test(document.querySelector('#view-host .rd-shown')?.textContent ?? ''),
      null, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    const { longTasks, shown, counted } = await page.evaluate(() => {
      const since = window.statuses.findLast((status) => status.text === 'Comparing…').at + 500;
      return {
        longTasks: window.longTasks.filter((task) => task.start >= since).map((task) => Math.round(task.duration)),
        shown: document.querySelectorAll('#view-host .rd-sentence').length,
        counted: Number(document.querySelector('#view-host .rd-shown').textContent.split(' ')[0]),
      };
    });
    assert.ok(shown > 45_000 && shown === counted, `every sentence of both files is in the view (${shown}, counted ${counted})`);
    assert.ok(longTasks.every((ms) => ms <= 100), `main-thread tasks showing the result: ${JSON.stringify(longTasks)} ms`);
  });
  // Issue 12's budget (no main-thread task over 100 ms) at the page's limit, 16 MiB a side: a
  // file's text stays in the parts it was decoded in (web/long-text.js); one string of that size
  // was one task of 100-135 ms. From picking the first file to half a second into the comparison,
  // which then runs for tens of seconds in its worker and is cancelled.
  test('opening two files of 16 MiB, the limit, never blocks the main thread more than 100 ms at a time', async () => {
    const page = await openPage(recordMainThread);
    await settled(page);
    const limit = 16 * 1024 * 1024;
    const texts = syntheticPairOfBytes(limit, 20240601, corpusMaterial(corpusDir));
    assert.ok(['a', 'b'].every((side) => Buffer.byteLength(texts[side]) > limit - 4096), 'at the limit');
    const paths = { a: writeFile('limit-a.txt', texts.a), b: writeFile('limit-b.txt', texts.b) };
    await page.evaluate(() => { window.statuses.length = 0; });
    const since = await page.evaluate(() => performance.now());
    await openFile(page, 'a', paths.a);
    await openFile(page, 'b', paths.b);
    for (const side of ['a', 'b']) {
      await page.waitForFunction(([id, size]) => document.getElementById(id).textContent.includes(size),
        [`meta-${side}`, Buffer.byteLength(texts[side]).toLocaleString('en')], { timeout: 60_000 });
    }
    await page.waitForFunction(() => window.statuses.some((status) => status.text === 'Comparing…') &&
      document.getElementById('status-text').textContent === 'Comparing…', null, { timeout: 60_000 });
    await page.waitForTimeout(500);
    const longTasks = await page.evaluate((since) => {
      const until = window.statuses.findLast((status) => status.text === 'Comparing…').at + 500;
      return window.longTasks.filter((task) => task.start >= since && task.start < until).map((task) => Math.round(task.duration));
    }, since);
    assert.ok(longTasks.every((ms) => ms <= 100), `main-thread tasks opening the files: ${JSON.stringify(longTasks)} ms`);
    for (const side of ['a', 'b']) {
      assert.match(await page.textContent(`#meta-${side}`), new RegExp(`^limit-${side}\\.txt · `));
      assert.match(await page.textContent(`#long-note-${side}`),
        new RegExp(`^Showing the first [\\d,]+ of ${texts[side].length.toLocaleString('en')} characters, read-only`));
      assert.ok(texts[side].startsWith(await page.inputValue(`#text-${side}`)), `box ${side} shows the start of its file`);
    }
    await page.evaluate(() => document.getElementById('cancel').click());
    await page.waitForFunction(() => document.getElementById('status-text').textContent.includes('cancelled'));
  });
});

describe('long texts reach the engine whole', () => {
  // The page sends a text of more than 1 Mi characters to the worker in pieces (engine-client.js):
  // here the pieces' edges fall inside a character outside the BMP (a surrogate pair) and inside
  // a sentence, and the engine must still read the text as it was.
  test('a text sent in pieces is segmented as the engine segments it in one piece', async () => {
    const page = await openPage();
    await settled(page);
    const piece = 1024 * 1024;
    // Long sentences, so that the text stays under the engine's 100,000 sentences.
    const sentence = `The two sides agreed to keep talking about 𝐀 and 𝐁 next year, ${'and to meet again soon, '.repeat(8)}in Moscow. `;
    let text = sentence.repeat(Math.ceil(2.2 * piece / sentence.length));
    // A surrogate pair across the first edge, and a sentence across the second.
    text = `${text.slice(0, piece - 1)}𝐀${text.slice(piece - 1)}`;
    assert.ok(text.charCodeAt(piece - 1) >= 0xd800 && text.charCodeAt(piece - 1) < 0xdc00, 'a high surrogate ends the first piece');
    const engine = await nodeEngine();
    const expected = JSON.parse(engine.segment(text, '{}'));
    const segmented = await page.evaluate((value) => ReadoutDiff.segment(value), text);
    assert.equal(segmented.sentences.length, expected.sentences.length);
    assert.deepEqual(segmented.sentences.at(-1), expected.sentences.at(-1));
    assert.deepEqual(segmented, expected);
  });

  // A file of more than a piece is decoded in slices of 512 KiB and held in those parts, which go
  // to the worker as its pieces (web/long-text.js): here a slice's edge falls inside a character
  // of four bytes and the text is the Hindi readout's (three bytes a letter), and the comparison
  // must still have the file's every sentence.
  test('a long file held in the parts it was decoded in is compared whole', async () => {
    const page = await openPage();
    await settled(page);
    const readout = corpusText('2020-09-10_moscow_in-cn_fm_mea_hi.txt');
    let text = '';
    for (let copy = 1; text.length <= 1.2 * 1024 * 1024; copy += 1) text += `${copy}. 𝐀 ${readout}\n\n`;
    // A character of four bytes starting a byte before the first slice edge (after spaces that
    // fill the gap from the last whole character).
    const slice = 512 * 1024;
    let bytes = Buffer.from(text);
    let cut = slice - 1;
    while ((bytes[cut] & 0xc0) === 0x80) cut -= 1;
    const astral = Buffer.from('𝐀');
    bytes = Buffer.concat([bytes.subarray(0, cut), Buffer.from(' '.repeat(slice - 1 - cut)), astral, bytes.subarray(cut)]);
    assert.deepEqual(bytes.subarray(slice - 1, slice + 3), astral, 'a four-byte character across the first slice edge');
    text = bytes.toString('utf8');
    const expected = JSON.parse((await nodeEngine()).segment(text, '{}')).sentences;
    await openFile(page, 'a', writeFile('long-hindi.txt', text));
    await page.waitForFunction((length) => document.getElementById('long-note-a').textContent.includes(`of ${length} characters`),
      text.length.toLocaleString('en'));
    await page.waitForFunction((count) => document.getElementById('status-text').textContent.startsWith('Compared') &&
      document.querySelectorAll('#view-host .rd-sentence[data-side="a"]').length >= count, expected.length, { timeout: 120_000 });
    // In A's order (the aligned rows follow B's).
    const shown = await page.$$eval('#view-host .rd-sentence[data-side="a"]', (items) => items
      .map((item) => [Number(item.dataset.id), item.querySelector('.rd-text').textContent])
      .sort(([x], [y]) => x - y).map(([, text]) => text));
    assert.equal(shown.length, expected.length);
    assert.equal(shown.at(-1), expected.at(-1).text);
    const differs = shown.findIndex((text, i) => text !== expected[i].text);
    assert.equal(differs, -1, `A${differs + 1} is ${JSON.stringify(shown[differs])}, not ${JSON.stringify(expected[differs]?.text)}`);
  });
});

describe('after the engine fails, a fresh one', () => {
  test('a call that fails inside the real worker ends in a message and Retry runs on a new worker', async () => {
    // The first comparison the page sends (after an edit: the single file's first worker has the
    // default example's in its source) reaches the real engine with arguments its bindings refuse
    // (numbers for strings), so the call throws inside the worker, as an abort does: the worker
    // reports it and closes. Workers are counted as the page creates them.
    const page = await openPage((p) => p.addInitScript(() => {
      const RealWorker = window.Worker;
      window.workersCreated = 0;
      let spoiled = false;
      window.Worker = class extends RealWorker {
        constructor(...args) {
          super(...args);
          window.workersCreated += 1;
        }

        postMessage(message, ...rest) {
          if (spoiled || message?.method !== 'compare') return super.postMessage(message, ...rest);
          spoiled = true;
          return super.postMessage({ ...message, args: [1, 2, 3] }, ...rest);
        }
      };
    }));
    assert.match(await settled(page), /^Compared in \d+ ms/);
    await page.fill('#text-b', 'India and China agreed to continue talks.');
    await page.waitForFunction(() => document.getElementById('status-text').textContent.startsWith('The comparison engine'));
    assert.match(await settled(page), /^The comparison engine stopped unexpectedly \(.+\)\. Your texts are unchanged\.$/);
    assert.equal(await page.isVisible('#retry'), true);
    assert.equal(await page.evaluate(() => window.workersCreated), 1);
    await page.click('#retry');
    assert.match(await settled(page), /^Compared in \d+ ms/);
    assert.equal(await page.evaluate(() => window.workersCreated), 2, 'the failed worker was not used again');
    assert.ok(await page.$$eval('#view-host .rd-sentence', (items) => items.length) > 0);
  });
});

describe('keeping texts in the browser', () => {
  test('a long text is not written to storage after each edit: the page says so and no task of 50 ms is spent on it', async () => {
    const page = await openPage(recordMainThread);
    await settled(page);
    await page.check('#keep-texts');
    assert.equal(await page.textContent('#storage-note'), 'Texts are kept in this browser until you clear them.');
    const path = writeFile('long-a.txt', longText(await page.inputValue('#text-a'), 450_000));
    const since = await page.evaluate(() => performance.now());
    await openFile(page, 'a', path);
    await page.waitForFunction(() => document.getElementById('meta-a').textContent.startsWith('long-a.txt'));
    await page.waitForFunction(() => document.getElementById('storage-note').textContent.includes('too large'));
    assert.equal(await page.textContent('#storage-note'), 'These texts are too large to keep in this browser; they stay in this tab only.');
    // Measured up to the comparison's result, whose display is the view's concern.
    await page.waitForTimeout(300);
    const longTasks = await page.evaluate((since) => {
      const resultAt = window.statuses.find((status) => status.at > since && status.text.startsWith('Compared'))?.at ?? Infinity;
      return window.longTasks.filter((task) => task.start >= since && task.start < resultAt);
    }, since);
    assert.deepEqual(longTasks.map((task) => Math.round(task.duration)), [], 'no long task while opening and saving');
    await page.evaluate(() => document.getElementById('cancel').click());
    await page.reload();
    await settled(page);
    assert.match(await page.inputValue('#text-a'), /Joint Press Statement/, 'after a reload the page has the default example, not the long text');
  });
});
