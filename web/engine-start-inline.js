// Single-file page only: tools/bundle-page.mjs inlines this classic script at the top of the
// page, after the default example, the engine's script without its wasm and the worker source
// (data blocks that the main thread does not compile), and before the wasm (base64, most of the
// page's bytes). It starts the engine's worker at once, with the default example's comparison as
// its first request, and sends it the wasm as soon as the parser has read it
// (wasmParsed(), called by a one-line script after the wasm block). The worker starts up while
// the parser reads the wasm, and compiles and compares while the rest of the page is parsed and
// laid out (the page's modules run only when parsing has finished): by the time the page asks
// for that comparison, it is under way or answered. web/assets-inline.js takes the worker and
// that request from here.
'use strict';
{
  const textOf = (id) => document.getElementById(id).textContent;

  // The request sent before the page runs: the default example compared with the default options,
  // as web/engine-client.js would send it (id 0 is never one of its own ids).
  const EARLY_ID = 0;
  const example = JSON.parse(textOf('readout-diff-example'));
  const earlyArgs = [example.a.text, example.b.text, JSON.stringify({})];
  let early = null;
  let wasm = null;

  // A file:// page cannot start a worker from a file, so the worker is a Blob of the inlined
  // engine script (without its wasm, which comes as a message) followed by the inlined worker
  // source (the page's CSP allows worker-src blob:). The first worker's source starts with its
  // first request, a JSON literal: posted as a message, it would reach the worker only once the
  // main thread, busy parsing the page, had passed it on.
  const createEngineWorker = (firstRequest = null) => {
    const parts = [textOf('readout-diff-engine-before-wasm'), textOf('readout-diff-engine-after-wasm'), '\n;\n', textOf('readout-diff-worker')];
    if (firstRequest) parts.unshift(`var readoutDiffFirstRequest = ${JSON.stringify(firstRequest)};\n`);
    const url = URL.createObjectURL(new Blob(parts, { type: 'text/javascript' }));
    let worker;
    try {
      worker = new Worker(url);
    } finally {
      // The Worker constructor has resolved the URL already; revoking frees the Blob's registry entry.
      URL.revokeObjectURL(url);
    }
    if (wasm) worker.postMessage({ wasm });
    return worker;
  };

  let started = null;
  let startedFailed = false;
  try {
    started = createEngineWorker({ id: EARLY_ID, method: 'compare', args: earlyArgs });
    // Nobody listens yet: remember a failure (a policy that forbids blob: workers), so that the
    // page gets a fresh worker instead, whose failure it sees and answers by using the main thread.
    started.addEventListener('error', () => { startedFailed = true; }, { once: true });
    early = { worker: started, answer: [] };
    // An answer (its messages: a report comes in slices) that comes before the page listens is
    // kept for it.
    early.keep = ({ data }) => {
      if (data.id === EARLY_ID) early.answer.push(data);
    };
    started.addEventListener('message', early.keep);
  } catch {
    // The page's first request tries again and, if that throws too, uses the main thread.
  }

  globalThis.readoutDiffEngineWorkers = Object.freeze({
    wasmParsed() {
      wasm = textOf('readout-diff-engine-wasm');
      started?.postMessage({ wasm });
    },
    // The engine's whole script, wasm included, for the main-thread fallback.
    engineScript: () => textOf('readout-diff-engine-before-wasm') + textOf('readout-diff-engine-wasm') + textOf('readout-diff-engine-after-wasm'),
    // The worker started above for the page's first request; a new one for every later request
    // (after a cancel or a crash).
    next() {
      const worker = started && !startedFailed ? started : createEngineWorker();
      if (started && worker !== started) started.terminate();
      started = null;
      return worker;
    },
    // The id of a request already sent to `worker` that is this one (the early comparison, once),
    // or null. A kept answer is delivered again, after the caller has set up its listener.
    sentRequest(worker, method, args) {
      if (!early || early.worker !== worker || method !== 'compare' || args.some((arg, i) => arg !== earlyArgs[i])) return null;
      const { answer } = early;
      worker.removeEventListener('message', early.keep);
      early = null;
      queueMicrotask(() => {
        for (const data of answer) worker.dispatchEvent(new MessageEvent('message', { data }));
      });
      return EARLY_ID;
    },
  });
}
