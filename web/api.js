// The JavaScript API, window.ReadoutDiff, for scripts on a page that includes the viewer:
//   const report = await ReadoutDiff.compare(textA, textB);   // readout-diff/1 report object
// Engine errors (invalid UTF-8, empty or too large text…) reject with a ReadoutDiffError that
// carries the engine's error fields (code, side, message, offset, line, column).
import { sharedEngine } from './engine-client.js';
import { renderComparison } from './render.js';
import { attachInteractions } from './interactions.js';

export class ReadoutDiffError extends Error {
  constructor(error) {
    super(error.message ?? error.code);
    this.name = 'ReadoutDiffError';
    Object.assign(this, error);
  }
}

async function compare(a, b, options = {}) {
  const result = await sharedEngine().compare(String(a), String(b), options);
  if (result.error) throw new ReadoutDiffError(result.error);
  return result;
}

async function segment(text, options = {}) {
  const result = await sharedEngine().segment(String(text), options);
  if (result.error) throw new ReadoutDiffError(result.error);
  return result;
}

// Renders a report into `container` (its content is replaced) and returns the view element.
function render(report, container) {
  const view = renderComparison(report, { idPrefix: `rd-api-${++renderCount}` });
  attachInteractions(view);
  container.replaceChildren(view);
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
