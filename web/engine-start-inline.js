// Single-file page only: tools/bundle-page.mjs inlines this classic script right after the
// engine script and the worker source, near the top of the page. It starts the engine's worker
// there, while the browser is still parsing and laying out the rest of the page (the page's
// modules run only when parsing has finished), so that the engine is instantiated and prepared
// by the time the page asks for its first comparison. web/assets-inline.js takes workers from here.
'use strict';
{
  // A file:// page cannot start a worker from a file, so the worker is a Blob of the inlined
  // engine script followed by the inlined worker source (the page's CSP allows worker-src blob:).
  const createEngineWorker = () => {
    const textOf = (id) => document.getElementById(id).textContent;
    const source = new Blob([textOf('readout-diff-engine'), '\n;\n', textOf('readout-diff-worker')], { type: 'text/javascript' });
    const url = URL.createObjectURL(source);
    try {
      return new Worker(url);
    } finally {
      // The Worker constructor has resolved the URL already; revoking frees the Blob's registry entry.
      URL.revokeObjectURL(url);
    }
  };

  let started = null;
  let startedFailed = false;
  try {
    started = createEngineWorker();
    // Nobody listens yet: remember a failure (a policy that forbids blob: workers), so that the
    // page gets a fresh worker instead, whose failure it sees and answers by using the main thread.
    started.addEventListener('error', () => { startedFailed = true; }, { once: true });
  } catch {
    // The page's first request tries again and, if that throws too, uses the main thread.
  }

  // The worker started above for the page's first request; a new one for every later request
  // (after a cancel or a crash).
  globalThis.readoutDiffEngineWorkers = Object.freeze({
    next() {
      const worker = started && !startedFailed ? started : createEngineWorker();
      if (started && worker !== started) started.terminate();
      started = null;
      return worker;
    },
  });
}
