import { existsSync, readFileSync } from 'node:fs';

export interface GoldToken {
  form: string;
  upos: string;
  xpos: string;
  /** Offsets into the sentence text; -1 when the word cannot be placed (e.g. a multi-word token whose parts do not spell it). */
  start: number;
  end: number;
}

export interface GoldSentence {
  id: string;
  text: string;
  tokens: GoldToken[];
}

/** Parses CoNLL-U and places every syntactic word in its sentence's `# text` by character offsets. */
export function readConllu(path: string): GoldSentence[] {
  const sentences: GoldSentence[] = [];
  let id = '';
  let text = '';
  let rows: string[][] = [];
  const flush = (): void => {
    if (rows.length > 0) sentences.push({ id, text, tokens: placeTokens(text, rows) });
    rows = [];
    id = '';
    text = '';
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# sent_id = ')) id = line.slice('# sent_id = '.length);
    else if (line.startsWith('# text = ')) text = line.slice('# text = '.length);
    else if (line.trim() === '') flush();
    else if (!line.startsWith('#')) rows.push(line.split('\t'));
  }
  flush();
  return sentences;
}

function placeTokens(text: string, rows: string[][]): GoldToken[] {
  const tokens: GoldToken[] = [];
  let cursor = 0;
  const find = (surface: string): number => {
    let i = cursor;
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (text.startsWith(surface, i)) return i;
    const j = text.indexOf(surface, cursor);
    return j;
  };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const id = row[0] ?? '';
    if (id.includes('.')) continue; // empty node
    const range = /^(\d+)-(\d+)$/.exec(id);
    if (range) {
      const surface = row[1] ?? '';
      const count = Number(range[2]) - Number(range[1]) + 1;
      const words = rows.slice(r + 1, r + 1 + count);
      r += count;
      const start = find(surface);
      const spelled = words.map((w) => w[1] ?? '').join('') === surface;
      let at = start;
      for (const w of words) {
        const form = w[1] ?? '';
        const ok = start >= 0 && spelled;
        tokens.push({ form, upos: w[3] ?? '', xpos: w[4] ?? '', start: ok ? at : -1, end: ok ? at + form.length : -1 });
        at += form.length;
      }
      if (start >= 0) cursor = start + surface.length;
      continue;
    }
    const form = row[1] ?? '';
    const start = find(form);
    tokens.push({ form, upos: row[3] ?? '', xpos: row[4] ?? '', start, end: start < 0 ? -1 : start + form.length });
    if (start >= 0) cursor = start + form.length;
  }
  return tokens;
}

export function datasetPath(name: string): string | null {
  const candidates = [process.env.UD_EWT_DIR, new URL('../../../../shared/data/ud-en-ewt', import.meta.url).pathname];
  for (const dir of candidates) {
    if (dir && existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return null;
}
