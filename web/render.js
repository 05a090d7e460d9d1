// Builds the parts of the comparison view from the report model: the summary, the aligned rows,
// the document-order columns, and the commitment table. Both sentence layouts use one
// renderSentence, so a sentence reads the same in either; view.js puts the parts together.
import { h, srOnly, langOf } from './dom.js';
import { utf16IndexOfByte } from './utf8.js';
import {
  SIDES, SIDE_NAMES, STATUS_INFO, BAND_INFO, SCORE_MEANING, FATE_INFO, CHANGE_NAMES, sentenceStatus, sentenceKey,
  sentenceRef, linksOf, bandOf, showsWordDiff, possibleCounterpartsOf, commitmentLabel, commitmentSummary,
  sentenceSummary, formatScore, formatPercent, diffOverText, spacedDiff,
} from './report-model.js';

const LANGUAGE_NAMES = { en: 'English', hi: 'Hindi', mixed: 'Hindi and English' };

function sentenceElementId(idPrefix, side, id) {
  return `${idPrefix}-${sentenceKey(side, id)}`;
}

export function renderSummary(report) {
  return [
    h('p', { class: 'rd-summary', 'data-summary': 'commitments' }, commitmentSummary(report.summary)),
    h('p', { class: 'rd-summary-detail' }, sentenceSummary(report.summary)),
    h('ul', { class: 'rd-legend', 'aria-label': 'Legend' },
      ['repeated', 'modified', 'new', 'dropped'].map((status) => h('li', { class: `rd-status rd-status-${status}` },
        h('span', { class: 'rd-icon', 'aria-hidden': 'true' }, STATUS_INFO[status].icon),
        ` ${STATUS_INFO[status].label}: ${STATUS_INFO[status].description}`)),
      h('li', { class: 'rd-legend-bands' }, SCORE_MEANING)),
  ];
}

function sideHeading(model, side, attributes) {
  const language = LANGUAGE_NAMES[model.report[side].language] ?? model.report[side].language ?? '';
  return h('h3', { class: 'rd-column-heading', ...attributes },
    SIDE_NAMES[side], language ? h('span', { class: 'rd-language' }, ` (${language})`) : null);
}

// Long lists are cut into blocks of this many rows (or sentences), each rendered only near the
// viewport (content-visibility: auto in view.css). One such element per row made every frame
// update thousands of paint layers and visibility observations (60-80 ms a frame at 5,000 rows,
// tools/bench/page-trace.mjs); one per block makes that a fiftieth, and a block in view is cheap.
const BLOCK_SIZE = 20;
// A block holds at most this many sentences, and a row of more has each side cut into blocks of
// BLOCK_SIZE inside its cell, each built in a piece of its own: what a frame lays out near the
// viewport, and what a piece builds, is then bounded however the rows are made. Readouts whose sentences
// recur link into rows of hundreds of sentences (the corpus readouts repeated 25 times: 227 rows
// of 50 to 150), and a block of 20 such rows in view made each frame that filled it 120-220 ms of
// layout and text shaping (page-trace).
const BLOCK_SENTENCES = 2 * BLOCK_SIZE;

// Items to append to `list`, in blocks: {parent, build} pieces, each block's own piece first
// (marked as a container: its contents are pieces of their own). piecesOf(item): the item's
// pieces, the first going into the block (its parent left out); sentencesOf(item): how many
// sentences it holds. The pieces are made as they are taken (a generator): listing all of them,
// with their blocks, for 80,000 rows was 17 ms of the task that sets the view up.
function* inBlocks(list, items, piecesOf, sentencesOf = () => 1) {
  let block = null;
  let count = 0;
  let sentences = 0;
  for (const item of items) {
    const size = sentencesOf(item);
    if (!block || count === BLOCK_SIZE || (sentences > 0 && sentences + size > BLOCK_SENTENCES)) {
      const current = h('div', { class: 'rd-block' });
      yield { parent: list, build: () => current, container: true };
      block = current;
      count = 0;
      sentences = 0;
    }
    count += 1;
    sentences += size;
    const [first, ...rest] = piecesOf(item);
    yield { parent: block, ...first };
    yield* rest;
  }
}

// The aligned rows (see alignedRows in report-model.js). Returns the element and the row items
// still to fill: {parent, build} pieces (an iterator) that view.js appends in slices.
export function renderRowsLayout(model, rows, sentence) {
  const list = h('div', { class: 'rd-rows', role: 'list', 'aria-label': 'Sentences of both readouts, aligned' });
  const element = h('div', { class: 'rd-rows-view' },
    h('div', { class: 'rd-rows-head', 'aria-hidden': 'true' },
      SIDES.map((side) => sideHeading(model, side, {}))),
    list);
  return { element, pieces: inBlocks(list, rows, (row) => rowPieces(row, sentence), (row) => row.a.length + row.b.length) };
}

// A row in one piece; a row of more than BLOCK_SENTENCES sentences as the row with its sides'
// cells, made now and empty (a container), then each block of BLOCK_SIZE sentences of a side a
// piece of its own (built whole before it goes in, as a short row is), A's and B's in turn so
// that both sides fill from the top.
function rowPieces(row, sentence) {
  if (row.a.length + row.b.length <= BLOCK_SENTENCES) {
    return [{ build: () => renderRow(row, (side, ids, cell) => cell.append(...ids.map((id) => sentence(side, id)))) }];
  }
  const blocks = { a: [], b: [] };
  const element = renderRow(row, (side, ids, cell) => {
    for (let i = 0; i < ids.length; i += BLOCK_SIZE) {
      const part = ids.slice(i, i + BLOCK_SIZE);
      blocks[side].push({ parent: cell, build: () => h('div', { class: 'rd-block' }, part.map((id) => sentence(side, id))) });
    }
  });
  const inTurn = Array.from({ length: Math.max(blocks.a.length, blocks.b.length) }, (_, i) => [blocks.a[i], blocks.b[i]]);
  return [{ build: () => element, container: true }, ...inTurn.flat().filter(Boolean)];
}

// fillCell(side, ids, cell): puts a side's sentences in its cell, or has them put there.
function renderRow(row, fillCell) {
  const cell = (side) => {
    const other = side === 'a' ? 'B' : 'A';
    if (!row[side].length) {
      return h('div', { class: `rd-cell rd-cell-${side} rd-cell-empty` },
        h('span', { class: 'rd-absent' }, side === 'a' ? `Not in readout A (new in ${other})` : 'Not in readout B (dropped)'));
    }
    const element = h('div', { class: `rd-cell rd-cell-${side}`, role: 'list', 'aria-label': SIDE_NAMES[side] });
    fillCell(side, row[side], element);
    return element;
  };
  return h('div', { class: `rd-row rd-status-${row.status}`, role: 'listitem' }, cell('a'), cell('b'));
}

// The document-order columns: each readout in its own order, one list per side.
export function renderColumnsLayout(model, idPrefix, sentence) {
  const lists = {};
  const columns = SIDES.map((side) => {
    const headingId = `${idPrefix}-${side}-heading`;
    lists[side] = h('div', { class: 'rd-sentences', role: 'list', 'aria-labelledby': headingId });
    return h('section', { class: `rd-column rd-column-${side}`, 'aria-labelledby': headingId, 'data-side': side },
      sideHeading(model, side, { id: headingId }), lists[side]);
  });
  function* pieces() {
    for (const side of SIDES) yield* inBlocks(lists[side], model.sentences[side], (s) => [{ build: () => sentence(side, s.id) }]);
  }
  return { element: h('div', { class: 'rd-columns' }, columns), pieces: pieces() };
}

// One sentence: reference, status, commitment badge, its counterparts with the link's band (or
// the engine's near misses, as buttons), the text (with an inline word diff for a modified B
// sentence whose link is not weak) and the evidence of its links.
// context: {model, idPrefix, interactive, review (createReview, or null), moved: Set of sentence
// keys in moved groups, startsParagraph(side, s)}
export function renderSentence(context, side, sentence) {
  const { model, idPrefix } = context;
  const status = sentenceStatus(sentence);
  const info = STATUS_INFO[status];
  const links = linksOf(model, sentence);
  const inline = side === 'b' ? inlineDiff(sentence, links) : null;
  const classes = ['rd-sentence', `rd-status-${status}`, `rd-kind-${sentence.kind ?? 'body'}`];
  if (context.startsParagraph(side, sentence)) classes.push('rd-paragraph-start');
  if (sentence.commitment) classes.push('rd-has-commitment');
  return h('div', {
    class: classes.join(' '),
    role: 'listitem',
    id: sentenceElementId(idPrefix, side, sentence.id),
    tabindex: '-1',
    dataset: { side, id: String(sentence.id), status },
  },
  h('span', { class: 'rd-meta' },
    h('span', { class: 'rd-ref' }, sentenceRef(side, sentence.id)),
    h('span', { class: `rd-status rd-status-${status}` },
      h('span', { class: 'rd-icon', 'aria-hidden': 'true' }, info.icon), ` ${info.label}`),
    context.moved.has(sentenceKey(side, sentence.id)) ? h('span', { class: 'rd-moved' },
      h('span', { 'aria-hidden': 'true' }, '↕ '), 'Moved') : null,
    sentence.commitment ? renderCommitment(sentence.commitment) : null,
    renderCounterpartRefs(side, links),
    renderReviewMarks(context, side, sentence, links),
    renderPossibleCounterparts(context, side, sentence)),
  h('span', { class: 'rd-text', lang: langOf(sentence.text) },
    inline ? renderDiff(inline.segments) : textWithCue(sentence)),
  links.length ? renderEvidence(context, side, links, inline?.link) : null);
}

// What the analyst decided about this sentence's links, and the links they made by hand.
function renderReviewMarks(context, side, sentence, links) {
  const { review } = context;
  if (!review) return null;
  const other = side === 'a' ? 'b' : 'a';
  const marks = [];
  const button = (action, entry, label) => (context.interactive ? [' ', h('button', { type: 'button', class: 'rd-review-button', tabindex: '-1',
    dataset: { reviewAction: action, a: entry.a.join('+'), b: entry.b.join('+') } }, label)] : null);
  for (const link of links) {
    const decision = review.decisionFor(link);
    // Rejected and hand links have marks of their own, below.
    if (!decision || decision.origin === 'hand' || decision.verdict === 'rejected') continue;
    const refs = link[other].map((id) => sentenceRef(other, id)).join('+');
    if (decision.verdict) marks.push(h('span', { class: 'rd-review-mark rd-review-accepted' }, `✓ ${refs} accepted by you`));
    if (decision.relation) marks.push(h('span', { class: 'rd-review-mark' }, `${refs}: ${STATUS_INFO[decision.relation].label.toLowerCase()} (your call)`));
  }
  for (const entry of review.rejectedOf(side, sentence.id)) {
    const refs = entry[other].map((id) => sentenceRef(other, id)).join('+');
    marks.push(h('span', { class: 'rd-review-mark rd-review-rejected' }, `✗ ${refs} rejected by you`, button('rejected', entry, 'Undo')));
  }
  for (const entry of review.handLinksOf(side, sentence.id)) {
    const id = entry[other][0];
    marks.push(h('span', { class: 'rd-review-mark rd-review-hand' }, `↔ ${sentenceRef(other, id)} linked by you`, button('unlink', entry, 'Unlink')));
  }
  return marks.length ? marks : null;
}

function renderCommitment(commitment) {
  const label = commitmentLabel(commitment);
  return h('span', { class: `rd-commitment rd-strength-${commitment.strength ?? 'unknown'}`, lang: langOf(label) },
    srOnly('Commitment: '), label);
}

// The sentence text with the commitment's cue words marked, when the engine says where they are
// (cue_start/cue_end: UTF-8 byte offsets in the input, like the sentence's start/end).
function textWithCue(sentence) {
  const { commitment, text } = sentence;
  if (!commitment || !Number.isInteger(commitment.cue_start) || !Number.isInteger(commitment.cue_end)) return text;
  const from = utf16IndexOfByte(text, commitment.cue_start - sentence.start);
  const to = utf16IndexOfByte(text, commitment.cue_end - sentence.start);
  const cue = text.slice(from, to);
  if (!cue || cue.toLowerCase() !== String(commitment.cue).toLowerCase()) return text;
  return [text.slice(0, from), h('mark', { class: 'rd-cue' }, cue), text.slice(to)];
}

// "↔ B3 (strong)", one entry per link, so each link's band is read with it.
function renderCounterpartRefs(side, links) {
  if (!links.length) return null;
  const other = side === 'a' ? 'b' : 'a';
  const parts = links.map((link) => `${link[other].map((id) => sentenceRef(other, id)).join('+')} (${BAND_INFO[bandOf(link)].label})`);
  return h('span', { class: 'rd-counterpart-refs' }, srOnly('Matches '), `↔ ${parts.join(', ')}`);
}

// A dropped or new sentence's near misses: "maybe ↔ B5 · 0.34", each a button to that sentence,
// with a button to link the two by hand (plain text in the static report, which has no script).
function renderPossibleCounterparts(context, side, sentence) {
  const { interactive, review } = context;
  const possible = possibleCounterpartsOf(side, sentence)
    .filter((p) => !review?.handLinksOf(side, sentence.id).some((e) => e[p.side].includes(p.id)));
  if (!possible.length) return null;
  return h('span', { class: 'rd-possible' }, possible.map((p) => [h(interactive ? 'button' : 'span', {
    type: interactive ? 'button' : null,
    class: 'rd-possible-link',
    tabindex: interactive ? '-1' : null,
    dataset: { targetSide: p.side, targetId: String(p.id) },
    title: 'Under the link threshold: the engine did not link them',
  }, `maybe ↔ ${sentenceRef(p.side, p.id)} · ${formatScore(p.score)}`),
  interactive && review ? h('button', {
    type: 'button', class: 'rd-review-button', tabindex: '-1',
    dataset: { reviewAction: 'link', a: String(side === 'a' ? sentence.id : p.id), b: String(side === 'b' ? sentence.id : p.id) },
  }, 'Link them') : null]));
}

// A modified pair's word diff is shown inside B's sentence when the link has this one B sentence,
// is not weak, and the diff fits its text; otherwise the diff is shown in the evidence instead.
function inlineDiff(sentence, links) {
  const link = links.find((l) => l.relation === 'modified' && l.b.length === 1 && showsWordDiff(l));
  const segments = link ? diffOverText(link.diff, sentence.text) : null;
  return segments ? { link, segments } : null;
}

// Concept ids such as "peace_tranquillity" read better as "peace tranquillity".
function readableConcept(concept) {
  return concept.replace(/_/g, ' ');
}

// Deleted runs get a space on each side that has none, so they do not run into their neighbours.
export function renderDiff(segments) {
  return segments.map((segment, i) => {
    if (segment.op === 'insert') return h('ins', { class: 'rd-ins' }, srOnly('inserted: '), segment.text);
    if (segment.op !== 'delete') return segment.text;
    const before = i > 0 && !/\s$/.test(segments[i - 1].text) ? ' ' : '';
    const after = i < segments.length - 1 && !/^[\s.,;:!?)\]।]/u.test(segments[i + 1].text) ? ' ' : '';
    return [before, h('del', { class: 'rd-del' }, srOnly('deleted: '), segment.text), after];
  });
}

// The evidence disclosure is opened with Enter on its sentence, or by a click: it is not a tab stop
// of its own, so Tab moves between the views' sentences and controls only.
// In an interactive view a sentence's Evidence is a button until first opened (openEvidence,
// called through the view by interactions.js), then the disclosure with its contents. Chromium gives every
// <details> a shadow tree of its own (a style sheet, slots, a hidden content box): one per
// sentence made each frame of a 5,000-sentence view 50-80 ms (tools/bench/page-trace.mjs), and
// the contents (each link's list, buttons and a select) were most of a long view's elements. The
// disclosure is made from the model when opened: a WeakMap from each button to the function that
// made it cost a long view's garbage collections 70 ms of marking at 25,000 sentences a side. The
// static report, which has no script, has every disclosure.
function renderEvidence(context, side, links, inlineLink) {
  if (!context.interactive) return evidenceDisclosure(context, side, links, inlineLink);
  return h('button', { type: 'button', class: 'rd-evidence-button', tabindex: '-1', 'aria-expanded': 'false' }, evidenceLabel(links));
}

function evidenceLabel(links) {
  return ['Evidence', srOnly(` for ${links.length === 1 ? 'this match' : `${links.length} matches`}`)];
}

function evidenceDisclosure(context, side, links, inlineLink) {
  return h('details', { class: 'rd-evidence' }, h('summary', { tabindex: '-1' }, evidenceLabel(links)),
    links.map((link) => renderLinkEvidence(context, side, link, link !== inlineLink)));
}

// Opens a sentence's Evidence (the button, or the disclosure it became) and returns the disclosure.
// context: as for renderSentence.
export function openEvidence(context, element) {
  if (!element.classList.contains('rd-evidence-button')) {
    element.open = true;
    return element;
  }
  const item = element.closest('.rd-sentence');
  const { side } = item.dataset;
  const sentence = context.model.byId[side].get(Number(item.dataset.id));
  const links = linksOf(context.model, sentence);
  const inline = side === 'b' ? inlineDiff(sentence, links) : null;
  const details = evidenceDisclosure(context, side, links, inline?.link);
  details.open = true;
  element.replaceWith(details);
  return details;
}

// Accept or reject the engine's link, or change its relation; unlink a link made by hand, or
// change its relation (interactive views only).
function renderReviewControls(review, link) {
  const decision = review.decisionFor(link);
  const data = { a: link.a.join('+'), b: link.b.join('+') };
  const verdict = (value, label) => h('button', {
    type: 'button', class: 'rd-review-button', 'aria-pressed': String(decision?.verdict === value),
    dataset: { reviewAction: value, ...data },
  }, label);
  const relation = decision?.relation ?? link.relation;
  const byHand = decision?.origin === 'hand';
  return [h('dt', {}, 'Your review'), h('dd', { class: 'rd-review-controls' },
    byHand ? h('button', { type: 'button', class: 'rd-review-button', dataset: { reviewAction: 'unlink', ...data } }, 'Unlink')
      : [verdict('accepted', 'Accept'), ' ', verdict('rejected', 'Reject')], ' ',
    h('label', {}, 'Relation ', h('select', { class: 'rd-select', dataset: { reviewAction: 'relation', ...data } },
      ['repeated', 'modified'].map((value) => h('option', { value, selected: value === relation }, STATUS_INFO[value].label)))))];
}

function renderLinkEvidence(context, side, link, showDiff) {
  const evidence = link.evidence ?? {};
  const other = side === 'a' ? 'b' : 'a';
  const refs = link[other].map((id) => sentenceRef(other, id)).join(', ');
  const band = BAND_INFO[bandOf(link)];
  let diff = null;
  if (showDiff && showsWordDiff(link)) {
    diff = [h('dt', {}, 'Word changes'),
      h('dd', { class: 'rd-text', lang: langOf(link.diff.map((op) => op.text).join(' ')) }, renderDiff(spacedDiff(link.diff)))];
  } else if (showDiff && link.diff?.length) {
    diff = [h('dt', {}, 'Word changes'), h('dd', {}, 'Not shown for a weak link: its words may not correspond.')];
  }
  return h('dl', { class: 'rd-evidence-list' },
    h('dt', {}, 'Match'), h('dd', {}, `${STATUS_INFO[link.relation]?.label ?? link.relation} with ${refs}` +
      (link.cross_language ? ' (across languages)' : '') + (link.decided_by === 'analyst' ? ', as you decided' : '')),
    h('dt', {}, 'Confidence'), h('dd', {}, `${band.label}, score ${formatScore(link.score)} (${band.meaning})`),
    typeof evidence.similarity === 'number' ? [h('dt', {}, 'Wording similarity'), h('dd', {}, formatPercent(evidence.similarity))] : null,
    evidence.changes?.length ? [h('dt', {}, 'What changed'), h('dd', {}, evidence.changes.map((c) => CHANGE_NAMES[c] ?? c).join(', '))] : null,
    evidence.concepts?.length ? [h('dt', {}, 'Shared concepts'), h('dd', {}, evidence.concepts.map(readableConcept).join(', '))] : null,
    evidence.shared_stems?.length ? [h('dt', {}, 'Shared word stems'), h('dd', {}, evidence.shared_stems.join(', '))] : null,
    typeof evidence.trigram_overlap === 'number' ? [h('dt', {}, 'Character trigram overlap'), h('dd', {}, formatPercent(evidence.trigram_overlap))] : null,
    diff,
    context.interactive && context.review ? renderReviewControls(context.review, link) : null);
}

// The commitment table: every commitment of both sides as the engine accounts for it.
export function renderCommitmentTable(model, entries) {
  const counts = model.report.summary.commitments;
  const caption = `Commitments: A ${model.report.summary.a.commitments}, B ${model.report.summary.b.commitments} — ` +
    `${counts.repeated} repeated, ${counts.modified} modified, ${counts.new} new, ${counts.dropped} dropped`;
  const wording = (sentences, side, note) => (sentences.length
    ? [note ? h('span', { class: 'rd-absent' }, note) : null,
      sentences.map((s) => h('span', { class: 'rd-table-sentence', lang: langOf(s.text) },
        h('span', { class: 'rd-ref' }, `${sentenceRef(side, s.id)} `), s.text))]
    : h('span', { class: 'rd-absent' }, '—'));
  const rows = entries.map((entry) => {
    const own = entry.sentence ? [entry.sentence] : [];
    const [aSentences, bSentences] = entry.side === 'a' ? [own, entry.counterparts] : [entry.counterparts, own];
    // A dropped or new commitment's counterparts are linked sentences that commit to nothing.
    const uncommitted = entry.fate === 'dropped' || entry.fate === 'new' ? 'Linked, but commits to nothing:' : null;
    const notes = entry.side === 'a' ? [null, uncommitted] : [uncommitted, null];
    const commitment = entry.commitment ?? {};
    return h('tr', { class: `rd-status-${entry.fate}`, dataset: { side: entry.side, fate: entry.fate } },
      h('td', {}, sentenceRef(entry.side, entry.sentence?.id ?? 0)),
      h('td', { lang: langOf(commitment.actor_label ?? '') }, commitment.actor_label || commitment.actor || 'unknown'),
      h('td', { lang: langOf(commitment.cue ?? '') }, commitment.cue ?? ''),
      h('td', {}, wording(aSentences, 'a', notes[0])),
      h('td', {}, wording(bSentences, 'b', notes[1])),
      h('td', {}, h('span', { class: `rd-status rd-status-${entry.fate}` }, FATE_INFO[entry.fate] ?? entry.fate)),
      h('td', {}, entry.changes.map((c) => CHANGE_NAMES[c] ?? c).join(', ') || (entry.fate === 'modified' ? 'wording' : '')));
  });
  return h('div', { class: 'rd-commitment-table-wrap' },
    h('table', { class: 'rd-commitment-table' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ['Sentence', 'Actor', 'Cue', 'Readout A', 'Readout B', 'Fate', 'What changed']
        .map((name) => h('th', { scope: 'col' }, name)))),
      h('tbody', {}, rows)));
}
