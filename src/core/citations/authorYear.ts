/**
 * Author–year citations — "(Smith et al., 2017)", "(Smith and Jones, 2015a; Lee, 2016)",
 * "Jones and Lee (2015a)" — resolved to the entries of an author–year reference list.
 * Only what resolves to an entry is a citation: a parenthesis such as "(n = 12, 2019)" is not.
 */
import type { FoundReference } from '../references/index.js';
import { surnameOf } from '../references/fields.js';
import type { CitationPart } from '../types.js';
import type { MarkerMatch } from './markers.js';

/** Finds entries by first author's family name and year. */
export interface AuthorYearIndex {
  resolve(surname: string, year: string, second: string | null): number | null;
}

/** Longest parenthesis read as a group of author–year citations. */
const MAX_PARENTHESIS = 400;
/** How far back a narrative citation's names may start (text that may lie in the blocks before). */
export const MAX_NAMES_BEFORE = 80;

/** A family name, with the particles that may precede it ("van der Berg", "de Souza"). */
const NAME = String.raw`(?:(?:van|von|de|der|den|del|della|di|da|du|dos|das|le|la|ter|ten)\s+){0,2}\p{Lu}[\p{L}'’-]+`;
const YEAR = String.raw`\d{4}[a-z]?`;
/** "Smith et al., 2017", "Smith and Jones 2015a", "Smith & Jones, 2015, 2016". */
const ITEM = new RegExp(
  String.raw`^(?:(?:e\.g\.|i\.e\.|see(?: also)?|cf\.|reviewed in)[,:]?\s+)?(${NAME})(?:\s+et\s+al\.?|\s+(?:and|&)\s+(${NAME}))?,?\s+(${YEAR}(?:\s*,\s*${YEAR})*)\s*$`,
  'u',
);
const YEARS_ONLY = new RegExp(String.raw`^\s*${YEAR}(?:\s*[,;]\s*${YEAR})*\s*$`);
const NAMES_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(${NAME})(?:\s+et\s+al\.?|\s+(?:and|&)\s+(${NAME}))?\s*$`, 'u');

function key(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}]/gu, '');
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
    if (e.authors.length === 0 || e.year === null) continue;
    const first = key(surnameOf(e.authors[0]!));
    const second = e.authors[1] ? key(surnameOf(e.authors[1])) : null;
    const letter = new RegExp(String.raw`\(${e.year}([a-z])\b`).exec(e.text)?.[1] ?? '';
    const value = { number: e.number, second };
    if (letter) add(`${first}|${e.year}${letter}`, value);
    add(`${first}|${e.year}`, value);
  }
  return {
    resolve(surname, year, second) {
      const candidates = byKey.get(`${key(surname)}|${year}`);
      if (!candidates) return null;
      const wanted = second ? key(second) : null;
      return (wanted ? candidates.find((c) => c.second === wanted) : undefined)?.number ?? candidates[0]!.number;
    },
  };
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
    const m = ITEM.exec(item.trim());
    if (m) parts.push(...resolveItem(m[1]!, m[2] ?? null, m[3]!, offset + lead, item.trim(), index));
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
