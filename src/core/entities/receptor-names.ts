/**
 * "X receptor" as the lexicon's databases name it: HGNC names the receptor of a ligand gene with
 * the ligand's approved name and the head (the receptor of EGF is named after EGF's name, and its
 * symbol is EGFR). Every key of the lexicon that is a name and "receptor" gives that pair; a name
 * read with the head ("EGF receptor", "IGF-1 receptor") is then the receptor the databases give,
 * not a new target. A ligand whose name heads two receptors names neither.
 */
import { type CompiledLexicon, lookupName } from './lexicon.js';

const HEAD = ' receptor';

const made = new WeakMap<object, ReadonlyMap<number, number>>();

/** The entry of the receptor the lexicon names after the entity at `entry`, if one. */
export function receptorOf(lexicon: CompiledLexicon, entry: number): number | undefined {
  const key = lexicon.database ?? lexicon.keys;
  let map = made.get(key);
  if (!map) made.set(key, (map = receptorsByLigand(lexicon)));
  return map.get(entry);
}

/** Ligand entry → receptor entry, from every key "<name> receptor" whose name is a key too. */
function receptorsByLigand(lexicon: CompiledLexicon): Map<number, number> {
  const found = new Map<number, number>();
  const ambiguous = new Set<number>();
  const add = (ligandName: string, receptor: number): void => {
    const ligand = lookupName(lexicon, ligandName);
    if (ligand === undefined || ligand === receptor || ambiguous.has(ligand)) return;
    if (lexicon.entries[receptor]?.kind !== 'target') return;
    const known = found.get(ligand);
    if (known === undefined) found.set(ligand, receptor);
    else if (known !== receptor) {
      found.delete(ligand);
      ambiguous.add(ligand);
    }
  };
  for (const [folded, targets] of lexicon.keys) {
    if (!folded.endsWith(HEAD)) continue;
    const entry = targets.find((t) => t.entry >= 0)?.entry;
    if (entry !== undefined) add(folded.slice(0, -HEAD.length), entry);
  }
  for (const index of lexicon.database?.indices ?? []) {
    const lines = index.keys.text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.endsWith(HEAD)) add(line.slice(0, -HEAD.length), index.entryOf[index.owners[i]!]!);
    }
  }
  return found;
}
