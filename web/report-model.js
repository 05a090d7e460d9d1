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
  return runSteps(modelSteps(report));
}

// createModel in steps of at most ITEMS_PER_STEP links or sentences (the view's set-up,
// web/view.js): at 16 MiB a side, 80,000 sentences and links each, it was one 60 ms step.
export function* modelSteps(report) {
  const linksById = yield* byIdInSteps(report.links);
  const sentences = { a: report.a.sentences, b: report.b.sentences };
  const byId = { a: yield* byIdInSteps(sentences.a), b: yield* byIdInSteps(sentences.b) };
  return { report, linksById, sentences, byId };
}

function* byIdInSteps(items) {
  const byId = new Map();
  for (let i = 0; i < items.length; i += 1) {
    if (endsStep(i)) yield;
    byId.set(items[i].id, items[i]);
  }
  yield;
  return byId;
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

// The engine's near misses for a dropped or new sentence: the other side's sentences it nearly
// linked it to, likeliest first, with the engine's score.
export function possibleCounterpartsOf(side, sentence) {
  const other = side === 'a' ? 'b' : 'a';
  return (sentence.possible_counterparts ?? []).map((p) => ({ side: other, id: p.sentence, score: p.score }));
}

// What a link's band means, in one line each, as the engine defines the bands (docs/engine.md).
export const BAND_INFO = {
  strong: { label: 'strong', meaning: 'score 0.8 or more: very likely the same point restated' },
  moderate: { label: 'moderate', meaning: 'score 0.6 to 0.8: likely the same point; worth a look' },
  weak: { label: 'weak', meaning: 'score under 0.6: possibly the same point; check it yourself' },
};
export const SCORE_MEANING = 'Links are strong (score 0.8 or more), moderate (0.6 to 0.8) or weak (under 0.6): the score is ' +
  'the engine\'s confidence, from 0 to 1, that both sentences state the same point. Check weak links yourself.';

export function bandOf(link) {
  return BAND_INFO[link.band] ? link.band : 'weak';
}

// A weak link's word diff lines up words of sentences that may not say the same thing: not shown.
export function showsWordDiff(link) {
  return bandOf(link) !== 'weak' && Boolean(link.diff?.length);
}

// The aligned rows: each linked group (links joined through shared sentences) on one row, in B's
// order; B's new sentences on their own rows where they fall; each dropped A sentence on its own
// row right after the row of the nearest preceding A sentence that kept its place. A group is
// "moved" when its A sentences are out of order against the others (outside the longest run of
// groups whose A order agrees with B's). `groupOf` is linkGroups(model), given when it was worked
// out in a task of its own.
export function alignedRows(model, groupOf = linkGroups(model)) {
  return runSteps(alignedRowSteps(model, groupOf));
}

// alignedRows in steps of at most ITEMS_PER_STEP sentences (one step of 85 ms at 16 MiB a side).
export function* alignedRowSteps(model, groupOf) {
  const rows = [];
  const positionOfGroup = new Map();  // group -> the index of its row in rows
  for (const [at, sentence] of model.sentences.b.entries()) {
    if (endsStep(at)) yield;
    const group = groupOf.b[sentence.id];
    if (!group) {
      rows.push({ a: [], b: [sentence.id], links: [], status: 'new', moved: false });
    } else if (!positionOfGroup.has(group)) {
      positionOfGroup.set(group, rows.length);
      rows.push({ a: group.a, b: group.b, links: group.links, status: groupStatus(group.links), moved: false });
    }
  }
  yield;
  const linked = rows.filter((row) => row.a.length);
  const inOrder = new Set(yield* longestIncreasingRunSteps(linked, (row) => row.a[0]));
  for (const row of linked) row.moved = !inOrder.has(row);
  yield;

  // Dropped sentences: after the row of the last in-order A sentence before them.
  const placed = [];
  let anchor = -1;
  for (const [at, sentence] of model.sentences.a.entries()) {
    if (endsStep(at)) yield;
    const group = groupOf.a[sentence.id];
    if (group) {
      const position = positionOfGroup.get(group);
      if (!rows[position].moved) anchor = Math.max(anchor, position);
    } else {
      placed.push({ after: anchor, row: { a: [sentence.id], b: [], links: [], status: 'dropped', moved: false } });
    }
  }
  const result = [];
  let next = 0;
  yield;
  for (let i = -1; i < rows.length; i += 1) {
    if (endsStep(i)) yield;
    if (i >= 0) result.push(rows[i]);
    while (next < placed.length && placed[next].after === i) result.push(placed[next++].row);
  }
  return result;
}

function groupStatus(links) {
  return links.some((link) => link.relation === 'modified') ? 'modified' : 'repeated';
}

// Joins links that share a sentence into groups {a, b, links}; returns, per side, an array from
// sentence id to group.
export function linkGroups(model) {
  return runSteps(linkGroupSteps(model));
}

// Runs a generator of steps (such as linkGroupSteps) to its end, at once; returns its value.
export function runSteps(steps) {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

// linkGroups in steps of at most ITEMS_PER_STEP links, joining the links, then listing the
// groups: in one they were a task of 50-60 ms in the page on the corpus readouts repeated 25 times
// (79,410 links), and of 130 ms at 16 MiB a side.
// Union-find over sentence keys (A's even, B's odd) in a typed array; each group's sentences are
// then listed in one pass over the keys, so they come in id order with no set or sort per group.
// String keys and a Set per group were half a long view's set-up (tools/bench/page-trace.mjs at
// 25,000 sentences a side); a set and a sort per group were 27 of this step's 42 ms (node) on the
// corpus repeated 25 times, 79,410 links joined into 227 groups.
export function* linkGroupSteps(model) {
  const { links } = model.report;
  let keys = 0;
  for (const link of links) for (const side of SIDES) for (const id of link[side]) keys = Math.max(keys, keyOf(side, id) + 1);
  yield;
  const parent = new Int32Array(keys).fill(-1);
  const linked = new Uint8Array(keys);
  const find = (key) => {
    let root = key;
    while (parent[root] >= 0) root = parent[root];
    while (parent[key] >= 0) {
      const next = parent[key];
      parent[key] = root;
      key = next;
    }
    return root;
  };
  for (let i = 0; i < links.length; i += 1) {
    if (endsStep(i)) yield;
    const link = links[i];
    const first = find(keyOf('a', link.a[0]));
    for (const side of SIDES) {
      for (const id of link[side]) {
        const key = keyOf(side, id);
        linked[key] = 1;
        const root = find(key);
        if (root !== first) parent[root] = first;
      }
    }
  }
  yield;
  const groups = new Map();
  for (let i = 0; i < links.length; i += 1) {
    if (endsStep(i)) yield;
    const link = links[i];
    const root = find(keyOf('a', link.a[0]));
    const group = groups.get(root);
    if (group) group.links.push(link);
    else groups.set(root, { a: [], b: [], links: [link] });
  }
  // Filled before use: an array written at scattered indexes would become a slow dictionary.
  const bySide = Object.fromEntries(SIDES.map((side) => [side, new Array((keys >> 1) + 1).fill(null)]));
  for (let key = 0; key < keys; key += 1) {
    if (!linked[key]) continue;
    const group = groups.get(find(key));
    const side = key & 1 ? 'b' : 'a';
    group[side].push(key >> 1);
    bySide[side][key >> 1] = group;
  }
  return bySide;
}

// The most links or sentences a step of the view's set-up goes through (a few milliseconds).
const ITEMS_PER_STEP = 20000;

// Whether a stepped loop pauses (yields) before its item at this index: once every ITEMS_PER_STEP.
export function endsStep(index) {
  return index > 0 && index % ITEMS_PER_STEP === 0;
}

function keyOf(side, id) {
  return 2 * id + (side === 'b' ? 1 : 0);
}

// The longest subsequence of items whose keys increase (patience sorting, O(n log n)), in steps of
// ITEMS_PER_STEP items (at 80,000 rows, 16 MiB a side, it was one step: 24.5 ms under a trace).
function* longestIncreasingRunSteps(items, key) {
  const tails = [];
  const previous = new Array(items.length).fill(-1);
  for (let i = 0; i < items.length; i += 1) {
    if (endsStep(i)) yield;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (key(items[tails[mid]]) < key(items[i])) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1];
    tails[low] = i;
  }
  const run = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i !== -1; i = previous[i]) run.push(items[i]);
  return run.reverse();
}

// Where n/p stop, in the rows' reading order: once per changed row (a linked group is one stop,
// at its first B sentence).
export function changesInReadingOrder(rows) {
  return rows.filter((row) => CHANGE_STATUSES.has(row.status))
    .map((row) => (row.b.length ? { side: 'b', id: row.b[0] } : { side: 'a', id: row.a[0] }));
}

// The report's commitment accounting, one entry per commitment of either side, with the sentences
// it concerns: {side, sentence, fate, changes, counterparts: [sentence…], commitment}.
export function commitmentEntries(model) {
  return (model.report.commitments ?? []).map((entry) => {
    const other = entry.side === 'a' ? 'b' : 'a';
    const sentence = model.byId[entry.side].get(entry.sentence);
    return {
      side: entry.side,
      sentence,
      fate: entry.fate,
      changes: entry.changes ?? [],
      counterpartSide: other,
      counterparts: entry.counterparts.map((id) => model.byId[other].get(id)).filter(Boolean),
      commitment: sentence?.commitment ?? null,
    };
  });
}

export const FATE_INFO = {
  repeated: 'Repeated',
  modified: 'Modified',
  dropped: 'Dropped',
  new: 'New',
};

export const CHANGE_NAMES = {
  polarity: 'negation',
  actor: 'actor',
  strength: 'strength',
  numbers: 'numbers',
};

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
    const match = words ? wholeWordsAt(new RegExp(words, 'giu'), text, cursor) : null;
    if (!match) return null;
    if (match.index > cursor) segments.push({ op: 'equal', text: text.slice(cursor, match.index) });
    segments.push({ op: op.op, text: match[0] });
    cursor = match.index + match[0].length;
  }
  if (cursor < text.length) segments.push({ op: 'equal', text: text.slice(cursor) });
  return segments;
}

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

// The first match of `pattern` (global) from `from` on that is whole words, so a run "the" is not
// found inside "other": no letter, mark or digit right before it (the text before `from` does not
// count) or right after it. The check is a separate, precompiled expression because a pattern
// with \p{…} classes takes V8 about 3 ms to compile, once per diff run.
function wholeWordsAt(pattern, text, from) {
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const end = match.index + match[0].length;
    const before = match.index > from ? String.fromCodePoint(codePointBefore(text, match.index)) : '';
    const after = end < text.length ? String.fromCodePoint(text.codePointAt(end)) : '';
    if (!WORD_CHARACTER.test(before) && !WORD_CHARACTER.test(after)) return match;
    pattern.lastIndex = match.index + 1;
  }
  return null;
}

function codePointBefore(text, index) {
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.codePointAt(index - 2) : low;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// A diff on its own (no sentence to lay it over): runs separated by spaces.
export function spacedDiff(diff) {
  return diff.flatMap((op, i) => (i === 0 ? [op] : [{ op: 'equal', text: ' ' }, op]));
}

// Review by hand: the analyst's decisions about links. The engine applies them (its `review`
// option, docs/engine.md): the page sends them with the texts and shows the reviewed report. Here
// they are placed on the engine's own report (made without them) and changed by the controls.
// One entry per pair of sentence sets: {a, b, a_text, b_text, origin, verdict, relation}, where
// origin is "engine" (a link of the report) or "hand" (linked by the analyst), verdict is
// "accepted", "rejected" or null, relation a changed relation (a hand link's own) or null. As
// JSON (stored with the texts, sent to the engine) they are the engine's decisions, with the
// sentences' texts, so a later run (a newer engine, an edited text) re-applies them to the same
// sentences.
const REVIEW_VERDICTS = ['accepted', 'rejected'];
const RELATIONS = ['repeated', 'modified'];

function reviewKey(a, b) {
  return `a${[...a].sort((x, y) => x - y).join('+')}|b${[...b].sort((x, y) => x - y).join('+')}`;
}

// The report's link between exactly these sentences, or null.
function linkBetween(model, a, b) {
  const key = reviewKey(a, b);
  return model.report.links.find((link) => reviewKey(link.a, link.b) === key) ?? null;
}

// `model`: of the engine's report made without the decisions. `stored`: decisions as toJSON gives them.
export function createReview(model, stored = null) {
  const entries = new Map();
  let unmatched = 0;
  for (const entry of entriesOfDecisions(Array.isArray(stored) ? stored : [])) {
    const placed = placeEntry(model, entry);
    if (placed) entries.set(reviewKey(placed.a, placed.b), placed);
    else unmatched += 1;
  }
  if (stored && !Array.isArray(stored)) unmatched += 1;  // not decisions: another format
  const textsOf = (side, ids) => ids.map((id) => model.byId[side].get(id)?.text ?? '');
  const engineEntry = (a, b) => {
    const key = reviewKey(a, b);
    if (!entries.has(key)) {
      if (!linkBetween(model, a, b)) return null;
      entries.set(key, { a: [...a], b: [...b], a_text: textsOf('a', a), b_text: textsOf('b', b), origin: 'engine', verdict: null, relation: null });
    }
    return entries.get(key);
  };
  const prune = (key) => {
    const entry = entries.get(key);
    if (entry && entry.origin === 'engine' && !entry.verdict && !entry.relation) entries.delete(key);
  };
  return {
    unmatched,
    decisionFor: (link) => entries.get(reviewKey(link.a, link.b)) ?? null,
    // Accept or reject (again: undo) the engine's link between a and b; rejecting a hand link unlinks it.
    setVerdict(a, b, verdict) {
      const key = reviewKey(a, b);
      if (entries.get(key)?.origin === 'hand') {
        if (verdict === 'rejected') entries.delete(key);
        return;
      }
      const entry = engineEntry(a, b);
      if (!entry) return;
      entry.verdict = entry.verdict === verdict ? null : verdict;
      prune(key);
    },
    setRelation(a, b, relation) {
      if (!RELATIONS.includes(relation)) return;
      const key = reviewKey(a, b);
      if (entries.get(key)?.origin === 'hand') {
        entries.get(key).relation = relation;
        return;
      }
      const entry = engineEntry(a, b);
      if (!entry) return;
      entry.relation = relation === linkBetween(model, a, b).relation ? null : relation;
      prune(key);
    },
    linkByHand(aId, bId) {
      const key = reviewKey([aId], [bId]);
      if (entries.has(key) || linkBetween(model, [aId], [bId]) || !model.byId.a.has(aId) || !model.byId.b.has(bId)) return;
      entries.set(key, { a: [aId], b: [bId], a_text: textsOf('a', [aId]), b_text: textsOf('b', [bId]), origin: 'hand', verdict: null, relation: 'modified' });
    },
    unlink(aId, bId) {
      const key = reviewKey([aId], [bId]);
      if (entries.get(key)?.origin === 'hand') entries.delete(key);
    },
    handLinksOf(side, id) {
      return [...entries.values()].filter((e) => e.origin === 'hand' && e[side].includes(id));
    },
    rejectedOf(side, id) {
      return [...entries.values()].filter((e) => e.verdict === 'rejected' && e[side].includes(id));
    },
    counts() {
      const all = [...entries.values()];
      return {
        accepted: all.filter((e) => e.verdict === 'accepted').length,
        rejected: all.filter((e) => e.verdict === 'rejected').length,
        relations: all.filter((e) => e.origin === 'engine' && e.relation && e.verdict !== 'rejected').length,
        byHand: all.filter((e) => e.origin === 'hand').length,
      };
    },
    isEmpty: () => entries.size === 0,
    // The engine's review option: what is stored with the texts and sent with each comparison.
    toJSON: () => [...entries.values()].flatMap(decisionsOfEntry),
  };
}

// An entry as the engine's decisions: a rejected link needs no relation; an accepted one may
// also have its relation changed.
function decisionsOfEntry(entry) {
  const sentences = { a: [...entry.a], b: [...entry.b], a_text: [...entry.a_text], b_text: [...entry.b_text] };
  const { a, b, a_text, b_text } = sentences;
  if (entry.origin === 'hand') return [{ action: 'link', a, b, relation: entry.relation, a_text, b_text }];
  if (entry.verdict === 'rejected') return [{ action: 'reject', a, b, a_text, b_text }];
  return [
    entry.verdict === 'accepted' ? { action: 'accept', a, b, a_text, b_text } : null,
    entry.relation ? { action: 'relation', a, b, relation: entry.relation, a_text, b_text } : null,
  ].filter(Boolean);
}

// Decisions back into entries, one per pair of sentence sets (an accept and a relation join).
function entriesOfDecisions(decisions) {
  const entries = new Map();
  for (const decision of decisions) {
    if (!decision || !Array.isArray(decision.a) || !Array.isArray(decision.b)) {
      entries.set(Symbol('malformed'), null);
      continue;
    }
    const key = reviewKey(decision.a, decision.b);
    const entry = entries.get(key) ?? { a: decision.a, b: decision.b, a_text: decision.a_text, b_text: decision.b_text, origin: 'engine', verdict: null, relation: null };
    if (decision.action === 'link') Object.assign(entry, { origin: 'hand', relation: decision.relation });
    else if (decision.action === 'reject') entry.verdict = 'rejected';
    else if (decision.action === 'accept') entry.verdict = 'accepted';
    else if (decision.action === 'relation') entry.relation = decision.relation;
    entries.set(key, entry);
  }
  return [...entries.values()];
}

// Finds a stored decision's sentences in this report: by id when the text there is unchanged,
// else by identical text; an engine decision also needs the link itself. Null when lost.
function placeEntry(model, entry) {
  if (!entry || !Array.isArray(entry.a) || !Array.isArray(entry.b) || !['engine', 'hand'].includes(entry.origin)) return null;
  const locate = (side, ids, texts) => ids.map((id, i) => {
    const text = Array.isArray(texts) ? texts[i] : undefined;
    if (model.byId[side].get(id)?.text === text) return id;
    return model.sentences[side].find((s) => s.text === text)?.id;
  });
  const a = locate('a', entry.a, entry.a_text);
  const b = locate('b', entry.b, entry.b_text);
  if ([...a, ...b].some((id) => id === undefined) || !a.length || !b.length) return null;
  const engineLink = linkBetween(model, a, b);
  if ((entry.origin === 'engine') !== Boolean(engineLink)) return null;
  const verdict = REVIEW_VERDICTS.includes(entry.verdict) ? entry.verdict : null;
  const relation = RELATIONS.includes(entry.relation) ? entry.relation : null;
  if (entry.origin === 'engine' && !verdict && !relation) return null;
  if (entry.origin === 'hand' && !relation) return null;
  return {
    a, b, a_text: a.map((id) => model.byId.a.get(id).text), b_text: b.map((id) => model.byId.b.get(id).text),
    origin: entry.origin, verdict: entry.origin === 'hand' ? null : verdict, relation: relation === engineLink?.relation ? null : relation,
  };
}

// "Your review: 1 accepted, 1 rejected, 1 relation changed, 1 linked by hand."
export function reviewSummary(counts) {
  const parts = [
    [counts.accepted, 'accepted'], [counts.rejected, 'rejected'],
    [counts.relations, counts.relations === 1 ? 'relation changed' : 'relations changed'], [counts.byHand, 'linked by hand'],
  ].filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return parts.length
    ? `Your review: ${parts.join(', ')}. The summary, the commitments and the exports follow it; the JSON export keeps the engine's findings apart.`
    : '';
}
