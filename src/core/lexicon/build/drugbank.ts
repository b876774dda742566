/**
 * DrugBank's open vocabulary (`drugbank vocabulary.csv`, CC0): common name, synonyms and the
 * CAS, UNII and InChIKey of every DrugBank entry.
 */
import { list, records } from './csv.js';
import type { SourceEntry, SourceSpelling } from './types.js';

export function parseDrugbank(text: string): SourceEntry[] {
  const out: SourceEntry[] = [];
  const seen = new Set<string>();
  for (const r of records(text, ',', 'DrugBank ID')) {
    const id = r['DrugBank ID']!;
    const name = r['Common name']!;
    if (!/^DB\d{5}$/.test(id) || !name || seen.has(id)) continue;
    seen.add(id);
    const spellings: SourceSpelling[] = [{ text: name, role: 'name' }];
    for (const s of list(r.Synonyms)) if (s !== name) spellings.push({ text: s, role: 'synonym' });
    // DrugBank names ions "Sodium cation", "Chloride ion"; papers write "sodium", "chloride".
    const ion = /^(\p{L}+) (?:cation|anion|ion)$/u.exec(name);
    if (ion && !spellings.some((s) => s.text.toLowerCase() === ion[1]!.toLowerCase())) spellings.push({ text: ion[1]!, role: 'synonym' });
    const identifiers: Record<string, string> = { drugbank: id };
    if (r.CAS) identifiers.cas = r.CAS;
    if (r.UNII) identifiers.unii = r.UNII;
    if (r['Standard InChI Key']) identifiers.inchikey = r['Standard InChI Key'];
    out.push({ source: 'drugbank', key: id, kind: 'ligand', name, spellings, class: null, identifiers });
  }
  return out;
}
