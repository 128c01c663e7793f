/**
 * Boundary-based token scores: a predicted token is correct when its character span equals a gold word's
 * span; and tag accuracy on those spans (end to end: a gold word without such a token counts as wrong).
 */
import type { UdSentence } from './ud.js';

export interface Span {
  start: number;
  end: number;
}

export interface TokenScore {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

export function scoreTokens(sentences: readonly UdSentence[], predicted: ReadonlyArray<readonly Span[]>): TokenScore {
  let gold = 0;
  let pred = 0;
  let matched = 0;
  sentences.forEach((s, k) => {
    const spans = new Set(s.words.filter((w) => w.start >= 0).map((w) => `${w.start}:${w.end}`));
    gold += s.words.length;
    for (const p of predicted[k] ?? []) {
      pred++;
      if (spans.has(`${p.start}:${p.end}`)) matched++;
    }
  });
  const precision = pred === 0 ? 0 : matched / pred;
  const recall = gold === 0 ? 0 : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted: pred, matched, precision, recall, f1 };
}

/** Whitespace chunks whose predicted split differs from the gold one, with counts (for error analysis). */
export function tokenDiffs(sentences: readonly UdSentence[], predicted: ReadonlyArray<readonly Span[]>): Map<string, number> {
  const diffs = new Map<string, number>();
  sentences.forEach((s, k) => {
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    const pred = predicted[k] ?? [];
    while ((m = re.exec(s.text)) !== null) {
      const a = m.index;
      const b = a + m[0].length;
      const g = s.words.filter((w) => w.start >= a && w.end <= b).map((w) => s.text.slice(w.start, w.end));
      const p = pred.filter((t) => t.start >= a && t.end <= b).map((t) => s.text.slice(t.start, t.end));
      if (g.join('|') !== p.join('|') || g.length !== p.length) {
        const key = `${m[0]}  gold ${g.join('|')}  got ${p.join('|')}`;
        diffs.set(key, (diffs.get(key) ?? 0) + 1);
      }
    }
  });
  return diffs;
}

/** a / b as a percentage with two decimals, '-' when b is 0. */
export const pct = (a: number, b: number): string => (b === 0 ? '-' : ((100 * a) / b).toFixed(2));

export interface Counts {
  words: number;
  xpos: number;
  upos: number;
  lemma: number;
}

export interface Tagged {
  start: number;
  end: number;
  tag: string;
  upos?: string;
  lemma?: string;
}

/** Per gold word: right when a predicted token has exactly its span and the right tag / UPOS / lemma. */
export function endToEnd(sentences: readonly UdSentence[], outputs: ReadonlyArray<readonly Tagged[]>): Counts {
  const c: Counts = { words: 0, xpos: 0, upos: 0, lemma: 0 };
  sentences.forEach((s, k) => {
    const bySpan = new Map<string, Tagged>();
    for (const t of outputs[k] ?? []) bySpan.set(`${t.start}:${t.end}`, t);
    for (const w of s.words) {
      c.words++;
      const t = bySpan.get(`${w.start}:${w.end}`);
      if (!t) continue;
      if (t.tag === w.xpos) c.xpos++;
      if (t.upos === w.upos) c.upos++;
      if (t.lemma === w.lemma) c.lemma++;
    }
  });
  return c;
}
