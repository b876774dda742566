/**
 * Compounds a paper names by their number (`compound 77`, `inhibitor 61`, `analogue 3a`): no
 * recogniser knows them, but the word before the label says a compound is meant. They are read as
 * ligand mentions of the sentence, with no entity id.
 */
import type { EntityMention } from '../types.js';
import type { Placed } from './sentences.js';

/** A ligand word and a compound label after it: `compound 12`, `compd 3a`, `inhibitor 61`. */
const NUMBERED_COMPOUND = /(?<![\p{L}\p{N}])(?:compounds?|compd\.?|cpd\.?|inhibitors?|analogues?|analogs?|derivatives?|hits?|ligands?)\s+(\d{1,4}[a-z]{0,2})(?![\p{L}\p{N}]|[.,]\d|\s*(?:%|[μµnmp]?M\b|mg|h\b|min\b))/giu;

/** True when a text may name a compound by its number. */
export function namesNumberedCompound(text: string): boolean {
  NUMBERED_COMPOUND.lastIndex = 0;
  return NUMBERED_COMPOUND.test(text);
}

/**
 * The numbered compounds of the plain text `[from, to)`, placed in plain coordinates; `source`
 * maps a plain index to its offset in the document.
 */
export function numberedCompounds(text: string, from: number, to: number, source: (plain: number) => number): Placed<EntityMention>[] {
  const out: Placed<EntityMention>[] = [];
  const slice = text.slice(from, to);
  NUMBERED_COMPOUND.lastIndex = 0;
  for (let m = NUMBERED_COMPOUND.exec(slice); m; m = NUMBERED_COMPOUND.exec(slice)) {
    const label = m[1]!;
    const start = from + m.index + m[0].length - label.length;
    const end = start + label.length;
    out.push({ item: { kind: 'ligand', text: label, id: '', name: label, source: 'pattern', start: source(start), end: source(end - 1) + 1 }, start, end });
  }
  return out;
}
