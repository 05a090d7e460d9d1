// Reads a readout-diff-series/1 report (docs/series.md, docs/schema/) into what the Series matrix
// and its exports need: one row per thread, one cell per readout with its status and sentence,
// the points made once, and the wording of labels. The only module that reads series report fields.

// Status of a cell. Symbol and word go with the colour, so status is never shown by colour alone.
export const CELL_STATUS = {
  first: { label: 'First', icon: '+', description: 'first mention of the point' },
  repeated: { label: 'Repeated', icon: '=', description: 'restated as in the previous mention' },
  modified: { label: 'Modified', icon: '≈', description: 'restated with changed wording' },
  resumed: { label: 'Resumed', icon: '↺', description: 'taken up again after being absent' },
  absent: { label: 'Absent', icon: '○', description: 'not mentioned in this readout' },
  before: { label: 'Not yet', icon: '', description: 'before the first mention' },
};

// The error object of a failed track(), or null for a report.
export function seriesError(report) {
  if (!report?.error) return null;
  const { code, message, readout } = report.error;
  return { code, message, readout: Number.isInteger(readout) ? readout : null };
}

function occurrenceText(occurrence) {
  return occurrence.sentences.map((sentence) => sentence.text).join(' ');
}

function commitmentOf(occurrence) {
  const c = occurrence.commitment;
  if (!c) return null;
  const who = c.actor_label || c.actor || 'unknown';
  return { label: c.cue ? `${who} · ${c.cue}` : who, strength: c.strength };
}

// The status shown in a thread's cell for readout r (as the CLI's CSV has it: a resumed
// occurrence is shown as resumed whatever its wording, see docs/series.md).
function cellStatus(thread, occurrence, r) {
  if (r < thread.first) return 'before';
  if (!occurrence) return 'absent';
  if (occurrence.previous === null) return 'first';
  if (occurrence.resumed) return 'resumed';
  return occurrence.relation;
}

export function createSeriesModel(report) {
  const readouts = report.readouts.map((readout) => ({
    index: readout.index, number: readout.index + 1, name: readout.name, language: readout.language,
    sentences: readout.sentences, commitments: readout.commitments,
  }));
  const rows = report.threads.map((thread) => {
    const byReadout = new Map(thread.occurrences.map((occurrence) => [occurrence.readout, occurrence]));
    const occurrences = thread.occurrences.map((occurrence) => ({
      readout: occurrence.readout,
      text: occurrenceText(occurrence),
      commitment: commitmentOf(occurrence),
      previous: occurrence.previous,
      relation: occurrence.relation,
      status: cellStatus(thread, occurrence, occurrence.readout),
      changes: occurrence.changes ?? [],
    }));
    const occurrenceAt = new Map(occurrences.map((occurrence) => [occurrence.readout, occurrence]));
    const cells = readouts.map(({ index }) => ({
      readout: index,
      status: cellStatus(thread, byReadout.get(index), index),
      occurrence: occurrenceAt.get(index) ?? null,
      pair: pairFor(occurrences, index),
    }));
    return {
      id: thread.id, number: thread.id + 1, commitment: thread.commitment, changed: thread.changed,
      first: thread.first, last: thread.last, gaps: thread.gaps, occurrences, cells,
      wording: occurrences[0].text,
    };
  });
  const once = report.once.map((point) => ({
    readout: point.readout, text: point.sentence.text, commitment: point.commitment !== null,
  }));
  return { readouts, rows, once, window: report.window, summary: report.summary, version: report.engine?.version ?? '' };
}

// The two readouts a cell opens in the two-readout view: the thread's mention before this readout
// and this readout; or, when there is none (the first mention, or before it), this readout and
// the thread's next mention. A thread has two mentions or more, so every cell has a pair.
function pairFor(occurrences, r) {
  const before = occurrences.filter((occurrence) => occurrence.readout < r).at(-1);
  if (before) return { earlier: before.readout, later: r };
  const after = occurrences.find((occurrence) => occurrence.readout > r);
  return { earlier: r, later: after.readout };
}

// "7 readouts, each compared with the next 3: 12 points recur (4 commitments, 5 changed, 2
// dropped and resumed, 3 in every readout); 20 points are made once"
export function seriesSummaryLine(model) {
  const s = model.summary;
  return `${s.readouts} readouts, each compared with the next ${model.window}: ${s.threads} points recur ` +
    `(${s.commitment_threads} of them commitments, ${s.changed_threads} changed on the way, ` +
    `${s.resumed_threads} dropped and resumed, ${s.in_every_readout} in every readout); ` +
    `${s.once} points are made once`;
}

// "Readout 3 (2021-11-18_….txt)"
export function readoutLabel(model, r) {
  return `Readout ${r + 1} (${model.readouts[r].name})`;
}

// What a cell says in words: its status, what changed, and the thread it belongs to.
export function cellDescription(model, row, cell) {
  const info = CELL_STATUS[cell.status];
  const changes = cell.occurrence?.changes.length ? ` (changed: ${cell.occurrence.changes.join(', ')})` : '';
  return `Thread ${row.number}${row.commitment ? ', commitment' : ''}, ${readoutLabel(model, cell.readout)}: ` +
    `${info.label}${changes}`;
}
