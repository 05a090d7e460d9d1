// Renders a report as two columns of sentences (A | B). Each sentence shows its status as colour,
// icon and label, its commitment badge, an inline word diff when it is the B side of a modified
// pair, and the evidence of its links in a disclosure. Shared by the page and <readout-diff>.
import { h, srOnly, langOf } from './dom.js';
import { utf16IndexOfByte } from './utf8.js';
import {
  SIDES, SIDE_NAMES, STATUS_INFO, createModel, sentenceStatus, sentenceKey, sentenceRef, linksOf,
  counterpartsOf, commitmentLabel, commitmentSummary, sentenceSummary, formatScore, formatPercent,
  diffOverText, spacedDiff,
} from './report-model.js';

const LANGUAGE_NAMES = { en: 'English', hi: 'Hindi' };

// Returns the view's root element; `idPrefix` keeps element ids unique when several views share
// a document (the page plus <readout-diff> elements).
export function renderComparison(report, { idPrefix = 'rd' } = {}) {
  const model = createModel(report);
  const columns = SIDES.map((side) => renderColumn(model, side, idPrefix));
  const root = h('div', { class: 'rd-view' },
    h('p', { class: 'rd-summary', 'data-summary': 'commitments' }, commitmentSummary(report.summary)),
    h('p', { class: 'rd-summary-detail' }, sentenceSummary(report.summary)),
    renderLegend(),
    h('div', { class: 'rd-columns' }, columns));
  root.readoutModel = model;
  root.readoutIdPrefix = idPrefix;
  return root;
}

export function sentenceElementId(idPrefix, side, id) {
  return `${idPrefix}-${sentenceKey(side, id)}`;
}

function renderLegend() {
  return h('ul', { class: 'rd-legend', 'aria-label': 'Legend' },
    ['repeated', 'modified', 'new', 'dropped'].map((status) => h('li', { class: `rd-status rd-status-${status}` },
      h('span', { class: 'rd-icon', 'aria-hidden': 'true' }, STATUS_INFO[status].icon),
      ` ${STATUS_INFO[status].label}: ${STATUS_INFO[status].description}`)));
}

function renderColumn(model, side, idPrefix) {
  const document = model.report[side];
  const headingId = `${idPrefix}-${side}-heading`;
  const language = LANGUAGE_NAMES[document.language] ?? document.language ?? '';
  let previousParagraph = null;
  const items = model.sentences[side].map((sentence) => {
    const startsParagraph = previousParagraph !== null && sentence.paragraph !== previousParagraph;
    previousParagraph = sentence.paragraph;
    return renderSentence(model, side, sentence, idPrefix, startsParagraph);
  });
  return h('section', { class: `rd-column rd-column-${side}`, 'aria-labelledby': headingId, 'data-side': side },
    h('h3', { id: headingId, class: 'rd-column-heading' },
      SIDE_NAMES[side], language ? h('span', { class: 'rd-language' }, ` (${language})`) : null),
    h('ol', { class: 'rd-sentences', 'aria-labelledby': headingId }, items));
}

function renderSentence(model, side, sentence, idPrefix, startsParagraph) {
  const status = sentenceStatus(sentence);
  const info = STATUS_INFO[status];
  const links = linksOf(model, sentence);
  const inline = side === 'b' ? inlineDiff(sentence, links) : null;
  const classes = ['rd-sentence', `rd-status-${status}`, `rd-kind-${sentence.kind ?? 'body'}`];
  if (startsParagraph) classes.push('rd-paragraph-start');
  if (sentence.commitment) classes.push('rd-has-commitment');
  return h('li', {
    class: classes.join(' '),
    id: sentenceElementId(idPrefix, side, sentence.id),
    tabindex: '-1',
    dataset: { side, id: String(sentence.id), status },
  },
  h('span', { class: 'rd-meta' },
    h('span', { class: 'rd-ref' }, sentenceRef(side, sentence.id)),
    h('span', { class: `rd-status rd-status-${status}` },
      h('span', { class: 'rd-icon', 'aria-hidden': 'true' }, info.icon), ` ${info.label}`),
    sentence.commitment ? renderCommitment(sentence.commitment) : null,
    renderCounterpartRefs(model, side, sentence)),
  h('span', { class: 'rd-text', lang: langOf(sentence.text) },
    inline ? renderDiff(inline.segments) : textWithCue(sentence)),
  links.length ? renderEvidence(model, side, links, inline?.link) : null);
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

function renderCounterpartRefs(model, side, sentence) {
  const refs = counterpartsOf(model, side, sentence).map((c) => sentenceRef(c.side, c.id));
  if (!refs.length) return null;
  return h('span', { class: 'rd-counterpart-refs' }, srOnly('Matches '), `↔ ${refs.join(', ')}`);
}

// A modified pair's word diff is shown inside B's sentence when the link has this one B sentence
// and the diff fits its text; otherwise the diff is shown in the evidence instead.
function inlineDiff(sentence, links) {
  const link = links.find((l) => l.relation === 'modified' && l.b.length === 1 && l.diff?.length);
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

function renderEvidence(model, side, links, inlineLink) {
  return h('details', { class: 'rd-evidence' },
    h('summary', {}, 'Evidence', srOnly(` for ${links.length === 1 ? 'this match' : `${links.length} matches`}`)),
    links.map((link) => renderLinkEvidence(model, side, link, link !== inlineLink)));
}

function renderLinkEvidence(model, side, link, showDiff) {
  const evidence = link.evidence ?? {};
  const other = side === 'a' ? 'b' : 'a';
  const refs = link[other].map((id) => sentenceRef(other, id)).join(', ');
  return h('dl', { class: 'rd-evidence-list' },
    h('dt', {}, 'Match'), h('dd', {}, `${STATUS_INFO[link.relation]?.label ?? link.relation} with ${refs}` +
      (link.cross_language ? ' (across languages)' : '')),
    h('dt', {}, 'Score'), h('dd', {}, formatScore(link.score)),
    evidence.concepts?.length ? [h('dt', {}, 'Shared concepts'), h('dd', {}, evidence.concepts.map(readableConcept).join(', '))] : null,
    evidence.shared_stems?.length ? [h('dt', {}, 'Shared word stems'), h('dd', {}, evidence.shared_stems.join(', '))] : null,
    typeof evidence.trigram_overlap === 'number' ? [h('dt', {}, 'Character trigram overlap'), h('dd', {}, formatPercent(evidence.trigram_overlap))] : null,
    showDiff && link.diff?.length ? [h('dt', {}, 'Word changes'),
      h('dd', { class: 'rd-text', lang: langOf(link.diff.map((op) => op.text).join(' ')) }, renderDiff(spacedDiff(link.diff)))] : null);
}

export function sentenceElements(root) {
  return root.querySelectorAll('.rd-sentence');
}

export function findSentenceElement(root, side, id) {
  return root.querySelector(`#${CSS.escape(sentenceElementId(root.readoutIdPrefix, side, id))}`);
}
