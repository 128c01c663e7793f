import { describe, expect, it } from 'vitest';
import {
  countWordStats,
  DEFAULT_STOPWORDS,
  extractKeywords,
  findCandidatePhrases,
  splitIntoSegments,
} from '../src/rake/index.js';
import { distinctWords } from './fixtures/distinct-words.js';


/** Three-word sentences: "bababa babibo babobu. ..." built with one join. */
function threeWordSentences(words: readonly string[]): string {
  const sentences: string[] = [];
  for (let i = 0; i < words.length; i += 3) sentences.push(words.slice(i, i + 3).join(' '));
  return sentences.join('. ') + '.';
}

describe('extractKeywords at scale', () => {
  const words = distinctWords(15_000, [DEFAULT_STOPWORDS]);
  const text = threeWordSentences(words);

  it('builds a 100 KB text of 15,000 distinct words', () => {
    expect(new Set(words).size).toBe(15_000);
    expect(text.length).toBeGreaterThanOrEqual(100_000);
  });

  it('returns one candidate per sentence for 15,000 distinct words in 100 KB', () => {
    const keywords = extractKeywords(text);
    expect(keywords).toHaveLength(5_000);
    // Every word occurs once, in a three-word phrase: 3 / 1 each, 9 per phrase.
    expect(keywords.every((keyword) => keyword.score === 9)).toBe(true);
    // All tied, so the order is the text order.
    expect(keywords[0]?.candidate).toBe(words.slice(0, 3).join(' '));
    expect(keywords.at(-1)?.candidate).toBe(words.slice(-3).join(' '));
  });

  it('keeps one counter per distinct word, not a word-by-word matrix', () => {
    const stats = countWordStats(findCandidatePhrases(splitIntoSegments(text), DEFAULT_STOPWORDS));
    expect(stats.size).toBe(15_000);
    expect(stats.get(words[0] ?? '')).toEqual({ frequency: 1, degree: 3 });
  });

  it('handles one 100 KB sentence without delimiters as a single long phrase', () => {
    const keywords = extractKeywords(words.join(' '));
    expect(keywords).toHaveLength(1);
    // 15,000 words, each with degree 15,000 and frequency 1.
    expect(keywords[0]?.score).toBe(15_000 * 15_000);
  });
});
