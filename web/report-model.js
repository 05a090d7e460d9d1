// Reads a readout-diff/1 report into what the views and exporters need: one status per sentence,
// counterpart look-ups, the reading order of changes and the wording of labels and summaries.

export const SIDES = ['a', 'b'];
export const SIDE_NAMES = { a: 'Readout A', b: 'Readout B' };

// Status shown for a sentence. Icons and labels go with the colour so status is never colour-only.
export const STATUS_INFO = {
  repeated: { label: 'Repeated', icon: '=', description: 'appears in both readouts with the same meaning' },
  modified: { label: 'Modified', icon: '≈', description: 'appears in both readouts with changed wording' },
  new: { label: 'New', icon: '+', description: 'only in readout B' },
  dropped: { label: 'Dropped', icon: '−', description: 'only in readout A' },
  kept: { label: 'Kept', icon: '·', description: 'kept without a matched counterpart' },
};

export const CHANGE_STATUSES = new Set(['modified', 'new', 'dropped']);

export function sentenceStatus(sentence) {
  if (sentence.status === 'dropped' || sentence.status === 'new') return sentence.status;
  return sentence.relation === 'repeated' || sentence.relation === 'modified' ? sentence.relation : 'kept';
}

export function sentenceKey(side, id) {
  return `${side}${id}`;
}

// "A4" / "B12": how sentences are referred to in labels, exports and evidence.
export function sentenceRef(side, id) {
  return `${side.toUpperCase()}${id + 1}`;
}

export function createModel(report) {
  const linksById = new Map(report.links.map((link) => [link.id, link]));
  const sentences = { a: report.a.sentences, b: report.b.sentences };
  const byId = {
    a: new Map(sentences.a.map((s) => [s.id, s])),
    b: new Map(sentences.b.map((s) => [s.id, s])),
  };
  return { report, linksById, sentences, byId };
}

export function linksOf(model, sentence) {
  return (sentence.links ?? []).map((id) => model.linksById.get(id)).filter(Boolean);
}

// The sentences on the other side that a sentence is linked with, in that side's order.
export function counterpartsOf(model, side, sentence) {
  const other = side === 'a' ? 'b' : 'a';
  const ids = new Set(linksOf(model, sentence).flatMap((link) => link[other]));
  return [...ids].sort((x, y) => x - y).map((id) => ({ side: other, id }));
}

// Changes in reading order: B's sentences in order, each dropped A sentence placed right after the
// B sentence that its nearest preceding linked A sentence maps to, so n/p walk the story once.
export function changesInReadingOrder(model) {
  const slots = [];
  for (const sentence of model.sentences.b) {
    slots.push({ position: sentence.id, order: 1, side: 'b', id: sentence.id, sentence });
  }
  let anchor = -1;
  for (const sentence of model.sentences.a) {
    const counterparts = counterpartsOf(model, 'a', sentence);
    if (counterparts.length) anchor = Math.max(...counterparts.map((c) => c.id));
    slots.push({ position: anchor, order: 2, side: 'a', id: sentence.id, sentence });
  }
  slots.sort((x, y) => x.position - y.position || x.order - y.order || x.id - y.id);
  return slots
    .filter((slot) => CHANGE_STATUSES.has(sentenceStatus(slot.sentence)))
    .map(({ side, id }) => ({ side, id }));
}

export function commitmentLabel(commitment) {
  const who = commitment.actor_label || commitment.actor || 'unknown';
  return commitment.cue ? `${who} · ${commitment.cue}` : who;
}

export function formatScore(score) {
  return typeof score === 'number' ? score.toFixed(2) : '–';
}

export function formatPercent(fraction) {
  return typeof fraction === 'number' ? `${Math.round(fraction * 100)}%` : '–';
}

// "A: 9 commitments, B: 7 — 3 repeated, 2 modified, 2 new, 4 dropped"
export function commitmentSummary(summary) {
  const c = summary.commitments;
  const nouns = (n) => (n === 1 ? 'commitment' : 'commitments');
  return `A: ${summary.a.commitments} ${nouns(summary.a.commitments)}, B: ${summary.b.commitments} — ` +
    `${c.repeated} repeated, ${c.modified} modified, ${c.new} new, ${c.dropped} dropped`;
}

// "Sentences: A 13, B 16 — 5 repeated, 3 modified links"
export function sentenceSummary(summary) {
  return `Sentences: A ${summary.a.sentences}, B ${summary.b.sentences} — ` +
    `${summary.links.repeated} repeated and ${summary.links.modified} modified links`;
}

// Lays a link's word diff over B's own sentence text. The engine's diff ops are runs of words
// without the spaces and punctuation between them, so equal and inserted runs are found in order
// in the sentence, and deleted runs are placed where they fell. Returns [{op, text}] that spells
// out the sentence exactly (plus the deletions), or null when the diff does not fit this text.
export function diffOverText(diff, text) {
  const segments = [];
  let cursor = 0;
  for (const op of diff) {
    if (op.op === 'delete') {
      segments.push({ op: 'delete', text: op.text });
      continue;
    }
    const words = op.text.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
    // Whole words only, so a run "the" is not found inside "other".
    const match = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${words}(?![\\p{L}\\p{M}\\p{N}])`, 'iu').exec(text.slice(cursor));
    if (!words || !match) return null;
    if (match.index > 0) segments.push({ op: 'equal', text: text.slice(cursor, cursor + match.index) });
    segments.push({ op: op.op, text: match[0] });
    cursor += match.index + match[0].length;
  }
  if (cursor < text.length) segments.push({ op: 'equal', text: text.slice(cursor) });
  return segments;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// A diff on its own (no sentence to lay it over): runs separated by spaces.
export function spacedDiff(diff) {
  return diff.flatMap((op, i) => (i === 0 ? [op] : [{ op: 'equal', text: ' ' }, op]));
}
