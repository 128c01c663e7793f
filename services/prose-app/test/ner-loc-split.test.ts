import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Gazetteer, type GazetteerData } from '../src/nlp/ner/gazetteer.js';
import { splitLocation } from '../src/nlp/ner/loc-split.js';
import { GAZETTEER_FILE, MODELS_DIR } from '../src/nlp/ner/recognizer.js';

const gazetteer = new Gazetteer(JSON.parse(readFileSync(`${MODELS_DIR}${GAZETTEER_FILE}`, 'utf8')) as GazetteerData);
const split = (span: string): string => splitLocation(span.split(' '), gazetteer);

describe('LOC -> GPE / LOCATION', () => {
  it.each(['France', 'Germany', 'Berlin', 'New York', 'new york', 'California', 'Tokyo', 'United States', 'the United Kingdom', 'Brighton'])(
    'a country, city, state or town in the gazetteer is a GPE: %s',
    (span) => expect(split(span)).toBe('GPE'),
  );

  it.each(['the Southwest', 'Earth', 'the Bay'])('a compass region, the Earth or a generic place word is a LOCATION: %s', (span) =>
    expect(split(span)).toBe('LOCATION'),
  );

  it.each(['Europe', 'Asia', 'Middle East', 'the Middle East', 'Atlantic Ocean', 'Thames', 'Taj Mahal', 'Rocky Mountains', 'Sahara'])(
    'a continent, sea, river or landmark in the gazetteer is a LOCATION: %s',
    (span) => expect(split(span)).toBe('LOCATION'),
  );

  it.each([
    'Mount Fuji',
    'Lake Como',
    'Gulf of Aden',
    'Hudson River',
    'Ashtamudi Lake',
    'Kruger National Park',
    'Baker Street',
    'Heathrow Airport',
    'Bondi Beach',
    'City Hall',
    'Gare Montparnasse',
    'Medical Park Hospital',
  ])(
    'a natural feature or facility by its head word is a LOCATION: %s',
    (span) => expect(split(span)).toBe('LOCATION'),
  );

  it.each(['Kansas City', 'Orange County', 'Hebei Province', 'Islamic Republic'])('a political unit by its head word is a GPE: %s', (span) =>
    expect(split(span)).toBe('GPE'),
  );

  it.each([
    ['Southeast Asia', 'LOCATION'],
    ['Northern California', 'GPE'],
    ['Miramar', 'GPE'],
    ['Greater Noida', 'GPE'],
  ])('falls back to the words, then to GPE: %s -> %s', (span, label) => expect(split(span)).toBe(label));

  it('ignores a trailing possessive', () => {
    expect(splitLocation(['Europe', "'s"], gazetteer)).toBe('LOCATION');
    expect(splitLocation(['France', '’s'], gazetteer)).toBe('GPE');
  });
});
