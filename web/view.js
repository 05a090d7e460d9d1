// The comparison view, one for every host: the page (app.js), <readout-diff> (element.js),
// ReadoutDiff.render (api.js) and the static HTML report (report-html.js).
//   const view = createView(report, { idPrefix: 'rd' });
//   host.replaceChildren(view.element);
// Three layouts of the same report model: aligned rows (the default), the document-order columns
// and the commitment table. Long reports are built in slices of a few milliseconds each, so the
// page keeps answering while thousands of sentences are added (view.ready resolves when done).
// Everything the view knows lives in this closure, not on DOM elements.
import { h, langOf } from './dom.js';
import {
  modelSteps, alignedRowSteps, linkGroupSteps, runSteps, endsStep, changesInReadingOrder, commitmentEntries, counterpartsOf, sentenceKey, sentenceRef,
  sentenceStatus, createReview, reviewSummary, SIDES, SIDE_NAMES, STATUS_INFO,
} from './report-model.js';
import { renderSummary, renderRowsLayout, renderColumnsLayout, renderSentence, renderCommitmentTable, openEvidence } from './render.js';
import { attachInteractions, handleNavigationKey, applyFilters, ensureTabStops, replaceSentence } from './interactions.js';
import { nextTask } from './next-task.js';

const LAYOUTS = {
  rows: 'Aligned rows',
  columns: 'Document order',
  commitments: 'Commitments',
};

// The view's "Text size": how large the readouts' own text is shown (the sentences, their word
// diffs and the commitment table), against the page's; the rest of the view keeps its size, so
// that larger text leaves more room for it. Each size's scale is in view.css, by the view's
// data-text-size (a style attribute would break the exported HTML report's CSP).
const TEXT_SIZES = { normal: 'Normal', large: 'Large', largest: 'Largest' };

const SLICE_MS = 8;

const FILTER_STATUSES = ['repeated', 'modified', 'new', 'dropped', 'kept'];

// What the toolbar starts with: everything shown.
function defaultFilters() {
  return { statuses: new Set(FILTER_STATUSES), side: 'both', commitmentsOnly: false, query: '' };
}

// options: idPrefix (unique per document), layout ('rows' | 'columns' | 'commitments'), filters
// (as defaultFilters() returns; a host keeps them across comparisons), review (the analyst's
// decisions as view.review gives them, placed on `engineReport`), engineReport (the engine's
// report of the same texts without the decisions, when `report` is the one the engine made with
// them; by default `report` itself), interactive (false for the static report: everything built
// at once, no layout switch, no toolbar, no review controls), prepared (what prepareView gave for
// this report and engineReport; by default worked out here, in one task), textSize (a key of
// TEXT_SIZES; a host keeps it across comparisons).
export function createView(report, { idPrefix = 'rd', layout = 'rows', filters = defaultFilters(), review: storedReview = null, engineReport = null, interactive = true, prepared = null, textSize = 'normal' } = {}) {
  const { model, reviewModel, rows, statusCounts, paragraphStart } = prepared ?? runSteps(preparation(report, engineReport));
  const review = createReview(reviewModel, storedReview);
  const moved = new Set(rows.filter((row) => row.moved).flatMap((row) => SIDES.flatMap((side) => row[side].map((id) => sentenceKey(side, id)))));
  const elements = new Map();
  const state = { layout: null, textSize: null, filters: copyFilters(filters), generation: 0, ready: Promise.resolve(), onReview: null };

  const sentenceContext = {
    model, idPrefix, moved, interactive, review,
    startsParagraph: (side, sentence) => state.layout === 'columns' && paragraphStart.has(sentenceKey(side, sentence.id)),
  };
  const sentence = (side, id) => {
    const element = renderSentence(sentenceContext, side, model.byId[side].get(id));
    elements.set(sentenceKey(side, id), element);
    return element;
  };

  const body = h('div', { class: 'rd-body' });
  const switcher = interactive ? renderChoices(`${idPrefix}-layout-label`, 'View', 'layout', LAYOUTS, (next) => setLayout(next)) : null;
  const sizer = interactive ? renderChoices(`${idPrefix}-text-size-label`, 'Text size', 'textSize', TEXT_SIZES, (next) => setTextSize(next)) : null;
  const toolbar = interactive ? renderToolbar(statusCounts, idPrefix, state.filters, (next) => {
    state.filters = next;
    refilter();
  }) : null;
  const changes = changesInReadingOrder(rows);
  const jumpList = interactive ? renderJumpList(model, changes) : null;
  const reviewLine = h('p', { class: 'rd-review-summary' });
  const controls = interactive ? h('div', { class: 'rd-view-controls' }, switcher.element, sizer.element) : null;
  const element = h('div', { class: 'rd-view' }, renderSummary(report), reviewLine, controls, toolbar?.element ?? null, jumpList, body);
  const notApplied = (report.review ?? []).filter((outcome) => !outcome.applied);
  const showReviewSummary = () => {
    const lost = review.unmatched ? ` ${review.unmatched} earlier decision${review.unmatched === 1 ? '' : 's'} could not be re-applied to these texts.` : '';
    const refused = notApplied.length ? ` The engine could not apply ${notApplied.length === 1 ? 'one decision' : `${notApplied.length} decisions`}: ${
      notApplied.map((outcome) => outcome.reason).join('; ')}.` : '';
    reviewLine.textContent = `${reviewSummary(review.counts())}${lost}${refused}`.trim();
    reviewLine.hidden = !reviewLine.textContent;
  };
  showReviewSummary();

  function refilter() {
    const counts = applyFilters(view, state.filters);
    toolbar?.showCount(counts);
    return counts;
  }

  const view = {
    model,
    changes,
    root: element,
    elementOf: (side, id) => elements.get(sentenceKey(side, id)) ?? null,
    counterpartsOf: (side, id) => counterpartsOf(model, side, model.byId[side].get(id)),
    sentenceOf: (item) => model.byId[item.dataset.side].get(Number(item.dataset.id)),
    openEvidence: (element) => openEvidence(sentenceContext, element),
  };

  function setLayout(next) {
    if (!LAYOUTS[next] || next === state.layout) return state.ready;
    state.layout = next;
    const generation = ++state.generation;
    elements.clear();
    switcher?.show(next);
    // The table lists commitments, not sentences: the sentence filters do not apply to it.
    if (toolbar) toolbar.element.hidden = next === 'commitments';
    let pieces = [];
    if (next === 'rows') ({ pieces } = mount(renderRowsLayout(model, rows, sentence)));
    else if (next === 'columns') ({ pieces } = mount(renderColumnsLayout(model, idPrefix, sentence)));
    else mount({ element: renderCommitmentTable(model, commitmentEntries(model)) });
    if (!interactive) {
      state.ready = buildAtOnce(pieces).then(refilter);
      return state.ready;
    }
    // The slices filtered what they built and counted what they showed: the tab stops and the
    // count are all that is left (filtering the whole view again took 160 ms at 11,000 a side).
    state.ready = buildInSlices(pieces, () => generation === state.generation).then((shown) => {
      if (generation !== state.generation) return;
      ensureTabStops(element);
      toolbar?.showCount({ shown, total: model.sentences.a.length + model.sentences.b.length });
    });
    return state.ready;
  }

  function setTextSize(next) {
    if (!TEXT_SIZES[next] || next === state.textSize) return;
    state.textSize = next;
    sizer?.show(next);
    element.dataset.textSize = next;
  }

  function mount(part) {
    const previous = body.firstElementChild;
    body.prepend(part.element);
    if (previous) takeApart(previous);
    return part;
  }

  // Each slice's sentences get the current filters as they arrive, so a filtered view never
  // flashes hidden sentences.
  // Resolves with the number of sentences shown.
  async function buildInSlices(pieces, current) {
    const iterator = pieces[Symbol.iterator]();
    let next = iterator.next();
    let shown = 0;
    while (!next.done) {
      if (!current()) return shown;
      const until = performance.now() + SLICE_MS;
      const built = [];
      do {
        const { parent, build, container } = next.value;
        const child = build();
        parent.append(child);
        if (!container) built.push(child);
        next = iterator.next();
      } while (!next.done && performance.now() < until);
      shown += applyFilters(view, state.filters, built).shown;
      if (!next.done) await nextTask();
    }
    return shown;
  }

  function buildAtOnce(pieces) {
    for (const { parent, build } of pieces) parent.append(build());
    return Promise.resolve();
  }

  // A decision re-renders the sentences it concerns, keeping their open evidence and the focus.
  function reviewChanged(a, b, control) {
    const selector = control ? `[data-review-action="${control.dataset.reviewAction}"][data-a="${control.dataset.a}"][data-b="${control.dataset.b}"]` : null;
    let focusTarget = null;
    for (const [side, ids] of [['a', a], ['b', b]]) {
      for (const id of ids) {
        const old = elements.get(sentenceKey(side, id));
        if (!old?.isConnected) continue;
        const fresh = sentence(side, id);
        const evidenceWasOpen = old.querySelector('.rd-evidence')?.open;
        const freshEvidence = fresh.querySelector('.rd-evidence-button');
        fresh.hidden = old.hidden;
        if (evidenceWasOpen && freshEvidence) openEvidence(sentenceContext, freshEvidence);
        const hadFocus = old.contains(element.getRootNode().activeElement);
        replaceSentence(element, old, fresh);
        if (hadFocus) focusTarget = (selector && fresh.querySelector(selector)) || fresh;
      }
    }
    focusTarget?.focus({ preventScroll: true });
    showReviewSummary();
    state.onReview?.(review.isEmpty() ? null : review.toJSON());
  }

  function onReviewControl(control) {
    const { reviewAction, a, b } = control.dataset;
    const ids = (value) => value.split('+').map(Number);
    if (reviewAction === 'link') review.linkByHand(Number(a), Number(b));
    else if (reviewAction === 'unlink') review.unlink(Number(a), Number(b));
    else if (reviewAction === 'relation') review.setRelation(ids(a), ids(b), control.value);
    else review.setVerdict(ids(a), ids(b), reviewAction);
    reviewChanged(ids(a), ids(b), control);
  }

  setLayout(layout);
  if (interactive) setTextSize(textSize);
  if (interactive) {
    attachInteractions(view);
    element.addEventListener('click', (event) => {
      const button = event.target.closest?.('button[data-review-action]');
      if (button && element.contains(button)) onReviewControl(button);
    });
    element.addEventListener('change', (event) => {
      if (event.target.matches?.('select[data-review-action]')) onReviewControl(event.target);
    });
  }

  return {
    element,
    get layout() { return state.layout; },
    get textSize() { return state.textSize; },
    get ready() { return state.ready; },
    setLayout,
    // Takes the view off the page without one long task (see takeApart).
    retire() {
      state.generation += 1;
      element.inert = true;
      return takeApart(element);
    },
    // The toolbar's filters, to hand to the next view of the same host.
    get filters() { return copyFilters(state.filters); },
    // n/p/j/k from wherever the host listens (the page, or the element): true when focus moved.
    handleKey: (event) => handleNavigationKey(view, event),
    // The analyst's decisions (the engine's review option), or null when none.
    get review() { return review.isEmpty() ? null : review.toJSON(); },
    onReviewChange(callback) { state.onReview = callback; },
    // Where the focus is (a sentence, and the review control in it), for the view of the next
    // comparison to put it back: a decision makes the engine compare again.
    get focusPlace() {
      const active = element.getRootNode().activeElement;
      const item = active && element.contains(active) ? active.closest('.rd-sentence') : null;
      if (!item) return null;
      const { reviewAction, a, b } = active.dataset ?? {};
      return {
        side: item.dataset.side, id: Number(item.dataset.id), evidenceOpen: Boolean(item.querySelector('.rd-evidence')?.open),
        control: reviewAction ? `[data-review-action="${reviewAction}"][data-a="${a}"][data-b="${b}"]` : null,
      };
    },
    restoreFocus(place) {
      const item = place && view.elementOf(place.side, place.id);
      if (!item || item.hidden) return;
      const evidence = item.querySelector('.rd-evidence-button');
      if (place.evidenceOpen && evidence) openEvidence(sentenceContext, evidence);
      const target = (place.control && item.querySelector(place.control)) || item;
      target.focus({ preventScroll: true });
    },
  };
}

// The report model, the aligned rows, the toolbar's counts and the paragraph starts, in steps: at
// 25,000 sentences a side the model and rows took 85 ms in the task that set the view up
// (tools/bench/page-trace.mjs), which with the rest went over the page's 100 ms a task; at 80,000
// (16 MiB a side) each of the four was a step of 58-85 ms, so each goes through at most
// ITEMS_PER_STEP sentences or links a step (endsStep in web/report-model.js). prepareView runs a
// step a task; a static host runs them at once.
function* preparation(report, engineReport) {
  const model = yield* modelSteps(report);
  const reviewModel = engineReport && engineReport !== report ? yield* modelSteps(engineReport) : model;
  const groups = yield* linkGroupSteps(model);
  yield;
  const rows = yield* alignedRowSteps(model, groups);
  yield;
  const statusCounts = yield* statusCountSteps(model);
  yield;
  return { model, reviewModel, rows, statusCounts, paragraphStart: yield* paragraphStartSteps(model) };
}

// Up to this many sentences (both sides), a report's steps take a few milliseconds together and
// are worked out at once: each task more would wait behind the page's own (on the first result's
// way, the layout of the page as it loads).
const PREPARED_AT_ONCE_SENTENCES = 1000;

// What createView needs of a report, worked out a step a task when it is long: pass it as
// `prepared`. A long one resolves in a task after the last step, so that the view's set-up is a
// task of its own too.
export async function prepareView(report, { engineReport = null } = {}) {
  const steps = preparation(report, engineReport);
  if (report.a.sentences.length + report.b.sentences.length <= PREPARED_AT_ONCE_SENTENCES) return runSteps(steps);
  for (;;) {
    const step = steps.next();
    await nextTask();
    if (step.done) return step.value;
  }
}

function copyFilters(filters) {
  return { ...defaultFilters(), ...filters, statuses: new Set(filters.statuses ?? FILTER_STATUSES) };
}

// How many sentences of both sides have each status: Map status -> count.
function* statusCountSteps(model) {
  const counts = new Map();
  for (const side of SIDES) {
    for (const [at, s] of model.sentences[side].entries()) {
      if (endsStep(at)) yield;
      const status = sentenceStatus(s);
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
  }
  return counts;
}

// Filters by status (with each status's number of sentences, statusCountSteps), by side,
// commitments only, and a search in both texts; the count of what is shown updates with every
// change.
function renderToolbar(counts, idPrefix, initial, onChange) {
  const present = FILTER_STATUSES.filter((status) => counts.has(status));
  const boxes = present.map((status) => {
    const count = counts.get(status);
    const input = h('input', { type: 'checkbox', value: status, checked: initial.statuses.has(status) });
    return { input, label: h('label', { class: 'rd-check' }, input, ` ${STATUS_INFO[status].label} (${count})`) };
  });
  const side = h('select', { id: `${idPrefix}-side`, class: 'rd-select' },
    [['both', 'Both readouts'], ['a', SIDE_NAMES.a], ['b', SIDE_NAMES.b]].map(([value, label]) =>
      h('option', { value, selected: value === initial.side }, label)));
  const commitments = h('input', { type: 'checkbox', checked: initial.commitmentsOnly });
  const search = h('input', { type: 'search', id: `${idPrefix}-search`, class: 'rd-search', value: initial.query,
    placeholder: 'Words in either readout', autocomplete: 'off', spellcheck: 'false' });
  const count = h('p', { class: 'rd-shown', role: 'status' });
  const read = () => ({
    statuses: new Set(boxes.filter((b) => b.input.checked).map((b) => b.input.value)),
    side: side.value,
    commitmentsOnly: commitments.checked,
    query: search.value,
  });
  const element = h('div', { class: 'rd-toolbar' },
    h('fieldset', { class: 'rd-filters' }, h('legend', {}, 'Show'), boxes.map((b) => b.label),
      h('label', { class: 'rd-check' }, commitments, ' Commitments only')),
    h('label', { class: 'rd-field' }, 'Side ', side),
    h('label', { class: 'rd-field' }, 'Find ', search),
    count);
  // Statuses not in this report stay as they were asked for (they have no box to change them).
  const absent = [...initial.statuses].filter((status) => !present.includes(status));
  const changed = () => {
    const next = read();
    for (const status of absent) next.statuses.add(status);
    onChange(next);
  };
  element.addEventListener('change', changed);
  search.addEventListener('input', changed);
  return {
    element,
    showCount({ shown, total }) {
      count.textContent = `${shown} of ${total} sentences shown`;
    },
  };
}

// Every change in reading order (where n/p stop), each a button to its sentence. The list is
// built when first opened: a long report's thousand buttons would otherwise cost every view.
function renderJumpList(model, changes) {
  const list = h('ol', { class: 'rd-jump-list' });
  const details = h('details', { class: 'rd-jump' }, h('summary', {}, `Jump to a change (${changes.length})`), list);
  details.addEventListener('toggle', () => {
    if (!details.open || list.firstChild) return;
    list.append(...changes.map(({ side, id }) => {
      const sentence = model.byId[side].get(id);
      const status = STATUS_INFO[sentenceStatus(sentence)];
      const excerpt = sentence.text.length > 90 ? `${sentence.text.slice(0, 89)}…` : sentence.text;
      return h('li', {}, h('button', { type: 'button', class: 'rd-jump-button', dataset: { targetSide: side, targetId: String(id) } },
        h('span', { class: 'rd-ref' }, sentenceRef(side, id)), ` ${status.icon} ${status.label}: `,
        h('span', { lang: langOf(excerpt) }, excerpt)));
    }));
  });
  return details;
}

// A sentence starts a paragraph in its own readout's order (shown as a gap in the columns).
function* paragraphStartSteps(model) {
  const starts = new Set();
  for (const side of SIDES) {
    let previous = null;
    for (const [at, sentence] of model.sentences[side].entries()) {
      if (endsStep(at)) yield;
      if (previous !== null && sentence.paragraph !== previous) starts.add(sentenceKey(side, sentence.id));
      previous = sentence.paragraph;
    }
  }
  return starts;
}

// A labelled group of buttons, one pressed: choices maps each value to its button's label, and
// each button carries its value as data-<key> (data-layout="columns", data-text-size="large").
function renderChoices(labelId, label, key, choices, onChoose) {
  const buttons = Object.entries(choices).map(([value, text]) => h('button', {
    type: 'button', class: 'rd-choice-button', 'aria-pressed': 'false', dataset: { [key]: value },
    onclick: () => onChoose(value),
  }, text));
  const element = h('div', { class: 'rd-choices', role: 'group', 'aria-labelledby': labelId },
    h('span', { class: 'rd-choice-label', id: labelId }, label), buttons);
  return {
    element,
    show(value) {
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset[key] === value));
    },
  };
}

// Removes a part of the view with thousands of sentences as many short tasks: hidden at once
// (content-visibility: hidden keeps its layout, so hiding costs nothing, where display: none or a
// removal tears down every sentence in one go), then taken apart a slice at a time. Its ids stay
// until it is gone; whatever replaces it comes before it, so look-ups by id find the new one.
async function takeApart(part) {
  part.classList.add('rd-retired');
  // Listing the sentences of a long view takes a while: not in the task that hides it, which is
  // also the one that sets up the view replacing it.
  await nextTask();
  const items = [...part.querySelectorAll('.rd-sentence')].reverse();
  let index = 0;
  while (index < items.length) {
    const until = performance.now() + SLICE_MS;
    do items[index++].remove(); while (index < items.length && performance.now() < until);
    await nextTask();
  }
  part.remove();
}
