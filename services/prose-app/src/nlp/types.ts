export interface Token {
  text: string;
  /** Penn Treebank tag. */
  tag: string;
  /** IOB entity label: O, B-PERSON, I-PERSON, ... */
  label: string;
  start: number;
  end: number;
  /** Universal POS tag from wink-nlp. */
  upos?: string;
  lemma?: string;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

export interface Entity {
  text: string;
  label: string;
  start: number;
  end: number;
}

export interface NlpEngine {
  tokens(text: string): Token[];
  sentences(text: string): Sentence[];
  entities(text: string): Entity[];
}
