// The Series matrix: one row per thread, one column per readout, each cell a status glyph (colour,
// symbol and, for screen readers, the word). Hovering or focusing a cell shows its sentence in
// the detail panel; arrow keys move between cells (one tab stop: roving tabindex); Enter or a
// click opens the cell's pair of readouts in the two-readout view. Filters hide rows.
import { createBuilder, langOf } from './dom.js';
import { CELL_STATUS, cellDescription, readoutLabel, seriesSummaryLine } from './series-model.js';

// The matrix as a table element; attachSeriesMatrix makes the page's copy interactive (the static
// HTML export has no tab stops and no handlers).
export function renderSeriesMatrix(model, { doc = document } = {}) {
  const h = createBuilder(doc);
  const head = h('tr', {},
    h('th', { scope: 'col', class: 'series-corner' }, 'Thread'),
    model.readouts.map((readout) => h('th', { scope: 'col', class: 'series-readout', title: readout.name, dataset: { readout: String(readout.index) } },
      h('span', { class: 'series-readout-number' }, String(readout.number)),
      h('span', { class: 'series-readout-name', lang: langOf(readout.name) }, shortName(readout.name)))));
  const rows = model.rows.map((row) => h('tr', { dataset: { thread: String(row.id) },
    class: row.commitment ? 'series-commitment-row' : null },
  h('th', { scope: 'row', class: 'series-thread' },
    h('span', { class: 'series-thread-number' }, `T${row.number}`),
    row.commitment ? h('span', { class: 'series-commitment-mark', title: 'Commitment' }, '★ Commitment') : null,
    h('span', { class: 'series-thread-wording', lang: langOf(row.wording) }, row.wording)),
  row.cells.map((cell) => h('td', {
    class: `series-cell series-status-${cell.status}`,
    dataset: { readout: String(cell.readout), status: cell.status },
  },
  h('span', { class: 'series-glyph', 'aria-hidden': 'true' }, CELL_STATUS[cell.status].icon),
  h('span', { class: 'rd-sr-only' }, cellDescription(model, row, cell))))));
  return h('table', { class: 'series-matrix', 'aria-label': `Threads across the series: ${seriesSummaryLine(model)}` },
    h('thead', {}, head), h('tbody', {}, rows));
}

// Readout names are file names, often long: the header shows the date in the name when there is
// one (the order of a series), else the name shortened; the full name is its title.
function shortName(name) {
  const date = /\d{4}-\d{2}-\d{2}/.exec(name);
  if (date) return date[0];
  const base = name.replace(/\.(txt|html?|xhtml|text)$/i, '');
  return base.length > 18 ? `${base.slice(0, 17)}…` : base;
}

// The legend of the cell glyphs, for the page and the HTML export.
export function renderSeriesLegend(doc = document) {
  const h = createBuilder(doc);
  return h('ul', { class: 'series-legend', 'aria-label': 'Legend' },
    Object.entries(CELL_STATUS).filter(([status]) => status !== 'before').map(([status, info]) => h('li', {},
      h('span', { class: `series-glyph series-status-${status}`, 'aria-hidden': 'true' }, info.icon),
      ` ${info.label}: ${info.description}`)));
}

// Makes the page's matrix explorable. detail: the element that shows the cell's sentence;
// onOpenPair(earlier, later): opens the two-readout view. Returns showFocusedCell(), which puts
// the focused cell (if a cell has focus) back in the detail panel.
export function attachSeriesMatrix(table, model, { detail, onOpenPair }) {
  const rowsById = new Map(model.rows.map((row) => [row.id, row]));
  const cellOf = (target) => {
    const cell = target?.closest?.('td.series-cell');
    return cell && table.contains(cell) ? cell : null;
  };
  const dataOf = (cell) => {
    const row = rowsById.get(Number(cell.parentElement.dataset.thread));
    return { row, cell: row.cells[Number(cell.dataset.readout)] };
  };

  table.setAttribute('role', 'grid');
  for (const cell of table.querySelectorAll('td.series-cell')) cell.tabIndex = -1;
  resetTabStop(table);

  table.addEventListener('mouseover', (event) => {
    const cell = cellOf(event.target);
    if (cell) showDetail(detail, model, dataOf(cell));
  });
  table.addEventListener('focusin', (event) => {
    const cell = cellOf(event.target);
    if (!cell) return;
    makeTabStop(table, cell);
    showDetail(detail, model, dataOf(cell));
  });
  table.addEventListener('click', (event) => {
    const cell = cellOf(event.target);
    if (!cell) return;
    const { pair } = dataOf(cell).cell;
    onOpenPair(pair.earlier, pair.later);
  });
  table.addEventListener('keydown', (event) => {
    const cell = cellOf(event.target);
    if (!cell || event.altKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const { pair } = dataOf(cell).cell;
      onOpenPair(pair.earlier, pair.later);
      return;
    }
    const target = moveTarget(table, cell, event.key, event.ctrlKey);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
  return {
    showFocusedCell() {
      const focused = cellOf(table.ownerDocument.activeElement);
      if (focused) showDetail(detail, model, dataOf(focused));
    },
  };
}

// Hides the rows and columns the filters leave out: readoutShown[r] says whether readout r's
// column is shown, and a thread is shown only if it occurs in a shown readout. The tab stop moves
// to a visible cell. Returns the number of threads shown.
export function filterSeriesMatrix(table, model, { commitmentsOnly, changedOnly, readoutShown }) {
  for (const header of table.querySelectorAll('thead th.series-readout')) {
    header.hidden = !readoutShown[Number(header.dataset.readout)];
  }
  let shown = 0;
  for (const row of model.rows) {
    const element = table.querySelector(`tr[data-thread="${row.id}"]`);
    element.hidden = (commitmentsOnly && !row.commitment) || (changedOnly && !row.changed) ||
      !row.occurrences.some((occurrence) => readoutShown[occurrence.readout]);
    for (const cell of element.querySelectorAll('td.series-cell')) cell.hidden = !readoutShown[Number(cell.dataset.readout)];
    if (!element.hidden) shown += 1;
  }
  resetTabStop(table);
  return shown;
}

function visibleRows(table) {
  return [...table.tBodies[0].rows].filter((row) => !row.hidden);
}

function visibleCells(row) {
  return [...row.querySelectorAll('td.series-cell')].filter((cell) => !cell.hidden);
}

function makeTabStop(table, cell) {
  for (const other of table.querySelectorAll('td.series-cell[tabindex="0"]')) other.tabIndex = -1;
  cell.tabIndex = 0;
}

// Keeps exactly one tab stop, on a visible cell: the current one if it is still shown.
function resetTabStop(table) {
  const current = table.querySelector('td.series-cell[tabindex="0"]');
  if (current && !current.hidden && !current.parentElement.hidden) return;
  const first = visibleRows(table).map(visibleCells).find((cells) => cells.length)?.[0];
  if (current) current.tabIndex = -1;
  if (first) first.tabIndex = 0;
}

// Arrow keys move one cell; Home/End to the row's ends (with Ctrl, the first/last row);
// PageUp/PageDown ten rows.
function moveTarget(table, cell, key, ctrl) {
  const rows = visibleRows(table);
  const rowIndex = rows.indexOf(cell.parentElement);
  const cells = visibleCells(cell.parentElement);
  const column = cells.indexOf(cell);
  // Every shown row shows the same columns, so a column's place is the same in each.
  const at = (r, c) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, r))];
    return row ? visibleCells(row)[c] : undefined;
  };
  switch (key) {
    case 'ArrowRight': return cells[column + 1] ?? null;
    case 'ArrowLeft': return cells[column - 1] ?? null;
    case 'ArrowDown': return rowIndex + 1 < rows.length ? at(rowIndex + 1, column) : null;
    case 'ArrowUp': return rowIndex > 0 ? at(rowIndex - 1, column) : null;
    case 'PageDown': return at(rowIndex + 10, column);
    case 'PageUp': return at(rowIndex - 10, column);
    case 'Home': return ctrl ? at(0, 0) : cells[0];
    case 'End': return ctrl ? at(rows.length - 1, cells.length - 1) : cells.at(-1);
    default: return null;
  }
}

function showDetail(detail, model, { row, cell }) {
  const h = createBuilder(detail.ownerDocument);
  const info = CELL_STATUS[cell.status];
  const occurrence = cell.occurrence;
  const children = [
    h('p', { class: 'series-detail-heading' },
      h('span', { class: `series-glyph series-status-${cell.status}`, 'aria-hidden': 'true' }, info.icon),
      ` Thread ${row.number}${row.commitment ? ' (commitment)' : ''} · ${readoutLabel(model, cell.readout)} · ${info.label}`),
  ];
  if (occurrence) {
    children.push(h('blockquote', { class: 'series-detail-text', lang: langOf(occurrence.text) }, occurrence.text));
    const facts = [];
    if (occurrence.changes.length) facts.push(`Changed: ${occurrence.changes.join(', ')}.`);
    if (occurrence.commitment) facts.push(`Commitment: ${occurrence.commitment.label} (${occurrence.commitment.strength}).`);
    if (occurrence.previous !== null) facts.push(`Previous mention: readout ${occurrence.previous + 1}.`);
    if (facts.length) children.push(h('p', { class: 'series-detail-facts' }, facts.join(' ')));
  } else {
    children.push(h('p', { class: 'series-detail-text' }, `${info.description[0].toUpperCase()}${info.description.slice(1)}. First wording: `,
      h('q', { lang: langOf(row.wording) }, row.wording)));
  }
  children.push(h('p', { class: 'series-detail-hint' },
    `Click or press Enter to compare readout ${cell.pair.earlier + 1} with readout ${cell.pair.later + 1}.`));
  detail.replaceChildren(...children);
}
