/* Penn tagger candidates for eval-tagger.ts. Each returns tokens with offsets into the input text. */
import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import nlpCompromise from 'compromise';
import { tokenizeDoc, type RawToken } from '../src/nlp/tokenize.js';
import { pennTags, punctuationTag } from './penn-tags.js';
import { locate } from '../src/nlp/offsets.js';
import { loadNlpEngine } from '../src/nlp/index.js';

const require = createRequire(import.meta.url);

export interface Tagged {
  start: number;
  end: number;
  text: string;
  /** Tag after mapping to EWT conventions (brackets, quotes, URLs, emoji, punctuation). */
  tag: string;
  /** Tag as the candidate produced it (after only the minimal renaming needed to be Penn). */
  rawTag: string;
}

export interface Candidate {
  name: string;
  loadMs: number;
  tag(text: string): Tagged[];
}

const SYNONYMS: Record<string, string> = { '(': '-LRB-', ')': '-RRB-', PR: 'RP', EM: 'NFP', '"': "''" };
const PUNCT_ONLY = /^[^\p{L}\p{N}]+$/u;
const URLISH = /^(?:https?:\/\/|www\.)\S+$|^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const EMOJI = /\p{Extended_Pictographic}/u;

/** Applies the same punctuation/URL/emoji conventions to every candidate so only real tagging differences remain. */
function withConventions(tokens: Array<{ text: string; start: number; end: number; rawTag: string }>): Tagged[] {
  return tokens.map((t, i) => {
    const renamed = SYNONYMS[t.rawTag] ?? t.rawTag;
    let tag = renamed;
    if (URLISH.test(t.text)) tag = 'ADD';
    else if (EMOJI.test(t.text)) tag = 'NFP';
    else if (PUNCT_ONLY.test(t.text)) tag = punctuationTag(tokens, i);
    return { ...t, rawTag: renamed, tag };
  });
}

function alignCaseInsensitive(text: string, values: readonly string[]): Array<{ start: number; end: number } | null> {
  const lowerText = text.toLowerCase();
  const exact = lowerText.length === text.length;
  let cursor = 0;
  return values.map((v) => {
    let start = locate(text, v, cursor, 64);
    if (start < 0 && exact) start = locate(lowerText, v.toLowerCase(), cursor, 64);
    if (start < 0) return null;
    cursor = start + v.length;
    return { start, end: start + v.length };
  });
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

/** wink-nlp token kinds to wink-tokenizer tags (what wink-pos-tagger expects). */
const WINK_TOKENIZER_TAG: Record<string, string> = { decade: 'word', unk: 'alien', symbol: 'symbol', currency: 'currency' };

export function buildCandidates(): Candidate[] {
  const [wink, winkLoad] = timed(() => winkNLP(model, ['sbd', 'pos', 'ner']));
  const winkTokens = (text: string): RawToken[] => tokenizeDoc(wink.readDoc(text), wink.its, text).tokens;

  const [posTagger, wptLoad] = timed(() => (require('wink-pos-tagger') as () => any)());
  const [fasttag, posLoad] = timed(() => {
    const pos = require('pos');
    return { lexer: new pos.Lexer(), tagger: new pos.Tagger() };
  });
  const [EnPosTag, enPosLoad] = timed(() => require('en-pos').Tag as new (tokens: string[]) => any);

  const fromWinkUpos = (text: string): Tagged[] => {
    const toks = winkTokens(text);
    const tags = pennTags(toks);
    return withConventions(toks.map((t, i) => ({ text: t.text, start: t.start, end: t.end, rawTag: tags[i] ?? 'NN' })));
  };

  const winkPosTaggerOn = (toks: RawToken[]): string[] =>
    posTagger
      .tag(toks.map((t) => ({ value: t.text, tag: WINK_TOKENIZER_TAG[t.kind] ?? t.kind })))
      .map((t: { pos: string }) => t.pos);

  const [engine, engineLoad] = timed(() => loadNlpEngine());

  const candidates: Candidate[] = [
    {
      name: 'engine.tokens(): rules + NNP inside named entities (shipped)',
      loadMs: engineLoad,
      tag: (text) => withConventions(engine.tokens(text).map((t) => ({ text: t.text, start: t.start, end: t.end, rawTag: t.tag }))),
    },
    { name: 'wink-nlp UPOS -> Penn (rules)', loadMs: winkLoad, tag: fromWinkUpos },
    {
      name: 'compromise tags -> Penn',
      loadMs: 0,
      tag: (text) => withConventions(compromisePenn(text)),
    },
    {
      name: 'wink-pos-tagger (own tokenizer)',
      loadMs: wptLoad,
      tag: (text) => {
        const out = posTagger.tagSentence(text) as Array<{ value: string; pos: string }>;
        const spans = alignCaseInsensitive(text, out.map((t) => t.value));
        return withConventions(
          out.flatMap((t, i) => {
            const s = spans[i];
            return s ? [{ text: text.slice(s.start, s.end), start: s.start, end: s.end, rawTag: t.pos }] : [];
          }),
        );
      },
    },
    {
      name: 'wink-pos-tagger on wink-nlp tokens',
      loadMs: wptLoad,
      tag: (text) => {
        const toks = winkTokens(text);
        const tags = winkPosTaggerOn(toks);
        return withConventions(toks.map((t, i) => ({ text: t.text, start: t.start, end: t.end, rawTag: tags[i] ?? 'NN' })));
      },
    },
    {
      name: 'pos/fasttag (own lexer)',
      loadMs: posLoad,
      tag: (text) => {
        const words = fasttag.lexer.lex(text) as string[];
        const tagged = fasttag.tagger.tag(words) as Array<[string, string]>;
        const spans = alignCaseInsensitive(text, words);
        return withConventions(
          tagged.flatMap(([w, tag], i) => {
            const s = spans[i];
            return s ? [{ text: w, start: s.start, end: s.end, rawTag: tag }] : [];
          }),
        );
      },
    },
    {
      name: 'pos/fasttag on wink-nlp tokens',
      loadMs: posLoad,
      tag: (text) => {
        const toks = winkTokens(text);
        const tagged = fasttag.tagger.tag(toks.map((t) => t.text)) as Array<[string, string]>;
        return withConventions(toks.map((t, i) => ({ text: t.text, start: t.start, end: t.end, rawTag: tagged[i]?.[1] ?? 'NN' })));
      },
    },
    {
      name: 'en-pos on wink-nlp tokens',
      loadMs: enPosLoad,
      tag: (text) => {
        const toks = winkTokens(text);
        const tags = new EnPosTag(toks.map((t) => t.text)).initial().smooth().tags as string[];
        return withConventions(toks.map((t, i) => ({ text: t.text, start: t.start, end: t.end, rawTag: tags[i] ?? 'NN' })));
      },
    },
    {
      name: 'vote: rules, overridden when wink-pos-tagger and en-pos agree',
      loadMs: winkLoad + wptLoad + enPosLoad,
      tag: (text) => {
        const toks = winkTokens(text);
        const rules = pennTags(toks);
        const wpt = winkPosTaggerOn(toks);
        const en = new EnPosTag(toks.map((t) => t.text)).initial().smooth().tags as string[];
        return withConventions(
          toks.map((t, i) => {
            const a = SYNONYMS[wpt[i] ?? ''] ?? wpt[i];
            const b = SYNONYMS[en[i] ?? ''] ?? en[i];
            const tag = a !== undefined && a === b && a !== 'TO' ? a : rules[i] ?? 'NN';
            return { text: t.text, start: t.start, end: t.end, rawTag: tag };
          }),
        );
      },
    },
  ];
  return candidates;
}

// ---- compromise -------------------------------------------------------------

interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  implicit?: string;
  offset: { start: number; length: number };
}

const CONTRACTION_TAIL = /(n['’]t|['’](?:s|m|re|ve|ll|d))$/i;

/** Cuts compromise terms (which carry their punctuation in pre/post) into Penn-style tokens with offsets. */
function compromisePenn(text: string): Array<{ text: string; start: number; end: number; rawTag: string }> {
  const doc = nlpCompromise(text);
  const sentences = doc.json({ offset: true }) as Array<{ terms: CompromiseTerm[] }>;
  const terms = sentences.flatMap((s) => s.terms);
  const out: Array<{ text: string; start: number; end: number; rawTag: string }> = [];
  const pushPunct = (chunk: string, at: number): void => {
    const re = /([.?!]+|-+|\S)/gu;
    for (const m of chunk.matchAll(re)) {
      if (/\s/.test(m[0])) continue;
      const start = at + (m.index ?? 0);
      out.push({ text: m[0], start, end: start + m[0].length, rawTag: ':' });
    }
  };
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as CompromiseTerm;
    const { start, length } = t.offset;
    if (length === 0) continue;
    const pre = t.pre.trim();
    if (pre) pushPunct(t.pre, start - t.pre.length);
    const word = text.slice(start, start + length);
    const next = terms[i + 1];
    const tail = CONTRACTION_TAIL.exec(word);
    if (tail && next && next.offset.length === 0) {
      const cut = start + length - (tail[1] ?? '').length;
      out.push({ text: text.slice(start, cut), start, end: cut, rawTag: compromiseTag(terms, i) });
      out.push({ text: text.slice(cut, start + length), start: cut, end: start + length, rawTag: compromiseTag(terms, i + 1) });
    } else if (tail && /['’]s$/i.test(word) && t.tags.includes('Possessive')) {
      const cut = start + length - 2;
      out.push({ text: text.slice(start, cut), start, end: cut, rawTag: compromiseTag(terms, i) });
      out.push({ text: text.slice(cut, start + length), start: cut, end: start + length, rawTag: 'POS' });
    } else {
      out.push({ text: word, start, end: start + length, rawTag: compromiseTag(terms, i) });
    }
    if (t.post.trim()) pushPunct(t.post, start + length);
  }
  return out.filter((t) => text.slice(t.start, t.end) === t.text);
}

function compromiseTag(terms: CompromiseTerm[], i: number): string {
  const t = terms[i] as CompromiseTerm;
  const has = (tag: string): boolean => t.tags.includes(tag);
  const lower = (t.implicit ?? t.text).toLowerCase();
  const prev = terms[i - 1];
  if (has('Url') || has('Email')) return 'ADD';
  if (has('Emoji') || has('Emoticon')) return 'NFP';
  if (has('HashTag') || has('AtMention')) return 'NNP';
  if (has('Negative') || lower === 'not') return 'RB';
  if (has('Modal')) return 'MD';
  if (lower === 'to' && !has('Noun')) return terms[i + 1]?.tags.includes('Verb') ? 'TO' : 'IN';
  if (has('Copula') || lower === 'be' || lower === 'been' || lower === 'being') {
    const m: Record<string, string> = { is: 'VBZ', am: 'VBP', are: 'VBP', was: 'VBD', were: 'VBD', be: 'VB', been: 'VBN', being: 'VBG' };
    if (m[lower]) return m[lower] as string;
  }
  if (has('Verb')) {
    if (has('Gerund')) return 'VBG';
    if (has('Participle') || (has('PastTense') && prev && /^(have|has|had|is|was|were|be|been|are)$/i.test(prev.implicit ?? prev.text))) return 'VBN';
    if (has('PastTense')) return 'VBD';
    if (has('Infinitive')) return prev && (prev.tags.includes('Pronoun') || prev.tags.includes('Noun')) ? 'VBP' : 'VB';
    if (has('PresentTense')) return /s$/.test(lower) ? 'VBZ' : 'VBP';
    return 'VB';
  }
  if (has('Pronoun')) {
    if (has('Possessive')) return 'PRP$';
    if (/^(who|whom|what|whoever|whatever)$/.test(lower)) return 'WP';
    if (lower === 'there') return 'EX';
    return 'PRP';
  }
  if (has('QuestionWord')) return /^(which|what)$/.test(lower) ? 'WDT' : 'WRB';
  if (has('Determiner')) return 'DT';
  if (has('Preposition')) return 'IN';
  if (has('Conjunction')) return /^(and|or|but|nor|yet|plus|&)$/.test(lower) ? 'CC' : 'IN';
  if (has('Value') || has('Cardinal')) return has('Ordinal') ? 'JJ' : 'CD';
  if (has('Adjective')) return has('Comparative') ? 'JJR' : has('Superlative') ? 'JJS' : 'JJ';
  if (has('Adverb')) return 'RB';
  if (has('Expression')) return 'UH';
  if (has('Noun')) {
    if (has('ProperNoun')) return has('Plural') ? 'NNPS' : 'NNP';
    return has('Plural') ? 'NNS' : 'NN';
  }
  return 'NN';
}
