// Where the page's other files come from when it is served as separate files: next to this
// module. tools/bundle-page.mjs puts assets-inline.js in this module's place for the single file.
import { h } from './dom.js';

const base = new URL('./', import.meta.url);
const ENGINE_FILE = 'readout-diff-engine.js';

export function createEngineWorker() {
  return new Worker(new URL('worker.js', base));
}

// Served, a worker has been sent nothing before the page asks (see assets-inline.js).
export function sentRequest() {
  return null;
}

// The engine factory on the main thread (fallback when no worker can run): loads the engine
// script once with a <script src>, which script-src 'self' allows.
let factoryPromise = null;
export function loadEngineFactory() {
  factoryPromise ??= new Promise((resolve, reject) => {
    if (typeof globalThis.createReadoutDiffEngine === 'function') {
      resolve(globalThis.createReadoutDiffEngine);
      return;
    }
    const script = h('script', { src: new URL(ENGINE_FILE, base).href });
    script.addEventListener('load', () => resolve(globalThis.createReadoutDiffEngine));
    script.addEventListener('error', () => {
      factoryPromise = null;
      reject(new Error(`could not load ${ENGINE_FILE}`));
    });
    document.head.append(script);
  });
  return factoryPromise;
}

// Styles for a <readout-diff> element's shadow root.
export function viewStyleNodes() {
  return [h('link', { rel: 'stylesheet', href: new URL('view.css', base).href })];
}

// The default example texts, written by the bundler as example-data.js; null when absent.
export async function loadExample() {
  try {
    return (await import('./example-data.js')).EXAMPLE;
  } catch {
    return null;
  }
}

// A stylesheet's text, for the exported HTML reports (same-origin sheets are readable).
function styleText(file) {
  const sheet = [...document.styleSheets].find((s) => s.href && new URL(s.href).pathname.endsWith(`/${file}`));
  return sheet ? [...sheet.cssRules].map((rule) => rule.cssText).join('\n') : '';
}

export function viewStyleText() {
  return styleText('view.css');
}

export function seriesStyleText() {
  return styleText('series.css');
}
