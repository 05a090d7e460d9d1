// The wasm engine and the native CLI are one engine: for the same input their JSON must be
// byte-identical (the CLI adds one newline). Differences would come from the toolchains (float
// formatting, libc++ vs libstdc++ containers) or from ICU (compiled-in data package vs Debian's
// libicu), which is exactly what this guards.
// Needs READOUT_DIFF_NATIVE_CLI (e.g. build/native/tools/readout-diff); skipped without it.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { FILES, assertSameOutput, corpusDir, corpusText, createEngine, nativeCli, runCli } from './support.mjs';

const skip = nativeCli ? false : 'READOUT_DIFF_NATIVE_CLI is not set: set it to the native readout-diff to compare the two builds';

describe('wasm and native CLI give identical output', { skip }, () => {
  let engine;
  let scratch;
  before(async () => {
    assert.ok(existsSync(nativeCli), `READOUT_DIFF_NATIVE_CLI=${nativeCli} does not exist`);
    engine = await createEngine();
    scratch = mkdtempSync(join(tmpdir(), 'readout-parity-'));
  });
  after(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('version', () => {
    const cli = runCli(['--version']);
    assert.equal(cli.status, 0);
    assert.equal(cli.stdout.toString('utf8'), `${engine.version()}\n`);
  });

  const pairs = [
    [FILES.moscowEn, FILES.dushanbeHi],
    [FILES.dushanbeHi, FILES.moscowEn],
    [FILES.moscowEn, FILES.moscowHi],
    [FILES.moscowEn, FILES.moscowNiasEn],
    [FILES.moldoHi, FILES.moldoEn],
    [FILES.dushanbeHi, FILES.moldoHi],
    [FILES.munichUs, FILES.munichCn],
    [FILES.dushanbeEn, FILES.dushanbeEn],
  ];
  for (const [a, b] of pairs) {
    test(`compare ${a} ${b}`, () => {
      assertSameOutput(engine.compare(corpusText(a), corpusText(b), ''), ['compare', join(corpusDir, a), join(corpusDir, b)], `${a} vs ${b}`);
    });
  }

  test('compare with options', () => {
    const options = '{"min_link_score":0.2,"partner_ratio":0.5}';
    const [a, b] = [FILES.moscowEn, FILES.dushanbeHi];
    assertSameOutput(engine.compare(corpusText(a), corpusText(b), options),
      ['compare', join(corpusDir, a), join(corpusDir, b), '--options', options], 'with options');
  });

  test('compare with the analyst\'s review (a reject, a link by hand, a relation, one that does not apply)', () => {
    const [a, b] = [FILES.moscowEn, FILES.dushanbeEn];
    const plain = JSON.parse(engine.compare(corpusText(a), corpusText(b), ''));
    const [first, second] = plain.links;
    const near = plain.a.sentences.find((s) => s.possible_counterparts.length);
    assert.ok(first && second && near, 'the pair has two links and a near miss');
    const review = [
      { action: 'reject', a: first.a, b: first.b },
      { action: 'relation', a: second.a, b: second.b, relation: second.relation === 'repeated' ? 'modified' : 'repeated' },
      { action: 'link', a: [near.id], b: [near.possible_counterparts[0].sentence], relation: 'modified', a_text: [near.text] },
      { action: 'accept', a: [plain.a.sentences.length], b: [0] },
    ];
    const options = JSON.stringify({ review });
    const wasm = engine.compare(corpusText(a), corpusText(b), options);
    assert.deepEqual(JSON.parse(wasm).review.map((entry) => entry.applied), [true, true, true, false]);
    assertSameOutput(wasm, ['compare', join(corpusDir, a), join(corpusDir, b), '--options', options], 'with a review');
  });

  test('segment every corpus readout', () => {
    const names = readdirSync(corpusDir).filter((name) => name.endsWith('.txt'));
    assert.ok(names.length >= 10, `only ${names.length} readouts in ${corpusDir}`);
    for (const name of names) {
      assertSameOutput(engine.segment(corpusText(name), ''), ['segment', join(corpusDir, name)], name);
    }
  });

  test('a byte order mark, CRLF line ends and a long input', () => {
    const a = `\uFEFF${corpusText(FILES.munichUs).replace(/\r?\n/g, '\r\n')}`;
    const b = `${corpusText(FILES.dushanbeHi)}\n\n`.repeat(40);
    const pathA = join(scratch, 'a.txt');
    const pathB = join(scratch, 'b.txt');
    writeFileSync(pathA, a, 'utf8');
    writeFileSync(pathB, b, 'utf8');
    assertSameOutput(engine.compare(a, b, ''), ['compare', pathA, pathB], 'BOM, CRLF, long');
  });

  test('an unpaired surrogate in a string and ill-formed UTF-8 in a file give the same error', () => {
    // The engine writes a lone surrogate as its 3-byte form ED A0 80; the same bytes in a file
    // must be refused by the native build with the same message.
    const prefix = 'The ministers met.\nThey agreed ';
    const path = join(scratch, 'surrogate.txt');
    writeFileSync(path, Buffer.concat([Buffer.from(prefix), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('on five points.')]));
    const wasm = JSON.parse(engine.segment(`${prefix}\ud800on five points.`, ''));
    assert.equal(wasm.error.code, 'invalid_utf8');
    const cli = runCli(['segment', path]);
    assert.equal(cli.status, 1);
    assert.equal(cli.stderr, `readout-diff: ${path}: ${wasm.error.message}\n`);
  });
});
