/**
 * Writes the words and candidates the graph rankers see for the texts of the reference test, as
 * JSON for graph-rank-reference.py. Run from the repository root:
 *   npx tsx services/rake-app/scripts/reference/dump-graph-input.ts > /tmp/in.json
 */
import { loadStandaloneTagger, tagStandalone } from '@nlp-api/english';
import { groupCandidates, nounPhrases, toWords } from '../../src/keyphrase/index.js';
import { DEFAULT_STOPWORDS } from '../../src/rake/index.js';

/** The abstract of TextRank's worked example (Mihalcea & Tarau 2004), and a news-style text written for this test. */
const REFERENCE_TEXTS = [
  'Compatibility of systems of linear constraints over the set of natural numbers. Criteria of compatibility of a ' +
    'system of linear Diophantine equations, strict inequations, and nonstrict inequations are considered. Upper bounds ' +
    'for components of a minimal set of solutions and algorithms of construction of minimal generating sets of ' +
    'solutions for all types of systems are given. These criteria and the corresponding algorithms for constructing ' +
    'a minimal supporting set of solutions can be used in solving all the considered types of systems and systems of mixed types.',
  'The city council approved a new light rail line on Tuesday, ending a decade of debate over public transport in the ' +
    'region. The line will link the airport with the central station and the university campus, and the first trains ' +
    'are expected to run in 2029. Council members who voted against the plan said the cost of the project, estimated ' +
    'at 1.2 billion euros, would burden local taxpayers. Supporters argued that the light rail line would cut road ' +
    'traffic and air pollution, and that the regional government had promised to pay half of the construction costs. ' +
    'The mayor said the council would publish the full route next month. Residents near the planned depot have ' +
    'already formed a citizens’ group to oppose the construction work, citing noise and the loss of a small park. ' +
    'Transport experts said that the new line could double the number of daily public transport passengers, if bus ' +
    'routes are redesigned to feed the rail stations.',
];

const tagger = loadStandaloneTagger();
const out = REFERENCE_TEXTS.map((text) => {
  const words = toWords(text, tagStandalone(tagger, text), (w) => DEFAULT_STOPWORDS.has(w));
  const candidates = groupCandidates(words, nounPhrases(words));
  return {
    text,
    words: words.map((w) => [w.lemma, w.role]),
    candidates: candidates.map((c) => ({ lemmas: c.lemmas, occurrences: c.occurrences.map((o) => [o.first, o.length]) })),
  };
});
process.stdout.write(JSON.stringify(out));
