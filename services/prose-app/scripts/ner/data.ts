/**
 * Readers for the NER corpora in shared/data (see its README.md for formats, licences and
 * attributions). Every sentence comes with a text and the character span of each gold token in it,
 * so recognisers that read raw text (the engine, compromise) can be scored on the same spans.
 *
 * Data dir: $NLP_DATA_DIR, else <repo>/../shared/data. Nothing here is copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Span } from '../../src/nlp/offsets.js';
import { iobToSpans, parseTag } from '../../src/nlp/ner/iob-spans.js';

export interface NerSentence {
  corpus: string;
  id: string;
  text: string;
  tokens: string[];
  /** Character span of every token in `text`. */
  spans: Span[];
  /** Gold BIO tags over PER / LOC / ORG. */
  labels: string[];
  /**
   * Tokens the API reports as structural pattern entities whatever the recogniser says
   * (@mentions, #hashtags, URLs, e-mails: the merge rule lets MENTION/HASHTAG/URL/EMAIL win):
   * trained as O, and left out of the scores (gold and predicted entities touching them are dropped).
   */
  structural: boolean[];
}

export type CorpusName = 'uner-en-ewt' | 'gum-ner' | 'btc' | 'wnut17' | 'wikigold';
export const CORPORA: readonly CorpusName[] = ['uner-en-ewt', 'gum-ner', 'btc', 'wnut17', 'wikigold'];

export function dataDir(): string | null {
  const candidates = [process.env.NLP_DATA_DIR, fileURLToPath(new URL('../../../../../shared/data', import.meta.url))];
  for (const dir of candidates) if (dir && existsSync(`${dir}/README.md`)) return dir;
  return null;
}

/** Label maps to PER / LOC / ORG (anything unmapped becomes O). */
const WNUT_MAP: Record<string, string> = { person: 'PER', location: 'LOC', corporation: 'ORG', group: 'ORG' };
const KEEP = new Set(['PER', 'LOC', 'ORG']);

function mapTag(tag: string, map?: Record<string, string>): string {
  const [prefix, type] = parseTag(tag);
  if (prefix === 'O') return 'O';
  const mapped = map ? map[type] : KEEP.has(type) ? type : undefined;
  return mapped ? `${prefix}-${mapped}` : 'O';
}

/** Re-applies BIO after label mapping (an I- whose entity start was mapped away becomes B-). */
function normaliseBio(tags: string[]): string[] {
  const out = new Array<string>(tags.length).fill('O');
  for (const s of iobToSpans(tags)) for (let i = s.start; i < s.end; i++) out[i] = `${i === s.start ? 'B' : 'I'}-${s.type}`;
  return out;
}

const STRUCTURAL = /^(?:[@#][\p{L}\p{N}_]|https?:\/\/|www\.)|^[^\s@]+@[^\s@]+\.[a-z]{2,}$/iu;

export function isStructural(token: string): boolean {
  return STRUCTURAL.test(token);
}

const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}…]+|'s|'S|’s|n't|n’t|'re|'ve|'ll|'d|'m|’re|’ve|’ll|’d|’m|')$/;
const NO_SPACE_AFTER = /^[([{$£€#@]$/;

/** Joins tokens into a plausible text (no space before closing punctuation and clitics, none after opening brackets). */
export function detokenize(tokens: readonly string[]): { text: string; spans: Span[] } {
  let text = '';
  const spans: Span[] = [];
  let quoteOpen = false;
  tokens.forEach((tok, i) => {
    const prev = tokens[i - 1];
    let space = i > 0;
    if (NO_SPACE_BEFORE.test(tok)) space = false;
    if (prev !== undefined && NO_SPACE_AFTER.test(prev)) space = false;
    if (tok === '"') {
      if (quoteOpen) space = false;
      quoteOpen = !quoteOpen;
    } else if (prev === '"' && quoteOpen) space = false;
    if (space) text += ' ';
    spans.push({ start: text.length, end: text.length + tok.length });
    text += tok;
  });
  return { text, spans };
}

/** Places tokens in a text left to right; null if one cannot be found. */
export function placeTokens(text: string, tokens: readonly string[]): Span[] | null {
  const spans: Span[] = [];
  let cursor = 0;
  for (const tok of tokens) {
    let i = cursor;
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (!text.startsWith(tok, i)) return null;
    spans.push({ start: i, end: i + tok.length });
    cursor = i + tok.length;
  }
  return spans;
}

interface RawSentence {
  id: string;
  text?: string;
  tokens: string[];
  labels: string[];
}

function readBio(path: string): RawSentence[] {
  const out: RawSentence[] = [];
  let cur: RawSentence = { id: '', tokens: [], labels: [] };
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const line of lines) {
    if (line.trim() === '') {
      if (cur.tokens.length > 0) out.push(cur);
      cur = { id: '', tokens: [], labels: [] };
      continue;
    }
    const [tok, label] = line.split('\t');
    if (!tok) continue;
    cur.tokens.push(tok);
    cur.labels.push(label?.trim() || 'O');
  }
  if (cur.tokens.length > 0) out.push(cur);
  out.forEach((s, i) => (s.id = `${i + 1}`));
  return out;
}

function readIob2(path: string): RawSentence[] {
  const out: RawSentence[] = [];
  let cur: RawSentence = { id: '', tokens: [], labels: [] };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# sent_id = ')) cur.id = line.slice(12).trim();
    else if (line.startsWith('# text = ')) cur.text = line.slice(9);
    else if (line.startsWith('#')) continue;
    else if (line.trim() === '') {
      if (cur.tokens.length > 0) out.push(cur);
      cur = { id: '', tokens: [], labels: [] };
    } else {
      const cols = line.split('\t');
      if (!/^\d+$/.test(cols[0] ?? '')) continue;
      cur.tokens.push(cols[1] ?? '');
      cur.labels.push(cols[2] ?? 'O');
    }
  }
  if (cur.tokens.length > 0) out.push(cur);
  return out;
}

/** `# text` of each sentence of a CoNLL-U file, by sent_id. */
function conlluTexts(path: string): Map<string, string> {
  const texts = new Map<string, string>();
  let id = '';
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# sent_id = ')) id = line.slice(12).trim();
    else if (line.startsWith('# text = ')) texts.set(id, line.slice(9));
  }
  return texts;
}

/**
 * BTC splits "@name" and "#tag" into two tokens (the "@" repeating the name's B- tag): glue them back
 * into one token, as they were written.
 */
function glueTwitterMarks(s: RawSentence): RawSentence {
  const tokens: string[] = [];
  const labels: string[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    const tok = s.tokens[i] as string;
    const next = s.tokens[i + 1];
    if ((tok === '@' || tok === '#') && next !== undefined && /^[\p{L}\p{N}_]/u.test(next)) {
      tokens.push(tok + next);
      const a = s.labels[i] ?? 'O';
      labels.push(a !== 'O' ? a : (s.labels[i + 1] ?? 'O'));
      i++;
      continue;
    }
    tokens.push(tok);
    labels.push(s.labels[i] ?? 'O');
  }
  return { ...s, tokens, labels };
}

function finish(corpus: string, raw: RawSentence, map?: Record<string, string>): NerSentence {
  let spans = raw.text !== undefined ? placeTokens(raw.text, raw.tokens) : null;
  let text = raw.text ?? '';
  if (!spans) ({ text, spans } = detokenize(raw.tokens));
  const structural = raw.tokens.map(isStructural);
  const labels = normaliseBio(raw.labels.map((l) => mapTag(l, map)));
  return { corpus, id: raw.id, text, tokens: raw.tokens, spans, labels, structural };
}

export type Split = 'train' | 'dev';

/** Path of a corpus file, or null when the data directory or the file is missing. */
export function corpusPath(corpus: CorpusName, split: Split, draftUner = true): string | null {
  const dir = dataDir();
  if (!dir) return null;
  const path =
    corpus === 'uner-en-ewt'
      ? split === 'dev'
        ? `${dir}/uner-en-ewt/en_ewt-ud-dev.iob2`
        : draftUner
          ? `${dir}/uner-en-ewt/draft-train/en_ewt-ud-train.DRAFT-0c7ce0d.iob2`
          : null
      : `${dir}/${corpus}/${split}.bio`;
  return path && existsSync(path) ? path : null;
}

export function loadCorpus(corpus: CorpusName, split: Split): NerSentence[] {
  const path = corpusPath(corpus, split);
  if (!path) return [];
  const dir = dataDir() as string;
  switch (corpus) {
    case 'uner-en-ewt':
      return readIob2(path).map((s) => finish(corpus, s));
    case 'gum-ner': {
      const raw = readBio(path);
      const ids = readFileSync(`${dir}/gum-ner/${split}.sentids`, 'utf8').split('\n').filter(Boolean);
      const texts = conlluTexts(`${dir}/gum-ud/gum-permissive-${split}.conllu`);
      return raw.map((s, i) => {
        const id = ids[i] ?? s.id;
        return finish(corpus, { ...s, id, ...(texts.has(id) ? { text: texts.get(id) as string } : {}) });
      });
    }
    case 'btc':
      return readBio(path).map((s) => finish(corpus, glueTwitterMarks(s)));
    case 'wnut17':
      return readBio(path).map((s) => finish(corpus, s, WNUT_MAP));
    case 'wikigold':
      return readBio(path).map((s) => finish(corpus, s));
  }
}
