import { z } from 'zod';

const offsets = {
  start: z.number().int().min(0).describe('Offset of the first UTF-16 code unit in the request text.'),
  end: z.number().int().min(0).describe('Offset one past the last UTF-16 code unit: text.slice(start, end) is the text.'),
};

export const Token = z
  .object({
    text: z.string(),
    tag: z.string().describe('Penn Treebank part-of-speech tag (NNP, VBZ, DT, ...).'),
    label: z.string().describe('IOB entity label: O, B-PERSON, I-PERSON, ...'),
    ...offsets,
    upos: z.string().optional().describe('Universal POS tag.'),
    lemma: z.string().optional(),
  })
  .meta({ id: 'Token' });

export const Entity = z
  .object({
    text: z.string(),
    label: z.string().describe('PERSON, ORGANIZATION, GPE, LOCATION, DATE, TIME, DURATION, MONEY, PERCENT, CARDINAL, ORDINAL, EMAIL, URL, HASHTAG, MENTION, EMOJI, EMOTICON.'),
    ...offsets,
  })
  .meta({ id: 'Entity' });

export const Sentence = z.object({ text: z.string(), ...offsets }).meta({ id: 'Sentence' });

export const Tokens = z.array(Token).meta({ id: 'Tokens' });
export const Entities = z.array(Entity).meta({ id: 'Entities' });
export const Sentences = z.array(Sentence).meta({ id: 'Sentences' });
