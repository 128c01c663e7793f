import { describe, expect, it } from 'vitest';
import { LONGEST_TOKEN, udTokenize } from '../src/index.js';

const texts = (text: string): string[] => udTokenize(text).map((t) => t.text);

describe('UD tokenizer: clitics', () => {
  it('splits contractions and possessives the EWT way', () => {
    expect(texts("I don't know, can't you? It's Bush's dog; they're fine, we'll see, I've won, I'm in, you'd go.")).toEqual([
      'I', 'do', "n't", 'know', ',', 'ca', "n't", 'you', '?', 'It', "'s", 'Bush', "'s", 'dog', ';', 'they', "'re", 'fine', ',',
      'we', "'ll", 'see', ',', 'I', "'ve", 'won', ',', 'I', "'m", 'in', ',', 'you', "'d", 'go', '.',
    ]);
    expect(texts("won't ain't Don’t parents' house")).toEqual(['wo', "n't", 'ai', "n't", 'Do', 'n’t', 'parents', "'", 'house']);
  });

  it('splits apostrophe-less contractions and gonna/wanna/cannot as EWT does', () => {
    expect(texts('Dont be sad, im ok, gonna wanna gotta, cannot.')).toEqual([
      'Do', 'nt', 'be', 'sad', ',', 'i', 'm', 'ok', ',', 'gon', 'na', 'wan', 'na', 'got', 'ta', ',', 'can', 'not', '.',
    ]);
  });

  it('keeps words with an inner apostrophe and decades whole', () => {
    expect(texts("O'Brien at 5 o'clock in the '90s and 1990's")).toEqual(["O'Brien", 'at', '5', "o'clock", 'in', 'the', "'90s", 'and', "1990's"]);
  });
});

describe('UD tokenizer: things that stay whole', () => {
  it('keeps URLs and e-mail addresses whole, without trailing sentence punctuation', () => {
    expect(texts('Visit https://example.com/a?b=1&c=2. or www.example.org, mail jane.doe+x@mail.example.co.uk!')).toEqual([
      'Visit', 'https://example.com/a?b=1&c=2', '.', 'or', 'www.example.org', ',', 'mail', 'jane.doe+x@mail.example.co.uk', '!',
    ]);
    expect(texts('(see <kim@example.org>)')).toEqual(['(', 'see', '<', 'kim@example.org', '>', ')']);
  });

  it('keeps numbers, dates, times and phone numbers whole; splits currency, percent and units', () => {
    expect(texts('Pi is 3.14 and 1,000 people paid $5.50 at 10:30 on 11/28/2000 (call 713-853-3989), 20% at 5pm or 7:30PM.')).toEqual([
      'Pi', 'is', '3.14', 'and', '1,000', 'people', 'paid', '$', '5.50', 'at', '10:30', 'on', '11/28/2000', '(', 'call', '713-853-3989',
      ')', ',', '20', '%', 'at', '5', 'pm', 'or', '7:30', 'PM', '.',
    ]);
    expect(texts('the 2nd of 3 and pages 5-10')).toEqual(['the', '2nd', 'of', '3', 'and', 'pages', '5', '-', '10']);
  });

  it('keeps abbreviations with their period, but a sentence-final one gives it up', () => {
    expect(texts('Mr. Smith met Dr. Jones in the U.S. e.g. at noon, etc.')).toEqual([
      'Mr.', 'Smith', 'met', 'Dr.', 'Jones', 'in', 'the', 'U.S.', 'e.g.', 'at', 'noon', ',', 'etc', '.',
    ]);
    expect(texts('Apples, pears etc. are fruit.')).toEqual(['Apples', ',', 'pears', 'etc.', 'are', 'fruit', '.']);
    expect(texts('George W. Bush')).toEqual(['George', 'W.', 'Bush']);
  });

  it('keeps emoticons, hashtags and mentions whole, also glued to a word', () => {
    expect(texts('Great :) and sad :-( and ;) and <3 great:)')).toEqual(['Great', ':)', 'and', 'sad', ':-(', 'and', ';)', 'and', '<3', 'great', ':)']);
    expect(texts('#NLProc and @someone')).toEqual(['#NLProc', 'and', '@someone']);
  });

  it('keeps runs of punctuation together', () => {
    expect(texts('Wait... what?! No!!! -- fine')).toEqual(['Wait', '...', 'what', '?!', 'No', '!!!', '--', 'fine']);
  });
});

describe('UD tokenizer: hyphens', () => {
  it('splits hyphenated compounds with HYPH tokens, except after prefixes EWT keeps glued', () => {
    expect(texts('A 15-year-old well-known e-mail from co-workers; state-of-the-art.')).toEqual([
      'A', '15', '-', 'year', '-', 'old', 'well', '-', 'known', 'e-mail', 'from', 'co-workers', ';', 'state', '-', 'of', '-', 'the', '-', 'art', '.',
    ]);
  });
});

describe('UD tokenizer: offsets', () => {
  it('gives UTF-16 offsets that slice the text, across emoji, newlines and tabs', () => {
    const text = 'Family 👨‍👩‍👧‍👦 and 👍🏽 flags 🇺🇸x\nline two\r\n\ttabbed “curly” naïve x̃';
    const tokens = udTokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual(['Family', '👨‍👩‍👧‍👦', 'and', '👍🏽', 'flags', '🇺🇸', 'x', 'line', 'two', 'tabbed', '“', 'curly', '”', 'naïve', 'x̃']);
    expect(tokens[1]).toMatchObject({ start: 7, end: 7 + '👨‍👩‍👧‍👦'.length, kind: 'emoji' });
  });

  it('never glues a lone surrogate to the white space after it', () => {
    expect(udTokenize('\ud800 a \udc00').map((t) => [t.start, t.end])).toEqual([[0, 1], [2, 3], [4, 5]]);
  });

  it('treats zero-width spaces and non-breaking spaces as separators', () => {
    expect(texts('one\u200btwo\u00a0three')).toEqual(['one', 'two', 'three']);
  });

  it('cuts runs without white space at LONGEST_TOKEN code points, like the wink-nlp input was', () => {
    const text = `${'abcdefghij'.repeat(100)} end`;
    expect(udTokenize(text).map((t) => [t.start, t.end])).toEqual([[0, 256], [256, 512], [512, 768], [768, 1000], [1001, 1004]]);
    expect(LONGEST_TOKEN).toBe(256);
  });

  it('labels token kinds', () => {
    const kinds = Object.fromEntries(udTokenize('see https://x.org a@b.co :) 3.5 #tag @me 👍 word ,').map((t) => [t.text, t.kind]));
    expect(kinds).toEqual({
      see: 'word', 'https://x.org': 'url', 'a@b.co': 'email', ':)': 'emoticon', '3.5': 'number', '#tag': 'hashtag', '@me': 'mention', '👍': 'emoji', word: 'word', ',': 'punct',
    });
  });

  it('stays linear on adversarial inputs without white space', () => {
    for (const piece of ['([', 'a-', "'s", '.a', ':)', 'a@b.', '😀a', "a'"]) {
      const text = piece.repeat(20_000);
      const tokens = udTokenize(text);
      expect(tokens.length).toBeGreaterThan(0);
      let ordered = true;
      for (let i = 1; i < tokens.length; i++) if (tokens[i]!.start < tokens[i - 1]!.end) ordered = false;
      expect(ordered).toBe(true);
    }
  });
});
