// Files to take away from a series: a CSV (thread × readout), a Markdown "what changed across the
// series" summary for a story draft, and a static HTML timeline with no script. Pure functions of
// the series model (series-model.js); threads and readouts count from 1, as on screen.
import { langOf } from './dom.js';
import { csvCell, escapeMarkdown } from './exporters.js';
import { serializeStaticDocument, staticDocument } from './report-html.js';
import { CELL_STATUS, readoutLabel, seriesSummaryLine } from './series-model.js';
import { renderSeriesLegend, renderSeriesMatrix } from './series-matrix.js';

// One row per thread: its number, whether it is a commitment, its first and last readout, its
// first wording, then one column per readout (empty before the first mention).
export function seriesCsv(model) {
  const header = ['thread', 'commitment', 'first', 'last', 'text', ...model.readouts.map((readout) => readout.name)];
  const rows = model.rows.map((row) => [
    row.number, row.commitment ? 'yes' : 'no', row.first + 1, row.last + 1, row.wording,
    ...row.cells.map((cell) => (cell.status === 'before' ? '' : cell.status)),
  ]);
  // The byte order mark makes spreadsheet programs read the file as UTF-8 (Devanagari intact).
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function threadTitle(row) {
  return `Thread ${row.number}${row.commitment ? ' (commitment)' : ''}`;
}

function quote(text) {
  return `“${escapeMarkdown(text)}”`;
}

function markdownReadout(model, r) {
  return `readout ${r + 1} (${escapeMarkdown(model.readouts[r].name)})`;
}

export function seriesMarkdown(model) {
  const final = model.readouts.length - 1;
  const lines = [
    '# What changed across the series', '',
    `**${escapeMarkdown(seriesSummaryLine(model))}.**`, '',
    '| # | readout | language | sentences | commitments |', '|--:|---|---|--:|--:|',
    ...model.readouts.map((r) => `| ${r.number} | ${escapeMarkdown(r.name)} | ${r.language} | ${r.sentences} | ${r.commitments} |`),
  ];
  section(lines, 'Changed wording', 'None: every point that recurs is repeated as it was.',
    model.rows.filter((row) => row.changed).map((row) => [
      `- **${threadTitle(row)}**, first in ${markdownReadout(model, row.first)}: ${quote(row.wording)}`,
      ...row.occurrences.filter((o) => o.relation === 'modified').map((o) =>
        `  - modified in ${markdownReadout(model, o.readout)}${o.changes.length ? ` (${o.changes.join(', ')})` : ''}: ${quote(o.text)}`),
    ].join('\n')));
  section(lines, 'No longer mentioned in the final readout', 'None: every point that recurs is still in the final readout.',
    model.rows.filter((row) => row.last !== final).map((row) =>
      `- **${threadTitle(row)}**, last seen in ${markdownReadout(model, row.last)}: ${quote(row.occurrences.at(-1).text)}`));
  section(lines, 'Dropped, then resumed', 'None.',
    model.rows.filter((row) => row.gaps.length).map((row) =>
      `- **${threadTitle(row)}**, absent from readout ${row.gaps.map((gap) => gap + 1).join(', ')}: ${quote(row.wording)}`));
  section(lines, 'New in the final readout', 'None.',
    model.once.filter((point) => point.readout === final).map((point) =>
      `- ${point.commitment ? '(commitment) ' : ''}${quote(point.text)}`));
  lines.push('', `_Tracked offline with Readout Diff ${escapeMarkdown(model.version)}._`, '');
  return lines.join('\n');
}

function section(lines, title, none, items) {
  lines.push('', `## ${title}`, '', ...(items.length ? items : [none]));
}

// On top of the view stylesheet and series.css: page basics for a document read on its own.
const TIMELINE_CSS = `
body { margin: 0 auto; max-width: 90rem; padding: 1rem 1.5rem 3rem; color: #1b1f24; background: #fff;
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Devanagari", Mangal, "Nirmala UI", sans-serif; }
h1 { font-size: 1.5rem; margin: 0.5rem 0; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
.series-matrix-scroll { max-height: none; }
.series-timeline-list { margin: 0; padding-left: 1.5rem; }
.series-timeline-list li { margin: 0.2rem 0; }
`;

// styleText: the text of the view stylesheet and series.css (the glyphs' colours, the matrix layout).
export async function seriesTimelineHtml(model, { styleText, generatedAt = new Date() }) {
  const css = `${styleText}\n${TIMELINE_CSS}`;
  const title = `What changed across ${model.readouts.length} readouts`;
  const { doc, h } = await staticDocument({ title, css, version: model.version });
  doc.body.append(h('main', { class: 'rd-view series-timeline' },
    h('h1', {}, title),
    h('p', {}, `${seriesSummaryLine(model)}. Generated ${generatedAt.toISOString().slice(0, 10)} by Readout Diff, offline.`),
    h('h2', {}, 'Readouts'),
    h('ol', { class: 'series-timeline-list' }, model.readouts.map((r) => h('li', { lang: langOf(r.name) },
      `${r.name} (${r.language}, ${r.sentences} sentences, ${r.commitments} commitments)`))),
    h('h2', {}, 'Threads across the readouts'),
    renderSeriesLegend(doc),
    h('div', { class: 'series-matrix-scroll' }, renderSeriesMatrix(model, { doc })),
    h('h2', {}, 'Each thread, mention by mention'),
    model.rows.map((row) => h('section', { 'aria-labelledby': `timeline-heading-${row.id}` },
      h('h3', { id: `timeline-heading-${row.id}` }, threadTitle(row)),
      h('ol', { class: 'series-timeline-list' }, row.cells.filter((cell) => cell.status !== 'before').map((cell) => h('li', {},
        h('span', { class: `series-glyph series-status-${cell.status}`, 'aria-hidden': 'true' }, CELL_STATUS[cell.status].icon),
        ` ${readoutLabel(model, cell.readout)}: ${CELL_STATUS[cell.status].label}`,
        cell.occurrence?.changes.length ? ` (changed: ${cell.occurrence.changes.join(', ')})` : '',
        cell.occurrence ? [' — ', h('q', { lang: langOf(cell.occurrence.text) }, cell.occurrence.text)] : '')))))));
  return serializeStaticDocument(doc, css);
}
