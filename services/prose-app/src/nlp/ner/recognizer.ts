import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntitySpan } from '../entity-merge.js';
import type { Span } from '../offsets.js';
import { FeatureRows } from './feature-rows.js';
import type { NerToken } from './features.js';
import { Gazetteer, type GazetteerData } from './gazetteer.js';
import { iobToSpans, type TokenSpan } from './iob-spans.js';
import { splitLocation } from './loc-split.js';
import { expandModel, type StoredModel } from './model-io.js';
import { allowedTransitions, decodeEmissions, emissionScoresOfRows, type Decoder, type LinearModel } from './perceptron.js';

/** A token with its place in the text, as the engine produces them. */
export interface NerTextToken extends NerToken, Span {}

export const MODELS_DIR = fileURLToPath(new URL('../../../models/', import.meta.url));
export const MODEL_FILE = 'ner-perceptron.json';
export const GAZETTEER_FILE = 'ner-gazetteers.json';

/** Model entity types -> API labels (LOC is split into GPE / LOCATION afterwards). */
const API_LABEL: Record<string, string> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'LOC' };

/**
 * The trained recogniser: an averaged perceptron over BIO tags (PER / LOC / ORG), Viterbi-decoded
 * under BIO constraints, with LOC split into GPE and LOCATION by gazetteer rules (loc-split.ts).
 */
export class PerceptronRecognizer {
  private readonly allowed: Uint8Array;
  private readonly featureRows: FeatureRows;

  constructor(
    readonly model: LinearModel,
    readonly gazetteer: Gazetteer,
    readonly decoder: Decoder = 'viterbi',
  ) {
    this.allowed = allowedTransitions(model.tags);
    this.featureRows = new FeatureRows(model.rows, gazetteer);
  }

  /** The model's BIO tags (PER / LOC / ORG) for one sentence. */
  tag(tokens: readonly NerToken[]): string[] {
    if (tokens.length === 0) return [];
    const { rows, offsets } = this.featureRows.sentence(tokens);
    return decodeEmissions(this.model, emissionScoresOfRows(this.model, rows, offsets), tokens.length, this.allowed, this.decoder);
  }

  /** Entities of one sentence as token ranges with API labels (PERSON, ORGANIZATION, GPE, LOCATION). */
  spans(tokens: readonly NerToken[]): TokenSpan[] {
    return iobToSpans(this.tag(tokens)).map((s) => {
      const label = API_LABEL[s.type] ?? s.type;
      if (label !== 'LOC') return { ...s, type: label };
      return { ...s, type: splitLocation(tokens.slice(s.start, s.end).map((t) => t.text), this.gazetteer) };
    });
  }

  /** Entities as character spans, sentence by sentence (each inner array is one sentence's tokens, in text order). */
  recognise(sentences: readonly (readonly NerTextToken[])[]): EntitySpan[] {
    const out: EntitySpan[] = [];
    for (const tokens of sentences) {
      for (const s of this.spans(tokens)) {
        const first = tokens[s.start] as NerTextToken;
        const last = tokens[s.end - 1] as NerTextToken;
        out.push({ start: first.start, end: last.end, label: s.type, source: 'named' });
      }
    }
    return out;
  }
}

export interface LoadOptions {
  /** Directory of the model and gazetteer files (default: services/prose-app/models). */
  dir?: string;
  /** Path of the weights, if not `dir`/ner-perceptron.json. */
  modelPath?: string;
  decoder?: Decoder;
}

/** Reads the stored weights and gazetteers (once; keep the returned recogniser). */
export function loadPerceptronRecognizer(options: LoadOptions = {}): PerceptronRecognizer {
  const dir = options.dir ?? MODELS_DIR;
  const stored = JSON.parse(readFileSync(options.modelPath ?? `${dir}/${MODEL_FILE}`, 'utf8')) as StoredModel;
  const gazetteer = new Gazetteer(JSON.parse(readFileSync(`${dir}/${GAZETTEER_FILE}`, 'utf8')) as GazetteerData);
  return new PerceptronRecognizer(expandModel(stored), gazetteer, options.decoder);
}
