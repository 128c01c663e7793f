/**
 * The POS model file (`models/pos-perceptron.json`): perceptron weights, tag dictionary, ambiguity
 * classes and lemma exceptions in one JSON document.
 *
 * Weights are stored as integers in units of 10^-decimals, one line per feature:
 * `template<TAB>value<TAB>class:weight class:weight ...`, with template and class as indexes into the
 * `templates` and `classes` arrays. Loading checks the format, the templates (they must be the ones
 * this code computes) and every index, and fails loudly rather than tag with a mismatched model.
 */
import { readFileSync } from 'node:fs';
import { TEMPLATES } from './features.js';
import { PerceptronModel, PerceptronModelBuilder } from './perceptron.js';
import type { TaggerModel } from './tagger.js';

export const MODEL_FORMAT = 'nlp-api/pos-perceptron';
export const MODEL_VERSION = 1;

export interface PosModel extends TaggerModel {
  /** `${lower-cased form}\t${Penn tag}` -> lemma where the suffix rules are wrong. */
  lemmaExceptions: ReadonlyMap<string, string>;
  /** Verb/adjective/adverb lemmas seen in training (they decide "hop" vs "hope" for "hoping"). */
  lemmaVocabulary: ReadonlySet<string>;
  /** Free-form description: data, licence, training options. */
  meta: Record<string, unknown>;
}

interface ModelJson {
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
  weights: string[];
}

/** Serialises a model (keys sorted, so the same model always gives the same bytes). */
export function serialiseModel(model: PosModel, decimals: number): string {
  const scale = 10 ** decimals;
  const weights: string[] = [];
  for (const [template, value, cls, w] of model.perceptron.rows()) {
    if (value.includes('\t') || value.includes('\n')) continue;
    const parts: string[] = [];
    cls.forEach((c, k) => {
      const q = Math.round((w[k] as number) * scale);
      if (q !== 0) parts.push(`${c}:${q}`);
    });
    if (parts.length > 0) weights.push(`${template}\t${value}\t${parts.join(' ')}`);
  }
  weights.sort();
  const sorted = <V>(m: ReadonlyMap<string, V>): Record<string, V> => Object.fromEntries([...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  const json: ModelJson = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    meta: model.meta,
    templates: [...model.perceptron.templates],
    classes: [...model.perceptron.classes],
    decimals,
    tagDict: sorted(model.tagDict),
    ambiguity: sorted(model.ambiguity),
    lemmaExceptions: sorted(model.lemmaExceptions),
    lemmaVocabulary: [...model.lemmaVocabulary].sort().join(' '),
    weights,
  };
  // One entry per line (weight rows, dictionary entries) keeps the file diffable and greppable.
  const fields = Object.entries(json).map(([key, value]) => {
    if (Array.isArray(value)) return `${JSON.stringify(key)}: [\n${value.map((v) => JSON.stringify(v)).join(',\n')}\n]`;
    if (value !== null && typeof value === 'object' && key !== 'meta') {
      return `${JSON.stringify(key)}: {\n${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}`;
    }
    return `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  return `{\n${fields.join(',\n')}\n}\n`;
}

export function parseModel(text: string): PosModel {
  const json = JSON.parse(text) as Partial<ModelJson>;
  if (json.format !== MODEL_FORMAT || json.version !== MODEL_VERSION) {
    throw new Error(`not a ${MODEL_FORMAT} v${MODEL_VERSION} model (format ${String(json.format)}, version ${String(json.version)})`);
  }
  const templates = json.templates ?? [];
  if (templates.join('|') !== TEMPLATES.join('|')) {
    throw new Error('model feature templates differ from this code: retrain with npm run train:pos');
  }
  const classes = json.classes ?? [];
  const scale = 10 ** (json.decimals ?? 3);
  const builder = new PerceptronModelBuilder(classes, templates);
  for (const line of json.weights ?? []) {
    const tab1 = line.indexOf('\t');
    const tab2 = line.indexOf('\t', tab1 + 1);
    if (tab1 < 0 || tab2 < 0) throw new Error(`bad weight line ${JSON.stringify(line.slice(0, 80))}`);
    builder.startRow(Number(line.slice(0, tab1)), line.slice(tab1 + 1, tab2));
    let at = tab2 + 1;
    while (at < line.length) {
      let space = line.indexOf(' ', at);
      if (space < 0) space = line.length;
      const colon = line.indexOf(':', at);
      builder.add(Number(line.slice(at, colon)), Number(line.slice(colon + 1, space)) / scale);
      at = space + 1;
    }
  }
  const tagDict = new Map(Object.entries(json.tagDict ?? {}));
  for (const c of tagDict.values()) if (!(c >= 0 && c < classes.length)) throw new Error(`tag dictionary class ${c} out of range`);
  return {
    perceptron: PerceptronModel.fromBuilder(builder),
    tagDict,
    ambiguity: new Map(Object.entries(json.ambiguity ?? {})),
    lemmaExceptions: new Map(Object.entries(json.lemmaExceptions ?? {})),
    lemmaVocabulary: new Set((json.lemmaVocabulary ?? '').split(' ').filter((w) => w.length > 0)),
    meta: json.meta ?? {},
  };
}

/** Where the shipped model lives: `services/prose-app/models/`, from both `src/nlp/tagger` and `dist/nlp/tagger`. */
export const DEFAULT_MODEL_PATH = new URL('../../../models/pos-perceptron.json', import.meta.url);

export function loadModelFile(path: string | URL = process.env.POS_MODEL_PATH ?? DEFAULT_MODEL_PATH): PosModel {
  return parseModel(readFileSync(path, 'utf8'));
}
