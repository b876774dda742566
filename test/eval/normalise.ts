/**
 * How the scorer compares what is written: text, reference fields, author names, units, numbers.
 * The rules are those of GUIDELINES.md ("How the scorer reads the gold").
 */
import type { FieldName } from './gold.js';

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SURROUNDING_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Markdown and HTML markup read away: links keep their text, emphasis and tags go. */
export function stripMarkup(s: string): string {
  return s
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]{1,40}>/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/[*_`~]+/g, '');
}

/** Case, whitespace, dashes, surrounding punctuation and markup normalised away. */
export function normaliseText(s: string): string {
  return stripMarkup(s.normalize('NFKC'))
    .replace(DASHES, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(SURROUNDING_PUNCTUATION, '');
}

/** A field's value as compared, or null when nothing is left. */
export function normaliseField(field: Exclude<FieldName, 'authors'>, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let s = normaliseText(value);
  switch (field) {
    case 'year':
      s = /\b(1[5-9]\d\d|20\d\d)/.exec(s)?.[1] ?? s;
      break;
    case 'doi':
      s = s.replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//, '').replace(/^doi\s*:?\s*/, '');
      break;
    case 'pmcid':
      s = s.replace(/^(?:pmcid\s*:?\s*)?(?:pmc)?/, 'pmc');
      break;
    case 'pmid':
      s = s.replace(/^pmid\s*:?\s*/, '');
      break;
    case 'pages':
      s = s.replace(/^pp?\.?\s*/, '').replace(/\s*-\s*/g, '-');
      break;
    case 'volume':
      s = s.replace(/^vol(?:ume)?\.?\s*/, '');
      break;
    case 'issue':
      s = s.replace(/^(?:no|issue)\.?\s*/, '');
      break;
  }
  return s === '' ? null : s;
}

/** Authors as compared: the list of normalised family names, or null for none. */
export function familyList(families: readonly string[] | null | undefined): string | null {
  if (!families || families.length === 0) return null;
  const names = families.map(normaliseText).filter((n) => n !== '');
  return names.length === 0 ? null : names.join('; ');
}

const INITIALS = /^(?:\p{Lu}\.?[\s-]*){1,4}$/u;

/**
 * The family name in an author string as today's contract gives it (`Kenakin T`, `Black, J. W.`,
 * `J. W. Black`): the part before the first comma, else the word(s) before trailing initials,
 * else the word(s) after leading initials, else the whole string.
 */
export function familyOf(author: string): string {
  const s = author.trim();
  const comma = s.indexOf(',');
  if (comma > 0) return s.slice(0, comma).trim();
  const words = s.split(/\s+/);
  let end = words.length;
  while (end > 1 && INITIALS.test(words[end - 1]!)) end--;
  if (end < words.length) return words.slice(0, end).join(' ');
  let begin = 0;
  while (begin < words.length - 1 && INITIALS.test(words[begin]!)) begin++;
  return words.slice(begin).join(' ');
}

/** A unit as compared: μ/µ/u prefixes one, litres as L, no spaces. */
export function normaliseUnit(unit: string | null | undefined): string | null {
  if (unit === null || unit === undefined) return null;
  const s = unit
    .normalize('NFKC') // µ (micro sign) becomes μ
    .replace(/\s+/g, '')
    .replace(/^u(?=[MgLlm])/, 'μ')
    .replace(/(^|\/|[mμnp])l(?=$|\/)/g, '$1L');
  return s === '' ? null : s;
}

const MOLAR_SCALE: Record<string, number> = { M: 1, mM: 1e-3, μM: 1e-6, nM: 1e-9, pM: 1e-12, fM: 1e-15 };

/** Two numbers equal within a relative tolerance of 1e-6. */
export function sameNumber(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false;
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Whether two values with units state the same quantity: the same number in the same unit (after
 * normalising), or the same concentration in two molar units (1.4 μM = 1400 nM).
 */
export function sameQuantity(a: number, unitA: string | null, b: number, unitB: string | null): boolean {
  const ua = normaliseUnit(unitA);
  const ub = normaliseUnit(unitB);
  if (ua === ub) return sameNumber(a, b);
  const sa = ua === null ? undefined : MOLAR_SCALE[ua];
  const sb = ub === null ? undefined : MOLAR_SCALE[ub];
  return sa !== undefined && sb !== undefined && sameNumber(a * sa, b * sb);
}

/** Two names of the same thing as the records scorer reads them: one contains the other. */
export function namesMatch(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const na = normaliseText(a);
  const nb = normaliseText(b);
  return na !== '' && nb !== '' && (na.includes(nb) || nb.includes(na));
}

/** A marker's shape, for counting failures by class: every number read as `N`. */
export function markerShape(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\d+/g, 'N').replace(/[¹²³⁰⁴-⁹]+/g, 'ⁿ');
}
