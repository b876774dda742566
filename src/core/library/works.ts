/**
 * Works cited by several documents: reference entries of different documents are the same work
 * when they share a DOI, a PMID, a PMCID, or the same normalised title and year. Matching is
 * transitive (an entry with a DOI and a title joins both groups).
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

/** The works listed by at least `minDocuments` of the documents, most cited first. */
export function sharedWorks(
  documents: Iterable<readonly [string, readonly SummaryReference[]]>,
  minDocuments = 2,
  keysOf: (reference: SummaryReference) => readonly string[] = workKeys,
): SharedWork[] {
  const entries: WorkCitation[] = [];
  const parent: number[] = [];
  const firstByKey = new Map<string, number>();
  const keysByEntry: (readonly string[])[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const [uri, references] of documents) {
    for (const reference of references) {
      const keys = keysOf(reference);
      if (keys.length === 0) continue;
      const index = entries.length;
      entries.push({ uri, reference });
      parent.push(index);
      keysByEntry.push(keys);
      for (const key of keys) {
        const other = firstByKey.get(key);
        if (other === undefined) firstByKey.set(key, index);
        else parent[find(index)] = find(other);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < entries.length; i++) {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  const works: SharedWork[] = [];
  for (const members of groups.values()) {
    const byDocument = new Map<string, WorkCitation>();
    for (const i of members) if (!byDocument.has(entries[i]!.uri)) byDocument.set(entries[i]!.uri, entries[i]!);
    if (byDocument.size < minDocuments) continue;
    const refs = members.map((i) => entries[i]!.reference);
    const pick = <T>(get: (r: SummaryReference) => T | null): T | null => refs.map(get).find((v) => v !== null && v !== undefined) ?? null;
    const keys = members.flatMap((i) => keysByEntry[i]!);
    works.push({
      key: keys.find((k) => k.startsWith('doi:')) ?? keys.find((k) => k.startsWith('pmid:')) ?? keys.sort()[0]!,
      title: pick((r) => r.title),
      year: pick((r) => r.year),
      doi: pick((r) => r.doi),
      pmid: pick((r) => r.pmid),
      firstAuthor: pick((r) => r.firstAuthor),
      citations: [...byDocument.values()],
    });
  }
  return works.sort((a, b) => b.citations.length - a.citations.length || a.key.localeCompare(b.key));
}
