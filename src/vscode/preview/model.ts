/**
 * What the rendered preview carries for its script: the names of the classes and attributes the
 * markdown-it plugin writes, and the cards' content, one JSON object in one data attribute.
 * Shared by the plugin (extension host) and the preview script (webview); no imports.
 */

/** Element ids and attributes the plugin writes. Every value is escaped; no name comes from a document. */
export const PREVIEW = {
  /** The hidden element whose `data-marginalia-cards` holds the {@link PreviewCards} JSON. */
  dataId: 'marginalia-preview-data',
  cardsAttribute: 'data-marginalia-cards',
  /** On a ligand or target mention: the entity's id in {@link PreviewCards.entities}. */
  entityAttribute: 'data-marginalia-entity',
  /** On a citation marker: the numbers it cites, separated by spaces. */
  citesAttribute: 'data-marginalia-cites',
  /** On a reference entry: its number. */
  entryAttribute: 'data-marginalia-entry',
  /** Id of the element holding entry `n`. */
  entryId: (n: number) => `marginalia-ref-${n}`,
  /** Id of citation marker `i` (its index in the analysis). */
  citationId: (i: number) => `marginalia-cite-${i}`,
} as const;

export const CLASSES = {
  mark: 'marginalia-mark',
  ligand: 'marginalia-ligand',
  target: 'marginalia-target',
  chemical: 'marginalia-chemical',
  citation: 'marginalia-citation',
  /** A mark whose kind `marginalia.highlight.*` turns off: it keeps its card and link, not its colour. */
  plain: 'marginalia-plain',
  /** The link on one number of a grouped marker. */
  part: 'marginalia-part',
  entry: 'marginalia-entry',
  /** One of the reader's highlights, with `marginalia-annotation-<colour>`. */
  annotation: 'marginalia-annotation',
  back: 'marginalia-back',
  card: 'marginalia-card',
} as const;

export interface CardLink {
  readonly label: string;
  /** An https address built from a validated identifier. */
  readonly url: string;
}

export interface EntityCard {
  readonly name: string;
  /** "ligand · sigma-1 receptor agonist" */
  readonly kind: string;
  /** "Written here as “…” · mentioned 3 times · 2 records" */
  readonly summary: string;
  /** The records table, seen from the entity's side; null without records. */
  readonly records: { readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] } | null;
  /** Database identifiers, in the editor card's order; `url` is null for a value too malformed to link. */
  readonly identifiers: readonly { readonly label: string; readonly url: string | null }[];
  /** "Related in this document: …", or null. */
  readonly related: string | null;
  /** "Source: built-in lexicon 2026.11" */
  readonly source: string;
}

export interface ReferenceCard {
  readonly number: number;
  /** The entry's text as written. */
  readonly text: string;
  /** "cited 4 times · same work as [4]" */
  readonly notes: string;
  readonly links: readonly CardLink[];
  /** Whether the page holds the entry (so the card can link to it). */
  readonly anchored: boolean;
}

export interface PreviewCards {
  readonly version: 1;
  /** By entity id. */
  readonly entities: Readonly<Record<string, EntityCard>>;
  /** By reference number. */
  readonly references: Readonly<Record<string, ReferenceCard>>;
}

/** What a marker card says for a number without an entry. */
export const MISSING_ENTRY = 'no entry with this number in the reference list';
