// Synthetic long readouts for the benchmark, built at run time from the English sentences of the
// shared corpus (never copied into the repository): sentences are drawn at random, spliced and
// re-worded so that most of them are distinct, grouped into paragraphs, and the B side is an
// edited copy of A (sentences dropped, re-worded, inserted, and paragraphs moved). Everything
// comes from one seeded generator, so the same seed and size always give the same bytes.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Bump when the generator changes, so figures are only compared across equal texts.
export const GENERATOR_VERSION = 1;

// mulberry32: small, fast and deterministic across node versions.
export function rng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (items) => items[next.int(items.length)];
  return next;
}

// The corpus's English sentences (a plain splitter of the bench's own, so that the texts do not
// change when the engine's segmentation does) and its vocabulary.
export function corpusMaterial(corpusDir) {
  let index = [];
  try {
    index = JSON.parse(readFileSync(join(corpusDir, 'index.json'), 'utf8'));
  } catch {
    index = readdirSync(corpusDir).filter((name) => name.endsWith('_en.txt')).map((file) => ({ file, lang: 'en' }));
  }
  const sentences = [];
  const vocabulary = new Set();
  for (const entry of index.filter((item) => item.lang === 'en').sort((x, y) => x.file.localeCompare(y.file))) {
    const text = readFileSync(join(corpusDir, entry.file), 'utf8');
    for (const line of text.split(/\r?\n/)) {
      for (const piece of line.trim().split(/(?<=[.!?]["”’)]?)\s+(?=["“(]?[A-Z0-9])/)) {
        const words = piece.trim().split(/\s+/).filter(Boolean);
        if (words.length >= 6 && /[.!?:;]["”’)]?$/.test(piece)) sentences.push(words);
        for (const word of words) {
          const bare = word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
          if (/^\p{Ll}{4,}$/u.test(bare)) vocabulary.add(bare);
        }
      }
    }
  }
  if (sentences.length < 20) throw new Error(`too few English sentences in ${corpusDir} to build synthetic texts`);
  return { sentences, vocabulary: [...vocabulary].sort() };
}

const NEGATIONS = ['not', 'no longer', 'never'];

function reword(words, random, vocabulary, rate) {
  return words.map((word) => {
    const match = word.match(/^([^\p{L}\p{N}]*)([\p{L}\p{N}][\p{L}\p{N}'’-]*)([^\p{L}\p{N}]*)$/u);
    if (!match) return word;
    const [, before, core, after] = match;
    if (/^\d+$/.test(core)) return random() < 0.5 ? `${before}${1 + random.int(2999)}${after}` : word;
    if (random() >= rate) return word;
    let replacement = random.pick(vocabulary);
    if (/^\p{Lu}/u.test(core)) replacement = replacement[0].toUpperCase() + replacement.slice(1);
    return `${before}${replacement}${after}`;
  });
}

function finish(words) {
  const sentence = words.join(' ');
  return /[.!?]["”’)]?$/.test(sentence) ? sentence : `${sentence.replace(/[,:;]$/, '')}.`;
}

function freshSentence(random, material) {
  let words = random.pick(material.sentences);
  if (random() < 0.5) {
    const other = random.pick(material.sentences);
    const cut = 2 + random.int(Math.max(1, words.length - 3));
    const otherCut = random.int(Math.max(1, other.length - 3));
    words = [...words.slice(0, cut), ...other.slice(otherCut)];
  }
  return finish(reword(words, random, material.vocabulary, 0.15));
}

function editSentence(sentence, random, material) {
  const words = sentence.split(' ');
  const kind = random();
  if (kind < 0.25) {
    // A negation where the sentence has an auxiliary to hang it on, else a re-wording.
    const at = words.findIndex((word) => /^(should|shall|will|would|can|could|must|is|are|was|were)$/i.test(word));
    if (at >= 0) {
      words.splice(at + 1, 0, random.pick(NEGATIONS));
      return words.join(' ');
    }
  }
  if (kind < 0.5 && words.length > 10) {
    // A clause cut out of the middle.
    const from = 3 + random.int(words.length - 8);
    words.splice(from, 2 + random.int(3));
    return finish(words);
  }
  return finish(reword(words, random, material.vocabulary, 0.25));
}

// The next readout of a story: sentences dropped, re-worded and inserted, a few paragraphs moved.
function editedParagraphs(paragraphs, random, material) {
  const edited = [];
  for (const paragraph of paragraphs) {
    const kept = [];
    for (const sentence of paragraph) {
      const roll = random();
      if (roll < 0.08) {
        // dropped
      } else if (roll < 0.22) {
        kept.push(editSentence(sentence, random, material));
      } else {
        kept.push(sentence);
      }
      if (random() < 0.08) kept.push(freshSentence(random, material));
    }
    if (kept.length) edited.push(kept);
  }
  for (let moves = Math.floor(edited.length * 0.03); moves > 0; --moves) {
    const [moved] = edited.splice(random.int(edited.length), 1);
    edited.splice(random.int(edited.length + 1), 0, moved);
  }
  return edited;
}

function freshParagraphs(count, random, material) {
  const paragraphs = [];
  for (let made = 0; made < count;) {
    const size = Math.min(count - made, 1 + random.int(4));
    const paragraph = [];
    for (let k = 0; k < size; ++k) paragraph.push(freshSentence(random, material));
    paragraphs.push(paragraph);
    made += size;
  }
  return paragraphs;
}

const render = (title, paragraphs) => `${title}\n\n${paragraphs.map((p) => p.join(' ')).join('\n\n')}\n`;

// Returns {a, b, sentencesA, sentencesB} for `count` sentences a side.
export function syntheticPair(count, seed, material) {
  const random = rng(seed ^ Math.imul(count, 0x9e3779b1));
  const paragraphsA = freshParagraphs(count, random, material);
  const paragraphsB = editedParagraphs(paragraphsA, random, material);
  const title = (side) => `Synthetic readout ${side}: ${count} sentences (generator ${GENERATOR_VERSION}, seed ${seed})`;
  return {
    a: render(title('A'), paragraphsA),
    b: render(title('B'), paragraphsB),
    sentencesA: count,
    sentencesB: paragraphsB.reduce((total, paragraph) => total + paragraph.length, 0),
  };
}

// A synthetic pair cut to about `bytes` bytes a side (UTF-8), each side at a paragraph end:
// {a, b} (the same generator and seed as the sentence-count pairs).
export function syntheticPairOfBytes(bytes, seed, material) {
  const pair = syntheticPair(Math.ceil(bytes / 180), seed, material);  // about 200 bytes a sentence
  const cut = (text) => {
    const head = Buffer.from(text).subarray(0, bytes).toString('utf8');
    return `${head.slice(0, head.lastIndexOf('\n\n'))}\n`;
  };
  return { a: cut(pair.a), b: cut(pair.b) };
}

// Writes the pair to dir/synthetic-<count>-{a,b}.txt and returns their paths and sizes.
export function writeSyntheticPair(dir, count, seed, material) {
  mkdirSync(dir, { recursive: true });
  const pair = syntheticPair(count, seed, material);
  const a = join(dir, `synthetic-${count}-a.txt`);
  const b = join(dir, `synthetic-${count}-b.txt`);
  writeFileSync(a, pair.a);
  writeFileSync(b, pair.b);
  return { a, b, bytesA: Buffer.byteLength(pair.a), bytesB: Buffer.byteLength(pair.b), sentencesA: pair.sentencesA, sentencesB: pair.sentencesB };
}

// A series of `count` readouts of about `sentences` sentences each, every one an edited copy of
// the one before (as syntheticPair's B is of its A), for the series benchmark.
export function syntheticSeries(count, sentences, seed, material) {
  const random = rng(seed ^ Math.imul(count, 0x85ebca6b) ^ sentences);
  let paragraphs = freshParagraphs(sentences, random, material);
  const texts = [];
  for (let k = 0; k < count; ++k) {
    if (k > 0) paragraphs = editedParagraphs(paragraphs, random, material);
    texts.push(render(`Synthetic readout ${k + 1} of ${count} (generator ${GENERATOR_VERSION}, seed ${seed})`, paragraphs));
  }
  return texts;
}

// Every readout of the corpus (in name order) `copies` times a side, each copy in another order:
// A's copy k starts at readout 3k, B's at 3k + 4 and runs backwards. Every sentence is then in
// `copies` copies a side, and their links join into rows of many sentences (at 25 copies, 227
// rows of 50 to 150): the page's case of long rows. Returns {a, b}.
export function repeatedCorpusPair(corpusDir, copies) {
  const texts = readdirSync(corpusDir).filter((name) => name.endsWith('.txt')).sort()
    .map((name) => readFileSync(join(corpusDir, name), 'utf8'));
  const rotated = (k) => [...texts.slice(k % texts.length), ...texts.slice(0, k % texts.length)];
  const starts = Array.from({ length: copies }, (_, k) => 3 * k);
  return {
    a: starts.flatMap((k) => rotated(k)).join('\n\n'),
    b: starts.flatMap((k) => rotated(k + 4).reverse()).join('\n\n'),
  };
}
