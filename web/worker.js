// The engine's Web Worker: runs the wasm engine off the main thread so the page never freezes.
// A classic script, loaded either as worker.js beside readout-diff-engine.js (served page) or
// from a Blob whose text is the engine followed by this file (single-file page).
'use strict';

// The engine never needs the network. Without fetch, Emscripten decodes its inlined wasm directly
// instead of fetching its own data: URL, which connect-src 'none' would report as a violation.
self.fetch = undefined;
// Served, this worker loads the engine, wasm included. In the single file the engine's script,
// without its wasm, is the start of this worker's own source, and the page sends the wasm (base64
// of its gzip) in a message (web/engine-start-inline.js).
const wasmFromPage = typeof createReadoutDiffEngine === 'function';
if (!wasmFromPage) importScripts('readout-diff-engine.js');

const ENGINE_METHODS = new Set(['compare', 'segment', 'track', 'version']);

let receiveWasm;
const wasmReceived = new Promise((resolve) => { receiveWasm = resolve; });

function decodeBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const bytes = atob(text);
  return Uint8Array.from(bytes, (c) => c.charCodeAt(0));
}

async function unpackWasm(base64OfGzip) {
  const unpacked = new Blob([decodeBase64(base64OfGzip)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(unpacked).arrayBuffer());
}

// The engine is instantiated and its set-up done (lexicon, ICU iterators: most of a cold first
// comparison) as soon as the worker has it, while the page is still loading; the first request
// then waits only for what is left of it. A failure here is reported to that first request.
function startEngine() {
  const options = { print() {}, printErr() {} };
  const engine = wasmFromPage ? wasmReceived.then(unpackWasm).then((wasmBinary) => createReadoutDiffEngine({ ...options, wasmBinary }))
    : createReadoutDiffEngine(options);
  const started = engine.then((instance) => {
    instance.prepare();
    return instance;
  });
  started.catch(() => {});  // not unhandled: the next request awaits it and reports the failure
  return started;
}
const enginePromise = startEngine();

// A comparison's report is parsed here, not on the page's main thread (a report of 12,000
// sentences a side took 160 ms to parse there, in one task), and sent in slices: its lists of
// more than a thousand items a thousand a message, then the rest with those lists emptied. The
// page receives (copies) each message in a task of its own and puts the lists back
// (web/engine-client.js). A short report comes in one message: each further task would wait
// behind the page's own (parsing, layout), on the way to the first result.
const REPORT_LISTS = [['a', 'sentences'], ['b', 'sentences'], ['links'], ['commitments']];
const ITEMS_PER_SLICE = 1000;

// A slice's lists of plain values (a link's shared stems and concepts, its changes, a sentence's
// links, every empty list), one object for each distinct list in it. The copy the page receives
// keeps that sharing, so a list restated across the slice is made once there: in a long report
// most lists recur (the corpus repeated 25 times a side: 2.3 million objects and strings sent as
// 0.5), and making each anew kept the page's garbage collector busy for over 100 ms at a time as
// it received them. Shared lists are read, never changed, by the page.
function withSharedLists(items) {
  const known = new Map();  // JSON text of a list -> the first list with it
  const share = (value) => {
    if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')) {
      const key = JSON.stringify(value);
      if (!known.has(key)) known.set(key, value);
      return known.get(key);
    }
    if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) value[key] = share(value[key]);
    }
    return value;
  };
  return share(items);
}

function postReport(id, json) {
  const report = JSON.parse(json);
  for (const path of REPORT_LISTS) {
    const owner = path.slice(0, -1).reduce((object, key) => object?.[key], report);
    const list = owner?.[path.at(-1)];
    // An {error} answer has no lists; a list of a slice or less goes with the rest.
    if (!Array.isArray(list) || list.length <= ITEMS_PER_SLICE) continue;
    owner[path.at(-1)] = [];
    for (let at = 0; at < list.length; at += ITEMS_PER_SLICE) self.postMessage({ id, path, items: withSharedLists(list.slice(at, at + ITEMS_PER_SLICE)) });
  }
  self.postMessage({ id, ok: true, result: report });
}

async function answer({ id, method, args }) {
  try {
    if (!ENGINE_METHODS.has(method)) throw new Error(`Unknown engine method ${method}`);
    const engine = await enginePromise;
    if (method === 'compare') postReport(id, engine.compare(...args));
    else self.postMessage({ id, ok: true, result: engine[method](...args) });
  } catch (error) {
    // An abort (out of memory, failed assertion) leaves the wasm instance unusable: report it as
    // fatal and stop, and the page starts a fresh worker for the next request.
    self.postMessage({ id, ok: false, fatal: true, message: String(error?.message ?? error) });
    self.close();
  }
}

// The pieces of a request's long texts, sent before it (web/engine-client.js): id -> [{path,
// pieces}], joined into the request's arguments when it comes.
const textPieces = new Map();

function receivePiece({ id, path, piece }) {
  const texts = textPieces.get(id) ?? [];
  textPieces.set(id, texts);
  const last = texts.at(-1);
  if (last && last.path.join() === path.join()) last.pieces.push(piece);
  else texts.push({ path, pieces: [piece] });
}

function withTexts(request) {
  for (const { path, pieces } of textPieces.get(request.id) ?? []) {
    if (path.length === 1) request.args[path[0]] = pieces.join('');
    else request.args[path[0]][path[1]] = pieces.join('');
  }
  textPieces.delete(request.id);
  return request;
}

self.onmessage = ({ data }) => {
  if (data.wasm) receiveWasm(data.wasm);
  else if (data.piece !== undefined) receivePiece(data);
  else answer(withTexts(data));
};
// The single file's first worker has its first request written at the start of its source
// (web/engine-start-inline.js), so that it needs no message from the page's busy main thread.
if (typeof readoutDiffFirstRequest === 'object') answer(readoutDiffFirstRequest);
