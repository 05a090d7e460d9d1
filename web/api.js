// The JavaScript API, window.ReadoutDiff, for scripts on a page that includes the viewer:
//   const report = await ReadoutDiff.compare(textA, textB);   // readout-diff/1 report object
// Engine errors (invalid UTF-8, empty or too large text…) reject with a ReadoutDiffError that
// carries the engine's error fields (code, side, message, offset, line, column).
import { sharedEngine } from './engine-client.js';
import { createView } from './view.js';
import { createModel, createReview } from './report-model.js';
import { asText } from './long-text.js';

export class ReadoutDiffError extends Error {
  constructor(error) {
    super(error.message ?? error.code);
    this.name = 'ReadoutDiffError';
    Object.assign(this, error);
  }
}

// The one way every host (the page, <readout-diff>, scripts) gets a comparison: an engine error
// rejects with a ReadoutDiffError; a cancelled or crashed engine rejects with the engine client's error.
export async function compare(a, b, options = {}) {
  const result = await sharedEngine().compare(asText(a), asText(b), options);
  if (result.error) throw new ReadoutDiffError(result.error);
  return result;
}

// A comparison as a host with review controls shows it: `engineReport`, the engine's report of a
// and b, and `report`, the engine's report made with the analyst's decisions (`review`,
// createReview's JSON) that still fit these texts, or the engine's own when none do. `previous`,
// this function's answer for the last texts compared: when only the decisions changed, its
// engineReport is the one kept, not made again.
export async function compareWithReview(a, b, review, previous = null) {
  const engine = previous?.a === a && previous?.b === b ? previous.engineReport : await compare(a, b);
  const decisions = review ? createReview(createModel(engine), review).toJSON() : [];
  return { a, b, engineReport: engine, report: decisions.length ? await compare(a, b, { review: decisions }) : engine };
}

async function segment(text, options = {}) {
  const result = await sharedEngine().segment(String(text), options);
  if (result.error) throw new ReadoutDiffError(result.error);
  return result;
}

// Renders a report into `container` (its content is replaced) and returns the view (view.js:
// element, setLayout, filters, handleKey, ready).
function render(report, container, options = {}) {
  const view = createView(report, { ...options, idPrefix: `rd-api-${++renderCount}` });
  container.replaceChildren(view.element);
  return view;
}
let renderCount = 0;

export const ReadoutDiff = Object.freeze({
  compare,
  segment,
  render,
  version: () => sharedEngine().version(),
  get engineMode() { return sharedEngine().mode; },
  ReadoutDiffError,
});

globalThis.ReadoutDiff ??= ReadoutDiff;
