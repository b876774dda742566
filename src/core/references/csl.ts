/**
 * Reference entries as CSL-JSON items (the Citation Style Language's data model), the shape every
 * export format is made from. Pure data: the formatting itself is citation-js's (src/export/).
 */
import type { Reference } from '../types.js';

export interface CslName {
  readonly family?: string;
  readonly given?: string;
  readonly literal?: string;
}

export interface CslItem {
  readonly id: string;
  readonly type: string;
  readonly 'citation-key': string;
  readonly title?: string;
  readonly author?: readonly CslName[];
  readonly issued?: { readonly 'date-parts': readonly (readonly number[])[] };
  readonly 'container-title'?: string;
  readonly volume?: string;
  readonly issue?: string;
  readonly page?: string;
  readonly DOI?: string;
  readonly PMID?: string;
  readonly PMCID?: string;
  readonly URL?: string;
  readonly note?: string;
}

/** Lower-case ASCII letters of a name, for a citation key (`Müller` → `muller`). */
function keyPart(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** `smith2015`, then `smith2015a`, `smith2015b` for the next works of the same author and year; `ref12` without an author. */
function citationKeys(references: readonly Reference[]): string[] {
  const bases = references.map((r) => {
    const family = r.fields.authors[0]?.family;
    const base = family ? keyPart(family) : '';
    return base ? `${base}${r.fields.year?.value ?? ''}` : `ref${r.number}`;
  });
  const count = new Map<string, number>();
  for (const b of bases) count.set(b, (count.get(b) ?? 0) + 1);
  const used = new Map<string, number>();
  return bases.map((b) => {
    if (count.get(b) === 1) return b;
    const n = used.get(b) ?? 0;
    used.set(b, n + 1);
    return `${b}${String.fromCharCode(97 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ''}`;
  });
}

/** The CSL type an entry reads as: a journal article, a web page (a `[host]` extraction) or a document. */
function cslType(r: Reference): string {
  const f = r.fields;
  if (f.container && (f.volume || f.pages || f.issue)) return 'article-journal';
  if (r.host || (f.url && !f.container)) return 'webpage';
  return f.container ? 'article-journal' : 'document';
}

/** One entry as a CSL-JSON item; fields the entry does not give are left out. */
function toCsl(r: Reference, key: string): CslItem {
  const f = r.fields;
  const authors = f.authors.map((a): CslName => (a.given === null ? { literal: a.family } : { family: a.family, given: a.given.replace(/\.$/, '') }));
  const item: Record<string, unknown> = { id: key, type: cslType(r), 'citation-key': key };
  // An entry that is only a host name (`iovs.arvojournals.org [iovs.arvojournals.org]`) is titled by it.
  const title = f.title?.value ?? (f.container || f.authors.length > 0 ? null : (r.host ?? r.text));
  if (title) item.title = title;
  if (authors.length > 0) item.author = authors;
  if (f.year) item.issued = { 'date-parts': [[Number(f.year.value)]] };
  if (f.container) item['container-title'] = f.container.value;
  if (f.volume) item.volume = f.volume.value;
  if (f.issue) item.issue = f.issue.value;
  if (f.pages) item.page = f.pages.value;
  if (f.doi) item.DOI = f.doi.value;
  if (f.pmid) item.PMID = f.pmid.value;
  if (f.pmcid) item.PMCID = f.pmcid.value;
  if (f.url) item.URL = f.url.value;
  // Web extractions name the site they were saved from.
  if (r.host) item.note = r.host;
  return item as unknown as CslItem;
}

/** The entries as CSL-JSON items, with citation keys unique among them. */
export function toCslItems(references: readonly Reference[]): CslItem[] {
  const keys = citationKeys(references);
  return references.map((r, i) => toCsl(r, keys[i]!));
}

/**
 * The entries a selection `[start, end)` points at: those cited by the markers it overlaps and
 * those it overlaps in the reference list, in list order.
 */
export function referencesInSelection(analysis: { readonly references: readonly Reference[]; readonly citations: readonly { start: number; end: number; numbers: readonly number[] }[] }, start: number, end: number): Reference[] {
  const numbers = new Set<number>();
  const touches = (s: { start: number; end: number }) => (start === end ? s.start <= start && start <= s.end : s.start < end && s.end > start);
  for (const c of analysis.citations) if (touches(c)) for (const n of c.numbers) numbers.add(n);
  return analysis.references.filter((r) => numbers.has(r.number) || touches(r));
}
