/**
 * A code name's letters that the document writes alone as a plural noun ("LVs predict…", "other
 * LVs"): the document counts things of that name, and a code name with those letters ("LV116")
 * numbers one of them, no compound (`codeName.countedNoun` in `../lexicon/patterns.json`).
 */
import data from '../lexicon/patterns.json';

const PLURAL = new RegExp(data.codeName.countedNoun.plural, 'gu');
const CODE_LETTERS = /^([A-Z]{2,5})[- ]?\d/u;

/** The letters written as a counted plural noun at least `minUses` times in `texts`. */
export function countedPrefixes(texts: Iterable<string>): Set<string> {
  const uses = new Map<string, number>();
  for (const text of texts) {
    PLURAL.lastIndex = 0;
    for (let m = PLURAL.exec(text); m; m = PLURAL.exec(text)) uses.set(m[1]!, (uses.get(m[1]!) ?? 0) + 1);
  }
  const counted = new Set<string>();
  for (const [letters, n] of uses) if (n >= data.codeName.countedNoun.minUses) counted.add(letters);
  return counted;
}

/** Whether a code name's letters are one of the document's counted nouns. */
export function numbersCountedThing(code: string, counted: ReadonlySet<string>): boolean {
  const m = CODE_LETTERS.exec(code);
  return m !== null && counted.has(m[1]!);
}
