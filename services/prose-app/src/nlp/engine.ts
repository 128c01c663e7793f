import { LONGEST_TOKEN, loadPosTagger } from '@nlp-api/english';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { mergeEntities } from './entity-merge.js';
import { iobLabels } from './iob.js';
import { loadPerceptronRecognizer } from './ner/recognizer.js';
import { patternEntities } from './pattern-entities.js';
import { groupBySentence, sentenceSpans } from './sentences.js';
import { tagText } from './tag-text.js';
import { tokenizeDoc, winkSpansOf } from './tokenize.js';
import type { Entity, NlpEngine, Sentence, Token } from './types.js';

const isBlank = (text: string): boolean => text.trim().length === 0;

const LONG_RUN = new RegExp(`(\\S{${LONGEST_TOKEN}})(?=\\S)`, 'gu');

/**
 * wink-nlp's tokenizer takes time quadratic in the length of a token (100,000 letters without a
 * space: 7.7 s). Runs of more than LONGEST_TOKEN code points (the UD tokenizer's limit too) are cut
 * by a space in the copy wink reads; tokens are still located in the original text, so offsets are unchanged.
 */
export function breakLongRuns(text: string): string {
  return text.replace(LONG_RUN, '$1 ');
}

const NAME_LABEL = /^[BI]-(PERSON|ORGANIZATION|GPE|LOCATION)$/;
const CLOSED_CLASS = new Set(['ADP', 'DET', 'CCONJ', 'SCONJ', 'PART', 'PUNCT', 'PRON', 'AUX', 'NUM', 'SYM']);

/** A capitalized word inside a person/organisation/place name is a proper noun, whatever the tagger said ("Tim Cook"). */
function properNounsInNames(tags: string[], tokens: ReadonlyArray<{ text: string; upos: string }>, labels: readonly string[]): string[] {
  return tags.map((tag, i) => {
    const t = tokens[i] as { text: string; upos: string };
    if (tag.startsWith('NNP') || !NAME_LABEL.test(labels[i] ?? 'O') || CLOSED_CLASS.has(t.upos) || !/^\p{Lu}/u.test(t.text)) return tag;
    return 'NNP';
  });
}

/**
 * Loads wink-nlp with its English model, the POS tagger's and the entity recogniser's weights; every
 * call on the returned engine reuses them. `tokens()` cuts the text the UD English way
 * (@nlp-api/english's tokenizer) and tags it with its averaged perceptron (Penn tag, UPOS,
 * lemma; wink-nlp's UPOS as hints; chosen by measurement, see docs/tagger.md). Sentences come from
 * wink-nlp, entities from the trained recogniser (PERSON, ORGANIZATION, GPE, LOCATION; run sentence
 * by sentence on wink-nlp's tokens and UPOS) merged with wink-nlp's pattern entities (DATE, MONEY, URL, ...).
 */
export function loadNlpEngine(): NlpEngine {
  const wink = winkNLP(model, ['sbd', 'pos', 'ner']);
  // /sentences needs wink's sentence boundaries only: its POS and pattern passes are most of readDoc.
  const winkSentences = winkNLP(model, ['sbd']);
  const its = wink.its;
  const recogniser = loadPerceptronRecognizer();

  const posTagger = loadPosTagger();

  const analyse = (text: string) => {
    const doc = wink.readDoc(breakLongRuns(text));
    return { doc, ...tokenizeDoc(doc, its, text) };
  };

  const entitiesOf = (text: string, analysed: ReturnType<typeof analyse>): Entity[] => {
    const sentences = sentenceSpans(analysed.doc, its, analysed.winkSpans, text);
    const named = recogniser.recognise(groupBySentence(analysed.tokens, sentences));
    const patterns = patternEntities(analysed.doc, its, text, analysed.winkSpans, analysed.tokens);
    return mergeEntities(named, patterns).map(({ start, end, label }) => ({ text: text.slice(start, end), label, start, end }));
  };

  return {
    tokens(text: string): Token[] {
      if (isBlank(text)) return [];
      const analysed = analyse(text);
      const raw = tagText(posTagger, text, sentenceSpans(analysed.doc, its, analysed.winkSpans, text), analysed.tokens);
      const entities = entitiesOf(text, analysed);
      const labels = iobLabels(raw, entities);
      const tags = properNounsInNames(raw.map((t) => t.tag), raw, labels);
      return raw.map((t, i) => ({
        text: t.text,
        tag: tags[i] ?? t.tag,
        label: labels[i] ?? 'O',
        start: t.start,
        end: t.end,
        upos: t.upos,
        lemma: t.lemma,
      }));
    },
    sentences(text: string): Sentence[] {
      if (isBlank(text)) return [];
      const doc = winkSentences.readDoc(breakLongRuns(text));
      return sentenceSpans(doc, its, winkSpansOf(doc, its, text), text);
    },
    entities(text: string): Entity[] {
      if (isBlank(text)) return [];
      return entitiesOf(text, analyse(text));
    },
  };
}
