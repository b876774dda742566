/**
 * The gold format of `test/corpus/GUIDELINES.md`, as types, and the reading of gold files.
 * Validation of what a file holds is `validate.ts`; this module only parses.
 */
import { readFileSync } from 'node:fs';

export interface GoldSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface GoldRegion {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export interface GoldAuthor {
  readonly family: string;
  readonly given: string | null;
}

/** The fields of a reference entry; a key left out reads as null. */
export interface GoldFields {
  readonly authors?: readonly GoldAuthor[] | null;
  readonly year?: string | null;
  readonly title?: string | null;
  readonly container?: string | null;
  readonly volume?: string | null;
  readonly issue?: string | null;
  readonly pages?: string | null;
  readonly doi?: string | null;
  readonly pmid?: string | null;
  readonly pmcid?: string | null;
  readonly arxiv?: string | null;
  readonly url?: string | null;
}

export const FIELD_NAMES = ['authors', 'year', 'title', 'container', 'volume', 'issue', 'pages', 'doi', 'pmid', 'pmcid', 'arxiv', 'url'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export interface GoldReference extends GoldSpan {
  readonly id: string;
  readonly fields: GoldFields;
}

export interface GoldCitation extends GoldSpan {
  readonly refs: readonly string[];
  /** Numbers with no entry, or keys (author–year, pandoc citekeys) with nothing to resolve to. */
  readonly missing?: readonly (number | string)[];
}

export type GoldEntityKind = 'ligand' | 'target';

export interface GoldEntity extends GoldSpan {
  readonly kind: GoldEntityKind;
  readonly optional?: boolean;
  readonly expands?: readonly string[];
}

export interface GoldEffect {
  readonly value: number | null;
  readonly error: number | null;
  readonly unit: string | null;
  readonly direction: string | null;
}

export interface GoldRecord extends GoldSpan {
  readonly ligand: string;
  readonly target: string | null;
  readonly measure: string | null;
  readonly relation: string;
  readonly value: number | null;
  readonly valueMax: number | null;
  readonly unit: string | null;
  readonly error: number | null;
  readonly effect: GoldEffect | null;
  readonly references: readonly string[];
  readonly optional?: boolean;
}

export type ReferenceScheme = 'numeric' | 'author-year' | 'footnote';

export interface Gold {
  /** The document's path relative to `test/corpus/`. */
  readonly document: string;
  readonly sha256: string;
  readonly annotator: string;
  readonly regions: readonly GoldRegion[];
  readonly referenceList: { readonly scheme: ReferenceScheme } | null;
  readonly references: readonly GoldReference[];
  readonly citations: readonly GoldCitation[];
  readonly entities: readonly GoldEntity[];
  readonly records: readonly GoldRecord[];
}

/** Reads a gold file as JSON (no checks: run `validateGold` on the result). */
export function readGold(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}
