/**
 * Keyphrase candidates: noun phrases matching adjectives followed by nouns, `(ADJ)* (NOUN)+`, the
 * pattern of Hulth (2003) used by TextRank's successors (SingleRank, TopicRank, PositionRank,
 * MultipartiteRank). Occurrences with the same lemmas are one candidate.
 */
import type { Word } from './words.js';

export interface Occurrence {
  /** Index of the phrase's first word in the word list. */
  readonly first: number;
  readonly length: number;
}

export interface Candidate {
  /** The lemmas joined by spaces: "neural network" for "neural networks" and "Neural Network". */
  readonly key: string;
  /** Lemmas of its words. */
  readonly lemmas: readonly string[];
  /** In text order. */
  readonly occurrences: readonly Occurrence[];
}

/** Non-overlapping maximal matches of `(ADJ)* (NOUN)+`, left to right. */
export function nounPhrases(words: readonly Word[]): Occurrence[] {
  const found: Occurrence[] = [];
  let from = -1;
  let nounsFrom = -1;
  const close = (end: number) => {
    if (nounsFrom >= 0) found.push({ first: from, length: end - from });
    from = -1;
    nounsFrom = -1;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    const previous = words[i - 1];
    const sameSentence = previous === undefined || previous.sentence === word.sentence;
    if (!sameSentence) close(i);
    if (word.role === 'noun') {
      if (from < 0) from = i;
      if (nounsFrom < 0) nounsFrom = i;
    } else if (word.role === 'adjective') {
      if (nounsFrom >= 0) close(i);
      if (from < 0) from = i;
    } else {
      close(i);
    }
  }
  close(words.length);
  return found;
}

/** Groups the phrases by lemmas, in order of first occurrence. */
export function groupCandidates(words: readonly Word[], phrases: readonly Occurrence[]): Candidate[] {
  const byKey = new Map<string, { key: string; lemmas: string[]; occurrences: Occurrence[] }>();
  for (const phrase of phrases) {
    const lemmas = words.slice(phrase.first, phrase.first + phrase.length).map((w) => w.lemma);
    const key = lemmas.join(' ');
    const known = byKey.get(key);
    if (known) known.occurrences.push(phrase);
    else byKey.set(key, { key, lemmas, occurrences: [phrase] });
  }
  return [...byKey.values()];
}

/**
 * How a candidate is written: as at its first occurrence that does not open a sentence, else as at
 * its first occurrence, with the capital of a sentence-initial common word lowered.
 */
export function surfaceForm(text: string, words: readonly Word[], candidate: Candidate): string {
  const inner = candidate.occurrences.find((o) => !(words[o.first] as Word).sentenceInitial);
  const chosen = inner ?? (candidate.occurrences[0] as Occurrence);
  const first = words[chosen.first] as Word;
  const last = words[chosen.first + chosen.length - 1] as Word;
  const written = text.slice(first.start, last.end).replace(/\s+/gu, ' ');
  if (inner || first.proper || !/^\p{Lu}\p{Ll}*$/u.test(first.text)) return written;
  return written.charAt(0).toLowerCase() + written.slice(1);
}
