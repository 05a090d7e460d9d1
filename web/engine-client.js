// Talks to the wasm engine. Normally through a Web Worker (the page stays responsive however long
// a comparison takes); if no worker can be started (e.g. a host page's CSP forbids it) the engine
// runs on the main thread after the busy state has been painted. A crashed or cancelled engine is
// replaced on the next request, so one failure never leaves the page unusable.
//
// A worker can also go quiet for good: killed by the browser without an error event, or stuck.
// No heartbeat can tell that from a long comparison (the engine runs synchronously in the worker,
// which answers nothing until it is done), so each call has a deadline instead, ample for the
// slowest comparison the limits allow at its size (answerDeadlineMs); a call that outlives it
// fails with a clear message and the worker is replaced, like a crashed one.
import { createEngineWorker, sentRequest, loadEngineFactory } from './assets.js';
import { nextTask } from './next-task.js';
import { LongText, isLongText, textPieces, wholeText } from './long-text.js';

export class EngineError extends Error {
  constructor(message, { fatal = false, cancelled = false } = {}) {
    super(message);
    this.name = 'EngineError';
    this.fatal = fatal;
    this.cancelled = cancelled;
  }
}

// The deadline's parts. The base covers starting a fresh worker (instantiating and preparing the
// engine, under a second) on a busy machine; the rate is about twelve times what the wasm engine
// took per million characters on the benchmark's 10,000-sentence pair (1.65 s on a 2-core machine
// at a load of 9, docs/performance.md), so that only a worker that has really stopped reaches it.
const ANSWER_BASE_MS = 30_000;
const ANSWER_MS_PER_MILLION_CHARACTERS = 20_000;

// Where the arguments hold a text sent in pieces (a LongText, or a string longer than a piece,
// web/long-text.js): [argument] or [argument, element] (the texts of a series), with the text.
// The worker joins the pieces back (web/worker.js).
function longTexts(args) {
  const found = [];
  args.forEach((arg, i) => {
    if (isLongText(arg)) found.push({ path: [i], text: arg });
    else if (Array.isArray(arg)) {
      arg.forEach((item, k) => {
        if (isLongText(item)) found.push({ path: [i, k], text: item });
      });
    }
  });
  return found;
}

// How long a call may go without an answer from the worker, from its arguments' size: its
// texts and those of its lists (a series' texts and names).
function answerDeadlineMs(args) {
  const isText = (arg) => typeof arg === 'string' || arg instanceof LongText;
  const characters = args.flat().reduce((sum, arg) => sum + (isText(arg) ? arg.length : 0), 0);
  return Math.round(ANSWER_BASE_MS + ANSWER_MS_PER_MILLION_CHARACTERS * (characters / 1e6));
}

export class EngineClient {
  #worker = null;
  // Calls sent to the worker and not yet answered, in the order sent, which is the order the
  // worker answers them in.
  #pending = new Map();
  #nextId = 1;
  #watchdog = 0;
  // The requests being sent (see #post), in order.
  #sending = Promise.resolve();
  #mainThreadEngine = null;
  // How many times cancel() was called: a compare() whose answer is being parsed when it changes
  // is cancelled too.
  #cancels = 0;
  mode = 'worker';

  // Resolves with the engine's report, or an {error} object. The worker parses it and sends a long
  // one in slices (web/worker.js), each received in a task of its own; what the caller does with
  // a long report (building a view) starts in a task of its own too, so that their times do not
  // add up in one long task. A Cancel in between still cancels: the answer is dropped.
  async compare(a, b, options = {}) {
    const cancels = this.#cancels;
    const report = await this.#call('compare', [a, b, JSON.stringify(options)]);
    if (this.#cancels !== cancels) throw new EngineError('Cancelled.', { cancelled: true });
    return report;
  }

  // A series (docs/series.md): readout-diff-series/1 report or {error} object.
  async track(texts, names, window, options = {}) {
    return JSON.parse(await this.#call('track', [texts, names, window, JSON.stringify(options)]));
  }

  async segment(text, options = {}) {
    return JSON.parse(await this.#call('segment', [text, JSON.stringify(options)]));
  }

  version() {
    return this.#call('version', []);
  }

  // Stops whatever is running; pending calls reject with a cancelled EngineError.
  cancel() {
    this.#cancels += 1;
    if (this.mode === 'worker') this.#discardWorker(new EngineError('Cancelled.', { cancelled: true }));
  }

  #call(method, args) {
    if (this.mode === 'main-thread') return this.#callOnMainThread(method, args);
    const worker = this.#ensureWorker();
    if (!worker) return this.#callOnMainThread(method, args);
    return new Promise((resolve, reject) => {
      // The single file sends the default example's comparison before the page runs: that request,
      // the worker's first, is this one if nothing was asked before it, and is awaited like any other.
      const sent = this.#pending.size === 0 ? sentRequest(worker, method, args) : null;
      const id = sent ?? this.#nextId++;
      this.#pending.set(id, { resolve, reject, method, args });
      if (sent === null) this.#sending = this.#sending.then(() => this.#post(worker, { id, method, args }, reject));
      if (this.#pending.size === 1) this.#watchFirstPending();
    });
  }

  // Sends a request, its long texts first in pieces (see longTexts); the request
  // itself follows with those texts left out (null). Requests go one after the other (#sending),
  // so the worker gets them, and answers them, in the order of the calls. Stops if the worker is
  // replaced meanwhile (a cancel or a crash), which has answered the call already.
  async #post(worker, { id, method, args }, reject) {
    try {
      const long = longTexts(args);
      const sentArgs = args.map((arg) => (Array.isArray(arg) ? [...arg] : arg));
      for (const { path, text } of long) {
        for (const piece of textPieces(text)) {
          await nextTask();
          if (this.#worker !== worker) return;
          worker.postMessage({ id, path, piece });
        }
        if (path.length === 1) sentArgs[path[0]] = null;
        else sentArgs[path[0]][path[1]] = null;
      }
      if (long.length > 0) await nextTask();
      if (this.#worker === worker) worker.postMessage({ id, method, args: sentArgs });
    } catch (error) {
      reject(error);
    }
  }

  // Times the call the worker is working on now (the oldest unanswered one), from now.
  #watchFirstPending() {
    clearTimeout(this.#watchdog);
    const [first] = this.#pending.values();
    if (!first) return;
    const deadline = answerDeadlineMs(first.args);
    this.#watchdog = setTimeout(() => {
      const seconds = Math.round(deadline / 1000);
      this.#discardWorker(new EngineError(`The comparison engine stopped answering (no reply in ${seconds} s).`, { fatal: true }));
    }, deadline);
  }

  #ensureWorker() {
    if (this.#worker) return this.#worker;
    let worker;
    try {
      worker = createEngineWorker();
    } catch {
      this.mode = 'main-thread';
      return null;
    }
    let answered = false;
    worker.onmessage = ({ data }) => {
      answered = true;
      const call = this.#pending.get(data.id);
      if (!call) return;
      if (data.items) {
        (call.slices ??= []).push(data);
        return;
      }
      this.#pending.delete(data.id);
      this.#watchFirstPending();
      if (data.ok && call.slices) {
        // A long report: its caller's work starts in a task of its own (see compare()).
        const report = withSlices(data.result, call.slices);
        nextTask().then(() => call.resolve(report));
      } else if (data.ok) call.resolve(data.result);
      else {
        call.reject(new EngineError(describeCrash(data.message), { fatal: data.fatal }));
        if (data.fatal) this.#discardWorker(new EngineError(describeCrash(data.message), { fatal: true }));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (!answered) {
        // The worker never ran (blocked by a policy or unsupported here): use the main thread.
        clearTimeout(this.#watchdog);
        this.#worker = null;
        worker.terminate();
        this.mode = 'main-thread';
        const waiting = [...this.#pending.values()];
        this.#pending.clear();
        for (const call of waiting) this.#callOnMainThread(call.method, call.args).then(call.resolve, call.reject);
        return;
      }
      this.#discardWorker(new EngineError(describeCrash(event.message), { fatal: true }));
    };
    // An answer that cannot be received is as lost as no answer.
    worker.onmessageerror = () => this.#discardWorker(new EngineError(describeCrash('an answer could not be read'), { fatal: true }));
    this.#worker = worker;
    return worker;
  }

  #discardWorker(reason) {
    clearTimeout(this.#watchdog);
    this.#worker?.terminate();
    this.#worker = null;
    const waiting = [...this.#pending.values()];
    this.#pending.clear();
    for (const call of waiting) call.reject(reason);
  }

  async #callOnMainThread(method, args) {
    try {
      this.#mainThreadEngine ??= loadEngineFactory().then(instantiateWithoutFetch);
      const engine = await this.#mainThreadEngine;
      await paintedFrame();
      const result = engine[method](...args.map((arg) => (Array.isArray(arg) ? arg.map(wholeText) : wholeText(arg))));
      // A report comes parsed, as from the worker.
      return method === 'compare' ? JSON.parse(result) : result;
    } catch (error) {
      this.#mainThreadEngine = null;
      throw new EngineError(describeCrash(String(error?.message ?? error)), { fatal: true });
    }
  }
}

// The report with its long lists, sent in slices by the worker, put back in place.
function withSlices(report, slices) {
  for (const { path, items } of slices) {
    const owner = path.slice(0, -1).reduce((object, key) => object[key], report);
    for (const item of items) owner[path.at(-1)].push(item);
  }
  return report;
}

// Emscripten would fetch() the engine's own inlined data: URL, which connect-src 'none' blocks and
// reports, before decoding the base64 itself. It checks for fetch synchronously inside the factory
// call, so hiding fetch for that one synchronous moment sends it straight to the decoding.
function instantiateWithoutFetch(factory) {
  const { fetch } = globalThis;
  globalThis.fetch = undefined;
  try {
    return factory({ print() {}, printErr() {} });
  } finally {
    globalThis.fetch = fetch;
  }
}

// Waits until the browser has painted, so a busy indicator is visible before a long synchronous call.
function paintedFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

// The engine never aborts on user input, so a bare Emscripten abort ("Aborted(). Build with -s
// ASSERTIONS=1…", what a failed allocation gives with exceptions off) is memory running out too.
function describeCrash(message = '') {
  if (/OOM|out of memory|memory access out of bounds|Cannot enlarge memory|^Aborted\(/i.test(message)) {
    return 'The comparison engine ran out of memory. Try shorter texts.';
  }
  return `The comparison engine stopped unexpectedly${message ? ` (${message})` : ''}.`;
}

let sharedClient = null;

// One engine per document, shared by the page, the JS API and every <readout-diff> element.
export function sharedEngine() {
  sharedClient ??= new EngineClient();
  return sharedClient;
}
