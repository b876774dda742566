/** The reference list and its entries. */
import type { ParsedDocument } from '../parse/index.js';
import type { Reference, ReferenceList, Section } from '../types.js';

export type FoundReference = Omit<Reference, 'citedBy' | 'duplicateOf'>;

export interface FoundReferences {
  readonly list: ReferenceList | null;
  readonly entries: readonly FoundReference[];
}

// STUB (owner: core-citations helper)
export function findReferences(_doc: ParsedDocument, _sections: readonly Section[]): FoundReferences {
  return { list: null, entries: [] };
}

// STUB (owner: core-citations helper): back-references and duplicates.
export function linkReferences(entries: readonly FoundReference[], _citations: readonly import('../types.js').Citation[]): Reference[] {
  return entries.map((e) => ({ ...e, citedBy: [], duplicateOf: null }));
}
