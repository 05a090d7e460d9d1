// Single-file page only: tools/bundle-page.mjs inlines this classic script at the top of the
// page, after the default example, the engine's script without its wasm and the worker source
// (data blocks that the main thread does not compile). It starts the engine's worker at once and
// sends it the wasm (base64 of its gzip, most of the page's bytes, at the end of the page, after
// the page's script) as soon as the parser has read it (wasmParsed(), called by a one-line script
// after the wasm block): the worker starts up while the page's script runs and the parser reads
// the wasm. The page's first request, the default example's comparison, is answered with the
// report the bundler had the same engine write (a block before this script): the page shows its
// first result without waiting for the engine, which is ready by the first edit. The worker
// still runs that comparison first, so that the engine code a comparison needs is compiled then.
// web/assets-inline.js takes the worker and that answer from here.
'use strict';
{
  const textOf = (id) => document.getElementById(id).textContent;

  // The request sent before the page runs: the default example compared with the default options,
  // as web/engine-client.js would send it (id 0 is never one of its own ids).
  const EARLY_ID = 0;
  const example = JSON.parse(textOf('readout-diff-example'));
  const earlyArgs = [example.a.text, example.b.text, JSON.stringify({})];
  // The worker the early request was sent to, until the page asks for it.
  let early = null;
  // The wasm (base64 of its gzip), once the parser has read it: every worker gets it then, or at
  // once if started later.
  let resolveWasm;
  const wasmRead = new Promise((resolve) => { resolveWasm = resolve; });

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
    // A worker terminated meanwhile (replaced after a cancel) ignores the message.
    wasmRead.then((wasm) => worker.postMessage({ wasm }));
    return worker;
  };

  let started = null;
  let startedFailed = false;
  try {
    started = createEngineWorker({ id: EARLY_ID, method: 'compare', args: earlyArgs });
    // Nobody listens yet: remember a failure (a policy that forbids blob: workers), so that the
    // page gets a fresh worker instead, whose failure it sees and answers by using the main thread.
    started.addEventListener('error', () => { startedFailed = true; }, { once: true });
    early = started;
  } catch {
    // The page's first request tries again and, if that throws too, uses the main thread.
  }

  globalThis.readoutDiffEngineWorkers = Object.freeze({
    wasmParsed() {
      resolveWasm(textOf('readout-diff-engine-wasm'));
    },
    // The engine's script without its wasm, and the wasm unpacked (as web/worker.js unpacks it),
    // for the main-thread fallback.
    engineScript: () => textOf('readout-diff-engine-before-wasm') + textOf('readout-diff-engine-after-wasm'),
    async wasmBinary() {
      const packed = Uint8Array.from(atob(await wasmRead), (c) => c.charCodeAt(0));
      const unpacked = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
      return new Uint8Array(await new Response(unpacked).arrayBuffer());
    },
    // The worker started above for the page's first request; a new one for every later request
    // (after a cancel or a crash).
    next() {
      const worker = started && !startedFailed ? started : createEngineWorker();
      if (started && worker !== started) started.terminate();
      started = null;
      return worker;
    },
    // The id of a request already sent to `worker` that is this one (the early comparison, once),
    // or null. Its answer is the bundled report, delivered as the worker would, once the caller
    // has set up its listener; the worker's own answer to it goes to no listener.
    sentRequest(worker, method, args) {
      if (early !== worker || method !== 'compare' || args.some((arg, i) => arg !== earlyArgs[i])) return null;
      early = null;
      const result = JSON.parse(textOf('readout-diff-example-report'));
      queueMicrotask(() => worker.dispatchEvent(new MessageEvent('message', { data: { id: EARLY_ID, ok: true, result } })));
      return EARLY_ID;
    },
  });
}
