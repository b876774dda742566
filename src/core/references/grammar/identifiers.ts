/**
 * Identifiers of a reference entry — DOI, PMID, PMCID, arXiv id, URL — found in its plain text
 * and in its link destinations, with where each sits and which stretch of the plain text they
 * (and their prefixes: `doi:`, `https://doi.org/`, `PMID:`, `Available from:`) take up, so that
 * the bibliographic reading can leave them out.
 */
import type { Destination, EntryPlain } from './plain.js';

/** A value found at a span of the entry's source. */
export interface Found {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface Identifiers {
  readonly doi: Found | null;
  readonly pmid: Found | null;
  readonly pmcid: Found | null;
  readonly arxiv: Found | null;
  readonly url: Found | null;
  /** Plain-text ranges `[start, end)` taken by identifiers and their prefixes. */
  readonly masked: readonly (readonly [number, number])[];
}

const DOI = /\b10\.\d{4,9}\/[^\s"<>]+/g;
const DOI_PREFIX = /(?:\b(?:doi|DOI)\s*:?\s*|https?:\/\/(?:dx\.)?doi\.org\/|\bdoi\.org\/)$/;
const PMID = /\bPMID\s*:?\s*(\d{1,9})\b/gi;
const PMCID = /\b(?:PMCID\s*:?\s*)?(PMC\d{3,9})\b/g;
const PMCID_NUMBER = /\bPMCID\s*:?\s*(\d{3,9})\b/g;
const ARXIV = /\barXiv\s*:?\s*((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?)/gi;
/** The id as DBLP and Semantic Scholar export it, after the container `ArXiv` (`ArXiv 2024, abs/2409.02231`). */
const ARXIV_ABS = /(?<![\w/])abs\/(\d{4}\.\d{4,5}(?:v\d+)?)\b/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>]+/gi;
/** Words that introduce a URL in Vancouver and APA entries. */
const URL_LEAD = /(?:\b(?:available\s+(?:from|at|online)|retrieved\s+from|accessed\s+from|from|online|url|at)\s*:?\s*)$/i;

const PUBMED_URL = /^https?:\/\/(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov\/|ncbi\.nlm\.nih\.gov\/pubmed\/)(\d{1,9})/i;
/** A PMC article's address; a page saved from PMC links its articles by path (`[PMC free article](/articles/PMC3632950/)`). */
const PMC_URL = /^(?:https?:\/\/(?:www\.)?(?:pmc\.ncbi\.nlm\.nih\.gov\/articles\/|ncbi\.nlm\.nih\.gov\/pmc\/articles\/|europepmc\.org\/article\/pmc\/)|\/(?:pmc\/)?articles\/)(PMC\d{3,9})/i;
const DOI_URL = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}\/\S+)/i;
const ARXIV_URL = /^https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\/([^\s?#]+?)(?:\.pdf)?$/i;
/** Links that are about a work but are not its address: searches and databases. */
const SEARCH_URL = /^https?:\/\/(?:scholar\.google\.|www\.google\.|api\.crossref\.org|www\.ncbi\.nlm\.nih\.gov\/(?:pubmed\/?\?|entrez)|europepmc\.org\/abstract|www\.scopus\.com|www\.webofscience|gateway\.webofknowledge)/i;

/** Drops what follows an identifier but is not part of it: closing punctuation, emphasis. */
function trimIdentifier(s: string): string {
  // A link whose text is the identifier, read as text (`[https://doi.org/10.1/x\(98\)](https://…)`): its text only.
  const link = s.indexOf('](');
  let t = (link > 0 ? s.slice(0, link) : s).replace(/[.,;:*_'"”’>\]]+$/, '');
  // A closing parenthesis is the DOI's own only when it opened one: `10.1016/S0006-3495(99)77260-2`.
  while (t.endsWith(')') && (t.match(/\(/g)?.length ?? 0) < (t.match(/\)/g)?.length ?? 0)) t = t.slice(0, -1).replace(/[.,;:]+$/, '');
  return t;
}

/** The source span of plain text `[start, end)`. */
function span(plain: EntryPlain, start: number, end: number): { start: number; end: number } {
  return { start: plain.offsets[start]!, end: plain.ends[end - 1]! };
}

function inText(plain: EntryPlain, re: RegExp, group: number, lead: RegExp | null): { found: Found; from: number; to: number } | null {
  re.lastIndex = 0;
  const m = re.exec(plain.text);
  if (!m) return null;
  const whole = m[0];
  const inner = m[group]!;
  const at = m.index + whole.lastIndexOf(inner);
  const value = trimIdentifier(inner);
  if (!value) return null;
  let from = m.index;
  if (lead) {
    const before = lead.exec(plain.text.slice(Math.max(0, m.index - 30), m.index));
    if (before) from = m.index - before[0].length;
  }
  return { found: { value, ...span(plain, at, at + value.length) }, from, to: at + value.length };
}

function fromDestinations(destinations: readonly Destination[], re: RegExp, normal: (v: string) => string = (v) => v): Found | null {
  for (const d of destinations) {
    const m = re.exec(d.url);
    if (m) {
      const value = trimIdentifier(decodeURIComponentSafe(m[1]!));
      if (value) return { value: normal(value), start: d.start, end: d.end };
    }
  }
  return null;
}

/** The id a URL written in the text holds (`http://www.ncbi.nlm.nih.gov/pubmed/10828010`); the URL itself is masked later. */
function inUrls(plain: EntryPlain, re: RegExp): Found | null {
  URL.lastIndex = 0;
  for (let m = URL.exec(plain.text); m; m = URL.exec(plain.text)) {
    const id = re.exec(trimIdentifier(m[0]))?.[1];
    if (id) {
      const at = m.index + m[0].indexOf(id);
      return { value: id, ...span(plain, at, at + id.length) };
    }
  }
  return null;
}

/** `… 10.2527/jas.2013-6583 24045497`: a PubMed id set bare after the DOI, ending the entry (as PMC renders JATS). */
const BARE_PMID = /^\s+(\d{6,9})\s*\.?\s*$/;

function bareTrailingPmid(plain: EntryPlain, doi: { to: number } | null): { found: Found; from: number; to: number } | null {
  if (!doi) return null;
  const m = BARE_PMID.exec(plain.text.slice(doi.to));
  if (!m) return null;
  const at = doi.to + m[0].indexOf(m[1]!);
  return { found: { value: m[1]!, ...span(plain, at, at + m[1]!.length) }, from: at, to: at + m[1]!.length };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Finds the identifiers of an entry. */
export function findIdentifiers(plain: EntryPlain): Identifiers {
  const masked: [number, number][] = [];
  const take = <T extends { found: Found; from: number; to: number } | null>(hit: T): Found | null => {
    if (!hit) return null;
    masked.push([hit.from, hit.to]);
    return hit.found;
  };
  const doiHit = inText(plain, DOI, 0, DOI_PREFIX);
  // As written; the fields give it in lower case.
  const doi = take(doiHit) ?? fromDestinations(plain.destinations, DOI_URL);
  const pmid = take(inText(plain, PMID, 1, null)) ?? fromDestinations(plain.destinations, PUBMED_URL) ?? inUrls(plain, PUBMED_URL) ?? take(bareTrailingPmid(plain, doiHit));
  const pmcidHit = inText(plain, PMCID, 1, null) ?? inText(plain, PMCID_NUMBER, 1, null);
  // `PMCID: 3674213` names the PMC id without its prefix.
  const pmcid = take(pmcidHit ? { ...pmcidHit, found: { ...pmcidHit.found, value: pmcidHit.found.value.startsWith('PMC') ? pmcidHit.found.value : `PMC${pmcidHit.found.value}` } } : null) ?? fromDestinations(plain.destinations, PMC_URL, (v) => v.toUpperCase());
  const arxivText = take(inText(plain, ARXIV, 1, null)) ?? take(inText(plain, ARXIV_ABS, 1, null));
  // Every URL written in the text is masked; the first that is not a DOI, PubMed or PMC link is the entry's URL.
  let url: Found | null = null;
  let arxivUrl: Found | null = null;
  URL.lastIndex = 0;
  for (let m = URL.exec(plain.text); m; m = URL.exec(plain.text)) {
    const value = trimIdentifier(m[0]);
    const before = URL_LEAD.exec(plain.text.slice(Math.max(0, m.index - 30), m.index));
    masked.push([m.index - (before ? before[0].length : 0), m.index + value.length]);
    const where = span(plain, m.index, m.index + value.length);
    if (!url && isWorkUrl(value)) url = { value, ...where };
    const id = ARXIV_URL.exec(value)?.[1];
    if (!arxivUrl && id) arxivUrl = { value: id, ...where };
  }
  if (!url) {
    for (const d of plain.destinations) {
      if (!d.database && /^https?:\/\//i.test(d.url) && isWorkUrl(d.url)) {
        url = { value: d.url, start: d.start, end: d.end };
        break;
      }
    }
  }
  masked.sort((a, b) => a[0] - b[0]);
  const arxiv = arxivText ?? arxivUrl ?? fromDestinations(plain.destinations, ARXIV_URL);
  return { doi, pmid, pmcid, arxiv, url, masked };
}

/** A URL that is the work's own address: not a DOI, PubMed, PMC, arXiv id or a search. */
function isWorkUrl(url: string): boolean {
  const u = /^www\./i.test(url) ? `https://${url}` : url;
  return !DOI_URL.test(u) && !PUBMED_URL.test(u) && !PMC_URL.test(u) && !SEARCH_URL.test(u) && !/^https?:\/\/(?:dx\.)?doi\.org\//i.test(u);
}
