/** Back-references from entries to the markers citing them, and duplicate entries. */
import type { Citation, Reference } from '../types.js';
import type { FoundReference } from './index.js';

/** Titles shorter than this many words must match exactly to be the same work. */
const MIN_FUZZY_WORDS = 5;
/** Share of words two long titles must have in common (Dice coefficient). */
const FUZZY_THRESHOLD = 0.9;
/** Above this many entries, only exact title and identifier matches are tried (keeps linking linear). */
const MAX_FUZZY_ENTRIES = 1500;

/** What tells the work an entry lists: its identifiers as keys, its normalised title, year and title words. */
export interface WorkIdentity {
  readonly keys: readonly string[];
  readonly title: string;
  readonly year: string | null;
  readonly words: ReadonlySet<string>;
}

/**
 * Adds `citedBy` (indices into `citations`) and `duplicateOf` to every entry. `firsts` are the
 * {@link firstListings} of the entries, when already known.
 */
export function linkReferences(entries: readonly FoundReference[], citations: readonly Citation[], firsts?: readonly number[]): Reference[] {
  const citedBy = new Map<number, number[]>();
  for (let index = 0; index < citations.length; index++) {
    for (const n of citations[index]!.numbers) {
      const list = citedBy.get(n);
      // A number written twice in one marker is one back-reference.
      if (!list) citedBy.set(n, [index]);
      else if (list[list.length - 1] !== index) list.push(index);
    }
  }
  const first = firsts ?? firstListings(entries.map(workIdentity));
  return entries.map((e, i) => {
    const root = first[i]!;
    // Object.assign rather than a spread: V8 copies these wide objects many times faster so.
    return Object.assign({}, e, { duplicateOf: root === i ? null : entries[root]!.number, citedBy: citedBy.get(e.number) ?? [] });
  });
}

const ASCII = /^[\x00-\x7f]*$/;

/** Lower-case words of a title, accents and punctuation dropped. */
export function normaliseTitle(title: string): string {
  // Most titles are ASCII: the same result without Unicode normalisation, several times faster (the library keys every entry by it).
  if (ASCII.test(title)) return title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The identity of the work an entry lists, from the fields: DOI, PMID, PMCID, title and year. */
export function workIdentity(e: Pick<FoundReference, 'fields' | 'title'>): WorkIdentity {
  const f = e.fields;
  const keys: string[] = [];
  if (f.doi) keys.push(`doi:${f.doi.value.toLowerCase()}`);
  if (f.pmid) keys.push(`pmid:${f.pmid.value}`);
  if (f.pmcid) keys.push(`pmcid:${f.pmcid.value.toUpperCase()}`);
  const written = f.title?.value ?? e.title;
  const title = written ? normaliseTitle(written) : '';
  return { keys, title, year: f.year?.value ?? null, words: new Set(title.split(' ').filter(Boolean)) };
}

/** Two years that may be the same work's: equal, or one not given. */
function sameYear(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

/**
 * For each work identity, the index of the first one listing the same work (itself when first):
 * the same DOI, PMID or PMCID, or the same title (up to case, punctuation and a word or two) and
 * year (or a year given by one of them only). Entries without a title (a bare host name) are
 * never duplicates by title. A copy points at the first listing, never at another copy.
 */
export function firstListings(identities: readonly WorkIdentity[]): number[] {
  const firstBy = new Map<string, number>();
  const byTitle = new Map<string, { index: number; year: string | null }[]>();
  const roots: number[] = [];
  const fuzzy = identities.length <= MAX_FUZZY_ENTRIES;
  const titled: { index: number; words: ReadonlySet<string>; year: string | null }[] = [];
  identities.forEach(({ keys, title, year, words }, i) => {
    let original: number | null = null;
    for (const key of keys) {
      const first = firstBy.get(key);
      if (first !== undefined && first !== i) {
        original = first;
        break;
      }
    }
    if (original === null && title) original = byTitle.get(title)?.find((t) => sameYear(t.year, year))?.index ?? null;
    if (original === null && fuzzy && words.size >= MIN_FUZZY_WORDS) {
      for (const other of titled) {
        if (sameYear(other.year, year) && dice(words, other.words) >= FUZZY_THRESHOLD) {
          original = other.index;
          break;
        }
      }
    }
    const root = original === null ? null : roots[original]!;
    roots.push(root ?? i);
    for (const key of keys) if (!firstBy.has(key)) firstBy.set(key, root ?? i);
    if (title) {
      const list = byTitle.get(title);
      const entry = { index: root ?? i, year };
      if (list) list.push(entry);
      else byTitle.set(title, [entry]);
    }
    if (words.size >= MIN_FUZZY_WORDS && root === null) titled.push({ index: i, words, year });
  });
  return roots;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}
