// Turns a report into files to take away: the JSON report itself, a Markdown summary for a story
// draft and a CSV of the links. (The static HTML report is in report-html.js.) All pure functions
// of the report, so they are easy to test and never touch the network.
import {
  SIDES, createModel, sentenceStatus, sentenceRef, commitmentLabel, commitmentSummary,
  sentenceSummary, formatScore, formatPercent, STATUS_INFO, spacedDiff,
} from './report-model.js';

export function reportJson(report) {
  return `${JSON.stringify(report, null, 2)}\n`;
}

// names: {a, b}: how the two readouts are called (file names, or "Readout A").
export function markdownSummary(report, names) {
  const model = createModel(report);
  const lines = [
    `# Readout comparison: ${escapeMarkdown(names.a)} → ${escapeMarkdown(names.b)}`,
    '',
    `**${commitmentSummary(report.summary)}**`,
    '',
    sentenceSummary(report.summary),
  ];
  const commitmentsBy = (side, status) => model.sentences[side]
    .filter((s) => s.commitment && sentenceStatus(s) === status);

  section(lines, 'New commitments in B', commitmentsBy('b', 'new').map((s) => commitmentItem('b', s)));
  section(lines, 'Commitments dropped since A', commitmentsBy('a', 'dropped').map((s) => commitmentItem('a', s)));
  section(lines, 'Modified', report.links.filter((l) => l.relation === 'modified').map((l) => modifiedItem(model, l)));
  section(lines, 'Commitments repeated', commitmentsBy('b', 'repeated').map((s) => commitmentItem('b', s)));
  section(lines, 'Other new sentences in B', model.sentences.b
    .filter((s) => !s.commitment && sentenceStatus(s) === 'new').map((s) => sentenceItem('b', s)));
  section(lines, 'Other sentences dropped since A', model.sentences.a
    .filter((s) => !s.commitment && sentenceStatus(s) === 'dropped').map((s) => sentenceItem('a', s)));
  lines.push('', `_Compared offline with Readout Diff ${escapeMarkdown(report.engine?.version ?? '')}._`, '');
  return lines.join('\n');
}

function section(lines, title, items) {
  if (!items.length) return;
  lines.push('', `## ${title} (${items.length})`, '', ...items);
}

function commitmentItem(side, sentence) {
  return `- **${escapeMarkdown(commitmentLabel(sentence.commitment))}** (${sentenceRef(side, sentence.id)}): ` +
    quote(sentence.text);
}

function sentenceItem(side, sentence) {
  return `- ${sentenceRef(side, sentence.id)}: ${quote(sentence.text)}`;
}

function modifiedItem(model, link) {
  const textOf = (side) => link[side].map((id) => model.byId[side].get(id)?.text ?? '').join(' ');
  const refs = (side) => link[side].map((id) => sentenceRef(side, id)).join('+');
  const lines = [
    `- ${refs('a')} → ${refs('b')} (score ${formatScore(link.score)}${link.cross_language ? ', across languages' : ''})`,
    `  - A: ${quote(textOf('a'))}`,
    `  - B: ${quote(textOf('b'))}`,
  ];
  if (link.diff?.length) {
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

// Readout text is quoted literally: characters that Markdown would read as markup are escaped.
export function escapeMarkdown(text) {
  return String(text).replace(/[\\`*_{}[\]()<>#+|~!]/g, '\\$&').replace(/\s+/g, ' ');
}

const CSV_COLUMNS = [
  'link', 'relation', 'score', 'cross_language', 'a_sentences', 'b_sentences', 'a_text', 'b_text',
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
      link.cross_language ? 'yes' : 'no',
      link.a.map((id) => sentenceRef('a', id)).join(' '), link.b.map((id) => sentenceRef('b', id)).join(' '),
      sentences.a.map((s) => s.text).join(' '), sentences.b.map((s) => s.text).join(' '),
      commitments('a'), commitments('b'),
      (link.evidence?.concepts ?? []).join('; '), (link.evidence?.shared_stems ?? []).join('; '),
      formatPercent(link.evidence?.trigram_overlap),
    ];
  });
  // The byte order mark makes spreadsheet programs read the file as UTF-8 (Devanagari intact).
  return `\uFEFF${[CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function csvCell(value) {
  let text = String(value ?? '');
  // A cell starting like a formula would be run by spreadsheet programs: make it plain text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
