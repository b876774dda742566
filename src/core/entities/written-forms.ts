/**
 * Gene symbols, family roots and family nouns read by their written form where no database key
 * matches the word (`databaseMatches` in `./database.ts`; the rules in `../lexicon/gene-grammar.json`):
 * - a symbol written as its protein is (Nopp140 for NOPP140; Fos for FOS and Ras for the RAS family
 *   inside a sentence: `capitalisedSymbols`);
 * - a family root in capitals (CREB; a short one before a gene word), also as a plural (FGFRs);
 * - a symbol or root with its species' initial before it (hDlg, mMpl: `speciesPrefixes`);
 * - the family noun of approved names (collagen, cyclins, cyclin E: `./name-roots.ts`).
 * And a drug's abbreviation spelled like a family root (RAS) gives way to the family.
 */
import grammar from '../lexicon/gene-grammar.json';
import type { DatabaseIndex, DatabaseMatch } from './database.js';
import { familyRootOf, geneWordAfter } from './family-roots.js';
import { nameFamilyOf } from './name-roots.js';

/** The readings of word `w` (of the block's words `starts`/`ends`) by its form, added to `out`. */
export function writtenForms(folded: string, cased: string, pat: string, starts: readonly number[], ends: readonly number[], w: number, index: DatabaseIndex, out: DatabaseMatch[]): void {
  const before = out.length;
  const start = starts[w]!;
  const end = ends[w]!;
  proteinStyle(cased, pat, start, end, index, out);
  if (out.length === before) familyRoot(cased, start, end, index, out);
  if (out.length === before) speciesPrefixed(cased, start, end, index, out);
  if (out.length === before && index.nameFamilies.size > 0) familyNoun(folded, cased, pat, starts, ends, w, index, out);
}

/** A symbol written as a protein is (a capital, small letters, its number: Nopp140 for NOPP140). */
const PROTEIN_STYLE = /^\p{Lu}\p{Ll}{2,4}\d{1,3}$/u;
/** The same without a number (Ras for the RAS family, Fos for FOS), read only inside a sentence. */
const PROTEIN_WORD = /^\p{Lu}\p{Ll}{2,3}$/u;

const NOT_CAPITALISED = new Set(grammar.capitalisedSymbols.notSymbols);
const CAPITALISED_WORDS = new Set(grammar.capitalisedSymbols.words.list);
const PROPER_BEFORE = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+ $/u;
const PROPER_AFTER = /^ \p{Lu}\p{Ll}+(?![\p{L}\p{N}])/u;

/** A word that may be a symbol written as its protein (Fos): inside a sentence, standing alone, no residue code. */
function capitalisedSymbol(pat: string, start: number, end: number, word: string): boolean {
  if (!PROTEIN_WORD.test(word) || NOT_CAPITALISED.has(word)) return false;
  if (pat[end] === '-' || pat[start - 1] === '-' || pat[end] === '.') return false;
  // Among other capitalised words it is part of a proper name (Qing Dao Hai Yang).
  if (PROPER_BEFORE.test(pat.slice(Math.max(0, start - 16), start)) || PROPER_AFTER.test(pat.slice(end, end + 16))) return false;
  return !sentenceStart(pat, start);
}

/** Whether `at` begins a sentence (or the text): nothing but spaces back to a full stop, colon or the start. */
function sentenceStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\n')) i--;
  return i < 0 || '.!?:;"\''.includes(text[i]!) || text[i] === '\t' || text[i] === '|';
}

/**
 * A word no key matches, written in the protein style, read as the all-capital symbol or alias of
 * a target (the compiled keys hold that style for approved symbols only).
 */
function proteinStyle(cased: string, pat: string, start: number, end: number, index: DatabaseIndex, out: DatabaseMatch[]): void {
  const word = cased.slice(start, end);
  const numbered = PROTEIN_STYLE.test(word);
  if (!numbered && !capitalisedSymbol(pat, start, end, word)) return;
  const upper = word.toUpperCase();
  if (!numbered) {
    // Without a number the word may be an ordinary one: an approved symbol, or a family root (one that is also a word only with a gene word after it).
    const family = !CAPITALISED_WORDS.has(word) || geneWordAfter(pat.slice(end, end + 24)) ? index.families.get(upper) : undefined;
    if (family !== undefined) {
      out.push({ start, end, entry: family });
      return;
    }
  }
  for (const k of index.indices) {
    const at = k.cased.find(upper);
    if (at < 0) continue;
    const record = k.casedOwners[at]!;
    const entry = k.entryOf[record]!;
    // A word without a number is read only as a gene's symbol, never as a drug's abbreviation.
    if (!numbered && k.kinds[record] !== 't') return;
    out.push({ start, end, entry });
    return;
  }
}

/** A word that is a gene family's root (CREB; ATF before a gene word): a mention of the family. */
function familyRoot(cased: string, start: number, end: number, index: DatabaseIndex, out: DatabaseMatch[]): void {
  if (index.families.size === 0 || end - start < 3) return;
  if (cased[end] === '-' && /\d/.test(cased[end + 1] ?? '')) return;
  const word = cased.slice(start, end);
  // A root written as a plural (FGFRs, PPARs) names the family's members, as the root would.
  const singular = /^[A-Z][A-Z0-9]*[A-Z]s$/u.test(word) ? word.slice(0, -1) : word;
  const root = familyRootOf(singular, cased.slice(end, end + 24));
  const entry = root === null ? undefined : index.families.get(root);
  if (entry !== undefined) out.push({ start, end, entry });
}

const SPECIES = new RegExp(`^(?:${grammar.speciesPrefixes.prefixes.join('|')})(?=\\p{Lu})`, 'u');
const NOT_REST = new Set(grammar.speciesPrefixes.notRest);

/** A symbol with its species' initial closed up before it (hDlg, mMpl): the approved symbol or family root after the prefix. */
function speciesPrefixed(cased: string, start: number, end: number, index: DatabaseIndex, out: DatabaseMatch[]): void {
  const word = cased.slice(start, end);
  const prefix = SPECIES.exec(word);
  if (!prefix) return;
  const rest = word.slice(prefix[0].length);
  if (rest.length < 3 || NOT_REST.has(rest) || !/^\p{Lu}[\p{L}\p{N}]*$/u.test(rest)) return;
  const upper = rest.toUpperCase();
  for (const k of index.indices) {
    for (const form of rest === upper ? [rest] : [rest, upper]) {
      const at = k.cased.find(form);
      if (at < 0 || k.kinds[k.casedOwners[at]!] !== 't') continue;
      out.push({ start, end, entry: k.entryOf[k.casedOwners[at]!]! });
      return;
    }
  }
  const family = index.families.get(upper);
  if (family !== undefined) out.push({ start, end, entry: family });
}

/** A word read as a ligand's key that is a family's root (RAS): the family instead. */
export function overLigand(cased: string, start: number, end: number, index: DatabaseIndex, out: DatabaseMatch[], from: number): void {
  if (index.familiesOverLigands.size === 0 || out.length !== from + 1 || out[from]!.end !== end) return;
  const root = familyRootOf(cased.slice(start, end), cased.slice(end, end + 24));
  if (root === null || !index.familiesOverLigands.has(root)) return;
  out[from] = { start, end, entry: index.families.get(root)! };
}

/** A family noun of approved names (collagen, cyclins; cyclin E with its letter): a mention of the family. */
function familyNoun(folded: string, cased: string, pat: string, starts: readonly number[], ends: readonly number[], w: number, index: DatabaseIndex, out: DatabaseMatch[]): void {
  const start = starts[w]!;
  const end = ends[w]!;
  // The first part of a compound (dynamin-related protein) names something else.
  if (pat[end] === '-' && /\p{L}/u.test(pat[end + 1] ?? '')) return;
  const next = w + 1 < starts.length && starts[w + 1] === end + 1 && folded[end] === ' ' ? cased.slice(starts[w + 1]!, ends[w + 1]!) : null;
  const found = nameFamilyOf(index.nameFamilies, folded.slice(start, end), next);
  if (found) out.push({ start, end: found.words === 2 ? ends[w + 1]! : end, entry: found.entry });
}
