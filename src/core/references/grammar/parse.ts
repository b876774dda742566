/**
 * Reads the fields of one reference entry from its source: the entry is read as plain text
 * (plain.ts), its identifiers taken out (identifiers.ts), the rest cut into tokens (tokens.ts),
 * and the tokens read in the order the styles write them:
 *
 *   authors [year] title [container] [locator] [tail]
 *
 * where the author list has its own grammar (authors.ts), the year may come after the authors
 * (APA, Harvard) or in the locator (Vancouver, Nature, ACS), the locator holds year, volume,
 * issue and pages (locator.ts) and the tail is what follows a work's locator (Epub dates,
 * access dates). Web extractions ("Site | Title [host]") are read apart.
 */
import type { FieldValue, ReferenceAuthor, ReferenceFields } from '../../types.js';
import { readAuthors } from './authors.js';
import { findIdentifiers } from './identifiers.js';
import { locatorStart, readLocator } from './locator.js';
import { DATABASE_LABEL, plainEntry, type EntryPlain } from './plain.js';
import { tokenize, type Token } from './tokens.js';
import { CONTAINER_WORDS, EDITOR_WORDS, PARTICLES, ISSUE_WORDS, JOURNAL_WORDS, isYear, lower, LOWER, MONTHS, PAGE_WORDS, PLACES, PREPRINT_SERVERS, PUBLISHER_WORDS, ROMAN, SUPPLEMENT_WORDS, TAIL_WORDS, TITLE_ABBREVIATIONS, UPPER, VOLUME_WORDS, YEAR, ocrDigits } from './words.js';

/** An author with offsets into the entry's source. */
type EntryAuthor = ReferenceAuthor;

/** What the grammar reads of one entry; offsets are relative to the entry's source. */
export interface ParsedEntry {
  readonly fields: ReferenceFields;
  /** The `[host]` web extractions append (not one of the fields). */
  readonly host: string | null;
  /** The DOI as written (the field is in lower case). */
  readonly doiWritten: string | null;
  /** The first URL written in the entry, DOI links included. */
  readonly anyUrl: string | null;
  /** Each author as written, white space collapsed (`Kenakin T`, `Black, J. W.`). */
  readonly authorsWritten: readonly string[];
}

const HOST = /\s*\[((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})\]\s*$/i;
const DOMAIN_ONLY = /^(?:[a-z0-9-]{1,63}\.)+[a-z]{2,24}$/i;
/** Bracketed words that are not part of the work: database links written as text, and `[PDF]` tags. */
const BRACKET_WORD = /\[([A-Za-z][A-Za-z ]{1,24})\]/g;
const TAG_WORD = /^(?:pdf|html|book|citation|internet|online|electronic resource|article in [a-z]+|in [a-z]+)$/i;
const DASHES = '-–—‐‑−';
const QUOTES: Readonly<Record<string, string>> = { '"': '"', '“': '”', '„': '“', '‘': '’', "'": "'", '«': '»', '”': '”' };

/**
 * `(a) Kim, D.; … 2005, 48, 141-51; (b) Kim, D.; …`: one number for several works (chemistry
 * journals). The fields are those of the first, read without its label.
 */
function firstPart(tokens: Token[]): Token[] {
  const label = (k: number, letter: string): boolean => isPunct(tokens[k], '(') && tokens[k + 1]?.text === letter && isPunct(tokens[k + 2], ')');
  if (!label(0, 'a')) return tokens;
  let end = tokens.length;
  for (let k = 3; k + 2 < tokens.length; k++) {
    if (label(k, 'b') && isPunct(tokens[k - 1], ';')) {
      end = k - 1;
      break;
    }
  }
  return tokens.slice(3, end);
}

const isPunct = (t: Token | undefined, chars: string): boolean => t !== undefined && t.kind === 'punct' && chars.includes(t.text);

/** Reads an entry's fields from its source (the text after its list marker and number). */
export function parseEntry(source: string): ParsedEntry {
  const plain = plainEntry(source);
  const ids = findIdentifiers(plain);
  const masked = [...ids.masked];
  let host: string | null = null;
  const hostMatch = HOST.exec(plain.text);
  if (hostMatch) {
    host = hostMatch[1]!.toLowerCase();
    masked.push([hostMatch.index, plain.text.length]);
  }
  BRACKET_WORD.lastIndex = 0;
  for (let m = BRACKET_WORD.exec(plain.text); m; m = BRACKET_WORD.exec(plain.text)) {
    if (DATABASE_LABEL.test(m[1]!.trim()) || TAG_WORD.test(m[1]!.trim())) masked.push([m.index, m.index + m[0].length]);
  }
  masked.sort((a, b) => a[0] - b[0]);
  const tokens = firstPart(tokenize(plain.text, masked));
  const at = new Spans(plain, tokens);
  const reading = host ? readWeb(tokens, at) : readBibliographic(tokens, at);
  const fields: ReferenceFields = {
    authors: reading.authors,
    year: reading.year,
    title: reading.title,
    container: reading.container,
    volume: reading.volume,
    issue: reading.issue,
    pages: reading.pages,
    // Markdown's escapes are the converter's, not the DOI's (`10.1016/s1353-8020\(98\)00027-3`).
    doi: ids.doi ? { value: ids.doi.value.replace(/\\(?=[()[\]_*])/g, '').toLowerCase(), start: ids.doi.start, end: ids.doi.end } : null,
    pmid: ids.pmid,
    pmcid: ids.pmcid,
    arxiv: ids.arxiv,
    url: ids.url,
  };
  return {
    fields,
    host,
    doiWritten: ids.doi?.value ?? null,
    anyUrl: firstUrl(plain),
    authorsWritten: reading.authorsWritten,
  };
}

/** The first http(s) URL of the entry, in the text or a link destination (what the legacy `url` holds). */
function firstUrl(plain: EntryPlain): string | null {
  const inText = /\bhttps?:\/\/[^\s<>()[\]]{1,1000}/.exec(plain.text)?.[0];
  const candidates = [...plain.destinations.filter((d) => /^https?:/i.test(d.url) && !d.database).map((d) => d.url), ...(inText ? [inText] : []), ...plain.destinations.map((d) => d.url)];
  const url = candidates.find((u) => /^https?:/i.test(u));
  return url ? url.replace(/[.,;:)\]}>]+$/, '') || null : null;
}

type Reading = Pick<ReferenceFields, 'authors' | 'year' | 'title' | 'container' | 'volume' | 'issue' | 'pages'> & { readonly authorsWritten: readonly string[] };

const NONE: Reading = { authors: [], year: null, title: null, container: null, volume: null, issue: null, pages: null, authorsWritten: [] };

/** Values and source spans of token ranges. */
class Spans {
  constructor(
    private readonly plain: EntryPlain,
    private readonly tokens: readonly Token[],
  ) {}

  /** The field written by tokens `[from, to)`, surrounding punctuation and quotes trimmed; null when empty. */
  field(from: number, to: number, normalise: (s: string) => string = (s) => s): FieldValue | null {
    let a = from;
    let b = to;
    while (a < b && this.trimmable(a)) a++;
    while (b > a && this.trimmable(b - 1) && !'?!'.includes(this.tokens[b - 1]!.text)) b--;
    // Keep a parenthesis whose partner is inside: `Receptors (NMDARs)`, `(+)-ligand`.
    const depth = this.depth(a, b);
    if (depth > 0 && b < to && this.tokens[b]!.text === ')') b++;
    else if (depth < 0 && a > from && this.tokens[a - 1]!.text === '(') a--;
    if (a >= b) return null;
    const start = this.tokens[a]!.start;
    const end = this.tokens[b - 1]!.end;
    const value = normalise(this.plain.text.slice(start, end));
    return value ? { value, start: this.plain.offsets[start]!, end: this.plain.ends[end - 1]! } : null;
  }

  /** Given names as written: like {@link field}, but the full stop of a last initial stays (`J. W.`). */
  initials(from: number, to: number): FieldValue | null {
    const f = this.field(from, to);
    const last = this.tokens[to - 1];
    if (!f || !last || last.text !== '.' || !/^\p{Lu}\p{Ll}?$/u.test(this.tokens[to - 2]?.text ?? '')) return f;
    return { value: `${f.value}.`, start: f.start, end: this.plain.ends[last.end - 1]! };
  }

  text(from: number, to: number): string {
    if (from >= to) return '';
    return this.plain.text.slice(this.tokens[from]!.start, this.tokens[to - 1]!.end);
  }

  private trimmable(i: number): boolean {
    const t = this.tokens[i]!;
    return t.kind === 'punct' && ('.,;:"“”‘’\'«»()[]/|*?!`'.includes(t.text) || DASHES.includes(t.text));
  }

  /** Opening minus closing parentheses in `[a, b)`. */
  private depth(a: number, b: number): number {
    let d = 0;
    for (let k = a; k < b; k++) {
      const t = this.tokens[k]!.text;
      if (t === '(') d++;
      else if (t === ')') d--;
    }
    return d;
  }
}

/** "Site | Title", "Title | Journal", "Title - PMC", or just a domain name. */
function readWeb(tokens: readonly Token[], at: Spans): Reading {
  const all = at.text(0, tokens.length);
  if (tokens.length === 0 || DOMAIN_ONLY.test(all)) return NONE;
  const bars: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'punct' && t.text === '|' && t.space) bars.push(i);
  });
  if (bars.length > 0) {
    const parts: [number, number][] = [];
    let from = 0;
    for (const b of bars) {
      parts.push([from, b]);
      from = b + 1;
    }
    parts.push([from, tokens.length]);
    const words = (p: [number, number]): number => tokens.slice(p[0], p[1]).filter((t) => t.kind !== 'punct').length;
    const first = parts[0]!;
    // Page titles read "Title | Site"; a short first part ("Frontiers | Title") is the site.
    const siteFirst = parts.length > 1 && words(first) <= 2 && at.text(first[0], first[1]).length <= 25 && words(parts[1]!) > words(first);
    const title = siteFirst ? parts[1]! : first;
    const site = siteFirst ? first : parts[1];
    return { ...NONE, title: at.field(title[0], title[1]), container: site ? at.field(site[0], site[1]) : null };
  }
  for (let i = tokens.length - 2; i > 0; i--) {
    const t = tokens[i]!;
    if (t.kind === 'punct' && DASHES.includes(t.text) && t.space && tokens[i + 1]!.space) {
      const tail = tokens.slice(i + 1);
      if (tail.length <= 5 && UPPER.test(tail[0]!.text) || /^\d/.test(tail[0]!.text)) {
        return { ...NONE, title: at.field(0, i), container: at.field(i + 1, tokens.length) };
      }
      break;
    }
  }
  return { ...NONE, title: at.field(0, tokens.length) };
}

/** Whether the full stop at `i` ends a sentence of the title (not `e.g.`, `U.S.`, `E. coli`, `vs.`). */
function sentenceEnd(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.kind !== 'punct' || !'.?!'.includes(t.text)) return false;
  const next = tokens[i + 1];
  if (next === undefined) return true;
  // `?` and `!` end a title before a full stop, a comma or a quote; before a word they may open its subtitle.
  if (t.text !== '.') return isPunct(next, '.,"”’') || (next.space && !LOWER.test(next.text) && !laterSentenceEnd(tokens, i + 1));
  if (!next.space && !isPunct(next, '"”’')) return false;
  const prev = tokens[i - 1];
  if (!prev || prev.kind !== 'word') return !LOWER.test(next.text);
  const p = lower(prev);
  if (TITLE_ABBREVIATIONS.has(p) && !isYear(next)) return false;
  // `pp. 388`, `Vol. 15`, `No. 6`: a locator keyword before its number.
  if ((PAGE_WORDS.has(p) || VOLUME_WORDS.has(p) || ISSUE_WORDS.has(p)) && (next.kind === 'number' || ROMAN.test(next.text) || /^[A-Za-z]{0,2}\d+[a-z]?$/.test(next.text))) return false;
  // `U.S.`, `e.g.`: a dotted abbreviation.
  if (prev.text.length === 1 && isPunct(tokens[i - 2], '.') && !tokens[i - 1]!.space) return false;
  // A single capital before lower case is an abbreviated genus (`E. coli`).
  if (/^\p{Lu}$/u.test(prev.text) && LOWER.test(next.text)) return false;
  // `J. Med. Chem.`, `Br. J. Pharmacol.`: a chain of abbreviations is a journal's name, one sentence.
  const abbreviation = /^\p{Lu}$/u.test(prev.text) || (UPPER.test(prev.text) && JOURNAL_WORDS.has(p));
  if (abbreviation && next.kind === 'word' && isPunct(tokens[i + 2], '.') && !tokens[i + 2]!.space && (JOURNAL_WORDS.has(lower(next)) || next.text.length <= 2)) return false;
  return !LOWER.test(next.text) || isPunct(next, '"”') || PREPRINT_SERVERS.has(lower(next));
}

/** Whether another sentence end follows `from` before a locator boundary (the `?` was inside the title). */
function laterSentenceEnd(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + 40; k++) {
    const t = tokens[k]!;
    if (t.kind === 'number' || isYear(t)) return false;
    if (t.kind === 'punct' && t.text === '.' && sentenceEnd(tokens, k)) {
      // The next sentence is the container if the locator follows it.
      const n = tokens[k + 1];
      return n !== undefined && !(n.kind === 'number' || isYear(n));
    }
  }
  return false;
}

/** The index of the first tail word (`Epub`, `Accessed`, `Available`) in `[from, tokens.length)`, or the length. */
function tailStart(tokens: readonly Token[], from: number): number {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || !(TAIL_WORDS.has(lower(t)) || TAIL_WORDS.has(`${lower(t)} ${lower(tokens[i + 1])}`) || TAIL_WORDS.has(`${lower(t)} ${lower(tokens[i + 1])} ${lower(tokens[i + 2])}`))) continue;
    // A tail word opens a sentence or a bracket: `. Epub 2015`, `[cited 2020]`, `(accessed …)`.
    const before = tokens[i - 1];
    if (!before || isPunct(before, '.;,[(')) return i - (isPunct(before, '[(') ? 1 : 0);
  }
  return tokens.length;
}

/** A parenthesised year after the authors: `(2015)`, `(2015a)`, `(2015, March 3)`, `(n.d.)`; the index after and the year's token. */
function yearAfterAuthors(tokens: readonly Token[], i: number): { next: number; year: number | null } | null {
  // `(2015)`, `(2015a)`, `(2015, March 3)`, `(July 1978)`, `(March 3, 2015)`.
  const at = isPunct(tokens[i], '(') ? [1, 2, 3, 4].map((d) => i + d).find((k) => isYear(tokens[k]) && (k === i + 1 || MONTHS.has(lower(tokens[i + 1])))) : undefined;
  if (at !== undefined) {
    let k = at + 1;
    while (k < tokens.length && k < i + 9 && !isPunct(tokens[k], ')')) k++;
    if (!isPunct(tokens[k], ')')) return null;
    k++;
    if (isPunct(tokens[k], '.,:')) k++;
    return { next: k, year: at };
  }
  if (isYear(tokens[i]) && (isPunct(tokens[i + 1], '.,:;') || tokens[i + 1] === undefined)) {
    // `Smith, J., 2015. Title`, `Smith J. 2015a. Title`; not `2015;35:1-10` (a Vancouver locator).
    if (isPunct(tokens[i + 1], ';') || (isPunct(tokens[i + 1], ':') && tokens[i + 2]?.kind === 'number')) return null;
    if (isPunct(tokens[i + 1], ',') && tokens[i + 2]?.kind === 'number') {
      // `1997, ApJ, 475` reads on; `2019, 62, 1–10` is an ACS locator.
      return null;
    }
    return { next: i + 2, year: i };
  }
  return null;
}

/** Most words a place, or a publisher named without a publisher's word, takes. */
const MAX_PLACE_WORDS = 4;

/** Whether tokens `[from, to)` name a publisher or its place (`London: Routledge`, `MIT Press`, `2nd ed.`), not a container. */
function publisherLike(tokens: readonly Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to).filter((t) => t.kind === 'word').map((t) => t.text.toLowerCase());
  if (words.length === 0) return true;
  if (words.some((w) => PUBLISHER_WORDS.has(w))) return true;
  if (/^\d+(?:st|nd|rd|th)$/.test(words[0]!) && (words.includes('ed') || words.includes('edn') || words.includes('edition'))) return true;
  // `Place: Publisher` — a colon after a capitalised place, no digits; or a place of publication first.
  const digits = tokens.slice(from, to).some((t) => t.kind === 'number');
  // (A title and its subtitle are not: `After philosophy: End or transformation`, `Governing America: The Politics of a Divided Democracy`.)
  const named = (a: number, b: number): boolean => {
    const ws = tokens.slice(a, b).filter((t) => t.kind === 'word');
    return ws.length > 0 && ws.length <= MAX_PLACE_WORDS && ws.every((w) => UPPER.test(w.text));
  };
  for (let i = from + 1; i < to; i++) {
    if (isPunct(tokens[i], ':') && tokens[i + 1] && UPPER.test(tokens[i + 1]!.text) && !digits && i - from <= 6 && named(from, i) && named(i + 1, to)) return true;
  }
  const first = words.slice(0, 3);
  for (let n = 3; n >= 1; n--) if (first.length >= n && PLACES.has(first.slice(0, n).join(' '))) return true;
  return false;
}

/**
 * The container from tokens `[from, to)`: `In:` and editors dropped, publisher and edition left
 * out. Of several sentences, a journal article's container is the last before its locator (the
 * ones before it end the title: `Title. A review. Biochimie. 2009;91:1-10`); otherwise the first.
 * `titleUntil`: where the title then ends (the full stop before the container), or -1.
 */
function readContainer(tokens: readonly Token[], from: number, to: number, at: Spans, journal = false): { field: FieldValue | null; titleUntil: number } | null {
  let a = from;
  while (a < to && tokens[a]!.kind === 'punct') a++;
  let chapter = false;
  if (lower(tokens[a]) === 'in' && (isPunct(tokens[a + 1], ':') || UPPER.test(tokens[a + 1]?.text ?? '') || tokens[a + 1]?.kind === 'number')) {
    a += isPunct(tokens[a + 1], ':') ? 2 : 1;
    chapter = true;
  }
  if (chapter) {
    // `In: Smith J, editor. Book.`, `In R. Campbell (Ed.), Book`, `In Book, ed. A. Smith`.
    const editors = readAuthors(tokens, a, true);
    const afterNames = editors ? editors.end : a;
    let k = afterNames;
    if (isPunct(tokens[k - 1], ',') || isPunct(tokens[k], ',')) k += isPunct(tokens[k], ',') ? 1 : 0;
    if (isPunct(tokens[k], '(') && EDITOR_WORDS.has(lower(tokens[k + 1]))) {
      k += 2;
      while (k < to && !isPunct(tokens[k], ')')) k++;
      k++;
      a = k;
    } else if (EDITOR_WORDS.has(lower(tokens[k])) || (editors && EDITOR_WORDS.has(lower(tokens[editors.end - 1])))) {
      while (k < to && !isPunct(tokens[k], '.,:')) k++;
      a = k + 1;
    } else if (EDITOR_WORDS.has(lower(tokens[editors ? editors.end - 2 : -1]))) a = afterNames;
  }
  // The container is the first part that is not a publisher, a place or an edition.
  const parts: [number, number][] = [];
  let s = a;
  for (let i = a; i < to; i++) {
    if (sentenceEnd(tokens, i) && chapterBreak(tokens, i, chapter)) {
      parts.push([s, i]);
      s = i + 1;
    }
  }
  parts.push([s, to]);
  const named = parts.filter(([x, y]) => tokens.slice(x, y).some((t) => t.kind === 'word'));
  if (journal && !chapter && named.length > 1) {
    const [p, q] = named[named.length - 1]!;
    // Only a name like a journal's (a few capitalised words) after sentences that are not (`A review`, `the relationship to …`).
    const sentences = named.slice(0, -1);
    if (shortContainer(tokens, p, q) && !publisherLike(tokens, p, q) && sentences.every(([x, y]) => !shortContainer(tokens, x, y) && !publisherLike(tokens, x, y))) return { field: at.field(p, q), titleUntil: p - 1 };
  }
  for (const [p, q] of parts) {
    let end = q;
    // `Book, ed. A. Smith` / `Conference, San Francisco, CA`: a chapter's container ends at its first comma before editors or a place.
    if (chapter) {
      for (let i = p; i < q; i++) {
        if (isPunct(tokens[i], ',') && (EDITOR_WORDS.has(lower(tokens[i + 1])) || lower(tokens[i + 1]) === 'pp' || lower(tokens[i + 1]) === 'p')) {
          end = i;
          break;
        }
        if (isPunct(tokens[i], '(') && (lower(tokens[i + 1]) === 'pp' || lower(tokens[i + 1]) === 'p' || lower(tokens[i + 1]) === 'vol' || tokens[i + 1]?.kind === 'number')) {
          end = i;
          break;
        }
      }
    }
    if (publisherLike(tokens, p, end)) continue;
    return { field: at.field(p, end), titleUntil: -1 };
  }
  return null;
}

/** Inside a chapter's container every full stop splits; elsewhere only one after a long word (journal abbreviations keep theirs). */
function chapterBreak(tokens: readonly Token[], i: number, chapter: boolean): boolean {
  // `Proc. 5th Workshop`, `Conf. Rec.`: an abbreviation inside a conference's name does not split it.
  if (chapter) return !(tokens[i - 1] && (JOURNAL_WORDS.has(lower(tokens[i - 1])) || /^\p{Lu}\p{Ll}{0,3}$/u.test(tokens[i - 1]!.text)));
  const prev = tokens[i - 1];
  return prev !== undefined && prev.kind === 'word' && prev.text.length >= 5 && LOWER.test(prev.text.slice(1)) && !/^\p{Lu}\p{Ll}{0,5}$/u.test(prev.text);
}

/** After an author list, the mark that says its names are editors: `(ed.)`, `(eds)`, `, eds.`, `(Hrsg.)`. */
function afterEditorMark(tokens: readonly Token[], pos: number): number {
  let k = pos;
  if (isPunct(tokens[k], ',') && EDITOR_WORDS.has(lower(tokens[k + 1]))) k++;
  else if (isPunct(tokens[k - 1], ',') && EDITOR_WORDS.has(lower(tokens[k]))) {
    /* `Smith, J., eds.`: the comma was taken by the list. */
  } else if (isPunct(tokens[k], '(') && EDITOR_WORDS.has(lower(tokens[k + 1]))) {
    k += 2;
    if (isPunct(tokens[k], '.')) k++;
    if (!isPunct(tokens[k], ')')) return pos;
    k++;
    if (isPunct(tokens[k], '.,:')) k++;
    return k;
  } else return pos;
  if (!EDITOR_WORDS.has(lower(tokens[k]))) return pos;
  k++;
  if (isPunct(tokens[k], '.,:')) k++;
  return k;
}

/** The end of the title from `from`: its closing quote, or the first sentence end, opening bracket or publication parenthesis. */
function titleEnd(tokens: readonly Token[], from: number, limit: number): { end: number; next: number } {
  // ``TeX quotes'': two backquotes open, two apostrophes close.
  if (isPunct(tokens[from], '`') && isPunct(tokens[from + 1], '`')) {
    for (let k = from + 2; k + 1 < limit; k++) {
      if (isPunct(tokens[k], "'") && isPunct(tokens[k + 1], "'") && !tokens[k + 1]!.space) return { end: k + 2, next: k + 2 };
    }
  }
  const open = tokens[from];
  if (open && open.kind === 'punct' && QUOTES[open.text] !== undefined) {
    const close = QUOTES[open.text]!;
    const closes = (k: number): boolean => {
      const t = tokens[k]!;
      return t.kind === 'punct' && (t.text === close || (close === '”' && t.text === '"')) && (tokens[k + 1] === undefined || tokens[k + 1]!.space || isPunct(tokens[k + 1], '.,;:')) && !(tokens[k + 1] && LOWER.test(tokens[k + 1]!.text));
    };
    for (let k = from + 1; k < limit; k++) {
      if (!closes(k)) continue;
      // `“Getting to Know You...”: Knowledge, Power, and the Body” In …`: a quoted title opening the
      // title, then its subtitle, closed by a second quote with no opening one between.
      if (isPunct(tokens[k + 1], ':')) {
        for (let j = k + 2; j < limit && j < k + 40; j++) {
          if (tokens[j]!.kind === 'punct' && QUOTES[tokens[j]!.text] !== undefined && tokens[j]!.text !== close) break;
          if (closes(j)) return { end: j + 1, next: j + 1 };
        }
      }
      return { end: k + 1, next: k + 1 };
    }
  }
  for (let k = from; k < limit; k++) {
    const t = tokens[k]!;
    if (sentenceEnd(tokens, k)) {
      // A `?` or `!` stays in the title; a full stop after it does not.
      const end = t.text === '.' ? k : k + 1;
      return { end, next: isPunct(tokens[end], '.') ? end + 1 : end };
    }
    if (k > from + 1 && t.kind === 'punct' && t.text === '(' && t.space && publicationParenthesis(tokens, k, limit)) return { end: k, next: k };
    // `Title; Penguin Random House: Cape Town, 1999`: a book's publisher and place after a semicolon (MDPI, ACS).
    if (k > from + 1 && isPunct(t, ';') && publisherAndPlace(tokens, k + 1, limit)) return { end: k, next: k + 1 };
    // `Title, ed. Mario Ascheri, Roma`, `Title, edited by …`: the editors follow the title.
    if (k > from + 1 && isPunct(t, ',') && EDITOR_WORDS.has(lower(tokens[k + 1])) && editorNameAfter(tokens, k + 2)) return { end: k, next: k + 1 };
    // `Title, in E. Brousseau (eds.), Book`: the chapter's book follows.
    if (k > from + 1 && isPunct(t, ',') && lower(tokens[k + 1]) === 'in' && tokens[k + 2] && (UPPER.test(tokens[k + 2]!.text) || isPunct(tokens[k + 2], ':'))) return { end: k, next: k + 1 };
  }
  return { end: limit, next: limit };
}

/** `Publisher: Place, Year` from `i`: a few capitalised words, a colon, a place, a year before the end or a semicolon. */
function publisherAndPlace(tokens: readonly Token[], i: number, limit: number): boolean {
  let colon = -1;
  for (let k = i; k < limit && k < i + 8; k++) {
    if (isPunct(tokens[k], ':')) {
      colon = k;
      break;
    }
    if (tokens[k]!.kind !== 'word' || (LOWER.test(tokens[k]!.text) && !['of', 'and', 'for', 'the', 'de'].includes(tokens[k]!.text))) return false;
  }
  if (colon <= i) return false;
  for (let k = colon + 1; k < limit && k < colon + 12; k++) {
    const t = tokens[k]!;
    if (isYear(t)) return isPunct(tokens[k - 1], ',') && (k + 1 >= limit || isPunct(tokens[k + 1], ';.,'));
    if (t.kind === 'number' || (t.kind === 'word' && LOWER.test(t.text))) return false;
  }
  return false;
}

/** A name after an editor word (`ed. Mario Ascheri`, `edited by J. Smith`): capitalised words or initials, not a title's words. */
function editorNameAfter(tokens: readonly Token[], i: number): boolean {
  let k = i;
  if (isPunct(tokens[k], '.')) k++;
  else if (lower(tokens[k]) === 'by') k++;
  else return false;
  const capital = (t: Token | undefined): boolean => t !== undefined && t.kind === 'word' && UPPER.test(t.text);
  if (!capital(tokens[k])) return false;
  // `Mario Ascheri`, `J. Smith`, `M. R. Jones`.
  return capital(tokens[k + 1]) || (isPunct(tokens[k + 1], '.') && capital(tokens[k + 2]));
}

/** `(Berkeley, CA: University of California Press, 1959)`: a parenthesis holding place, publisher and year. */
function publicationParenthesis(tokens: readonly Token[], open: number, limit: number): boolean {
  let sawYear = false;
  let sawColon = false;
  let sawComma = false;
  for (let k = open + 1; k < limit && k < open + 40; k++) {
    const t = tokens[k]!;
    // (Or place and publisher without the year, which came after the authors: `(Cambridge: Cambridge University Press)`;
    // or publisher, place and year, the physicists' way: `(Birkhäuser, Boston, 1988), p. 205`.)
    if (isPunct(t, ')')) return (sawYear && (sawColon || k + 1 >= limit || isPunct(tokens[k + 1], '.'))) || (sawColon && publisherLike(tokens, open + 1, k)) || (sawComma && isYear(tokens[k - 1]) && isPunct(tokens[k + 1], ','));
    if (isYear(t)) sawYear = true;
    if (isPunct(t, ':')) sawColon = true;
    if (isPunct(t, ',')) sawComma = true;
  }
  return false;
}

/** A group author before a year: `World Health Organization (2020).`, `WHO. 2019.` */
function groupAuthor(tokens: readonly Token[], at: Spans): { author: EntryAuthorTokens; next: number } | null {
  for (let k = 1; k < Math.min(tokens.length, 14); k++) {
    const y = isPunct(tokens[k], '(') || (isPunct(tokens[k - 1], '.,') && isYear(tokens[k])) ? yearAfterAuthors(tokens, k) : null;
    if (!y) continue;
    const words = tokens.slice(0, k).filter((t) => t.kind === 'word');
    if (words.length === 0 || !UPPER.test(tokens[0]!.text) || words.some((w) => LOWER.test(w.text) && !['of', 'for', 'and', 'the', 'on', 'in', 'de', 'du', 'des', 'für'].includes(w.text))) return null;
    const field = at.field(0, k);
    if (!field) return null;
    return { author: { family: field.value, given: null, start: field.start, end: field.end }, next: k };
  }
  return null;
}

type EntryAuthorTokens = EntryAuthor;

/** Tail words that give when a web page was read. */
const ACCESS_WORDS: ReadonlySet<string> = new Set(['retrieved', 'accessed', 'consulted', 'abgerufen', 'consulté']);

/** Most tokens a short note's names take. */
const MAX_NOTE_NAMES = 16;

/**
 * `Kear 2005, p. 448`, `Madsen, McHugh & de Kloet 1988, p. 452`: a shortened footnote, citing a
 * work by its authors' family names and year, maybe with pages; the backlink (`^`, or the letters
 * `a b c` of a note cited several times) may lead it.
 */
function shortNote(tokens: readonly Token[], at: Spans): Reading | null {
  let i = 0;
  while (isPunct(tokens[i], '^*')) i++;
  for (let letter = 97; tokens[i]?.kind === 'word' && tokens[i]!.text === String.fromCharCode(letter); letter++) i++;
  const groups: [number, number][] = [];
  let from = i;
  for (; i < tokens.length && i - from < MAX_NOTE_NAMES; i++) {
    const t = tokens[i]!;
    if (isYear(t)) break;
    if (isPunct(t, ',&') || lower(t) === 'and') {
      groups.push([from, i]);
      from = i + 1;
    } else if (!(t.kind === 'word' && (UPPER.test(t.text) || PARTICLES.has(lower(t)))) && !isPunct(t, "'’")) return null;
  }
  if (!isYear(tokens[i])) return null;
  groups.push([from, i]);
  const y = i++;
  if (isPunct(tokens[i], ',')) i++;
  let pages: FieldValue | null = null;
  if (PAGE_WORDS.has(lower(tokens[i]))) {
    i++;
    if (isPunct(tokens[i], '.')) i++;
    const p = i;
    if (!(tokens[i]?.kind === 'number' || /^[ivxlc]+$/.test(tokens[i]?.text ?? ''))) return null;
    i++;
    if (isPunct(tokens[i], DASHES) && tokens[i + 1]?.kind === 'number') i += 2;
    pages = at.field(p, i, (v) => v.replace(/\s*[–—‐‑−-]\s*/g, '-'));
  }
  if (isPunct(tokens[i], '.')) i++;
  if (i !== tokens.length) return null;
  const authors: EntryAuthor[] = [];
  for (const [a, b] of groups) {
    const f = at.field(a, b);
    if (!f || !(UPPER.test(tokens[a]!.text) || PARTICLES.has(lower(tokens[a])))) return null;
    authors.push({ family: f.value, given: null, start: f.start, end: f.end });
  }
  return { ...NONE, authors, authorsWritten: authors.map((a) => a.family), year: yearField(tokens, y, at), pages };
}

function readBibliographic(tokens: readonly Token[], at: Spans): Reading {
  if (tokens.length === 0) return NONE;
  const note = shortNote(tokens, at);
  if (note) return note;
  // `———.`: the same authors as the entry before, not written again.
  let first = 0;
  while (first < tokens.length && isPunct(tokens[first], DASHES + '_')) first++;
  if (first > 0 && isPunct(tokens[first], '.,')) first++;
  else first = 0;
  // `2013. The Merck Index…`: an entry that opens with its year.
  let leadingYear: FieldValue | null = null;
  if (first === 0 && isYear(tokens[0]) && isPunct(tokens[1], '.') && tokens[2] !== undefined) {
    leadingYear = yearField(tokens, 0, at);
    first = 2;
  }
  const authorList = leadingYear ? null : readAuthors(tokens, first);
  let authors: EntryAuthor[] = [];
  let authorsWritten: string[] = [];
  let pos = first;
  if (authorList) {
    authors = authorList.authors.map((a) => {
      const whole = at.field(a.from, a.to)!;
      const family = at.field(a.family[0], a.family[1])!;
      const given = a.given ? at.initials(a.given[0], a.given[1]) : null;
      return { family: family.value, given: given?.value ?? null, start: whole.start, end: whole.end };
    });
    authorsWritten = authorList.authors.map((a) => at.text(a.from, a.to).replace(/[\s,;:]+$/, ''));
    pos = authorList.end;
  } else if (first === 0 && !leadingYear) {
    const group = groupAuthor(tokens, at);
    if (group) {
      authors = [group.author];
      authorsWritten = [group.author.family];
      pos = group.next;
    }
  }
  pos = afterEditorMark(tokens, pos);
  let year: FieldValue | null = leadingYear;
  const y = leadingYear ? null : yearAfterAuthors(tokens, pos);
  if (y && (authorList || authors.length > 0 || first > 0)) {
    year = yearField(tokens, y.year!, at);
    pos = y.next;
  }
  while (pos < tokens.length && isPunct(tokens[pos], '.,;:')) pos++;
  const tail = tailStart(tokens, pos);
  const title = titleEnd(tokens, pos, tail);
  let titleField: FieldValue | null = null;
  let rest = title.next;
  if (title.next >= tail || onlyPunctuation(tokens, title.next, tail)) {
    // One sentence to the end: a title alone, a container and its locator (`ApJ, 475, 163`), or
    // title and container separated by commas (`A Note on X, Information and Computation, 84, 119-127`).
    const l = locatorStart(tokens, pos, tail);
    const b = locatorBoundary(tokens, pos, tail);
    if (l < tail && l > pos && shortContainer(tokens, pos, l)) {
      rest = pos;
    } else if (b < tail) {
      const comma = lastComma(tokens, pos, b);
      titleField = at.field(pos, comma > pos ? comma : b);
      rest = comma > pos ? comma + 1 : b;
    } else {
      titleField = at.field(pos, tail);
      rest = tail;
    }
  } else {
    // `Title, Journal, vol. 36, no. 9. p. A65. 2001.`: title, container and locator in the first sentence, by commas.
    const b = locatorBoundary(tokens, pos, title.end);
    const comma = b < title.end && tokens[b]!.kind !== 'number' ? lastComma(tokens, pos, b) : -1;
    if (comma > pos && b - comma <= 12) {
      titleField = at.field(pos, comma);
      rest = comma + 1;
    } else titleField = at.field(pos, title.end);
  }
  const l = locatorBoundary(tokens, rest, tail);
  const loc = readLocator(tokens, l, tail, year !== null);
  const read = readContainer(tokens, rest, l, at, loc.volume !== null || loc.pages !== null);
  let container = read?.field ?? null;
  // The sentences between the title's first and the container are the title's.
  if (read && read.titleUntil > rest && titleField && rest === title.next) titleField = at.field(pos, read.titleUntil);
  if (!container && titleField && l === rest) {
    // `Title, J. Med. Chem. 62 (2019) 1–10`: the container was read with the title, after its last comma.
    const end = title.end < tail && title.next <= rest ? title.end : rest;
    const comma = lastComma(tokens, pos, end);
    if (comma > pos && shortContainer(tokens, comma + 1, end) && abbreviated(tokens, comma + 1, end)) {
      titleField = at.field(pos, comma);
      container = at.field(comma + 1, end + (isPunct(tokens[end], '.') ? 1 : 0));
    }
  }
  if (!container && titleField && l === rest && rest < tail && journalAbbreviation(tokens, pos, title.end)) {
    // `S. E. Han, G. Chen, Nano Lett. 2010, 10, 1012.`: no title, the journal straight after the authors.
    container = titleField;
    titleField = null;
  }
  // `Title. Morgan Kaufmann, 1992.`: with no volume, issue or pages, a name that is not a journal's is the publisher.
  // (Not a quoted page's site, in an entry that says when it was retrieved: `"Pricing". Obsidian. Retrieved …`.)
  const site = isPunct(tokens[pos], '"“‘\'«') && ACCESS_WORDS.has(lower(tokens[tail]));
  // (Not a journal's name before a year in parentheses that ends the entry, as PubMed's pages list them: `Title. Semin Thromb Hemost (2019)`.)
  const journalYear = isPunct(tokens[l], '(') && isYear(tokens[l + 1]) && isPunct(tokens[l + 2], ')') && onlyPunctuation(tokens, l + 3, tail) && shortContainer(tokens, rest, l) && !publisherLike(tokens, rest, l);
  if (container && titleField && !loc.volume && !loc.issue && !loc.pages && !site && !journalYear && !containerLike(tokens, rest, l)) container = null;
  if (!year && loc.year) year = yearField(tokens, loc.year[0], at);
  // (Not the year a page was retrieved: `Retrieved January 5, 2024` is no date of the work.)
  if (!year) year = anyYear(tokens, title.end, at, ACCESS_WORDS.has(lower(tokens[tail])) ? tail : tokens.length);
  const range = (r: readonly [number, number] | null, normalise?: (s: string) => string): FieldValue | null => (r ? at.field(r[0], r[1], normalise) : null);
  return {
    authors,
    authorsWritten,
    year,
    title: titleField,
    container,
    volume: range(loc.volume),
    issue: range(loc.issue),
    pages: range(loc.pages, (s) => s.replace(/\s*[–—‐‑−-]\s*/g, '-')),
  };
}

/** A page number written as a word (`S12`, `e123`). */
const PAGE_WORD_START = /^(?:[A-Za-z]{0,2}\d+[a-z]?|e\d+)$/;

/**
 * Where the locator starts after a container that begins at `from`: the first number, year,
 * locator keyword (`vol.`, `pp.`), month before a year or parenthesised number that follows the
 * container's first word; `to` when none.
 */
function locatorBoundary(tokens: readonly Token[], from: number, to: number): number {
  // No container: the locator starts at once (`Title, 1978.`, `Title. 2015;35:1-10.`).
  const first = tokens[from];
  if (first && (isYear(first) || (first.kind === 'number' && (tokens[from + 1] === undefined || isPunct(tokens[from + 1], ',;:(.'))))) return from;
  for (let i = from + 1; i < to; i++) {
    const t = tokens[i]!;
    const w = lower(t);
    const prev = tokens[i - 1]!;
    const afterMark = prev.kind === 'punct' && ',.;:('.includes(prev.text);
    if (t.kind === 'number' || isYear(t)) {
      // `Proceedings of the 1992 ACM Conference`, `In 1992 International Conference`, `SIGPLAN '90 Conference`: a number in a name.
      const next = tokens[i + 1];
      // (Unless the locator's shape follows: `medicinal chemistry 2013,21 (7)`, `economics 50(3): 605`, `neurotrauma 12, 1-21`.)
      const after = tokens[i + 2];
      // (Nor a year that ends the container's sentence: `bioRxiv 2023.`)
      let endsSentence = isYear(t);
      for (let k = i + 1; endsSentence && k < to; k++) endsSentence = isPunct(tokens[k], '.');
      const locatorShape = endsSentence || (isPunct(next, ',;:') && after !== undefined && (after.kind === 'number' || isYear(after))) || (isPunct(next, '(') && after?.kind === 'number' && isPunct(tokens[i + 3], ')'));
      const inName = !locatorShape && ((prev.kind === 'word' && (LOWER.test(prev.text) || (i === from + 1 && lower(prev) === 'in'))) || isPunct(prev, "'’")) || (next !== undefined && next.kind === 'word' && UPPER.test(next.text) && !MONTHS.has(lower(next)) && !VOLUME_WORDS.has(lower(next)) && !ISSUE_WORDS.has(lower(next)) && !PAGE_WORDS.has(lower(next)) && !SUPPLEMENT_WORDS.has(lower(next)));
      if (!inName) return isPunct(prev, '(') ? i - 1 : i;
      continue;
    }
    if (t.kind === 'word' && /\d/.test(t.text) && /^(?:[A-Za-z]{0,2}\d+[A-Za-z]?|e\d+)$/.test(t.text) && (afterMark || t.space)) return i;
    // `The Review of Economic Studies pp. 169–190`: `pp.` before a number starts the locator even without a mark before it.
    if (lower(t) === 'pp' && isPunct(tokens[i + 1], '.') && (tokens[i + 2]?.kind === 'number' || PAGE_WORD_START.test(tokens[i + 2]?.text ?? ''))) return i;
    if (t.kind !== 'word' || !afterMark) continue;
    const next = tokens[i + 1];
    const numberNext = next !== undefined && (next.kind === 'number' || isYear(next) || (isPunct(next, '.') && tokens[i + 2] !== undefined && (tokens[i + 2]!.kind === 'number' || ROMAN.test(tokens[i + 2]!.text) || /\d/.test(tokens[i + 2]!.text))));
    if ((VOLUME_WORDS.has(w) || ISSUE_WORDS.has(w) || PAGE_WORDS.has(w) || SUPPLEMENT_WORDS.has(w)) && numberNext) return i;
    if (MONTHS.has(w) && next !== undefined && (next.kind === 'number' || isYear(next) || isPunct(next, DASHES + ','))) return i;
    if (/^[IVXLC]{2,7}$/.test(t.text) && ROMAN.test(t.text) && isPunct(prev, ',') && (isPunct(next, '(,:') || next === undefined)) return i;
  }
  return to;
}

/** The last comma in `(from, to)` that separates a title from a container (not one inside parentheses or quotes); -1 when none. */
function lastComma(tokens: readonly Token[], from: number, to: number): number {
  let depth = 0;
  let end = to;
  // The comma that ends the container itself (`Computation, 84`) is not the one before it.
  while (end > from && isPunct(tokens[end - 1], ',.;:(')) end--;
  for (let i = end - 1; i > from; i--) {
    const t = tokens[i]!;
    if (isPunct(t, ')')) depth++;
    else if (isPunct(t, '(')) depth--;
    else if (depth === 0 && isPunct(t, ',') && i < end - 1) return i;
  }
  return -1;
}

function onlyPunctuation(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]!.kind !== 'punct') return false;
  return true;
}

/** Whether tokens `[from, to)` read as a journal's abbreviated name: few capitalised words, one abbreviated (`Nano Lett`, `J. Am. Chem. Soc`). */
function journalAbbreviation(tokens: readonly Token[], from: number, to: number): boolean {
  if (!shortContainer(tokens, from, to)) return false;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    if (isPunct(tokens[i + 1], '.') && !tokens[i + 1]!.space && i + 1 < to) return true;
    if (i === to - 1 && UPPER.test(t.text) && JOURNAL_WORDS.has(lower(t)) && t.text.length <= 8 && to - from > 1) return true;
  }
  return false;
}

/** Whether tokens `[from, to)` name a journal, proceedings or series rather than a publisher. */
function containerLike(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word' && (CONTAINER_WORDS.has(lower(t)) || (UPPER.test(t.text) && JOURNAL_WORDS.has(lower(t))))) return true;
  }
  return false;
}

/** Whether tokens `[from, to)` hold an abbreviated word (`Chem.`, `J`), as journal names do. */
function abbreviated(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word' && ((isPunct(tokens[i + 1], '.') && !tokens[i + 1]!.space) || JOURNAL_WORDS.has(lower(t)))) return true;
  }
  return false;
}

/** A container written with its locator and no title: a few capitalised or abbreviated words, no sentence. */
function shortContainer(tokens: readonly Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to).filter((t) => t.kind === 'word');
  return words.length > 0 && words.length <= 6 && words.every((w) => !LOWER.test(w.text) || ['of', 'and', 'the', 'for', 'in', 'de', 'et'].includes(w.text));
}

function yearField(tokens: readonly Token[], i: number, at: Spans): FieldValue | null {
  const f = at.field(i, i + 1);
  if (!f) return null;
  const m = YEAR.exec(ocrDigits(f.value));
  return m ? { value: m[1]!, start: f.start, end: f.start + 4 } : null;
}

/** The last year written after the title, else before it. */
function anyYear(tokens: readonly Token[], after: number, at: Spans, before: number): FieldValue | null {
  for (let i = before - 1; i >= after; i--) if (isYear(tokens[i])) return yearField(tokens, i, at);
  return null;
}
