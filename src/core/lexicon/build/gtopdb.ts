/**
 * The IUPHAR/BPS Guide to Pharmacology (CC BY-SA 4.0): targets with their families
 * (`targets_and_families.csv`) and ligands with their type and approval (`ligands.csv`).
 * Names carry HTML markup (`5-HT<sub>1A</sub>`, `&beta;`), read here as plain text.
 */
import { list, records } from './csv.js';
import type { BuildKind, SourceEntry, SourceSpelling } from './types.js';

const ENTITIES: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', iota: 'ι', kappa: 'κ',
  lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', omicron: 'ο', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ',
  chi: 'χ', psi: 'ψ', omega: 'ω', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', plusmn: '±', middot: '·',
  prime: '′', Prime: '″', ndash: '–', mdash: '—', reg: '®', trade: '™', deg: '°', times: '×', rarr: '→',
};

/** GtoPdb's markup as plain text: tags dropped, entities decoded. */
export function plainName(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[A-Za-z]+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
      return ENTITIES[e] ?? ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** GtoPdb's target types, as the class tells them. */
const TARGET_TYPES: Readonly<Record<string, string>> = {
  gpcr: 'GPCR',
  lgic: 'ligand-gated ion channel',
  vgic: 'voltage-gated ion channel',
  other_ic: 'ion channel',
  nhr: 'nuclear hormone receptor',
  catalytic_receptor: 'catalytic receptor',
  enzyme: 'enzyme',
  transporter: 'transporter',
  other_protein: 'other protein',
};

export function parseGtopdbTargets(text: string): SourceEntry[] {
  const out: SourceEntry[] = [];
  const seen = new Set<string>();
  for (const r of records(text, ',', 'Target id')) {
    const id = r['Target id']!;
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const name = plainName(r['Target name'] ?? '');
    if (!name) continue;
    const spellings: SourceSpelling[] = [{ text: name, role: 'name' }];
    const abbreviated = plainName(r['Target abbreviated name'] ?? '');
    if (abbreviated) spellings.push({ text: abbreviated, role: 'synonym' });
    const systematic = plainName(r['Target systematic name'] ?? '');
    if (systematic) spellings.push({ text: systematic, role: 'synonym' });
    for (const s of list(r.synonyms)) spellings.push({ text: plainName(s), role: 'synonym' });
    const family = plainName(r['Family name'] ?? '');
    const type = TARGET_TYPES[r.Type ?? ''] ?? null;
    const identifiers: Record<string, string> = { iuphar: id };
    const links: string[] = [];
    // One target, several genes (a receptor's subunits) lists them with "|".
    const hgnc = list(r['HGNC id']);
    if (hgnc.length === 1) {
      identifiers.hgnc = `HGNC:${hgnc[0]}`;
      links.push(`hgnc:HGNC:${hgnc[0]}`);
    }
    const uniprot = list(r['Human SwissProt']);
    if (uniprot.length === 1) identifiers.uniprot = uniprot[0]!;
    out.push({
      source: 'gtopdb',
      key: `target ${id}`,
      kind: 'target',
      name,
      spellings,
      class: family ? (type ? `${family} (${type})` : family) : type,
      identifiers,
      links,
    });
  }
  return out;
}

/** Ligand types read as other chemicals rather than ligands (GtoPdb's own types). */
const CHEMICAL_TYPES = new Set(['Inorganic']);

export function parseGtopdbLigands(text: string): SourceEntry[] {
  const out: SourceEntry[] = [];
  for (const r of records(text, ',', 'Ligand ID')) {
    const id = r['Ligand ID']!;
    const name = plainName(r.Name ?? '');
    if (!id || !name) continue;
    // Radiolabelled forms ([3H]…) are written with their label; they name the same compound.
    if (/^\[\d+[A-Z][a-z]?\]/.test(name)) continue;
    const kind: BuildKind = CHEMICAL_TYPES.has(r.Type ?? '') ? 'chemical' : 'ligand';
    const type = (r.Type ?? '').toLowerCase();
    const approved = r.Approved === 'yes';
    const spellings: SourceSpelling[] = [{ text: name, role: 'name' }];
    for (const s of list(r.Synonyms)) spellings.push({ text: plainName(s), role: 'synonym' });
    if (r.INN) spellings.push({ text: plainName(r.INN), role: 'synonym' });
    const identifiers: Record<string, string> = { iuphar: id };
    if (/^\d+$/.test(r['PubChem CID'] ?? '')) identifiers.pubchem = r['PubChem CID']!;
    out.push({
      source: 'gtopdb',
      key: `ligand ${id}`,
      kind,
      name,
      spellings,
      class: approved ? `approved drug (${type})` : type || null,
      identifiers,
      links: [`name:${name.toLowerCase()}`],
    });
  }
  return out;
}
