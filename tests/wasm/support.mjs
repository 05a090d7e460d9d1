// Shared set-up for the wasm engine tests (not a test file itself: node --test only runs
// *.test.mjs here). Paths come from the environment, with the preset build folders as defaults:
//   READOUT_DIFF_WASM_ENGINE  build/wasm/wasm/readout-diff-engine.js
//   READOUT_DIFF_NATIVE_CLI   the native readout-diff, for the parity tests (no default: unset skips them)
//   READOUT_DIFF_SHARED       ../shared (corpus/ and gold/)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const enginePath = resolve(process.env.READOUT_DIFF_WASM_ENGINE ?? join(repo, 'build/wasm/wasm/readout-diff-engine.js'));
export const nativeCli = process.env.READOUT_DIFF_NATIVE_CLI ? resolve(process.env.READOUT_DIFF_NATIVE_CLI) : null;
export const sharedDir = resolve(process.env.READOUT_DIFF_SHARED ?? join(repo, '..', 'shared'));
export const corpusDir = join(sharedDir, 'corpus');

// A missing engine is a failure, not a skip: a suite that passes without the engine proves nothing.
if (!existsSync(enginePath)) {
  throw new Error(`No wasm engine at ${enginePath}: build it (cmake --build --preset wasm) or set READOUT_DIFF_WASM_ENGINE`);
}
if (!existsSync(corpusDir)) {
  throw new Error(`No corpus at ${corpusDir}: set READOUT_DIFF_SHARED to the folder holding corpus/`);
}

// The engine is a classic script (Emscripten MODULARIZE) that also sets module.exports, so
// require() loads it in node; it needs nothing beside itself (SINGLE_FILE).
export { assertSchema, reportSchema } from './report-schema.mjs';

const require = createRequire(import.meta.url);
export function loadFactory(path = enginePath) {
  const factory = require(path);
  if (typeof factory !== 'function') throw new Error(`${path} does not export the createReadoutDiffEngine factory`);
  return factory;
}

// Each call gives a fresh engine instance (own memory), as the page's worker does.
export async function createEngine(path = enginePath) {
  return loadFactory(path)({ print() {}, printErr() {} });
}

export function corpusText(name) {
  return readFileSync(join(corpusDir, name), 'utf8');
}

export function corpusBytes(name) {
  return readFileSync(join(corpusDir, name));
}

// The corpus's readouts, English and Hindi, as named in the corpus folder.
export const FILES = {
  moscowEn: '2020-09-10_moscow_in-cn_fm_mea_en.txt',
  moscowHi: '2020-09-10_moscow_in-cn_fm_mea_hi.txt',
  moscowNiasEn: '2020-09-10_moscow_in-cn_fm_nias-mfa-transl_en.txt',
  dushanbeHi: '2021-07-14_dushanbe_in-cn_fm_mea-seed_hi.txt',
  dushanbeEn: '2021-07-14_dushanbe_in-cn_fm_netindian-news_en.txt',
  moldoHi: '2021-02-20_moldo_in-cn_corps10_pib_hi.txt',
  moldoEn: '2021-02-20_moldo_in-cn_corps10_mod-via-newsboys24_en.txt',
  munichCn: '2023-02-18_munich_cn-us_fm_xinhua-via-herald_en.txt',
  munichUs: '2023-02-18_munich_us-cn_fm_state-via-trend-tass_en.txt',
};

// Checks every sentence of one side of a report (or of a segment result) against the input's
// UTF-8 bytes: its [start, end) span must slice exactly its text, spans must be in order and
// must not overlap. Returns the number of sentences checked.
export function checkSpans(assert, sentences, inputBytes, label) {
  assert.ok(Array.isArray(sentences) && sentences.length > 0, `${label}: no sentences`);
  let previousEnd = 0;
  for (const [index, sentence] of sentences.entries()) {
    assert.ok(Number.isInteger(sentence.start) && Number.isInteger(sentence.end), `${label} #${index}: span not integers`);
    assert.ok(sentence.start >= previousEnd, `${label} #${index}: starts at ${sentence.start}, before the previous end ${previousEnd}`);
    assert.ok(sentence.end > sentence.start && sentence.end <= inputBytes.length, `${label} #${index}: bad span ${sentence.start}-${sentence.end}`);
    assert.equal(inputBytes.subarray(sentence.start, sentence.end).toString('utf8'), sentence.text,
      `${label} #${index}: bytes ${sentence.start}-${sentence.end} are not the sentence text`);
    previousEnd = sentence.end;
  }
  return sentences.length;
}

// The native CLI (READOUT_DIFF_NATIVE_CLI) run with `args`: its status, stdout as bytes, stderr as text.
export function runCli(args) {
  const result = spawnSync(nativeCli, args, { maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

// The wasm engine's JSON must be the CLI's standard output byte for byte (the CLI adds one newline).
export function assertSameOutput(wasmJson, cliArgs, label) {
  const cli = runCli(cliArgs);
  assert.equal(cli.status, 0, `${label}: the CLI failed: ${cli.stderr}`);
  const wasmBytes = Buffer.from(`${wasmJson}\n`, 'utf8');
  if (!wasmBytes.equals(cli.stdout)) {
    // Point at the first difference rather than dumping megabytes.
    let at = 0;
    while (at < wasmBytes.length && wasmBytes[at] === cli.stdout[at]) at += 1;
    const around = (bytes) => bytes.subarray(Math.max(0, at - 80), at + 80).toString('utf8');
    assert.fail(`${label}: wasm and native differ at byte ${at}\n  wasm:   ${around(wasmBytes)}\n  native: ${around(cli.stdout)}`);
  }
}
