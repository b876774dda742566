/** The reference list and its links, with what their reading may remember between versions. */
import type { ParsedDocument } from '../parse/index.js';
import { findReferences, linkReferences, type FoundReference, type FoundReferences } from '../references/index.js';
import type { Citation, Reference, Section } from '../types.js';
import type { IncrementalState } from './state.js';

/** The same list and entries as `findReferences(doc, sections)`. */
export function referencesByEntry(doc: ParsedDocument, sections: readonly Section[], _state: IncrementalState | undefined): FoundReferences {
  return findReferences(doc, sections);
}

/** The same references as `linkReferences(entries, citations)`. */
export function linkedReferences(entries: readonly FoundReference[], citations: readonly Citation[], _state: IncrementalState | undefined): Reference[] {
  return linkReferences(entries, citations);
}
