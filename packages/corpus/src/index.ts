/**
 * The texts every measurement of a run uses: real English prose, four sizes, a few variants each.
 *
 * Source: the `# text = ...` lines of UD English-EWT dev (or GUM dev) in the shared data folder
 * (`$NLP_DATA_DIR`, else `<repo>/../shared/data`), concatenated in corpus order from evenly spaced
 * starting sentences, wrapping around. Without that folder: a small built-in set of real,
 * public-domain sentences, repeated as needed, and the report says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SizeSpec {
  name: SizeName;
  /** Target size of each text in UTF-8 bytes; texts land between 97 % of it and maxBytes. */
  bytes: number;
  maxBytes: number;
  /** Distinct texts of this size; every measurement cycles through all of them equally. */
  variants: number;
}

export type SizeName = '100B' | '1KB' | '10KB' | '100KB';

export const SIZES: readonly SizeSpec[] = [
  { name: '100B', bytes: 100, maxBytes: 115, variants: 8 },
  { name: '1KB', bytes: 1_000, maxBytes: 1_100, variants: 8 },
  { name: '10KB', bytes: 10_000, maxBytes: 11_000, variants: 4 },
  // Under the services' default MAX_TEXT_BYTES of 102,400.
  { name: '100KB', bytes: 100_000, maxBytes: 101_000, variants: 2 },
];

export interface Corpus {
  sentences: string[];
  source: string;
  /** True when the shared data was absent and the built-in sentences are used. */
  fallback: boolean;
}

export interface TextSet {
  source: string;
  fallback: boolean;
  /** Texts by size name. */
  texts: Record<SizeName, string[]>;
  /** Mean UTF-8 bytes of the texts of each size. */
  meanBytes: Record<SizeName, number>;
}

const CONLLU_CANDIDATES = ['ud-en-ewt/en_ewt-ud-dev.conllu', 'gum-ud/gum-permissive-dev.conllu'];

// Real prose, in the public domain: Lincoln's Gettysburg Address (1863) and the opening of the
// US Declaration of Independence (1776), one sentence an entry.
export const BUILT_IN_SENTENCES: readonly string[] = [
  'Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in Liberty, and dedicated to the proposition that all men are created equal.',
  'Now we are engaged in a great civil war, testing whether that nation, or any nation so conceived and so dedicated, can long endure.',
  'We are met on a great battle-field of that war.',
  'We have come to dedicate a portion of that field, as a final resting place for those who here gave their lives that that nation might live.',
  'It is altogether fitting and proper that we should do this.',
  'But, in a larger sense, we can not dedicate -- we can not consecrate -- we can not hallow -- this ground.',
  'The brave men, living and dead, who struggled here, have consecrated it, far above our poor power to add or detract.',
  'The world will little note, nor long remember what we say here, but it can never forget what they did here.',
  'It is for us the living, rather, to be dedicated here to the unfinished work which they who fought here have thus far so nobly advanced.',
  'It is rather for us to be here dedicated to the great task remaining before us -- that from these honored dead we take increased devotion to that cause for which they gave the last full measure of devotion -- that we here highly resolve that these dead shall not have died in vain -- that this nation, under God, shall have a new birth of freedom -- and that government of the people, by the people, for the people, shall not perish from the earth.',
  'When in the Course of human events, it becomes necessary for one people to dissolve the political bands which have connected them with another, and to assume among the powers of the earth, the separate and equal station to which the Laws of Nature and of Nature\'s God entitle them, a decent respect to the opinions of mankind requires that they should declare the causes which impel them to the separation.',
  'We hold these truths to be self-evident, that all men are created equal, that they are endowed by their Creator with certain unalienable Rights, that among these are Life, Liberty and the pursuit of Happiness.',
  'That to secure these rights, Governments are instituted among Men, deriving their just powers from the consent of the governed.',
  'Prudence, indeed, will dictate that Governments long established should not be changed for light and transient causes.',
];

export function dataDir(env: NodeJS.ProcessEnv, root: string): string {
  return env.NLP_DATA_DIR && env.NLP_DATA_DIR.length > 0 ? env.NLP_DATA_DIR : join(root, '..', 'shared', 'data');
}

export function loadCorpus(dir: string): Corpus {
  for (const relative of CONLLU_CANDIDATES) {
    const file = join(dir, relative);
    if (!existsSync(file)) continue;
    const sentences = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('# text = '))
      .map((line) => line.slice('# text = '.length).trim())
      .filter((text) => text.length > 0);
    if (sentences.length >= 100) return { sentences, source: file, fallback: false };
  }
  return {
    sentences: [...BUILT_IN_SENTENCES],
    source: `built-in set of ${BUILT_IN_SENTENCES.length} public-domain sentences (no CoNLL-U file under ${dir})`,
    fallback: true,
  };
}

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * One text of about `size.bytes`: consecutive sentences from `start`, wrapping around, joined by
 * spaces, stopping at the first that reaches 97 % of the target. If the last sentence overshoots
 * maxBytes, the text is cut at the last word boundary that fits (it stays real prose).
 */
export function textFrom(sentences: readonly string[], start: number, size: Pick<SizeSpec, 'bytes' | 'maxBytes'>): string {
  let text = '';
  for (let i = 0; utf8(text) < size.bytes * 0.97; i++) {
    const sentence = sentences[(start + i) % sentences.length] as string;
    text = text.length === 0 ? sentence : `${text} ${sentence}`;
  }
  if (utf8(text) <= size.maxBytes) return text;
  let cut = text;
  while (utf8(cut) > size.maxBytes) {
    const space = cut.lastIndexOf(' ');
    if (space <= 0) return cut.slice(0, size.maxBytes);
    cut = cut.slice(0, space);
  }
  return cut;
}

/** The variants of every size, from evenly spaced starting sentences. Deterministic. */
export function buildTexts(corpus: Corpus, sizes: readonly SizeSpec[] = SIZES): TextSet {
  const texts = {} as Record<SizeName, string[]>;
  const meanBytes = {} as Record<SizeName, number>;
  const n = corpus.sentences.length;
  for (const size of sizes) {
    const list: string[] = [];
    for (let v = 0; v < size.variants; v++) list.push(textFrom(corpus.sentences, Math.floor((v * n) / size.variants), size));
    texts[size.name] = list;
    meanBytes[size.name] = list.reduce((sum, text) => sum + utf8(text), 0) / list.length;
  }
  return { source: corpus.source, fallback: corpus.fallback, texts, meanBytes };
}
