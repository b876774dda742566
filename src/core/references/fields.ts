/**
 * Reads what a reference entry holds — authors, title, source, year, identifiers — from its text,
 * in the common styles: Vancouver ("Smith J, Lee K. Title. J Neurosci. 2015;…"), APA / author–year
 * ("Smith, J., & Lee, K. (2015). Title. Journal, 35, …") and web extractions
 * ("Site | Title [host]", "Title - PMC [host]").
 */
import type { Reference } from '../types.js';

/** What an entry's text says about the work it lists. */
export type EntryFields = Pick<Reference, 'authors' | 'title' | 'source' | 'year' | 'doi' | 'pmid' | 'pmcid' | 'url' | 'host'>;

/** Links that reference lists append after an entry; they are neither citations nor title. */
const LINK_WORDS =
  /\[(?:cross ?ref|pubmed|google scholar|pmc free article|ref list|doi|free full text|full text|abstract|web of science|scopus|europe pmc|pubmed central|article|link|pdf|html)\](?:\([^()\s]{0,500}\))?/gi;
const MARKDOWN_LINK = /\[([^\][]{0,300})\]\(([^()\s]{1,1000})\)/g;
const AUTOLINK = /<(https?:\/\/[^<>\s]{1,1000})>/g;
const URL = /\bhttps?:\/\/[^\s<>()[\]]{1,1000}/;
const DOI = /\b(10\.\d{4,9}\/[^\s"<>]{1,300})/;
const PMID = /\bPMID:?\s*(\d{1,9})\b|pubmed\.ncbi\.nlm\.nih\.gov\/(\d{1,9})/i;
const PMCID = /\b(PMC\d{3,9})\b/;
const HOST = /\s*\[((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})\]\s*$/i;
const DOMAIN_ONLY = /^(?:[a-z0-9-]{1,63}\.)+[a-z]{2,24}$/i;
const YEAR = /\b(1[89]\d\d|20\d\d)[a-z]?\b/;
/** `(2015)`, `(2015a)`, `(2015, March)`: the year of APA and author–year styles. */
const PAREN_YEAR = /\((1[89]\d\d|20\d\d)([a-z])?(?:[,;][^()]{0,40})?\)/;

/** Reads the fields of one entry (its text without list marker or number). */
export function parseEntryFields(raw: string): EntryFields {
  const urls: string[] = [];
  let t = raw.replace(/\s+/g, ' ').trim();
  t = t.replace(LINK_WORDS, (m) => {
    const dest = /\(([^()\s]+)\)$/.exec(m);
    if (dest) urls.push(dest[1]!);
    return '';
  });
  t = t.replace(MARKDOWN_LINK, (_m, label: string, dest: string) => {
    urls.push(dest);
    return label;
  });
  t = t.replace(AUTOLINK, (_m, url: string) => {
    urls.push(url);
    return '';
  });
  const bare = URL.exec(t);
  if (bare) urls.push(bare[0]);
  const all = `${raw} ${urls.join(' ')}`;
  const doi = cleanIdentifier(DOI.exec(all)?.[1] ?? null);
  const pmidMatch = PMID.exec(all);
  const pmid = pmidMatch ? (pmidMatch[1] ?? pmidMatch[2] ?? null) : null;
  const pmcid = PMCID.exec(all)?.[1] ?? null;
  const url = urls.map((u) => cleanIdentifier(u)).find((u) => u && /^https?:/i.test(u)) ?? null;

  // What remains once identifiers and links are gone is the bibliographic text.
  t = t
    .replace(/\bhttps?:\/\/\S+/g, '')
    .replace(/\b(?:doi|DOI)\s*:?\s*10\.\S+/g, '')
    .replace(/\b10\.\d{4,9}\/\S+/g, '')
    .replace(/\bPMID:?\s*\d+/gi, '')
    .replace(/\bPMCID:?\s*PMC\d+/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  let host: string | null = null;
  const hostMatch = HOST.exec(t);
  if (hostMatch) {
    host = hostMatch[1]!.toLowerCase();
    t = t.slice(0, hostMatch.index).trim();
  }
  t = t.replace(/^\[(?:PDF|HTML|BOOK|CITATION)\]\s*/i, '').replace(/[\s.,;]+$/, '');

  const yearText = t;
  const base = { doi, pmid, pmcid, url, host };
  if (host) return { ...base, ...readWebTitle(t), authors: [], year: findYear(yearText) };
  return { ...base, ...readBibliographic(t) };
}

function cleanIdentifier(s: string | null): string | null {
  if (!s) return null;
  return s.replace(/[.,;:)\]}>]+$/, '') || null;
}

function findYear(text: string): number | null {
  const paren = PAREN_YEAR.exec(text);
  if (paren) return Number(paren[1]);
  const m = YEAR.exec(text);
  return m ? Number(m[1]) : null;
}

/** "Site | Title", "Title | Journal", "Title - PMC", or just a domain name. */
function readWebTitle(t: string): { title: string | null; source: string | null } {
  if (!t || DOMAIN_ONLY.test(t)) return { title: null, source: null };
  if (t.includes(' | ')) {
    // Page titles read "Title | Site"; a short first part ("Frontiers | Title") is the site.
    const parts = t.split(' | ').map((p) => p.trim()).filter(Boolean);
    const first = parts[0] ?? '';
    const siteFirst = parts.length > 1 && first.split(' ').length <= 2 && first.length <= 25 && parts[1]!.length > first.length;
    const title = siteFirst ? parts[1]! : first;
    const source = siteFirst ? first : (parts[1] ?? null);
    return { title: title || null, source };
  }
  const dash = t.lastIndexOf(' - ');
  if (dash > 0) {
    const tail = t.slice(dash + 3).trim();
    if (tail.length <= 40 && tail.split(' ').length <= 5 && /^[\p{Lu}\p{N}]/u.test(tail)) {
      return { title: t.slice(0, dash).trim(), source: tail };
    }
  }
  return { title: t, source: null };
}

/** Vancouver, APA and author–year entries. */
function readBibliographic(t: string): { authors: string[]; title: string | null; source: string | null; year: number | null } {
  const initialsFirst = readInitialsFirst(t);
  if (initialsFirst) return initialsFirst;
  const paren = PAREN_YEAR.exec(t);
  if (paren) {
    const authors = splitAuthors(t.slice(0, paren.index));
    const rest = t.slice(paren.index + paren[0].length).replace(/^[\s.,:]+/, '');
    const [title, after] = firstSentence(rest);
    return { authors, title, source: sourceOf(after), year: Number(paren[1]) };
  }
  const year = findYear(t);
  const [first, afterFirst] = firstSentence(t);
  if (first && looksLikeAuthors(first)) {
    const [title, afterTitle] = firstSentence(afterFirst);
    return { authors: splitAuthors(first), title, source: sourceOf(afterTitle), year };
  }
  return { authors: [], title: first, source: sourceOf(afterFirst), year };
}

/** "A. B. Author" / "A.-B. van Author": an author written initials first (IEEE, physics and chemistry styles). */
const INITIALS_FIRST_AUTHOR = /^(?:\p{Lu}\.[\s-]?){1,3}\s?(?:\p{Ll}{1,4}\s){0,2}\p{Lu}[\p{L}'’-]+$/u;

const LAST_INITIALS_FIRST_AUTHOR = /^((?:\p{Lu}\.[\s-]?){1,3}\s?(?:\p{Ll}{1,4}\s){0,2}\p{Lu}[\p{L}'’-]+)[.:]\s+/u;

/** "A. Author, B. Author, Title, J. Chem. 12 (2019) 1–10." or with a quoted title. */
function readInitialsFirst(t: string): { authors: string[]; title: string | null; source: string | null; year: number | null } | null {
  if (!/^\p{Lu}\.\s?/u.test(t)) return null;
  const pieces = t.split(/,\s+/);
  const authors: string[] = [];
  let k = 0;
  for (; k < pieces.length; k++) {
    const names = pieces[k]!.replace(/^(?:and|&)\s+/, '').split(/\s+(?:and|&)\s+/).map((n) => n.trim());
    if (!names.every((n) => INITIALS_FIRST_AUTHOR.test(n))) break;
    authors.push(...names);
  }
  let rest = pieces.slice(k).join(', ');
  // The last author ends with a period or colon: "E. Author. Title."
  const last = LAST_INITIALS_FIRST_AUTHOR.exec(rest.replace(/^(?:and|&)\s+/, ''));
  if (last) {
    authors.push(last[1]!);
    rest = rest.replace(/^(?:and|&)\s+/, '').slice(last[0].length);
  }
  if (authors.length === 0) return null;
  const quoted = /^[“"]([^”"]{1,500})[”"][,.]?\s*/.exec(rest);
  const plain = /^(.+?)(?:\.\s|,\s|$)/.exec(rest);
  const title = quoted ? quoted[1]!.replace(/[,.]$/, '') : (plain?.[1] ?? null);
  const after = rest.slice((quoted ?? plain)?.[0].length ?? 0);
  const source = /^(?:in:?\s+)?([^\d(;]+)/i.exec(after)?.[1]!.trim().replace(/[.,]$/, '') || null;
  return { authors, title: title || null, source, year: findYear(rest) };
}

/**
 * The text up to the first sentence end, and the rest. A period inside an abbreviation such as
 * "U.S." does not end the sentence.
 */
function firstSentence(t: string): [string | null, string] {
  const s = t.trim();
  if (!s) return [null, ''];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ((c === '.' || c === '?' || c === '!') && (i + 1 === s.length || s[i + 1] === ' ')) {
      if (c === '.' && /\.\p{Lu}$/u.test(s.slice(Math.max(0, i - 2), i))) continue;
      const head = s.slice(0, c === '.' ? i : i + 1).trim();
      return [head || null, s.slice(i + 1).trim()];
    }
  }
  return [s, ''];
}

/** The journal or publisher: the start of the text after the title, up to volume, year or pages. */
function sourceOf(after: string): string | null {
  const m = /^[^.;:,(\d]+/.exec(after.replace(/^(?:In:?\s+)/, '').trim());
  const s = m?.[0].trim().replace(/\s+(?:vol|pp|p)$/i, '');
  return s && /\p{L}/u.test(s) ? s : null;
}

const INITIALS = /^(?:\p{Lu}{1,3}|(?:\p{Lu}\.\s?-?){1,3})$/u;

function looksLikeAuthors(s: string): boolean {
  if (/\bet al\b/.test(s)) return true;
  const pieces = s.split(/,\s*|\s+and\s+|\s*&\s*/).filter(Boolean);
  if (pieces.length === 0) return false;
  // Vancouver authors: "Smith J", "van der Berg AB" — a surname then initials.
  return pieces.every((p) => {
    const words = p.trim().split(/\s+/);
    return words.length >= 2 && words.length <= 4 && INITIALS.test(words[words.length - 1]!);
  });
}

/** Splits an author list written APA-style ("Smith, J., & Lee, K.") or Vancouver-style ("Smith J, Lee K"). */
export function splitAuthors(raw: string): string[] {
  const s = raw.replace(/[\s,;:]+$/, '').replace(/\bet al\.?$/, '').replace(/[\s,;]+$/, '').trim();
  if (!s) return [];
  const apa = /^[\p{Lu}][\p{L}'’-]+(?:\s[\p{L}'’-]+){0,2},\s+\p{Lu}\./u.test(s);
  const pieces = apa
    ? s.split(/(?<=\.),\s+|\s+(?:and|&)\s+/)
    : s.split(/,\s*|\s+and\s+|\s+&\s+/);
  return pieces
    .map((p) => p.replace(/^(?:&|and)\s+/, '').trim())
    .filter((p) => p && !/^et al\.?$/.test(p));
}

/** The family name of an author as written in a reference list ("Smith, J." / "Smith J" / "van der Berg AB"). */
export function surnameOf(author: string): string {
  const a = author.trim();
  const comma = a.indexOf(',');
  if (comma > 0) return a.slice(0, comma).trim();
  const words = a.split(/\s+/);
  if (words.length > 1 && INITIALS.test(words[words.length - 1]!)) return words.slice(0, -1).join(' ');
  return a;
}
