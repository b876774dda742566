/** The reference list and its links, with what their reading may remember between versions. */
import type { ParsedDocument } from '../parse/index.js';
import {
  findReferences,
  firstListings,
  linkReferences,
  readEntry,
  workIdentity,
  type EntryReading,
  type FoundReference,
  type FoundReferences,
  type WorkIdentity,
} from '../references/index.js';
import type { Citation, Reference, Section } from '../types.js';
import type { IncrementalState } from './state.js';

/**
 * The same list and entries as `findReferences(doc, sections)`. An entry's text and fields depend
 * on its source alone, so each is read once and remembered by that source.
 */
export function referencesByEntry(doc: ParsedDocument, sections: readonly Section[], state: IncrementalState | undefined): FoundReferences {
  if (!state) return findReferences(doc, sections);
  const memo = state.memo<EntryReading>('referenceEntries');
  return findReferences(doc, sections, (source) => {
    let reading = memo.get(source);
    if (reading === undefined) memo.set(source, (reading = readEntry(source)));
    return reading;
  });
}

/** The work identities of the last linked list, and their first listings. */
interface Listings {
  readonly identities: readonly WorkIdentity[];
  readonly firsts: readonly number[];
}

const lastListings = new WeakMap<IncrementalState, Listings>();

function sameIdentities(a: readonly WorkIdentity[], b: readonly WorkIdentity[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The same references as `linkReferences(entries, citations)`. An entry's work identity depends
 * on its fields, which are read from its text alone, so it is remembered by the text; the first
 * listings depend on the identities in order alone, so they are reused while those stay the same.
 */
export function linkedReferences(entries: readonly FoundReference[], citations: readonly Citation[], state: IncrementalState | undefined): Reference[] {
  if (!state) return linkReferences(entries, citations);
  const memo = state.memo<WorkIdentity>('referenceIdentities');
  const identities = entries.map((e) => {
    let identity = memo.get(e.text);
    if (identity === undefined) memo.set(e.text, (identity = workIdentity(e)));
    return identity;
  });
  const last = lastListings.get(state);
  const firsts = last && sameIdentities(identities, last.identities) ? last.firsts : firstListings(identities);
  lastListings.set(state, { identities, firsts });
  return linkReferences(entries, citations, firsts);
}
