/**
 * Gene families by HGNC's naming (`familyRoots` in `../lexicon/gene-grammar.json`): members share
 * a root and differ by a number or letter (ATF1, ATF2…; RXRA, RXRB, RXRG) or by a letter before
 * it (HRAS, KRAS, NRAS). Papers name the family by its root (CREB, RAS, ATF sites); a root no key
 * holds is then a mention of the family, a target.
 */
import context from '../lexicon/gene-context.json';
import grammar from '../lexicon/gene-grammar.json';

const rules = grammar.familyRoots;
const SYMBOL = /^[A-Z][A-Z0-9]{1,9}$/u;
const NUMBERED = /^([A-Z][A-Z0-9]*[A-Z])(\d{1,2})$/u;
const LETTERED = /^([A-Z][A-Z0-9]*[A-Z])([A-Z])$/u;
const PREFIXED = /^[A-Z]([A-Z]{3,})$/u;

/** A family a root names: its members' approved symbols and the entry of each. */
export interface GeneFamily {
  readonly root: string;
  readonly members: readonly string[];
  readonly entries: readonly number[];
}

/** The families HGNC's approved symbols (symbol → entry) name by a root, leaving out roots `known` (a key already holds them). */
export function geneFamilies(symbols: ReadonlyMap<string, number>, known: (root: string) => boolean): GeneFamily[] {
  const numbered = new Map<string, string[]>();
  const lettered = new Map<string, string[]>();
  const prefixed = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, root: string, symbol: string): void => {
    if (root.length < rules.minLength) return;
    const list = map.get(root);
    if (list) list.push(symbol);
    else map.set(root, [symbol]);
  };
  for (const symbol of symbols.keys()) {
    if (!SYMBOL.test(symbol)) continue;
    const n = NUMBERED.exec(symbol);
    if (n) add(numbered, n[1]!, symbol);
    const l = LETTERED.exec(symbol);
    if (l) add(lettered, l[1]!, symbol);
    const p = PREFIXED.exec(symbol);
    if (p) add(prefixed, p[1]!, symbol);
  }
  const families = new Map<string, Set<string>>();
  const keep = (map: Map<string, string[]>, least: number): void => {
    for (const [root, members] of map) {
      if (members.length < least || symbols.has(root)) continue;
      const set = families.get(root) ?? new Set<string>();
      for (const m of members) set.add(m);
      families.set(root, set);
    }
  };
  keep(numbered, rules.minNumbered);
  keep(lettered, rules.minLettered);
  keep(prefixed, rules.minPrefixed);
  const out: GeneFamily[] = [];
  for (const [root, set] of [...families].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (known(root)) continue;
    const members = [...set].sort();
    out.push({ root, members, entries: members.map((m) => symbols.get(m)!) });
  }
  return out;
}

const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CONTEXT_AFTER = new RegExp(`^[ -](?:${[...context.after, ...rules.contextAfter].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'u');

/**
 * The root a word written in capitals would be (ATF; a short one only with a gene word after it:
 * `after` is the text that follows), else null.
 */
export function familyRootOf(word: string, after: string): string | null {
  if (!/^[A-Z][A-Z0-9]*[A-Z]$/u.test(word)) return null;
  return word.length > rules.contextLength || CONTEXT_AFTER.test(after) ? word : null;
}

/** Whether the text after a word (`after`) is a gene word that confirms a family root (ATF sites, Ras proteins). */
export function geneWordAfter(after: string): boolean {
  return CONTEXT_AFTER.test(after);
}
