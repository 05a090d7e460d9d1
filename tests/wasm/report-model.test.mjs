// web/report-model.js and web/exporters.js on their own, over reports the wasm engine writes for
// real readout pairs: the page reads every report field through these two modules.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import {
  alignedRows, changesInReadingOrder, counterpartsOf, createModel, diffOverText, sentenceStatus,
} from '../../web/report-model.js';
import { csvCell, linksCsv } from '../../web/exporters.js';
import { FILES, corpusText, createEngine } from './support.mjs';

const PAIRS = [
  [FILES.moscowEn, FILES.dushanbeEn],
  [FILES.munichCn, FILES.munichUs],
  [FILES.moldoHi, FILES.moldoEn],
  [FILES.moscowHi, FILES.dushanbeHi],
];

let reports;
before(async () => {
  const engine = await createEngine();
  reports = PAIRS.map(([a, b]) => ({ name: `${a} / ${b}`, report: JSON.parse(engine.compare(corpusText(a), corpusText(b), '')) }));
  for (const { name, report } of reports) assert.equal(report.error, undefined, `${name}: ${JSON.stringify(report.error)}`);
});

// A small RFC 4180 reader, written apart from the exporter, to read its CSV back.
function parseCsv(text) {
  const rows = [[]];
  let cell = '', quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { rows.at(-1).push(cell); cell = ''; rows.push([]); i += 1; }
    else cell += c;
  }
  if (rows.at(-1).length === 0 && cell === '') rows.pop(); else rows.at(-1).push(cell);
  return rows;
}

describe('report model', () => {
  test("a sentence's status is the engine's: dropped and new as written, else its relation", () => {
    for (const { name, report } of reports) {
      for (const side of ['a', 'b']) {
        for (const s of report[side].sentences) {
          const expected = s.status === 'kept' ? s.relation : s.status;
          assert.equal(sentenceStatus(s), expected, `${name} ${side}${s.id}`);
        }
      }
    }
  });

  test('counterparts are mutual: B j is a counterpart of A i exactly when A i is one of B j', () => {
    for (const { name, report } of reports) {
      const model = createModel(report);
      const pairs = (from) => new Set(model.sentences[from].flatMap((s) => counterpartsOf(model, from, s)
        .map((c) => (from === 'a' ? `${s.id}-${c.id}` : `${c.id}-${s.id}`))));
      assert.deepEqual([...pairs('a')].sort(), [...pairs('b')].sort(), name);
      assert.ok(pairs('a').size > 0, `${name}: no counterparts at all`);
    }
  });

  test('n/p stop once per changed row of the aligned view, and those rows hold every changed sentence', () => {
    for (const { name, report } of reports) {
      const model = createModel(report);
      const rows = alignedRows(model);
      const stops = changesInReadingOrder(rows);
      const rowOf = ({ side, id }) => rows.find((row) => row[side].includes(id));
      const stopRows = stops.map(rowOf);
      assert.equal(new Set(stopRows).size, stops.length, `${name}: one stop per row`);
      const inStopRows = new Set(stopRows.flatMap((row) => [...row.a.map((id) => `a${id}`), ...row.b.map((id) => `b${id}`)]));
      const changed = ['a', 'b'].flatMap((side) => report[side].sentences
        .filter((s) => s.status !== 'kept' || s.relation === 'modified').map((s) => `${side}${s.id}`));
      for (const sentence of changed) assert.ok(inStopRows.has(sentence), `${name}: ${sentence} is changed but n/p never reach it`);
      assert.deepEqual(stopRows, rows.filter((row) => stopRows.includes(row)), `${name}: stops in the rows' order`);
    }
  });

  test("a link's word diff laid over B's sentence spells that sentence exactly", () => {
    let laid = 0;
    for (const { name, report } of reports) {
      for (const link of report.links) {
        if (!link.diff.length || link.b.length !== 1) continue;
        const text = report.b.sentences[link.b[0]].text;
        const segments = diffOverText(link.diff, text);
        assert.ok(segments, `${name} link ${link.id}: the diff does not fit B's text`);
        assert.equal(segments.filter((s) => s.op !== 'delete').map((s) => s.text).join(''), text, `${name} link ${link.id}`);
        laid += 1;
      }
    }
    assert.ok(laid >= 5, `only ${laid} diffs laid over their sentences`);
  });
});

describe('exporters', () => {
  test("the links CSV reads back: one row per link with its sentences' texts and the trigram overlap", () => {
    for (const { name, report } of reports) {
      const csv = linksCsv(report);
      assert.ok(csv.startsWith('\uFEFF'), `${name}: no byte order mark`);
      const [header, ...rows] = parseCsv(csv.slice(1));
      assert.equal(rows.length, report.links.length, name);
      const column = (title) => header.indexOf(title);
      for (const [k, link] of report.links.entries()) {
        const row = rows[k];
        assert.equal(row.length, header.length, `${name} link ${link.id}: ragged row`);
        assert.equal(row[column('a_text')], link.a.map((id) => report.a.sentences[id].text).join(' '), `${name} link ${link.id}`);
        assert.equal(row[column('b_text')], link.b.map((id) => report.b.sentences[id].text).join(' '), `${name} link ${link.id}`);
        assert.equal(row[column('trigram_overlap')], `${Math.round(link.evidence.trigram_overlap * 100)}%`);
      }
    }
  });

  test('a CSV cell that a spreadsheet would run as a formula is written as plain text', () => {
    for (const formula of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)']) {
      const [[cell]] = parseCsv(csvCell(formula));
      assert.equal(cell, `'${formula}`);
    }
    assert.deepEqual(parseCsv(csvCell('He said, "agreed"')), [['He said, "agreed"']]);
  });
});
