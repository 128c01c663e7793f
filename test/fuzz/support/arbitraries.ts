/**
 * fast-check generators for the HTTP fuzz tests: adversarial unicode text, request bodies, header
 * values Node's HTTP client will send, methods and paths.
 *
 * Reproducibility: every property runs with FUZZ_SEED (fixed by default, so CI is deterministic);
 * fast-check prints the seed and the shrunk counterexample on failure. FUZZ_SEED=<n> replays or
 * explores another seed, FUZZ_RUNS=<factor> scales every property's run count (e.g. 10 for a long hunt).
 */
import fc from 'fast-check';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_250_611);
const RUNS_FACTOR = Number(process.env.FUZZ_RUNS ?? 1);

/** fc.assert with the suite's seed and a run count scaled by FUZZ_RUNS. */
export function assertProperty<Ts extends [unknown, ...unknown[]]>(property: fc.IAsyncProperty<Ts>, numRuns: number): Promise<void> {
  return fc.assert(property, { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(numRuns * RUNS_FACTOR)) });
}

/** One code point in [min, max]; in the surrogate range that is a lone surrogate. */
export const codePoint = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

const join = (parts: readonly string[]): string => parts.join('');

// ---------------------------------------------------------------- unicode pieces

export const loneSurrogate = fc.oneof(codePoint(0xd800, 0xdbff), codePoint(0xdc00, 0xdfff));

/** LRM, RLM, ALM, the embeddings/overrides and the isolates. */
export const bidiControl = fc.constantFrom('\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069');

export const rtlText = fc.oneof(
  fc.string({ unit: codePoint(0x05d0, 0x05ea), minLength: 1, maxLength: 10 }),
  fc.string({ unit: codePoint(0x0621, 0x064a), minLength: 1, maxLength: 10 }),
  fc.constantFrom('שלום עולם', 'مرحبا بالعالم', 'עברית 123 English', 'العربية', '\u202eevil.exe\u202c', '\u2067שלום\u2069 world'),
);

/** A base (or none) carrying a stack of combining marks: Zalgo text. */
export const combiningStack = fc
  .tuple(
    fc.constantFrom('a', 'E', 'z', '1', 'ا', 'ש', '😀', ' ', '.', ''),
    fc.array(fc.oneof(codePoint(0x0300, 0x036f), codePoint(0x1ab0, 0x1aff), codePoint(0x20d0, 0x20ff), codePoint(0x0591, 0x05c7)), {
      minLength: 1,
      maxLength: 60,
    }),
  )
  .map(([base, marks]) => base + join(marks));

const emojiBase = fc.oneof(
  codePoint(0x1f600, 0x1f64f),
  codePoint(0x1f300, 0x1f5ff),
  codePoint(0x1f900, 0x1f9ff),
  fc.constantFrom('❤', '☺', '✌', '👍', '👋', '🧑', '👩', '👨', '👧', '🏳', '🏴', '©', '™'),
);
const skinTone = codePoint(0x1f3fb, 0x1f3ff);
const variation = fc.constantFrom('', '\ufe0f', '\ufe0e');

export const emoji = fc.oneof(
  emojiBase,
  fc.tuple(emojiBase, skinTone).map(join),
  // ZWJ sequences, well-formed or not
  fc.array(fc.tuple(emojiBase, fc.option(skinTone, { nil: '' }), variation).map(join), { minLength: 2, maxLength: 7 }).map((xs) => xs.join('\u200d')),
  // regional indicators: flags, and odd counts that pair up wrongly
  fc.array(codePoint(0x1f1e6, 0x1f1ff), { minLength: 1, maxLength: 7 }).map(join),
  // keycaps
  fc.tuple(fc.constantFrom('0', '5', '#', '*'), fc.constantFrom('\u20e3', '\ufe0f\u20e3')).map(join),
  // tag sequences (subdivision flags), well-formed or without their cancel tag
  fc.tuple(fc.string({ unit: codePoint(0xe0020, 0xe007e), maxLength: 8 }), fc.constantFrom('\u{e007f}', '')).map(([tags, end]) => `\u{1f3f4}${tags}${end}`),
  // dangling joiners and selectors
  fc.array(fc.constantFrom('\u200d', '\ufe0f', '\ufe0e', '\u20e3'), { minLength: 1, maxLength: 4 }).map(join),
  fc.constantFrom('🇺🇸', '🇫🇷', '🏳️‍🌈', '🏴‍☠️', '👨‍👩‍👧‍👦', '👩🏽‍💻', '🧑🏿‍🤝‍🧑🏻', '❤️‍🔥', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '👍🏽', '😀😀'),
);

/** C0 controls including NUL, DEL and the C1 controls. */
export const controlChar = fc.oneof(codePoint(0x00, 0x1f), fc.constant('\u007f'), codePoint(0x80, 0x9f));

export const zeroWidth = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u034f', '\u2061', '\u2063');

/** Every character String.prototype.trim removes: ASCII and unicode spaces, line and paragraph separators, BOM. */
export const WHITESPACE_CHARS = [
  ' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
  '\u2007', '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff',
] as const;
export const whitespaceChar = fc.constantFrom(...WHITESPACE_CHARS);
export const whitespaceOnly = fc.string({ unit: whitespaceChar, maxLength: 60 });

const scriptWord = (min: number, max: number): fc.Arbitrary<string> => fc.string({ unit: codePoint(min, max), minLength: 1, maxLength: 12 });

export const mixedScripts = fc.oneof(
  scriptWord(0x61, 0x7a),
  scriptWord(0x41, 0x5a),
  scriptWord(0x0410, 0x044f), // Cyrillic
  scriptWord(0x03b1, 0x03c9), // Greek
  scriptWord(0x4e00, 0x9fff), // CJK
  scriptWord(0x3041, 0x3096), // Hiragana
  scriptWord(0xac00, 0xd7a3), // Hangul
  scriptWord(0x0905, 0x0939), // Devanagari
  scriptWord(0x0e01, 0x0e2e), // Thai
  scriptWord(0x1d400, 0x1d6a5), // mathematical alphanumerics (astral letters)
  fc.constantFrom('раураl', 'Рaris', 'Ωmega', 'naïve', 'Straße', 'İstanbul', 'ǅemal', 'ﬁnance', 'Ⅻ', '①②', '٣٤٥', '१२३', 'ΑΒΓ-δ', 'x̃'),
);

/** Words and forms that exercise the tokenizer, the tagger and both entity sources. */
export const englishish = fc.constantFrom(
  'The', 'Internet', 'is', 'the', 'of', 'and', 'Barack', 'Obama', 'visited', 'Paris', '.', ',', 'Angela', 'Merkel', 'met', 'Apple',
  'in', 'Berlin', 'on', '3 May 2019', 'It', 'cost', '$5 million', '20%', '3rd', '5:30pm', '12:00 a.m.', 'https://example.com/a/b?x=1&y=2#frag.',
  'www.example.org', 'jane.doe+news@example.co.uk', '#NLProc', '@someone', ':)', ':-(', '<3', 'Dr.', 'Mr.', 'U.S.', "can't", "I'm",
  "won't", 'Cannot', 'gonna', 'wanna', 'gotta', '...', '!!', '?!', '—', '–', '"', '“', '”', "'", '‘', '’', '(', ')', '[', ']', '{', '}',
  '<<', '==', 'Tim Cook’s', "Tim Cook's", 'New York City', 'São Paulo', 'Zürich', 'Kraków', 'Mt. Everest', 'Europe', 'the Middle East',
  '1990s', '£20', '€3,50', '¥100', '3.5%', '1,000,000', '1st', 'twenty-one', 'state-of-the-art', 'I.B.M.', 'e.g.', 'N.Y.', 'a.m.',
  'Microsoft Corp.', 'Mr. Smith', 'March', '12th March 2024', 'yesterday', 'two hours', '\\', '/', '&', '*', '~', '`', '|', '^',
);

/** A very long word (or a long run of one unit). */
export const longRun = fc
  .tuple(fc.constantFrom('a', 'xyz', 'é', 'e\u0301', '😀', '-', "'", 'ש', '\u200d', '1', '.', '!'), fc.integer({ min: 20, max: 700 }))
  .map(([unit, count]) => unit.repeat(count));

/** Strings of any UTF-16 code units, lone surrogates included. */
export const anyCodeUnits = fc.string({ unit: codePoint(0, 0xffff), maxLength: 20 });

export const piece = fc.oneof(
  { arbitrary: englishish, weight: 8 },
  { arbitrary: mixedScripts, weight: 2 },
  { arbitrary: emoji, weight: 2 },
  { arbitrary: rtlText, weight: 1 },
  { arbitrary: bidiControl, weight: 1 },
  { arbitrary: combiningStack, weight: 1 },
  { arbitrary: controlChar, weight: 1 },
  { arbitrary: zeroWidth, weight: 1 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: whitespaceChar, weight: 1 },
  { arbitrary: anyCodeUnits, weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }), weight: 1 },
  { arbitrary: longRun, weight: 1 },
);

const separator = fc.oneof(
  { arbitrary: fc.constant(' '), weight: 6 },
  { arbitrary: fc.constantFrom('', '\n', '\n\n', '\r\n', '\t', '  ', '. ', ', ', '! ', '? '), weight: 3 },
  { arbitrary: whitespaceChar, weight: 1 },
);

/** Adversarial text: pieces of every kind above, glued with ordinary and odd separators. */
export const adversarialText = (maxPieces = 30): fc.Arbitrary<string> =>
  fc.array(fc.tuple(piece, separator), { maxLength: maxPieces }).map((parts) => parts.map(([p, s]) => p + s).join(''));

/** Adversarial text no larger than `maxTextBytes` of UTF-8, for properties about accepted text. */
export const acceptedText = (maxTextBytes: number, maxPieces = 30): fc.Arbitrary<string> =>
  adversarialText(maxPieces).filter((text) => Buffer.byteLength(text, 'utf8') <= maxTextBytes);

/** A text whose UTF-8 size lands within a few bytes of `limit`, either side. */
export const textNearByteLimit = (limit: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom('a', ' ', 'é', '€', '😀', '\ud800', '\u0000', 'x\u0301'), fc.integer({ min: -6, max: 6 }))
    .map(([unit, delta]) => unit.repeat(Math.max(0, Math.floor((limit + delta) / Buffer.byteLength(unit, 'utf8')))));

// ---------------------------------------------------------------- request bodies

const optionValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -3, max: 10_003 }),
  fc.constantFrom(0, -0, 1, 2, 100, 101, 10_000, 10_001, 1e21, 1.5, 2.0000000000000004, Number.MAX_SAFE_INTEGER, 1e-7, -1),
  fc.double(),
  fc.string({ maxLength: 5 }),
  fc.boolean(),
  fc.jsonValue({ maxDepth: 1 }),
);

/** `{text, limit?, maxWords?, minScore?}` with option values of any type and range. */
export const keywordsRequest = fc.record(
  { text: adversarialText(12), limit: optionValue, maxWords: optionValue, minScore: optionValue },
  { requiredKeys: ['text'] },
);

/** `{text, limit?, maxWords?, minScore?}` with options in their documented ranges (null means unset), text within `maxTextBytes`. */
export const validKeywordsRequest = (maxTextBytes: number) => fc.record(
  {
    text: adversarialText(20),
    limit: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 12 }), fc.constant(10_000)),
    maxWords: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 4 }), fc.constant(100)),
    minScore: fc.oneof(fc.constant(null), fc.double({ min: -10, max: 30, noNaN: true }), fc.constantFrom(-Number.MAX_VALUE, Number.MAX_VALUE, 0, -0, 1)),
  },
  { requiredKeys: ['text'] },
).filter((fields) => Buffer.byteLength(fields.text, 'utf8') <= maxTextBytes);

const jsonish = (value: unknown): string => JSON.stringify(value) ?? '';

/** Counterexamples show a body as its text (UTF-8 when that is lossless, else latin1), not as a list of bytes. */
export function readableBytes(bytes: Buffer): Buffer {
  const utf8 = bytes.toString('utf8');
  const shown = Buffer.from(utf8, 'utf8').equals(bytes)
    ? `Buffer.from(${JSON.stringify(utf8)})`
    : `Buffer.from(${JSON.stringify(bytes.toString('latin1'))}, 'latin1')`;
  return Object.assign(bytes, { [fc.toStringMethod]: () => shown });
}

/** Bodies of every kind: bytes, JSON of any shape, near-valid JSON, valid requests with odd text. */
export const requestBody = (maxTextBytes: number): fc.Arbitrary<Buffer> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(jsonish(v))),
    fc.anything({ maxDepth: 3 }).map((v) => Buffer.from(jsonish(v))),
    fc.record({ text: fc.jsonValue({ maxDepth: 2 }) }).map((v) => Buffer.from(jsonish(v))),
    fc.dictionary(fc.constantFrom('text', 'limit', 'maxWords', 'minScore', '__proto__', 'constructor', 'Text', 'TEXT', ''), fc.jsonValue({ maxDepth: 2 })).map((v) => Buffer.from(jsonish(v))),
    adversarialText(20).map((text) => Buffer.from(JSON.stringify({ text }))),
    keywordsRequest.map((v) => Buffer.from(jsonish(v))),
    textNearByteLimit(maxTextBytes).map((text) => Buffer.from(JSON.stringify({ text }))),
    // valid JSON cut short, or with something after it
    fc.tuple(adversarialText(6), fc.nat()).map(([text, cut]) => {
      const full = JSON.stringify({ text });
      return Buffer.from(full.slice(0, cut % (full.length + 1)));
    }),
    fc.tuple(adversarialText(4), fc.constantFrom(' x', ',', '}', '{}', '\u0000', ' // c')).map(([text, tail]) => Buffer.from(JSON.stringify({ text }) + tail)),
    // raw, unescaped unicode and control characters inside a JSON string; invalid UTF-8
    adversarialText(8).map((text) => Buffer.from(`{"text":"${text}"}`, 'utf8')),
    fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => Buffer.concat([Buffer.from('{"text":"'), Buffer.from(bytes), Buffer.from('"}')])),
    // deep nesting, at the top and inside text
    fc.integer({ min: 1, max: 20_000 }).map((n) => Buffer.from('['.repeat(n) + ']'.repeat(n))),
    fc.integer({ min: 1, max: 20_000 }).map((n) => Buffer.from(`{"text":${'['.repeat(n)}${']'.repeat(n)}}`)),
    fc.constantFrom(
      '',
      ' ',
      'null',
      '{}',
      '[]',
      '"text"',
      '{"text":null}',
      '{"text":"a","text":1}',
      '{"text":1,"text":"a b c"}',
      '{"__proto__":{"text":"hello world"}}',
      '{"constructor":{"prototype":{"text":"x"}}}',
      '\ufeff{"text":"hello"}',
      '{"text":"hello"}\n',
      '\n\t {"text":"hello"}  ',
      '{"text":"\\ud800\\udc00\\udc00\\ud800"}',
      '{"text":"a","limit":1e400}',
      '{"text":"a","minScore":-1e400}',
      'text=hello',
      '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nhello\r\n--x--',
    ).map((s) => Buffer.from(s)),
    // over the body limit
    fc.integer({ min: maxTextBytes * 6 + 64 * 1024 + 1, max: maxTextBytes * 6 + 64 * 1024 + 3000 }).map((n) => Buffer.from(`{"text":"${'a'.repeat(n)}"}`)),
  ).map(readableBytes);

// ---------------------------------------------------------------- headers

/** What Node's HTTP client accepts in a header value: HTAB, visible ASCII and space, obs-text (0x80-0xff). */
const headerChar = fc.oneof(
  { arbitrary: codePoint(0x20, 0x7e), weight: 8 },
  { arbitrary: fc.constant('\t'), weight: 1 },
  { arbitrary: codePoint(0x80, 0xff), weight: 1 },
);
export const headerText = (maxLength: number): fc.Arbitrary<string> => fc.string({ unit: headerChar, maxLength });

export const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json;charset=UTF-8',
      'application/json; charset=utf-16',
      'application/json; charset="iso-8859-1"; foo=bar',
      'APPLICATION/JSON',
      'text/plain',
      'text/plain; charset=us-ascii',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=----x',
      'multipart/form-data',
      'application/octet-stream',
      'application/xml',
      'application/merge-patch+json',
      '*/*',
      '',
      ';;;',
      'application/json; charset=',
    ),
    headerText(80),
  ),
  { nil: undefined },
);

/** An Authorization header (or none) and whether it carries the key, decided by construction. */
export interface AuthCase {
  header: string | undefined;
  valid: boolean;
}

const trimOws = (s: string): string => s.replace(/^[ \t]+|[ \t]+$/g, '');

export const authorization = (key: string): fc.Arbitrary<AuthCase> =>
  fc.oneof(
    { arbitrary: validAuthorization(key), weight: 1 },
    { arbitrary: invalidAuthorization(key), weight: 1 },
  );

/** The key, however the scheme is cased and spaced (HTTP drops surrounding spaces and tabs). */
export const validAuthorization = (key: string): fc.Arbitrary<AuthCase> =>
  fc
    .tuple(fc.mixedCase(fc.constant('bearer')), fc.constantFrom(' ', '  ', '   '), fc.constantFrom('', ' ', '\t', ' \t'), fc.constantFrom('', ' ', '  ', '\t'))
    .map(([scheme, gap, lead, trail]) => ({ header: `${lead}${scheme}${gap}${key}${trail}`, valid: true }));

/** Missing, empty, wrong scheme, wrong key, very long, or with a tab or obs-text byte in the key. */
export const invalidAuthorization = (key: string): fc.Arbitrary<AuthCase> =>
  fc.oneof(
    fc.constant<AuthCase>({ header: undefined, valid: false }),
    fc.constant<AuthCase>({ header: '', valid: false }),
    // wrong scheme, or none
    fc
      .constantFrom('Basic', 'Token', 'Digest', 'Bearer:', 'Bearer\t', 'Bearerr', 'Bear', '', 'Bearer,', 'Bearer=', 'JWT')
      .map((scheme) => ({ header: `${scheme} ${key}`, valid: false })),
    fc.constantFrom<AuthCase>(
      { header: key, valid: false },
      { header: 'Bearer', valid: false },
      { header: 'Bearer ', valid: false },
      { header: `Bearer\t${key}`, valid: false },
      { header: `Bearer ${key}, Bearer ${key}`, valid: false },
      { header: `Bearer ${key} ${key}`, valid: false },
      { header: `Bearer ${key}\u00a0`, valid: false },
      { header: 'Bearer aaa.bbb.ccc', valid: false },
      { header: `Basic ${Buffer.from(`user:${key}`).toString('base64')}`, valid: false },
    ),
    // a wrong key
    headerText(60)
      .filter((s) => trimOws(s) !== key)
      .map((s) => ({ header: `Bearer ${s}`, valid: false })),
    // very long
    fc.tuple(fc.integer({ min: 200, max: 6_000 }), fc.boolean()).map(([n, prefixed]) => ({
      header: prefixed ? `Bearer ${key}${'x'.repeat(n)}` : `Bearer ${'A'.repeat(n)}`,
      valid: false,
    })),
    // a tab or an obs-text byte inside or after the key
    fc
      .tuple(fc.integer({ min: 1, max: Math.max(1, key.length - 1) }), fc.oneof(fc.constant('\t'), codePoint(0x80, 0xff)))
      .map(([at, ch]) => ({ header: `Bearer ${key.slice(0, at)}${ch}${key.slice(at)}`, valid: false })),
    codePoint(0x80, 0xff).map((ch) => ({ header: `Bearer ${key}${ch}`, valid: false })),
  );

export const requestIdHeader = fc.option(
  fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/),
    headerText(150),
    fc.integer({ min: 129, max: 400 }).map((n) => 'a'.repeat(n)),
    fc.constantFrom('', ' ', 'abc def', 'a\tb', '../../etc/passwd', '{"level":60,"msg":"forged"}', 'id\u00e9', '<script>', 'a,b', 'a b'),
  ),
  { nil: undefined },
);

// ---------------------------------------------------------------- methods and paths

export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const;
export const method = fc.constantFrom(...METHODS);
/** Half POST, so generated requests also get past routing often. */
export const methodMostlyPost = fc.oneof(fc.constant('POST'), method);

const pathChar = fc.oneof(
  { arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), weight: 8 },
  { arbitrary: fc.constantFrom(...'-._~!$&\'()*+,;=:@%'), weight: 2 },
);
const segment = fc.string({ unit: pathChar, maxLength: 16 });

/** Percent-encodes every UTF-8 byte: unicode (lone surrogates become EF BF BD) in a path. */
const percentEncoded = (s: string): string => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

const query = fc.oneof(
  fc.constant(''),
  fc.string({ unit: pathChar, maxLength: 40 }).map((q) => `?${q}`),
  fc.dictionary(segment, segment, { maxKeys: 4 }).map((d) => `?${new URLSearchParams(d).toString()}`),
  fc.constantFrom('?', '??', '?text=hello', '?a[b]=c&a[c]=d', '?__proto__[x]=1', '?%', '?%zz'),
);

export const path = (known: readonly string[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.oneof(
        { arbitrary: fc.constantFrom(...known), weight: 10 },
        // the known paths, cased and suffixed oddly
        {
          arbitrary: fc
            .tuple(fc.mixedCase(fc.constantFrom(...known)), fc.constantFrom('', '/', '//', '/.', '/..', '%2F', '%20', ';x', '.json', '/x', '%00'))
            .map(([p, suffix]) => p + suffix),
          weight: 3,
        },
        { arbitrary: fc.array(segment, { minLength: 1, maxLength: 5 }).map((segs) => `/${segs.join('/')}`), weight: 2 },
        { arbitrary: fc.string({ unit: 'binary', maxLength: 10 }).map((s) => `/${percentEncoded(s)}`), weight: 1 },
        { arbitrary: fc.constantFrom('/', '//', '/%', '/%zz', '/%E0%A4%A', '/%00', '/%ff%fe', '/..', '/./keywords', '/keywords/../tokens', '/*'), weight: 1 },
        { arbitrary: fc.tuple(fc.constantFrom('/', ...known.map((k) => `${k}/`)), fc.integer({ min: 500, max: 6_000 })).map(([p, n]) => p + 'a'.repeat(n)), weight: 1 },
      ),
      query,
    )
    .map(([p, q]) => p + q);
