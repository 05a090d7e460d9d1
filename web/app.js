// The page: two input boxes, the comparison view, exports, and the iframe mode. Compares
// automatically shortly after each edit; the engine runs in a worker (engine-client.js).
import { sharedEngine, EngineError } from './engine-client.js';
import { InputPanel } from './inputs.js';
import { createView, prepareView } from './view.js';
import { reportJson, markdownSummary, linksCsv, sentencesCsv, commitmentsCsv, exportFileName, localDate } from './exporters.js';
import { staticReportHtml } from './report-html.js';
import { downloadText } from './download.js';
import { KEEP_RISK, loadKeepPreference, saveKeepPreference, loadTexts, saveTexts } from './storage.js';
import { loadExample, viewStyleText } from './assets.js';
import { embedSettings, startEmbedding } from './embed.js';
import { commitmentSummary, SIDES } from './report-model.js';
import { startSeriesMode } from './series-mode.js';
import { compareWithReview, ReadoutDiffError } from './api.js';
import './element.js';
import { nextTask } from './next-task.js';
import { isBlank } from './long-text.js';

const EDIT_DELAY_MS = 500;
const SAVE_DELAY_MS = 400;

const byId = (id) => document.getElementById(id);
const ui = {
  status: byId('status'), statusText: byId('status-text'), cancel: byId('cancel'), retry: byId('retry'),
  results: byId('results'), tools: byId('result-tools'), viewHost: byId('view-host'),
  keepTexts: byId('keep-texts'), keepRisk: byId('keep-risk'), storageNote: byId('storage-note'),
  printHeader: byId('print-header'),
};
const embed = embedSettings(window.location);
const engine = sharedEngine();
const panels = {};
// report: what is shown (the engine's report made with the analyst's decisions, when there are
// any); engineReport: the engine's report of the same texts without them, for the JSON export;
// compared: compareWithReview's last answer (the texts and the engine's reports of them), so that
// texts are compared without decisions again only when they change; review: the decisions
// (createReview's JSON), or null.
const state = {
  report: null, engineReport: null, compared: null, view: null, review: null, busy: false, rerun: false, comparing: null,
  editTimer: 0, saveTimer: 0, unsaved: false, embedding: null, cancels: 0,
};

function onEdit() {
  clearTimeout(state.editTimer);
  state.editTimer = setTimeout(compare, EDIT_DELAY_MS);
  scheduleSave();
}

// The texts in the boxes, or the decisions, are no longer those being (or last) compared.
function textsChanged() {
  return panels.a.text !== state.comparing.a || panels.b.text !== state.comparing.b || state.review !== state.comparing.review;
}

async function compare() {
  clearTimeout(state.editTimer);
  if (state.busy) {
    // The newest texts win: a comparison of texts changed since it started is stopped (its result
    // would be stale) and the new one runs as soon as it has.
    state.rerun = true;
    if (textsChanged()) engine.cancel();
    return;
  }
  for (const side of SIDES) panels[side].clearError();
  const missing = SIDES.filter((side) => isBlank(panels[side].text));
  if (missing.length) {
    showResult(null);
    setStatus(`Enter, paste or open ${missing.length === 2 ? 'two readouts' : `readout ${missing[0].toUpperCase()}`} to compare.`);
    return;
  }
  const oversized = SIDES.filter((side) => !panels[side].checkSize());
  if (oversized.length) {
    showResult(null);
    setStatus(`Readout ${oversized[0].toUpperCase()} is over the size limit; see the message under it.`);
    return;
  }
  setBusy(true);
  const started = performance.now();
  const request = { a: panels.a.text, b: panels.b.text, review: state.review };
  state.comparing = request;
  try {
    // Only the decisions changed: the engine's own report of these texts is the one kept.
    state.compared = await compareWithReview(request.a, request.b, request.review, state.compared);
    const { report, engineReport } = state.compared;
    const cancels = state.cancels;
    const prepared = await prepareView(report, { engineReport });
    if (state.cancels !== cancels) throw new EngineError('Cancelled.', { cancelled: true });
    if (textsChanged()) state.rerun = true;  // stale: never shown
    else {
      showResult(report, engineReport, prepared);
      setStatus(`Compared in ${Math.round(performance.now() - started)} ms. ${commitmentSummary(report.summary)}.`);
    }
  } catch (error) {
    if (error.cancelled && state.rerun) {
      // Stopped for newer texts (see above): nothing to show, the run below compares them.
    } else if (!error.cancelled && textsChanged()) {
      state.rerun = true;  // an error about texts since changed: never shown
    } else if (error instanceof ReadoutDiffError) {
      showEngineError(error);
    } else {
      showResult(null);
      setStatus(error.cancelled
        ? 'Comparison cancelled. Your texts are unchanged.'
        : `${error.message} Your texts are unchanged.`, { retry: true });
    }
  } finally {
    setBusy(false);
  }
  if (state.rerun) {
    state.rerun = false;
    compare();
  }
}

function showEngineError(error) {
  showResult(null);
  const side = SIDES.includes(error.side) ? error.side : null;
  if (side) {
    panels[side].showError(error);
    setStatus(`Readout ${side.toUpperCase()} could not be compared; see the message under it.`);
  } else {
    setStatus(`The texts could not be compared: ${error.message}`, { retry: true });
  }
}

// prepared: prepareView's for this report, when it was worked out beforehand.
function showResult(report, engineReport = report, prepared = null) {
  state.report = report;
  state.engineReport = engineReport;
  // The layout, the text size, the filters and the focus stay when the texts are compared again.
  const previous = state.view;
  const focus = previous?.focusPlace;
  state.view = report ? createView(report, {
    idPrefix: 'rd', layout: previous?.layout, textSize: previous?.textSize, filters: previous?.filters, review: state.review, engineReport, prepared,
  }) : null;
  // Each decision is the engine's to apply: the texts are compared again with it.
  state.view?.onReviewChange((review) => {
    state.review = review;
    scheduleSave();
    compare();
  });
  const shown = state.view;
  if (focus) shown.ready.then(() => { if (state.view === shown) shown.restoreFocus(focus); });
  previous?.retire();
  if (state.view) ui.viewHost.prepend(state.view.element);
  ui.tools.hidden = !report;
  showPrintHeader(report);
  if (report) state.embedding?.sendSummary(report.summary);
}

function setBusy(busy) {
  state.busy = busy;
  ui.results.setAttribute('aria-busy', String(busy));
  ui.status.classList.toggle('busy', busy);
  ui.cancel.hidden = !busy;
  if (busy) setStatus('Comparing…');
}

function setStatus(message, { retry = false } = {}) {
  ui.statusText.textContent = message;
  ui.retry.hidden = !retry;
}

function scheduleSave() {
  if (embed || !ui.keepTexts.checked) return;
  state.unsaved = true;
  clearTimeout(state.saveTimer);
  state.saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
}

function saveNow() {
  clearTimeout(state.saveTimer);
  state.unsaved = false;
  if (embed || !ui.keepTexts.checked) return;
  const texts = Object.fromEntries(SIDES.map((side) => [side, { text: panels[side].text, name: panels[side].name }]));
  // The analyst's review is kept with the texts it was made on, under the same opt-in.
  ui.storageNote.textContent = saveTexts(state.review ? { ...texts, review: state.review } : texts)
    ? 'Texts are kept in this browser until you clear them.'
    : 'These texts are too large to keep in this browser; they stay in this tab only.';
}

function swapSides() {
  const a = { text: panels.a.text, name: panels.a.name };
  panels.a.set(panels.b.text, panels.b.name);
  panels.b.set(a.text, a.name);
}

async function loadDefaultExample() {
  const example = await loadExample();
  if (!example) return false;
  panels.a.set(example.a.text, example.a.name);
  panels.b.set(example.b.text, example.b.name);
  return true;
}

const EXPORTS = {
  json: () => ['json', 'application/json', reportJson(state.engineReport, state.report.review)],
  markdown: () => ['md', 'text/markdown', markdownSummary(state.report, names())],
  csv: () => ['links.csv', 'text/csv', linksCsv(state.report)],
  'sentences-csv': () => ['sentences.csv', 'text/csv', sentencesCsv(state.report)],
  'commitments-csv': () => ['commitments.csv', 'text/csv', commitmentsCsv(state.report)],
  html: async () => ['html', 'text/html',
    await staticReportHtml(state.report, { names: names(), viewCss: viewStyleText(), review: state.review, engineReport: state.engineReport })],
};

function names() {
  return { a: panels.a.displayName, b: panels.b.displayName };
}

// Printed, the comparison says what was compared and when (hidden on screen).
function showPrintHeader(report) {
  ui.printHeader.textContent = report
    ? `Readout comparison: ${names().a} → ${names().b}. Compared ${localDate(new Date())} with Readout Diff ${report.engine?.version ?? ''}.`
    : '';
}

async function exportReport(kind) {
  if (!state.report) return;
  const [extension, type, content] = await EXPORTS[kind]();
  downloadText(exportFileName(names(), new Date(), extension), type, content);
}

function wireControls() {
  byId('compare').addEventListener('click', compare);
  byId('swap').addEventListener('click', swapSides);
  byId('load-example').addEventListener('click', loadDefaultExample);
  ui.retry.addEventListener('click', compare);
  // Cancel sticks: no rerun asked for by an edit during the run, and no pending edit, follows it.
  ui.cancel.addEventListener('click', () => {
    state.rerun = false;
    state.cancels += 1;
    clearTimeout(state.editTimer);
    engine.cancel();
  });
  for (const button of document.querySelectorAll('[data-export]')) {
    button.addEventListener('click', () => exportReport(button.dataset.export));
  }
  ui.keepTexts.checked = loadKeepPreference();
  ui.keepRisk.textContent = KEEP_RISK;
  if (!ui.keepTexts.checked) ui.storageNote.textContent = 'Texts are not kept: they are gone when this tab closes.';
  ui.keepTexts.addEventListener('change', () => {
    saveKeepPreference(ui.keepTexts.checked);
    if (ui.keepTexts.checked) saveNow();
    else ui.storageNote.textContent = 'Texts are not kept: they are gone when this tab closes.';
  });
  // Only unsaved edits are written on leaving, so closing an old tab never overwrites newer texts
  // saved by another tab.
  window.addEventListener('pagehide', () => {
    if (state.unsaved) saveNow();
  });
  document.addEventListener('keydown', (event) => {
    state.view?.handleKey(event);
  });
}

async function start() {
  document.documentElement.classList.add('page-started');  // page.css lays the body out from now on
  for (const element of document.querySelectorAll('.input-panel')) {
    const panel = new InputPanel(element, onEdit);
    panels[panel.side] = panel;
  }
  wireControls();
  if (!embed) {
    startSeriesMode({ engine, openPair: ({ a, b }) => {
      panels.a.set(a.text, a.name);
      panels.b.set(b.text, b.name);
      compare();
    } });
  }
  if (embed) {
    document.documentElement.classList.add('embed');
    state.embedding = startEmbedding(embed, ({ a, b }) => {
      panels.a.set(a);
      panels.b.set(b);
    });
  }
  // Embedded, the texts come from the host page (it posts them on load): no default example may
  // arrive after them and replace them.
  const stored = embed ? null : loadTexts();
  if (stored) {
    panels.a.set(stored.a.text, stored.a.name);
    panels.b.set(stored.b.text, stored.b.name);
    state.review = stored.review ?? null;
  } else if (!embed) {
    await loadDefaultExample();
  }
  compare();
  engine.version().then((version) => { byId('engine-version').textContent = version; }, () => {});
}

// In a task of its own, not in the one that runs this script: in the single file this script is
// at the end of the body, before the engine's wasm, and in between the parser reads the wasm and
// passes it to the engine's worker, which starts the engine while the page sets up (9 alternated
// loads, median: first result 258 ms and the engine's first own answer 987 ms, against 316 and
// 1,115 ms when start() ran at once).
nextTask().then(start);
