/**
 * Converter anchors placed at the start of reference entries (`- <span id="page-37-5"></span>Katherine
 * Lee, …`). A link to such an anchor points at that entry, so a link whose text alone does not
 * resolve — the names without the year (`[Lee et al.](#page-37-5)`), the year without the names
 * (`[(2021)](#page-37-5)`) — is that entry's citation when what it says agrees with the entry.
 */
import type { FoundReference } from '../references/index.js';

export interface AnchoredEntry {
  readonly number: number;
  /** The first author's family name, folded (accents and case dropped, letters only), or null. */
  readonly family: string | null;
  readonly year: number | null;
}

/** The list marker and the anchors at an entry's start: `- <span id="page-37-5"></span>`. */
const LEADING_ANCHORS = /^[ \t]*(?:[-*+][ \t]+|\d{1,4}[.)][ \t]+)?((?:<(?:span|a)\b[^<>]{0,200}>[ \t]*<\/(?:span|a)>[ \t]*)+)/i;
const ID = /\b(?:id|name)="([^"]{1,80})"/gi;

/** Folds a family name for comparison (`Müller` and `muller` agree). */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}]/gu, '');
}

/** Entries by the ids of the anchors at their start; an id at more than one entry is dropped. */
export function anchoredEntries(text: string, entries: readonly FoundReference[]): ReadonlyMap<string, AnchoredEntry> {
  const out = new Map<string, AnchoredEntry | null>();
  for (const e of entries) {
    const m = LEADING_ANCHORS.exec(text.slice(e.start, Math.min(e.end, e.start + 400)));
    if (!m) continue;
    const first = e.fields.authors[0];
    const entry: AnchoredEntry = { number: e.number, family: first ? foldName(first.family) : null, year: e.year };
    for (const id of m[1]!.matchAll(ID)) out.set(id[1]!, out.has(id[1]!) ? null : entry);
  }
  const kept = new Map<string, AnchoredEntry>();
  for (const [id, e] of out) if (e) kept.set(id, e);
  return kept;
}

/** A family name with its particles, then what may close a list of names. */
const NAMES_ONLY = /^((?:(?:van|von|de|der|den|del|della|di|da|du|dos|le|la|ter|ten)\s+){0,2}\p{Lu}[\p{L}'’-]+)(?:\s+et\s+al\.?|\s+(?:and|&)\s+(?:(?:van|von|de|der|den|del|di|da|du|le|la)\s+){0,2}\p{Lu}[\p{L}'’-]+)?,?$/iu;
const YEAR_ONLY = /^\(?\s*(\d{4})[a-z]?\s*[),;]?\s*\)?$/;

/**
 * The entry a link's text cites through its anchor: names that are the anchored entry's first
 * author, or a year that is its year; null otherwise.
 */
export function resolveByAnchor(label: string, destination: string, anchors: ReadonlyMap<string, AnchoredEntry> | undefined): number | null {
  if (!anchors || !destination.startsWith('#')) return null;
  const entry = anchors.get(destination.slice(1));
  if (!entry) return null;
  const names = NAMES_ONLY.exec(label.trim());
  if (names && entry.family !== null && foldName(names[1]!) === entry.family) return entry.number;
  const year = YEAR_ONLY.exec(label.trim());
  if (year && entry.year !== null && Number(year[1]) === entry.year) return entry.number;
  return null;
}
