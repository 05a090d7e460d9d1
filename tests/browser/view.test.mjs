// The analyst's view in the single file, as a person sees it: aligned rows by default (each linked
// group on one row, A left and B right), the document-order columns as a second layout, each
// link's confidence in words, near misses one click away, the commitment table, large reports
// built without freezing the page. Expected values come from the engine's own report
// (ReadoutDiff.compare), never from the code under test.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import {
  launchBrowser, openFreshPage, closeCleanly, settled, screenshotPath, corpusDir, corpusText,
} from './harness.mjs';
import { repeatedCorpusPair } from '../../tools/bench/synthetic.mjs';


let browser;
let page;
let problems;

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

beforeEach(async () => {
  ({ page, problems } = await openFreshPage(browser, { viewport: { width: 1440, height: 900 } }));
});

afterEach(async () => {
  await closeCleanly(page, problems);
});

function setTexts(a, b) {
  return page.evaluate(([textA, textB]) => {
    for (const [id, value] of [['text-a', textA], ['text-b', textB]]) {
      const box = document.getElementById(id);
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, [a, b]);
}

function engineReport() {
  return page.evaluate(() => ReadoutDiff.compare(document.getElementById('text-a').value, document.getElementById('text-b').value));
}

// Waits until the page shows a comparison of exactly this report (every sentence rendered).
async function viewShows(report) {
  const total = report.a.sentences.length + report.b.sentences.length;
  await page.waitForFunction((n) => document.querySelectorAll('#view-host .rd-sentence').length === n &&
    !document.getElementById('status').classList.contains('busy'), total, { timeout: 60_000 });
}

// The box of a sentence after scrolling it into view the way a reader would, and the viewport.
async function boxInView(selector) {
  const locator = page.locator(selector);
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  return { box, inView: Boolean(box) && box.y >= -1 && box.y + Math.min(box.height, viewport.height) <= viewport.height + 1 && box.x >= 0 && box.x + box.width <= viewport.width + 1 };
}

// RFC 4180 CSV (quoted cells with doubled quotes, CRLF rows) into rows of cells.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; } else cell += ch;
  }
  return rows;
}

// A replaced part of the view keeps its ids while it is taken apart (web/view.js, takeApart).
const sentenceSelector = (side, id) => `#view-host #rd-${side}${id}:not(.rd-retired *)`;
const overlapVertically = (x, y) => x.y < y.y + y.height && y.y < x.y + x.height;

describe('the analyst\'s view', () => {
  test('aligned rows by default: each link\'s sentences side by side on one row, dropped and new ones alone', async () => {
    const report = await engineReport();
    await viewShows(report);
    assert.equal(await page.getAttribute('#view-host button[data-layout="rows"]', 'aria-pressed'), 'true');
    for (const link of report.links) {
      const [aId] = link.a;
      const { box: aBox, inView } = await boxInView(sentenceSelector('a', aId));
      assert.ok(inView, `A${aId + 1} is in the viewport`);
      for (const bId of link.b) {
        const bBox = await page.locator(sentenceSelector('b', bId)).boundingBox();
        assert.ok(overlapVertically(aBox, bBox), `A${aId + 1} and B${bId + 1} (link ${link.id}) share a row`);
        assert.ok(aBox.x + aBox.width <= bBox.x, `A${aId + 1} is left of B${bId + 1}`);
        assert.ok(bBox.y + 1 >= 0 && bBox.y + 20 <= page.viewportSize().height, `B${bId + 1} is on screen with its A sentence`);
      }
    }
    // A dropped sentence shares its row with no B sentence, and says so.
    const dropped = report.a.sentences.filter((s) => s.status === 'dropped');
    assert.ok(dropped.length > 0, 'the example has dropped sentences');
    const bIds = report.b.sentences.map((s) => s.id);
    for (const sentence of dropped) {
      const { box } = await boxInView(sentenceSelector('a', sentence.id));
      for (const bId of bIds) {
        const bBox = await page.locator(sentenceSelector('b', bId)).boundingBox();
        assert.ok(!overlapVertically(box, bBox), `dropped A${sentence.id + 1} has no B sentence beside it (B${bId + 1})`);
      }
      const row = page.locator(sentenceSelector('a', sentence.id)).locator('xpath=ancestor::*[@role="listitem"][1]');
      assert.match(await row.innerText(), /Not in readout B \(dropped\)/);
    }
    await page.locator('#view-host .rd-body').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('view-aligned-rows.png') });
  });

  test('a point that changed place is marked "Moved"; the document-order columns are one click away', async () => {
    const first = 'India and China agreed to continue talks on the boundary question.';
    const second = 'The two sides discussed trade and investment between the two countries.';
    const third = 'The ministers will meet again in New Delhi next year.';
    await setTexts(`${first} ${second} ${third}`, `${third} ${first} ${second}`);
    await page.waitForFunction(() => document.querySelector('#view-host .rd-sentence[data-side="b"] .rd-text')?.textContent.startsWith('The ministers'));
    await settled(page);
    const report = await engineReport();
    assert.equal(report.links.length, 3, 'the engine links the three sentences');
    const rows = await page.locator('#view-host .rd-row').allInnerTexts();
    assert.equal(rows.length, 3);
    const moved = rows.filter((text) => /\bMoved\b/.test(text));
    assert.equal(moved.length, 1, `one row is marked moved: ${JSON.stringify(rows)}`);
    assert.ok(moved[0].includes(third), 'the moved point is the one that changed place');
    const mark = page.locator(`${sentenceSelector('b', 0)} .rd-moved`);
    assert.equal(await mark.innerText(), '↕ Moved');
    assert.ok(await mark.isVisible());

    await page.click('#view-host button[data-layout="columns"]');
    assert.equal(await page.getAttribute('#view-host button[data-layout="columns"]', 'aria-pressed'), 'true');
    // Each readout in its own order, A's column left of B's.
    const tops = async (side) => Promise.all([0, 1, 2].map(async (id) => (await page.locator(sentenceSelector(side, id)).boundingBox()).y));
    const aTops = await tops('a');
    const bTops = await tops('b');
    assert.ok(aTops[0] < aTops[1] && aTops[1] < aTops[2], 'A in its own order');
    assert.ok(bTops[0] < bTops[1] && bTops[1] < bTops[2], 'B in its own order');
    const aBox = await page.locator(sentenceSelector('a', 0)).boundingBox();
    const bBox = await page.locator(sentenceSelector('b', 0)).boundingBox();
    assert.ok(aBox.x + aBox.width <= bBox.x, 'column A is left of column B');
    assert.ok((await page.locator(sentenceSelector('b', 0)).textContent()).includes(third), 'B1 heads column B');
    // The choice of layout stays when the texts are compared again.
    await page.click('#compare');
    await settled(page);
    assert.equal(await page.getAttribute('#view-host button[data-layout="columns"]', 'aria-pressed'), 'true');
  });

  test('confidence in words: each link\'s band, what the score means, near misses one click away', async () => {
    const report = await engineReport();
    await viewShows(report);
    assert.match(await page.locator('#view-host .rd-legend').innerText(),
      /strong \(score 0\.8 or more\), moderate \(0\.6 to 0\.8\) or weak \(under 0\.6\)/);
    for (const link of report.links) {
      for (const bId of link.b) {
        await page.locator(sentenceSelector('b', bId)).scrollIntoViewIfNeeded();
        const text = await page.locator(`${sentenceSelector('b', bId)} .rd-meta`).innerText();
        const refs = link.a.map((id) => `A${id + 1}`).join('+');
        assert.ok(text.includes(`↔ ${refs} (${link.band})`), `B${bId + 1} shows "${refs} (${link.band})": ${text}`);
      }
    }
    // The evidence of a link says its band and score in words.
    const [link] = report.links;
    await page.locator(sentenceSelector('b', link.b[0])).focus();
    await page.keyboard.press('Enter');
    const evidence = await page.locator(`${sentenceSelector('b', link.b[0])} .rd-evidence`).innerText();
    assert.ok(evidence.includes(`Confidence${evidence.includes('\t') ? '\t' : '\n'}${link.band}, score ${link.score.toFixed(2)}`), evidence);
    // Opened with the mouse (its contents are made as it opens): on screen, the focus on its
    // summary, and Enter there closes it.
    const other = report.links.find((l) => l.a[0] !== link.a[0]);
    const otherSentence = page.locator(sentenceSelector('a', other.a[0]));
    await otherSentence.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await otherSentence.getByRole('button', { name: /Evidence for/ }).click();
    const confidence = new RegExp(`Confidence\\s+${other.band}, score ${other.score.toFixed(2)}`);
    assert.match(await otherSentence.innerText(), confidence);
    assert.ok(await otherSentence.getByText(`${other.band}, score ${other.score.toFixed(2)}`).isVisible(), 'the evidence is shown');
    assert.match(await page.evaluate(() => document.activeElement.textContent), /^Evidence/);
    await page.keyboard.press('Enter');
    assert.doesNotMatch(await otherSentence.innerText(), confidence, 'closed again');

    // A dropped sentence's near miss: a click goes to that sentence, focused and on screen.
    const withNearMiss = report.a.sentences.find((s) => s.status === 'dropped' && s.possible_counterparts.length);
    assert.ok(withNearMiss, 'the example has a dropped sentence with a possible counterpart');
    const target = withNearMiss.possible_counterparts[0];
    const button = page.locator(`${sentenceSelector('a', withNearMiss.id)} button`, { hasText: `maybe ↔ B${target.sentence + 1}` });
    await button.scrollIntoViewIfNeeded();
    assert.equal(await button.innerText(), `maybe ↔ B${target.sentence + 1} · ${target.score.toFixed(2)}`);
    const buttonBox = await button.boundingBox();
    assert.ok(buttonBox.height >= 24 && buttonBox.width >= 24, 'a 24 px target');
    await button.click();
    assert.equal(await page.evaluate(() => document.activeElement.id), `rd-b${target.sentence}`);
    const { box } = { box: await page.locator(sentenceSelector('b', target.sentence)).boundingBox() };
    assert.ok(box.y >= 0 && box.y < page.viewportSize().height, 'the near miss is on screen');
  });

  test('no word diff for a weak link: its words may not correspond', async () => {
    // Two English reports of the same Munich meeting: the engine links some pairs only weakly.
    await setTexts(corpusText('2023-02-18_munich_cn-us_fm_xinhua-via-herald_en.txt'), corpusText('2023-02-18_munich_us-cn_fm_state-via-trend-tass_en.txt'));
    await page.waitForFunction(() => document.querySelector('#view-host .rd-sentence[data-side="b"]')?.textContent.length > 0 &&
      !document.querySelector('#view-host .rd-sentence[data-side="a"] .rd-text')?.textContent.includes('दोनों'));
    await settled(page);
    const report = await engineReport();
    await viewShows(report);
    const weak = report.links.filter((l) => l.band === 'weak' && l.diff.length);
    const strongerModified = report.links.filter((l) => l.band !== 'weak' && l.relation === 'modified' && l.diff.length && l.b.length === 1);
    assert.ok(weak.length > 0, 'the pair has a weak link with a word diff in the report');
    for (const link of weak) {
      for (const bId of link.b) {
        const marks = await page.locator(`${sentenceSelector('b', bId)} del, ${sentenceSelector('b', bId)} ins`).count();
        assert.equal(marks, 0, `B${bId + 1} (weak link ${link.id}) shows no struck or inserted words`);
        await page.locator(sentenceSelector('b', bId)).focus();
        await page.keyboard.press('Enter');
        assert.match(await page.locator(`${sentenceSelector('b', bId)} .rd-evidence`).innerText(), /Not shown for a weak link/);
        await page.keyboard.press('Enter');
      }
    }
    // A stronger modified link still shows its changes (so the check above can fail).
    if (strongerModified.length) {
      const shown = await Promise.all(strongerModified.map((l) => page.locator(`${sentenceSelector('b', l.b[0])} del, ${sentenceSelector('b', l.b[0])} ins`).count()));
      assert.ok(shown.some((n) => n > 0), 'a moderate or strong modified link shows its word changes');
    }
  });

  test('the commitment table accounts for every commitment of both sides, with the engine\'s counts', async () => {
    const report = await engineReport();
    await viewShows(report);
    await page.click('#view-host button[data-layout="commitments"]');
    const table = page.locator('#view-host table');
    await table.waitFor();
    const c = report.summary.commitments;
    assert.equal(await table.locator('caption').innerText(),
      `Commitments: A ${report.summary.a.commitments}, B ${report.summary.b.commitments} — ${c.repeated} repeated, ${c.modified} modified, ${c.new} new, ${c.dropped} dropped`);
    assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['Sentence', 'Actor', 'Cue', 'Readout A', 'Readout B', 'Fate', 'What changed']);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.innerText.trim())));
    assert.equal(rows.length, report.commitments.length, 'one row per commitment of either side');
    const fateWord = { repeated: 'Repeated', modified: 'Modified', dropped: 'Dropped', new: 'New' };
    const changeWord = { polarity: 'negation', actor: 'actor', strength: 'strength', numbers: 'numbers' };
    report.commitments.forEach((entry, i) => {
      const [ref, actor, cue, aText, bText, fate, changed] = rows[i];
      const sentence = report[entry.side].sentences[entry.sentence];
      assert.equal(ref, `${entry.side.toUpperCase()}${entry.sentence + 1}`);
      assert.equal(actor, sentence.commitment.actor_label);
      assert.equal(cue, sentence.commitment.cue);
      assert.equal(fate, fateWord[entry.fate]);
      const own = entry.side === 'a' ? aText : bText;
      const other = entry.side === 'a' ? bText : aText;
      assert.ok(own.includes(sentence.text), `row ${i + 1} quotes its own sentence`);
      const otherSide = entry.side === 'a' ? 'b' : 'a';
      for (const id of entry.counterparts) assert.ok(other.includes(report[otherSide].sentences[id].text), `row ${i + 1} quotes ${otherSide.toUpperCase()}${id + 1}`);
      if (!entry.counterparts.length) assert.equal(other, '—');
      for (const change of entry.changes) assert.ok(changed.includes(changeWord[change]), `row ${i + 1} names the change ${change}`);
    });
    const tableBox = await table.boundingBox();
    assert.ok(tableBox.width <= page.viewportSize().width, 'the table fits the window');
    await table.screenshot({ path: screenshotPath('view-commitment-table.png') });
  });

  test('the page and <readout-diff> render one view, and report an engine error the same way', async () => {
    const texts = await page.evaluate(() => [document.getElementById('text-a').value, document.getElementById('text-b').value]);
    const pageRows = await page.locator('#view-host .rd-row').allTextContents();
    const elementRows = await page.evaluate(async ([a, b]) => {
      const element = document.createElement('readout-diff');
      const rendered = new Promise((resolve) => element.addEventListener('readout-diff:rendered', resolve, { once: true }));
      element.setAttribute('a', a);
      element.setAttribute('b', b);
      document.body.append(element);
      await rendered;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return [...element.shadowRoot.querySelectorAll('.rd-row')].map((row) => row.textContent);
    }, texts);
    assert.ok(pageRows.length > 0);
    assert.deepEqual(elementRows, pageRows, 'the element shows the page\'s rows');
    const error = await page.evaluate(async () => {
      const element = document.createElement('readout-diff');
      const failed = new Promise((resolve) => element.addEventListener('readout-diff:error', (event) => resolve(event.detail), { once: true }));
      element.setAttribute('a', 'India and China agreed. \uD800 Broken text.');
      element.setAttribute('b', 'India and China agreed.');
      document.body.append(element);
      const detail = await failed;
      return { detail, shown: element.shadowRoot.querySelector('[role="status"]').innerText };
    });
    assert.equal(error.detail.side, 'a');
    assert.match(error.shown, /^Readout A: .*UTF-8/);
  });

  test('Text size: the readouts\' text larger at a click, the rest of the view as it was; the choice stays for the next comparison', async () => {
    const report = await engineReport();
    await viewShows(report);
    const pressed = () => page.$$eval('#view-host [data-text-size]', (buttons) => buttons
      .filter((button) => button.getAttribute('aria-pressed') === 'true').map((button) => button.textContent));
    const measure = () => page.evaluate(() => {
      const px = (element) => parseFloat(getComputedStyle(element).fontSize);
      const sentence = document.querySelector('#view-host #rd-a0:not(.rd-retired *)');
      return {
        page: px(document.body), text: px(sentence.querySelector('.rd-text')), meta: px(sentence.querySelector('.rd-meta')),
        height: sentence.querySelector('.rd-text').getBoundingClientRect().height,
      };
    });
    assert.deepEqual(await pressed(), ['Normal']);
    const normal = await measure();
    assert.equal(normal.text, normal.page, 'the readouts\' text is at the page\'s size to begin with');
    const largest = page.locator('#view-host button[data-text-size="largest"]');
    const box = await largest.boundingBox();
    assert.ok(box.width >= 24 && box.height >= 24, `a target of at least 24 px (${box.width}×${box.height})`);
    await largest.click();
    assert.deepEqual(await pressed(), ['Largest']);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.textSize), 'largest', 'the focus stays on the button');
    const large = await measure();
    assert.equal(large.text, 1.5 * normal.page, 'the sentences at 150 %');
    assert.equal(large.meta, normal.meta, 'the sentence\'s labels keep their size');
    assert.ok(large.height > 1.4 * normal.height, `the sentence takes more room (${normal.height} -> ${large.height} px)`);
    await page.click('#view-host button[data-layout="commitments"]');
    const cell = await page.$eval('#view-host .rd-commitment-table td', (td) => parseFloat(getComputedStyle(td).fontSize));
    assert.equal(cell, 1.5 * 0.9375 * normal.page, 'the commitment table at 150 % too');
    await page.click('#view-host button[data-layout="rows"]');
    // Compared again (an edit): the new view keeps the size.
    await page.fill('#text-b', `${await page.inputValue('#text-b')}\nThe ministers will meet again.`);
    await page.waitForFunction(() => [...document.querySelectorAll('#view-host .rd-sentence[data-side="b"] .rd-text')]
      .some((text) => text.textContent === 'The ministers will meet again.'), null, { timeout: 30_000 });
    await settled(page);
    assert.deepEqual(await pressed(), ['Largest']);
    assert.equal((await measure()).text, 1.5 * normal.page);
    await page.click('#view-host button[data-text-size="normal"]');
    assert.equal((await measure()).text, normal.page);
  });

  test('a narrow screen (390×844): paired cards, no nested scrollers, a tap brings the counterpart into view', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const report = await engineReport();
    await viewShows(report);
    const nestedScrollers = () => page.evaluate(() => [...document.querySelectorAll('#view-host *')].filter((el) => {
      const style = getComputedStyle(el);
      return /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
    }).map((el) => el.className));
    assert.deepEqual(await nestedScrollers(), [], 'nothing in the view scrolls on its own');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'no sideways scrolling');
    // A card: A's sentence above B's, both as wide as the screen allows.
    const link = report.links.find((l) => l.a.length === 1 && l.b.length === 1);
    const { box: aBox } = await boxInView(sentenceSelector('a', link.a[0]));
    const bBox = await page.locator(sentenceSelector('b', link.b[0])).boundingBox();
    assert.ok(aBox.y + aBox.height <= bBox.y, 'A above B in one card');
    assert.ok(aBox.width > 300 && bBox.width > 300, 'each sentence has the width of the screen');
    // Tap A while only its top shows at the bottom of the screen: its counterpart comes into view.
    await page.evaluate(([id, offset]) => {
      const box = document.getElementById(id).getBoundingClientRect();
      window.scrollBy(0, box.top - (window.innerHeight - offset));
    }, [`rd-a${link.a[0]}`, 60]);
    await page.locator(sentenceSelector('a', link.a[0])).click({ position: { x: 40, y: 20 } });
    await page.waitForFunction((id) => {
      const box = document.getElementById(id).getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }, `rd-b${link.b[0]}`, { timeout: 3000 });
    await page.locator(sentenceSelector('a', link.a[0])).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('view-narrow.png') });

    // The document-order layout stacks the columns, again without nested scrollers; tapping a B
    // sentence brings its A counterpart (far above) into view.
    await page.click('#view-host button[data-layout="columns"]');
    await viewShows(report);
    assert.deepEqual(await nestedScrollers(), [], 'the stacked columns do not scroll on their own');
    const deep = report.links.slice().sort((x, y) => y.b[0] - x.b[0])[0];
    await page.locator(sentenceSelector('b', deep.b[0])).scrollIntoViewIfNeeded();
    await page.locator(sentenceSelector('b', deep.b[0])).click({ position: { x: 40, y: 20 } });
    await page.waitForFunction((id) => {
      const box = document.getElementById(id).getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    }, `rd-a${deep.a[0]}`, { timeout: 3000 });
  });

  test('dark colour scheme: dark page, readable sentences; every control in the results at least 24 px', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 390, height: 844 });
    const report = await engineReport();
    await viewShows(report);
    const colours = await page.evaluate(() => {
      const rgb = (value) => value.match(/[\d.]+/g).slice(0, 3).map(Number);
      const luminance = ([r, g, b]) => {
        const linear = (c) => { const v = c / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
      };
      const contrast = (x, y) => { const [l1, l2] = [luminance(x), luminance(y)].sort((p, q) => q - p); return (l1 + 0.05) / (l2 + 0.05); };
      const page = luminance(rgb(getComputedStyle(document.body).backgroundColor));
      const sentences = [...document.querySelectorAll('#view-host .rd-sentence')].map((el) =>
        contrast(rgb(getComputedStyle(el.querySelector('.rd-text')).color), rgb(getComputedStyle(el).backgroundColor)));
      return { page, lowest: Math.min(...sentences) };
    });
    assert.ok(colours.page < 0.05, `a dark page (luminance ${colours.page})`);
    assert.ok(colours.lowest >= 4.5, `every sentence's text meets 4.5:1 on its background (lowest ${colours.lowest.toFixed(2)})`);
    const small = await page.evaluate(() => [...document.querySelectorAll('#results button, #results summary, #results input, #results label.check')]
      // A checkbox's target is its whole label (label.check, measured itself).
      .filter((el) => !(el.matches('input') && el.closest('label')))
      .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => [el.textContent.trim().slice(0, 30) || el.id, el.getBoundingClientRect()])
      .filter(([, box]) => box.width < 24 || box.height < 24)
      .map(([name, box]) => `${name} ${Math.round(box.width)}×${Math.round(box.height)}`));
    assert.deepEqual(small, [], 'targets of at least 24 × 24 px');
  });

  test('exports are named after the readouts and the day; Markdown escapes only markup; CSVs of every sentence and commitment; print header', async () => {
    const report = await engineReport();
    await viewShows(report);
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const stem = `readout-diff_2020-09-10_moscow_in-cn_fm_mea_en_vs_2021-07-14_dushanbe_in-cn_fm_mea-seed_hi_${today}`;
    const download = async (kind) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
      return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
    };
    const markdown = await download('markdown');
    assert.equal(markdown.name, `${stem}.md`);
    assert.equal((await download('json')).name, `${stem}.json`);
    const title = markdown.text.split('\n')[0];
    assert.equal(title, '# Readout comparison: 2020-09-10_moscow_in-cn_fm_mea_en.txt → 2021-07-14_dushanbe_in-cn_fm_mea-seed_hi.txt');
    assert.ok(markdown.text.includes('Shanghai Cooperation Organisation (SCO)'), 'brackets are not escaped');
    assert.doesNotMatch(markdown.text, /\\\(/);
    // Every commitment the engine counts as new or dropped is listed under its heading.
    const c = report.summary.commitments;
    assert.ok(markdown.text.includes(`## New commitments in B (${c.new})`), 'new commitments, as the engine counts them');
    assert.ok(markdown.text.includes(`## Commitments dropped since A (${c.dropped})`));

    const sentences = await download('sentences-csv');
    assert.equal(sentences.name, `${stem}.sentences.csv`);
    const sentenceRows = parseCsv(sentences.text.slice(1));
    assert.deepEqual(sentenceRows[0].slice(0, 3), ['sentence', 'side', 'status']);
    const expected = ['a', 'b'].flatMap((side) => report[side].sentences.map((s) => [side, s]));
    assert.equal(sentenceRows.length - 1, expected.length, 'one row per sentence of both readouts');
    const textColumn = sentenceRows[0].indexOf('text');
    expected.forEach(([side, sentence], i) => {
      const row = sentenceRows[i + 1];
      assert.equal(row[0], `${side.toUpperCase()}${sentence.id + 1}`);
      assert.equal(row[2], sentence.status === 'kept' ? sentence.relation : sentence.status);
      assert.equal(row[textColumn].replace(/^'/, ''), sentence.text);
    });

    const commitments = await download('commitments-csv');
    assert.equal(commitments.name, `${stem}.commitments.csv`);
    const commitmentRows = parseCsv(commitments.text.slice(1));
    assert.equal(commitmentRows.length - 1, report.commitments.length, 'one row per commitment of either side');
    const fateColumn = commitmentRows[0].indexOf('fate');
    report.commitments.forEach((entry, i) => {
      assert.equal(commitmentRows[i + 1][0], `${entry.side.toUpperCase()}${entry.sentence + 1}`);
      assert.equal(commitmentRows[i + 1][fateColumn], entry.fate);
    });

    // Printed, a header names both readouts and the day; on screen it is not shown.
    assert.equal(await page.isVisible('#print-header'), false);
    await page.emulateMedia({ media: 'print' });
    const header = await page.locator('#print-header').innerText();
    assert.ok(await page.isVisible('#print-header'));
    assert.ok(header.includes('2020-09-10_moscow_in-cn_fm_mea_en.txt') && header.includes('2021-07-14_dushanbe_in-cn_fm_mea-seed_hi.txt') && header.includes(today), header);
    await page.emulateMedia({ media: 'screen' });

    // Markup typed into a readout is escaped, and only that. (Typed over, the files' names go.)
    await page.fill('#text-a', 'The sides agreed on *two* points, see [the annex](http://example.org), `code` & <b>bold</b>.');
    await page.fill('#text-b', 'The sides agreed on two points under the 2020_moscow_accord.');
    await page.waitForFunction(() => document.querySelector('#view-host .rd-sentence[data-side="a"] .rd-text')?.textContent.includes('*two*'));
    await settled(page);
    const typed = await download('markdown');
    assert.equal(typed.name, `readout-diff_Readout-A_vs_Readout-B_${today}.md`);
    assert.ok(typed.text.includes('The sides agreed on \\*two\\* points, see \\[the annex](http://example.org), \\`code\\` & \\<b>bold\\</b>.'), typed.text);
    assert.ok(typed.text.includes('2020_moscow_accord'), 'an underscore inside a word stays as it is');
  });

  test('filters by status and side with counts, search in both texts, a jump list of changes', async () => {
    const report = await engineReport();
    await viewShows(report);
    const all = ['a', 'b'].flatMap((side) => report[side].sentences.map((s) => ({ side, ...s })));
    const total = all.length;
    const status = (s) => (s.status === 'kept' ? s.relation : s.status);
    const shownText = () => page.locator('#view-host .rd-shown').innerText();
    const visibleSentences = () => page.$$eval('#view-host .rd-sentence', (items) => items.filter((el) => el.getClientRects().length)
      .map((el) => ({ side: el.dataset.side, status: el.dataset.status, text: el.querySelector('.rd-text').textContent })));
    assert.equal(await shownText(), `${total} of ${total} sentences shown`);

    // Only new sentences.
    const box = (label) => page.locator('#view-host .rd-filters label', { hasText: label }).locator('input');
    for (const label of ['Repeated', 'Modified', 'Dropped']) await box(label).uncheck();
    const newCount = all.filter((s) => status(s) === 'new').length;
    assert.equal(await shownText(), `${newCount} of ${total} sentences shown`);
    assert.ok(await page.locator('#view-host .rd-filters').innerText().then((t) => t.includes(`New (${newCount})`)), 'each status box says how many');
    const onlyNew = await visibleSentences();
    assert.equal(onlyNew.length, newCount);
    for (const s of onlyNew) assert.equal(s.status, 'new');
    for (const label of ['Repeated', 'Modified', 'Dropped']) await box(label).check();

    // One side only.
    await page.selectOption('#view-host select', 'a');
    assert.equal(await shownText(), `${report.a.sentences.length} of ${total} sentences shown`);
    for (const s of await visibleSentences()) assert.equal(s.side, 'a');
    await page.selectOption('#view-host select', 'both');

    // A search finds its words in both readouts (typing n or p in the box types them).
    const query = '2020';
    const matching = all.filter((s) => s.text.toLowerCase().includes(query));
    assert.ok(matching.some((s) => s.side === 'a') && matching.some((s) => s.side === 'b'), 'the words are in both readouts');
    await page.fill('#view-host input[type="search"]', query);
    assert.equal(await shownText(), `${matching.length} of ${total} sentences shown`);
    const found = await visibleSentences();
    assert.deepEqual(found.map((s) => s.text).sort(), matching.map((s) => s.text).sort());
    await page.locator('#view-host input[type="search"]').press('n');
    assert.equal(await page.inputValue('#view-host input[type="search"]'), `${query}n`);
    await page.fill('#view-host input[type="search"]', '');
    assert.equal(await shownText(), `${total} of ${total} sentences shown`);

    // The jump list: every change once, each a button to its sentence.
    const summary = page.locator('#view-host .rd-jump > summary');
    await summary.click();
    await page.locator('#view-host .rd-jump-button').first().waitFor();
    const stops = await page.locator('#view-host .rd-jump-button').count();
    assert.ok(stops > 0);
    assert.equal(await summary.innerText(), `Jump to a change (${stops})`);
    const last = page.locator('#view-host .rd-jump-button').last();
    const ref = (await last.locator('.rd-ref').innerText()).trim();
    await last.click();
    const focused = await page.evaluate(() => ({ ref: document.activeElement.querySelector('.rd-ref')?.textContent, box: document.activeElement.getBoundingClientRect().toJSON() }));
    assert.equal(focused.ref, ref, 'the button focuses its sentence');
    assert.ok(focused.box.top >= 0 && focused.box.top < page.viewportSize().height, 'and brings it on screen');
  });

  test('n stops once per linked group; Tab goes from side to side, never to Evidence', async () => {
    const report = await engineReport();
    await viewShows(report);
    // Linked groups: links joined through shared sentences (worked out here from the report).
    const groupOf = new Map();
    for (const link of report.links) {
      const keys = [...link.a.map((id) => `a${id}`), ...link.b.map((id) => `b${id}`)];
      const merged = new Set(keys.flatMap((key) => [...(groupOf.get(key) ?? [key])]));
      for (const key of merged) groupOf.set(key, merged);
    }
    const changed = new Set();
    for (const link of report.links) if (link.relation === 'modified') changed.add(groupOf.get(`a${link.a[0]}`));
    const expectedStops = changed.size + report.a.sentences.filter((s) => s.status === 'dropped').length +
      report.b.sentences.filter((s) => s.status === 'new').length;
    assert.ok(report.links.some((l) => l.b.length > 1 && l.relation === 'modified'), 'the example has a group of several sentences');

    await page.click('h1');
    const visited = [];
    for (let i = 0; i < expectedStops; i += 1) {
      await page.keyboard.press('n');
      visited.push(await page.evaluate(() => document.activeElement.id));
    }
    assert.equal(new Set(visited).size, expectedStops, `each change once: ${visited.join(' ')}`);
    const groupsVisited = visited.map((id) => {
      const key = id.replace(/^rd-/, '');
      return groupOf.get(key) ?? key;
    });
    assert.equal(new Set(groupsVisited).size, expectedStops, 'never twice in one linked group');
    await page.keyboard.press('n');
    assert.equal(await page.evaluate(() => document.activeElement.id), visited[0], 'then round again');

    // Tab from A's tab stop lands on B's: Evidence disclosures and near misses are not tab stops.
    await page.locator('#view-host .rd-sentence[data-side="a"][tabindex="0"]').focus();
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => ({ side: document.activeElement.dataset.side, role: document.activeElement.getAttribute('role') }));
    assert.deepEqual(next, { side: 'b', role: 'listitem' });
  });

  test('ReadoutDiff.render as docs/page.md shows it: the view, its layouts, n/p when the host wires them', async () => {
    const shown = await page.evaluate(async () => {
      const report = await ReadoutDiff.compare('India and China agreed to continue talks. The meeting was frank.', 'India and China agreed to continue talks. They will meet again.');
      const out = document.createElement('div');
      out.id = 'out';
      document.body.prepend(out);
      const view = ReadoutDiff.render(report, document.querySelector('#out'));  // the view (needs view.css)
      view.setLayout('columns');                                    // 'rows' (default), 'columns', 'commitments'
      document.addEventListener('keydown', (event) => view.handleKey(event));  // n/p if you want them
      await view.ready;
      return { sentences: report.a.sentences.length + report.b.sentences.length, layout: view.layout };
    });
    assert.equal(shown.layout, 'columns');
    const a = await page.locator('#out .rd-sentence[data-side="a"]').first().boundingBox();
    const b = await page.locator('#out .rd-sentence[data-side="b"]').first().boundingBox();
    assert.ok(a.x + a.width <= b.x, 'column A beside column B');
    assert.equal(await page.locator('#out .rd-sentence').count(), shown.sentences);
    assert.equal(await page.getAttribute('#out button[data-layout="columns"]', 'aria-pressed'), 'true');
    await page.locator('#out h3').first().click();
    await page.keyboard.press('n');
    assert.match(await page.evaluate(() => document.activeElement.closest('#out') ? document.activeElement.dataset.status : null), /^(modified|new|dropped)$/);
  });

  // The reviewed numbers come from the engine itself, asked with the same decision through the
  // API; what is checked is that the page shows them, and exports them, after the clicks.
  test('review by hand: a rejected link changes the summary, the commitment table and the exports; it stays after a reload; undo brings the engine\'s numbers back', async () => {
    const report = await engineReport();
    await viewShows(report);
    const ref = (side, id) => `${side.toUpperCase()}${id + 1}`;
    const counts = (summary) => {
      const c = summary.commitments;
      return `${c.repeated} repeated, ${c.modified} modified, ${c.new} new, ${c.dropped} dropped`;
    };
    const summaryLine = () => page.locator('#view-host .rd-summary').innerText();
    // A link whose A sentence's commitment it keeps: rejecting it must drop that commitment.
    const fateOf = (r, side, id) => r.commitments.find((c) => c.side === side && c.sentence === id);
    const rejected = report.links.find((l) => l.a.some((id) => ['repeated', 'modified'].includes(fateOf(report, 'a', id)?.fate) &&
      fateOf(report, 'a', id).counterparts.every((j) => l.b.includes(j))));
    assert.ok(rejected, 'the example has a link that carries a commitment');
    const committed = rejected.a.find((id) => fateOf(report, 'a', id));
    const statusBefore = await page.locator(sentenceSelector('a', committed)).getAttribute('data-status');
    const reviewed = await page.evaluate((link) => ReadoutDiff.compare(document.getElementById('text-a').value,
      document.getElementById('text-b').value, { review: [{ action: 'reject', a: link.a, b: link.b }] }), rejected);
    assert.equal(fateOf(reviewed, 'a', committed).fate, 'dropped');
    assert.notEqual(counts(reviewed.summary), counts(report.summary));
    assert.ok((await summaryLine()).endsWith(counts(report.summary)), await summaryLine());

    // Reject it from its evidence: the summary line follows, and the focus is on the Undo that
    // replaced the button.
    const bSentence = page.locator(sentenceSelector('b', rejected.b[0]));
    await bSentence.focus();
    await page.keyboard.press('Enter');
    await bSentence.getByRole('button', { name: 'Reject' }).click();
    await page.waitForFunction((text) => document.querySelector('#view-host .rd-summary')?.textContent.endsWith(text), counts(reviewed.summary));
    await page.waitForFunction(() => document.activeElement?.textContent === 'Undo');
    const aMeta = page.locator(`${sentenceSelector('a', committed)} > .rd-meta`);
    assert.ok((await aMeta.innerText()).includes(`✗ ${rejected.b.map((id) => ref('b', id)).join('+')} rejected by you`));
    assert.equal(await page.locator(sentenceSelector('a', committed)).getAttribute('data-status'), 'dropped');
    assert.match(await page.locator('#view-host .rd-review-summary').innerText(), /^Your review: 1 rejected\. The summary, the commitments and the exports follow it/);
    // The filter counts are the reviewed report's: A's dropped sentences as the engine counts them.
    assert.ok((await page.locator('#view-host .rd-filters').innerText()).includes(`Dropped (${reviewed.summary.a.dropped})`),
      await page.locator('#view-host .rd-filters').innerText());

    // The commitment table: the row of A's commitment now says Dropped.
    await page.click('#view-host button[data-layout="commitments"]');
    const row = page.locator('#view-host .rd-commitment-table tbody tr').filter({ has: page.locator(`td:first-child:text-is("${ref('a', committed)}")`) });
    assert.equal(await row.locator('td').nth(5).innerText(), 'Dropped');
    assert.ok((await page.locator('#view-host .rd-commitment-table caption').innerText()).endsWith(counts(reviewed.summary)));
    await page.click('#view-host button[data-layout="rows"]');

    // Exports: the Markdown and the CSVs follow the decision; the JSON has the engine's findings
    // as the engine made them and the decision apart, re-appliable.
    const download = async (kind) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
      return readFile(await file.path(), 'utf8');
    };
    const markdown = await download('markdown');
    assert.ok(markdown.includes(`**A: ${reviewed.summary.a.commitments} commitments, B: ${reviewed.summary.b.commitments} — ${counts(reviewed.summary)}**`), markdown.slice(0, 300));
    const droppedSection = markdown.split('\n## ').find((part) => part.startsWith('Commitments dropped since A'));
    assert.ok(droppedSection.includes(`(${ref('a', committed)}):`), droppedSection);
    assert.ok(markdown.includes(`## Your review (the counts above follow it) (1)\n\n- ${rejected.a.map((id) => ref('a', id)).join('+')} ↔ ${rejected.b.map((id) => ref('b', id)).join('+')}: rejected`));
    const commitmentRows = parseCsv((await download('commitments-csv')).slice(1));
    const fateColumn = commitmentRows[0].indexOf('fate');
    assert.equal(commitmentRows.find((r) => r[0] === ref('a', committed))[fateColumn], 'dropped');
    const linkRows = parseCsv((await download('csv')).slice(1));
    assert.equal(linkRows.length - 1, reviewed.links.length);
    assert.ok(!linkRows.some((r) => r[linkRows[0].indexOf('a_sentences')] === rejected.a.map((id) => ref('a', id)).join(' ') &&
      r[linkRows[0].indexOf('b_sentences')] === rejected.b.map((id) => ref('b', id)).join(' ')), 'the rejected link is not in the links CSV');
    const { review, ...engineFindings } = JSON.parse(await download('json'));
    assert.deepEqual(engineFindings, report, 'the JSON export holds the engine\'s own findings');
    assert.deepEqual(review, [{
      decision: { action: 'reject', a: rejected.a, b: rejected.b, a_text: rejected.a.map((id) => report.a.sentences[id].text), b_text: rejected.b.map((id) => report.b.sentences[id].text) },
      applied: true, reason: null,
    }]);
    const reapplied = await page.evaluate((decisions) => ReadoutDiff.compare(document.getElementById('text-a').value,
      document.getElementById('text-b').value, { review: decisions }), review.map((entry) => entry.decision));
    assert.deepEqual(reapplied.summary, reviewed.summary, 'the exported decisions re-apply');
    // The static HTML report is the reviewed one too.
    const htmlReport = await download('html');
    assert.ok(htmlReport.includes(counts(reviewed.summary)), 'the HTML report counts as the review decided');
    assert.ok(!htmlReport.includes(counts(report.summary)), 'and not as the engine alone did');
    assert.ok(htmlReport.includes('rejected by you'), 'and marks the rejected link');
    assert.ok(htmlReport.includes('Your review: 1 rejected.'), 'and says the counts follow the review');

    // Kept with the texts (when the reader asks), and applied again after a reload.
    await page.check('#keep-texts');
    const storedReview = () => JSON.parse(localStorage.getItem('readout-diff:texts:v1') ?? 'null')?.review?.length === 1;
    await page.waitForFunction(storedReview);
    await page.reload();
    await settled(page);
    await viewShows(reviewed);
    await page.waitForFunction((text) => document.querySelector('#view-host .rd-summary')?.textContent.endsWith(text), counts(reviewed.summary));
    assert.ok((await aMeta.innerText()).includes('rejected by you'), 'the decision survives a reload');

    // Undo: the engine's own numbers again, and nothing left to store.
    await page.locator(sentenceSelector('a', committed)).getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction((text) => document.querySelector('#view-host .rd-summary')?.textContent.endsWith(text), counts(report.summary));
    assert.equal(await page.locator(sentenceSelector('a', committed)).getAttribute('data-status'), statusBefore);
    assert.ok(await page.locator('#view-host .rd-review-summary').isHidden());
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('readout-diff:texts:v1') ?? 'null')?.review === undefined);
  });

  test('review by hand: linking a near miss makes its commitments count, as the engine accounts them; unlinking undoes it', async () => {
    const report = await engineReport();
    await viewShows(report);
    const lonely = report.a.sentences.find((s) => s.status === 'dropped' && s.commitment && s.possible_counterparts.length);
    assert.ok(lonely, 'the example has a dropped commitment with a near miss');
    const target = lonely.possible_counterparts[0].sentence;
    const summaryText = () => page.locator('#view-host .rd-summary').innerText();
    const reviewed = await page.evaluate(([a, b]) => ReadoutDiff.compare(document.getElementById('text-a').value,
      document.getElementById('text-b').value, { review: [{ action: 'link', a: [a], b: [b], relation: 'modified' }] }), [lonely.id, target]);
    const fate = reviewed.commitments.find((c) => c.side === 'a' && c.sentence === lonely.id).fate;
    assert.notEqual(fate, 'dropped');
    await page.locator(sentenceSelector('a', lonely.id)).getByRole('button', { name: 'Link them' }).click();
    const c = reviewed.summary.commitments;
    await page.waitForFunction((text) => document.querySelector('#view-host .rd-summary')?.textContent.endsWith(text),
      `${c.repeated} repeated, ${c.modified} modified, ${c.new} new, ${c.dropped} dropped`);
    const aSentence = page.locator(sentenceSelector('a', lonely.id));
    assert.equal(await aSentence.getAttribute('data-status'), 'modified');
    assert.ok((await aSentence.locator('> .rd-meta').innerText()).includes(`↔ B${target + 1} linked by you`));
    await aSentence.focus();
    await page.keyboard.press('Enter');
    const evidence = await aSentence.locator('.rd-evidence').innerText();
    assert.match(evidence, new RegExp(`Modified with B${target + 1}( \\(across languages\\))?, as you decided`), evidence);

    // Called repeated instead (the relation in its evidence), the link counts as the engine says.
    const asRepeated = await page.evaluate(([a, b]) => ReadoutDiff.compare(document.getElementById('text-a').value,
      document.getElementById('text-b').value, { review: [{ action: 'link', a: [a], b: [b], relation: 'repeated' }] }), [lonely.id, target]);
    await aSentence.locator('.rd-evidence select').selectOption('repeated');
    await page.waitForFunction((text) => document.querySelector('#view-host .rd-summary-detail')?.textContent.endsWith(text),
      `${asRepeated.summary.links.repeated} repeated and ${asRepeated.summary.links.modified} modified links`);
    await page.waitForFunction((id) => document.querySelector(`#view-host #rd-a${id}`)?.dataset.status === 'repeated', lonely.id);
    assert.match(await page.locator('#view-host .rd-review-summary').innerText(), /^Your review: 1 linked by hand\./);

    // Accepting an engine link changes no count and is marked.
    const [accepted] = report.links;
    const before = await summaryText();
    const bAccepted = page.locator(sentenceSelector('b', accepted.b[0]));
    await bAccepted.focus();
    await page.keyboard.press('Enter');
    await bAccepted.getByRole('button', { name: 'Accept' }).click();
    await page.waitForFunction(() => /1 accepted/.test(document.querySelector('#view-host .rd-review-summary')?.textContent ?? ''));
    await page.waitForFunction(() => !document.getElementById('status').classList.contains('busy'));
    assert.ok((await bAccepted.locator('> .rd-meta').innerText()).includes(`✓ A${accepted.a[0] + 1}`), 'marked as accepted');
    assert.equal(await summaryText(), before);

    await aSentence.locator('.rd-review-mark').getByRole('button', { name: 'Unlink' }).click();
    await page.waitForFunction((id) => document.querySelector(`#view-host #rd-a${id}`)?.dataset.status === 'dropped', lonely.id);
    await page.locator(sentenceSelector('b', accepted.b[0])).focus();
    await page.keyboard.press('Enter');
    await page.locator(sentenceSelector('b', accepted.b[0])).getByRole('button', { name: 'Accept' }).click();
    await page.waitForFunction(() => document.querySelector('#view-host .rd-review-summary')?.hidden === true);
  });

  // Issue 12's budget on a view of over a thousand sentences a side. It failed (100-115 ms, a
  // frame's style recalculation: Chromium updating the list counters of every sentence) until the
  // sentences were laid out as blocks, not list items; docs/performance.md.
  // Compares the texts in the boxes again and returns the main thread's long tasks (ms) while the
  // new view of `report` is built.
  async function longTasksComparingAgain(report) {
    await page.evaluate(() => {
      window.viewLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.viewLongTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
      document.getElementById('compare').click();
    });
    await page.waitForFunction(() => document.getElementById('status-text').textContent.startsWith('Compared'));
    await viewShows(report);
    await page.waitForTimeout(500);  // the observer reports a task after it ends
    return page.evaluate(() => window.viewLongTasks);
  }

  test('a 1,000-sentence pair is built without freezing the page: no task over 100 ms', async () => {
    // Every corpus readout five times over, against the same readouts in other orders.
    const texts = readdirSync(corpusDir).filter((name) => name.endsWith('.txt')).sort().map(corpusText);
    const rotated = (k) => [...texts.slice(k), ...texts.slice(0, k)];
    const a = [0, 3, 6, 9, 12].flatMap(rotated).join('\n\n');
    const b = [4, 7, 10, 13, 1].flatMap((k) => rotated(k).reverse()).join('\n\n');
    await setTexts(a, b);
    const report = await engineReport();
    assert.ok(report.a.sentences.length >= 1000 && report.b.sentences.length >= 1000,
      `a thousand sentences a side (${report.a.sentences.length}, ${report.b.sentences.length})`);
    await viewShows(report);
    const longTasks = await longTasksComparingAgain(report);
    assert.ok(longTasks.every((ms) => ms <= 100), `main-thread tasks while comparing and building the view: ${JSON.stringify(longTasks)} ms`);
  });

  // Issue 12's budget where a row holds hundreds of sentences: every corpus readout 25 times over
  // (each sentence in 25 copies a side, whose links join into rows of 50 to 150 sentences). A block
  // of 20 rows then held a thousand sentences and each frame filling one in view was 120-220 ms of
  // layout until blocks were bounded by sentences and a long row's sides cut into blocks.
  test('rows of a hundred sentences and more are built without freezing the page; keys and search still reach their sentences', async () => {
    const { a, b } = repeatedCorpusPair(corpusDir, 25);
    await setTexts(a, b);
    const report = await engineReport();
    await viewShows(report);
    const rowSizes = await page.$$eval('#view-host .rd-row', (rows) => rows.map((row) => row.querySelectorAll('.rd-sentence').length));
    assert.ok(Math.max(...rowSizes) >= 100, `a row holds a hundred sentences or more (largest ${Math.max(...rowSizes)} of ${rowSizes.length} rows)`);
    const longTasks = await longTasksComparingAgain(report);
    assert.ok(longTasks.every((ms) => ms <= 100), `main-thread tasks while comparing and building the view: ${JSON.stringify(longTasks)} ms`);

    // The last A sentence of the longest row, far below anything drawn so far: focused, then
    // Right Arrow goes to its counterpart, which is brought into view.
    const lastA = await page.$$eval('#view-host .rd-row', (rows) => {
      const longest = rows.reduce((x, y) => (y.querySelectorAll('.rd-sentence').length > x.querySelectorAll('.rd-sentence').length ? y : x));
      return Number([...longest.querySelectorAll('.rd-sentence[data-side="a"]')].at(-1).dataset.id);
    });
    const counterparts = report.links.filter((link) => link.a.includes(lastA)).flatMap((link) => link.b);
    assert.ok(counterparts.length > 0, `A${lastA + 1} is linked`);
    await page.locator(sentenceSelector('a', lastA)).focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => ({ side: document.activeElement.dataset.side, id: Number(document.activeElement.dataset.id) }));
    assert.equal(focused.side, 'b');
    assert.ok(counterparts.includes(focused.id), `B${focused.id + 1} is a counterpart of A${lastA + 1} (${counterparts.map((id) => `B${id + 1}`)})`);
    const box = await page.locator(sentenceSelector('b', focused.id)).boundingBox();
    assert.ok(box.y >= 0 && box.y + 20 <= page.viewportSize().height, `B${focused.id + 1} is in the viewport (y ${Math.round(box.y)})`);

    // Find, in rows cut into blocks: the sentences with those words and no others, counted.
    const query = report.a.sentences[lastA].text;
    const matching = ['a', 'b'].flatMap((side) => report[side].sentences
      .filter((s) => s.text.toLocaleLowerCase().includes(query.toLocaleLowerCase())).map((s) => `${side}${s.id}`));
    assert.ok(matching.length >= 25, `the sentence's copies (${matching.length})`);
    await page.fill('#rd-search', query);
    const total = report.a.sentences.length + report.b.sentences.length;
    await page.waitForFunction((text) => document.querySelector('#view-host .rd-shown')?.textContent === text, `${matching.length} of ${total} sentences shown`);
    const shown = await page.$$eval('#view-host .rd-sentence', (items) => items.filter((el) => !el.closest('[hidden]'))
      .map((el) => `${el.dataset.side}${el.dataset.id}`));
    assert.deepEqual(shown.sort(), [...matching].sort());
    const first = page.locator(sentenceSelector(matching[0][0], Number(matching[0].slice(1))));
    await first.scrollIntoViewIfNeeded();
    assert.ok(await first.isVisible(), 'a match can be scrolled to and seen');
  });
});
