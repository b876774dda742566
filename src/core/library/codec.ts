/**
 * The persisted index's file format: a shard holds the summaries of some documents, keyed by
 * content hash, for one lexicon. Line 1 is a header (format, lexicon key, checksum and length of
 * line 2); line 2 the summaries as JSON. A shard whose header, checksum or any summary does not
 * check out is discarded whole: the cache is an optimisation, never a source of truth.
 */
import { SUMMARY_FORMAT, type DocumentSummary } from './types.js';

export const SHARD_MAGIC = 'marginalia-library';
/** Bumped whenever the shard layout or the summary format changes. */
export const SHARD_VERSION = 1;

interface ShardHeader {
  readonly magic: typeof SHARD_MAGIC;
  readonly version: number;
  readonly summary: number;
  readonly lexicon: string;
  readonly checksum: string;
  readonly length: number;
}

/** cyrb53: a fast 53-bit string hash, enough to catch truncation and bit rot. */
export function checksum(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function encodeShard(lexicon: string, summaries: ReadonlyMap<string, DocumentSummary>): string {
  const body = JSON.stringify(Object.fromEntries(summaries));
  const header: ShardHeader = { magic: SHARD_MAGIC, version: SHARD_VERSION, summary: SUMMARY_FORMAT, lexicon, checksum: checksum(body), length: body.length };
  return `${JSON.stringify(header)}\n${body}`;
}

/** Why a shard was discarded. */
export type ShardProblem = 'corrupt' | 'old-version' | 'other-lexicon';

/** The summaries of a shard, or why it cannot be trusted. Never throws. */
export function decodeShard(text: string, lexicon: string): { summaries: Map<string, DocumentSummary> } | { problem: ShardProblem } {
  const newline = text.indexOf('\n');
  if (newline === -1) return { problem: 'corrupt' };
  let header: unknown;
  try {
    header = JSON.parse(text.slice(0, newline));
  } catch {
    return { problem: 'corrupt' };
  }
  if (!isRecord(header) || header.magic !== SHARD_MAGIC) return { problem: 'corrupt' };
  if (header.version !== SHARD_VERSION || header.summary !== SUMMARY_FORMAT) return { problem: 'old-version' };
  if (header.lexicon !== lexicon) return { problem: 'other-lexicon' };
  const body = text.slice(newline + 1);
  if (header.length !== body.length || header.checksum !== checksum(body)) return { problem: 'corrupt' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { problem: 'corrupt' };
  }
  if (!isRecord(parsed)) return { problem: 'corrupt' };
  const summaries = new Map<string, DocumentSummary>();
  for (const [hash, summary] of Object.entries(parsed)) {
    if (!isSummary(summary)) return { problem: 'corrupt' };
    summaries.set(hash, summary);
  }
  return { summaries };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isNum = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
const isStr = (v: unknown) => v === null || typeof v === 'string';

function isLocated(v: unknown): boolean {
  return isRecord(v) && isInt(v.start) && isInt(v.end) && (v.end as number) >= (v.start as number) && isInt(v.line) && isInt(v.character);
}

function isRecordEntity(v: unknown): boolean {
  return v === null || (isRecord(v) && isStr(v.id) && typeof v.name === 'string' && typeof v.text === 'string');
}

/** A runtime check of a summary's shape: every field the library reads has the type it expects. */
export function isSummary(v: unknown): v is DocumentSummary {
  if (!isRecord(v) || v.format !== SUMMARY_FORMAT || !isStr(v.title) || !isInt(v.length)) return false;
  const c = v.counts;
  if (!isRecord(c) || !['mentions', 'entities', 'records', 'references', 'citations'].every((k) => isInt(c[k]))) return false;
  if (!Array.isArray(v.entities) || !Array.isArray(v.records) || !Array.isArray(v.references)) return false;
  for (const e of v.entities as unknown[]) {
    if (!isRecord(e) || typeof e.id !== 'string' || typeof e.name !== 'string' || typeof e.kind !== 'string') return false;
    if (!isStr(e.class) || !isRecord(e.identifiers) || !isInt(e.mentions) || !isInt(e.records) || !isLocated(e.first)) return false;
  }
  for (const r of v.records as unknown[]) {
    if (!isLocated(r) || !isRecord(r) || !isRecordEntity(r.ligand) || !isRecordEntity(r.target)) return false;
    if (![r.measure, r.standardType, r.relation, r.unit, r.context].every(isStr)) return false;
    if (![r.value, r.valueMax, r.molar, r.pValue, r.error, r.n].every(isNum)) return false;
    if (!Array.isArray(r.references) || !r.references.every(isInt) || typeof r.origin !== 'string') return false;
  }
  for (const r of v.references as unknown[]) {
    if (!isLocated(r) || !isRecord(r) || !isInt(r.number) || !isNum(r.year)) return false;
    if (![r.firstAuthor, r.title, r.container, r.doi, r.pmid, r.pmcid].every(isStr)) return false;
  }
  return true;
}
