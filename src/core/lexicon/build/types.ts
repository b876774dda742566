/** What each source parser yields: entries as the source states them, before merging and filters. */

export type BuildKind = 'ligand' | 'target' | 'chemical';

/** How a source names an entry; filters treat the roles differently (a symbol matches by case). */
export type SpellingRole = 'name' | 'symbol' | 'alias-symbol' | 'previous-symbol' | 'alias-name' | 'synonym';

export interface SourceSpelling {
  readonly text: string;
  readonly role: SpellingRole;
}

export type SourceId = 'hgnc' | 'drugbank' | 'gtopdb';

/** One entry of one source. */
export interface SourceEntry {
  readonly source: SourceId;
  /** The source's own identifier of the entry (HGNC:3023, DB00001, 1 …). */
  readonly key: string;
  readonly kind: BuildKind;
  readonly name: string;
  /** Every spelling, the name first. */
  readonly spellings: readonly SourceSpelling[];
  readonly class: string | null;
  /** Identifiers by the lexicon's keys (hgnc, uniprot, iuphar, entrez, ensembl, drugbank, pubchem, chebi, cas, unii, inchikey). */
  readonly identifiers: Readonly<Record<string, string>>;
  /** Links to entries of other sources: `hgnc:HGNC:3023`, `name:…`. */
  readonly links?: readonly string[];
}
