// Where the page's other parts come from in the single-file page (readout-diff.html): elements
// of the page itself. tools/bundle-page.mjs puts this module in place of assets.js.
import { h } from './dom.js';

const VIEW_STYLE_ID = 'readout-diff-view-css';
const SERIES_STYLE_ID = 'readout-diff-series-css';
const EXAMPLE_ID = 'readout-diff-example';

function textOf(id) {
  return document.getElementById(id).textContent;
}

// The engine's worker: the one web/engine-start-inline.js started while the page was loading,
// or a new one.
export function createEngineWorker() {
  return globalThis.readoutDiffEngineWorkers.next();
}

// The id of the request web/engine-start-inline.js sent to this worker that is this one (the
// default example's comparison, while the page loaded), or null.
export function sentRequest(worker, method, args) {
  return globalThis.readoutDiffEngineWorkers.sentRequest(worker, method, args);
}

// The engine is in data blocks of this page, which the main thread does not compile unless it has
// to (the fallback when no worker runs): then its script without the wasm becomes a script, which
// the page's CSP allows by its hash, and the factory is given the wasm unpacked.
export function loadEngineFactory() {
  const workers = globalThis.readoutDiffEngineWorkers;
  if (typeof globalThis.createReadoutDiffEngine !== 'function') document.head.append(h('script', {}, workers.engineScript()));
  const createEngine = globalThis.createReadoutDiffEngine;
  return Promise.resolve(async (options) => createEngine({ ...options, wasmBinary: await workers.wasmBinary() }));
}

// The page's own view stylesheet, copied: same text, so the same CSP hash allows it.
export function viewStyleNodes() {
  return [h('style', {}, textOf(VIEW_STYLE_ID))];
}

export async function loadExample() {
  return JSON.parse(textOf(EXAMPLE_ID));
}

export function viewStyleText() {
  return textOf(VIEW_STYLE_ID);
}

export function seriesStyleText() {
  return textOf(SERIES_STYLE_ID);
}
