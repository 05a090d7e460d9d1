// Makes a view explorable (view.js passes itself: root, model, elementOf, counterpartsOf,
// sentenceOf, changes). Hovering or focusing a sentence highlights its counterparts and, where
// they sit in a column that scrolls on its own, brings them into view there; a hover never scrolls
// the page. Arrow keys move within a side (Left/Right jump to the counterpart), Enter opens a
// sentence's evidence or goes to its likeliest near miss, n/p (and j/k) move between changes.
import { SIDES } from './report-model.js';

const NAVIGATION_KEYS = { n: 1, j: 1, p: -1, k: -1 };

export function attachInteractions(view) {
  const { root } = view;
  let highlighted = [];

  const sentenceOf = (element) => {
    const item = element?.closest?.('.rd-sentence');
    return item && root.contains(item) ? item : null;
  };

  function highlight(item, { mayScrollPage }) {
    clearHighlight();
    const counterparts = view.counterpartsOf(item.dataset.side, Number(item.dataset.id))
      .map((c) => view.elementOf(c.side, c.id)).filter(Boolean);
    item.classList.add('rd-active');
    for (const element of counterparts) element.classList.add('rd-counterpart');
    highlighted = [item, ...counterparts];
    if (counterparts.length) reveal(counterparts[0], { mayScrollPage });
  }

  function clearHighlight() {
    for (const element of highlighted) element.classList.remove('rd-active', 'rd-counterpart');
    highlighted = [];
  }

  root.addEventListener('mouseover', (event) => {
    const item = sentenceOf(event.target);
    if (item && !item.classList.contains('rd-active')) highlight(item, { mayScrollPage: false });
  });
  root.addEventListener('mouseleave', () => {
    if (!root.contains(root.getRootNode().activeElement)) clearHighlight();
  });
  root.addEventListener('focusin', (event) => {
    const item = sentenceOf(event.target);
    if (!item) return;
    makeTabStop(root, item);
    // Focus going to a control of the sentence already highlighted (its Evidence, a review button)
    // leaves the page where it is: scrolled between the press and the release, the click was lost.
    if (event.target !== item && item.classList.contains('rd-active')) return;
    // A tap on a narrow screen focuses the sentence: its counterpart comes into view on the page.
    highlight(item, { mayScrollPage: true });
  });
  root.addEventListener('focusout', (event) => {
    if (!root.contains(event.relatedTarget)) clearHighlight();
  });
  // A sentence's Evidence button becomes the open disclosure (render.js), its summary focused.
  root.addEventListener('click', (event) => {
    const button = event.target.closest?.('.rd-evidence-button');
    if (button && root.contains(button)) view.openEvidence(button).querySelector('summary').focus({ preventScroll: true });
  });
  root.addEventListener('click', (event) => {
    // Near misses and the jump list: buttons that name the sentence they go to.
    const button = event.target.closest?.('button[data-target-side]');
    if (!button || !root.contains(button)) return;
    const target = view.elementOf(button.dataset.targetSide, Number(button.dataset.targetId));
    if (target) goToSentence(target);
  });
  root.addEventListener('keydown', (event) => {
    const item = sentenceOf(event.target);
    if (!item || event.target !== item || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter') {
      if (openDetails(view, item)) event.preventDefault();
      return;
    }
    const target = arrowTarget(view, item, event.key);
    if (target) {
      event.preventDefault();
      focusSentence(target);
    }
  });
}

// Enter on a sentence: toggles its evidence, or (a dropped or new sentence) goes to its likeliest
// near miss. Returns whether it did anything.
function openDetails(view, item) {
  const button = item.querySelector('.rd-evidence-button');
  if (button) {
    view.openEvidence(button);
    return true;
  }
  const evidence = item.querySelector('.rd-evidence');
  if (evidence) {
    evidence.open = !evidence.open;
    return true;
  }
  const possible = item.querySelector('.rd-possible-link');
  if (possible) {
    possible.click();
    return true;
  }
  return false;
}

// A near miss hidden by a filter is shown again rather than left unreachable.
function revealHidden(target) {
  target.hidden = false;
  for (const part of [target.closest('.rd-cell > .rd-block'), target.closest('.rd-row')]) if (part) part.hidden = false;
}

// The view's sentences, without those of a part being taken apart (view.js, takeApart).
function liveSentences(scope, selector = '') {
  return [...scope.querySelectorAll(`.rd-sentence${selector}`)].filter((el) => !el.closest('.rd-retired'));
}

function itemsOfSide(root, side) {
  return liveSentences(root, `[data-side="${side}"]`).filter((el) => !el.hidden && !el.closest('[hidden]'));
}

// One tab stop per side (roving tabindex): the last focused visible sentence, else the first.
// Each view's tab stops are kept here, per root and side, and set only through setTabStop (and
// replaceSentence): looking them up among a long view's sentences (querySelectorAll) took 170 ms
// at 83,000 sentences a side, on every focus and at the end of every build. The first shown
// sentence is looked up, not listed: the live part of a view comes before one being taken apart,
// so the first found is the live part's or there is none.
const tabStops = new WeakMap();

function tabStopOf(root, side) {
  const stop = tabStops.get(root)?.[side];
  return stop?.isConnected && !stop.closest('.rd-retired') ? stop : null;
}

function setTabStop(root, side, item) {
  const previous = tabStops.get(root)?.[side];
  if (previous && previous !== item) previous.tabIndex = -1;
  if (item) item.tabIndex = 0;
  tabStops.set(root, { ...tabStops.get(root), [side]: item });
}

export function ensureTabStops(root) {
  for (const side of SIDES) {
    const current = tabStopOf(root, side);
    if (current && !current.hidden && !current.closest('[hidden]')) continue;
    const first = root.querySelector(`.rd-sentence[data-side="${side}"]:not([hidden])`);
    setTabStop(root, side, first && !first.closest('.rd-retired') ? first : null);
  }
}

function makeTabStop(root, item) {
  setTabStop(root, item.dataset.side, item);
}

// Puts `fresh` where the sentence element `old` is (a review decision re-renders a sentence),
// as a tab stop if the old one was.
export function replaceSentence(root, old, fresh) {
  fresh.tabIndex = old.tabIndex;
  old.replaceWith(fresh);
  if (tabStops.get(root)?.[old.dataset.side] === old) setTabStop(root, old.dataset.side, fresh);
}

function arrowTarget(view, item, key) {
  const side = item.dataset.side;
  const siblings = itemsOfSide(view.root, side);
  const index = siblings.indexOf(item);
  switch (key) {
    case 'ArrowDown': return siblings[index + 1];
    case 'ArrowUp': return siblings[index - 1];
    case 'Home': return siblings[0];
    case 'End': return siblings[siblings.length - 1];
    case 'ArrowLeft':
    case 'ArrowRight': {
      const wanted = key === 'ArrowLeft' ? 'a' : 'b';
      if (side === wanted) return null;
      const [first] = view.counterpartsOf(side, Number(item.dataset.id));
      if (first) return view.elementOf(first.side, first.id);
      const others = itemsOfSide(view.root, wanted);
      // Columns: the sentence at the same height in the other column. Rows: the nearest one of the
      // other side after this sentence (its row or the next), else the last before it.
      if (item.closest('.rd-column')) return others[Math.min(index, others.length - 1)];
      return others.find((el) => item.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) ?? others[others.length - 1];
    }
    default: return null;
  }
}

function focusSentence(element) {
  element.focus({ preventScroll: true });
  reveal(element, { mayScrollPage: true });
}

// Brings a sentence into view. Where its column scrolls on its own, only that column moves, so the
// sentence being read stays put. Otherwise only focus and keys may scroll the page (mayScrollPage):
// a hover never moves the page under the reader's mouse.
function reveal(element, { mayScrollPage }) {
  const list = element.closest('.rd-sentences');
  if (list && scrollsOnItsOwn(list)) scrollWithinList(list, element);
  else if (mayScrollPage) scrollIntoPage(element);
}

// How many frames after scrolling the page to a sentence it is brought into view again if it moved.
const SETTLE_FRAMES = 4;

// Blocks never shown are laid out at an estimated height (content-visibility: auto), and those
// that the scroll brings into view then render at their own, above the sentence as often as
// below: it can end up out of view again (by over a thousand pixels beside a row of a hundred
// sentences). For a few frames, scroll to it again ('nearest' does nothing once it is in view),
// unless the page has since been scrolled to another sentence.
let settling = null;

function scrollIntoPage(element) {
  element.scrollIntoView({ block: 'nearest' });
  settling = element;
  let frames = 0;
  const again = () => {
    if (settling !== element || !element.isConnected) return;
    element.scrollIntoView({ block: 'nearest' });
    if (++frames < SETTLE_FRAMES) requestAnimationFrame(again);
  };
  requestAnimationFrame(again);
}

function scrollsOnItsOwn(list) {
  return list.scrollHeight > list.clientHeight && /^(auto|scroll)$/.test(getComputedStyle(list).overflowY);
}

// The element that a list's next scrollend should check again (see scrollWithinList).
const pendingReveal = new WeakMap();

function scrollWithinList(list, element) {
  const top = revealTop(list, element);
  if (top === null) return;
  const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  // Sentences never shown are laid out at an estimated height (content-visibility: auto), so the
  // target can move once the sentences around it render: when the scroll ends, look again.
  if (!pendingReveal.has(list)) {
    list.addEventListener('scrollend', () => {
      const latest = pendingReveal.get(list);
      pendingReveal.delete(list);
      const corrected = latest ? revealTop(list, latest) : null;
      if (corrected !== null) list.scrollTo({ top: corrected, behavior: 'auto' });
    }, { once: true });
  }
  pendingReveal.set(list, element);
  list.scrollTo({ top, behavior: smooth ? 'smooth' : 'auto' });
}

// The list's scrollTop that shows the element a third of the way down, or null when it is in view.
function revealTop(list, element) {
  const listBox = list.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  const top = box.top - listBox.top - list.clientTop + list.scrollTop;
  if (top >= list.scrollTop && top + box.height <= list.scrollTop + list.clientHeight) return null;
  return Math.max(0, top - list.clientHeight / 3);
}

// Handles n/p/j/k for a view: returns true when the key moved focus. Callers decide where keys
// come from (the whole page, or one <readout-diff> element) and skip keys typed into fields.
export function handleNavigationKey(view, event) {
  const step = NAVIGATION_KEYS[event.key];
  if (!step || event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event)) return false;
  const stops = view.changes
    .map((c) => view.elementOf(c.side, c.id))
    .filter((element) => element && !element.hidden && !element.closest('[hidden]'));
  if (!stops.length) return false;
  // Inside a linked group, the stop is the group's: find it through the focused sentence's row.
  const focused = event.composedPath().find((node) => node.classList?.contains('rd-sentence'));
  const focusedRow = focused?.closest('.rd-row');
  let current = stops.indexOf(focused);
  if (current === -1 && focusedRow) current = stops.findIndex((stop) => stop.closest('.rd-row') === focusedRow);
  const next = current === -1
    ? (step > 0 ? stops[0] : stops[stops.length - 1])
    : stops[(current + step + stops.length) % stops.length];
  event.preventDefault();
  focusSentence(next);
  return true;
}

function isTypingTarget(event) {
  const target = event.composedPath()[0];
  return target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

// Filters (view.js's toolbar): statuses shown (a Set of repeated/modified/new/dropped/kept), the
// side ('both', 'a' or 'b'), commitments only, and a search over both texts (case-insensitive);
// a row, or a block of a long row's side, is hidden when none of its sentences is shown (a block
// not yet rendered would otherwise keep its estimated height, a gap). With `built` (the elements
// a slice of the view just added) only those are filtered: the view's own pass at the end sets
// the tab stops and counts, so a slice costs what it adds, not the whole view. Returns {shown,
// total} sentences.
export function applyFilters(view, filters, built = null) {
  const scope = built ?? [view.root];
  const items = scope.flatMap((el) => (el.matches('.rd-sentence') ? [el] : liveSentences(el)));
  const query = (filters.query ?? '').trim().toLocaleLowerCase();
  let shown = 0;
  for (const item of items) {
    const sentence = view.sentenceOf(item);
    item.hidden = (filters.statuses && !filters.statuses.has(item.dataset.status)) ||
      (filters.side && filters.side !== 'both' && item.dataset.side !== filters.side) ||
      (filters.commitmentsOnly && !sentence.commitment) ||
      (query !== '' && !sentence.text.toLocaleLowerCase().includes(query));
    if (!item.hidden) shown += 1;
  }
  // The parts around what was built too: a long row's sentences are built after the row.
  const parts = new Set();
  for (const el of scope) {
    for (const part of [el.closest('.rd-cell > .rd-block'), el.closest('.rd-row'), ...el.querySelectorAll('.rd-row, .rd-cell > .rd-block')]) {
      if (part && !part.closest('.rd-retired')) parts.add(part);
    }
  }
  for (const part of parts) part.hidden = !part.querySelector('.rd-sentence:not([hidden])');
  if (!built) ensureTabStops(view.root);
  return { shown, total: view.model.sentences.a.length + view.model.sentences.b.length };
}

// Focus on a sentence from elsewhere in the view (the jump list, a near miss): shown again first
// if a filter hid it, so no button leads nowhere.
export function goToSentence(target) {
  if (target.hidden) revealHidden(target);
  focusSentence(target);
}
