/**
 * Citations written as links into the document: `[Kuepfer 2016](#5-references)`,
 * `[Hanke *et al.* 2018](#refs)`, `[DrugBank](#references)`. The link's text is the key: a keyed
 * entry's key, or an author and year that the author–year list resolves. A key that resolves to
 * nothing is still a citation, reported unresolved, when it reads as an author and year or the link
 * goes to the references.
 */
import { parentheticalCitation, resolveAuthorYear, resolveSameNames, type AuthorYearIndex } from './authorYear.js';
import type { MarkerMatch } from './markers.js';
import { resolveByAnchor, type AnchoredEntry } from './anchors.js';
import { keyedNumber } from './keys.js';

/** Longest link text read as a key, and longest destination. */
const MAX_KEY = 80;
const MAX_DESTINATION = 80;
/**
 * A destination inside the document: an anchor (`#5-references`, and `#5 References`, which
 * markdown does not read as a link but a converter meant as one) or a bare name (`5-References`).
 */
const IN_DOCUMENT = /^(?:#[^()\n]*|[\p{L}\p{N}_-]+)$/u;
/** An anchor named for the reference list. */
const TO_REFERENCES = /referenc|bibliogr|literat|sources|citation/i;

export interface LinkKeys {
  /** Entry numbers by the keys of keyed entries, in lower case. */
  readonly keys: ReadonlyMap<string, number>;
  /** The author–year list's index, or null. */
  readonly authorYear: AuthorYearIndex | null;
  /** Entries by the ids of the converter anchors at their start. */
  readonly anchors?: ReadonlyMap<string, AnchoredEntry>;
}

/** The link citation at `pos` (its `[`), or null. */
export function linkCitation(text: string, pos: number, limit: number, context: LinkKeys): MarkerMatch | null {
  const close = text.indexOf('](', pos + 1);
  if (close < 0 || close - pos > MAX_KEY || close >= limit) return null;
  const written = text.slice(pos + 1, close);
  if (/[[\]\n]/.test(written)) return null;
  const end = text.indexOf(')', close + 2);
  if (end < 0 || end >= limit || end - close > MAX_DESTINATION) return null;
  const destination = text.slice(close + 2, end);
  if (!IN_DOCUMENT.test(destination)) return null;
  // Emphasis inside the key (`**Begg 1982**`, `Hanke *et al.*`) is not part of it.
  const label = written.replace(/\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
  // `[8.1 Sources](#Sources)`: a contents entry naming a section.
  if (label === '' || /^\d+(?:\.\d+)*\.?\s/.test(label)) return null;
  const keyStart = pos + 1;
  const number = keyedNumber(context.keys, label);
  if (number !== undefined) return { start: pos, end: end + 1, parts: [{ number, start: keyStart, end: close }], style: 'link', label };
  const sameNames = context.authorYear && /^\d{4}[a-z]?$/.test(label) ? yearAfterNames(text, pos, label, context.authorYear) : null;
  if (sameNames !== null) return { start: pos, end: end + 1, parts: [{ number: sameNames, start: keyStart, end: close }], style: 'author-year', label };
  const byYear = resolveAuthorYear(label, context.authorYear);
  if (!byYear || byYear.length === 0) {
    const anchored = resolveByAnchor(label, destination, context.anchors);
    if (anchored !== null) return { start: pos, end: end + 1, parts: [{ number: anchored, start: keyStart, end: close }], style: 'author-year', label };
  }
  if (byYear === null && !TO_REFERENCES.test(destination)) return null;
  const parts = (byYear ?? []).map((n) => ({ number: n, start: keyStart, end: close }));
  return { start: pos, end: end + 1, parts, style: 'author-year', label };
}

/** The link just before `pos` in the same group: `[Ruan et al., 2007](#B17), ` before `[2010](#B16)`. */
const LINK_BEFORE = /\[([^[\]\n]{1,80})\]\(#[^()\s]{0,80}\)[,;] ?$/;

/** A link holding only a year, after a link to the same authors' other work: their entry of that year. */
function yearAfterNames(text: string, pos: number, year: string, index: AuthorYearIndex): number | null {
  const before = LINK_BEFORE.exec(text.slice(Math.max(0, pos - 200), pos));
  return before ? resolveSameNames(before[1]!.replace(/\*+/g, ''), year, index) : null;
}

/** Most links one author–year citation is split over. */
const MAX_SPLIT_LINKS = 24;
/** One link with an in-document destination, read at its `[`: `[(Raffel et al.,](#page-37-0)`. */
const LINK = /\[([^[\]\n]{1,120})\]\((#[^()\s]{0,80})\)/y;
/** What may sit between the links of one split citation. */
const BETWEEN = /[ \t]*(?:[;,][ \t]*)?/y;

/** Years in parentheses written after the links, outside them: `[Shazeer et al.](#page-38-2) (2017)`. */
const YEARS_AFTER = /^ ?\(\d{4}[a-z]?(?:[,;] ?\d{4}[a-z]?)*\)/;

/**
 * An author–year citation a PDF converter wrapped in links and split across them, each piece
 * linking to the entry: `[(Raffel et al.,](#page-37-0) [2019;](#page-37-0) [Lee, 2020)](#page-36-1)`,
 * `[Kaplan et al.](#page-36-0) [(2020)](#page-36-0)`, a name cut inside (`[Lep](#…)[ikhin et al.,](#…)`),
 * the years left outside (`[Shazeer et al.](#…) (2017)`). The pieces' texts, joined, are read as
 * one parenthetical or narrative citation: the longest run of links that reads as one, so that
 * narrative citations listed one after another (`[A et al.](#…) [(2018)](#…); [B et al.](#…)`)
 * are read one by one. Its parts point at the whole marker.
 */
export function splitLinkCitation(text: string, pos: number, limit: number, index: AuthorYearIndex): MarkerMatch | null {
  const runs: { joined: string; end: number }[] = [];
  let joined = '';
  let at = pos;
  let end = pos;
  for (let n = 0; n < MAX_SPLIT_LINKS; n++) {
    LINK.lastIndex = at;
    const m = LINK.exec(text);
    if (!m || at + m[0].length > limit) break;
    // A word cut between two links with nothing between them is one word.
    const between = n === 0 ? '' : text.slice(end, at) || (/\p{L}$/u.test(joined) && /^\p{Ll}/u.test(m[1]!) ? '' : ' ');
    joined += between + m[1]!;
    end = at + m[0].length;
    runs.push({ joined, end });
    BETWEEN.lastIndex = end;
    at = end + (BETWEEN.exec(text)?.[0].length ?? 0);
  }
  for (let n = runs.length - 1; n >= 0; n--) {
    const run = runs[n]!;
    const read = readJoined(run.joined, index);
    if (read) return { ...read, start: pos, end: run.end, parts: read.parts.map((p) => ({ number: p.number, start: pos, end: run.end })) };
    const years = YEARS_AFTER.exec(text.slice(run.end, Math.min(limit, run.end + 40)));
    if (!years) continue;
    const withYears = readJoined(run.joined + years[0], index);
    const stop = run.end + years[0].length;
    if (withYears) return { ...withYears, start: pos, end: stop, parts: withYears.parts.map((p) => ({ number: p.number, start: pos, end: stop })) };
  }
  return null;
}

/** The joined text of split links read as one whole citation, or null. */
function readJoined(joined: string, index: AuthorYearIndex): MarkerMatch | null {
  const open = joined.indexOf('(');
  if (open < 0 || !joined.trimEnd().endsWith(')')) return null;
  const read = parentheticalCitation(joined, open, joined.length, index);
  if (!read || read.end !== joined.trimEnd().length || (read.start > 0 && joined.slice(0, read.start).trim() !== '')) return null;
  return { start: 0, end: 0, parts: read.parts, style: 'author-year', ...(read.label !== undefined ? { label: read.label } : {}) };
}
