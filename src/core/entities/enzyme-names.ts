/**
 * Enzyme names by their grammar (`enzymeNames` in `../lexicon/affixes.json`): a name ending in
 * -ase (L-asparaginase, DNase I, beta-galactosidase) is the enzyme, a target, even where a drug
 * database lists it as a medicine. Each such ligand candidate becomes a mention of the enzyme
 * written so, related to the drug entry.
 */
import affixes from '../lexicon/affixes.json';
import type { Candidate } from './candidates.js';
import type { EntityRegistry } from './context.js';

const grammar = affixes.enzymeNames;
const TRAILING = new Set(grammar.trailing);
const ORDINARY = new Set(grammar.ordinaryWords);

/** Whether a written name is an enzyme's: its last word, after trailing marks (alfa, I), ends in -ase. */
export function isEnzymeName(written: string): boolean {
  const words = written.split(/[\s-]+/u).filter(Boolean);
  while (words.length > 1 && TRAILING.has(words[words.length - 1]!)) words.pop();
  const word = words[words.length - 1]?.toLowerCase() ?? '';
  const last = word.endsWith(`${grammar.suffix}s`) ? word.slice(0, -1) : word;
  const letters = last.replace(/[^\p{L}]/gu, '');
  return letters.length >= grammar.minLetters && last.endsWith(grammar.suffix) && !ORDINARY.has(letters);
}

/** Replaces each ligand candidate written as an enzyme's name by a target candidate of that name. */
export function enzymeCandidates(pat: string, candidates: Candidate[], registry: EntityRegistry): void {
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (c.entity?.kind !== 'ligand') continue;
    const written = pat.slice(c.start, c.end);
    if (!isEnzymeName(written)) continue;
    const entity = registry.pattern({
      start: c.start,
      end: c.end,
      kind: 'target',
      canonical: written,
      pattern: `enzyme name (-${grammar.suffix}), listed as the medicine ${c.entity.name}`,
      class: 'enzyme',
      related: [c.entity.id],
    });
    candidates[i] = { start: c.start, end: c.end, entity, source: 'pattern' };
  }
}
