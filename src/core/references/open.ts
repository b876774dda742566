/**
 * Where a reader can open the work an entry lists: doi.org for a DOI, PubMed for a PMID, PMC for
 * a PMCID, arXiv for an arXiv id, otherwise a PubMed search for the title. Every address is built
 * here from a validated identifier (each part percent-encoded), never taken from the document;
 * nothing is fetched.
 */
import type { ReferenceFields } from '../types.js';

export type ReferenceLinkKind = 'doi' | 'pubmed' | 'pmc' | 'arxiv' | 'search';

export interface ReferenceLink {
  readonly kind: ReferenceLinkKind;
  /** What the link shows: `doi:10.1038/nrd3954`, `PMID 23411724`, `Search PubMed for the title`. */
  readonly label: string;
  readonly url: string;
}

const DOI = /^10\.\d{4,9}\/[^\s"<>]{1,300}$/;
const PMID = /^\d{1,9}$/;
const PMCID = /^PMC\d{1,9}$/;
const ARXIV = /^(?:\d{4}\.\d{4,5}|[a-z-]{2,20}(?:\.[A-Z]{2})?\/\d{7})(?:v\d{1,3})?$/;
/** Titles longer than this are cut before they go into a search address. */
const MAX_SEARCH = 300;

/** Hosts of the addresses built here: a panel or a hover accepts no other. */
export const REFERENCE_LINK_HOSTS: readonly string[] = ['doi.org', 'pubmed.ncbi.nlm.nih.gov', 'pmc.ncbi.nlm.nih.gov', 'arxiv.org'];

/** Percent-encodes every character but unreserved ones (encodeURIComponent leaves `(`, `)`, `'`, `!`, `*`). */
function encode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The links of an entry: one per valid identifier, or a title search when it has none. */
export function referenceLinks(fields: ReferenceFields): ReferenceLink[] {
  const links: ReferenceLink[] = [];
  const doi = fields.doi?.value;
  if (doi && DOI.test(doi)) links.push({ kind: 'doi', label: `doi:${doi}`, url: `https://doi.org/${doi.split('/').map(encode).join('/')}` });
  const pmid = fields.pmid?.value;
  if (pmid && PMID.test(pmid)) links.push({ kind: 'pubmed', label: `PMID ${pmid}`, url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` });
  const pmcid = fields.pmcid?.value;
  if (pmcid && PMCID.test(pmcid)) links.push({ kind: 'pmc', label: pmcid, url: `https://pmc.ncbi.nlm.nih.gov/articles/${pmcid}/` });
  const arxiv = fields.arxiv?.value;
  if (arxiv && ARXIV.test(arxiv)) links.push({ kind: 'arxiv', label: `arXiv:${arxiv}`, url: `https://arxiv.org/abs/${arxiv.split('/').map(encode).join('/')}` });
  const title = fields.title?.value.replace(/\s+/g, ' ').trim();
  if (links.length === 0 && title && /\p{L}{3}/u.test(title)) {
    links.push({ kind: 'search', label: 'Search PubMed for the title', url: `https://pubmed.ncbi.nlm.nih.gov/?term=${encode(title.slice(0, MAX_SEARCH))}` });
  }
  return links;
}

/** Whether `url` is an address {@link referenceLinks} builds: https, one of its hosts, nothing that needs escaping. */
export function isReferenceLinkUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2000) return false;
  const m = /^https:\/\/([a-z.]+)\/[A-Za-z0-9._~%/?=&:-]*$/.exec(url);
  return m !== null && REFERENCE_LINK_HOSTS.includes(m[1]!);
}
