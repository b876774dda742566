/**
 * Hormones and cytokines given as medicines (`../lexicon/ligand-uses.json`): the gene of a
 * hormone is a target, but a document that writes "EPO-treated" or "treatment with EPO" gives the
 * protein as a ligand. Where a block says so of a mention, the document reads that entity's
 * mentions as the ligand, except those a gene word follows ("the EPO gene"). Document-wide, after
 * every block is read.
 */
import data from '../lexicon/ligand-uses.json';
import type { EntityMention } from '../types.js';
import type { EntityDef } from './candidates.js';
import type { EntityRegistry } from './context.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (list: readonly string[]): string => [...list].sort((a, b) => b.length - a.length).map(escape).join('|');
const CLASSES = new Set(data.classes);
const BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words(data.before)}) (?:the )?$`, 'iu');
const AFTER = new RegExp(`^(?:-| )(?:${words(data.after)})(?![\\p{L}\\p{N}])`, 'iu');
const GENE_AFTER = new RegExp(`^(?:-| )(?:${words(data.geneAfter)})(?![\\p{L}\\p{N}])`, 'u');
/** A mention read with its gene head noun ("EPO gene"). */
const GENE_HEAD = new RegExp(`[ -](?:${words(data.geneAfter)})$`, 'u');

/** The mentions with the hormones and cytokines the document gives as medicines read as ligands. */
export function readLigandUses(text: string, mentions: EntityMention[], registry: EntityRegistry): EntityMention[] {
  const given = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== 'target' || given.has(m.id) || !CLASSES.has(registry.get(m.id)?.class ?? '')) continue;
    if (AFTER.test(text.slice(m.end, m.end + 24)) || BEFORE.test(text.slice(Math.max(0, m.start - 32), m.start))) given.add(m.id);
  }
  if (given.size === 0) return mentions;
  return mentions.map((m) => {
    if (!given.has(m.id) || GENE_HEAD.test(m.text) || GENE_AFTER.test(text.slice(m.end, m.end + 16))) return m;
    const ligand = ligandOf(registry.get(m.id)!, registry);
    return { ...m, kind: 'ligand', id: ligand.id, name: ligand.name, source: 'pattern' };
  });
}

/** The ligand a hormone's gene encodes, related to the gene. */
function ligandOf(gene: EntityDef, registry: EntityRegistry): EntityDef {
  return registry.pattern({
    start: 0,
    end: 0,
    kind: 'ligand',
    canonical: gene.name,
    pattern: `the product of ${gene.name} (${gene.class}), given as a medicine in this document`,
    class: gene.class,
    related: [gene.id],
  });
}
