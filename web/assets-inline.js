// Where the page's other parts come from in the single-file page (readout-diff.html): elements
// of the page itself. tools/bundle-page.mjs puts this module in place of assets.js.
import { h } from './dom.js';

const ENGINE_SCRIPT_ID = 'readout-diff-engine';
const WORKER_SOURCE_ID = 'readout-diff-worker';
const VIEW_STYLE_ID = 'readout-diff-view-css';
const EXAMPLE_ID = 'readout-diff-example';

function textOf(id) {
  return document.getElementById(id).textContent;
}

// A file:// page cannot start a worker from a file, so the worker is a Blob of the inlined engine
// script followed by the inlined worker source (the page's CSP allows worker-src blob:).
export function createEngineWorker() {
  const source = new Blob([textOf(ENGINE_SCRIPT_ID), '\n;\n', textOf(WORKER_SOURCE_ID)], { type: 'text/javascript' });
  const url = URL.createObjectURL(source);
  try {
    return new Worker(url);
  } finally {
    // The Worker constructor has resolved the URL already; revoking frees the Blob's registry entry.
    URL.revokeObjectURL(url);
  }
}

// The engine script is also an ordinary (hash-allowed) script of this page, so the main-thread
// fallback finds the factory already defined.
export function loadEngineFactory() {
  return Promise.resolve(globalThis.createReadoutDiffEngine);
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
