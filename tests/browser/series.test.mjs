// The page's Series mode in the single file from file://: readouts opened, dropped and pasted,
// ordered by date and reordered, tracked in the worker, the thread × readout matrix (glyphs,
// sentences on hover and focus, keys, filters), opening a pair, errors and the three exports.
// Expected threads come from the engine itself, run in node on the same corpus texts.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  launchBrowser, singleFileUrl, watchPage, closeCleanly, cspViolationsIn, settled, screenshotPath, corpusDir, corpusText, nodeEngine,
  serveDirectory, servedDir,
} from './harness.mjs';

// The series the page's example bundles: every WMCC round and the English Corps Commander rounds in
// the corpus, in date order (the corpus names start with the date).
const corpusNames = readdirSync(corpusDir).filter((name) => name.endsWith('.txt')).sort();
const WMCC = corpusNames.filter((name) => /_wmcc\d+_/.test(name));
const CORPS = corpusNames.filter((name) => /_corps\d+_/.test(name) && name.endsWith('_en.txt'));
// What a person sees in a cell, per status (docs/page.md); empty before a thread's first mention.
const GLYPHS = { '': '', first: '+', repeated: '=', modified: '≈', resumed: '↺', absent: '○' };

let browser;
let page;
let problems;
let engine;

before(async () => {
  browser = await launchBrowser();
  engine = await nodeEngine();
});
after(async () => { await browser?.close(); });

beforeEach(async () => {
  page = await browser.context.newPage();
  problems = await watchPage(page);
  // Records what the page asks its engine worker to run, to tell a worker call from the main thread.
  await page.addInitScript(() => {
    window.workerCalls = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message?.method) window.workerCalls.push(message.method);
      return post.call(this, message, ...rest);
    };
  });
  await page.goto(singleFileUrl);
  await settled(page);
});

afterEach(async () => {
  await closeCleanly(page, problems);
});

function expectedReport(files, texts = files.map(corpusText)) {
  return JSON.parse(engine.track(texts, files, 3, '{}'));
}

// The documented status of each cell of a thread (docs/series.md, the CSV's columns).
function expectedStatuses(thread, readoutCount) {
  return Array.from({ length: readoutCount }, (_, r) => {
    if (r < thread.first) return '';
    const occurrence = thread.occurrences.find((o) => o.readout === r);
    if (!occurrence) return 'absent';
    if (occurrence.previous === null) return 'first';
    if (occurrence.resumed) return 'resumed';
    return occurrence.relation;
  });
}

const occurrenceText = (occurrence) => occurrence.sentences.map((s) => s.text).join(' ');

// Waits for the page to finish tracking (or to show why it cannot) and returns the status. With
// an action, the status is cleared first, so that only the outcome of that action counts.
async function tracked(action) {
  if (action) {
    await page.evaluate(() => { document.getElementById('series-status-text').textContent = ''; });
    await action();
  }
  await page.waitForFunction(() => document.getElementById('series').getAttribute('aria-busy') === 'false' &&
    !['', 'Tracking the series…'].includes(document.getElementById('series-status-text').textContent));
  return page.textContent('#series-status-text');
}

const removeAll = () => tracked(() => page.click('#series .series-drop-actions button:has-text("Remove all")'));

function openSeries() {
  return tracked(() => page.click('[data-mode="series"]'));
}

// Files as the file chooser gives them, from the corpus (or given texts).
function corpusFiles(names) {
  return names.map((name) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(corpusText(name)) }));
}

function listedNames() {
  return page.$$eval('#series .series-item-name', (items) => items.map((item) => item.textContent));
}

// The rows and, in each, the glyphs a person sees (laid-out elements only).
function matrixRows() {
  return page.$$eval('#series .series-matrix tbody tr', (rows) => rows.filter((row) => row.getClientRects().length).map((row) => ({
    thread: Number(row.dataset.thread),
    header: row.querySelector('th').textContent,
    glyphs: [...row.querySelectorAll('td')].filter((cell) => cell.getClientRects().length)
      .map((cell) => cell.querySelector('.series-glyph').textContent),
  })));
}

// The readout names of the column headers on screen (each header's title is its full name).
function shownColumns() {
  return page.$$eval('#series .series-matrix thead th.series-readout', (cells) =>
    cells.filter((cell) => cell.getClientRects().length).map((cell) => cell.title));
}

// Whether the element lies inside the visible box of the matrix's scrolling area, clear of the
// sticky header row and thread column, and inside the window.
function cellInView(selector) {
  return page.evaluate((sel) => {
    const cell = document.querySelector(sel) ?? document.activeElement;
    const scroller = cell.closest('.series-matrix-scroll');
    const box = cell.getBoundingClientRect();
    const area = scroller.getBoundingClientRect();
    const header = scroller.querySelector('thead th').getBoundingClientRect();  // sticky: where the header row is shown
    const column = cell.parentElement.querySelector('th').getBoundingClientRect();
    return box.width > 0 && box.top >= header.bottom - 1 && box.left >= column.right - 1 &&
      box.bottom <= area.top + scroller.clientTop + scroller.clientHeight + 1 &&
      box.right <= area.left + scroller.clientLeft + scroller.clientWidth + 1 &&
      box.bottom <= window.innerHeight && box.right <= window.innerWidth;
  }, selector);
}

const focusedCell = () => page.evaluate(() => {
  const cell = document.activeElement;
  return { thread: Number(cell.parentElement?.dataset.thread), readout: Number(cell.dataset.readout), tag: cell.tagName };
});

describe('Series mode', () => {
  test('the default example is the WMCC series, tracked in the worker, one row per thread and one glyph per readout', async () => {
    const status = await openSeries();
    const report = expectedReport(WMCC);
    assert.deepEqual(await listedNames(), WMCC);
    assert.match(status, new RegExp(`^Tracked in \\d+ ms\\. 7 readouts, each compared with the next 3: ${report.summary.threads} points recur`));
    assert.ok((await page.evaluate(() => window.workerCalls)).includes('track'), 'track() ran in the engine worker');
    assert.equal(await page.evaluate(() => ReadoutDiff.engineMode), 'worker');

    const headers = await page.$$eval('#series .series-matrix thead th.series-readout', (cells) => cells.map((c) => c.title));
    assert.deepEqual(headers, WMCC);
    const rows = await matrixRows();
    assert.equal(rows.length, report.threads.length);
    assert.ok(report.threads.length >= 5, 'the WMCC series has threads to show');
    report.threads.forEach((thread, index) => {
      assert.deepEqual(rows[index].glyphs, expectedStatuses(thread, 7).map((s) => GLYPHS[s]), `glyphs of thread ${index + 1}`);
      assert.match(rows[index].header, new RegExp(`^T${index + 1}${thread.commitment ? '★ Commitment' : ''}`));
      assert.ok(rows[index].header.endsWith(occurrenceText(thread.occurrences[0])), 'the row shows its first wording');
    });
    const marked = rows.filter((row) => row.header.includes('★ Commitment')).length;
    assert.equal(marked, report.threads.filter((t) => t.commitment).length);
    assert.ok(marked > 0, 'the WMCC series has commitment threads');

    // Colour and symbol both tell the status: each status shown has its own glyph and its own colours.
    const looks = await page.$$eval('#series .series-matrix td', (cells) => cells.map((cell) => {
      const style = getComputedStyle(cell.querySelector('.series-glyph'));
      return [cell.dataset.status, `${style.backgroundColor}/${style.borderTopColor}`, cell.querySelector('.series-glyph').textContent];
    }));
    const byStatus = new Map(looks.filter(([s]) => s !== 'before').map(([s, colour, glyph]) => [s, { colour, glyph }]));
    assert.ok(byStatus.size >= 4, `several statuses shown: ${[...byStatus.keys()]}`);
    assert.equal(new Set([...byStatus.values()].map((v) => v.colour)).size, byStatus.size, 'one colour per status');
    assert.equal(new Set([...byStatus.values()].map((v) => v.glyph)).size, byStatus.size, 'one symbol per status');

    // The matrix and the detail panel are laid out inside the window, side by side.
    await page.screenshot({ path: screenshotPath('series-wmcc.png'), fullPage: true });
    await page.locator('#series .series-matrix').scrollIntoViewIfNeeded();
    const scroller = await page.locator('#series .series-matrix-scroll').boundingBox();
    const detail = await page.locator('#series-detail').boundingBox();
    assert.ok(scroller.x >= 0 && scroller.x + scroller.width <= 1440 && detail.x >= scroller.x + scroller.width - 1 && detail.x + detail.width <= 1440);
    assert.ok(await cellInView('#series tbody tr:first-child td:last-child'), 'the last readout\'s column is in view');
  });

  test('hover and focus show the sentence; arrow keys move a single tab stop through the cells', async () => {
    await openSeries();
    const report = expectedReport(WMCC);
    const thread = report.threads.find((t) => t.occurrences.length >= 2 && t.occurrences[1].relation === 'modified') ?? report.threads[0];
    const second = thread.occurrences[1];
    await page.hover(`#series tr[data-thread="${thread.id}"] td[data-readout="${second.readout}"]`);
    const detail = page.locator('#series-detail');
    assert.equal(await detail.locator('.series-detail-text').textContent(), occurrenceText(second));
    assert.match(await detail.locator('.series-detail-heading').textContent(),
      new RegExp(`Thread ${thread.id + 1}.* · Readout ${second.readout + 1} \\(${WMCC[second.readout]}\\) · (Modified|Repeated|Resumed)`));
    const detailBox = await detail.boundingBox();
    assert.ok(detailBox.y >= 0 && detailBox.y + detailBox.height <= 1000, 'the sentence is shown inside the window');

    // Tab reaches the matrix once: one cell is its tab stop.
    await page.focus('#series-window');
    await page.keyboard.press('Shift+Tab');
    await page.focus('#series [data-series-export="html"]');
    await page.keyboard.press('Tab');
    assert.deepEqual(await focusedCell(), { thread: report.threads[0].id, readout: 0, tag: 'TD' });
    assert.equal(await page.$$eval('#series td[tabindex="0"]', (cells) => cells.length), 1);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineWidth);
    assert.ok(parseFloat(outline) >= 2, 'a visible focus ring');
    const first = report.threads[0];
    const firstText = await detail.textContent();
    assert.ok(firstText.includes(occurrenceText(first.occurrences[0])), 'focusing a cell shows its sentence');

    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await focusedCell(), { thread: first.id, readout: 1, tag: 'TD' });
    await page.keyboard.press('ArrowDown');
    assert.deepEqual(await focusedCell(), { thread: report.threads[1].id, readout: 1, tag: 'TD' });
    await page.keyboard.press('End');
    assert.deepEqual(await focusedCell(), { thread: report.threads[1].id, readout: 6, tag: 'TD' });
    await page.keyboard.press('ArrowRight');  // at the end of the row: stays
    assert.deepEqual(await focusedCell(), { thread: report.threads[1].id, readout: 6, tag: 'TD' });
    await page.keyboard.press('Home');
    assert.deepEqual(await focusedCell(), { thread: report.threads[1].id, readout: 0, tag: 'TD' });
    await page.keyboard.press('Control+End');
    const last = report.threads.at(-1);
    assert.deepEqual(await focusedCell(), { thread: last.id, readout: 6, tag: 'TD' });
    assert.ok(await cellInView(null), 'the last cell is scrolled into the matrix\'s visible box');
    assert.equal(await page.$$eval('#series td[tabindex="0"]', (cells) => cells.length), 1, 'still one tab stop');
    // Leaving the matrix and tabbing back returns to the cell last visited.
    await page.focus('#series [data-series-export="html"]');
    await page.keyboard.press('Tab');
    assert.deepEqual(await focusedCell(), { thread: last.id, readout: 6, tag: 'TD' });
    await page.keyboard.press('Control+Home');
    assert.deepEqual(await focusedCell(), { thread: first.id, readout: 0, tag: 'TD' });
    assert.ok(await cellInView(null), 'back at the first cell, in view');
    await page.keyboard.press('PageDown');
    const tenth = report.threads[Math.min(10, report.threads.length - 1)];
    assert.deepEqual(await focusedCell(), { thread: tenth.id, readout: 0, tag: 'TD' });
    assert.ok(await cellInView(null), 'ten rows down, in view');
    await page.keyboard.press('PageUp');
    assert.deepEqual(await focusedCell(), { thread: first.id, readout: 0, tag: 'TD' });
    // n and p belong to the two-readout view: in the matrix they move nothing.
    await page.keyboard.press('n');
    assert.deepEqual(await focusedCell(), { thread: first.id, readout: 0, tag: 'TD' });
  });

  test('the detail panel shows the cell under the pointer, and the focused cell again once the pointer leaves', async () => {
    await openSeries();
    const report = expectedReport(WMCC);
    const detailText = () => page.textContent('#series-detail .series-detail-text');
    // Keyboard focus on the first cell (thread 1, readout 1: its first mention there).
    const focused = report.threads[0];
    assert.equal(focused.first, 0);
    await page.focus('#series [data-series-export="html"]');
    await page.keyboard.press('Tab');
    assert.deepEqual(await focusedCell(), { thread: focused.id, readout: 0, tag: 'TD' });
    assert.equal(await detailText(), occurrenceText(focused.occurrences[0]));

    // The pointer over another thread's cell: the panel shows that cell; focus does not move.
    const hovered = report.threads.find((t) => occurrenceText(t.occurrences.at(-1)) !== occurrenceText(focused.occurrences[0]));
    const mention = hovered.occurrences.at(-1);
    await page.hover(`#series tr[data-thread="${hovered.id}"] td[data-readout="${mention.readout}"]`);
    assert.equal(await detailText(), occurrenceText(mention));
    assert.match(await page.textContent('#series-detail .series-detail-heading'), new RegExp(`Thread ${hovered.id + 1}.* · Readout ${mention.readout + 1} `));
    assert.deepEqual(await focusedCell(), { thread: focused.id, readout: 0, tag: 'TD' });
    // Onto the panel itself (to read or select it): still the hovered cell.
    await page.hover('#series-detail .series-detail-text');
    assert.equal(await detailText(), occurrenceText(mention));
    // Out of the matrix and its panel: back to the focused cell, which kept its focus.
    await page.hover('#series-heading');
    assert.equal(await detailText(), occurrenceText(focused.occurrences[0]));
    assert.match(await page.textContent('#series-detail .series-detail-heading'), new RegExp(`Thread ${focused.id + 1}.* · Readout 1 `));
    assert.deepEqual(await focusedCell(), { thread: focused.id, readout: 0, tag: 'TD' });
    // Keys still move from the focused cell, and the panel follows them.
    await page.keyboard.press('ArrowDown');
    const next = report.threads[1];
    assert.deepEqual(await focusedCell(), { thread: next.id, readout: 0, tag: 'TD' });
    assert.match(await page.textContent('#series-detail .series-detail-heading'), new RegExp(`Thread ${next.id + 1}.* · Readout 1 `));
  });

  test('in Series mode the skip link leads to the matrix: Enter on it puts focus there, and Tab on the matrix\'s cell', async () => {
    const skip = page.locator('a.skip-link');
    assert.equal(await skip.textContent(), 'Skip to the comparison');
    await openSeries();
    // The skip link is the stop before the mode buttons, the first of the page.
    await page.focus('[data-mode="compare"]');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the series matrix');
    const linkBox = await skip.boundingBox();
    assert.ok(linkBox.y >= 0 && linkBox.y + linkBox.height <= 1000, 'the focused skip link is shown');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'series-matrix-area');
    const area = await page.locator('#series-matrix-area').boundingBox();
    assert.ok(area.y >= -1 && area.y < 1000, `the matrix is scrolled into the window (top at ${area.y})`);
    await page.keyboard.press('Tab');
    const report = expectedReport(WMCC);
    assert.deepEqual(await focusedCell(), { thread: report.threads[0].id, readout: 0, tag: 'TD' });
    assert.ok(await cellInView(null), 'the cell reached is in view');

    // No matrix (fewer than two readouts): it leads to the Series section.
    await removeAll();
    assert.equal(await skip.textContent(), 'Skip to the series');
    await page.focus('a.skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'series');
    // Back in the two-readout view, it leads to the comparison again.
    await page.click('[data-mode="compare"]');
    assert.equal(await skip.textContent(), 'Skip to the comparison');
    await page.focus('a.skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'results');
  });

  test('filters: commitments only, changed only; the tab stop stays on a shown row', async () => {
    await openSeries();
    const report = expectedReport(WMCC);
    await page.check('#series-filter-commitments');
    let rows = await matrixRows();
    assert.equal(rows.length, report.threads.filter((t) => t.commitment).length);
    for (const row of rows) assert.ok(row.header.includes('★ Commitment'));
    assert.match(await page.textContent('#series .series-filter-count'), new RegExp(`^${rows.length} of ${report.threads.length} threads shown\\.$`));
    await page.check('#series-filter-changed');
    rows = await matrixRows();
    assert.equal(rows.length, report.threads.filter((t) => t.commitment && t.changed).length);
    await page.uncheck('#series-filter-commitments');
    rows = await matrixRows();
    const changed = report.threads.filter((t) => t.changed);
    assert.equal(rows.length, changed.length);
    assert.ok(changed.length > 0 && changed.length < report.threads.length, 'the filter leaves some rows out');
    // The tab stop was on the first commitment thread, hidden by 'changed only' if unchanged.
    const stop = await page.$eval('#series td[tabindex="0"]', (cell) => ({ hidden: cell.parentElement.hidden, thread: Number(cell.parentElement.dataset.thread) }));
    assert.equal(stop.hidden, false);
    assert.ok(changed.some((t) => t.id === stop.thread), 'the tab stop is on a changed thread');
    await page.focus('#series td[tabindex="0"]');
    const at = changed.findIndex((t) => t.id === stop.thread);
    await page.keyboard.press('ArrowDown');
    if (at + 1 < changed.length) assert.equal((await focusedCell()).thread, changed[at + 1].id, 'Down skips the rows left out');
    await page.uncheck('#series-filter-changed');
    assert.equal((await matrixRows()).length, report.threads.length, 'no filter: every thread');
  });

  test('readouts issued by one side: each readout\'s issuer from its name, the filter shows only its columns and the threads in them', async () => {
    await openSeries();
    const report = expectedReport(WMCC);
    // By the corpus names: rounds 21–25 are India's readouts (in-cn), rounds 29 and 31 China's (cn-in).
    assert.deepEqual(await page.$$eval('#series .series-item input[data-issuer]', (fields) => fields.map((f) => f.value)),
      ['India', 'India', 'India', 'India', 'India', 'China', 'China']);
    const options = () => page.$$eval('#series-filter-issuer option', (items) => items.map((o) => o.textContent));
    assert.deepEqual(await options(), ['all', 'India (5 readouts)', 'China (2 readouts)']);
    const calls = (await page.evaluate(() => window.workerCalls)).length;

    const sides = { India: [0, 1, 2, 3, 4], China: [5, 6] };
    const threadsIn = (readouts) => report.threads.filter((t) => t.occurrences.some((o) => readouts.includes(o.readout)));
    for (const [side, readouts] of Object.entries(sides)) {
      await page.selectOption('#series-filter-issuer', { label: `${side} (${readouts.length} readouts)` });
      assert.deepEqual(await shownColumns(), readouts.map((r) => WMCC[r]), `${side}'s columns, and only those`);
      const rows = await matrixRows();
      const expected = threadsIn(readouts);
      assert.deepEqual(rows.map((row) => row.thread), expected.map((t) => t.id), `the threads in ${side}'s readouts`);
      expected.forEach((thread, i) => {
        const statuses = expectedStatuses(thread, 7);
        assert.deepEqual(rows[i].glyphs, readouts.map((r) => GLYPHS[statuses[r]]), `thread ${thread.id + 1} in ${side}'s columns`);
        assert.match(rows[i].header, new RegExp(`^T${thread.id + 1}`));
      });
      assert.equal(await page.textContent('#series .series-filter-count'),
        `${expected.length} of ${report.threads.length} threads shown, in ${readouts.length} of 7 readouts (issued by ${side}).`);
      // The columns shown are laid out side by side in the window, after the thread column.
      const boxes = await page.$$eval('#series .series-matrix thead th', (cells) => cells.filter((c) => c.getClientRects().length)
        .map((c) => c.getBoundingClientRect()).map((b) => ({ x: b.x, width: b.width })));
      assert.equal(boxes.length, readouts.length + 1);
      boxes.slice(1).forEach((box, i) => assert.ok(box.width > 0 && box.x >= boxes[i].x + boxes[i].width - 1 && box.x + box.width <= 1440));
    }
    // What the filter is for: points India's readouts made that China's never do, and the reverse.
    const india = threadsIn(sides.India).map((t) => t.id);
    const china = threadsIn(sides.China).map((t) => t.id);
    assert.ok(india.some((id) => !china.includes(id)), 'some threads are India\'s only');
    assert.ok(china.length > 0 && china.length < report.threads.length);

    // Keys move over the shown cells only: China's columns are readouts 6 and 7.
    await page.focus('#series td[tabindex="0"]');
    assert.deepEqual(await focusedCell(), { thread: china[0], readout: 5, tag: 'TD' });
    await page.keyboard.press('ArrowLeft');  // readout 5 is India's: hidden, so the focus stays
    assert.deepEqual(await focusedCell(), { thread: china[0], readout: 5, tag: 'TD' });
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await focusedCell(), { thread: china[0], readout: 6, tag: 'TD' });
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await focusedCell(), { thread: china[0], readout: 6, tag: 'TD' });
    await page.keyboard.press('Home');
    assert.deepEqual(await focusedCell(), { thread: china[0], readout: 5, tag: 'TD' });
    await page.keyboard.press('ArrowDown');
    assert.deepEqual(await focusedCell(), { thread: china[1], readout: 5, tag: 'TD' }, 'Down skips the threads not in China\'s readouts');
    await page.keyboard.press('Control+End');
    assert.deepEqual(await focusedCell(), { thread: china.at(-1), readout: 6, tag: 'TD' });
    assert.ok(await cellInView(null));
    await page.screenshot({ path: screenshotPath('series-issued-by-china.png') });

    // The exports hold the whole series whatever the filter shows, and the page says so.
    assert.equal(await page.isVisible('#series .series-export-note:has-text("Exports hold the whole series")'), true);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-series-export="csv"]')]);
    const csv = (await readFile(await file.path(), 'utf8')).slice(1).split('\r\n');
    assert.deepEqual(csv[0].split(',').slice(5), WMCC);
    assert.equal(csv.length - 2, report.threads.length);

    // Issuers are the analyst's to edit: the choices follow, and nothing is tracked again.
    await page.fill('#series .series-item:nth-child(6) input[data-issuer]', 'india ');
    assert.deepEqual(await options(), ['all', 'India (6 readouts)', 'China (1 readout)']);
    assert.deepEqual(await shownColumns(), [WMCC[6]], 'China is still chosen: its one readout');
    await page.fill('#series .series-item:nth-child(7) input[data-issuer]', '');
    assert.deepEqual(await options(), ['all', 'India (6 readouts)']);
    assert.equal(await page.inputValue('#series-filter-issuer'), '', 'China is no longer given: all readouts');
    assert.deepEqual(await shownColumns(), WMCC);
    assert.equal((await matrixRows()).length, report.threads.length);
    assert.equal((await page.evaluate(() => window.workerCalls)).length, calls, 'no new run of the engine');

    // A name without the code (a pasted readout) leaves the field blank.
    await page.fill('#series-paste-text', 'The two sides agreed to hold the next round soon.');
    await page.click('#series button:has-text("Add to the series")');
    assert.equal(await page.inputValue('#series .series-item:last-child input[data-issuer]'), '');
  });

  test('Enter on a cell, or a click, opens its two readouts side by side', async () => {
    await openSeries();
    const report = expectedReport(WMCC);
    const thread = report.threads.find((t) => t.occurrences.some((o) => o.previous !== null && o.readout - o.previous >= 1 && o.readout > 1));
    const occurrence = thread.occurrences.find((o) => o.previous !== null && o.readout > 1);
    const cell = `#series tr[data-thread="${thread.id}"] td[data-readout="${occurrence.readout}"]`;
    await page.focus(cell);
    assert.match(await page.textContent('#series-detail .series-detail-hint'),
      new RegExp(`compare readout ${occurrence.previous + 1} with readout ${occurrence.readout + 1}\\.`));
    await page.keyboard.press('Enter');
    await settled(page);
    assert.equal(await page.isVisible('#series'), false);
    assert.equal(await page.isVisible('#text-a'), true);
    assert.equal(await page.inputValue('#text-a'), corpusText(WMCC[occurrence.previous]));
    assert.equal(await page.inputValue('#text-b'), corpusText(WMCC[occurrence.readout]));
    assert.match(await page.textContent('#meta-a'), new RegExp(WMCC[occurrence.previous]));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'results');
    assert.match(await page.textContent('#status-text'), /^Compared in \d+ ms/);
    assert.equal(await page.getAttribute('[data-mode="compare"]', 'aria-pressed'), 'true');

    // Back to the series: the matrix is as it was; a click on a first mention opens it with the next.
    await page.click('[data-mode="series"]');
    assert.equal(await page.isVisible('#series .series-matrix'), true);
    const firstCell = `#series tr[data-thread="${thread.id}"] td[data-readout="${thread.first}"]`;
    await page.click(firstCell);
    await settled(page);
    assert.equal(await page.inputValue('#text-a'), corpusText(WMCC[thread.first]));
    assert.equal(await page.inputValue('#text-b'), corpusText(WMCC[thread.occurrences[1].readout]));
  });

  test('several files opened at once are placed by the date in their names; undated ones stay where given', async () => {
    await openSeries();
    await removeAll();
    const undated = { name: 'notes-from-the-desk.txt', mimeType: 'text/plain', buffer: Buffer.from('The two sides agreed to keep talking.') };
    await page.setInputFiles('#series input[type="file"]', [...corpusFiles([CORPS[2], CORPS[0]]), undated, ...corpusFiles([CORPS[1]])]);
    await page.waitForFunction(() => document.querySelectorAll('#series .series-item').length === 4);
    // Dated files in date order in the places dated files held (1, 2, 4); the undated file kept place 3.
    assert.deepEqual(await listedNames(), [CORPS[0], CORPS[1], undated.name, CORPS[2]]);
    assert.match(await tracked(), /^Tracked/);
    const headers = await page.$$eval('#series .series-matrix thead th.series-readout', (cells) => cells.map((c) => c.title));
    assert.deepEqual(headers, [CORPS[0], CORPS[1], undated.name, CORPS[2]]);
  });

  test('reordering with the keyboard keeps focus on the moved readout; dragging reorders too', async () => {
    await openSeries();
    const before = await listedNames();
    await page.focus('#series .series-item:nth-child(3) [data-action="up"]');
    await page.keyboard.press('Enter');
    const moved = [before[0], before[2], before[1], ...before.slice(3)];
    assert.deepEqual(await listedNames(), moved);
    const focus = await page.evaluate(() => ({
      label: document.activeElement.getAttribute('aria-label'), index: document.activeElement.closest('li').dataset.index,
    }));
    assert.deepEqual(focus, { label: `Move readout 2, ${before[2]} up`, index: '1' });
    await page.keyboard.press('Enter');  // up again: now first; Up is disabled, focus goes to Down
    assert.deepEqual((await listedNames()).slice(0, 3), [before[2], before[0], before[1]]);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), `Move readout 1, ${before[2]} down`);
    assert.match(await tracked(), /^Tracked/);
    const headers = await page.$$eval('#series .series-matrix thead th.series-readout', (cells) => cells.map((c) => c.title));
    assert.deepEqual(headers.slice(0, 3), [before[2], before[0], before[1]]);

    // Drag the last readout onto the first place.
    const current = await listedNames();
    await page.dragAndDrop('#series .series-item:last-child', '#series .series-item:first-child');
    assert.deepEqual(await listedNames(), [current.at(-1), ...current.slice(0, -1)]);

    await page.click('#series .series-item:first-child [data-action="remove"]');
    assert.deepEqual(await listedNames(), current.slice(0, -1));
  });

  test('files dropped onto the list and readouts pasted one after another are added', async () => {
    await openSeries();
    await removeAll();
    assert.match(await page.textContent('#series-status-text'), /two or more readouts/);
    await page.evaluate(([first, second]) => {
      const data = new DataTransfer();
      data.items.add(new File([first.text], first.name, { type: 'text/plain' }));
      data.items.add(new File([second.text], second.name, { type: 'text/plain' }));
      const zone = document.querySelector('#series .series-drop');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, [CORPS[1], CORPS[0]].map((name) => ({ name, text: corpusText(name) })));
    await page.waitForFunction(() => document.querySelectorAll('#series .series-item').length === 2);
    assert.deepEqual(await listedNames(), [CORPS[0], CORPS[1]]);

    await page.fill('#series-paste-text', corpusText(CORPS[2]));
    await page.fill('#series-paste-name', '2022-01-12 corps 14');
    await page.click('#series button:has-text("Add to the series")');
    await page.fill('#series-paste-text', 'The two sides agreed to hold the next round soon.');
    await page.click('#series button:has-text("Add to the series")');
    assert.deepEqual(await listedNames(), [CORPS[0], CORPS[1], '2022-01-12 corps 14', 'Pasted readout 2']);
    assert.equal(await page.inputValue('#series-paste-text'), '');
    assert.match(await tracked(), /^Tracked in \d+ ms\. 4 readouts/);
    const texts = [...CORPS.map(corpusText), 'The two sides agreed to hold the next round soon.'];
    const report = expectedReport([...CORPS.slice(0, 2), '2022-01-12 corps 14', 'Pasted readout 2'], texts);
    assert.equal((await matrixRows()).length, report.threads.length);
  });

  test('errors from track name the readout, under it, and the readouts are kept', async () => {
    await openSeries();
    // An empty file (only blank lines) is a readout the engine cannot use.
    await page.setInputFiles('#series input[type="file"]', { name: '2022-01-01_blank.txt', mimeType: 'text/plain', buffer: Buffer.from('\n  \n') });
    await page.waitForFunction(() => document.querySelectorAll('#series .series-item').length === 8);
    const status = await tracked();
    const names = await listedNames();
    const position = names.indexOf('2022-01-01_blank.txt');
    assert.equal(position, 3, 'placed by its date');
    const texts = names.map((name) => (name === '2022-01-01_blank.txt' ? '\n  \n' : corpusText(name)));
    const { error } = expectedReport(names, texts);
    assert.equal(error.code, 'empty');
    assert.match(error.message, /^Readout 4 of 8 \(2022-01-01_blank\.txt\): /);
    assert.equal(status, `The series could not be tracked: ${error.message} Your readouts are unchanged.`);
    const shown = await page.$$eval('#series .series-item-error', (items) => items.map((item) => (item.hidden ? null : item.textContent)));
    assert.equal(shown[position], error.message);
    assert.deepEqual(shown.filter((s, i) => i !== position), Array(7).fill(null));
    assert.equal(await page.isVisible('#series .series-matrix'), false);
    // Removing it tracks again, and the message goes.
    await page.click(`#series .series-item:nth-child(${position + 1}) [data-action="remove"]`);
    assert.match(await tracked(), /^Tracked/);
    assert.equal(await page.$$eval('#series .series-item-error:not([hidden])', (items) => items.length), 0);

    // More than 100 readouts: the engine's bad_series message, the list kept.
    const many = Array.from({ length: 101 }, (_, k) => ({ name: `note-${k}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Point ${k} was agreed.`) }));
    await removeAll();
    await page.setInputFiles('#series input[type="file"]', many);
    await page.waitForFunction(() => document.querySelectorAll('#series .series-item').length === 101);
    assert.match(await tracked(), /^The series could not be tracked: .*100/);
    assert.equal((await listedNames()).length, 101);
    // A readout over the engine's 16 MiB limit: too_large, naming it.
    await removeAll();
    const big = 'The two sides agreed to meet again. '.repeat(Math.ceil((16 * 1024 * 1024 + 1) / 36));
    await page.setInputFiles('#series input[type="file"]', [...corpusFiles(CORPS.slice(0, 2)),
      { name: '2023-01-01_huge.txt', mimeType: 'text/plain', buffer: Buffer.from(big) }]);
    await page.waitForFunction(() => document.querySelectorAll('#series .series-item').length === 3);
    const tooLarge = expectedReport([...CORPS.slice(0, 2), '2023-01-01_huge.txt'], [...CORPS.slice(0, 2).map(corpusText), big]).error;
    assert.equal(tooLarge.code, 'too_large');
    assert.equal(await tracked(), `The series could not be tracked: ${tooLarge.message} Your readouts are unchanged.`);
    assert.equal(await page.textContent('#series .series-item:nth-child(3) .series-item-error'), tooLarge.message);
    // A window outside 1–99.
    await removeAll();
    await page.setInputFiles('#series input[type="file"]', corpusFiles(CORPS));
    await page.waitForFunction(() => document.querySelectorAll('#series .series-item').length === 3);
    await page.fill('#series-window', '0');
    await page.dispatchEvent('#series-window', 'change');
    assert.match(await tracked(), /^The series could not be tracked: The window must be a whole number from 1 to 99\./);
  });

  test('untrusted text shows as text in the matrix and the detail, and never runs', async () => {
    await openSeries();
    await removeAll();
    const payload = 'The sides agreed to <img src=x onerror=alert(1)> continue the talks on <b>trade</b>.';
    for (const [name, text] of [['<i>first</i>', payload], ['second<script>alert(2)</script>', `${payload} They met again.`]]) {
      await page.fill('#series-paste-name', name);
      await page.fill('#series-paste-text', text);
      await page.click('#series button:has-text("Add to the series")');
    }
    assert.match(await tracked(), /^Tracked/);
    assert.deepEqual(await listedNames(), ['<i>first</i>', 'second<script>alert(2)</script>']);
    const header = await page.textContent('#series .series-matrix tbody th');
    assert.ok(header.includes('<img src=x onerror=alert(1)>'));
    await page.hover('#series .series-matrix tbody td');
    assert.ok((await page.textContent('#series-detail')).includes('<b>trade</b>'));
    assert.equal(await page.evaluate(() => document.querySelectorAll('#series img, #series b, #series i, #series script').length), 0);
  });

  test('exports: the CSV has one row per thread and a column per readout, the Markdown what changed, the HTML timeline no script', async () => {
    await openSeries();
    const report = expectedReport(WMCC);
    const download = async (kind) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-series-export="${kind}"]`)]);
      return { name: file.suggestedFilename(), path: await file.path() };
    };

    const csvFile = await download('csv');
    assert.equal(csvFile.name, 'readout-diff-series.csv');
    const csv = await readFile(csvFile.path, 'utf8');
    assert.ok(csv.startsWith('\uFEFFthread,commitment,first,last,text,'));
    const lines = csv.slice(1).split('\r\n');
    assert.equal(lines.at(-1), '', 'ends with CRLF');
    assert.equal(lines.length - 2, report.threads.length, 'one line per thread after the header');
    assert.deepEqual(lines[0].split(',').slice(5), WMCC);
    report.threads.forEach((thread, index) => {
      const cells = lines[index + 1].split(',');
      assert.deepEqual(cells.slice(0, 4), [String(index + 1), thread.commitment ? 'yes' : 'no', String(thread.first + 1), String(thread.last + 1)]);
      // The statuses are the last 7 fields (the wording before them may hold quoted commas).
      assert.deepEqual(cells.slice(-7), expectedStatuses(thread, 7), `row of thread ${index + 1}`);
      assert.ok(lines[index + 1].includes(occurrenceText(thread.occurrences[0]).replace(/"/g, '""')));
    });

    const markdown = await readFile((await download('markdown')).path, 'utf8');
    assert.ok(markdown.startsWith('# What changed across the series\n'));
    const sectionOf = (title) => markdown.split(`\n## ${title}\n\n`)[1].split('\n## ')[0];
    const changedItems = sectionOf('Changed wording').split('\n').filter((line) => line.startsWith('- **Thread'));
    assert.equal(changedItems.length, report.threads.filter((t) => t.changed).length);
    const modifiedLines = sectionOf('Changed wording').split('\n').filter((line) => line.startsWith('  - modified in readout'));
    assert.equal(modifiedLines.length, report.threads.flatMap((t) => t.occurrences).filter((o) => o.relation === 'modified').length);
    const dropped = sectionOf('No longer mentioned in the final readout').split('\n').filter((line) => line.startsWith('- '));
    assert.equal(dropped.length, report.threads.filter((t) => t.last !== 6).length || 1);
    const resumed = report.threads.filter((t) => t.gaps.length);
    for (const thread of resumed) {
      assert.ok(sectionOf('Dropped, then resumed').includes(`Thread ${thread.id + 1}`), `thread ${thread.id + 1} is listed as resumed`);
    }
    for (const name of WMCC) assert.ok(markdown.includes(`| ${name} |`), `${name} in the readouts table, as written`);

    const htmlFile = await download('html');
    assert.equal(htmlFile.name, 'readout-diff-series-timeline.html');
    const html = await readFile(htmlFile.path, 'utf8');
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
    const timeline = await browser.context.newPage();
    const timelineProblems = await watchPage(timeline);
    const timelineDir = await mkdtemp(join(tmpdir(), 'readout-diff-timeline-'));
    const timelinePath = join(timelineDir, htmlFile.name);
    await writeFile(timelinePath, html);
    try {
      await timeline.goto(pathToFileURL(timelinePath).href);
      assert.equal(await timeline.$$eval('.series-matrix tbody tr', (rows) => rows.length), report.threads.length);
      const glyphs = await timeline.$$eval('.series-matrix tbody tr', (rows) => rows.map((row) =>
        [...row.querySelectorAll('td .series-glyph')].map((g) => g.textContent)));
      report.threads.forEach((thread, index) => assert.deepEqual(glyphs[index], expectedStatuses(thread, 7).map((s) => GLYPHS[s])));
      const quotes = await timeline.$$eval('section q', (items) => items.map((q) => q.textContent));
      assert.equal(quotes.length, report.threads.reduce((n, t) => n + t.occurrences.length, 0), 'every mention quoted');
      const colour = await timeline.$eval('.series-matrix td.series-status-first .series-glyph', (g) => getComputedStyle(g).backgroundColor);
      assert.equal(colour, 'rgb(226, 243, 229)', 'its stylesheet applies under its own CSP');
      assert.equal(await timeline.evaluate(() => document.querySelectorAll('[tabindex]').length), 0);
      assert.deepEqual(await cspViolationsIn(timeline), []);
      assert.deepEqual(timelineProblems.requests, []);
    } finally {
      await timeline.close();
      await rm(timelineDir, { recursive: true, force: true });
    }
  });

  test('the exports escape what the readouts hold', async () => {
    await openSeries();
    await removeAll();
    const payload = '=HYPERLINK("x") The sides agreed to <img src=x onerror=alert(1)> continue *the* talks in 2 rounds.';
    // The number changes, so the second mention is modified and quoted under "Changed wording".
    for (const [name, text] of [['a<b>.txt', payload], ['b.txt', `${payload.replace('2 rounds', '4 rounds')} They met.`]]) {
      await page.fill('#series-paste-name', name);
      await page.fill('#series-paste-text', text);
      await page.click('#series button:has-text("Add to the series")');
    }
    assert.match(await tracked(), /^Tracked/);
    const download = async (kind) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-series-export="${kind}"]`)]);
      return readFile(await file.path(), 'utf8');
    };
    const csv = await download('csv');
    assert.ok(csv.includes(`,"'=HYPERLINK(""x"") The sides agreed to <img src=x onerror=alert(1)> continue *the* talks in 2 rounds.",`), 'a formula is made plain text');
    const markdown = await download('markdown');
    // Markdown escapes only what it would read as markup (the pair export's rule): the tag's "<" and
    // the emphasis stars, not parentheses or ">".
    assert.ok(markdown.includes('(numbers): “=HYPERLINK("x") The sides agreed to \\<img src=x onerror=alert(1)> continue \\*the\\* talks in 4 rounds.”'), markdown);
    assert.ok(markdown.includes('| a\\<b>.txt |'), markdown);
    const html = await download('html');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('a&lt;b&gt;.txt'));
  });

  test('the served page has the Series mode too: its example, the worker, and the timeline styled from series.css', async () => {
    // A browser of its own: the other tests' guard fails on any http request in their browser.
    const server = await serveDirectory(servedDir);
    const servedBrowser = await launchBrowser();
    const served = await servedBrowser.context.newPage();
    const servedProblems = await watchPage(served, { allowedOrigins: [server.origin] });
    try {
      await served.goto(`${server.origin}/index.html`);
      await settled(served);
      await served.click('[data-mode="series"]');
      await served.waitForFunction(() => document.getElementById('series').getAttribute('aria-busy') === 'false' &&
        document.getElementById('series-status-text').textContent.startsWith('Tracked'));
      const report = expectedReport(WMCC);
      assert.equal(await served.$$eval('#series .series-matrix tbody tr', (rows) => rows.length), report.threads.length);
      assert.equal(await served.evaluate(() => ReadoutDiff.engineMode), 'worker');
      await served.click('#series button:has-text("Corps Commander")');
      await served.waitForFunction(() => document.querySelectorAll('#series .series-item').length === 3);
      assert.deepEqual(await served.$$eval('#series .series-item-name', (items) => items.map((i) => i.textContent)), CORPS);
      await served.waitForFunction(() => document.getElementById('series').getAttribute('aria-busy') === 'false' &&
        document.querySelectorAll('#series .series-matrix thead th.series-readout').length === 3);
      const [file] = await Promise.all([served.waitForEvent('download'), served.click('[data-series-export="html"]')]);
      const html = await readFile(await file.path(), 'utf8');
      assert.match(html, /\.series-status-first \{[^}]*--series-bg: #e2f3e5/, 'series.css is in the timeline');
      assert.match(html, /\.rd-sr-only \{/, 'view.css is in the timeline');
      assert.deepEqual(await cspViolationsIn(served), []);
      assert.deepEqual(servedProblems.requests, []);
      assert.deepEqual(servedProblems.errors, []);
    } finally {
      await servedBrowser.close();
      await server.close();
    }
  });

  test('Cancel stops a long run: the readouts are kept, nothing reruns until the next change', async () => {
    await openSeries();
    await removeAll();
    // 100 readouts of ten corpus texts each: a run of several seconds.
    const english = [...WMCC, ...CORPS].map(corpusText);
    const files = Array.from({ length: 100 }, (_, i) => ({
      name: `round-${String(i + 1).padStart(3, '0')}.txt`, mimeType: 'text/plain',
      buffer: Buffer.from(Array.from({ length: 10 }, (_, j) => english[(i + j) % english.length]).join('\n\n')),
    }));
    await page.setInputFiles('#series input[type="file"]', files);
    await page.waitForFunction(() => document.getElementById('series-status-text').textContent === 'Tracking the series…');
    assert.equal(await page.isVisible('#series button:has-text("Cancel")'), true);
    await page.click('#series button:has-text("Cancel")');
    assert.equal(await tracked(), 'Tracking cancelled. Your readouts are unchanged.');
    assert.equal((await listedNames()).length, 100);
    assert.equal(await page.isVisible('#series button:has-text("Cancel")'), false);
    await page.waitForTimeout(800);  // past the page's edit delay: no run starts by itself
    assert.equal(await page.textContent('#series-status-text'), 'Tracking cancelled. Your readouts are unchanged.');
    // The next change runs in a fresh worker.
    const status = await tracked(() => page.click('#series .series-item:last-child [data-action="remove"]'));
    assert.match(status, /^Tracked in \d+ ms\. 99 readouts/);
  });

  test('a long series scrolls sideways inside the matrix: the focused cell stays in view, clear of the thread column', async () => {
    await openSeries();
    await removeAll();
    // The WMCC readouts four times over: 28 columns, wider than the matrix's box.
    const names = Array.from({ length: 28 }, (_, i) => `round-${String(i + 1).padStart(2, '0')}.txt`);
    const status = await tracked(() => page.setInputFiles('#series input[type="file"]', names.map((name, i) => ({
      name, mimeType: 'text/plain', buffer: Buffer.from(corpusText(WMCC[i % WMCC.length])),
    }))));
    assert.match(status, /^Tracked in \d+ ms\. 28 readouts/);
    const widths = await page.$eval('#series .series-matrix-scroll', (box) => [box.scrollWidth, box.clientWidth]);
    assert.ok(widths[0] > widths[1], 'the matrix is wider than its box');
    await page.locator('#series .series-matrix').scrollIntoViewIfNeeded();
    await page.focus('#series td[tabindex="0"]');
    await page.keyboard.press('End');
    assert.equal((await focusedCell()).readout, 27);
    assert.ok(await cellInView(null), 'the last column is scrolled into view');
    for (let k = 0; k < 27; k++) await page.keyboard.press('ArrowLeft');
    assert.equal((await focusedCell()).readout, 0);
    assert.ok(await cellInView(null), 'back at the first column, not under the thread column');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    assert.ok(await cellInView(null), 'Home scrolls back to the first column');
    await page.screenshot({ path: screenshotPath('series-long.png') });
  });
});
