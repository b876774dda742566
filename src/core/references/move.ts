/** Moves an entry's fields from offsets relative to its text to where the entry sits. */
import type { FieldValue, ReferenceFields } from '../types.js';

const moveValue = (f: FieldValue | null, by: number): FieldValue | null => (f === null ? null : { value: f.value, start: f.start + by, end: f.end + by });

/** A copy of `f` with every offset moved by `by`; fields listed in the contract's order. */
export function moveFields(f: ReferenceFields, by: number): ReferenceFields {
  return {
    authors: f.authors.map((a) => ({ family: a.family, given: a.given, start: a.start + by, end: a.end + by })),
    year: moveValue(f.year, by),
    title: moveValue(f.title, by),
    container: moveValue(f.container, by),
    volume: moveValue(f.volume, by),
    issue: moveValue(f.issue, by),
    pages: moveValue(f.pages, by),
    doi: moveValue(f.doi, by),
    pmid: moveValue(f.pmid, by),
    pmcid: moveValue(f.pmcid, by),
    arxiv: moveValue(f.arxiv, by),
    url: moveValue(f.url, by),
  };
}

/** The fields of an entry that says nothing readable. */
export const NO_FIELDS: ReferenceFields = Object.freeze({
  authors: [], year: null, title: null, container: null, volume: null, issue: null, pages: null, doi: null, pmid: null, pmcid: null, arxiv: null, url: null,
});
