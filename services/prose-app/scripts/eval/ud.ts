/**
 * CoNLL-U reading for the tokenizer/tagger scripts: sentences with their `# text`, every syntactic
 * word placed in that text by character offsets (multi-word tokens such as `don't` are split into
 * their words, which spell the surface form in EWT and GUM), whole documents rebuilt from them, and
 * the data directory lookup.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface UdWord {
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  /** Offsets into the sentence text; -1 when the word cannot be placed. */
  start: number;
  end: number;
}

export interface UdSentence {
  id: string;
  text: string;
  words: UdWord[];
  /** The sentence opens a document (`# newdoc`) or a paragraph (`# newpar`; EWT has them, GUM not). */
  newDoc?: boolean;
  newPar?: boolean;
}

/** Parses CoNLL-U text; empty nodes (ids like 8.1) are skipped. */
export function parseConllu(content: string): UdSentence[] {
  const sentences: UdSentence[] = [];
  let id = '';
  let text = '';
  let rows: string[][] = [];
  let newDoc = false;
  let newPar = false;
  const flush = (): void => {
    if (rows.length > 0) {
      sentences.push({ id, text, words: placeWords(text, rows), ...(newDoc ? { newDoc } : {}), ...(newPar ? { newPar } : {}) });
      newDoc = false;
      newPar = false;
    }
    rows = [];
    id = '';
    text = '';
  };
  for (const line of content.split('\n')) {
    if (line.startsWith('# newdoc')) newDoc = true;
    else if (line.startsWith('# newpar')) newPar = true;
    else if (line.startsWith('# sent_id = ')) id = line.slice('# sent_id = '.length).trim();
    else if (line.startsWith('# text = ')) text = line.slice('# text = '.length).replace(/\r$/, '');
    else if (line.trim() === '') flush();
    else if (!line.startsWith('#')) rows.push(line.split('\t'));
  }
  flush();
  return sentences;
}

export function readConllu(path: string): UdSentence[] {
  return parseConllu(readFileSync(path, 'utf8'));
}

/**
 * The documents of a treebank as running text, each as one UdSentence whose words carry offsets into
 * it: sentences joined by a space, paragraphs by a blank line (where the treebank marks them).
 * Also returns where each gold sentence starts.
 */
export function documents(sentences: readonly UdSentence[]): Array<{ doc: UdSentence; sentenceStarts: number[] }> {
  const docs: Array<{ doc: UdSentence; sentenceStarts: number[] }> = [];
  let current: { doc: UdSentence; sentenceStarts: number[] } | undefined;
  for (const s of sentences) {
    if (current === undefined || s.newDoc) {
      current = { doc: { id: s.id, text: '', words: [] }, sentenceStarts: [] };
      docs.push(current);
    } else {
      current.doc.text += s.newPar ? '\n\n' : ' ';
    }
    const offset = current.doc.text.length;
    current.doc.text += s.text;
    current.sentenceStarts.push(offset);
    for (const w of s.words) current.doc.words.push(w.start < 0 ? w : { ...w, start: w.start + offset, end: w.end + offset });
  }
  return docs;
}

function placeWords(text: string, rows: string[][]): UdWord[] {
  const words: UdWord[] = [];
  let cursor = 0;
  const find = (surface: string): number => {
    let i = cursor;
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (text.startsWith(surface, i)) return i;
    return text.indexOf(surface, cursor);
  };
  const word = (row: string[], start: number): UdWord => {
    const form = row[1] ?? '';
    return { form, lemma: row[2] ?? '', upos: row[3] ?? '', xpos: row[4] ?? '', start, end: start < 0 ? -1 : start + form.length };
  };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const id = row[0] ?? '';
    if (id.includes('.')) continue;
    const range = /^(\d+)-(\d+)$/.exec(id);
    if (range) {
      const surface = row[1] ?? '';
      const parts = rows.slice(r + 1, r + 1 + Number(range[2]) - Number(range[1]) + 1).filter((p) => !(p[0] ?? '').includes('.'));
      r += parts.length;
      const start = find(surface);
      const spelled = start >= 0 && parts.map((p) => p[1] ?? '').join('') === surface;
      let at = start;
      for (const p of parts) {
        words.push(word(p, spelled ? at : -1));
        at += (p[1] ?? '').length;
      }
      if (start >= 0) cursor = start + surface.length;
      continue;
    }
    const start = find(row[1] ?? '');
    words.push(word(row, start));
    if (start >= 0) cursor = start + (row[1] ?? '').length;
  }
  return words;
}

/** `$NLP_DATA_DIR`, else `shared/data` beside the checkout (`<repo>/../shared/data`). */
export function dataDir(): string | null {
  const candidates = [process.env.NLP_DATA_DIR, fileURLToPath(new URL('../../../../../shared/data', import.meta.url))];
  for (const dir of candidates) if (dir && existsSync(dir)) return dir;
  return null;
}

export const DATASETS = {
  'ewt-train': 'ud-en-ewt/en_ewt-ud-train.conllu',
  'ewt-dev': 'ud-en-ewt/en_ewt-ud-dev.conllu',
  'gum-train': 'gum-ud/gum-permissive-train.conllu',
  'gum-dev': 'gum-ud/gum-permissive-dev.conllu',
} as const;
export type DatasetName = keyof typeof DATASETS;

/** Path of a dataset, or null if the data directory or the file is missing. */
export function datasetFile(name: DatasetName): string | null {
  const dir = dataDir();
  if (dir === null) return null;
  const path = `${dir}/${DATASETS[name]}`;
  return existsSync(path) ? path : null;
}
