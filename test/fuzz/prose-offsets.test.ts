/**
 * Property 3: for any text, the offsets prose-app returns slice the text the client sent.
 * Bodies are JSON.stringify'd, which escapes lone surrogates (\ud800), so the server receives them
 * exactly; the answers come back the same way.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acceptedText, assertProperty, emoji, englishish, loneSurrogate, piece, zeroWidth, combiningStack } from './support/arbitraries.js';
import { closeClient, send, type Listening } from './support/http.js';
import { describeResponse } from './support/model.js';
import { AUTH, expectProseStillServes, startProse } from './support/services.js';
import {
  expectEntitiesWellFormed,
  expectIobMatchesEntities,
  expectSentencesWellFormed,
  expectTokensWellFormed,
} from './support/spans.js';

/** Room for texts that cross compromise's 2,000-character chunks more than once. */
const MAX_TEXT_BYTES = 24_000;

async function analyse(base: URL, text: string): Promise<{ tokens: unknown; entities: unknown; sentences: unknown }> {
  const body = JSON.stringify({ text });
  const answer = async (path: string): Promise<unknown> => {
    const res = await send(base, { method: 'POST', path, headers: { ...AUTH, 'content-type': 'application/json' }, body });
    expect(res.status, `${path} ${JSON.stringify(text).slice(0, 300)} -> ${describeResponse(res)}`).toBe(200);
    return JSON.parse(res.text);
  };
  return { tokens: await answer('/tokens'), entities: await answer('/entities'), sentences: await answer('/sentences') };
}

async function expectOffsetsSliceText(base: URL, text: string): Promise<void> {
  const { tokens, entities, sentences } = await analyse(base, text);
  expectTokensWellFormed(text, tokens);
  expectEntitiesWellFormed(text, entities);
  expectSentencesWellFormed(text, sentences);
  expectIobMatchesEntities(text, tokens, entities);
}

/** Text made mostly of the pieces that break UTF-16 arithmetic: surrogates, astral emoji, joiners, marks. */
const surrogateHeavyText = fc
  .array(fc.oneof(loneSurrogate, emoji, zeroWidth, combiningStack, englishish, fc.constantFrom(' ', '. ', '\n', '')), { maxLength: 40 })
  .map((parts) => parts.join(''));

/**
 * One run-on "sentence" longer than compromise's 2,000-character chunk, so the text is cut inside it:
 * filler (with or without spaces) up to near the cut, then emoji, surrogates and names across it.
 */
const textAcrossChunks = fc
  .tuple(
    fc.integer({ min: 1_980, max: 2_010 }),
    fc.constantFrom('x', 'ab ', 'Paris ', '😀', 'é'),
    fc.array(fc.oneof(emoji, loneSurrogate, piece), { minLength: 5, maxLength: 40 }),
    fc.integer({ min: 1, max: 3 }),
  )
  .map(([length, filler, tail, repeat]) => {
    const head = filler.repeat(Math.ceil(length / filler.length)).slice(0, length);
    return (head + tail.join('')).repeat(repeat);
  })
  .filter((text) => Buffer.byteLength(text, 'utf8') <= MAX_TEXT_BYTES);

describe('prose-app offsets', () => {
  let prose: Listening;
  beforeAll(async () => {
    prose = await startProse(MAX_TEXT_BYTES);
  });
  afterAll(async () => {
    await prose.close();
    closeClient();
  });
  afterEach(async () => {
    await expectProseStillServes(prose.url);
  });

  it('slices the request text with every token, entity and sentence, in order and without overlap, and labels tokens by the entities', async () => {
    await assertProperty(
      fc.asyncProperty(acceptedText(MAX_TEXT_BYTES), async (text) => {
        await expectOffsetsSliceText(prose.url, text);
      }),
      60,
    );
  });

  it('keeps offsets in UTF-16 code units around lone surrogates, astral emoji, joiners and combining marks', async () => {
    await assertProperty(
      fc.asyncProperty(surrogateHeavyText, async (text) => {
        await expectOffsetsSliceText(prose.url, text);
      }),
      60,
    );
  });

  it('keeps offsets right in texts longer than one compromise chunk, cut inside a word or a surrogate pair', async () => {
    await assertProperty(
      fc.asyncProperty(textAcrossChunks, async (text) => {
        await expectOffsetsSliceText(prose.url, text);
      }),
      6,
    );
  });
});
