/**
 * Lemmas the UD English way (EWT conventions): proper nouns keep their case, everything else is
 * lower-cased; inflection is undone from the Penn tag by suffix rules ("studies"/NNS -> "study",
 * "running"/VBG -> "run"), and a lexicon learnt from the training data holds the exceptions
 * (irregular forms, "n't" -> "not", "me" -> "I", "better"/JJR -> "good").
 */

/** `${lower-cased form}\t${Penn tag}` -> lemma, only where `ruleLemma` would be wrong. */
export type LemmaExceptions = ReadonlyMap<string, string>;

const VOWEL = /[aeiou]/;
/** Stems that need their final "e" back after -ed/-ing/-er/-est: "mak(e)", "us(e)", "danc(e)", "argu(e)". */
const NEEDS_E = /(?:[^aeiou][aeiou][bcdgkmnpstvz]|[aeiou]{2}[cgsvz]|[^aeiouy][cgsvz]|[^aeiou]u|[^aeiou]l|dg|th)$/;
const DOUBLED = /([bdfgklmnprtvz])\1$/;

function undoEdIng(stem: string, known?: ReadonlySet<string>): string {
  if (stem.length < 2) return stem;
  if (known) {
    // With a vocabulary, let it decide between "hop" / "hope" / "hopp".
    if (DOUBLED.test(stem) && known.has(stem.slice(0, -1))) return stem.slice(0, -1);
    if (known.has(stem)) return stem;
    if (known.has(`${stem}e`)) return `${stem}e`;
  }
  if (DOUBLED.test(stem) && !/(?:ll|ss|zz|ff)$/.test(stem)) return stem.slice(0, -1);
  if (NEEDS_E.test(stem) && !/(?:er|en|on|or|it|et|al|el|ow|ew|aw)$/.test(stem)) return `${stem}e`;
  return stem;
}

function plural(lower: string): string {
  if (lower.length <= 3) return lower.endsWith('s') && lower.length === 3 && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
  if (/[^aeiou]ies$/.test(lower)) return `${lower.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z|[^aeiou]o)es$/.test(lower)) return lower.slice(0, -2);
  if (/(?:ss|us|is)$/.test(lower)) return lower;
  if (lower.endsWith('s')) return lower.slice(0, -1);
  return lower;
}

/** The lemma the suffix rules give, before exceptions. `known` (lemmas seen in training) resolves -ed/-ing stems. */
export function ruleLemma(form: string, tag: string, known?: ReadonlySet<string>): string {
  // EWT capitalises proper-noun lemmas written in lower case ("google" -> "Google").
  if (tag === 'NNP') return /^\p{Ll}+$/u.test(form) ? form[0]?.toUpperCase() + form.slice(1) : form;
  if (tag === 'CD' && /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(form)) return form.replace(/,/g, '');
  if (tag === 'NNPS') return /[^aeiou]ies$/.test(form) ? `${form.slice(0, -3)}y` : form.endsWith('s') && !form.endsWith('ss') ? form.slice(0, -1) : form;
  const lower = form.toLowerCase();
  switch (tag) {
    case 'NNS':
      return plural(lower);
    case 'VBZ':
      if (/[^aeiou]ies$/.test(lower)) return `${lower.slice(0, -3)}y`;
      if (/(?:ss|sh|ch|x|z|o)es$/.test(lower)) return lower.slice(0, -2);
      return lower.endsWith('s') ? lower.slice(0, -1) : lower;
    case 'VBG':
      if (lower.endsWith('ing') && lower.length > 4) {
        if (/[^aeiou]ying$/.test(lower) && lower.length > 5) return lower.slice(0, -3);
        return undoEdIng(lower.slice(0, -3), known);
      }
      return lower;
    case 'VBD':
    case 'VBN':
      if (/[^aeiou]ied$/.test(lower)) return `${lower.slice(0, -3)}y`;
      if (lower.endsWith('eed')) return lower.slice(0, -1);
      if (lower.endsWith('ed') && lower.length > 3) return undoEdIng(lower.slice(0, -2), known);
      return lower;
    case 'JJR':
    case 'RBR':
      if (lower.endsWith('ier') && lower.length > 4) return `${lower.slice(0, -3)}y`;
      if (lower.endsWith('er') && lower.length > 4 && VOWEL.test(lower.slice(0, -2))) return undoEdIng(lower.slice(0, -2), known);
      return lower;
    case 'JJS':
    case 'RBS':
      if (lower.endsWith('iest') && lower.length > 5) return `${lower.slice(0, -4)}y`;
      if (lower.endsWith('est') && lower.length > 5) return undoEdIng(lower.slice(0, -3), known);
      return lower;
    default:
      return lower;
  }
}

/** Lemma of a word with its Penn tag: the exception lexicon first, then the rules. */
export function lemmatize(form: string, tag: string, exceptions: LemmaExceptions, known?: ReadonlySet<string>): string {
  const lower = form.toLowerCase();
  const exception = exceptions.get(`${lower}\t${tag}`);
  if (exception !== undefined) return exception;
  return ruleLemma(form, tag, known);
}

/**
 * Learns the exception lexicon from (form, tag, lemma) triples: for every (lower-cased form, tag) the
 * most frequent lemma, kept only where the rules get it wrong (and only for common tags of the form,
 * seen at least `minCount` times, so one-off annotation noise stays out).
 */
export function learnLemmaExceptions(
  triples: Iterable<readonly [string, string, string]>,
  known?: ReadonlySet<string>,
  minCount = 1,
): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  const example = new Map<string, string>();
  for (const [form, tag, lemma] of triples) {
    const key = `${form.toLowerCase()}\t${tag}`;
    let byLemma = counts.get(key);
    if (!byLemma) {
      counts.set(key, (byLemma = new Map()));
      example.set(key, form);
    }
    byLemma.set(lemma, (byLemma.get(lemma) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const key of [...counts.keys()].sort()) {
    const byLemma = counts.get(key) as Map<string, number>;
    let best = '';
    let bestCount = 0;
    let total = 0;
    for (const [lemma, n] of [...byLemma].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      total += n;
      if (n > bestCount) [best, bestCount] = [lemma, n];
    }
    if (total < minCount) continue;
    const [lower, tag] = key.split('\t') as [string, string];
    // Case-preserving tags: a lower-cased form cannot stand for all spellings, so only keep lower-case entries.
    const rule = ruleLemma(tag.startsWith('NNP') ? (example.get(key) as string) : lower, tag, known);
    if (rule !== best && !(tag.startsWith('NNP') && best.toLowerCase() === rule.toLowerCase())) out.set(key, best);
  }
  return out;
}
