/**
 * The POS tagger: an averaged perceptron trained on UD English-EWT (+ GUM) predicting
 * a joint Penn/UPOS label per word ("VBP|AUX"), plus lemmas from suffix rules and an exception
 * lexicon. See docs/tagger.md for the measurements behind the choices.
 */
import { lemmatize } from './lemma.js';
import { loadModelFile, type PosModel } from './model-file.js';
import { RowTagger } from './row-tagger.js';

export interface TaggedWord {
  /** Penn Treebank tag (the XPOS column of UD English). */
  tag: string;
  /** Universal POS tag. */
  upos: string;
  lemma: string;
}

/** A word's span, and what another tagger (wink-nlp) said about the word starting there. */
export interface HintSource {
  start: number;
  end: number;
  upos: string;
  lemma: string;
  text: string;
}

export class PosTagger {
  readonly model: PosModel;
  private readonly labels: ReadonlyArray<readonly [string, string]>;
  private readonly rowTagger: RowTagger;

  constructor(model: PosModel) {
    this.model = model;
    this.rowTagger = new RowTagger(model);
    this.labels = model.perceptron.classes.map((c) => {
      const bar = c.indexOf('|');
      return bar < 0 ? [c, 'X'] : [c.slice(0, bar), c.slice(bar + 1)];
    });
  }

  /**
   * Tags the words of one sentence. `hints` (optional, one per word) is outside evidence for the
   * `h*` features, see `winkHints`; the shipped model was trained with them.
   */
  tag(forms: readonly string[], hints?: readonly string[]): TaggedWord[] {
    return this.rowTagger.classes(forms, hints).map((c, i) => {
      const [tag, upos] = this.labels[c] as readonly [string, string];
      return { tag, upos, lemma: lemmatize(forms[i] as string, tag, this.model.lemmaExceptions, this.model.lemmaVocabulary) };
    });
  }
}

/** Loads the model file once (see model-file.ts for the path) and returns a tagger over it. */
export function loadPosTagger(path?: string | URL): PosTagger {
  return new PosTagger(path === undefined ? loadModelFile() : loadModelFile(path));
}

/**
 * One hint per word from wink-nlp's tokens: wink's UPOS of the token starting where the word starts
 * ("~" in front when wink's token is longer or shorter), "+" behind when wink's lemma differs from
 * the form (an inflected word), "?" when no wink token starts there. Both lists are sorted by start.
 */
export function winkHints(words: ReadonlyArray<{ start: number; end: number }>, wink: readonly HintSource[]): string[] {
  const hints: string[] = [];
  let k = 0;
  for (const w of words) {
    while (k < wink.length && (wink[k] as HintSource).start < w.start) k++;
    const t = wink[k];
    if (t === undefined || t.start !== w.start) {
      hints.push('?');
      continue;
    }
    const inflected = t.lemma.toLowerCase() !== t.text.toLowerCase() ? '+' : '';
    hints.push(`${t.end === w.end ? '' : '~'}${t.upos}${inflected}`);
  }
  return hints;
}
