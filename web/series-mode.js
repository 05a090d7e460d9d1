// The page's Series mode: several readouts in order, tracked by the engine (track() in the
// worker) into threads, shown as a matrix with filters and exports. A cell opens its two readouts
// in the page's two-readout view. Series texts are never stored: they are gone when the tab closes.
import { h } from './dom.js';
import { loadExample, seriesStyleText, viewStyleText } from './assets.js';
import { downloadText } from './download.js';
import { SeriesInputs } from './series-inputs.js';
import { createSeriesModel, seriesError, seriesSummaryLine } from './series-model.js';
import { attachSeriesMatrix, filterSeriesMatrix, renderSeriesLegend, renderSeriesMatrix } from './series-matrix.js';
import { seriesCsv, seriesMarkdown, seriesTimelineHtml } from './series-export.js';

const EDIT_DELAY_MS = 300;
const DEFAULT_WINDOW = 3;

// engine: the page's EngineClient; openPair({a, b}) shows two readouts ({name, text}) in the
// two-readout view and compares them.
export function startSeriesMode({ engine, openPair }) {
  const section = document.getElementById('series');
  section.tabIndex = -1;  // a target of the skip link
  const pairSections = [document.querySelector('main > .inputs'), document.getElementById('results')];
  const modeButtons = [...document.querySelectorAll('[data-mode]')];
  const skipLink = document.querySelector('a.skip-link');
  const pairSkip = skipLink && { href: skipLink.getAttribute('href'), text: skipLink.textContent };
  const state = { busy: false, rerun: false, timer: 0, model: null, matrix: null, readouts: [], exampleLoaded: false };

  const ui = buildSection(section);
  const inputs = new SeriesInputs({ list: ui.list, problems: ui.problems, onChange: schedule, onIssuerChange: showIssuers });

  function showMode(mode) {
    for (const button of modeButtons) button.setAttribute('aria-pressed', String(button.dataset.mode === mode));
    section.hidden = mode !== 'series';
    for (const element of pairSections) element.hidden = mode === 'series';
    updateSkipLink();
  }

  // The page's skip link leads to what the mode shows: in Series mode the matrix, or the Series
  // section while there is no matrix (fewer than two readouts, an error).
  function updateSkipLink() {
    if (!skipLink) return;
    const series = !section.hidden;
    const matrix = series && !ui.result.hidden;
    skipLink.setAttribute('href', matrix ? '#series-matrix-area' : series ? '#series' : pairSkip.href);
    skipLink.textContent = matrix ? 'Skip to the series matrix' : series ? 'Skip to the series' : pairSkip.text;
  }

  async function enterSeries() {
    showMode('series');
    if (!state.exampleLoaded && !inputs.readouts.length) {
      state.exampleLoaded = true;
      await loadSeriesExample(0);
    }
  }

  async function loadSeriesExample(index) {
    const example = (await loadExample())?.series?.[index];
    if (example) inputs.replaceAll(example.readouts);
  }

  // Busy from the change on (not only once the engine runs), so that nothing reads the matrix of
  // the readouts as they were while the new run waits for its turn.
  function schedule() {
    section.setAttribute('aria-busy', 'true');
    clearTimeout(state.timer);
    state.timer = setTimeout(track, EDIT_DELAY_MS);
  }

  async function track() {
    clearTimeout(state.timer);
    if (state.busy) {
      state.rerun = true;
      return;
    }
    inputs.showReadoutError(null);
    const readouts = inputs.readouts;
    if (readouts.length < 2) {
      section.setAttribute('aria-busy', 'false');
      showModel(null, readouts);
      setStatus(readouts.length ? 'Add at least one more readout to follow points across them.'
        : 'Open, drop or paste two or more readouts.');
      return;
    }
    setBusy(true);
    const started = performance.now();
    try {
      const window = Number(ui.window.value);
      const report = await engine.track(readouts.map((r) => r.text), readouts.map((r) => r.name), window);
      const error = seriesError(report);
      if (error) {
        showModel(null, readouts);
        inputs.showReadoutError(error);
        setStatus(`The series could not be tracked: ${error.message} Your readouts are unchanged.`);
      } else {
        showModel(createSeriesModel(report), readouts);
        setStatus(`Tracked in ${Math.round(performance.now() - started)} ms. ${seriesSummaryLine(state.model)}.`);
      }
    } catch (error) {
      showModel(null, readouts);
      setStatus(error.cancelled ? 'Tracking cancelled. Your readouts are unchanged.'
        : `${error.message} Your readouts are unchanged.`);
    } finally {
      setBusy(false);
    }
    if (state.rerun) {
      state.rerun = false;
      track();
    }
  }

  function showModel(model, readouts) {
    state.model = model;
    state.readouts = readouts;
    ui.tools.hidden = !model;
    ui.result.hidden = !model;
    ui.detail.replaceChildren(h('p', { class: 'hint' }, 'Hover over or focus a cell to read its sentence.'));
    state.matrix = null;
    updateSkipLink();
    if (!model) {
      ui.matrixScroll.replaceChildren();
      return;
    }
    const table = renderSeriesMatrix(model);
    for (const cell of table.querySelectorAll('td')) cell.setAttribute('aria-describedby', 'series-detail');
    state.matrix = attachSeriesMatrix(table, model, { detail: ui.detail, onOpenPair: openReadoutPair });
    ui.matrixScroll.replaceChildren(table);
    showIssuers();
  }

  // Who issued each tracked readout, as its field in the list now says: the issuer's key (the
  // text ignoring case, '' for none) and the text as first written.
  function trackedIssuers() {
    return state.readouts.map((readout) => {
      const label = inputs.issuerOf(readout.key);
      return { key: label.toLowerCase(), label };
    });
  }

  // The "Readouts issued by" choices: all readouts, then each issuer given, in series order. The
  // choice made stays while that issuer is still given; else all readouts are shown again.
  function showIssuers() {
    if (!state.model) return;
    const chosen = ui.issuer.value;
    const counts = new Map();
    for (const { key, label } of trackedIssuers()) {
      if (key) counts.set(key, { label: counts.get(key)?.label ?? label, count: (counts.get(key)?.count ?? 0) + 1 });
    }
    ui.issuer.replaceChildren(h('option', { value: '' }, 'all'),
      ...[...counts].map(([key, { label, count }]) => h('option', { value: key }, `${label} (${count} ${count === 1 ? 'readout' : 'readouts'})`)));
    ui.issuer.value = counts.has(chosen) ? chosen : '';
    applyFilters();
  }

  function applyFilters() {
    if (!state.model) return;
    const table = ui.matrixScroll.querySelector('table');
    const issuer = ui.issuer.value;
    const issuers = trackedIssuers();
    const readoutShown = issuers.map(({ key }) => !issuer || key === issuer);
    const shown = filterSeriesMatrix(table, state.model, {
      commitmentsOnly: ui.commitmentsOnly.checked, changedOnly: ui.changedOnly.checked, readoutShown,
    });
    const columns = readoutShown.filter(Boolean).length;
    ui.filterCount.textContent = `${shown} of ${state.model.rows.length} threads shown` +
      (issuer ? `, in ${columns} of ${readoutShown.length} readouts (issued by ${issuers.find(({ key }) => key === issuer).label}).` : '.');
  }

  function openReadoutPair(earlier, later) {
    showMode('compare');
    const readout = (r) => ({ name: state.readouts[r].name, text: state.readouts[r].text });
    openPair({ a: readout(earlier), b: readout(later) });
    const results = document.getElementById('results');
    results.focus();
    results.scrollIntoView({ block: 'start' });
  }

  function setBusy(busy) {
    state.busy = busy;
    section.setAttribute('aria-busy', String(busy));
    ui.status.classList.toggle('busy', busy);
    ui.cancel.hidden = !busy;
    if (busy) setStatus('Tracking the series…');
  }

  function setStatus(message) {
    ui.statusText.textContent = message;
  }

  const EXPORTS = {
    csv: () => ['readout-diff-series.csv', 'text/csv', seriesCsv(state.model)],
    markdown: () => ['readout-diff-series.md', 'text/markdown', seriesMarkdown(state.model)],
    html: async () => ['readout-diff-series-timeline.html', 'text/html',
      await seriesTimelineHtml(state.model, { styleText: `${viewStyleText()}\n${seriesStyleText()}` })],
  };

  for (const button of modeButtons) {
    button.addEventListener('click', () => (button.dataset.mode === 'series' ? enterSeries() : showMode('compare')));
  }
  ui.fileInput.addEventListener('change', async () => {
    const files = [...ui.fileInput.files];
    ui.fileInput.value = '';
    await inputs.addFiles(files);
  });
  ui.dropZone.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    ui.dropZone.classList.add('drag-over');
  });
  ui.dropZone.addEventListener('dragleave', () => ui.dropZone.classList.remove('drag-over'));
  ui.dropZone.addEventListener('drop', async (event) => {
    ui.dropZone.classList.remove('drag-over');
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    await inputs.addFiles([...event.dataTransfer.files]);
  });
  ui.addPasted.addEventListener('click', () => {
    if (!ui.pasteText.value.trim()) {
      ui.pasteText.focus();
      setStatus('Paste a readout into the box first.');
      return;
    }
    inputs.addPasted(ui.pasteText.value, ui.pasteName.value);
    ui.pasteText.value = '';
    ui.pasteName.value = '';
    ui.pasteText.focus();
  });
  ui.exampleButtons.forEach((button, index) => button.addEventListener('click', () => loadSeriesExample(index)));
  ui.clearAll.addEventListener('click', () => inputs.clear());
  ui.window.addEventListener('change', schedule);
  ui.cancel.addEventListener('click', () => {
    state.rerun = false;
    clearTimeout(state.timer);
    engine.cancel();
  });
  // The detail panel shows the cell under the pointer; once the pointer leaves the matrix and its
  // panel (it may rest on the panel to read or select the text), it shows the focused cell again,
  // so that a keyboard user's place is not lost to a mouse passing over the matrix.
  ui.result.addEventListener('mouseleave', () => state.matrix?.showFocusedCell());
  ui.commitmentsOnly.addEventListener('change', applyFilters);
  ui.changedOnly.addEventListener('change', applyFilters);
  ui.issuer.addEventListener('change', applyFilters);
  for (const button of section.querySelectorAll('[data-series-export]')) {
    button.addEventListener('click', async () => {
      if (!state.model) return;
      const [filename, type, content] = await EXPORTS[button.dataset.seriesExport]();
      downloadText(filename, type, content);
    });
  }
  // The page's n/p keys belong to the two-readout view; keys in the Series section stay here.
  section.addEventListener('keydown', (event) => event.stopPropagation());
  loadExample().then((example) => {
    (example?.series ?? []).forEach((series, index) => {
      if (ui.exampleButtons[index]) ui.exampleButtons[index].textContent = `Load example: ${series.title}`;
    });
  });
  showMode('compare');
  setStatus('Open, drop or paste two or more readouts.');
}

function buildSection(section) {
  const ui = {
    fileInput: h('input', { type: 'file', multiple: true, class: 'visually-hidden', 'aria-label': 'Open readouts for the series',
      accept: '.txt,.text,.html,.htm,.xhtml,text/plain,text/html' }),
    exampleButtons: [0, 1].map(() => h('button', { type: 'button', class: 'button' }, 'Load example')),
    clearAll: h('button', { type: 'button', class: 'button' }, 'Remove all'),
    problems: h('ul', { class: 'series-problems', hidden: true }),
    list: h('ol', { class: 'series-list', 'aria-label': 'Readouts in series order' }),
    pasteName: h('input', { type: 'text', id: 'series-paste-name', class: 'series-paste-name', autocomplete: 'off' }),
    pasteText: h('textarea', { id: 'series-paste-text', class: 'input-text series-paste-text', spellcheck: 'false' }),
    addPasted: h('button', { type: 'button', class: 'button' }, 'Add to the series'),
    window: h('input', { type: 'number', id: 'series-window', min: '1', max: '99', step: '1', value: String(DEFAULT_WINDOW), class: 'series-window' }),
    statusText: h('span', { id: 'series-status-text' }),
    cancel: h('button', { type: 'button', class: 'button', hidden: true }, 'Cancel'),
    commitmentsOnly: h('input', { type: 'checkbox', id: 'series-filter-commitments' }),
    changedOnly: h('input', { type: 'checkbox', id: 'series-filter-changed' }),
    issuer: h('select', { id: 'series-filter-issuer', class: 'series-filter-issuer' }),
    filterCount: h('span', { class: 'series-filter-count' }),
    detail: h('div', { id: 'series-detail', class: 'series-detail' }),
    matrixScroll: h('div', { class: 'series-matrix-scroll' }),
  };
  ui.status = h('p', { class: 'status', id: 'series-status', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ui.statusText);
  ui.dropZone = h('div', { class: 'series-drop' },
    h('div', { class: 'series-drop-actions' },
      h('label', { class: 'button primary file-button' }, 'Open files…', ui.fileInput),
      ui.exampleButtons, ui.clearAll),
    h('p', { class: 'hint' }, 'Open several files at once or drop them here (.txt or .html). Files whose name holds a date ' +
      '(YYYY-MM-DD) are placed in date order; the others stay where they were added. Drag a readout, or use its Up and ' +
      'Down buttons, to reorder. The texts are not kept: they are gone when this tab closes.'),
    ui.problems,
    ui.list);
  ui.tools = h('div', { class: 'result-tools', hidden: true },
    h('fieldset', { class: 'filters' }, h('legend', {}, 'Show only'),
      h('label', { class: 'check' }, ui.commitmentsOnly, ' Commitments'),
      h('label', { class: 'check' }, ui.changedOnly, ' Changed threads'),
      h('label', { class: 'series-issuer-choice' }, 'Readouts issued by ', ui.issuer),
      ui.filterCount),
    h('div', { class: 'exports', role: 'group', 'aria-labelledby': 'series-exports-label' },
      h('span', { id: 'series-exports-label', class: 'group-label' }, 'Export'),
      h('button', { type: 'button', class: 'button', dataset: { seriesExport: 'csv' } }, 'CSV (thread × readout)'),
      h('button', { type: 'button', class: 'button', dataset: { seriesExport: 'markdown' } }, 'Markdown summary'),
      h('button', { type: 'button', class: 'button', dataset: { seriesExport: 'html' } }, 'HTML timeline'),
      h('span', { class: 'series-export-note' }, 'Exports hold the whole series: every thread and readout, whatever is shown.')),
    h('p', { class: 'hint' }, 'Keys: arrows move between cells, Home and End to the ends of a row (with Ctrl, of the matrix), ' +
      'Enter opens the two readouts of a cell side by side. Hover over or focus a cell to read its sentence.'));
  ui.result = h('div', { class: 'series-result', hidden: true },
    h('div', { class: 'series-matrix-area', id: 'series-matrix-area', tabindex: '-1', role: 'region', 'aria-label': 'Series matrix' },
      renderSeriesLegend(), ui.matrixScroll),
    ui.detail);
  section.replaceChildren(
    h('h2', { id: 'series-heading' }, 'Series'),
    ui.dropZone,
    h('div', { class: 'series-paste' },
      h('label', { for: 'series-paste-text' }, 'Or paste a readout'),
      ui.pasteText,
      h('div', { class: 'series-paste-actions' },
        h('label', { for: 'series-paste-name' }, 'Its name (optional, a date in it places it)'), ui.pasteName, ui.addPasted)),
    h('div', { class: 'series-settings' },
      h('label', { for: 'series-window' }, 'Compare each readout with the readouts before it, up to'), ' ', ui.window,
      ' (the window, 1 to 99: a point absent for longer comes back as a new thread).'),
    h('div', { class: 'status-bar' }, ui.status, ui.cancel),
    ui.tools,
    ui.result);
  return ui;
}
