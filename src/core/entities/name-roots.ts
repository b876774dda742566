/**
 * Protein families by the nouns of HGNC's approved names (`nameRoots` in
 * `../lexicon/gene-grammar.json`): the members of a family are named by its noun and a member
 * mark (ankyrin 1, ankyrin 2; actin beta; collagen type I alpha 1 chain; cyclin E1, cyclin E2).
 * Papers name the family by the noun alone (collagen, cyclins) or with its letter (cyclin E); such
 * a noun no key holds is a mention of the family, a target.
 */
import grammar from '../lexicon/gene-grammar.json';
import affixes from '../lexicon/affixes.json';

const rules = grammar.nameRoots;
const GREEK = Object.keys(affixes.greekLetters.letters).filter((g) => /^[a-z]+$/u.test(g));
/** A mark that names one member: a number, a letter, a Roman numeral, a Greek letter (with a number). */
const DESIGNATOR = new RegExp(`^(?:[a-z]?\\d{1,2}[a-z]?|[a-z]|[ivx]{1,4}|(?:${GREEK.join('|')})\\d{0,2}[a-z]?)$`, 'u');
const MARKS = new Set(rules.marks);
const NOT_ROOTS = new Set(rules.notRoots);
const ROOT = new RegExp(`^[a-z][a-z-]{${rules.minLength - 1},}$`, 'u');
/** The letter of a lettered subfamily (cyclin E1 → E). */
const LETTERED = /^([a-z])\d{1,2}$/u;

/** A family a noun (or a noun and a letter) names: the entries of its members and one of their names. */
export interface NameFamily {
  readonly root: string;
  readonly entries: readonly number[];
  readonly example: string;
}

/**
 * The families the approved names among `keys` (folded, one a line; `entryOf(line)` the entry of
 * each) name by a noun, leaving out nouns `known` (a key already holds them).
 */
export function nameFamilies(keys: string, entryOf: (line: number) => number, known: (root: string) => boolean): NameFamily[] {
  const members = new Map<string, { entries: Set<number>; example: string }>();
  const add = (root: string, entry: number, name: string): void => {
    const m = members.get(root);
    if (m) m.entries.add(entry);
    else members.set(root, { entries: new Set([entry]), example: name });
  };
  let line = 0;
  let space = keys.indexOf(' ');
  for (let at = 0; at <= keys.length; line++) {
    let end = keys.indexOf('\n', at);
    if (end < 0) end = keys.length;
    const from = at;
    at = end + 1;
    // Most keys are one word: cut out only those with a space, and a first word long enough.
    while (space >= 0 && space < from) space = keys.indexOf(' ', from);
    if (space < 0 || space > end || space - from < rules.minLength) continue;
    const root = keys.slice(from, space);
    if (!ROOT.test(root) || NOT_ROOTS.has(root)) continue;
    const key = keys.slice(from, end);
    const rest = keys.slice(space + 1, end).split(' ');
    if (rest.length > 6) continue;
    let designated = false;
    let ok = true;
    for (const word of rest) {
      if (DESIGNATOR.test(word)) designated = true;
      else if (!MARKS.has(word)) {
        ok = false;
        break;
      }
    }
    if (!ok || !designated) continue;
    const entry = entryOf(line);
    add(root, entry, key);
    const lettered = rest.length === 1 ? LETTERED.exec(rest[0]!) : null;
    if (lettered) add(`${root} ${lettered[1]}`, entry, key);
  }
  const out: NameFamily[] = [];
  for (const [root, m] of [...members].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (m.entries.size < rules.minMembers || known(root)) continue;
    out.push({ root, entries: [...m.entries], example: m.example });
  }
  return out;
}

/**
 * The family a word (folded) names, alone or with the word after it (`next`, as written: a
 * capital letter), and how many words it takes; null when none.
 */
export function nameFamilyOf(families: ReadonlyMap<string, number>, word: string, next: string | null): { entry: number; words: 1 | 2 } | null {
  if (word.length < rules.minLength) return null;
  if (next !== null && /^[A-Z]$/u.test(next)) {
    const entry = families.get(`${word} ${next.toLowerCase()}`);
    if (entry !== undefined) return { entry, words: 2 };
  }
  const entry = families.get(word) ?? (word.endsWith('s') ? families.get(word.slice(0, -1)) : undefined);
  return entry === undefined ? null : { entry, words: 1 };
}
