// Makes a rendered comparison explorable: hovering or focusing a sentence highlights its
// counterparts and scrolls them into view in their column; arrow keys move within a column
// (Left/Right jump to the counterpart); n/p (and j/k) move between changes; filters hide sentences.
import { counterpartsOf, changesInReadingOrder, CHANGE_STATUSES } from './report-model.js';
import { sentenceElements, findSentenceElement } from './render.js';

const NAVIGATION_KEYS = { n: 1, j: 1, p: -1, k: -1 };

export function attachInteractions(view) {
  const model = view.readoutModel;
  let highlighted = [];

  const sentenceOf = (element) => {
    const item = element?.closest?.('.rd-sentence');
    return item && view.contains(item) ? item : null;
  };

  function highlight(item) {
    clearHighlight();
    const sentence = model.byId[item.dataset.side].get(Number(item.dataset.id));
    const counterparts = counterpartsOf(model, item.dataset.side, sentence)
      .map((c) => findSentenceElement(view, c.side, c.id)).filter(Boolean);
    item.classList.add('rd-active');
    for (const element of counterparts) element.classList.add('rd-counterpart');
    highlighted = [item, ...counterparts];
    if (counterparts.length) reveal(counterparts[0], { mayScrollPage: false });
  }

  function clearHighlight() {
    for (const element of highlighted) element.classList.remove('rd-active', 'rd-counterpart');
    highlighted = [];
  }

  view.addEventListener('mouseover', (event) => {
    const item = sentenceOf(event.target);
    if (item && !item.classList.contains('rd-active')) highlight(item);
  });
  view.addEventListener('mouseleave', () => {
    if (!view.contains(view.getRootNode().activeElement)) clearHighlight();
  });
  view.addEventListener('focusin', (event) => {
    const item = sentenceOf(event.target);
    if (!item) return;
    makeTabStop(item);
    highlight(item);
  });
  view.addEventListener('focusout', (event) => {
    if (!view.contains(event.relatedTarget)) clearHighlight();
  });
  view.addEventListener('keydown', (event) => {
    const item = sentenceOf(event.target);
    if (!item || event.target !== item || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = arrowTarget(view, model, item, event.key);
    if (target) {
      event.preventDefault();
      focusSentence(target);
    }
  });

  ensureTabStops(view);
  view.readoutChanges = changesInReadingOrder(model);
}

// One tab stop per column (roving tabindex): the last focused visible sentence, else the first.
function ensureTabStops(view) {
  for (const column of view.querySelectorAll('.rd-column')) {
    const current = column.querySelector('.rd-sentence[tabindex="0"]');
    if (current && !current.hidden) continue;
    if (current) current.tabIndex = -1;
    const first = [...column.querySelectorAll('.rd-sentence')].find((el) => !el.hidden);
    if (first) first.tabIndex = 0;
  }
}

function makeTabStop(item) {
  const column = item.closest('.rd-column');
  for (const other of column.querySelectorAll('.rd-sentence[tabindex="0"]')) other.tabIndex = -1;
  item.tabIndex = 0;
}

function arrowTarget(view, model, item, key) {
  const visible = (list) => [...list].filter((el) => !el.hidden);
  const siblings = visible(item.closest('.rd-column').querySelectorAll('.rd-sentence'));
  const index = siblings.indexOf(item);
  switch (key) {
    case 'ArrowDown': return siblings[index + 1];
    case 'ArrowUp': return siblings[index - 1];
    case 'Home': return siblings[0];
    case 'End': return siblings[siblings.length - 1];
    case 'ArrowLeft':
    case 'ArrowRight': {
      const wanted = key === 'ArrowLeft' ? 'a' : 'b';
      if (item.dataset.side === wanted) return null;
      const sentence = model.byId[item.dataset.side].get(Number(item.dataset.id));
      const [first] = counterpartsOf(model, item.dataset.side, sentence);
      if (first) return findSentenceElement(view, first.side, first.id);
      // Without a counterpart, go to the sentence at the same height in the other column.
      const others = visible(view.querySelectorAll(`.rd-column-${wanted} .rd-sentence`));
      return others[Math.min(index, others.length - 1)];
    }
    default: return null;
  }
}

function focusSentence(element) {
  element.focus({ preventScroll: true });
  reveal(element, { mayScrollPage: true });
}

// Brings a sentence into view. Where its column scrolls on its own, only that column moves, so the
// sentence being read stays put. Otherwise only a key press may scroll the page (mayScrollPage):
// a hover never moves the page under the reader's mouse.
function reveal(element, { mayScrollPage }) {
  const list = element.closest('.rd-sentences');
  if (list && scrollsOnItsOwn(list)) scrollWithinList(list, element);
  else if (mayScrollPage) element.scrollIntoView({ block: 'nearest' });
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
  const changes = view.readoutChanges
    .map((c) => findSentenceElement(view, c.side, c.id))
    .filter((element) => element && !element.hidden);
  if (!changes.length) return false;
  const current = changes.indexOf(event.composedPath().find((node) => node.classList?.contains('rd-sentence')));
  const next = current === -1
    ? (step > 0 ? changes[0] : changes[changes.length - 1])
    : changes[(current + step + changes.length) % changes.length];
  event.preventDefault();
  focusSentence(next);
  return true;
}

function isTypingTarget(event) {
  const target = event.composedPath()[0];
  return target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

// Filters: "commitments only" keeps sentences with a commitment; "changes only" keeps
// modified/new/dropped sentences. Returns how many sentences remain visible.
export function applyFilters(view, { commitmentsOnly = false, changesOnly = false }) {
  let shown = 0;
  for (const item of sentenceElements(view)) {
    const hide = (commitmentsOnly && !item.classList.contains('rd-has-commitment')) ||
      (changesOnly && !CHANGE_STATUSES.has(item.dataset.status));
    item.hidden = hide;
    if (!hide) shown += 1;
  }
  ensureTabStops(view);
  return shown;
}
