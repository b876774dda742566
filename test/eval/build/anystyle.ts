/**
 * AnyStyle's tagged reference strings (`res/parser/*.xml`: one `<sequence>` per string, one
 * element per tagged segment) rebuilt as reference lists with field gold. The mapping of tags to
 * fields is GUIDELINES.md's: author → authors, date → year, title, journal/container-title →
 * container, volume (with the issue and pages it often holds), pages, doi, url; a PMID/PMCID in a
 * note goes to pmid/pmcid. Citation numbers are dropped: the rebuilt list numbers its entries.
 */
import type { GoldFields } from '../gold.js';
import { splitAuthorList } from './names.js';

export type Segment = readonly [tag: string, text: string];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The sequences of an AnyStyle dataset file (each element on its own line, as they are written). */
export function readSequences(xml: string): Segment[][] {
  const out: Segment[][] = [];
  for (const m of xml.matchAll(/<sequence>([\s\S]*?)<\/sequence>/g)) {
    const segments: Segment[] = [];
    for (const e of m[1]!.matchAll(/<([a-z-]+)>([\s\S]*?)<\/\1>/g))
      segments.push([e[1]!, e[2]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, n: string) => ENTITIES[n]!)]);
    out.push(segments);
  }
  return out;
}

/** The reference string: its segments (without the citation number) joined by single spaces. */
export function sequenceText(segments: readonly Segment[]): string {
  return segments
    .filter(([tag]) => tag !== 'citation-number')
    .map(([, text]) => text.replace(/\s+/g, ' ').trim())
    .filter((t) => t !== '')
    .join(' ');
}

const trimEnds = (s: string) => s.replace(/\s+/g, ' ').replace(/^[\s,;:.“”"«»‘’]+|[\s,;:.“”"«»‘’]+$/g, '');
const first = (segments: readonly Segment[], ...tags: string[]) => segments.find(([t]) => tags.includes(t))?.[1] ?? null;

/**
 * A volume segment, which often holds the issue and the pages too: "14(2):974–983", "Vol. 11, No.
 * 4", "2009;108(2):", "95, (2)", "37.2", "n°59" (an issue only), "XIII", "2 vols." (no volume).
 */
export function readVolume(written: string): { volume: string | null; issue: string | null; pages: string | null } {
  const none = { volume: null, issue: null, pages: null };
  const s = trimEnds(written).replace(/^\(/, '').replace(/^(?:\d{4}\s*)?;\s*/, '');
  if (s === '' || /^\d+\s+vols?\b/i.test(s)) return none;
  const issueOnly = /^(?:n°|nos?\.?|n\.|nr\.?|issue)\s*([\p{L}\p{N}]+(?:\s*[-–/]\s*\p{N}+)?)/iu.exec(s) ?? /^\((\w+)\)$/.exec(s);
  if (issueOnly) return { ...none, issue: issueOnly[1]!.replace(/\s+/g, '') };
  const m = /^(?:(?:[Vv]ol(?:ume)?s?|VOL)[.,]?\s*|[Vv][.,]\s*)?(\p{N}+(?:[-–/]\p{N}+)?|[IVXLCDM]+\b|[ivxlcdm]+\b|\p{Lu}\p{Ll}+\b)(.*)$/u.exec(s);
  if (!m) return { ...none, volume: s };
  let rest = m[2]!.trim();
  let issue: string | null = null;
  const patterns: RegExp[] = [
    /^\(([^)]+)\)/, // 14(2)
    /^,?\s*(?:n°|nos?\.?|n\.|nr\.?|issue)\s*([\p{L}\p{N}]+(?:\s*[-–/]\s*\p{N}+)?)/iu, // Vol. 11, No. 4
    /^,\s*\((\w[^)]*)\)/, // 95, (2)
    /^\.(\p{N}+)$/u, // 37.2
    /^,\s*(\p{N}+)$/u, // 10, 39
    /^:\s*(\p{N}{1,2})(?=\s*(?::|$))/u, // 43:17: and 61: 4
  ];
  for (const p of patterns) {
    const i = p.exec(rest);
    if (!i) continue;
    issue = trimEnds(i[1]!);
    rest = rest.slice(i[0].length).trim();
    break;
  }
  const pages = /^:\s*(\S+(?:\s*[-–]\s*\S+)?)/.exec(rest)?.[1];
  return { volume: m[1]!, issue: issue || null, pages: pages ? trimEnds(pages) || null : null };
}

/** "pp. 334–344" → "334-344"; "(p. 229-254)", "pages 459-473", "702 p." as the numbers. */
const normalisePages = (s: string) =>
  trimEnds(s.replace(/[()]/g, ''))
    .replace(/^(?:pages|pp?)\.?\s*/i, '')
    .replace(/\s+p$/i, '')
    .replace(/\s*[\u2010-\u2015\u2212]\s*/g, '-');

function readDoi(written: string): string | null {
  const m = /10\.\d{4,9}\/\S+/.exec(written.replace(/doi\.\s+org/i, 'doi.org'));
  return m ? m[0].replace(/[.,;]+$/, '').toLowerCase() : null;
}

/** The gold fields of one tagged string. */
export function sequenceFields(segments: readonly Segment[]): GoldFields {
  const author = first(segments, 'author');
  const date = first(segments, 'date');
  const title = first(segments, 'title');
  const container = first(segments, 'journal', 'container-title');
  const volumeTag = first(segments, 'volume');
  const pagesTag = first(segments, 'pages');
  const volume = volumeTag === null ? null : readVolume(volumeTag);
  const doiTag = first(segments, 'doi');
  const urls = segments.filter(([t]) => t === 'url').map(([, u]) => u);
  const doi = (doiTag && readDoi(doiTag)) ?? urls.map(readDoi).find((d) => d !== null) ?? null;
  const url = urls.find((u) => readDoi(u) === null && !/pubmed|ncbi\.nlm\.nih\.gov\/pmc/i.test(u));
  const notes = segments.filter(([t]) => t === 'note').map(([, n]) => n).join(' ');
  const authors = author === null ? [] : splitAuthorList(author);
  return {
    authors: authors.length > 0 ? authors : null,
    year: date === null ? null : (/\b(1[5-9]\d\d|20\d\d)\b/.exec(date)?.[1] ?? null),
    title: title === null ? null : trimEnds(title) || null,
    container: container === null ? null : trimEnds(container.replace(/^\s*in:?\s+/i, '')) || null,
    volume: volume?.volume ?? null,
    issue: volume?.issue ?? null,
    pages: pagesTag !== null ? normalisePages(pagesTag) || null : volume?.pages ? normalisePages(volume.pages) : null,
    doi,
    pmid: /PMID:?\s*(\d+)/i.exec(notes)?.[1] ?? null,
    pmcid: (() => {
      const m = /PMCID:?\s*(?:PMC)?(\d+)/i.exec(notes);
      return m ? `PMC${m[1]}` : null;
    })(),
    arxiv: null,
    url: url ? url.replace(/[.,;]+$/, '') : null,
  };
}

export interface BuiltEntry {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly fields: GoldFields;
}

/** A reference list document: `# References`, then one numbered entry per string. */
export function referenceListDocument(sequences: readonly (readonly Segment[])[]): { text: string; entries: BuiltEntry[] } {
  let text = '# References\n\n';
  const entries: BuiltEntry[] = [];
  sequences.forEach((segments, k) => {
    const start = text.length;
    text += `${k + 1}. ${sequenceText(segments)}`;
    // Fields the string does not give are left out (they read as null): the gold stays compact.
    const fields = Object.fromEntries(Object.entries(sequenceFields(segments)).filter(([, v]) => v !== null)) as GoldFields;
    entries.push({ id: String(k + 1), start, end: text.length, text: text.slice(start), fields });
    text += '\n';
  });
  return { text, entries };
}
