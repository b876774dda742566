/**
 * HGNC's complete set (`hgnc_complete_set.txt`, tab-separated, CC0): approved protein-coding genes
 * with their symbols, names, alias and previous symbols and names, gene groups and the
 * identifiers HGNC carries (UniProt, IUPHAR/BPS, Entrez, Ensembl).
 */
import { list, records } from './csv.js';
import type { SourceEntry, SourceSpelling } from './types.js';

/** Locus groups taken (HGNC's own categories). */
const LOCUS_GROUPS = new Set(['protein-coding gene']);

export function parseHgnc(text: string): SourceEntry[] {
  const out: SourceEntry[] = [];
  for (const r of records(text, '\t', 'hgnc_id')) {
    if (r.status !== 'Approved' || !LOCUS_GROUPS.has(r.locus_group ?? '')) continue;
    const spellings: SourceSpelling[] = [{ text: r.symbol!, role: 'symbol' }];
    if (r.name) spellings.push({ text: r.name, role: 'name' });
    for (const s of list(r.alias_symbol)) spellings.push({ text: s, role: 'alias-symbol' });
    for (const s of list(r.prev_symbol)) spellings.push({ text: s, role: 'previous-symbol' });
    for (const s of [...list(r.alias_name), ...list(r.prev_name)]) spellings.push({ text: s, role: 'alias-name' });
    const identifiers: Record<string, string> = { hgnc: r.hgnc_id! };
    const uniprot = list(r.uniprot_ids)[0];
    if (uniprot) identifiers.uniprot = uniprot;
    const iuphar = /^objectId:(\d+)$/.exec(list(r.iuphar)[0] ?? '');
    if (iuphar) identifiers.iuphar = iuphar[1]!;
    if (r.entrez_id) identifiers.entrez = r.entrez_id;
    if (r.ensembl_gene_id) identifiers.ensembl = r.ensembl_gene_id;
    // Newer releases call the column gene_group, older ones gene_family.
    const group = list(r.gene_group ?? r.gene_family)[0] ?? null;
    const ec = list(r.enzyme_id)[0];
    out.push({
      source: 'hgnc',
      key: r.hgnc_id!,
      kind: 'target',
      name: r.symbol!,
      spellings,
      class: group ?? (ec ? `enzyme (EC ${ec})` : null),
      identifiers,
    });
  }
  return out;
}
