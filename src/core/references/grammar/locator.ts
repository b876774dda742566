/**
 * The locator of an entry — year, volume, issue, pages — in the shapes the styles write it:
 * `2015;35(3):1021-33` (Vancouver), `35(3), 1021–1033` (APA), `521, 436–444 (2015)` (Nature),
 * `2019, 62, 1–10` (ACS), `62 (2019) 1–10` (Elsevier), `vol. 24, no. 11, pp. 963-967, 1996` (IEEE).
 */
import type { Token } from './tokens.js';
import { ISSUE_WORDS, isYear, lower, MONTHS, PAGE_WORDS, ROMAN, SUPPLEMENT_WORDS, VOLUME_WORDS } from './words.js';

/** Token index ranges `[from, to)` of each part of the locator. */
export interface LocatorTokens {
  year: readonly [number, number] | null;
  volume: readonly [number, number] | null;
  issue: readonly [number, number] | null;
  pages: readonly [number, number] | null;
}

const DASHES = '-–—‐‑−';
/** Page numbers that are words: `S12`, `e0123456`, `A65`, `12a`, `R45`, `iii`. */
const PAGE_WORD = /^(?:[A-Za-z]{0,2}\d+[a-z]?|e\d+|[ivxlc]{1,8})$/;
/** Volume numbers that are words: `35B`, `XIX`. */
const VOLUME_WORD = /^\d+[A-Za-z]?$/;

/** Page words a book's page count is written with (`702 p.`). */
const COUNTED_PAGES: ReadonlySet<string> = new Set(['p', 'pp', 'pages', 's']);

const isNumber = (t: Token | undefined): boolean => t !== undefined && t.kind === 'number';
const isPunct = (t: Token | undefined, chars: string): boolean => t !== undefined && t.kind === 'punct' && chars.includes(t.text);

/** A token that may stand in a locator. */
export function locatorToken(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.kind === 'number') return true;
  if (t.kind === 'punct') return '.,;:()[]/&'.includes(t.text) || DASHES.includes(t.text);
  const w = lower(t);
  if (isYear(t) || PAGE_WORD.test(t.text) || VOLUME_WORD.test(t.text) || MONTHS.has(w) || VOLUME_WORDS.has(w) || ISSUE_WORDS.has(w) || PAGE_WORDS.has(w) || SUPPLEMENT_WORDS.has(w)) return true;
  return ROMAN.test(t.text) && VOLUME_WORDS.has(lower(tokens[i - 1] && tokens[i - 1]!.kind === 'punct' ? tokens[i - 2] : tokens[i - 1]));
}

/** The earliest index in `[from, to)` from which every token up to `to` may stand in a locator and a number follows; `to` when none. */
export function locatorStart(tokens: readonly Token[], from: number, to: number): number {
  let start = to;
  for (let i = to - 1; i >= from; i--) {
    if (!locatorToken(tokens, i)) break;
    start = i;
  }
  // A locator starts with a number, a keyword or an opening parenthesis, never with stray punctuation.
  while (start < to && tokens[start]!.kind === 'punct' && tokens[start]!.text !== '(') start++;
  let hasNumber = false;
  for (let i = start; i < to; i++) if (isNumber(tokens[i]) || isYear(tokens[i]) || PAGE_WORD.test(tokens[i]!.text)) hasNumber = true;
  return hasNumber ? start : to;
}

/** A page range from `i`: `1021-33`, `S1–S10`, `e1234`; the index after it, or -1. */
function pageRange(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (!t || !(isNumber(t) || (t.kind === 'word' && PAGE_WORD.test(t.text)))) return -1;
  let k = i + 1;
  if (isPunct(tokens[k], DASHES) && tokens[k + 1] && (isNumber(tokens[k + 1]) || PAGE_WORD.test(tokens[k + 1]!.text))) k += 2;
  return k;
}

/** The number a page token starts with (`S12` → 12), or NaN. */
const pageNumber = (t: Token | undefined): number => (t ? Number(/\d+/.exec(t.text)?.[0] ?? NaN) : NaN);

/**
 * Pages from `i`, a list included (`81-131, 208-241`; after a page word also `239, 245`): each part
 * after the one before it, never a year. A lone number before a comma is otherwise an issue
 * (`61, 4, 220-233`). The index after them, or -1.
 */
function pageList(tokens: readonly Token[], i: number, named: boolean): number {
  let end = pageRange(tokens, i);
  if (!named && end !== i + 3) return end;
  while (end > 0 && isPunct(tokens[end], ',') && !isYear(tokens[end + 1])) {
    const next = pageRange(tokens, end + 1);
    if (next < 0 || !(pageNumber(tokens[end + 1]) > pageNumber(tokens[end - 1]))) break;
    end = next;
  }
  return end;
}

/** An issue from `i`: `3`, `3-4`, `3/4`, `2, 3, 4` inside parentheses; the index after it, or -1. */
function issueRange(tokens: readonly Token[], i: number, inParentheses: boolean): number {
  const t = tokens[i];
  if (!t || !(isNumber(t) || (t.kind === 'word' && /^\d+[A-Za-z]?$|^[A-Z]?\d+$/.test(t.text)))) return -1;
  let k = i + 1;
  while (isPunct(tokens[k], DASHES + '/' + (inParentheses ? ',' : '')) && tokens[k + 1] && (isNumber(tokens[k + 1]) || /^\d+[A-Za-z]?$/.test(tokens[k + 1]!.text))) {
    if (inParentheses || !isPunct(tokens[k], ',')) k += 2;
    else break;
  }
  return k;
}

/** Reads the locator tokens `[from, to)`; `knownYear` when the year was read before the title. */
export function readLocator(tokens: readonly Token[], from: number, to: number, knownYear: boolean): LocatorTokens {
  const out: LocatorTokens = { year: null, volume: null, issue: null, pages: null };
  // Parts named by a keyword (`vol.`, `no.`, `pp.`) are not taken back; parts inferred from their place are.
  const named = { volume: false, issue: false, pages: false };
  let expect: 'volume' | 'issue' | 'pages' | null = null;
  let yearFound = knownYear;
  let i = from;
  while (i < to) {
    const t = tokens[i]!;
    const w = lower(t);
    if (t.kind === 'word' && !isYear(t) && !/\d/.test(t.text)) {
      if (VOLUME_WORDS.has(w) && !named.volume) expect = 'volume';
      else if (ISSUE_WORDS.has(w) && !named.issue && (w !== 'n' || isPunct(tokens[i + 1], '.°º'))) expect = 'issue';
      else if (PAGE_WORDS.has(w) && !named.pages && w !== 'e') {
        // `5: 4, pp. 553-580`: what was taken for the pages was the issue.
        if (out.pages && !out.issue) out.issue = out.pages;
        out.pages = null;
        expect = 'pages';
      } else if (SUPPLEMENT_WORDS.has(w) && !out.issue && out.volume) {
        // `35 Suppl 2`, `35(Suppl 1)`: the supplement is the issue.
        const end = isNumber(tokens[i + 1]) ? i + 2 : i + 1;
        out.issue = [i, end];
        i = end;
        continue;
      } else if (ROMAN.test(t.text) && (expect === 'volume' || (i === from && t.text.length >= 2 && !out.volume))) {
        out.volume = [i, i + 1];
        named.volume = expect === 'volume';
        expect = null;
      } else if (MONTHS.has(w)) {
        // `2015 Mar 15;`, `March 3, 2015`, `Jul-Aug`: a date, whose year is the year if none is known.
        i++;
        if (isPunct(tokens[i], DASHES + '/') && MONTHS.has(lower(tokens[i + 1]))) i += 2;
        if (isPunct(tokens[i], '.')) i++;
        if (isNumber(tokens[i]) && Number(tokens[i]!.text) <= 31 && !isPunct(tokens[i + 1], '(') && !(isPunct(tokens[i + 1], DASHES) && !MONTHS.has(lower(tokens[i + 2])))) i++;
        if (isPunct(tokens[i], ',')) i++;
        if (isYear(tokens[i]) && yearFound) i++;
        continue;
      }
      i++;
      continue;
    }
    if (t.kind === 'punct') {
      i++;
      continue;
    }
    // `21 April 2013`: a day.
    if (isNumber(t) && Number(t.text) <= 31 && MONTHS.has(lower(tokens[i + 1]))) {
      i++;
      continue;
    }
    // `702 p.`, `351 pp.`: a book's page count.
    // (Not `2019 pp. 141`: there the page word leads the pages.)
    if (expect === null && isNumber(t) && !isYear(t) && !out.pages && COUNTED_PAGES.has(lower(tokens[i + 1])) && (i + 2 >= to || (isPunct(tokens[i + 2], '.') && pageRange(tokens, i + 3) < 0))) {
      out.pages = [i, i + 1];
      named.pages = true;
      i += 2;
      continue;
    }
    // `43:17: 6691`, `19, 4 (July 1988): 195–201`, `61: 4, 220-233`: a single number read as the pages
    // by its place right after the volume, then a page range or a number after a colon: the first was the issue.
    if (expect === null && out.volume && out.pages && !named.pages && !out.issue && out.pages[1] - out.pages[0] === 1 && out.pages[0] - out.volume[1] === 1) {
      const end = pageRange(tokens, i);
      if (end > 0 && (isPunct(tokens[i - 1], ':') || (isPunct(tokens[i - 1], ',') && end - i === 3))) {
        out.issue = out.pages;
        out.pages = [i, end];
        i = end;
        continue;
      }
    }
    if (expect === 'pages' || (expect === null && out.volume && !out.pages && isPunct(tokens[i - 1], ':'))) {
      const end = pageList(tokens, i, expect === 'pages');
      if (end > 0) {
        out.pages = [i, end];
        named.pages = expect === 'pages';
        expect = null;
        i = end;
        continue;
      }
    }
    if (expect === 'issue') {
      const end = issueRange(tokens, i, false);
      out.issue = [i, end > 0 ? end : i + 1];
      named.issue = true;
      expect = null;
      i = end > 0 ? end : i + 1;
      continue;
    }
    if (expect === 'volume') {
      out.volume = [i, i + 1];
      named.volume = true;
      expect = null;
      i++;
      continue;
    }
    if (isYear(t) && !yearFound && !isPunct(tokens[i + 1], DASHES)) {
      out.year = [i, i + 1];
      yearFound = true;
      // `1999/2000`: one year written as a span.
      i += isPunct(tokens[i + 1], '/') && tokens[i + 2]?.kind === 'number' ? 3 : 1;
      continue;
    }
    if (isPunct(tokens[i - 1], '(') && out.volume && !out.issue && !isYear(t)) {
      const end = issueRange(tokens, i, true);
      if (end > 0 && isPunct(tokens[end], ')')) {
        out.issue = [i, end];
        i = end;
        continue;
      }
    }
    if (!out.volume && (isNumber(t) || VOLUME_WORD.test(t.text)) && !isPunct(tokens[i + 1], DASHES)) {
      out.volume = [i, i + 1];
      // `3.7 (2008)`: volume and issue joined by a full stop (MLA).
      if (isPunct(tokens[i + 1], '.') && !tokens[i + 1]!.space && isNumber(tokens[i + 2]) && !tokens[i + 2]!.space) {
        out.issue = [i + 2, i + 3];
        i += 3;
        continue;
      }
      i++;
      continue;
    }
    if (!out.pages) {
      const end = pageList(tokens, i, false);
      if (end > 0) {
        out.pages = [i, end];
        i = end;
        continue;
      }
    }
    if (isYear(t) && !out.year && !knownYear) out.year = [i, i + 1];
    i++;
  }
  return out;
}
