// The engine's Web Worker: runs the wasm engine off the main thread so the page never freezes.
// A classic script, loaded either as worker.js beside readout-diff-engine.js (served page) or
// from a Blob whose text is the engine followed by this file (single-file page).
'use strict';

// The engine never needs the network. Without fetch, Emscripten decodes its inlined wasm directly
// instead of fetching its own data: URL, which connect-src 'none' would report as a violation.
self.fetch = undefined;
if (typeof createReadoutDiffEngine !== 'function') importScripts('readout-diff-engine.js');

const ENGINE_METHODS = new Set(['compare', 'segment', 'track', 'version']);

// The engine is instantiated and its set-up done (lexicon, ICU iterators: most of a cold first
// comparison) as soon as the worker runs, while the page is still loading; the first request
// then waits only for what is left of it. A failure here is reported to that first request.
function startEngine() {
  const started = createReadoutDiffEngine({ print() {}, printErr() {} }).then((engine) => {
    engine.prepare();
    return engine;
  });
  started.catch(() => {});  // not unhandled: the next request awaits it and reports the failure
  return started;
}
const enginePromise = startEngine();

self.onmessage = async (event) => {
  const { id, method, args } = event.data;
  try {
    if (!ENGINE_METHODS.has(method)) throw new Error(`Unknown engine method ${method}`);
    const engine = await enginePromise;
    self.postMessage({ id, ok: true, result: engine[method](...args) });
  } catch (error) {
    // An abort (out of memory, failed assertion) leaves the wasm instance unusable: report it as
    // fatal and stop, and the page starts a fresh worker for the next request.
    self.postMessage({ id, ok: false, fatal: true, message: String(error?.message ?? error) });
    self.close();
  }
};
