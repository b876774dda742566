/**
 * The keys a spelling is matched by, computed as the runtime computes them (`../../entities/`):
 * the folded key, and the cased key when case matters. Stored in the compiled lexicon so that
 * loading it does no normalisation.
 */
import type { EntityKind } from '../../types.js';
import { spellingVariants } from '../../entities/lexicon.js';
import { isCaseSensitive, matchText, nameKey } from '../../entities/normalize.js';
import { nomenclature } from '../../entities/patterns.js';

/** A key as stored: the folded key, or `^` + the cased key when it must match as written. */
export type StoredKey = string;

/** The stored key of one spelling (`forceCase`: symbols match as written whatever their length). */
export function storedKey(spelling: string, forceCase = false): StoredKey {
  if (forceCase || isCaseSensitive(spelling)) return `^${nameKey(spelling, false)}`;
  return nameKey(spelling, true);
}

/** The folded key of a stored key (what the runtime looks up first). */
export function foldedOf(key: StoredKey): string {
  return key.startsWith('^') ? matchText(key.slice(1), true) : key;
}

/** A spelling and its variants (plural, `X receptor` → `XR`, hyphen dropped) as the runtime makes them for hand-curated entries, as stored keys. */
export function variantKeys(spelling: string, kind: EntityKind, forceCase = false): StoredKey[] {
  const out = new Set<StoredKey>();
  for (const v of spellingVariants(spelling, kind, nomenclature().pluralHeads)) out.add(storedKey(v, forceCase));
  return [...out];
}

/**
 * The variants of a database spelling: the hyphen between letters and digits dropped
 * (`PSD-95` = `PSD95`); for a target's name (not a symbol) whose last word is a plain
 * lower-case noun, its plural (`kinases`); for an approved symbol, its mouse-style spelling. Drug
 * names are not pluralised.
 */
export function databaseVariantKeys(spelling: string, kind: EntityKind, symbol: boolean, approved = false): StoredKey[] {
  const forms = new Set<string>([spelling, spelling.replace(/(?<=[A-Za-z])-(?=\d)|(?<=\d)-(?=[A-Za-z])/g, '')]);
  if (kind === 'target' && !symbol) for (const f of [...forms]) if (/(?:^|[\s-])[a-z]{3,}[a-rt-z]$/.test(f)) forms.add(`${f}s`);
  // Approved gene symbols with a number are also written in the mouse and rat style (Sp1 for
  // SP1); without one, the style is that of abbreviations (Proc, Natl in a journal's name).
  if (approved && /^[A-Z][A-Z0-9]{2,}$/.test(spelling) && /[A-Z].*[A-Z]/.test(spelling) && /\d/.test(spelling)) forms.add(spelling[0] + spelling.slice(1).toLowerCase());
  return [...new Set([...forms].map((f) => gapped(symbol || databaseCaseSensitive(f) ? `^${nameKey(f, false)}` : nameKey(f, true))))];
}

/**
 * A key with what separates its words normalised as the matcher normalises text
 * (`../../entities/database.ts`): a gap of spaces is one space, spaces around other characters
 * are dropped (`HER2 / neu` = `HER2/neu`, `5 - FU` = `5-FU`).
 */
export function gapped(key: StoredKey): StoredKey {
  return key.replace(/(?<=[\p{L}\p{N}])[^\p{L}\p{N}]+(?=[\p{L}\p{N}])/gu, (gap) => (/^ +$/.test(gap) ? ' ' : gap.replace(/ /g, '')));
}

/**
 * Whether a database name must match as written: as for hand-curated names (short names with a
 * capital, all-capital symbols), except a name capitalised only at its start, which databases
 * write so by habit (DrugBank's "Mesna" is the drug mesna).
 */
export function databaseCaseSensitive(name: string): boolean {
  if (/^\p{Lu}[^\p{Lu}]*$/u.test(name) && /\p{Ll}/u.test(name)) return false;
  return isCaseSensitive(name);
}
