/**
 * Penn Treebank tags from wink-nlp's Universal POS tags, refined with cheap evidence:
 * the word form, wink's lemma (form != lemma tells inflection), suffixes, a few closed-class
 * word lists and the neighbouring tokens. Conventions follow the English Web Treebank
 * (e.g. `%` is NN, URLs/emails are ADD, emoticons are NFP).
 */
export interface PennInput {
  text: string;
  upos: string;
  lemma: string;
  kind: string;
  start: number;
  end: number;
}

const set = (words: string): ReadonlySet<string> => new Set(words.split(' '));

const MODALS = set("will would can could shall should may might must ca wo 'll ’ll ll ought");
const BE: Record<string, string> = {
  is: 'VBZ', "'s": 'VBZ', '’s': 'VBZ', am: 'VBP', "'m": 'VBP', '’m': 'VBP', are: 'VBP', "'re": 'VBP', '’re': 'VBP',
  was: 'VBD', were: 'VBD', be: 'VB', been: 'VBN', being: 'VBG', ai: 'VBP',
};
const HAVE_FORMS = set("have has had 've ’ve having 'd ’d");
const BE_FORMS = set("is 's ’s am 'm ’m are 're ’re was were be been being get gets got gotten getting");
const DO_FORMS = set('do does did');
const SUBJECT_PRONOUNS = set('i you we they');
const POSSESSIVE_PRONOUNS = set('my your our their its thy');
const PERSONAL_PRONOUNS = set(
  'i you he she it we they me him us them mine yours ours theirs hers myself yourself himself herself itself ourselves yourselves themselves oneself thee thou ye ya u y\'all',
);
const WH_PRONOUNS = set('what who whom whoever whomever whatever whatsoever');
const WH_DETERMINERS = set('which whichever what whatever');
const WH_ADVERBS = set('when where why how whenever wherever whereby whence');
const INDEFINITE_NOUNS = set(
  'something anything nothing everything someone anyone noone everyone somebody anybody nobody everybody one ones',
);
const PREDETERMINERS = set('all both half such quite many');
const DETERMINER_WORDS = set('a an the this that these those some any no every each another either neither');
const PARTICLES = set('up out off down');
const CURRENCY = set('$ € £ ¥ ₹ rs usd us$ c$ a$');
const IRREGULAR_PARTICIPLE = /(?:en|wn|ne|un|ung|ought)$/;

/** Americans, United States, Baathists, Israelites, Iraqis: plural proper nouns by their ending. */
const PLURAL_PROPER = /^\p{Lu}\p{Ll}+(?:ans|ates|ists|ites|ies|nds|ons|ors|qis|eas|ars|rks)$/u;
const isCapitalized = (s: string): boolean => /^\p{Lu}/u.test(s);

/** Tag of a punctuation/symbol token; only the token's text and whether it touches its neighbours matter. */
export function punctuationTag(tokens: readonly Pick<PennInput, 'text' | 'start' | 'end'>[], i: number): string {
  const t = tokens[i] as Pick<PennInput, 'text' | 'start' | 'end'>;
  const s = t.text;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const gluedLeft = prev !== undefined && prev.end === t.start;
  const gluedRight = next !== undefined && next.start === t.end;
  if (/^[.?!]+$/.test(s) || /^[.?!]+['"”’]*$/.test(s)) return s.length >= 3 && /^\.+$/.test(s) ? ',' : '.';
  if (s === '…' || /^\.{2,}$/.test(s)) return next === undefined ? '.' : ',';
  if (s === ',' || s === ';' || s === '،') return ',';
  if (s === ':') return ':';
  if (/^[([{<«]+$/.test(s)) return '-LRB-';
  if (/^[)\]}>»]+$/.test(s)) return '-RRB-';
  if (s === '“' || s === '‘' || s === '``' || s === '„') return '``';
  if (s === '”' || s === '’' || s === "''") return "''";
  if (s === '"' || s === "'" || s === '`') {
    const opening = !gluedLeft || (prev !== undefined && /^[([{“‘"'-]$/.test(prev.text));
    return opening && gluedRight ? '``' : !gluedLeft && !gluedRight ? '``' : "''";
  }
  if (/^[-‐‑–—]$/.test(s)) return gluedLeft && gluedRight ? 'HYPH' : ',';
  if (/^[-‐‑–—]{2,}$/.test(s)) return ',';
  if (s === '/') return ',';
  if (s === '&') return 'CC';
  if (s === '@') return 'IN';
  if (s === '%') return 'NN';
  if (s === '#') return 'NN';
  if (CURRENCY.has(s.toLowerCase())) return '$';
  if (/^[+=~^<>|]+$/.test(s) && s.length <= 2) return 'SYM';
  return 'NFP';
}

/** Previous token index, skipping adverbs and negation ("has not yet gone", "to really go"). */
function previousContent(tokens: readonly PennInput[], i: number): number {
  let j = i - 1;
  while (j >= 0) {
    const t = tokens[j] as PennInput;
    if (t.upos === 'ADV' || (t.upos === 'PART' && /^(not|n't|n’t|never)$/i.test(t.text))) j--;
    else break;
  }
  return j;
}

const OBJECT_PRONOUNS = set('me him us them it her');
const PLURAL_NOUNS = set('people men women children feet teeth mice geese police folks cattle clergy');

/** `depth` bounds the look-back through coordinations ("went and saw and ...") so tagging stays linear. */
function verbTag(tokens: readonly PennInput[], i: number, depth = 0): string {
  const t = tokens[i] as PennInput;
  const lower = t.text.toLowerCase();
  const lemma = t.lemma.toLowerCase();
  if (MODALS.has(lower) && t.upos === 'AUX') return 'MD';
  if ((lower === "'d" || lower === '’d') && t.upos === 'AUX') {
    const next = tokens[nextContent(tokens, i)];
    return next && next.upos === 'VERB' && next.text.toLowerCase() !== next.lemma.toLowerCase() && !next.text.toLowerCase().endsWith('ing') ? 'VBD' : 'MD';
  }
  if (BE[lower] !== undefined && (lemma === 'be' || t.upos === 'AUX' && !lower.includes("'") && !lower.includes('’'))) return BE[lower] as string;
  if (lower === 'has' || lower === 'does' || lower === 'says') return 'VBZ';
  if (lower === 'did') return 'VBD';
  if (lower.endsWith('ing') && lemma !== lower) return 'VBG';
  const p = previousContent(tokens, i);
  const prev = tokens[p];
  const prevLower = prev?.text.toLowerCase() ?? '';
  if (lemma === lower || lower === "'ve" || lower === '’ve') return baseVerbTag(tokens, p, depth);
  if (/(?:[^s]s|ies|ches|shes|sses|xes|zes|oes)$/.test(lower) && (lemma + 's' === lower || lemma + 'es' === lower || lemma.replace(/y$/, 'ies') === lower)) return 'VBZ';
  return pastVerbTag(tokens, i, p, prev, prevLower, depth);
}

/** A verb in its base form is VB after modals, "to", do-support, objects and at clause start; VBP after a subject. */
function baseVerbTag(tokens: readonly PennInput[], p: number, depth: number): string {
  const prev = tokens[p];
  if (prev === undefined) return 'VB';
  const prevLower = prev.text.toLowerCase();
  if (MODALS.has(prevLower) || /^(to|na|ta)$/.test(prevLower)) return 'VB';
  if (DO_FORMS.has(prevLower) || prevLower === "'d" || prevLower === '’d' || prevLower === 'let' || prevLower === 'please') return 'VB';
  if (prev.upos === 'PUNCT') return 'VB';
  if (prev.upos === 'CCONJ') {
    const before = tokens[previousContent(tokens, p)];
    if (before && (before.upos === 'VERB' || before.upos === 'AUX') && depth < 3) return verbTag(tokens, previousContent(tokens, p), depth + 1) === 'VB' ? 'VB' : 'VBP';
    return 'VB';
  }
  if (prev.upos === 'PRON' || prev.upos === 'NOUN' || prev.upos === 'PROPN' || prev.upos === 'NUM' || prev.upos === 'DET') {
    // "do you know", "will they come": the subject follows do/modal, so the verb is still bare.
    const before = tokens[previousContent(tokens, p)];
    const beforeLower = before?.text.toLowerCase() ?? '';
    if (before && (MODALS.has(beforeLower) || DO_FORMS.has(beforeLower) || beforeLower === 'to')) return 'VB';
    if (prev.upos === 'PRON' && OBJECT_PRONOUNS.has(prevLower) && prevLower !== 'it' && prevLower !== 'her') return 'VB';
    if (prev.upos === 'PRON' && before && (before.upos === 'VERB') && OBJECT_PRONOUNS.has(prevLower)) return 'VB';
    return 'VBP';
  }
  if (prev.upos === 'SCONJ' || prev.upos === 'ADP') return 'VBP';
  return 'VB';
}

/** Past form: VBN after have/be/get, attributively ("the proposed plan"), in reduced relatives ("lives lost in"); VBD otherwise. */
function pastVerbTag(tokens: readonly PennInput[], i: number, p: number, prev: PennInput | undefined, prevLower: string, depth: number): string {
  const lower = tokens[i]?.text.toLowerCase() ?? '';
  if (prev && (HAVE_FORMS.has(prevLower) || BE_FORMS.has(prevLower))) return 'VBN';
  if (prev && prev.upos === 'PRON' && OBJECT_PRONOUNS.has(prevLower)) {
    const before = tokens[previousContent(tokens, p)];
    if (before && HAVE_FORMS.has(before.text.toLowerCase())) return 'VBN';
  }
  if (IRREGULAR_PARTICIPLE.test(lower) && !lower.endsWith('ed') && !/^(ran|began|swung|won|sang|drank|swam|rang|sprang|stung|clung|flung|hung|spun|strung|wrung|slung)$/.test(lower)) return 'VBN';
  if (prev === undefined) return 'VBN';
  const t = tokens[i] as PennInput;
  if (prev.text === '-' && prev.end === t.start) return 'VBN';
  if (prev.upos === 'DET' || prev.upos === 'ADJ' || prev.upos === 'ADP' || (prev.upos === 'PRON' && POSSESSIVE_PRONOUNS.has(prevLower))) return 'VBN';
  if (p < i - 1 && tokens[p + 1]?.upos === 'ADV' && (prev.upos === 'DET' || prev.upos === 'ADP')) return 'VBN';
  const next = tokens[i + 1];
  if ((prev.upos === 'NOUN' || prev.upos === 'PROPN') && next && (next.upos === 'ADP' || next.upos === 'PUNCT' && next.text === ',') && clauseHasVerb(tokens, p)) return 'VBN';
  if (prev.upos === 'CCONJ' && depth < 3) {
    for (let j = p - 1; j >= Math.max(0, p - 6); j--) {
      const v = tokens[j] as PennInput;
      if (v.upos === 'VERB' && v.text.toLowerCase() !== v.lemma.toLowerCase() && !v.text.toLowerCase().endsWith('ing')) return verbTag(tokens, j, depth + 1) === 'VBN' ? 'VBN' : 'VBD';
    }
  }
  return 'VBD';
}

/** A verb earlier in the sentence makes "lives lost in 1987" a reduced relative rather than the main verb ("the cat sat on"). */
function clauseHasVerb(tokens: readonly PennInput[], before: number): boolean {
  for (let j = before - 1; j >= Math.max(0, before - 30); j--) {
    const t = tokens[j] as PennInput;
    if (t.upos === 'PUNCT' && /^[.!?]+$/.test(t.text)) return false;
    if (t.upos === 'VERB' || t.upos === 'AUX') return true;
  }
  return false;
}

function nextContent(tokens: readonly PennInput[], i: number): number {
  let j = i + 1;
  while (j < tokens.length && (tokens[j]?.upos === 'ADV' || /^(not|n't|n’t)$/i.test(tokens[j]?.text ?? ''))) j++;
  return j;
}

function adjectiveTag(t: PennInput): string {
  const lower = t.text.toLowerCase();
  const lemma = t.lemma.toLowerCase();
  if (lower === 'more' || lower === 'less' || lower === 'better' || lower === 'worse' || lower === 'fewer') return 'JJR';
  if (lower === 'most' || lower === 'least' || lower === 'best' || lower === 'worst') return 'JJS';
  if (lemma !== lower && lower.endsWith('er')) return 'JJR';
  if (lemma !== lower && lower.endsWith('est')) return 'JJS';
  return 'JJ';
}

function adverbTag(tokens: readonly PennInput[], i: number): string {
  const t = tokens[i] as PennInput;
  const lower = t.text.toLowerCase();
  if (WH_ADVERBS.has(lower)) return 'WRB';
  if (lower === 'there' && /^(be|have)$/.test(tokens[i + 1]?.lemma ?? '')) return 'EX';
  if (lower === 'more' || lower === 'less' || lower === 'better' || lower === 'worse' || lower === 'earlier' || lower === 'later' || lower === 'faster' || lower === 'longer' || lower === 'further' || lower === 'farther' || lower === 'harder' || lower === 'sooner') return 'RBR';
  if (lower === 'most' || lower === 'least' || lower === 'best') return 'RBS';
  if (PARTICLES.has(lower) && isParticle(tokens, i)) return 'RP';
  return 'RB';
}

/** "pick it up", "gave up the fight": up/out/off/down right after a verb (or verb + pronoun) is a particle. */
function isParticle(tokens: readonly PennInput[], i: number): boolean {
  const prev = tokens[i - 1];
  const prev2 = tokens[i - 2];
  if (tokens[i + 1]?.text.toLowerCase() === 'of') return false;
  return prev?.upos === 'VERB' || (prev?.upos === 'PRON' && prev2?.upos === 'VERB');
}

function pronounTag(tokens: readonly PennInput[], i: number): string {
  const t = tokens[i] as PennInput;
  const lower = t.text.toLowerCase();
  const next = tokens[i + 1];
  if (POSSESSIVE_PRONOUNS.has(lower)) return 'PRP$';
  if (lower === 'his' || lower === 'her') {
    return next !== undefined && ['NOUN', 'ADJ', 'PROPN', 'NUM', 'ADV'].includes(next.upos) && next.start <= t.end + 1 ? 'PRP$' : lower === 'his' ? 'PRP$' : 'PRP';
  }
  if (lower === 'whose') return 'WP$';
  if (lower === 'there') return 'EX';
  if (lower === 'which') return 'WDT';
  if (lower === 'that') {
    const prev = tokens[i - 1];
    return prev !== undefined && (prev.upos === 'NOUN' || prev.upos === 'PROPN' || prev.upos === 'PRON' || prev.upos === 'NUM') ? 'WDT' : 'DT';
  }
  if (WH_PRONOUNS.has(lower)) return 'WP';
  if (PERSONAL_PRONOUNS.has(lower)) return 'PRP';
  if (INDEFINITE_NOUNS.has(lower)) return lower === 'ones' ? 'NNS' : 'NN';
  if (DETERMINER_WORDS.has(lower) || PREDETERMINERS.has(lower)) return 'DT';
  if (lower === 'few' || lower === 'several' || lower === 'many' || lower === 'much' || lower === 'other' || lower === 'others') return lower === 'others' ? 'NNS' : 'JJ';
  return 'PRP';
}

function determinerTag(tokens: readonly PennInput[], i: number): string {
  const t = tokens[i] as PennInput;
  const lower = t.text.toLowerCase();
  const next = tokens[i + 1];
  if (PREDETERMINERS.has(lower) && next !== undefined && (DETERMINER_WORDS.has(next.text.toLowerCase()) || POSSESSIVE_PRONOUNS.has(next.text.toLowerCase()))) return 'PDT';
  if (WH_DETERMINERS.has(lower)) return 'WDT';
  return 'DT';
}

function nounTag(t: PennInput): string {
  const lower = t.text.toLowerCase();
  const lemma = t.lemma.toLowerCase();
  if (t.upos === 'PROPN') {
    if (!isCapitalized(t.text) && !/\p{L}/u.test(t.text)) return 'NN';
    return PLURAL_PROPER.test(t.text) ? 'NNPS' : 'NNP';
  }
  return (lemma !== lower && !/^\d/.test(lower)) || PLURAL_NOUNS.has(lower) ? 'NNS' : 'NN';
}

/** Penn Treebank tag for every token; context matters, so tag a sentence (or document) at once. */
export function pennTags(tokens: readonly PennInput[]): string[] {
  return tokens.map((t, i) => pennTag(tokens, i));
}

function pennTag(tokens: readonly PennInput[], i: number): string {
  const t = tokens[i] as PennInput;
  const lower = t.text.toLowerCase();
  switch (t.kind) {
    case 'url':
    case 'email':
      return 'ADD';
    case 'emoji':
    case 'emoticon':
      return 'NFP';
    case 'hashtag':
    case 'mention':
      return 'NNP';
    case 'currency':
      return '$';
    default:
  }
  switch (t.upos) {
    case 'PUNCT':
      return punctuationTag(tokens, i);
    case 'SYM':
      if (/\p{L}/u.test(t.text) && !CURRENCY.has(lower)) return 'NN';
      return punctuationTag(tokens, i);
    case 'VERB':
    case 'AUX':
      return verbTag(tokens, i);
    case 'NOUN':
    case 'PROPN':
      return nounTag(t);
    case 'ADJ':
      return adjectiveTag(t);
    case 'ADV':
      return adverbTag(tokens, i);
    case 'PRON':
      return pronounTag(tokens, i);
    case 'DET':
      return determinerTag(tokens, i);
    case 'ADP':
      if (PARTICLES.has(lower) && isParticle(tokens, i)) return 'RP';
      return 'IN';
    case 'SCONJ':
      return WH_ADVERBS.has(lower) ? 'WRB' : 'IN';
    case 'CCONJ':
      return 'CC';
    case 'PART':
      if (/^(to|na|ta)$/.test(lower)) return 'TO';
      if (/^['’]s?$/.test(lower)) return 'POS';
      return 'RB';
    case 'NUM':
      return 'CD';
    case 'INTJ':
      return 'UH';
    case 'X':
      return /^(etc|etc\.|vs|vs\.|e\.g\.|i\.e\.)$/.test(lower) ? 'FW' : 'NN';
    default:
      return 'NN';
  }
}
