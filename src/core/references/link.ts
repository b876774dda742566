/** Back-references from entries to the markers citing them, and duplicate entries. */
import type { Citation, Reference } from '../types.js';
import type { FoundReference } from './index.js';

/** Titles shorter than this many words must match exactly to be the same work. */
const MIN_FUZZY_WORDS = 5;
/** Share of words two long titles must have in common (Dice coefficient). */
const FUZZY_THRESHOLD = 0.9;
/** Above this many entries, only exact title and identifier matches are tried (keeps linking linear). */
const MAX_FUZZY_ENTRIES = 1500;

/** Adds `citedBy` (indices into `citations`) and `duplicateOf` to every entry. */
export function linkReferences(entries: readonly FoundReference[], citations: readonly Citation[]): Reference[] {
  const citedBy = new Map<number, number[]>();
  citations.forEach((c, index) => {
    for (const n of new Set(c.numbers)) {
      let list = citedBy.get(n);
      if (!list) citedBy.set(n, (list = []));
      list.push(index);
    }
  });
  const duplicates = findDuplicates(entries);
  return entries.map((e, i) => ({ ...e, duplicateOf: duplicates[i] ?? null, citedBy: citedBy.get(e.number) ?? [] }));
}

/** Lower-case words of a title, accents and punctuation dropped. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * For each entry, the number of the first earlier entry listing the same work (same DOI, same
 * PMID or PMCID, or the same title up to case, punctuation and a word or two), else null.
 * Entries without a title (a bare host name) are never duplicates by title.
 */
export function findDuplicates(entries: readonly FoundReference[]): (number | null)[] {
  const firstBy = new Map<string, number>();
  const result: (number | null)[] = [];
  /** For each entry, the index of the first listing of its work (itself when first). */
  const roots: number[] = [];
  const titled: { index: number; words: Set<string> }[] = [];
  entries.forEach((e, i) => {
    const keys: string[] = [];
    if (e.doi) keys.push(`doi:${e.doi.toLowerCase()}`);
    if (e.pmid) keys.push(`pmid:${e.pmid}`);
    if (e.pmcid) keys.push(`pmcid:${e.pmcid.toUpperCase()}`);
    const title = e.title ? normaliseTitle(e.title) : '';
    if (title) keys.push(`title:${title}`);
    let original: number | null = null;
    for (const key of keys) {
      const first = firstBy.get(key);
      if (first !== undefined && first !== i) {
        original = first;
        break;
      }
    }
    const words = new Set(title.split(' ').filter(Boolean));
    if (original === null && words.size >= MIN_FUZZY_WORDS && entries.length <= MAX_FUZZY_ENTRIES) {
      for (const other of titled) {
        if (dice(words, other.words) >= FUZZY_THRESHOLD) {
          original = other.index;
          break;
        }
      }
    }
    // A copy points at the first listing, never at another copy.
    const root = original === null ? null : roots[original]!;
    roots.push(root ?? i);
    result.push(root === null ? null : entries[root]!.number);
    for (const key of keys) if (!firstBy.has(key)) firstBy.set(key, root ?? i);
    if (words.size >= MIN_FUZZY_WORDS && root === null) titled.push({ index: i, words });
  });
  return result;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}
