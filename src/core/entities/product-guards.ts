/**
 * Product names spelled like entities (`../lexicon/product-guards.json`): a language model named
 * GPT is no alanine aminotransferase, a Gemini model no ligand. A family name is a product where
 * it is written with a version or variant (GPT 5.2, GPT-4o, Gemini 3 Flash) or where its block
 * speaks of such products (a context word: LLM, prompt); the name and its version then block any
 * entity they overlap, and the document reads the bare name as that product everywhere (as an
 * abbreviation spelled out as a non-entity). Without either, the name is read as before.
 */
import data from '../lexicon/product-guards.json';
import type { Alias, ScannedBlock } from './abbreviations.js';
import { type CompiledLexicon, lookupName } from './lexicon.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (list: readonly string[]): string => [...list].sort((a, b) => b.length - a.length).map(escape).join('|');

interface Family {
  /** A family name, then its version or variant marks. */
  readonly names: RegExp;
  /** Whether a block speaks of the family's products. */
  readonly context: (text: string) => boolean;
}

/** A context word with a capital is matched as written (LLM, OpenAI); one in small letters in any case (prompt, Prompts). */
function contextTest(words: readonly string[]): (text: string) => boolean {
  const whole = (list: readonly string[], flags: string): RegExp | null =>
    list.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(list)})(?![\\p{L}\\p{N}])`, flags) : null;
  const cased = whole(words.filter((w) => /\p{Lu}/u.test(w)), 'u');
  const any = whole(words.filter((w) => !/\p{Lu}/u.test(w)), 'iu');
  return (text) => (cased?.test(text) ?? false) || (any?.test(text) ?? false);
}

let families: readonly Family[] | undefined;

function compiled(): readonly Family[] {
  families ??= data.families.map((f) => ({
    names: new RegExp(`(?<![\\p{L}\\p{N}\\-])(${alternation(f.names)})(${data.version_mark})?(?![\\p{L}\\p{N}])`, 'gu'),
    context: contextTest(f.context),
  }));
  return families;
}

/** Adds blockers for the product names a block confirms, and the names as non-entity spellings of the document. */
export function findProductGuards(scan: ScannedBlock, lexicon: CompiledLexicon, aliases: Map<string, Alias>): void {
  const { pat } = scan;
  for (const family of compiled()) {
    let inContext: boolean | undefined;
    family.names.lastIndex = 0;
    for (let m = family.names.exec(pat); m; m = family.names.exec(pat)) {
      const name = m[1]!;
      const version = m[2] ?? '';
      if (!versioned(name, version, lexicon) && !(inContext ??= family.context(pat))) continue;
      scan.candidates.push({ start: m.index, end: m.index + m[0].length, entity: null, source: 'pattern' });
      if (!aliases.has(name)) aliases.set(name, { text: name, entity: null, source: 'pattern', asWritten: true });
    }
  }
}

/**
 * Whether a version says product: a decimal or a variant word (GPT 5.2, GPT-4o, Gemini 3 Flash),
 * or a number the name does not take as a gene's (GPT4, but not GPT2, a gene the lexicon knows).
 */
function versioned(name: string, version: string, lexicon: CompiledLexicon): boolean {
  const mark = version.replace(/^[ -]/u, '');
  if (!mark) return false;
  if (/[.\p{L}]/u.test(mark)) return true;
  return lookupName(lexicon, `${name}${mark}`) === undefined && lookupName(lexicon, `${name}-${mark}`) === undefined;
}
