/**
 * Link-outs for an entity's database identifiers: each identifier validated by its form, then an
 * https URL of the database's own page. A value of the wrong form is shown without a link.
 */
import type { EntityIdentifiers, EntityKind } from './types.js';

export interface IdentifierLink {
  /** e.g. "UniProt P14416". */
  readonly label: string;
  /** The https URL, or null when the value does not have the identifier's form. */
  readonly url: string | null;
}

type Rule = readonly [name: string, key: keyof EntityIdentifiers, form: RegExp, url: (value: string, kind: EntityKind) => string];

const RULES: readonly Rule[] = [
  ['PubChem CID', 'pubchem', /^\d{1,12}$/, (v) => `https://pubchem.ncbi.nlm.nih.gov/compound/${v}`],
  ['ChEBI', 'chebi', /^(CHEBI:)?\d{1,9}$/, (v) => `https://www.ebi.ac.uk/chebi/searchId.do?chebiId=${v.startsWith('CHEBI:') ? v : `CHEBI:${v}`}`],
  ['UniProt', 'uniprot', /^[A-Z0-9]{6,10}(-\d{1,3})?$/, (v) => `https://www.uniprot.org/uniprotkb/${v}/entry`],
  ['HGNC', 'hgnc', /^(HGNC:)?\d{1,9}$/, (v) => `https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/${v.startsWith('HGNC:') ? v : `HGNC:${v}`}`],
  ['IUPHAR/BPS', 'iuphar', /^\d{1,9}$/, (v, kind) =>
    kind === 'target'
      ? `https://www.guidetopharmacology.org/GRAC/ObjectDisplayForward?objectId=${v}`
      : `https://www.guidetopharmacology.org/GRAC/LigandDisplayForward?ligandId=${v}`],
  ['DrugBank', 'drugbank', /^DB\d{5}$/, (v) => `https://go.drugbank.com/drugs/${v}`],
  ['NCBI Gene', 'entrez', /^\d{1,10}$/, (v) => `https://www.ncbi.nlm.nih.gov/gene/${v}`],
  ['Ensembl', 'ensembl', /^ENS[A-Z]*G\d{11}$/, (v) => `https://www.ensembl.org/id/${v}`],
  ['CAS', 'cas', /^\d{2,7}-\d{2}-\d$/, (v) => `https://commonchemistry.cas.org/detail?cas_rn=${v}`],
];

/** The identifiers' links, in a fixed order (PubChem, ChEBI, UniProt, HGNC, IUPHAR/BPS, DrugBank, NCBI Gene, Ensembl, CAS). */
export function identifierLinks(kind: EntityKind, ids: EntityIdentifiers): IdentifierLink[] {
  const links: IdentifierLink[] = [];
  for (const [name, key, form, url] of RULES) {
    const value = ids[key];
    if (!value) continue;
    links.push({ label: `${name} ${value}`, url: form.test(value) ? url(value, kind) : null });
  }
  return links;
}
