/**
 * Works cited by several documents: reference entries of different documents are the same work
 * when they share a DOI, a PMID, a PMCID, or the same normalised title and year. Matching is
 * transitive (an entry with a DOI and a title joins both groups). The grouping is in
 * `works-index.ts`.
 */
import { normaliseTitle } from '../references/link.js';
import type { SummaryReference } from './types.js';

/** Titles with fewer words than this are too generic to match on (e.g. "Editorial"). */
const MIN_TITLE_WORDS = 3;

/** The keys a reference entry is matched by. */
export function workKeys(r: Pick<SummaryReference, 'doi' | 'pmid' | 'pmcid' | 'title' | 'year'>): string[] {
  const keys: string[] = [];
  if (r.doi) keys.push(`doi:${r.doi.toLowerCase()}`);
  if (r.pmid) keys.push(`pmid:${r.pmid}`);
  if (r.pmcid) keys.push(`pmcid:${r.pmcid.toUpperCase()}`);
  if (r.title && r.year !== null) {
    const title = normaliseTitle(r.title);
    if (title.split(' ').length >= MIN_TITLE_WORDS) keys.push(`title:${title}|${r.year}`);
  }
  return keys;
}

/** One document's entry for a shared work. */
export interface WorkCitation {
  readonly uri: string;
  readonly reference: SummaryReference;
}

export interface SharedWork {
  /** The group's first key (DOI first), stable while the group is. */
  readonly key: string;
  readonly title: string | null;
  readonly year: number | null;
  readonly doi: string | null;
  readonly pmid: string | null;
  readonly firstAuthor: string | null;
  /** One entry per citing document (its first listing of the work), in document order. */
  readonly citations: readonly WorkCitation[];
}
