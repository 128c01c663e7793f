import { entryWords, type Gazetteer } from './gazetteer.js';

/** Gazetteer lists of political entities: countries, cities and towns, states and regions. */
const GPE_LISTS = ['country', 'city', 'region'];

/** Last words that make a place a natural feature, a facility or a district: LOCATION. */
const LOCATION_HEADS = new Set(
  (
    'mountain|mountains|mount|mt|mt.|hill|hills|peak|ridge|range|valley|canyon|gorge|plain|plains|plateau|desert|forest|woods|' +
    'river|creek|lake|lakes|ocean|sea|bay|gulf|strait|straits|channel|sound|coast|beach|shore|cape|peninsula|island|islands|isle|' +
    'reef|falls|glacier|delta|basin|park|garden|gardens|square|street|st|st.|road|rd|rd.|avenue|ave|ave.|boulevard|blvd|lane|drive|' +
    'highway|hwy|way|bridge|tunnel|airport|station|terminal|port|harbour|harbor|pier|mall|plaza|centre|center|tower|towers|' +
    'building|castle|palace|cathedral|abbey|temple|mosque|monument|memorial|stadium|arena|museum|zoo|hotel|resort|trail|pass|' +
    'hall|house|market|bazaar|hospital|library|cemetery|prison|farm|ranch|lodge|inn|cafe|restaurant|grill|pub|campus|wharf|quay|dock|docks'
  ).split('|'),
);

/** First words of natural features ("Mount Fuji", "Lake Como", "Gulf of Mexico"): LOCATION. */
const LOCATION_FIRST = new Set(['mount', 'mt', 'mt.', 'lake', 'cape', 'isle', 'gulf', 'bay', 'strait', 'sea', 'river', 'port', 'gare']);

/** Spans that are only a compass region, a celestial body or a generic place word ("the Southwest", "Earth", "the Bay"). */
const LOCATION_WORDS = new Set(
  ('north|south|east|west|northeast|northwest|southeast|southwest|midwest|north east|north west|south east|south west|' +
    'earth|moon|bay|coast|gulf|valley|delta|outback|tropics').split('|'),
);

/** Last words of political units ("Kansas City", "Orange County", "Islamic Republic"): GPE. */
const GPE_HEADS = new Set(
  ('city|county|state|states|province|provinces|republic|kingdom|emirate|emirates|prefecture|oblast|territory|territories|' +
    'township|borough|municipality|village|town|commonwealth|federation|district').split('|'),
);

/**
 * Splits a LOC span (the training corpora do not separate political entities from other places) into
 * GPE or LOCATION, by rules over gazetteers, in this order:
 *  1. the whole span (without a leading "the" or a trailing "'s") is a compass region, "Earth", "the Bay"
 *     ..., or in the LOCATION list (continents, oceans, rivers, landmarks) -> LOCATION; in a
 *     country/city/region list -> GPE;
 *  2. its first word is "Mount", "Lake", "Gulf", ... or its last word a feature/facility noun
 *     ("River", "Mountains", "Street", "Airport", "Hall", "Hospital", ...) -> LOCATION;
 *  3. its last word is a political-unit noun ("City", "County", "Province", ...) -> GPE;
 *  4. a word of it is a continent/region of the LOCATION list ("Southeast Asia") -> LOCATION;
 *     a word of it is a country/city/region ("Northern California") -> GPE;
 *  5. otherwise GPE: unknown place names in running text are mostly towns and cities.
 */
export function splitLocation(spanWords: readonly string[], gazetteer: Gazetteer): 'GPE' | 'LOCATION' {
  let words = entryWords(spanWords.join(' '));
  if (words[0] === 'the' && words.length > 1) words = words.slice(1);
  while (words.length > 1 && (words[words.length - 1] === "'s" || words[words.length - 1] === "'")) words = words.slice(0, -1);
  if (LOCATION_WORDS.has(words.join(' '))) return 'LOCATION';
  const whole = gazetteer.listsOfSpan(words);
  if (whole.includes('location')) return 'LOCATION';
  if (whole.some((l) => GPE_LISTS.includes(l))) return 'GPE';
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  if (words.length > 1 && (LOCATION_FIRST.has(first) || LOCATION_HEADS.has(last))) return 'LOCATION';
  if (words.length > 1 && GPE_HEADS.has(last)) return 'GPE';
  const lists = words.map((w) => gazetteer.listsOfWord(w));
  if (lists.some((ls) => ls.includes('location'))) return 'LOCATION';
  if (lists.some((ls) => ls.some((l) => GPE_LISTS.includes(l)))) return 'GPE';
  return 'GPE';
}
