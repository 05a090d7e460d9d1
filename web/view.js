// The comparison view, one for every host: the page (app.js), <readout-diff> (element.js),
// ReadoutDiff.render (api.js) and the static HTML report (report-html.js).
//   const view = createView(report, { idPrefix: 'rd' });
//   host.replaceChildren(view.element);
// Three layouts of the same report model: aligned rows (the default), the document-order columns
// and the commitment table. Long reports are built in slices of a few milliseconds each, so the
// page keeps answering while thousands of sentences are added (view.ready resolves when done).
// Everything the view knows lives in this closure, not on DOM elements.
import { h } from './dom.js';
import { createModel, alignedRows, changesInReadingOrder, commitmentEntries, counterpartsOf, sentenceKey, SIDES } from './report-model.js';
import { renderSummary, renderRowsLayout, renderColumnsLayout, renderSentence, renderCommitmentTable } from './render.js';
import { attachInteractions, handleNavigationKey, applyFilters } from './interactions.js';

export const LAYOUTS = {
  rows: 'Aligned rows',
  columns: 'Document order',
  commitments: 'Commitments',
};

const SLICE_MS = 12;

// options: idPrefix (unique per document), layout ('rows' | 'columns' | 'commitments'),
// interactive (false for the static report: everything built at once, no layout switch).
export function createView(report, { idPrefix = 'rd', layout = 'rows', interactive = true } = {}) {
  const model = createModel(report);
  const rows = alignedRows(model);
  const moved = new Set(rows.filter((row) => row.moved).flatMap((row) => SIDES.flatMap((side) => row[side].map((id) => sentenceKey(side, id)))));
  const elements = new Map();
  const state = { layout: null, filters: {}, generation: 0, ready: Promise.resolve(), onLayout: null };
  const paragraphStart = paragraphStarts(model);

  const sentenceContext = {
    model, idPrefix, moved,
    startsParagraph: (side, sentence) => state.layout === 'columns' && paragraphStart.has(sentenceKey(side, sentence.id)),
  };
  const sentence = (side, id) => {
    const element = renderSentence(sentenceContext, side, model.byId[side].get(id));
    elements.set(sentenceKey(side, id), element);
    return element;
  };

  const body = h('div', { class: 'rd-body' });
  const switcher = interactive ? renderSwitcher(idPrefix, (next) => setLayout(next)) : null;
  const element = h('div', { class: 'rd-view' }, renderSummary(report), switcher?.element ?? null, body);

  const view = {
    model,
    rows,
    changes: changesInReadingOrder(rows),
    root: element,
    elementOf: (side, id) => elements.get(sentenceKey(side, id)) ?? null,
    counterpartsOf: (side, id) => counterpartsOf(model, side, model.byId[side].get(id)),
    sentenceOf: (item) => model.byId[item.dataset.side].get(Number(item.dataset.id)),
  };

  function setLayout(next) {
    if (!LAYOUTS[next] || next === state.layout) return state.ready;
    state.layout = next;
    const generation = ++state.generation;
    elements.clear();
    switcher?.show(next);
    let pieces = [];
    if (next === 'rows') ({ pieces } = mount(renderRowsLayout(model, rows, sentence)));
    else if (next === 'columns') ({ pieces } = mount(renderColumnsLayout(model, idPrefix, sentence)));
    else mount({ element: renderCommitmentTable(model, commitmentEntries(model)) });
    state.ready = interactive ? buildInSlices(pieces, () => generation === state.generation) : buildAtOnce(pieces);
    state.ready.then(() => {
      if (generation === state.generation) applyFilters(view, state.filters);
    });
    state.onLayout?.(next);
    return state.ready;
  }

  function mount(part) {
    body.replaceChildren(part.element);
    body.dataset.layout = state.layout;
    return part;
  }

  // Each slice's sentences get the current filters as they arrive, so a filtered view never
  // flashes hidden sentences.
  async function buildInSlices(pieces, current) {
    let index = 0;
    while (index < pieces.length) {
      if (!current()) return;
      const until = performance.now() + SLICE_MS;
      const built = [];
      do {
        const { parent, build } = pieces[index++];
        const child = build();
        parent.append(child);
        built.push(child);
      } while (index < pieces.length && performance.now() < until);
      applyFilters(view, state.filters, built);
      if (index < pieces.length) await nextTask();
    }
  }

  function buildAtOnce(pieces) {
    for (const { parent, build } of pieces) parent.append(build());
    return Promise.resolve();
  }

  setLayout(layout);
  if (interactive) attachInteractions(view);

  return {
    element,
    get layout() { return state.layout; },
    get ready() { return state.ready; },
    setLayout,
    // filters: {commitmentsOnly, changesOnly}; returns {shown, total} sentences once applied.
    async setFilters(filters) {
      state.filters = { ...filters };
      await state.ready;
      return applyFilters(view, state.filters);
    },
    // n/p/j/k from wherever the host listens (the page, or the element): true when focus moved.
    handleKey: (event) => handleNavigationKey(view, event),
    onLayoutChange(callback) { state.onLayout = callback; },
  };
}

// A sentence starts a paragraph in its own readout's order (shown as a gap in the columns).
function paragraphStarts(model) {
  const starts = new Set();
  for (const side of SIDES) {
    let previous = null;
    for (const sentence of model.sentences[side]) {
      if (previous !== null && sentence.paragraph !== previous) starts.add(sentenceKey(side, sentence.id));
      previous = sentence.paragraph;
    }
  }
  return starts;
}

function renderSwitcher(idPrefix, onChoose) {
  const buttons = Object.entries(LAYOUTS).map(([layout, label]) => h('button', {
    type: 'button', class: 'rd-layout-button', 'aria-pressed': 'false', dataset: { layout },
    onclick: () => onChoose(layout),
  }, label));
  const element = h('div', { class: 'rd-layout-switch', role: 'group', 'aria-labelledby': `${idPrefix}-layout-label` },
    h('span', { class: 'rd-layout-label', id: `${idPrefix}-layout-label` }, 'View'), buttons);
  return {
    element,
    show(layout) {
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.layout === layout));
    },
  };
}

// A macrotask boundary that is not throttled like setTimeout's nested timers.
function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
