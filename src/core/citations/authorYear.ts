/**
 * Author–year citations — "(Smith et al., 2017)", "(Smith and Jones, 2015a; Lee, 2016)",
 * "Jones and Lee (2015a)" — resolved to the entries of an author–year reference list.
 * Only what resolves to an entry is a citation: a parenthesis such as "(n = 12, 2019)" is not.
 */
import type { FoundReference } from '../references/index.js';
import type { CitationPart } from '../types.js';
import type { MarkerMatch } from './markers.js';
import { keyedNumber } from './keys.js';

/** Finds entries by first author's family name and year. */
export interface AuthorYearIndex {
  resolve(surname: string, year: string, second: string | null): number | null;
}

/** Longest parenthesis read as a group of author–year citations. */
const MAX_PARENTHESIS = 400;
/** How far back a narrative citation's names may start (text that may lie in the blocks before). */
export const MAX_NAMES_BEFORE = 80;

/** A family name, with the particles that may precede it ("van der Berg", "de Souza"). */
const NAME = String.raw`(?:(?:[Vv]an|[Vv]on|[Dd]e|der|den|[Dd]el|della|[Dd]i|[Dd]a|[Dd]u|dos|das|[Ll]e|[Ll]a|ter|ten)\s+){0,2}\p{Lu}[\p{L}'’-]+`;
const YEAR = String.raw`\d{4}[a-z]?`;
/** A body's name of several capitalised words ("American Ornithologists' Union"), resolved whole. */
const CORPORATE = String.raw`${NAME}(?:\s+\p{Lu}[\p{L}'’-]+){0,5}`;
/**
 * "Smith et al., 2017", "Smith and Jones 2015a", "Smith & Jones, 2015, 2016", "Madsen, McHugh &
 * de Kloet 1988" (every author named), "American Ornithologists' Union 1998".
 */
const ITEM = new RegExp(
  String.raw`^(?:(?:e\.g\.|i\.e\.|see(?: also)?|cf\.|reviewed in)[,:]?\s+)?(${CORPORATE})(?:\s+et\s+al\.?|((?:,\s+${NAME}){0,8}),?\s+(?:and|&)\s+(${NAME}))?,?\s+(${YEAR}(?:\s*,\s*${YEAR})*)\s*$`,
  'u',
);

/** An {@link ITEM} match's first author, second author (or null) and years. */
function itemParts(m: RegExpExecArray): { first: string; second: string | null; years: string } {
  const middle = m[2] ? /,\s+(.+?)(?=,|$)/u.exec(m[2])?.[1] : undefined;
  return { first: m[1]!, second: middle ?? m[3] ?? null, years: m[4]! };
}

/** The first author, second author and years of an author–year key, or null when it does not read as one. */
function readItem(item: string): { first: string; second: string | null; years: string } | null {
  const m = ITEM.exec(item);
  return m ? itemParts(m) : null;
}
const YEARS_ONLY = new RegExp(String.raw`^\s*${YEAR}(?:\s*[,;]\s*${YEAR})*\s*$`);
const NAMES_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(${NAME})(?:\s+et\s+al\.?|\s+(?:and|&)\s+(${NAME}))?\s*$`, 'u');

function key(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}]/gu, '');
}

/**
 * "Hanke *et al.* 2018", "Templeton, 2008", "Smith and Jones 2015a": names and a year written
 * without parentheses (in a table cell, a heading, running text). Read at a capital letter that
 * starts a word; only a key that resolves to an entry is a citation.
 */
const BARE = new RegExp(
  String.raw`(${NAME})(?:\s+\*{0,2}et\s+al\.?\*{0,2}|\s+(?:and|&)\s+(${NAME}))?,?\s+(${YEAR})(?![\p{L}\p{N}])`,
  'uy',
);

/**
 * The bare author–year citation at `pos`, or null. A keyed entry is cited by its key too, whatever
 * year its text gives (`Publication-Wei 1991` for `**Wei 1991** … 1999;289(2):853-858`).
 */
export function bareCitation(text: string, pos: number, limit: number, index: AuthorYearIndex, keys?: ReadonlyMap<string, number>): MarkerMatch | null {
  BARE.lastIndex = pos;
  const m = BARE.exec(text);
  if (!m || pos + m[0].length > limit) return null;
  const number = index.resolve(m[1]!, m[3]!, m[2] ?? null) ?? (keys ? keyedNumber(keys, m[0].replace(/\*/g, '')) ?? null : null);
  if (number === null) return null;
  const end = pos + m[0].length;
  const label = m[0].replace(/\*/g, '').replace(/\s+/g, ' ');
  return { start: pos, end, parts: [{ number, start: pos, end }], style: 'author-year', label };
}

/**
 * The entries a key misspelt in the text names: a year letter the list does not write (`1993a`
 * for the one 1993 entry), or a family name one letter off (`Chen` for `Cheng`, `Welde` for
 * `Velde`), when a single name of that year is that close.
 */
function nearly<T>(byKey: ReadonlyMap<string, T[]>, family: string, year: string): T[] | undefined {
  const plainYear = year.slice(0, 4);
  if (plainYear !== year) {
    const plain = byKey.get(`${family}|${plainYear}`);
    if (plain && plain.length === 1) return plain;
  }
  if (family.length < 4) return undefined;
  let found: T[] | undefined;
  for (const [k, v] of byKey) {
    const bar = k.lastIndexOf('|');
    if (k.slice(bar + 1) !== year || !oneEditApart(k.slice(0, bar), family)) continue;
    if (found) return undefined;
    found = v;
  }
  return found;
}

/** Whether two names differ by one letter replaced, added or dropped. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Indexes entries by first author and year (with its letter, `2015a`, when the entry has one). */
export function buildAuthorYearIndex(entries: readonly FoundReference[]): AuthorYearIndex {
  const byKey = new Map<string, { number: number; second: string | null }[]>();
  const add = (k: string, v: { number: number; second: string | null }): void => {
    const list = byKey.get(k);
    if (list) list.push(v);
    else byKey.set(k, [v]);
  };
  for (const e of entries) {
    const authors = e.fields.authors;
    if (authors.length === 0 || e.year === null) continue;
    const first = key(authors[0]!.family);
    const second = authors[1] ? key(authors[1].family) : null;
    // The letter that tells two works of a year apart: `(2015a)`, `. 2022b.`
    const letter = new RegExp(String.raw`(?<![\d./])${e.year}([a-z])\b`).exec(e.text)?.[1] ?? '';
    const value = { number: e.number, second };
    if (letter) add(`${first}|${e.year}${letter}`, value);
    add(`${first}|${e.year}`, value);
  }
  // A note that cites a work by names and year (`Kear 2005, p. 448`), with no title or container of its own, is not that work: works first.
  const isWork = new Map(entries.map((e) => [e.number, e.fields.title !== null || e.fields.container !== null]));
  for (const list of byKey.values()) list.sort((a, b) => Number(isWork.get(b.number)) - Number(isWork.get(a.number)));
  return {
    resolve(surname, year, second) {
      const candidates = byKey.get(`${key(surname)}|${year}`) ?? nearly(byKey, key(surname), year);
      if (!candidates) return null;
      const wanted = second ? key(second) : null;
      return (wanted ? candidates.find((c) => c.second === wanted) : undefined)?.number ?? candidates[0]!.number;
    },
  };
}

/**
 * The entries an author–year key names (`Smith et al. 2017`, `Smith and Jones, 2015a, 2016`): an
 * empty list when it reads as one but nothing resolves (or there is no list), null when it does not.
 */
export function resolveAuthorYear(key: string, index: AuthorYearIndex | null): number[] | null {
  const m = readItem(key);
  if (!m) return null;
  const numbers: number[] = [];
  if (index) for (const y of m.years.match(/\d{4}[a-z]?/g) ?? []) {
    const n = index.resolve(m.first, y, m.second);
    if (n !== null) numbers.push(n);
  }
  return numbers;
}

/** The entry the names of `key` (`Ruan et al., 2007`) wrote in `year` names (`[…, 2007](#B17), [2010](#B16)`), or null. */
export function resolveSameNames(key: string, year: string, index: AuthorYearIndex): number | null {
  const m = readItem(key);
  return m ? index.resolve(m.first, year, m.second) : null;
}

/** A parenthetical group at `pos` (the `(`), resolved item by item. */
export function parentheticalCitation(text: string, pos: number, limit: number, index: AuthorYearIndex): MarkerMatch | null {
  const stop = Math.min(limit, pos + MAX_PARENTHESIS);
  let close = -1;
  for (let k = pos + 1; k < stop; k++) {
    const c = text[k];
    if (c === ')') {
      close = k;
      break;
    }
    if (c === '(') return null;
  }
  if (close < 0) return null;
  const inner = text.slice(pos + 1, close);
  if (!/\d{4}/.test(inner)) return null;
  if (YEARS_ONLY.test(inner)) return narrativeCitation(text, pos, close, index);
  const parts: CitationPart[] = [];
  let offset = pos + 1;
  for (const item of inner.split(';')) {
    const lead = item.length - item.trimStart().length;
    const m = readItem(item.trim());
    if (m) parts.push(...resolveItem(m.first, m.second, m.years, offset + lead, item.trim(), index));
    offset += item.length + 1;
  }
  if (parts.length === 0) return null;
  return { start: pos, end: close + 1, parts, style: 'author-year', label: inner.replace(/\s+/g, ' ').trim() };
}

/** "Jones and Lee (2015a)": names before a parenthesis holding only years. */
function narrativeCitation(text: string, open: number, close: number, index: AuthorYearIndex): MarkerMatch | null {
  const from = Math.max(0, open - MAX_NAMES_BEFORE);
  const before = text.slice(from, open);
  const m = NAMES_BEFORE.exec(before);
  if (!m) return null;
  const nameStart = from + m.index + m[0].indexOf(m[1]!);
  const parts: CitationPart[] = [];
  const years = text.slice(open + 1, close);
  const yearRe = /\d{4}[a-z]?/g;
  for (let y = yearRe.exec(years); y; y = yearRe.exec(years)) {
    const number = index.resolve(m[1]!, y[0], m[2] ? m[2] : null);
    if (number !== null) parts.push({ number, start: nameStart, end: open + 1 + y.index + y[0].length });
  }
  if (parts.length === 0) return null;
  const written = text.slice(nameStart, close + 1);
  return { start: nameStart, end: close + 1, parts, style: 'author-year', label: written.replace(/\s*\(\s*/, ', ').replace(/\)$/, '').replace(/\s+/g, ' ') };
}

function resolveItem(name: string, second: string | null, years: string, start: number, item: string, index: AuthorYearIndex): CitationPart[] {
  const parts: CitationPart[] = [];
  const yearRe = /\d{4}[a-z]?/g;
  const yearsAt = item.lastIndexOf(years);
  for (let y = yearRe.exec(years); y; y = yearRe.exec(years)) {
    const number = index.resolve(name, y[0], second ? second : null);
    if (number !== null) parts.push({ number, start, end: start + yearsAt + y.index + y[0].length });
  }
  return parts;
}
