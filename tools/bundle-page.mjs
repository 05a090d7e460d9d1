#!/usr/bin/env node
// Builds the two deliverables of the page from web/, the engine script and the default example:
//   <out>/readout-diff.html  one self-contained file that works from file:// with no network
//   <out>/served/            the same page as separate files, with no inline script or style
// Usage: node tools/bundle-page.mjs --engine <readout-diff-engine.js> --web <web/> --corpus <corpus/> --out <dist/>
//        [--example-a <file in corpus>] [--example-b <file in corpus>]
// The examples (the pair, and the Series mode's WMCC and Corps Commander series) are read from the
// corpus here, at build time, and written into the outputs only; so is the default example's
// report, which the bundled engine writes here (the single file shows it as its first result).
//
// The single file inlines web/'s ES modules as one classic script at the end of its body (where
// it runs as soon as it is parsed, not after the engine's wasm). They are joined without a
// general-purpose bundler, so web/ keeps to a small module syntax that is checked here:
// `import { x, y as z } from './file.js';`, `import './file.js';` and `export` in front of
// function, class, const, let or var declarations. Each module becomes a function scope; its
// exports are read once, after it has run (no live bindings, no import cycles).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const DEFAULT_EXAMPLE = {
  a: '2020-09-10_moscow_in-cn_fm_mea_en.txt',
  b: '2021-07-14_dushanbe_in-cn_fm_mea-seed_hi.txt',
};
// The Series mode's examples, in series order (the page orders them by the dates in the names).
const SERIES_EXAMPLES = [
  {
    title: 'WMCC rounds 21–31',
    files: [
      '2021-03-12_virtual_in-cn_wmcc21_etemaad-news_en.txt',
      '2021-06-25_virtual_in-cn_wmcc22_bizstandard-news_en.txt',
      '2021-11-18_virtual_in-cn_wmcc23_abplive-news_en.txt',
      '2022-05-31_virtual_in-cn_wmcc24_orissadiary-news_en.txt',
      '2022-10-14_virtual_in-cn_wmcc25_ani-news_en.txt',
      '2024-03-27_beijing_cn-in_wmcc29_app-urdupoint-news_en.txt',
      '2024-08-29_beijing_cn-in_wmcc31_xinhua_en.txt',
    ],
  },
  {
    title: 'Corps Commander rounds 9–14',
    files: [
      '2021-01-24_moldo_in-cn_corps9_zeenews-news_en.txt',
      '2021-02-20_moldo_in-cn_corps10_mod-via-newsboys24_en.txt',
      '2022-01-12_chushul-moldo_in-cn_corps14_pragativadi-news_en.txt',
    ],
  },
];
const ENTRY_MODULE = 'app.js';
// The single file gets its resources from elements of its own page (see web/assets-inline.js).
const MODULE_REPLACEMENTS = { 'assets.js': 'assets-inline.js' };
// Stylesheets the page reads back as text (the exported HTML reports, the Shadow DOM's copy).
const STYLE_IDS = { 'view.css': 'readout-diff-view-css', 'series.css': 'readout-diff-series-css' };
const SERVED_ONLY_EXCLUDES = new Set(['assets-inline.js', 'engine-start-inline.js']);
const ENGINE_FILE = 'readout-diff-engine.js';
const SERVED_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'; " +
  "img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'";

class BundleError extends Error {}

async function main() {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string' }, web: { type: 'string' }, corpus: { type: 'string' }, out: { type: 'string' },
      'example-a': { type: 'string', default: DEFAULT_EXAMPLE.a }, 'example-b': { type: 'string', default: DEFAULT_EXAMPLE.b },
    },
  });
  for (const required of ['engine', 'web', 'corpus', 'out']) {
    if (!values[required]) throw new BundleError(`missing --${required}`);
  }
  const web = resolve(values.web);
  const out = resolve(values.out);
  const engineSource = normalizeNewlines(readFileSync(values.engine, 'utf8'));
  if (!/\bcreateReadoutDiffEngine\b/.test(engineSource)) {
    throw new BundleError(`${values.engine} does not define createReadoutDiffEngine`);
  }
  const example = {
    a: readExample(values.corpus, values['example-a']),
    b: readExample(values.corpus, values['example-b']),
    series: SERIES_EXAMPLES.map(({ title, files }) => ({ title, readouts: files.map((file) => readExample(values.corpus, file)) })),
  };
  checkNoHtmlInjectionSinks(web);

  writeServed(web, join(out, 'served'), values.engine, example);
  const html = singleFileHtml(web, engineSource, example, await exampleReport(values.engine, example));
  mkdirSync(out, { recursive: true });
  const htmlPath = join(out, 'readout-diff.html');
  writeFileSync(htmlPath, html);
  const bytes = Buffer.byteLength(html);
  console.log(`bundle-page: ${htmlPath} ${bytes} bytes (${gzipSync(html).length} gzipped); ${join(out, 'served')}/`);
}

// The default example's report, written by the engine the page bundles (run here under node): the
// single file shows it at once instead of waiting for its worker to start the engine and compare
// (web/engine-start-inline.js). The engine is deterministic, so this is byte for byte what the
// page's engine would answer (tests/wasm/single-file.test.mjs compares the two).
async function exampleReport(enginePath, example) {
  const createEngine = createRequire(import.meta.url)(resolve(enginePath));
  const engine = await createEngine({ print() {}, printErr() {} });
  const report = engine.compare(example.a.text, example.b.text, JSON.stringify({}));
  if (JSON.parse(report).error) throw new BundleError(`the engine refused the default example: ${report}`);
  return report;
}

function readExample(corpus, file) {
  return { name: file, text: readFileSync(join(corpus, file), 'utf8') };
}

function normalizeNewlines(text) {
  return text.replace(/\r\n?/g, '\n');
}

// web/ never parses text as HTML: the only sanctioned path for input is textContent. This guard
// keeps it that way.
function checkNoHtmlInjectionSinks(web) {
  for (const file of readdirSync(web).filter((f) => f.endsWith('.js'))) {
    const source = readFileSync(join(web, file), 'utf8');
    const sink = source.match(/\.(innerHTML|outerHTML)\s*\+?=|insertAdjacentHTML|document\.write|createContextualFragment|\beval\(|new Function\(/);
    if (sink) throw new BundleError(`web/${file} uses ${sink[0]}: build DOM with dom.js instead`);
  }
}

// ---- served/ ---------------------------------------------------------------------------------

function writeServed(web, served, enginePath, example) {
  rmSync(served, { recursive: true, force: true });
  mkdirSync(served, { recursive: true });
  for (const file of readdirSync(web)) {
    if (!/\.(js|css|html)$/.test(file) || SERVED_ONLY_EXCLUDES.has(file)) continue;
    copyFileSync(join(web, file), join(served, file));
  }
  copyFileSync(enginePath, join(served, ENGINE_FILE));
  writeFileSync(join(served, 'example-data.js'),
    `// The default example, read from the corpus by tools/bundle-page.mjs.\nexport const EXAMPLE = ${JSON.stringify(example, null, 1)};\n`);
  const index = readFileSync(join(served, 'index.html'), 'utf8');
  if (!index.includes(`content="${SERVED_CSP}"`)) throw new BundleError('web/index.html must carry the served CSP meta tag');
  if (/<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=/i.test(index)) {
    throw new BundleError('web/index.html has inline script or style, which the served CSP forbids');
  }
}

// ---- readout-diff.html -----------------------------------------------------------------------

function singleFileHtml(web, engineSource, example, report) {
  let html = asciiHtml(readFileSync(join(web, 'index.html'), 'utf8'));
  const scriptHashes = [];
  const styleHashes = [];

  html = html.replace(/<link rel="stylesheet" href="([\w.-]+\.css)"( media="print")?>/g, (_, file, media = '') => {
    const css = asciiCss(normalizeNewlines(readFileSync(join(web, file), 'utf8')));
    if (/<\/style/i.test(css)) throw new BundleError(`web/${file} contains "</style"`);
    styleHashes.push(cspHash(css));
    const id = STYLE_IDS[file] ? ` id="${STYLE_IDS[file]}"` : '';
    return `<style${id}${media}>${css}</style>`;
  });

  // At the top of <head>, before anything else is parsed: the default example and its report
  // (next to each other, so that gzip finds the sentences of one in the other), the engine's
  // script without its wasm (data blocks, which the main thread does not compile), the worker's
  // source, and the script that starts the worker from them with the example's comparison as its
  // first request (web/engine-start-inline.js). At the end of <body>: the page's script, then the
  // wasm (base64 of its gzip, most of the page's bytes), which a one-line script sends to that
  // worker once parsed. The engine's hash without its wasm lets the main-thread fallback run it
  // as a script, the wasm given to it unpacked (web/assets-inline.js).
  const engine = splitEngine(scriptText(engineSource, ENGINE_FILE));
  scriptHashes.push(cspHash(engine.before + engine.after));
  const workerSource = scriptText(normalizeNewlines(readFileSync(join(web, 'worker.js'), 'utf8')), 'worker.js');
  const startScript = scriptText(normalizeNewlines(readFileSync(join(web, 'engine-start-inline.js'), 'utf8')), 'engine-start-inline.js');
  scriptHashes.push(cspHash(startScript), cspHash(WASM_PARSED_SCRIPT));
  // JSON with "<" escaped cannot end its script element early; JSON.parse reads it unchanged.
  const exampleJson = asciiJs(JSON.stringify(example).replace(/</g, '\\u003c'));
  const reportJson = asciiJs(report.replace(/</g, '\\u003c'));
  const cspMeta = `<meta http-equiv="Content-Security-Policy" content="${SERVED_CSP}">`;
  html = replaceOnce(html, cspMeta, `${cspMeta}\n` +
    `<script type="application/json" id="readout-diff-example">${exampleJson}</script>\n` +
    `<script type="application/json" id="readout-diff-example-report">${reportJson}</script>\n` +
    `<script type="text/plain" id="readout-diff-engine-before-wasm">${engine.before}</script>\n` +
    `<script type="text/plain" id="readout-diff-engine-after-wasm">${engine.after}</script>\n` +
    `<script type="text/plain" id="readout-diff-worker">${workerSource}</script>\n` +
    `<script>${startScript}</script>`);
  const pageScript = bundleModules(web);
  scriptHashes.push(cspHash(pageScript));
  html = replaceOnce(html, '<script type="module" src="app.js"></script>\n', '');
  html = replaceOnce(html, '</body>', `<script>${pageScript}</script>\n` +
    `<script type="text/plain" id="readout-diff-engine-wasm">${engine.wasm}</script>\n` +
    `<script>${WASM_PARSED_SCRIPT}</script>\n</body>`);

  if (NON_ASCII.test(html)) throw new BundleError('the single file has a character outside ASCII that was not escaped');
  const csp = [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${styleHashes.join(' ')}`,
    'worker-src blob:',
    "img-src 'self' data:",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return replaceOnce(html, `content="${SERVED_CSP}"`, `content="${csp}"`);
}

// Sends the wasm to the worker as soon as the parser has read it (see web/engine-start-inline.js).
const WASM_PARSED_SCRIPT = 'readoutDiffEngineWorkers.wasmParsed();';
// The engine script has its wasm inlined as a base64 data: URL (Emscripten's SINGLE_FILE). Cut
// out, it leaves the bare prefix, which tells the engine to take the binary given as its
// wasmBinary option rather than look for a file. The page carries the wasm as base64 of its gzip
// instead: half the text to parse before the page's script can run (1.0 instead of 2.1 MB), and
// 130 KB less to download (base64 of the bare wasm compresses badly).
const WASM_DATA_URL = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]{100,})"/g;

function splitEngine(engineScript) {
  const found = [...engineScript.matchAll(WASM_DATA_URL)];
  if (found.length !== 1) throw new BundleError(`expected the engine script to inline its wasm as one base64 data: URL, found ${found.length}`);
  const at = found[0].index + found[0][0].indexOf(',') + 1;
  const wasm = found[0][1];
  const packed = gzipSync(Buffer.from(wasm, 'base64'), { level: 9 }).toString('base64');
  return { before: engineScript.slice(0, at), wasm: packed, after: engineScript.slice(at + wasm.length) };
}

// Script text made safe to sit inside <script>…</script>: "</script" becomes "<\/script", which
// means the same in JavaScript strings, regular expressions and comments.
function scriptText(source, name) {
  if (source.includes('<!--')) throw new BundleError(`${name} contains "<!--", which would change how HTML parses the script`);
  if (/\\[^\x00-\x7f]/.test(source)) throw new BundleError(`${name} has a backslash before a character outside ASCII, which its \\u escape would change`);
  return asciiJs(source.replace(/<\/(script)/gi, '<\\/$1'));
}

// The single file is written in ASCII only, every other character escaped as its context allows
// (the same text once parsed): Chromium decodes a page that is all ASCII on a fast path, and one
// Devanagari word anywhere in the 1 MB file made the page's first parsed element come about
// 100 ms later from file:// (the default example and its report are Hindi).
const NON_ASCII = /[^\x00-\x7f]/;
const hex = (codePoint, digits) => codePoint.toString(16).padStart(digits, '0');
// JavaScript and JSON: \uXXXX, a character outside the BMP as its two surrogates (a regular
// expression with the u flag reads such a pair as the one character).
const asciiJs = (text) => text.replace(/[^\x00-\x7f]/g, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
// CSS: six hex digits, so that no following character is read as part of the escape.
const asciiCss = (text) => text.replace(/[^\x00-\x7f]/gu, (c) => `\\${hex(c.codePointAt(0), 6)}`);
const asciiHtml = (text) => text.replace(/[^\x00-\x7f]/gu, (c) => `&#x${hex(c.codePointAt(0), 1)};`);

function cspHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function replaceOnce(text, search, replacement) {
  const at = text.indexOf(search);
  if (at === -1 || text.indexOf(search, at + 1) !== -1) throw new BundleError(`expected exactly one ${search} in web/index.html`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

const IMPORT = /^import\s+(?:\{([^}]*)\}\s*from\s*)?'\.\/([\w-]+\.js)';[ \t]*$/gm;
const EXPORT = /^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)/gm;

function bundleModules(web) {
  const ordered = [];
  const state = new Map();
  const visit = (file, from) => {
    const actual = MODULE_REPLACEMENTS[file] ?? file;
    if (state.get(actual) === 'done') return;
    if (state.get(actual) === 'visiting') throw new BundleError(`import cycle through ${actual} (from ${from})`);
    state.set(actual, 'visiting');
    const module = parseModule(web, actual);
    for (const dependency of module.dependencies) visit(dependency, actual);
    state.set(actual, 'done');
    ordered.push(module);
  };
  visit(ENTRY_MODULE, 'the entry');
  const body = ordered.map((module) => module.wrapped).join('\n');
  return `\n// Readout Diff page script: web/ modules joined by tools/bundle-page.mjs.\n'use strict';\n{\n${scriptText(body, 'web/ modules')}\n}\n`;
}

function moduleVariable(file) {
  return `module_${file.replace(/\.js$/, '').replace(/[^\w]/g, '_')}`;
}

function parseModule(web, file) {
  const source = normalizeNewlines(readFileSync(join(web, file), 'utf8'));
  const dependencies = [];
  const exports = [];
  let body = source.replace(IMPORT, (_, names, dependency) => {
    dependencies.push(dependency);
    if (names === undefined) return '';
    const bindings = names.split(',').map((n) => n.trim()).filter(Boolean)
      .map((n) => n.replace(/^([\w$]+)\s+as\s+([\w$]+)$/, '$1: $2'));
    return `const { ${bindings.join(', ')} } = ${moduleVariable(MODULE_REPLACEMENTS[dependency] ?? dependency)};`;
  });
  body = body.replace(EXPORT, (_, kind, name) => {
    exports.push(name);
    return `${kind} ${name}`;
  });
  const unsupported = body.match(/^(import|export)\b.*$|\bimport\s*\(|\bimport\.meta\b/m);
  if (unsupported) throw new BundleError(`web/${file}: unsupported module syntax for the single file: ${unsupported[0]}`);
  return {
    file,
    dependencies,
    wrapped: `// ---- web/${file}\nconst ${moduleVariable(file)} = (() => {\n${body.trim()}\nreturn { ${exports.join(', ')} };\n})();\n`,
  };
}

main().catch((error) => {
  if (!(error instanceof BundleError) && error.code !== 'ENOENT') throw error;
  console.error(`bundle-page: ${error.message}`);
  process.exit(1);
});
