import { describe, expect, it } from 'vitest';
import { DEFAULT_STOPWORDS, extractKeywords, FOX_STOPWORDS } from '../src/rake/index.js';
import { extractYakeKeywords, YAKE_STOPWORDS } from '../src/yake/index.js';
import { distinctWords } from './fixtures/distinct-words.js';


const words = distinctWords(15_000, [YAKE_STOPWORDS, FOX_STOPWORDS, DEFAULT_STOPWORDS]);
/** 5,000 sentences of three distinct words, capitalized: 110 KB. */
const sentences = (() => {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 3) {
    const sentence = words.slice(i, i + 3).join(' ');
    out.push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
  }
  return `${out.join('. ')}.`;
})();
/** One 105 KB sentence, no punctuation at all. */
const oneSentence = words.join(' ');
/** A 100 KB text repeating 20 words in many combinations, with stop words between them. */
const repetitive = (() => {
  const vocabulary = words.slice(0, 20);
  const parts: string[] = [];
  let i = 0;
  while (parts.join(' ').length < 100_000 && i < 20_000) {
    parts.push(`The ${vocabulary[i % 20]} of ${vocabulary[(i * 7) % 20]} ${vocabulary[(i * 3) % 20]}.`);
    i += 1;
  }
  return parts.join(' ');
})();

function expectWellFormed(keywords: readonly { candidate: string; score: number }[], ascending: boolean): void {
  expect(new Set(keywords.map((k) => k.candidate)).size).toBe(keywords.length);
  for (const { score } of keywords) expect(Number.isFinite(score)).toBe(true);
  const scores = keywords.map((k) => k.score);
  expect(scores).toEqual([...scores].sort((a, b) => (ascending ? a - b : b - a)));
}

describe('keywords on 100 KB texts', () => {
  it('builds texts of at least 100 KB', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(100_000);
    expect(oneSentence.length).toBeGreaterThanOrEqual(100_000);
    expect(repetitive.length).toBeGreaterThanOrEqual(100_000);
  });

  it('YAKE returns its default 20, or up to 10,000 distinct keywords, from 5,000 sentences', () => {
    expect(extractYakeKeywords(sentences)).toHaveLength(20);
    const many = extractYakeKeywords(sentences, { limit: 10_000 });
    expect(many).toHaveLength(10_000);
    expectWellFormed(many, true);
    // Every word occurs once, so position decides: the first sentence comes first.
    expect(many[0]?.candidate.toLowerCase()).toBe(words.slice(0, 3).join(' '));
  });

  it('YAKE handles one 100 KB sentence without punctuation', () => {
    const keywords = extractYakeKeywords(oneSentence, { limit: 10_000, maxWords: 10 });
    expect(keywords).toHaveLength(10_000);
    expectWellFormed(keywords, true);
    for (const { candidate } of keywords) expect(candidate.split(' ').length).toBeLessThanOrEqual(10);
  });

  it('YAKE deduplicates a repetitive 100 KB text down to its few distinct phrases', () => {
    const keywords = extractYakeKeywords(repetitive, { limit: 10_000 });
    expect(keywords.length).toBeGreaterThan(20);
    expect(keywords.length).toBeLessThan(2_000);
    expectWellFormed(keywords, true);
    for (const { candidate } of keywords) expect(candidate.toLowerCase().startsWith('the ')).toBe(false);
  });

  it('RAKE with every option on stays one entry per distinct candidate', () => {
    const keywords = extractKeywords(repetitive, { stopwords: 'fox', minChars: 3, minFrequency: 2, adjoining: true });
    expectWellFormed(keywords, false);
    expect(keywords.some((k) => k.candidate.includes(' of '))).toBe(true);
    expect(keywords.length).toBeLessThan(1_000);
    const plain = extractKeywords(sentences, { adjoining: true, minChars: 3 });
    expect(plain).toHaveLength(5_000);
  });
});
