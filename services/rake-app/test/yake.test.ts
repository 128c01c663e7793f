import { describe, expect, it } from 'vitest';
import {
  dedupKey,
  extractYakeKeywords,
  isSimilar,
  levenshteinRatio,
  splitSentences,
  tokenizeSentence,
  YAKE_STOPWORDS,
} from '../src/yake/index.js';
import { Deduplicator } from '../src/yake/dedup.js';
import { DEFAULT_STOPWORDS } from '../src/rake/index.js';
import { KAGGLE_TEXT_N1, KAGGLE_TEXT_N3, REFERENCE_N1, REFERENCE_N3 } from './fixtures/yake-reference.js';

/**
 * Scores agree with the reference to within a few units in the last place:
 * the last bits of ln() differ between V8 and the C library Python uses.
 */
function expectReference(actual: readonly { candidate: string; score: number }[], expected: readonly (readonly [string, number])[]) {
  expect(actual.map((k) => k.candidate)).toEqual(expected.map(([candidate]) => candidate));
  actual.forEach((keyword, i) => {
    const reference = expected[i]?.[1] ?? Number.NaN;
    expect(Math.abs(keyword.score - reference) / reference, keyword.candidate).toBeLessThan(1e-14);
  });
}

describe('YAKE against the reference implementation’s worked examples', () => {
  it('returns the same 20 keywords, in the same order, with the same scores, for n = 3 (the default)', () => {
    expectReference(extractYakeKeywords(KAGGLE_TEXT_N3), REFERENCE_N3);
  });

  it('returns the same 20 keywords and scores for n = 1 (maxWords 1)', () => {
    expectReference(extractYakeKeywords(KAGGLE_TEXT_N1, { maxWords: 1 }), REFERENCE_N1);
  });

  it('keeps the stop word inside "Google is acquiring" and scores it through its bigram probabilities', () => {
    const keywords = extractYakeKeywords(KAGGLE_TEXT_N3).map((k) => k.candidate);
    expect(keywords).toContain('Google is acquiring');
    // Candidates never start or end with a stop word.
    for (const keyword of keywords) {
      const words = keyword.toLowerCase().split(' ');
      expect(YAKE_STOPWORDS.has(words[0] ?? '')).toBe(false);
      expect(YAKE_STOPWORDS.has(words.at(-1) ?? '')).toBe(false);
    }
  });

  it('uses SMART’s stoplist plus dr, dra, mr and ms by default, as the reference does for English', () => {
    expect(YAKE_STOPWORDS.size).toBe(574);
    for (const word of DEFAULT_STOPWORDS) expect(YAKE_STOPWORDS.has(word)).toBe(true);
    for (const word of ['dr', 'dra', 'mr', 'ms']) expect(YAKE_STOPWORDS.has(word)).toBe(true);
  });
});

describe('YAKE options', () => {
  it('returns 20 keywords by default, the reference’s `top`, and `limit` changes that', () => {
    expect(extractYakeKeywords(KAGGLE_TEXT_N3)).toHaveLength(20);
    expect(extractYakeKeywords(KAGGLE_TEXT_N3, { limit: 3 }).map((k) => k.candidate)).toEqual([
      'Google',
      'Kaggle',
      'CEO Anthony Goldbloom',
    ]);
    expect(extractYakeKeywords(KAGGLE_TEXT_N3, { limit: 200 }).length).toBeGreaterThan(20);
  });

  it('sorts best first: ascending scores, since lower is better in YAKE', () => {
    const scores = extractYakeKeywords(KAGGLE_TEXT_N3, { limit: 100 }).map((k) => k.score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    for (const score of scores) expect(score).toBeGreaterThan(0);
  });

  it('maxWords is the n-gram size: no longer candidates, and the others keep their scores', () => {
    const three = extractYakeKeywords(KAGGLE_TEXT_N3, { limit: 200 });
    const two = extractYakeKeywords(KAGGLE_TEXT_N3, { limit: 200, maxWords: 2 });
    for (const { candidate } of two) expect(candidate.split(' ').length).toBeLessThanOrEqual(2);
    const scoreOf = new Map(three.map((k) => [k.candidate, k.score]));
    for (const { candidate, score } of two) if (scoreOf.has(candidate)) expect(score).toBe(scoreOf.get(candidate));
  });

  it('maxScore keeps only keywords scoring at most that', () => {
    const kept = extractYakeKeywords(KAGGLE_TEXT_N3, { maxScore: 0.05 });
    expect(kept.map((k) => k.candidate)).toEqual(['Google', 'Kaggle', 'CEO Anthony Goldbloom']);
  });

  it('minFrequency keeps only candidates occurring at least that many times', () => {
    const frequent = extractYakeKeywords(KAGGLE_TEXT_N3, { minFrequency: 5, limit: 100 }).map((k) => k.candidate);
    expect(frequent).toEqual(['Google', 'Kaggle', 'data']);
  });

  it('stoplist: a custom list replaces the default; "smart" and "fox" select those lists', () => {
    const custom = extractYakeKeywords(KAGGLE_TEXT_N3, { stopwords: [...YAKE_STOPWORDS, 'google'] });
    expect(custom.map((k) => k.candidate)).not.toContain('Google');
    expect(custom.map((k) => k.candidate)).toContain('Kaggle');
    // "Dra" is a stop word only in YAKE's own list, so under SMART "Dra Costa" can be a keyword.
    const text = 'Dra Costa met Dra Costa again. Dra Costa wrote.';
    expect(extractYakeKeywords(text).map((k) => k.candidate)).not.toContain('Dra Costa');
    expect(extractYakeKeywords(text, { stopwords: 'smart' }).map((k) => k.candidate)).toContain('Dra Costa');
    // Fox stops "general"; SMART does not.
    const relativity = 'General relativity explains gravity. General relativity is tested.';
    expect(extractYakeKeywords(relativity, { stopwords: 'fox' }).map((k) => k.candidate)).not.toContain('General relativity');
    expect(extractYakeKeywords(relativity, { stopwords: 'smart' }).map((k) => k.candidate)).toContain('General relativity');
  });

  it('minChars: terms shorter than 3 characters are stop words by default, and the threshold moves', () => {
    const text = 'The EU passed the AI act. The EU AI act regulates AI systems.';
    expect(extractYakeKeywords(text).map((k) => k.candidate.toLowerCase())).not.toContain('ai');
    expect(extractYakeKeywords(text, { minChars: 2 }).map((k) => k.candidate)).toContain('AI');
    // "systems" is the term "system" (a final s is cut), 6 characters: a stop word at minChars 7.
    expect(extractYakeKeywords(text, { minChars: 7 }).map((k) => k.candidate.toLowerCase())).toEqual(['regulates']);
  });

  it('dedupThreshold 1 turns deduplication off, so near-duplicates come back', () => {
    const text = 'Neural network models. Neural networks models. Neural network model.';
    const deduped = extractYakeKeywords(text, { limit: 50 }).map((k) => k.candidate.toLowerCase());
    const all = extractYakeKeywords(text, { limit: 50, dedupThreshold: 1 }).map((k) => k.candidate.toLowerCase());
    expect(all.length).toBeGreaterThan(deduped.length);
    expect(all).toContain('neural network models');
    expect(all).toContain('neural networks models');
    expect(deduped.filter((k) => k.startsWith('neural network')).length).toBeLessThan(
      all.filter((k) => k.startsWith('neural network')).length,
    );
  });

  it('returns [] for empty, blank, stop-word-only and punctuation-only text', () => {
    for (const text of ['', '   \n\t ', 'the of and it is', '!!! ... ,,, ---', '- not yet']) {
      expect(extractYakeKeywords(text), JSON.stringify(text)).toEqual([]);
    }
  });

  it('never returns numbers or mixed letter-digit tokens as keywords', () => {
    const keywords = extractYakeKeywords('Version 2 of COVID19 tests in 2021. Version 2 of COVID19 tests.', { limit: 50 });
    for (const { candidate } of keywords) expect(candidate).not.toMatch(/\d/);
    // Python's float() reads "NaN" and "inf" as numbers, so the reference tags them d too.
    const nan = extractYakeKeywords('NaN values break checks. NaN values again. Inf loops.', { limit: 50 });
    for (const { candidate } of nan) expect(candidate).not.toMatch(/NaN|Inf/);
  });
});

describe('YAKE on Unicode text', () => {
  it('keeps accents, other scripts and their case', () => {
    const text =
      'A plataforma "Conta-me Histórias" foi distinguida com o Prémio Arquivo.pt. ' +
      'A plataforma Conta-me Histórias foi desenvolvida no INESC TEC. Conta-me Histórias está disponível.';
    const keywords = extractYakeKeywords(text, { stopwords: ['a', 'o', 'com', 'foi', 'no', 'está'] }).map((k) => k.candidate);
    expect(keywords.slice(0, 3)).toContain('Conta-me Histórias');
    expect(keywords).toContain('Prémio Arquivo.pt');
    expect(keywords).toContain('INESC TEC');
    const greek = extractYakeKeywords('Η Αθήνα είναι η πρωτεύουσα. Η Αθήνα έχει ιστορία.', { stopwords: ['η', 'είναι', 'έχει'] });
    expect(greek[0]?.candidate).toBe('Αθήνα');
    const russian = extractYakeKeywords('Москва — столица России. Москва большая.').map((k) => k.candidate);
    expect(russian).toContain('Москва');
    expect(russian).toContain('столица России');
  });

  it('treats a decomposed accent as part of the word', () => {
    const keywords = extractYakeKeywords('Cafe\u0301 culture thrives. Cafe\u0301 culture matters.').map((k) => k.candidate);
    expect(keywords).toContain('Cafe\u0301 culture');
  });

  it('handles text without spaces between words (CJK) without failing', () => {
    const keywords = extractYakeKeywords('東京は日本の首都です。東京は大きい。');
    expect(Array.isArray(keywords)).toBe(true);
  });
});

describe('YAKE pre-processing (segtok’s rules)', () => {
  it('splits sentences at terminals followed by space, but not after abbreviations, initials or decimals', () => {
    expect(splitSentences('Dr. Smith went home. He slept.')).toEqual(['Dr. Smith went home.', 'He slept.']);
    expect(splitSentences('It costs $12.5 million. Really?')).toEqual(['It costs $12.5 million.', 'Really?']);
    expect(splitSentences('This is e.g. an example. Yes.')).toEqual(['This is e.g. an example.', 'Yes.']);
    expect(splitSentences('He said "Stop." and left.')).toEqual(['He said "Stop." and left.']);
    expect(splitSentences('One.\n\nTwo')).toEqual(['One.', 'Two']);
    expect(splitSentences('See (ref. 3) for details. Done.')).toEqual(['See (ref. 3) for details.', 'Done.']);
  });

  it('tokenizes like segtok’s web tokenizer, splitting contractions and dropping "\'s"', () => {
    expect(tokenizeSentence("It's Kaggle's co-founder, isn't it?")).toEqual(['It', 'Kaggle', 'co-founder', ',', 'is', "n't", 'it', '?']);
    expect(tokenizeSentence('Pay $100,000 or 12.5%.')).toEqual(['Pay', '$', '100,000', 'or', '12.5', '%', '.']);
    expect(tokenizeSentence('See https://example.com/a?b=c and me@example.org now.')).toEqual([
      'See', 'https://example.com/a?b=c', 'and', 'me@example.org', 'now', '.',
    ]);
    expect(tokenizeSentence('Tom &amp; Jerry')).toEqual(['Tom', '&', 'Jerry']);
  });
});

describe('YAKE deduplication', () => {
  it('uses 1 - Levenshtein distance / longer length, as the reference does', () => {
    expect(levenshteinRatio('algorithm', 'algorithms')).toBeCloseTo(0.9, 12);
    expect(levenshteinRatio('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 12);
    expect(levenshteinRatio('same', 'same')).toBe(1);
    expect(isSimilar(dedupKey('neural network models'), dedupKey('neural networks models'), 0.9)).toBe(true);
    expect(isSimilar(dedupKey('algorithm'), dedupKey('algorithms'), 0.9)).toBe(false); // 0.9 is not above 0.9
  });

  it('answers exactly as comparing with every kept keyword would', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = 'abcé';
    const strings: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const base = strings.length > 0 && random() < 0.6 ? strings[Math.floor(random() * strings.length)]! : '';
      let s = base.length > 0 ? base : Array.from({ length: 5 + Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * 4)]).join('');
      // A few random edits.
      const edits = Math.floor(random() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (s.length + 1));
        const c = alphabet[Math.floor(random() * 4)]!;
        const op = random();
        s = op < 0.33 ? s.slice(0, at) + c + s.slice(at) : op < 0.66 ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + c + s.slice(at + 1);
      }
      strings.push(s);
    }
    // The exact test agrees with the ratio on every pair tried.
    for (let i = 1; i < 400; i++) {
      const a = strings[i]!;
      const b = strings[i - 1]!;
      for (const threshold of [0.9, 0.7]) {
        expect(isSimilar(dedupKey(a), dedupKey(b), threshold), `${a} ${b}`).toBe(levenshteinRatio(a, b) > threshold);
      }
    }
    // The index finds exactly what comparing with every kept string finds.
    for (const threshold of [0.9, 0.8, 0.5]) {
      const dedup = new Deduplicator(threshold);
      const kept: ReturnType<typeof dedupKey>[] = [];
      for (const s of strings) {
        const key = dedupKey(s);
        const expected = !kept.some((k) => isSimilar(key, k, threshold));
        expect(dedup.addUnlessSimilar(s), `${threshold} ${s}`).toBe(expected);
        if (expected) kept.push(key);
      }
    }
  });
});
