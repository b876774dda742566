/**
 * Gene symbols too weak to stand alone (a word: CAT, SET; two letters: AR), read where the words
 * around them say they name the gene or its product (`../lexicon/gene-context.json`): "the CAT
 * gene", "AR expression", "anti-SET". The document then knows the symbol as that target
 * everywhere, as it knows an abbreviation it defines (written as it is, in its own case).
 */
import context from '../lexicon/gene-context.json';
import type { Alias, ScannedBlock } from './abbreviations.js';
import type { EntityRegistry } from './context.js';
import { mayHoldCapital } from './gene-grammar.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (list: readonly string[]): string => [...list].sort((a, b) => b.length - a.length).map(escape).join('|');
const TOKEN = /(?<![\p{L}\p{N}-])[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*(?![\p{L}\p{N}])/gu;
const AFTER = new RegExp(`^ (?:${words(context.after)})(?![\\p{L}\\p{N}])`, 'u');
const AFTER_SHORT = new RegExp(`^ (?:${words(context.afterShort)})(?![\\p{L}\\p{N}])`, 'u');
const PROTEIN_WORD = /^\p{Lu}\p{Ll}{2,3}$/u;
const BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words(context.before)})(?:-| )$`, 'iu');

/** Adds candidates for the weak target symbols a block's context confirms, and their aliases. */
export function findWeakTargets(scan: ScannedBlock, registry: EntityRegistry, aliases: Map<string, Alias>): void {
  const weak = registry.lexicon.database?.weakTargets;
  if (!weak || weak.size === 0) return;
  const { pat } = scan;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(pat); m; m = TOKEN.exec(pat)) {
    const symbol = m[0];
    // Every symbol shape needs a capital (most words have none).
    if (!mayHoldCapital(symbol)) continue;
    // A symbol written as its protein is (Shc, Rel for SHC, REL): only with a gene word after it.
    const protein = PROTEIN_WORD.test(symbol) ? weak.get(symbol.toUpperCase()) : undefined;
    // A weak symbol is looked up before its shape is checked.
    const index = protein ?? weak.get(symbol);
    if (index === undefined) continue;
    // Symbols only: two capitals, or a capital and a digit (CAT, AR, Sp1; not "The", "Water").
    if (protein === undefined && (symbol.length < 2 || /\p{Ll}{3}/u.test(symbol) || !(/\p{Lu}.*\p{Lu}/u.test(symbol) || (/\p{Lu}/u.test(symbol) && /\p{N}/u.test(symbol))))) continue;
    const start = m.index;
    const end = start + symbol.length;
    const after = pat.slice(end, end + 32);
    const confirmed =
      protein !== undefined ? AFTER.test(after) : symbol.length < 3 ? AFTER_SHORT.test(after) : AFTER.test(after) || BEFORE.test(pat.slice(Math.max(0, start - 24), start));
    if (!confirmed || scan.candidates.some((c) => c.start < end && start < c.end)) continue;
    const entity = registry.entry(index);
    scan.candidates.push({ start, end, entity, source: 'lexicon' });
    if (!aliases.has(symbol)) aliases.set(symbol, { text: symbol, entity, source: 'lexicon' });
  }
}
