/**
 * The precision rules of the build (values in `./rules.json`): which database spellings may
 * become mentions on their own. A spelling that is an ordinary English word (by a word-frequency
 * list), too short, an all-capital abbreviation of few letters, or ambiguous between entries is
 * kept as a weak spelling; one of a form the matcher cannot use is dropped.
 */
import rules from './rules.json';
import { foldedOf, type StoredKey } from './keys.js';
import type { SpellingRole } from './types.js';

export type Verdict = 'keep' | 'weak' | 'drop';

export const RULES = rules;

const WORDY = /^[\p{L}\p{N}](?:.*[\p{L}\p{N}])?$/u;

/** Whether a stored key has a form the token matcher can use: word characters at both ends, a letter, bounded length and tokens. */
export function usableForm(key: StoredKey): boolean {
  const folded = foldedOf(key);
  if (folded.length < rules.minKeyLength || folded.length > rules.maxKeyLength) return false;
  if (!WORDY.test(folded) || !/\p{L}/u.test(folded) || /[\t\n]/.test(folded)) return false;
  return tokenCount(folded) <= rules.maxTokens;
}

export function tokenCount(folded: string): number {
  return folded.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/**
 * Whether a spelling may stand alone, by its role and the general-English frequency of its
 * words (`ranks`: word → rank).
 */
export function judgeSpelling(text: string, role: SpellingRole, ranks: ReadonlyMap<string, number>): Verdict {
  const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const letters = text.replace(/[^\p{L}]/gu, '');
  const symbolic = role === 'symbol' || role === 'alias-symbol' || role === 'previous-symbol';
  if (symbolic && text.length < rules.minSymbolLength) return 'weak';
  // An alias written as a chemical formula (CO2, NO) names the chemical far more often than the gene.
  if ((role === 'alias-symbol' || role === 'previous-symbol') && isFormula(text)) return 'weak';
  if (words.length === 1) {
    const rank = ranks.get(words[0]!);
    const limit = role === 'name' ? rules.commonWordRank : role === 'synonym' ? rules.synonymCommonRank : rules.wordListRank;
    if (rank !== undefined && rank <= limit) return 'weak';
  }
  // Very short all-capital synonyms (DA, NO) are abbreviations of many things; with a digit (5-FU) they are codes.
  const short = /\d/.test(text) && text.length >= rules.minCapsSynonymLetters ? letters.length < 2 : letters.length < rules.minCapsSynonymLetters;
  if (role === 'synonym' && letters.length > 0 && short && letters === letters.toUpperCase()) return 'weak';
  // Alias names and synonyms made only of common words ("growth factor", "T cells", "sterile water") name families or things, not one entity.
  if ((role === 'alias-name' || role === 'synonym') && words.length > 1 && words.every((w) => (ranks.get(w) ?? Infinity) <= rules.aliasNameCommonRank)) return 'weak';
  return 'keep';
}

/** Claim priority of a role: a name or approved symbol outranks a synonym, which outranks an alias. */
export function priority(role: SpellingRole): number {
  return role === 'name' || role === 'symbol' ? 0 : role === 'synonym' || role === 'previous-symbol' ? 1 : 2;
}

const elements = new Set(rules.elementSymbols);

/** Whether a short symbol reads as a chemical formula: element symbols, each with an optional count. */
export function isFormula(text: string): boolean {
  if (text.length > rules.formulaMaxLength) return false;
  const parts = text.match(/[A-Z][a-z]?\d*/g);
  return parts !== null && parts.join('') === text && parts.every((p) => elements.has(p.replace(/\d+$/, '')));
}

const chemicalWords = new Set(rules.chemical.words);
const systematic = rules.chemical.systematic.map((s) => new RegExp(s, 'u'));

/** Whether a name is an ion, salt, element or systematic name (kind `chemical`). */
export function isChemicalName(name: string): boolean {
  const words = name.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  if (words.length > 0 && words.every((w) => chemicalWords.has(w))) return true;
  return name.length >= rules.chemical.systematicMinLength && systematic.some((r) => r.test(name));
}
