// Turns a report into files to take away: the JSON report itself, a Markdown summary for a story
// draft, and CSVs of the links, of every sentence and of every commitment. (The static HTML
// report is in report-html.js.) All pure functions of the report, so they are easy to test and
// never touch the network.
import {
  SIDES, createModel, sentenceStatus, sentenceRef, commitmentLabel, commitmentSummary, commitmentEntries,
  sentenceSummary, formatScore, formatPercent, STATUS_INFO, FATE_INFO, CHANGE_NAMES, BAND_INFO, bandOf, linksOf,
  possibleCounterpartsOf, showsWordDiff, spacedDiff,
} from './report-model.js';

// "readout-diff_2020-09-10_moscow_in-cn_fm_mea_en_vs_readout-b_2026-12-03.md": the readouts' names
// (file names without their extension, or "readout-a"/"readout-b") and the day of the export.
export function exportFileName(names, date, extension) {
  const part = (name, side) => {
    const base = String(name ?? '').replace(/\.[A-Za-z0-9]{1,5}$/, '').normalize('NFC');
    const safe = base.replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60);
    return safe || `readout-${side}`;
  };
  return `readout-diff_${part(names.a, 'a')}_vs_${part(names.b, 'b')}_${localDate(date)}.${extension}`;
}

// YYYY-MM-DD in the reader's own time zone: the day they made the export.
export function localDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// The engine's report as it made it without the analyst's decisions, with the decisions (if any)
// in a section of their own, `review`: the reviewed report's, each decision with whether the
// engine applied it. A reader tells the engine's findings from the analyst's at a glance, and a
// later run re-applies the decisions (the review option: each entry's `decision`; docs/page.md).
export function reportJson(engineReport, review = null) {
  return `${JSON.stringify(review ? { ...engineReport, review } : engineReport, null, 2)}\n`;
}

// names: {a, b}: how the two readouts are called (file names, or "Readout A"). The commitment
// sections follow the engine's own accounting (report.commitments), never a recount: of the
// reviewed report when the analyst made decisions (report.review), listed at the end.
export function markdownSummary(report, names) {
  const model = createModel(report);
  const lines = [
    `# Readout comparison: ${escapeMarkdown(names.a)} → ${escapeMarkdown(names.b)}`,
    '',
    `**${commitmentSummary(report.summary)}**`,
    '',
    sentenceSummary(report.summary),
  ];
  const entries = commitmentEntries(model);
  const withFate = (side, fate) => entries.filter((e) => e.side === side && e.fate === fate && e.sentence);

  section(lines, 'New commitments in B', withFate('b', 'new').map((e) => commitmentItem(e)));
  section(lines, 'Commitments dropped since A', withFate('a', 'dropped').map((e) => commitmentItem(e)));
  section(lines, 'Commitments modified', withFate('a', 'modified').map((e) => commitmentItem(e)));
  section(lines, 'Commitments repeated', withFate('a', 'repeated').map((e) => commitmentItem(e)));
  section(lines, 'Modified sentences', report.links.filter((l) => l.relation === 'modified').map((l) => modifiedItem(model, l)));
  section(lines, 'Other new sentences in B', model.sentences.b
    .filter((s) => !s.commitment && sentenceStatus(s) === 'new').map((s) => sentenceItem('b', s)));
  section(lines, 'Other sentences dropped since A', model.sentences.a
    .filter((s) => !s.commitment && sentenceStatus(s) === 'dropped').map((s) => sentenceItem('a', s)));
  section(lines, 'Your review (the counts above follow it)', (report.review ?? []).map((outcome) => reviewItem(model, outcome)));
  lines.push('', `_Compared offline with Readout Diff ${escapeMarkdown(report.engine?.version ?? '')}._`, '');
  return lines.join('\n');
}

function section(lines, title, items) {
  if (!items.length) return;
  lines.push('', `## ${title} (${items.length})`, '', ...items);
}

function commitmentItem(entry) {
  const item = [`- **${escapeMarkdown(commitmentLabel(entry.commitment))}** (${sentenceRef(entry.side, entry.sentence.id)}): ` +
    quote(entry.sentence.text)];
  const changes = entry.changes.map((c) => CHANGE_NAMES[c] ?? c);
  if (changes.length) item.push(`  - Changed: ${changes.join(', ')}`);
  for (const counterpart of entry.counterparts) {
    item.push(`  - ${sentenceRef(entry.counterpartSide, counterpart.id)}: ${quote(counterpart.text)}`);
  }
  return item.join('\n');
}

const REVIEW_ACTIONS = { accept: 'accepted', reject: 'rejected', relation: 'relation changed to', link: 'linked by hand as' };

function reviewItem(model, { decision, applied, reason }) {
  const refs = (side) => decision[side].map((id) => sentenceRef(side, id)).join('+');
  const textOf = (side) => decision[side].map((id) => model.byId[side].get(id)?.text ?? '').join(' ');
  const what = `${REVIEW_ACTIONS[decision.action] ?? decision.action}${decision.relation ? ` ${decision.relation}` : ''}`;
  return [`- ${refs('a')} ↔ ${refs('b')}: ${what}${applied ? '' : ` (not applied: ${escapeMarkdown(reason)})`}`,
    `  - A: ${quote(textOf('a'))}`, `  - B: ${quote(textOf('b'))}`].join('\n');
}

function sentenceItem(side, sentence) {
  return `- ${sentenceRef(side, sentence.id)}: ${quote(sentence.text)}`;
}

function modifiedItem(model, link) {
  const textOf = (side) => link[side].map((id) => model.byId[side].get(id)?.text ?? '').join(' ');
  const refs = (side) => link[side].map((id) => sentenceRef(side, id)).join('+');
  const lines = [
    `- ${refs('a')} → ${refs('b')} (${BAND_INFO[bandOf(link)].label}, score ${formatScore(link.score)}${link.cross_language ? ', across languages' : ''})`,
    `  - A: ${quote(textOf('a'))}`,
    `  - B: ${quote(textOf('b'))}`,
  ];
  if (showsWordDiff(link)) {
    const changes = spacedDiff(link.diff).map((op) => {
      const text = escapeMarkdown(op.text);
      if (!text.trim()) return text;
      if (op.op === 'delete') return `~~${text}~~`;
      if (op.op === 'insert') return `**${text}**`;
      return text;
    }).join('');
    lines.push(`  - Changes: ${changes}`);
  }
  return lines.join('\n');
}

function quote(text) {
  return `“${escapeMarkdown(text)}”`;
}

// Readout text is quoted literally: only what Markdown would read as markup in running text is
// escaped, so "(SCO)" and "2020-09-10_moscow" stay as they are. The text never starts a line
// (white space is folded), so line-start markup (#, >, -, +, 1.) cannot arise.
export function escapeMarkdown(text) {
  return String(text).replace(/\s+/g, ' ')
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')     // a backslash that would escape the next character
    .replace(/[`*~<]/g, '\\$&')                      // code, emphasis, strikethrough, HTML and autolinks
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')  // emphasis; an underscore inside a word is literal
    .replace(/\[/g, '\\[')                            // links and images
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');         // character references
}

const CSV_COLUMNS = [
  'link', 'relation', 'score', 'cross_language', 'decided_by', 'a_sentences', 'b_sentences', 'a_text', 'b_text',
  'a_commitment', 'b_commitment', 'shared_concepts', 'shared_stems', 'trigram_overlap',
];

// One row per link; sentence references are 1-based as on screen (A1 is a.sentences[0]).
export function linksCsv(report) {
  const model = createModel(report);
  const rows = report.links.map((link) => {
    const sentences = Object.fromEntries(SIDES.map((side) => [side, link[side].map((id) => model.byId[side].get(id)).filter(Boolean)]));
    const commitments = (side) => sentences[side].filter((s) => s.commitment).map((s) => commitmentLabel(s.commitment)).join('; ');
    return [
      link.id, STATUS_INFO[link.relation]?.label.toLowerCase() ?? link.relation, formatScore(link.score),
      link.cross_language ? 'yes' : 'no', link.decided_by,
      link.a.map((id) => sentenceRef('a', id)).join(' '), link.b.map((id) => sentenceRef('b', id)).join(' '),
      sentences.a.map((s) => s.text).join(' '), sentences.b.map((s) => s.text).join(' '),
      commitments('a'), commitments('b'),
      (link.evidence?.concepts ?? []).join('; '), (link.evidence?.shared_stems ?? []).join('; '),
      formatPercent(link.evidence?.trigram_overlap),
    ];
  });
  return csvFile(CSV_COLUMNS, rows);
}

export function csvCell(value) {
  let text = String(value ?? '');
  // A cell starting like a formula would be run by spreadsheet programs: make it plain text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const SENTENCE_COLUMNS = [
  'sentence', 'side', 'status', 'kind', 'paragraph', 'language', 'text', 'commitment', 'commitment_strength',
  'commitment_polarity', 'counterparts', 'bands', 'scores', 'possible_counterparts',
];

// One row per sentence of both readouts, A's then B's, in their own order.
export function sentencesCsv(report) {
  const model = createModel(report);
  const rows = SIDES.flatMap((side) => model.sentences[side].map((sentence) => {
    const links = linksOf(model, sentence);
    const other = side === 'a' ? 'b' : 'a';
    return [
      sentenceRef(side, sentence.id), side.toUpperCase(), sentenceStatus(sentence), sentence.kind, sentence.paragraph,
      sentence.language, sentence.text,
      sentence.commitment ? commitmentLabel(sentence.commitment) : '', sentence.commitment?.strength ?? '',
      sentence.commitment?.polarity ?? '',
      links.map((link) => link[other].map((id) => sentenceRef(other, id)).join('+')).join('; '),
      links.map((link) => bandOf(link)).join('; '),
      links.map((link) => formatScore(link.score)).join('; '),
      possibleCounterpartsOf(side, sentence).map((p) => `${sentenceRef(p.side, p.id)} ${formatScore(p.score)}`).join('; '),
    ];
  }));
  return csvFile(SENTENCE_COLUMNS, rows);
}

const COMMITMENT_COLUMNS = [
  'sentence', 'side', 'actor', 'cue', 'strength', 'polarity', 'fate', 'changes', 'text', 'counterparts', 'counterpart_text',
];

// One row per commitment of either side, as the engine accounts for it (report.commitments).
export function commitmentsCsv(report) {
  const model = createModel(report);
  const rows = commitmentEntries(model).filter((e) => e.sentence).map((entry) => [
    sentenceRef(entry.side, entry.sentence.id), entry.side.toUpperCase(),
    entry.commitment?.actor_label || entry.commitment?.actor || '', entry.commitment?.cue ?? '',
    entry.commitment?.strength ?? '', entry.commitment?.polarity ?? '',
    FATE_INFO[entry.fate]?.toLowerCase() ?? entry.fate, entry.changes.map((c) => CHANGE_NAMES[c] ?? c).join('; '),
    entry.sentence.text,
    entry.counterparts.map((s) => sentenceRef(entry.counterpartSide, s.id)).join(' '),
    entry.counterparts.map((s) => s.text).join(' '),
  ]);
  return csvFile(COMMITMENT_COLUMNS, rows);
}

// The byte order mark makes spreadsheet programs read the file as UTF-8 (Devanagari intact).
function csvFile(columns, rows) {
  return `\uFEFF${[columns, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
