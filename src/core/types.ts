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
  | 'author-year'; // (Smith et al., 2017)

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
  /** For footnotes, the label (`[^note]` → `note`); for author–year, the citation key text. */
  readonly label?: string;
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
  /** When this entry lists the same work as an earlier one, that entry's number. */
  readonly duplicateOf: number | null;
  /** Indices into {@link Analysis.citations} of every marker that cites this entry. */
  readonly citedBy: readonly number[];
}

export type EntityKind = 'ligand' | 'target';

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

/** One row of quantitative data, from a table (or, later, a sentence). */
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
  /** Index into {@link Analysis.tables}. */
  readonly table: number;
  /** Header → cell text, for columns not mapped to a field. */
  readonly extra: Readonly<Record<string, string>>;
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
}

export type TableLayout = 'pipe' | 'tab' | 'html';

export interface Table extends Span {
  /** "Table 1: …" line, if any. */
  readonly caption: string | null;
  readonly captionStart: number | null;
  readonly captionEnd: number | null;
  readonly layout: TableLayout;
  readonly header: readonly TableCell[];
  readonly rows: readonly TableRow[];
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

export type DiagnosticCode = 'missing-reference' | 'uncited-reference' | 'duplicate-reference';

export type DiagnosticSeverity = 'error' | 'warning' | 'information';

export interface RelatedLocation extends Span {
  readonly message: string;
}

export interface Diagnostic extends Span {
  readonly code: DiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly message: string;
  readonly related: readonly RelatedLocation[];
  /** The reference number concerned. */
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
