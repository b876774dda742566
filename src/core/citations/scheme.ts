/** Confirming a reference list's scheme against the markers of the text. */
import type { FoundReferences } from '../references/index.js';
import type { Citation } from '../types.js';

/** Share of entries with authors and a year above which a list can be cited by name and year. */
const AUTHOR_YEAR_SHARE = 0.6;

/** How many markers cite an entry the list has. */
export function resolved(citations: readonly Citation[], found: FoundReferences): number {
  const known = new Set(found.entries.map((e) => e.number));
  let n = 0;
  for (const c of citations) if (c.numbers.some((x) => known.has(x))) n++;
  return n;
}

/**
 * The list read by its other scheme, when its own resolves no marker: a numbered list whose
 * entries give authors and years may be cited by name and year, an author–year list by number.
 */
export function otherScheme(found: FoundReferences, citations: readonly Citation[]): FoundReferences | null {
  const list = found.list;
  if (!list || list.scheme === 'footnote' || found.entries.length === 0) return null;
  // An alphabetical list that no marker cites by name and year, but some by number (its position).
  // (A keyed list is cited by its keys: it stays author–year.)
  if (list.scheme === 'author-year') return found.keys || citations.some((c) => c.style === 'author-year') ? null : { ...found, list: { ...list, scheme: 'numeric' } };
  // (A numbered list is read by names and years as well: only its numbers tell it is cited by number.)
  if (resolved(citations.filter((c) => c.style !== 'author-year'), found) > 0) return null;
  const authorYear = found.entries.filter((e) => e.fields.authors.length > 0 && e.year !== null).length;
  return authorYear >= AUTHOR_YEAR_SHARE * found.entries.length ? { ...found, list: { ...list, scheme: 'author-year' } } : null;
}
