/**
 * Builds services/prose-app/models/ner-gazetteers.json from compromise's built-in lexicon (MIT licence)
 * plus the short hand-written lists below, and the word lexicon of en-lexicon (MIT licence, ~110k
 * words with their Penn tags): each word's most frequent tag. Deterministic: entries are lower-cased, de-duplicated and
 * sorted; the compromise version is recorded. Run by `npm run train:ner` (or on its own with tsx).
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { GAZETTEER_FORMAT, type GazetteerData } from '../../src/nlp/ner/gazetteer.js';

export const GAZETTEER_PATH = fileURLToPath(new URL('../../models/ner-gazetteers.json', import.meta.url));

/** compromise "Place" entries that are not political entities: continents, waters, landmarks, parks, districts. */
const PLACES_NOT_GPE = new Set(
  (
    'adriadic|africa|americas|antarctic ocean|arc de triomphe|arctic ocean|asia|atlantic ocean|azores|boardwalk|browns canyon|' +
    'carrizo plain|cedar breaks|chichen itza|chimney rock|chinatown|colosseum|danube|dartmoor|downtown|east end|east side|europe|' +
    'everglades|financial district|ganges|gay village|godavari|great lakes|hovenweep|indian ocean|indochina|japantown|kazan kremlin|' +
    'koreatown|lakefront|lincoln memorial|little italy|machu picchu|main st|main street|mekong|midtown|neuschwanstein|new england|' +
    'nile|north end|north side|old town|orinoco|pacific ocean|papahanaumokuakea|parthenon|pompeii|red sea|rio grande|riverfront|' +
    'saint lawrence river|scotts bluff|seine|shopping district|south end|south side|taj mahal|teotihuacan|thames|tonto|tulum|' +
    'tuzigoot|uptown|west end|west side|wupatki|yangtze'
  ).split('|'),
);

/** Airport codes and generic words in compromise's place list: too ambiguous as lower-case words. */
const DROP = new Set(
  ('ams|atl|bcn|bkk|cdg|cgk|clt|den|dfw|dxb|fco|fra|hkg|hnd|iax|icn|ist|kul|las|lax|lgw|lhr|mco|muc|ord|pek|phl|phx|sfo|yyz|' +
    'highland|highlands|lowland|lowlands|riverside|green acres|green valley').split('|'),
);

/** Hand-written: continents, macro-regions, oceans and seas, mountain ranges, deserts, rivers (LOCATION, not GPE). */
const LOCATION_EXTRA = (
  'africa|antarctica|asia|europe|oceania|australasia|eurasia|north america|south america|latin america|central america|' +
  'middle east|the middle east|near east|far east|southeast asia|south east asia|east asia|south asia|central asia|' +
  'western europe|eastern europe|northern europe|southern europe|central europe|sub-saharan africa|north africa|' +
  'west africa|east africa|southern africa|scandinavia|balkans|the balkans|caucasus|siberia|patagonia|sahel|' +
  'arctic|antarctic|mediterranean|mediterranean sea|caribbean|caribbean sea|black sea|caspian sea|north sea|baltic sea|' +
  'dead sea|south china sea|east china sea|persian gulf|gulf of mexico|english channel|southern ocean|pacific|atlantic|' +
  'alps|himalayas|himalaya|andes|rockies|rocky mountains|appalachians|pyrenees|urals|everest|mount everest|kilimanjaro|' +
  'sahara|sahara desert|gobi|gobi desert|amazon river|mississippi river|missouri river|hudson river|colorado river|' +
  'grand canyon|yellowstone|niagara falls|lake michigan|lake superior|lake tahoe|lake geneva|silicon valley|wall street'
).split('|');

/** Hand-written: words that end (or are) organisation names. */
const ORG_WORDS = (
  'inc|inc.|corp|corp.|corporation|co|co.|ltd|ltd.|llc|plc|gmbh|ag|lp|llp|company|companies|group|holdings|bank|' +
  'university|college|institute|school|academy|association|society|foundation|council|committee|commission|ministry|' +
  'department|agency|bureau|party|airlines|airways|club|fc|church|hospital|authority|board|union|federation|league|' +
  'organisation|organization|press|news|times|post|journal|network|studios|records|labs|technologies|systems|motors|' +
  'partners|associates|trust|fund|police|army|navy|court|parliament|congress|senate|assembly|government'
).split('|');

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

export function buildGazetteers(): GazetteerData {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const lists: Record<string, Set<string>> = {};
  const add = (list: string, entry: string): void => {
    const e = entry.toLowerCase().trim();
    if (e.length === 0 || DROP.has(e)) return;
    (lists[list] ??= new Set()).add(e);
  };
  for (const word of Object.keys(lexicon).sort()) {
    const raw = lexicon[word] ?? [];
    const tags = Array.isArray(raw) ? raw : [raw];
    const has = (t: string): boolean => tags.includes(t);
    if (has('MaleName') || has('FemaleName') || has('FirstName')) add('first', word);
    if (has('LastName')) add('last', word);
    if (has('Person')) add('person', word);
    if (has('Honorific')) add('honorific', word);
    if (has('Country')) add('country', word);
    if (has('City')) add('city', word);
    if (has('Region')) add('region', word);
    if (has('Place') && !has('Abbreviation')) add(PLACES_NOT_GPE.has(word) ? 'location' : 'city', word);
    if (has('Organization') && !has('Abbreviation')) add('org', word);
    if (has('SportsTeam')) add('org', word);
    if (has('Demonym')) add('demonym', word);
  }
  for (const e of LOCATION_EXTRA) add('location', e);
  for (const e of ORG_WORDS) add('orgword', e);
  // Continents are in compromise's country list (e.g. "antarctica"); they are places, not GPEs.
  for (const e of lists['location'] ?? []) {
    lists['country']?.delete(e);
    lists['city']?.delete(e);
    lists['region']?.delete(e);
  }
  const version = (nlp as unknown as { version: string }).version;
  const require = createRequire(import.meta.url);
  const enLexicon = require('en-lexicon') as { lexicon: Record<string, unknown> };
  const enVersion = (require('en-lexicon/package.json') as { version: string }).version;
  const byTag: Record<string, string[]> = {};
  for (const word of Object.keys(enLexicon.lexicon).sort()) {
    const tags = enLexicon.lexicon[word];
    if (typeof tags !== 'string' || word.length === 0 || /\s/.test(word)) continue;
    const all = tags.split('|');
    const first = all[0] as string;
    (byTag[first] ??= []).push(word);
    if (!first.startsWith('NNP') && all.some((t) => t.startsWith('NNP'))) (byTag['+NNP'] ??= []).push(word);
  }
  return {
    format: GAZETTEER_FORMAT,
    source:
      `compromise ${version} lexicon (MIT, github.com/spencermountain/compromise) + hand-written lists in scripts/ner/build-gazetteers.ts; ` +
      `word lexicon: en-lexicon ${enVersion} (MIT, Alex Corvi)`,
    lists: Object.fromEntries(Object.keys(lists).sort().map((k) => [k, sorted(lists[k] ?? [])])),
    lexicon: Object.fromEntries(Object.keys(byTag).sort().map((k) => [k, (byTag[k] ?? []).join(' ')])),
  };
}

export function writeGazetteers(path = GAZETTEER_PATH): GazetteerData {
  const data = buildGazetteers();
  writeFileSync(path, `${JSON.stringify(data, null, 0)}\n`);
  return data;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const data = writeGazetteers();
  console.log(`wrote ${GAZETTEER_PATH}: ${Object.entries(data.lists).map(([k, v]) => `${k} ${v.length}`).join(', ')}`);
}
