/**
 * Real English text for the load test: the `# text = ...` lines of the UD English-EWT dev file in
 * the shared data folder, or a small built-in set of real sentences when that folder is absent.
 */
import { loadCorpus as loadBenchCorpus } from '@nlp-api/corpus';

export interface Corpus {
  sentences: string[];
  /** Where the sentences came from, for the report. */
  source: string;
  /** True when the shared data was missing and the built-in sentences are used. */
  fallback: boolean;
}

/** Candidates in order; the first that exists is used. */

// Used only when ../shared/data is absent. Plain factual sentences, a mix of named entities,
// dates, money and numbers so that /entities has something to find.
const BUILT_IN = [
  'President Bush on Tuesday nominated two individuals to replace retiring jurists on federal courts in the Washington area.',
  'The Internet is the global system of interconnected computer networks that use the Internet protocol suite to link devices worldwide.',
  'Angela Merkel met executives from Microsoft in Berlin on 5 March 2024.',
  'The Amazon River in South America is the largest river by discharge volume of water in the world.',
  'Marie Curie was the first woman to win a Nobel Prize, and the only person to win it in two scientific fields.',
  'The Eiffel Tower was completed in 1889 and was the tallest man-made structure in the world for 41 years.',
  'Water boils at 100 degrees Celsius at sea level, but at a lower temperature on a high mountain.',
  'The hotel charged us $45.50 for breakfast, which seemed a lot for two eggs and a coffee.',
  'Shares of Apple rose 3% on Monday after the company reported higher sales in China.',
  'The meeting has been moved to Thursday at 10:30 am in the main conference room.',
  'Mount Everest, on the border between Nepal and China, is 8,849 metres high.',
  'William Shakespeare was born in Stratford-upon-Avon in April 1564.',
  'The train from London to Edinburgh takes about four and a half hours.',
  'The European Central Bank raised interest rates by a quarter of a percentage point.',
  'I would not recommend this restaurant: the food was cold and the service was slow.',
  'The Great Barrier Reef off the coast of Queensland is the largest coral reef system on Earth.',
  'Please send the signed contract to the legal department by the end of the week.',
  'The first Moon landing took place on 20 July 1969, when Neil Armstrong stepped onto the surface.',
  'Our flight to Tokyo was delayed by three hours because of a storm over the Pacific.',
  'The library is closed on Sundays and public holidays, but the reading room stays open until 8 pm.',
];

export function loadCorpus(dataDir: string): Corpus {
  // The benchmark's reader: the same files, in the same order of preference.
  const found = loadBenchCorpus(dataDir);
  if (!found.fallback) return found;
  return { sentences: BUILT_IN, source: `built-in set of ${BUILT_IN.length} sentences (${dataDir} not found)`, fallback: true };
}

export interface SizeClass {
  name: string;
  /** Inclusive UTF-8 byte bounds of each text. */
  minBytes: number;
  maxBytes: number;
  /** How many distinct texts to prepare. */
  variants: number;
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * Distinct texts of one size: consecutive sentences (so paragraphs read naturally) from different
 * starting points, wrapping around the corpus, joined by spaces, within [minBytes, maxBytes].
 */
export function textsOfSize(corpus: Corpus, size: SizeClass, next: () => number): string[] {
  const { sentences } = corpus;
  const texts: string[] = [];
  let attempts = 0;
  while (texts.length < size.variants && attempts++ < size.variants * 50) {
    let index = Math.floor(next() * sentences.length);
    const parts: string[] = [];
    let total = 0;
    // A lap and a bit over the corpus at most; the built-in set is small and repeats.
    for (let steps = 0; total < size.minBytes && steps < sentences.length * 200; steps++) {
      const sentence = sentences[index % sentences.length]!;
      index++;
      const added = bytes(sentence) + (parts.length > 0 ? 1 : 0);
      if (total + added > size.maxBytes) {
        if (parts.length === 0) continue; // one sentence too long for this class: try the next
        break;
      }
      parts.push(sentence);
      total += added;
    }
    if (total >= size.minBytes && total <= size.maxBytes) texts.push(parts.join(' '));
  }
  if (texts.length === 0) throw new Error(`could not build any ${size.name} text (${size.minBytes}–${size.maxBytes} bytes) from ${corpus.source}`);
  return texts;
}
