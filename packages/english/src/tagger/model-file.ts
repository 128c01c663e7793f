/**
 * The POS model file (`models/pos-perceptron.bin`): perceptron weights, tag dictionary, ambiguity
 * classes and lemma exceptions.
 *
 * Layout: 8 bytes of magic, the byte length of a JSON header (uint32, little-endian), the header
 * (format, meta, templates, classes, dictionaries, array lengths), then, each at a multiple of 8
 * bytes, the arrays the tagger scores with, exactly as it holds them in memory: the feature keys'
 * UTF-16 code units, where each key starts, where each key's row of weights starts, and the rows'
 * entries (class as uint32, weight as float32, interleaved). Loading maps them without copying
 * or parsing, so start-up creates no garbage: parsing the same weights from JSON left the process
 * about 40 MB larger. Loading checks the format, the templates (they must be the ones this code
 * computes) and every index, and fails loudly rather than tag with a mismatched model.
 */
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { TEMPLATES } from './features.js';
import { PerceptronModel, PerceptronModelBuilder } from './perceptron.js';
import type { TaggerModel } from './tagger.js';

export const MODEL_FORMAT = 'nlp-api/pos-perceptron';
export const MODEL_VERSION = 2;
const MAGIC = Buffer.from('NLPPOS\0\x02', 'latin1');

export interface PosModel extends TaggerModel {
  /** `${lower-cased form}\t${Penn tag}` -> lemma where the suffix rules are wrong. */
  lemmaExceptions: ReadonlyMap<string, string>;
  /** Verb/adjective/adverb lemmas seen in training (they decide "hop" vs "hope" for "hoping"). */
  lemmaVocabulary: ReadonlySet<string>;
  /** Free-form description: data, licence, training options. */
  meta: Record<string, unknown>;
}

interface Header {
  format: string;
  version: number;
  meta: Record<string, unknown>;
  templates: string[];
  classes: string[];
  decimals: number;
  tagDict: Record<string, number>;
  ambiguity: Record<string, string>;
  lemmaExceptions: Record<string, string>;
  lemmaVocabulary: string;
  /** Lengths of the arrays after the header: UTF-16 units of the keys, keys (= rows), entries. */
  counts: { chars: number; rows: number; entries: number };
}

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

const sortedEntries = <V>(m: ReadonlyMap<string, V>): Record<string, V> =>
  Object.fromEntries([...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));

/**
 * Serialises a model with weights rounded to `decimals` places (zero weights dropped), rows sorted
 * by template and value, so the same model always gives the same bytes.
 */
export function serialiseModel(model: PosModel, decimals: number): Buffer {
  const scale = 10 ** decimals;
  const rows: Array<{ template: number; value: string; cls: number[]; w: number[] }> = [];
  for (const [template, value, cls, w] of model.perceptron.rows()) {
    const kept = { template, value, cls: [] as number[], w: [] as number[] };
    cls.forEach((c, k) => {
      const q = Math.round((w[k] as number) * scale);
      if (q !== 0) {
        kept.cls.push(c);
        kept.w.push(q / scale);
      }
    });
    if (kept.cls.length > 0) rows.push(kept);
  }
  rows.sort((a, b) => a.template - b.template || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const builder = new PerceptronModelBuilder(model.perceptron.classes, model.perceptron.templates);
  for (const row of rows) {
    builder.startRow(row.template, row.value);
    row.cls.forEach((c, k) => builder.add(c, row.w[k] as number));
  }
  const arrays = PerceptronModel.fromBuilder(builder).arrays;
  const header: Header = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    meta: model.meta,
    templates: [...model.perceptron.templates],
    classes: [...model.perceptron.classes],
    decimals,
    tagDict: sortedEntries(model.tagDict),
    ambiguity: sortedEntries(model.ambiguity),
    lemmaExceptions: sortedEntries(model.lemmaExceptions),
    lemmaVocabulary: [...model.lemmaVocabulary].sort().join(' '),
    counts: { chars: arrays.chars.length, rows: arrays.rowStart.length - 1, entries: arrays.entries.byteLength / 8 },
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const parts: Buffer[] = [MAGIC, length, json];
  let at = 12 + json.length;
  const push = (bytes: Uint8Array): void => {
    const padding = align8(at) - at;
    if (padding > 0) parts.push(Buffer.alloc(padding));
    parts.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    at += padding + bytes.byteLength;
  };
  const asBytes = (view: ArrayBufferView): Uint8Array => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  for (const view of [arrays.chars, arrays.starts, arrays.rowStart, arrays.entries]) push(asBytes(view));
  return Buffer.concat(parts);
}

export function parseModel(bytes: Uint8Array): PosModel {
  if (endianness() !== 'LE') throw new Error('the POS model file is little-endian; this machine is not');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 12 || !buffer.subarray(0, 8).equals(MAGIC)) {
    throw new Error(`not a ${MODEL_FORMAT} v${MODEL_VERSION} model file (retrain or rebuild it with npm run train:pos)`);
  }
  const headerLength = buffer.readUInt32LE(8);
  const header = JSON.parse(buffer.toString('utf8', 12, 12 + headerLength)) as Partial<Header>;
  if (header.format !== MODEL_FORMAT || header.version !== MODEL_VERSION) {
    throw new Error(`not a ${MODEL_FORMAT} v${MODEL_VERSION} model (format ${String(header.format)}, version ${String(header.version)})`);
  }
  const templates = header.templates ?? [];
  if (templates.join('|') !== TEMPLATES.join('|')) {
    throw new Error('model feature templates differ from this code: retrain with npm run train:pos');
  }
  const classes = header.classes ?? [];
  const counts = header.counts ?? { chars: 0, rows: 0, entries: 0 };
  // Typed arrays need their element size's alignment: copy the file once if its buffer lacks it.
  const aligned = buffer.byteOffset % 8 === 0 ? buffer : Buffer.from(new Uint8Array(buffer));
  let at = align8(12 + headerLength);
  type View = Uint8Array | Uint16Array | Int32Array;
  const take = <T extends View>(Kind: { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number }, length: number): T => {
    const bytesLong = length * Kind.BYTES_PER_ELEMENT;
    if (at + bytesLong > aligned.length) throw new Error('the POS model file is truncated');
    const view = new Kind(aligned.buffer as ArrayBuffer, aligned.byteOffset + at, length);
    at = align8(at + bytesLong);
    return view;
  };
  const chars = take(Uint16Array, counts.chars);
  const starts = take(Int32Array, counts.rows + 1);
  const rowStart = take(Int32Array, counts.rows + 1);
  const entries = take(Uint8Array, counts.entries * 8);
  const perceptron = PerceptronModel.fromArrays(classes, templates, { chars, starts, rowStart, entries });
  const tagDict = new Map(Object.entries(header.tagDict ?? {}));
  for (const c of tagDict.values()) if (!(c >= 0 && c < classes.length)) throw new Error(`tag dictionary class ${c} out of range`);
  return {
    perceptron,
    tagDict,
    ambiguity: new Map(Object.entries(header.ambiguity ?? {})),
    lemmaExceptions: new Map(Object.entries(header.lemmaExceptions ?? {})),
    lemmaVocabulary: new Set((header.lemmaVocabulary ?? '').split(' ').filter((w) => w.length > 0)),
    meta: header.meta ?? {},
  };
}

/**
 * Where the shipped models live: this package's `models/`, from both `src/tagger` and `dist/tagger`.
 * The default model was trained with wink-nlp's UPOS as hints (prose-app passes them); the
 * standalone one without, for callers that have no wink-nlp (see ../standalone.ts).
 */
export const DEFAULT_MODEL_PATH = new URL('../../models/pos-perceptron.bin', import.meta.url);
export const STANDALONE_MODEL_PATH = new URL('../../models/pos-perceptron-standalone.bin', import.meta.url);

export function loadModelFile(path: string | URL = DEFAULT_MODEL_PATH): PosModel {
  return parseModel(readFileSync(path));
}
