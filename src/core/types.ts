/**
 * The public data model of a Marginalia analysis.
 *
 * Every offset is a UTF-16 code-unit index into the analysed text (as JavaScript strings and
 * VS Code count), `start` inclusive and `end` exclusive. The JSON printed by
 * `marginalia analyze --json` is exactly an {@link Analysis}; it is a public contract.
 */

/** A half-open span of the source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How a citation marker is written in the source. */
export type CitationStyle =
  | 'bracket' // [4], [4][10], [12–15], [1, 3]
  | 'superscript' // ^{[1][2]}, ^[7], $^{12}$, \(^{2,3}\), \textsuperscript{4–6}
  | 'unicode-superscript' // ¹², ¹,⁶, ³⁻⁵
  | 'html-sup' // <sup>12</sup>
  | 'link' // [\[1,2\]](#page-3-0)
  | 'footnote' // [^3]
  | 'author-year' // (Smith et al., 2017), [Smith 2017](#references), Smith et al. 2017
  | 'citekey' // [@smith2017], [@doi:10.1038/nrd1234; @pmid:23180789] (pandoc)
  | 'glued' // organisms1, factors4–7, `cells. 11 Neutrophils`: a superscript flattened onto the text
  | 'parenthesis'; // (9), (13,15-17): numbers in parentheses, against a numbered list

/** One reference number inside a marker, with the span of its own digits (for grouped markers). */
export interface CitationPart extends Span {
  readonly number: number;
}

/** A citation marker found in the text. */
export interface Citation extends Span {
  /** The marker exactly as written, e.g. `[4][10][16]`. */
  readonly text: string;
  /** Reference numbers it points to, in order, ranges expanded. */
  readonly numbers: readonly number[];
  /** Where each number sits; a number from an expanded range points at the range's text. */
  readonly parts: readonly CitationPart[];
  readonly style: CitationStyle;
  /**
   * For footnotes, the label (`[^note]` → `note`); for author–year, the citation key text; for
   * citekeys, the keys as written (`@doi:10.1038/nrd1234; @pmid:23180789`). An author–year or
   * citekey citation with no entry to resolve to has no `numbers`: its label names what it cites.
   */
  readonly label?: string;
}

/** One field of a reference entry: its value as written (markup removed, white space collapsed) and where it sits. */
export interface FieldValue extends Span {
  readonly value: string;
}

/** An author of a reference entry: family name and given names as written (`given` null for a group author). */
export interface ReferenceAuthor extends Span {
  readonly family: string;
  readonly given: string | null;
}

/**
 * What a reference entry says, field by field, each with its span in the document. `year` is the
 * four digits; `doi` in lower case without `https://doi.org/`; `pmcid` with its `PMC`; `pages`
 * with the dash written `-`; `url` a URL the entry gives that is not a DOI, PubMed or PMC link.
 */
export interface ReferenceFields {
  readonly authors: readonly ReferenceAuthor[];
  readonly year: FieldValue | null;
  readonly title: FieldValue | null;
  /** The journal, book or site the work appeared in. */
  readonly container: FieldValue | null;
  readonly volume: FieldValue | null;
  readonly issue: FieldValue | null;
  readonly pages: FieldValue | null;
  readonly doi: FieldValue | null;
  readonly pmid: FieldValue | null;
  readonly pmcid: FieldValue | null;
  readonly arxiv: FieldValue | null;
  readonly url: FieldValue | null;
}

/** An entry of the reference list. */
export interface Reference extends Span {
  /** The entry's number: written (`12.`, `[12]`, `12)`) or its position in an unnumbered list. */
  readonly number: number;
  /** The entry text without its list marker or number. */
  readonly text: string;
  /** Span of the number (or of the list marker when unnumbered), for go-to-definition targets. */
  readonly labelStart: number;
  readonly labelEnd: number;
  readonly authors: readonly string[];
  readonly title: string | null;
  /** Journal, publisher or site name. */
  readonly source: string | null;
  readonly year: number | null;
  readonly doi: string | null;
  readonly pmid: string | null;
  readonly pmcid: string | null;
  readonly url: string | null;
  /** The `[host]` that web extractions append, e.g. `frontiersin.org`. */
  readonly host: string | null;
  /** Footnote label for `[^label]: …` definitions. */
  readonly label?: string;
  /** The entry read field by field, with offsets into the document. */
  readonly fields: ReferenceFields;
  /** When this entry lists the same work as an earlier one, that entry's number. */
  readonly duplicateOf: number | null;
  /** Indices into {@link Analysis.citations} of every marker that cites this entry. */
  readonly citedBy: readonly number[];
}

/** `chemical`: ions, salts, solvents, buffers, metabolites and reagents (recognised and hoverable; not highlighted by default). */
export type EntityKind = 'ligand' | 'target' | 'chemical';

/** Where the knowledge that a name is an entity came from. */
export type EntitySource = 'lexicon' | 'workspace' | 'pattern' | 'table' | 'abbreviation';

/** One mention of a ligand or target in the text. */
export interface EntityMention extends Span {
  readonly kind: EntityKind;
  /** The mention exactly as written. */
  readonly text: string;
  /** Id of the entity in {@link Analysis.entityInfo}. */
  readonly id: string;
  /** Canonical name. */
  readonly name: string;
  readonly source: EntitySource;
}

/** Database identifiers; present only where the lexicon is sure of them. */
export interface EntityIdentifiers {
  readonly pubchem?: string;
  readonly chebi?: string;
  readonly uniprot?: string;
  readonly hgnc?: string;
  readonly iuphar?: string;
  /** DrugBank accession (DB00001). */
  readonly drugbank?: string;
  /** NCBI Gene (Entrez) id. */
  readonly entrez?: string;
  /** Ensembl gene id. */
  readonly ensembl?: string;
  /** CAS Registry Number. */
  readonly cas?: string;
  /** Standard InChIKey. */
  readonly inchikey?: string;
}

/** What is known about one entity, shared by all its mentions. */
export interface EntityInfo {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  /** e.g. "opioid receptor agonist", "voltage-gated K+ channel". */
  readonly class: string | null;
  readonly identifiers: EntityIdentifiers;
  readonly source: EntitySource;
  /** Human-readable provenance, e.g. "built-in lexicon 2026.11" or "table 1, column Ligand". */
  readonly provenance: string;
  /** Ids of related but distinct entities (stereo-isomers, parent receptor of a subunit). */
  readonly related: readonly string[];
  /** The spellings used in this document, most frequent first. */
  readonly variants: readonly string[];
  /** Number of mentions in this document. */
  readonly mentions: number;
}

/** A number with its unit, as written in the text. */
export interface Quantity extends Span {
  readonly text: string;
  /** IC50, EC50, Ki, Kd, Kb, pIC50, pKb, … when the text names one. */
  readonly measure: string | null;
  readonly value: number;
  /** Upper bound of a range (`10-100 μM`), else null. */
  readonly valueMax: number | null;
  /** The ± error, else null. */
  readonly error: number | null;
  /** Normalised unit spelling: `μM`, `nM`, `%`, `mg/kg`, `mV`, `MΩ`, `× g`, `°C`, … */
  readonly unit: string | null;
  /** For concentrations, the value in mol/L; for p-values (pIC50), the molar value they stand for. */
  readonly molar: number | null;
  /** For concentrations, the upper bound of a range in mol/L. */
  readonly molarMax: number | null;
}

export type EffectDirection =
  | 'potentiation'
  | 'inhibition'
  | 'suppression'
  | 'activation'
  | 'upregulation'
  | 'downregulation'
  | 'binding'
  | 'no-effect'
  | null;

export interface RecordEffect {
  readonly direction: EffectDirection;
  readonly value: number | null;
  readonly error: number | null;
  readonly unit: string | null;
  /** The effect cell (or phrase) as written. */
  readonly text: string;
}

export interface RecordEntityRef {
  readonly text: string;
  /** Entity id when recognised, else null. */
  readonly id: string | null;
  readonly start: number;
  readonly end: number;
}

/** How a record's value relates to the true one: `>50` is `>`, `~2` is `~`. */
export type RecordRelation = '=' | '<' | '>' | '~' | '≤' | '≥';

/** Where a record was read: a table, a table a converter ran into one paragraph, or a sentence. */
export type RecordOrigin = 'table' | 'flattened' | 'prose';

/** The piece of text a record's value was read from: a table cell or a phrase of a sentence. */
export interface RecordSource extends Span {
  /** As written. */
  readonly text: string;
}

/** One number the document reports for a ligand: from a table cell, a flattened table or a sentence. */
export interface DataRecord extends Span {
  readonly ligand: RecordEntityRef | null;
  readonly target: RecordEntityRef | null;
  readonly measure: string | null;
  readonly value: number | null;
  readonly valueMax: number | null;
  readonly unit: string | null;
  readonly molar: number | null;
  readonly effect: RecordEffect | null;
  /** Cell type, tissue, species, model: the context columns joined with "; ". */
  readonly context: string | null;
  readonly references: readonly number[];
  /** Index into {@link Analysis.tables}; null for records read from a flattened table or prose. */
  readonly table: number | null;
  /** Header → cell text, for columns not mapped to a field. */
  readonly extra: Readonly<Record<string, string>>;
  /** `=`, or the qualifier written before the value (`>50`, `<10`, `~2`, `≤`, `≥`); null without a value. */
  readonly relation: RecordRelation | null;
  /** The ± figure written with the value (or in its own SD/SEM column). */
  readonly error: number | null;
  /** What the error is, when the header or text says: `SD`, `SEM`, `SE`, `CI`. */
  readonly errorKind: string | null;
  /** Number of experiments (`n = 4`, an `n` column). */
  readonly n: number | null;
  /** ChEMBL's standard type: the measure with p-forms reduced to their base (`pKi` → `Ki`), `Inhibition` for % inhibition. */
  readonly standardType: string | null;
  /** −log10 of the molar value (pIC50, pKi, pEC50 …) for an exact (`=`) potency or affinity; the value itself for p-measures. */
  readonly pValue: number | null;
  readonly origin: RecordOrigin;
  /** The cell (or phrase) the value came from, as written, with its span. */
  readonly cell: RecordSource | null;
}

export interface TableCell extends Span {
  /** Cell text as written (trimmed). */
  readonly text: string;
  /** The cell read as plain text: math rendered (`IC50 = 6 μM`), markdown stripped. */
  readonly plain: string;
}

export interface TableRow extends Span {
  readonly cells: readonly TableCell[];
  /** True when the row was found later in the document as a continuation (a stray pipe row). */
  readonly continued: boolean;
  /**
   * The cell under each of {@link Table.columns}, when that differs from `cells`: a cell spanning
   * columns (`colspan`) is repeated under each, a cell spanning rows (`rowspan`) from a row above
   * appears in the rows below. Absent when `cells` are the columns one for one.
   */
  readonly columns?: readonly TableCell[];
}

export type TableLayout = 'pipe' | 'tab' | 'html';

/** One column of a table's grid with the header cells above it, top to bottom. */
export interface TableColumn {
  /** The header cells' plain texts joined with " › " (`5-HT transporter › Ki (nM)`). */
  readonly header: string;
  /** The header cells over the column, each once, top to bottom (a group header first). */
  readonly path: readonly TableCell[];
}

export interface Table extends Span {
  /** "Table 1: …" line, if any: above the table (then the table's span starts there), or right under it. */
  readonly caption: string | null;
  readonly captionStart: number | null;
  readonly captionEnd: number | null;
  readonly layout: TableLayout;
  /** The first header row's cells, as written. */
  readonly header: readonly TableCell[];
  /** The body rows (header rows excluded). */
  readonly rows: readonly TableRow[];
  /**
   * Every row of the header, the first included, when the header is more than one row (stacked or
   * spanned header rows, `colspan`/`rowspan`, a sub-header row under a pipe table's header).
   */
  readonly headerRows?: readonly TableRow[];
  /** The grid's columns with their header hierarchy, when the header is more than one row or cells span columns. */
  readonly columns?: readonly TableColumn[];
  /** A note under the table ("Values are means ± SEM (μM)", "ᵃ n.d., not determined"), when one follows it. */
  readonly note?: { readonly text: string; readonly start: number; readonly end: number };
  /** The heading or short paragraph right above the table when it is not its caption ("#### Itraconazole"): what the table is about. */
  readonly lead?: { readonly text: string; readonly start: number; readonly end: number };
  /**
   * True when the table follows a figure's image directly and has no caption of its own: a
   * converter's reading of the chart (values estimated from the plot), not numbers the authors wrote.
   */
  readonly chart?: true;
}

export interface Section extends Span {
  readonly title: string;
  /** 1–6 for markdown headings; plain-line headings get a level inferred from context. */
  readonly level: number;
  readonly headingStart: number;
  readonly headingEnd: number;
  /** Whether the heading is a markdown ATX/setext heading or a plain line read as one. */
  readonly written: 'markdown' | 'plain';
}

/**
 * `read-as-plain-text` (warning): a block beyond a parsing guard (nesting depth, nested list length,
 * line length, parse time) was read as plain text, without its markdown structure.
 */
export type DiagnosticCode = 'missing-reference' | 'uncited-reference' | 'duplicate-reference' | 'read-as-plain-text';

export type DiagnosticSeverity = 'error' | 'warning' | 'information';

export interface RelatedLocation extends Span {
  readonly message: string;
}

export interface Diagnostic extends Span {
  readonly code: DiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly message: string;
  readonly related: readonly RelatedLocation[];
  /** The reference number concerned (0 for `read-as-plain-text`, which concerns no reference). */
  readonly number: number;
}

/** The reference list as a whole. */
export interface ReferenceList extends Span {
  readonly headingStart: number | null;
  readonly headingEnd: number | null;
  /** How entries are cited: by number or by author and year. */
  readonly scheme: 'numeric' | 'author-year' | 'footnote';
}

export interface Analysis {
  /** Format version of this structure. */
  readonly schema: 1;
  /** Length of the analysed text in UTF-16 code units. */
  readonly length: number;
  readonly references: readonly Reference[];
  readonly referenceList: ReferenceList | null;
  readonly citations: readonly Citation[];
  readonly entities: readonly EntityMention[];
  readonly entityInfo: Readonly<Record<string, EntityInfo>>;
  readonly quantities: readonly Quantity[];
  readonly tables: readonly Table[];
  readonly records: readonly DataRecord[];
  readonly sections: readonly Section[];
  readonly diagnostics: readonly Diagnostic[];
}
