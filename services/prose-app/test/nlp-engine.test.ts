import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNlpEngine, type NlpEngine } from '../src/nlp/index.js';

let engine: NlpEngine;

beforeAll(() => {
  engine = loadNlpEngine();
});

const TRICKY = [
  'Family 👨‍👩‍👧‍👦 and thumbs 👍🏽, flag 🇺🇸, heart ❤️ and grin 😀😀 in one line.',
  "I can't go.\nYou won't either;\tI'm sure we're    fine, aren't we? Cannot. Gonna wanna gotta.",
  'Mail jane.doe+news@example.co.uk or visit https://example.com/a/b?x=1&y=2#frag and www.example.org now.',
  'Tags #NLProc and @someone at 5:30pm on 12th March 2024 :) :-( ',
  'Café naïve résumé in São Paulo, Zürich and Kraków — “quoted” ‘text’… done!!! Really?!',
  '\n\n  Leading and trailing whitespace\r\n\twith CRLF.  \n',
  'Dr. Smith met U.S. officials; e.g. the 1990s, £20, 3.5% and x̃ (combining).\u200b Zero\u00a0width.',
];

describe('offsets', () => {
  it('every token, sentence and entity slices back to its own text on tricky inputs', () => {
    for (const text of TRICKY) {
      for (const item of [...engine.tokens(text), ...engine.sentences(text), ...engine.entities(text)]) {
        expect(text.slice(item.start, item.end), JSON.stringify(item)).toBe(item.text);
      }
    }
  });

  it('keeps the slice invariant on pseudo-random mixtures of awkward pieces', () => {
    const pieces = ['👩‍👩‍👧', '😀', "can't", "I'm", 'É', 'naïve', 'https://x.io/a?b=1.', 'a@b.co', '#tag', '@me', ':)', '...', '!!', '$5', '20%', '3rd', 'Paris', 'Obama', '\u200d', '—', '"', "'", '(', 'x̃'];
    const separators = [' ', '', '\n', '\t', '  ', '\r\n', '\u00a0'];
    let seed = 42;
    const pick = <T>(xs: T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return xs[seed % xs.length]!;
    };
    for (let round = 0; round < 40; round++) {
      let text = '';
      for (let k = 0; k < 25; k++) text += pick(pieces) + pick(separators);
      const items = [...engine.tokens(text), ...engine.sentences(text), ...engine.entities(text)];
      for (const item of items) expect(text.slice(item.start, item.end), JSON.stringify({ text, item })).toBe(item.text);
    }
  });

  it('tokens are in text order, non-empty and never overlap', () => {
    for (const text of TRICKY) {
      const tokens = engine.tokens(text);
      expect(tokens.length).toBeGreaterThan(0);
      for (let i = 0; i < tokens.length; i++) {
        expect(tokens[i]!.end).toBeGreaterThan(tokens[i]!.start);
        if (i > 0) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
      }
    }
  });

  it('keeps emoji ZWJ sequences, skin tones and flags whole, with UTF-16 offsets', () => {
    const text = TRICKY[0]!;
    const texts = engine.tokens(text).map((t) => t.text);
    expect(texts).toContain('👨‍👩‍👧‍👦');
    expect(texts).toContain('👍🏽');
    expect(texts).toContain('🇺🇸');
    const family = engine.tokens(text).find((t) => t.text === '👨‍👩‍👧‍👦')!;
    expect(family.start).toBe(text.indexOf('👨‍👩‍👧‍👦'));
    expect(family.end - family.start).toBe('👨‍👩‍👧‍👦'.length);
  });

  it('splits contractions the Penn way', () => {
    const texts = engine.tokens("I can't go, I'm sure you're right. Cannot.").map((t) => t.text);
    expect(texts).toEqual(['I', 'ca', "n't", 'go', ',', 'I', "'m", 'sure', 'you', "'re", 'right', '.', 'Can', 'not', '.']);
  });

  it('keeps URLs, emails and hashtags as single tokens', () => {
    const texts = engine.tokens(TRICKY[2]!).map((t) => t.text);
    expect(texts).toContain('jane.doe+news@example.co.uk');
    expect(texts).toContain('https://example.com/a/b?x=1&y=2#frag');
    expect(engine.tokens('love #NLProc').map((t) => t.text)).toEqual(['love', '#NLProc']);
    expect(engine.tokens('See https://example.com/a.').map((t) => t.text)).toEqual(['See', 'https://example.com/a', '.']);
  });
});

describe('Penn tags', () => {
  const tags = (text: string): string[] => engine.tokens(text).map((t) => t.tag);

  it('tags simple sentences', () => {
    expect(tags('The cat sat on the mat.')).toEqual(['DT', 'NN', 'VBD', 'IN', 'DT', 'NN', '.']);
    expect(tags('She is reading two books.')).toEqual(['PRP', 'VBZ', 'VBG', 'CD', 'NNS', '.']);
    expect(tags('I have eaten the apples.')).toEqual(['PRP', 'VBP', 'VBN', 'DT', 'NNS', '.']);
    expect(tags('They want to buy a house.')).toEqual(['PRP', 'VBP', 'TO', 'VB', 'DT', 'NN', '.']);
    expect(tags("I can't swim.")).toEqual(['PRP', 'MD', 'RB', 'VB', '.']);
  });

  it('gives lemma and UPOS alongside the Penn tag', () => {
    const [the, cats] = engine.tokens('The cats');
    expect(the).toMatchObject({ text: 'The', tag: 'DT', upos: 'DET' });
    expect(cats).toMatchObject({ text: 'cats', tag: 'NNS', upos: 'NOUN', lemma: 'cat' });
  });
});

describe('IOB labels', () => {
  it('labels continuation tokens of a multi-token entity with I-', () => {
    expect(engine.tokens('Barack Obama visited Paris.').map((t) => t.label)).toEqual(['B-PERSON', 'I-PERSON', 'O', 'B-GPE', 'O']);
  });

  it('labels pattern entities too', () => {
    const labels = engine.tokens('It costs $45.50 each.').map((t) => `${t.text}:${t.label}`);
    expect(labels).toEqual(['It:O', 'costs:O', '$:B-MONEY', '45.50:I-MONEY', 'each:O', '.:O']);
  });
});

describe('entities', () => {
  const MIXED =
    'Angela Merkel met Tim Cook of Microsoft in Berlin, Germany on March 5, 2024. ' +
    'The deal was worth $5 million, 20% more than planned; write to press@example.com or see https://example.com/deal.';

  it('finds people, a country, a city, an organisation, a date, money, a percentage, an email and a URL', () => {
    const found = engine.entities(MIXED).map((e) => `${e.label}:${e.text}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'PERSON:Angela Merkel',
        'PERSON:Tim Cook',
        'ORGANIZATION:Microsoft',
        'GPE:Berlin',
        'GPE:Germany',
        'DATE:March 5, 2024',
        'MONEY:$5 million',
        'PERCENT:20%',
        'EMAIL:press@example.com',
        'URL:https://example.com/deal',
      ]),
    );
  });

  it('calls places that are not political entities LOCATION', () => {
    const found = engine.entities('We hiked the Rocky Mountains and sailed the Pacific Ocean.').map((e) => `${e.label}:${e.text}`);
    expect(found).toEqual(['LOCATION:Rocky Mountains', 'LOCATION:Pacific Ocean']);
  });

  it('leaves titles out of person names', () => {
    const people = engine.entities('Mr. Smith met Dr. Jane Doe.').filter((e) => e.label === 'PERSON');
    expect(people.map((e) => e.text)).toEqual(['Smith', 'Jane Doe']);
  });

  it('reports hashtags, mentions, emoji and emoticons with their own labels', () => {
    const found = engine.entities('Thanks @tim for #NLProc 👍🏽 :)').map((e) => `${e.label}:${e.text}`);
    expect(found).toEqual(['MENTION:@tim', 'HASHTAG:#NLProc', 'EMOJI:👍🏽', 'EMOTICON::)']);
  });

  it('never returns overlapping spans on a longer paragraph', () => {
    const paragraph = [
      'On Monday, 3rd June 2024, President Joe Biden flew from Washington to Paris, France, for talks with Emmanuel Macron.',
      'The European Union and the United Nations said 1,200 delegates from New York City, London and Tokyo would attend.',
      'Shares of Apple Inc. rose 4.5% to $189.30 at 10:30 am, while Goldman Sachs cut its forecast by 15 percent.',
      "Contact @whitehouse, #G7Summit, info@un.org or https://www.un.org/en/ for details — we'll update you by 5 pm.",
      'Mount Everest, the Amazon River and the Sahara Desert were mentioned by Dr. Jane Goodall of Oxford University.',
    ].join(' ');
    const entities = engine.entities(paragraph);
    expect(entities.length).toBeGreaterThan(15);
    for (let i = 0; i < entities.length; i++) {
      const e = entities[i]!;
      expect(paragraph.slice(e.start, e.end)).toBe(e.text);
      if (i > 0) expect(e.start).toBeGreaterThanOrEqual(entities[i - 1]!.end);
    }
  });
});

describe('sentences', () => {
  it('returns sentences with offsets into the original text', () => {
    const text = 'Hello there.  How are you?\n\nI am fine! Thanks.';
    const sentences = engine.sentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['Hello there.', 'How are you?', 'I am fine!', 'Thanks.']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences[1]).toEqual({ text: 'How are you?', start: 14, end: 26 });
  });
});

describe('empty input', () => {
  it.each(['', ' ', '\n\t  \r\n'])('returns [] from every function for %j', (text) => {
    expect(engine.tokens(text)).toEqual([]);
    expect(engine.sentences(text)).toEqual([]);
    expect(engine.entities(text)).toEqual([]);
  });
});

describe('size', () => {
  // Speed is measured by the benchmarks, never asserted here: this checks that big inputs
  // come back complete and correct. Bounded work per chunk is covered by nlp-compromise-chunks.
  it('tokenises a 100 KB text completely, every offset slicing the text', () => {
    const unit = 'Angela Merkel visited Paris on 5 May 2024 and paid $20 for coffee at https://cafe.example.com :) ';
    const big = unit.repeat(Math.ceil(100_000 / unit.length));
    const perUnit = engine.tokens(unit).length;
    const tokens = engine.tokens(big);
    expect(tokens).toHaveLength(perUnit * Math.ceil(100_000 / unit.length));
    for (const token of tokens) expect(big.slice(token.start, token.end)).toBe(token.text);
  });

  it('cuts a run of more than 256 characters without white space into tokens of at most 256', () => {
    const text = `${'abcdefghij'.repeat(100)} end`;
    const tokens = engine.tokens(text);
    expect(tokens.map((t) => [t.start, t.end])).toEqual([[0, 256], [256, 512], [512, 768], [768, 1000], [1001, 1004]]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('tokenises 100 KB without any sentence break', () => {
    const text = 'they go and '.repeat(8500);
    const tokens = engine.tokens(text);
    expect(tokens).toHaveLength(3 * 8500);
    expect(tokens.at(-1)).toMatchObject({ text: 'and', end: text.length - 1 });
  });
});

describe('sentence boundaries without the POS and pattern passes', () => {
  // sentences() reads texts with a wink pipeline of sentence detection only; it relies on the full
  // pipeline finding the same boundaries and tokens (checked on all 947 EWT and GUM train/dev documents).
  const full = winkNLP(winkModel, ['sbd', 'pos', 'ner']);
  const sbdOnly = winkNLP(winkModel, ['sbd']);
  const its = full.its;
  it.each([
    'Dr. Smith went to Washington D.C. on Jan. 5th. He said "Hi!" then left...',
    'e.g. this; i.e. that. U.S.A. is big. Mr. and Mrs. Jones live at 5 St. James St. They moved in 2019.',
    '😀 Hi. 👋🏽 Bye!!! What?! Ok.',
    '\n\nTitle\n\nParagraph one. Paragraph two?\n- item 1\n- item 2',
    'no punctuation at all',
  ])('%j', (text) => {
    const read = (nlp: typeof full) => {
      const doc = nlp.readDoc(text);
      return [doc.sentences().out(its.span), doc.tokens().out(its.value), doc.tokens().out(its.precedingSpaces)];
    };
    expect(read(sbdOnly)).toEqual(read(full));
  });
});
