// <readout-diff> inside a long article on a host page (served variant): moving the mouse over its
// sentences never scrolls the host page, in either sentence layout (issue 11, defect 3: the page
// jumped from scrollY 3321 to 650 and the sentence that landed under the mouse made it jump again).
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, servedDir, watchPage, serveDirectory } from './harness.mjs';

const corpusDir = join(process.env.READOUT_DIFF_SHARED ?? new URL('../../../shared', import.meta.url).pathname, 'corpus');
const corpusText = (name) => readFileSync(join(corpusDir, name), 'utf8');

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (name) => corpusText(name).split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');

// A long article (other readouts as its body text) with the element in the middle.
function articlePage() {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
<script type="module" src="/element.js"></script></head><body style="max-width:50rem;margin:auto;font-size:18px">
<h1>What changed between the two meetings</h1>
${['2022-07-07_bali_in-cn_fm_ani-lokmat-news_en.txt', '2023-06-19_beijing_us-cn_fm_state_en.txt', '2024-11-18_rio_in-cn_fm_theweek-news_en.txt'].map(paragraphs).join('\n')}
<readout-diff id="embedded"><pre slot="a">${escapeHtml(corpusText('2020-09-10_moscow_in-cn_fm_mea_en.txt'))}</pre>
<pre slot="b">${escapeHtml(corpusText('2021-07-14_dushanbe_in-cn_fm_mea-seed_hi.txt'))}</pre></readout-diff>
${['2023-02-18_munich_us-cn_fm_state-via-trend-tass_en.txt', '2024-07-27_vientiane_us-cn_fm_state-notecom_en.txt'].map(paragraphs).join('\n')}
</body></html>`;
}

let browser;
let site;
let page;
let problems;

before(async () => {
  browser = await launchBrowser();
  site = await serveDirectory(servedDir, { extraPages: { '/article.html': articlePage() } });
});
after(async () => {
  await browser?.close();
  await site?.close();
});
beforeEach(async () => {
  page = await browser.context.newPage();
  problems = await watchPage(page, { allowedOrigins: [site.origin] });
  await page.setViewportSize({ width: 1280, height: 800 });
});
afterEach(async () => {
  assert.deepEqual(problems.requests, [], 'requests only to the serving origin');
  assert.deepEqual(problems.errors, []);
  await page.close();
});

// Moves the mouse over every sentence of the element that is on screen, one after another, while
// the page is scrolled through the element by the test; returns how many were hovered and every
// change of scrollY that a hover caused.
async function hoverThrough() {
  const jumps = [];
  const hovered = new Set();
  // The element's height settles as its sentences render, so its end is measured at each step.
  const edges = () => page.evaluate(() => {
    const box = document.getElementById('embedded').getBoundingClientRect();
    return { top: box.top + window.scrollY, bottom: box.bottom + window.scrollY };
  });
  for (let y = (await edges()).top - 200; y < (await edges()).bottom; y += 400) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await page.waitForTimeout(50);
    const points = await page.evaluate(() => [...document.getElementById('embedded').shadowRoot.querySelectorAll('.rd-sentence')]
      .map((el) => [el.id, el.getBoundingClientRect()])
      .filter(([, box]) => box.height > 0 && box.top >= 0 && box.top + 24 <= window.innerHeight)
      .map(([id, box]) => [id, box.left + 20, box.top + 12]));
    for (const [id, x, cy] of points) {
      const before = await page.evaluate(() => window.scrollY);
      await page.mouse.move(x, cy, { steps: 2 });
      await page.waitForTimeout(60);  // past a smooth scroll's start, were there one
      const after = await page.evaluate(() => window.scrollY);
      hovered.add(id);
      if (after !== before) jumps.push(`${before} → ${after}`);
    }
  }
  return { hovered: hovered.size, jumps };
}

describe('<readout-diff> in a long article', () => {
  test('hovering its sentences never scrolls the host page, in aligned rows and in document order', async () => {
    await page.goto(`${site.origin}/article.html`);
    await page.waitForFunction(() => document.getElementById('embedded').shadowRoot?.querySelectorAll('.rd-sentence').length > 20);
    const sentences = await page.evaluate(() => document.getElementById('embedded').shadowRoot.querySelectorAll('.rd-sentence').length);
    const articleHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(articleHeight > 4 * 800, `a long article (${articleHeight} px)`);

    const rows = await hoverThrough();
    assert.equal(rows.hovered, sentences, 'every sentence hovered in the aligned rows');
    assert.deepEqual(rows.jumps, [], 'no hover in the aligned rows scrolled the page');

    await page.evaluate(() => document.getElementById('embedded').shadowRoot.querySelector('button[data-layout="columns"]').click());
    await page.waitForFunction(() => document.getElementById('embedded').shadowRoot.querySelector('.rd-columns .rd-sentence'));
    const columns = await hoverThrough();
    assert.equal(columns.hovered, sentences, 'every sentence hovered in the columns');
    assert.deepEqual(columns.jumps, [], 'no hover in the columns scrolled the page');
  });

  // Review by hand in the element as on the page: the engine applies the decision, and the
  // element's summary, its report and its sentences follow; a second click undoes it.
  test('a link rejected inside it is applied by the engine: its summary and report follow, and undo restores them', async () => {
    await page.goto(`${site.origin}/article.html`);
    await page.waitForFunction(() => document.getElementById('embedded').report && document.getElementById('embedded').shadowRoot.querySelectorAll('.rd-sentence').length > 20);
    const engine = await page.evaluate(() => document.getElementById('embedded').report);
    const counts = (summary) => {
      const c = summary.commitments;
      return `${c.repeated} repeated, ${c.modified} modified, ${c.new} new, ${c.dropped} dropped`;
    };
    const [link] = engine.links;
    const summaryLine = () => page.locator('#embedded .rd-summary').innerText();
    assert.ok((await summaryLine()).endsWith(counts(engine.summary)));
    const sentence = page.locator(`#embedded .rd-sentence[data-side="b"][data-id="${link.b[0]}"]`);
    await sentence.scrollIntoViewIfNeeded();
    await sentence.focus();
    await page.keyboard.press('Enter');
    // The click lands: pressing the button no longer scrolls the host page to the counterpart
    // before the release (it did, and the click went to the evidence list instead).
    await sentence.getByRole('button', { name: 'Reject' }).click();
    await page.waitForFunction(() => document.getElementById('embedded').report?.review?.length === 1);
    const reviewed = await page.evaluate(() => document.getElementById('embedded').report);
    assert.equal(reviewed.review[0].applied, true);
    assert.ok(!reviewed.links.some((l) => String(l.a) === String(link.a) && String(l.b) === String(link.b)), 'the link is gone from the report');
    await page.waitForFunction((text) => document.getElementById('embedded').shadowRoot.querySelector('.rd-summary')?.textContent.endsWith(text), counts(reviewed.summary));
    await page.locator(`#embedded .rd-sentence[data-side="b"][data-id="${link.b[0]}"]`).getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => !document.getElementById('embedded').report?.review);
    await page.waitForFunction((text) => document.getElementById('embedded').shadowRoot.querySelector('.rd-summary')?.textContent.endsWith(text), counts(engine.summary));
  });
});
