/** wink-nlp's view of a sentence, as the tagger's hints (the same evidence the engine passes at run time). */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { winkHints } from '@nlp-api/english';
import { tokenizeDoc } from '../../src/nlp/tokenize.js';

const wink = winkNLP(model, ['sbd', 'pos']);

/** One hint per span of `text` (see winkHints). */
export function hintsFor(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string[] {
  const doc = wink.readDoc(text);
  return winkHints(spans, tokenizeDoc(doc, wink.its, text).tokens);
}
