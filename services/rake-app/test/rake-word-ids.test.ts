import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countWordIdStats,
  DEFAULT_STOPWORDS,
  findAdjoiningKeywords,
  findCandidateSpans,
  scorePhrases,
  scoreWordIds,
  SEGMENT_END,
  splitIntoSegments,
  stopFlags,
  stopTest,
  tokenizeText,
} from '../src/rake/index.js';

/**
 * The tokenizer's definition as one regular expression (how it was written
 * before the scanner): a word, a run of horizontal space, or one delimiter.
 */
const TOKEN =
  /([\p{L}\p{N}\p{M}]+(?:[-\u2010\u2011'\u2019][\p{L}\p{N}\p{M}]+)*)|([^\S\n\r\v\f\u2028\u2029]+)|[^]/gu;

function referenceSegments(text: string): string[][] {
  const segments: string[][] = [];
  let current: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const word = match[1];
    if (word !== undefined) {
      current.push(word.toLowerCase().replace(/[\u2010\u2011\u2019]/g, (joiner) => (joiner === '\u2019' ? "'" : '-')));
    } else if (match[2] === undefined && current.length > 0) {
      segments.push(current);
      current = [];
    }
  }
  if (current.length > 0) segments.push(current);
  return segments;
}

/** Pieces that exercise every character class, surrogates (paired and lone) and case mapping. */
const PIECES = [
  'a', 'Q', 'z9', 'Σ', 'ς', 'İ', 'é', 'e\u0301', '\u0301', '٣', '東', '𝔘', '\ud800', '\udc00', 'ǅ', 'ﬃ',
  '-', '\u2010', '\u2011', "'", '\u2019', '—', '.', ',', '_',
  ' ', '\t', '\u00a0', '\u3000', '\u1680', '\ufeff', '\u200b', '\n', '\r', '\v', '\f', '\u2028',
  'the', 'of', "don't", 'state-of-the-art',
];

describe('tokenizeText', () => {
  it('lists each distinct word once and the text as word ids, each segment ended by SEGMENT_END', () => {
    const { words, tokens } = tokenizeText('Solar power, solar wind.\nWind');
    expect(words).toEqual(['solar', 'power', 'wind']);
    expect(tokens).toEqual([0, 1, SEGMENT_END, 0, 2, SEGMENT_END, 2, SEGMENT_END]);
  });

  it('gives no tokens for a text without words', () => {
    expect(tokenizeText(' .,;\n ')).toEqual({ words: [], tokens: [] });
  });

  it('folds typographic joiners to ASCII, so both spellings are one word', () => {
    expect(tokenizeText('Don’t don\'t state\u2010of\u2011art').words).toEqual(["don't", 'state-of-art']);
  });

  it('segments exactly as the one-regex definition does, for any mix of tricky characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(splitIntoSegments(text)).toEqual(referenceSegments(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('segments exactly as the one-regex definition does, for arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(splitIntoSegments(text)).toEqual(referenceSegments(text));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('findCandidateSpans', () => {
  const spansOf = (text: string) => {
    const tokenized = tokenizeText(text);
    return { tokenized, spans: findCandidateSpans(tokenized.tokens, stopFlags(tokenized.words, stopTest(DEFAULT_STOPWORDS))) };
  };

  it('gives each candidate occurrence as a span of the token list', () => {
    const { tokenized, spans } = spansOf('Axis of evil. Critics of the axis');
    // tokens: axis of evil END critics of the axis END
    expect(tokenized.tokens).toEqual([0, 1, 2, SEGMENT_END, 3, 1, 4, 0, SEGMENT_END]);
    expect(spans.starts).toEqual([0, 2, 4, 7]);
    expect(spans.ends).toEqual([1, 3, 5, 8]);
  });

  it('marks consecutive candidates with stop words between them in the same segment as adjoining', () => {
    // "axis" adjoins "evil" ("of"), "critics" adjoins "axis" ("of the"); "evil" and "critics" are split by ".".
    expect(spansOf('Axis of evil. Critics of the axis').spans.adjoining).toEqual([0, 2]);
    // Directly consecutive candidates are one candidate, and a stop word at a segment edge joins nothing.
    expect(spansOf('Of axis, of evil').spans.adjoining).toEqual([]);
  });

  it('flags stop words once per distinct word', () => {
    const words = ['the', 'ai', 'chips'];
    expect([...stopFlags(words, stopTest(DEFAULT_STOPWORDS))]).toEqual([1, 0, 0]);
    expect([...stopFlags(words, stopTest(DEFAULT_STOPWORDS, 3))]).toEqual([1, 1, 0]);
  });
});

describe('word and phrase scores by id', () => {
  const scored = (text: string) => {
    const tokenized = tokenizeText(text);
    const spans = findCandidateSpans(tokenized.tokens, stopFlags(tokenized.words, stopTest(DEFAULT_STOPWORDS)));
    const stats = countWordIdStats(tokenized.tokens, spans, tokenized.words.length);
    return { tokenized, spans, stats, phrases: scorePhrases(tokenized, spans, scoreWordIds(stats)) };
  };

  it('counts frequency and degree per word id, zero for stop words', () => {
    // quantum: in "quantum computing research" and "quantum physics": frequency 2, degree 3 + 2.
    const { tokenized, stats } = scored('Quantum computing research. Quantum physics of the small.');
    const id = (word: string) => tokenized.words.indexOf(word);
    expect([stats.frequency[id('quantum')], stats.degree[id('quantum')]]).toEqual([2, 5]);
    expect([stats.frequency[id('physics')], stats.degree[id('physics')]]).toEqual([1, 2]);
    expect([stats.frequency[id('the')], stats.degree[id('the')]]).toEqual([0, 0]);
  });

  it('scores each distinct phrase once, in order of first occurrence, and maps every occurrence to it', () => {
    const { phrases } = scored('Solar power. Wind. Solar power!');
    expect(phrases.phrases).toEqual([
      { candidate: 'solar power', wordCount: 2, score: 4, firstOccurrence: 0, frequency: 2 },
      { candidate: 'wind', wordCount: 1, score: 1, firstOccurrence: 1, frequency: 1 },
    ]);
    expect([...phrases.phraseOf]).toEqual([0, 1, 0]);
  });

  it('joins adjoining candidates that occur at least twice, scored as the sum of the two', () => {
    const { tokenized, spans, phrases } = scored('The axis of evil. Critics of the axis of evil. Axis of evil rhetoric.');
    const adjoined = findAdjoiningKeywords(tokenized, spans, phrases);
    // "axis of evil" adjoins twice; "evil rhetoric" ends the third, so "axis of evil rhetoric" adjoins once.
    expect(adjoined).toMatchObject([{ candidate: 'axis of evil', wordCount: 3, frequency: 2, firstOccurrence: 0, adjoined: true }]);
    expect(adjoined).toHaveLength(1);
    const score = (candidate: string) => phrases.phrases.find((phrase) => phrase.candidate === candidate)?.score;
    expect(adjoined[0]?.score).toBe((score('axis') ?? NaN) + (score('evil') ?? NaN));
  });
});
