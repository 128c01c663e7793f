/**
 * YAKE! keyword extraction: Campos, Mangaravite, Pasquali, Jorge, Nunes &
 * Jatowt (2020), "YAKE! Keyword extraction from single documents using
 * multiple local features", Information Sciences 509, 257-289
 * (doi:10.1016/j.ins.2019.09.013), implemented after the authors' reference
 * implementation (https://github.com/LIAAD/yake, yake.py and
 * datarepresentation.py), whose published outputs the tests reproduce.
 *
 * 1. Pre-processing: sentences and tokens (./segment.ts, ./tokenize.ts). A
 *    token made only of ASCII punctuation ends a "block"; candidates and
 *    co-occurrences never cross blocks or sentences. Each token is tagged:
 *    d (a number), u (unusual: letters mixed with digits, neither, or more than
 *    one punctuation mark), a (acronym: all upper-case), n (a capitalized word
 *    not at the start of its sentence) or p (plain).
 * 2. Terms: the lower-cased token, less a final "s" when longer than 3
 *    characters. A term is a stop word if its token is on the stoplist or it
 *    has fewer than `minChars` (3) characters once ASCII punctuation is removed.
 * 3. Features of each term t (paper, section 3.2):
 *      Casing      = max(TF_a, TF_n) / (1 + ln TF)
 *      Position    = ln(ln(3 + median of the indices of the sentences t is in))
 *      Frequency   = TF / (mean TF + standard deviation of TF), over non-stop terms
 *      Relatedness = 1 + (DL + DR) * TF / max TF, where DL (DR) is the number of
 *                    distinct terms just left (right) of t over the number of
 *                    such co-occurrences, within `windowSize` words
 *      Different   = number of sentences t is in / number of sentences
 *    S(t) = Relatedness * Position / (Casing + Frequency / Relatedness + Different / Relatedness)
 * 4. Candidates: every run of 1..n tokens inside a block that neither starts
 *    nor ends with a stop word and has, in some occurrence, no u- or d-tagged
 *    token. Its score (paper, section 3.4):
 *      S(kw) = prod S(t) / (TF(kw) * (1 + sum S(t)))
 *    over its non-stop terms; a stop word inside contributes through the
 *    probability p of the bigrams around it (co-occurrence count over the
 *    neighbour's TF, left and right multiplied): the product is multiplied by
 *    1 + (1 - p) and the sum reduced by 1 - p.
 * 5. Candidates are ranked by score, ascending (lower is better), and one is
 *    dropped when it is too similar to one already kept (./dedup.ts).
 *
 * Linear in the text except for deduplication, which compares each candidate
 * with the keywords kept so far (at most `limit`), mostly in constant time.
 */

import { DEFAULT_STOPWORDS, FOX_STOPWORDS } from '../rake/stopwords.js';
import { Deduplicator } from './dedup.js';
import type { YakeKeyword, YakeOptions } from './options.js';
import { splitSentences } from './segment.js';
import { mean, median, std } from './stats.js';
import { tokenizeSentence } from './tokenize.js';

/** The reference implementation's English stoplist: SMART's words plus dr, dra, mr and ms. */
export const YAKE_STOPWORDS: ReadonlySet<string> = new Set([...DEFAULT_STOPWORDS, 'dr', 'dra', 'mr', 'ms']);

/** Python's string.punctuation, which the reference implementation excludes. */
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

/** Python's float() syntax (decimal, exponent, underscores between digits, inf, nan). */
const DIGITS = '\\p{Nd}(?:_?\\p{Nd})*';
const PY_FLOAT = new RegExp(
  `^\\s*[+-]?(?:(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?|inf|infinity|nan)\\s*$`,
  'iu',
);
const IS_DIGIT = /\p{Nd}/u;
const IS_ALPHA = /\p{L}/u;
const IS_UPPER = /\p{Uppercase}/u;

type Tag = 'd' | 'u' | 'a' | 'n' | 'p';

interface Term {
  readonly id: number;
  readonly stopword: boolean;
  tf: number;
  tfAcronym: number;
  tfProper: number;
  /** Distinct sentence indices the term occurs in, in order of first occurrence. */
  readonly sentences: number[];
  lastSentence: number;
  leftDistinct: number;
  leftTotal: number;
  rightDistinct: number;
  rightTotal: number;
  score: number;
}

interface Candidate {
  /** The first occurrence, as written. */
  readonly surface: string;
  readonly key: string;
  readonly terms: readonly Term[];
  /** Some occurrence has no u- or d-tagged token. */
  clean: boolean;
  tf: number;
  score: number;
}

interface Token {
  readonly tag: Tag;
  readonly word: string;
  readonly lower: string;
  readonly term: Term;
  /** Tagged u or d. */
  readonly unusual: boolean;
}

const ASCII_WORD = /^[A-Za-z]+$/;
/** The words Python's float() reads as numbers. */
const PY_FLOAT_WORDS = /^(?:inf|infinity|nan)$/i;
const ASCII_UPPER = /^[A-Z]+$/;
const ASCII_CAPITALIZED = /^[A-Z][a-z]+$/;

function tagOf(word: string, position: number): Tag {
  // Fast path for ASCII letters, the common case; same answers as below.
  if (ASCII_WORD.test(word) && !PY_FLOAT_WORDS.test(word)) {
    if (ASCII_UPPER.test(word)) return 'a';
    if (position > 0 && ASCII_CAPITALIZED.test(word)) return 'n';
    return 'p';
  }
  if (PY_FLOAT.test(word.replaceAll(',', ''))) return 'd';
  let digits = 0;
  let alphas = 0;
  let uppers = 0;
  let punctuation = 0;
  let length = 0;
  for (const char of word) {
    length += 1;
    if (IS_DIGIT.test(char)) digits += 1;
    if (IS_ALPHA.test(char)) alphas += 1;
    if (IS_UPPER.test(char)) uppers += 1;
    if (PUNCTUATION.has(char)) punctuation += 1;
  }
  if ((digits > 0 && alphas > 0) || (digits === 0 && alphas === 0) || punctuation > 1) return 'u';
  if (length === uppers) return 'a';
  const first = word.codePointAt(0);
  if (uppers === 1 && length > 1 && first !== undefined && IS_UPPER.test(String.fromCodePoint(first)) && position > 0) return 'n';
  return 'p';
}

function isPunctuationOnly(word: string): boolean {
  for (const char of word) if (!PUNCTUATION.has(char)) return false;
  return true;
}

function withoutPunctuation(word: string): string {
  let out = '';
  for (const char of word) if (!PUNCTUATION.has(char)) out += char;
  return out;
}

function codePointLength(word: string): number {
  let n = 0;
  for (const _ of word) n += 1;
  return n;
}

function resolveStopwords(stopwords: YakeOptions['stopwords']): ReadonlySet<string> {
  if (stopwords === undefined) return YAKE_STOPWORDS;
  if (stopwords === 'smart') return DEFAULT_STOPWORDS;
  if (stopwords === 'fox') return FOX_STOPWORDS;
  return new Set([...stopwords].map((word) => word.toLowerCase()));
}

class Document {
  readonly terms = new Map<string, Term>();
  readonly termList: Term[] = [];
  /** edges.get(left.id).get(right.id) = co-occurrence count. */
  readonly edges = new Map<number, Map<number, number>>();
  readonly candidates = new Map<string, Candidate>();
  sentenceCount = 0;

  constructor(
    private readonly stopwords: ReadonlySet<string>,
    private readonly minChars: number,
    private readonly windowSize: number,
    private readonly n: number,
  ) {}

  term(word: string): Term {
    let unique = word.toLowerCase();
    const listed = this.stopwords.has(unique);
    if (unique.endsWith('s') && codePointLength(unique) > 3) unique = unique.slice(0, -1);
    const known = this.terms.get(unique);
    if (known !== undefined) return known;
    const stopword = listed || this.stopwords.has(unique) || codePointLength(withoutPunctuation(unique)) < this.minChars;
    const term: Term = {
      id: this.termList.length,
      stopword,
      tf: 0,
      tfAcronym: 0,
      tfProper: 0,
      sentences: [],
      lastSentence: -1,
      leftDistinct: 0,
      leftTotal: 0,
      rightDistinct: 0,
      rightTotal: 0,
      score: 0,
    };
    this.terms.set(unique, term);
    this.termList.push(term);
    return term;
  }

  cooccur(left: Term, right: Term): void {
    let row = this.edges.get(left.id);
    if (row === undefined) {
      row = new Map();
      this.edges.set(left.id, row);
    }
    const count = row.get(right.id);
    if (count === undefined) {
      left.rightDistinct += 1;
      right.leftDistinct += 1;
    }
    row.set(right.id, (count ?? 0) + 1);
    left.rightTotal += 1;
    right.leftTotal += 1;
  }

  edge(left: Term, right: Term): number | undefined {
    return this.edges.get(left.id)?.get(right.id);
  }

  /**
   * Counts one occurrence of the candidate made of `block[from..]` and `last`
   * (`key` its lower-cased words, `clean` whether none is tagged u or d).
   */
  addCandidate(key: string, block: readonly Token[], from: number, last: Token, clean: boolean): void {
    const known = this.candidates.get(key);
    if (known !== undefined) {
      known.tf += 1;
      if (clean) known.clean = true;
      return;
    }
    let surface = '';
    const terms: Term[] = [];
    for (let i = from; i < block.length; i++) {
      const token = block[i]!;
      surface += `${token.word} `;
      terms.push(token.term);
    }
    terms.push(last.term);
    this.candidates.set(key, { surface: surface + last.word, key, terms, clean, tf: 1, score: 1 });
  }

  read(text: string): void {
    // Each sentence is tokenized only when it is read, so that a long text's tokens are never all
    // alive at once.
    const sentences = splitSentences(preFilter(text)).filter((s) => s.trim().length > 0);
    this.sentenceCount = sentences.length;
    sentences.forEach((sentenceText, sentence) => {
      let block: Token[] = [];
      tokenizeSentence(sentenceText).forEach((word, position) => {
        if (isPunctuationOnly(word)) {
          block = [];
          return;
        }
        const tag = tagOf(word, position);
        const term = this.term(word);
        term.tf += 1;
        if (tag === 'a') term.tfAcronym += 1;
        if (tag === 'n') term.tfProper += 1;
        if (term.lastSentence !== sentence) {
          term.sentences.push(sentence);
          term.lastSentence = sentence;
        }
        if (tag !== 'u' && tag !== 'd') {
          for (let w = Math.max(0, block.length - this.windowSize); w < block.length; w++) {
            const before = block[w];
            if (before !== undefined && !before.unusual) this.cooccur(before.term, term);
          }
        }
        const lower = word.toLowerCase();
        const unusual = tag === 'u' || tag === 'd';
        const token: Token = { tag, word, lower, term, unusual };
        let key = lower;
        let clean = !unusual;
        // A candidate that starts or ends with a stop word can never be a keyword (see isValid)
        // and nothing else reads it, so it is not stored: most n-grams of a long text are such.
        const endsWell = !term.stopword;
        if (endsWell) this.addCandidate(key, block, block.length, token, clean);
        for (let length = 2; length <= this.n && length - 1 <= block.length; length++) {
          const from = block.length - (length - 1);
          const before = block[from]!;
          key = `${before.lower} ${key}`;
          clean &&= !before.unusual;
          if (endsWell && !before.term.stopword) this.addCandidate(key, block, from, token, clean);
        }
        block.push(token);
      });
    });
  }

  scoreTerms(): void {
    const tfs = this.termList.filter((t) => !t.stopword).map((t) => t.tf);
    if (tfs.length === 0) return;
    const avgTf = mean(tfs);
    const stdTf = std(tfs);
    let maxTf = 0;
    for (const term of this.termList) if (term.tf > maxTf) maxTf = term.tf;
    for (const term of this.termList) {
      const pwl = term.leftTotal === 0 ? 0 : term.leftDistinct / term.leftTotal;
      const pwr = term.rightTotal === 0 ? 0 : term.rightDistinct / term.rightTotal;
      const relatedness = 0.5 + pwl * (term.tf / maxTf) + (0.5 + pwr * (term.tf / maxTf));
      const frequency = term.tf / (avgTf + stdTf);
      const spread = term.sentences.length / this.sentenceCount;
      const casing = Math.max(term.tfAcronym, term.tfProper) / (1 + Math.log(term.tf));
      const position = Math.log(Math.log(3 + median(term.sentences)));
      term.score = (position * relatedness) / (casing + frequency / relatedness + spread / relatedness);
    }
  }

  scoreCandidate(candidate: Candidate): void {
    let sum = 0;
    let product = 1;
    const terms = candidate.terms;
    terms.forEach((term, t) => {
      if (!term.stopword) {
        sum += term.score;
        product *= term.score;
        return;
      }
      const before = terms[t - 1];
      const after = terms[t + 1];
      const leftCount = before === undefined ? undefined : this.edge(before, term);
      const rightCount = after === undefined ? undefined : this.edge(term, after);
      const probLeft = before === undefined || leftCount === undefined ? 0 : leftCount / before.tf;
      const probRight = after === undefined || rightCount === undefined ? 0 : rightCount / after.tf;
      const prob = probLeft * probRight;
      product *= 1 + (1 - prob);
      sum -= 1 - prob;
    });
    candidate.score = product / ((sum + 1) * candidate.tf);
  }
}

/**
 * The reference implementation's `pre_filter`, after it has replaced every
 * "\n" by a space: a tab becomes a space, and a text starting with an
 * upper-case letter is preceded by a paragraph break.
 */
function preFilter(text: string): string {
  const flat = text.replaceAll('\n', ' ');
  const separator = /^\s*[A-Z]/.test(flat) ? '\n\n' : ' ';
  return separator + flat.replaceAll('\t', ' ');
}

function isValid(candidate: Candidate): boolean {
  const first = candidate.terms[0];
  const last = candidate.terms[candidate.terms.length - 1];
  return first !== undefined && last !== undefined && !first.stopword && !last.stopword && candidate.clean;
}

/**
 * YAKE keywords of `text`, best (lowest score) first. See the module comment
 * for the method and {@link YakeOptions} for the options.
 */
export function extractYakeKeywords(text: string, options: YakeOptions = {}): YakeKeyword[] {
  const limit = options.limit ?? 20;
  if (text.length === 0 || limit <= 0) return [];
  const doc = new Document(
    resolveStopwords(options.stopwords),
    options.minChars ?? 3,
    options.windowSize ?? 1,
    options.maxWords ?? 3,
  );
  doc.read(text);
  doc.scoreTerms();

  const minFrequency = options.minFrequency ?? 1;
  const maxScore = options.maxScore;
  const ranked: Candidate[] = [];
  for (const candidate of doc.candidates.values()) {
    if (!isValid(candidate)) continue;
    doc.scoreCandidate(candidate);
    if (candidate.tf < minFrequency) continue;
    if (maxScore !== undefined && !(candidate.score <= maxScore)) continue;
    ranked.push(candidate);
  }
  ranked.sort((a, b) => a.score - b.score);

  const threshold = options.dedupThreshold ?? 0.9;
  const kept: Candidate[] = [];
  const dedup = threshold < 1 ? new Deduplicator(threshold) : undefined;
  for (const candidate of ranked) {
    if (dedup !== undefined && !dedup.addUnlessSimilar(candidate.key)) continue;
    kept.push(candidate);
    if (kept.length >= limit) break;
  }
  return kept.map(({ surface, score }) => ({ candidate: surface, score }));
}
