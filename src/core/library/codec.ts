/**
 * The persisted index's file format: a shard holds the compact summaries of some documents, keyed
 * by content hash, for one lexicon. Line 1 is a header (format, lexicon key, number of lines and
 * length of what follows); each further line is one document: the checksum of its JSON, a tab, and
 * the JSON `[hash, summary]`. Lines are encoded and checked one at a time, so a large shard can be
 * written or read in slices. A shard whose header, length or any line does not check out is
 * discarded whole: the cache is an optimisation, never a source of truth.
 */
import { ENTITY_STRIDE, NUMBER_STRIDE, PARTY_STRIDE, RECORD_STRIDE, REFERENCE_STRIDE, compactSummary, isCompact, type CompactSummary } from './compact.js';
import { SUMMARY_FORMAT, type DocumentSummary } from './types.js';

export const SHARD_MAGIC = 'marginalia-library';
/** Bumped whenever the shard layout or the summary format changes. */
export const SHARD_VERSION = 2;

interface ShardHeader {
  readonly magic: typeof SHARD_MAGIC;
  readonly version: number;
  readonly summary: number;
  readonly lexicon: string;
  readonly lines: number;
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

const numbers = (a: Float64Array): (number | null)[] => Array.from(a, (v) => (Number.isNaN(v) ? null : v));

/** One document's line of a shard (no newline). */
export function encodeLine(hash: string, summary: DocumentSummary | CompactSummary): string {
  const c = isCompact(summary) ? summary : compactSummary(summary);
  const json = JSON.stringify([
    hash,
    {
      format: c.format,
      title: c.title,
      length: c.length,
      counts: c.counts,
      strings: c.strings,
      entities: Array.from(c.entities),
      parties: Array.from(c.parties),
      records: Array.from(c.records),
      numbers: numbers(c.numbers),
      recordReferences: Array.from(c.recordReferences),
      references: Array.from(c.references),
      years: numbers(c.years),
    },
  ]);
  return `${checksum(json)}\t${json}`;
}

/** A shard of the given lines (see {@link encodeLine}). */
export function shardText(lexicon: string, lines: readonly string[]): string {
  const body = lines.join('\n');
  const header: ShardHeader = { magic: SHARD_MAGIC, version: SHARD_VERSION, summary: SUMMARY_FORMAT, lexicon, lines: lines.length, length: body.length };
  return `${JSON.stringify(header)}\n${body}`;
}

export function encodeShard(lexicon: string, summaries: ReadonlyMap<string, DocumentSummary | CompactSummary>): string {
  return shardText(lexicon, [...summaries].map(([hash, s]) => encodeLine(hash, s)));
}

/** Why a shard was discarded. */
export type ShardProblem = 'corrupt' | 'old-version' | 'other-lexicon';

/** A shard's document lines once its header checks out, or why it cannot be trusted. Never throws. */
export function shardLines(text: string, lexicon: string): { lines: string[] } | { problem: ShardProblem } {
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
  if (header.length !== text.length - newline - 1) return { problem: 'corrupt' };
  const lines = header.lines === 0 ? [] : text.slice(newline + 1).split('\n');
  if (header.lines !== lines.length) return { problem: 'corrupt' };
  return { lines };
}

/** One line's hash and summary, or undefined when it does not check out. Never throws. */
export function decodeLine(line: string): [string, CompactSummary] | undefined {
  const tab = line.indexOf('\t');
  if (tab === -1) return undefined;
  const json = line.slice(tab + 1);
  if (checksum(json) !== line.slice(0, tab)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string') return undefined;
  const summary = compactFromJson(parsed[1]);
  return summary ? [parsed[0], summary] : undefined;
}

/** The summaries of a shard, or why it cannot be trusted. Never throws. */
export function decodeShard(text: string, lexicon: string): { summaries: Map<string, CompactSummary> } | { problem: ShardProblem } {
  const opened = shardLines(text, lexicon);
  if ('problem' in opened) return opened;
  const summaries = new Map<string, CompactSummary>();
  for (const line of opened.lines) {
    const entry = decodeLine(line);
    if (!entry) return { problem: 'corrupt' };
    summaries.set(entry[0], entry[1]);
  }
  return { summaries };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const INT_MAX = 2 ** 31 - 1;
const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= INT_MAX;

/** An Int32Array of `v` when it is an array of ints in [min, INT_MAX] whose length is a multiple of `stride`. */
function ints(v: unknown, stride: number, min = 0): Int32Array | undefined {
  if (!Array.isArray(v) || v.length % stride !== 0) return undefined;
  for (const x of v) if (!Number.isInteger(x) || x < min || x > INT_MAX) return undefined;
  return Int32Array.from(v as number[]);
}

/** A Float64Array of `v` (null as NaN) when it is an array of `length` finite numbers or nulls. */
function floats(v: unknown, length: number): Float64Array | undefined {
  if (!Array.isArray(v) || v.length !== length) return undefined;
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const x: unknown = v[i];
    if (x === null) out[i] = NaN;
    else if (typeof x === 'number' && Number.isFinite(x)) out[i] = x;
    else return undefined;
  }
  return out;
}

/** Whether every row of `rows` (of `stride` ints) has: offsets at `located` (start ≤ end), string indices in range at `text` (-1 allowed at `optional`). */
function rowsCheck(rows: Int32Array, stride: number, strings: number, located: number | null, text: readonly number[], optional: readonly number[]): boolean {
  for (let at = 0; at < rows.length; at += stride) {
    if (located !== null && rows[at + located]! > rows[at + located + 1]!) return false;
    for (const k of text) {
      const i = rows[at + k]!;
      if (i >= strings || (i < 0 && !(i === -1 && optional.includes(k)))) return false;
    }
  }
  return true;
}

function isIdentifiers(json: string): boolean {
  try {
    const v: unknown = JSON.parse(json);
    return isRecord(v) && Object.values(v).every((x) => typeof x === 'string');
  } catch {
    return false;
  }
}

/**
 * A compact summary from its JSON, when every column has the shape and range the library reads
 * (offsets ordered, string and party indices in range, numbers finite); else undefined.
 */
export function compactFromJson(v: unknown): CompactSummary | undefined {
  if (!isRecord(v) || v.format !== SUMMARY_FORMAT || !(v.title === null || typeof v.title === 'string') || !isInt(v.length)) return undefined;
  const c = v.counts;
  if (!isRecord(c) || !['mentions', 'entities', 'records', 'references', 'citations'].every((k) => isInt(c[k]))) return undefined;
  if (!Array.isArray(v.strings) || !v.strings.every((s) => typeof s === 'string')) return undefined;
  const strings = v.strings as string[];
  const n = strings.length;
  // String indices may be -1 (none) wherever a field may be null; the columns are checked below.
  const entities = ints(v.entities, ENTITY_STRIDE, -1);
  const parties = ints(v.parties, PARTY_STRIDE, -1);
  const records = ints(v.records, RECORD_STRIDE, -1);
  const recordReferences = ints(v.recordReferences, 1);
  const references = ints(v.references, REFERENCE_STRIDE, -1);
  if (!entities || !parties || !records || !recordReferences || !references) return undefined;
  const recordTotal = records.length / RECORD_STRIDE;
  const numbers = floats(v.numbers, recordTotal * NUMBER_STRIDE);
  const years = floats(v.years, references.length / REFERENCE_STRIDE);
  if (!numbers || !years) return undefined;
  const nonNegative = (rows: Int32Array, stride: number, fields: readonly number[]) => {
    for (let at = 0; at < rows.length; at += stride) for (const k of fields) if (rows[at + k]! < 0) return false;
    return true;
  };
  if (!nonNegative(entities, ENTITY_STRIDE, [5, 6, 7, 8, 9, 10]) || !rowsCheck(entities, ENTITY_STRIDE, n, 7, [0, 1, 2, 3, 4], [3])) return undefined;
  for (let at = 0; at < entities.length; at += ENTITY_STRIDE) if (!isIdentifiers(strings[entities[at + 4]!]!)) return undefined;
  if (!rowsCheck(parties, PARTY_STRIDE, n, null, [0, 1, 2], [0])) return undefined;
  const partyTotal = parties.length / PARTY_STRIDE;
  if (!nonNegative(records, RECORD_STRIDE, [0, 1, 2, 3, 12, 13]) || !rowsCheck(records, RECORD_STRIDE, n, 0, [6, 7, 8, 9, 10, 11], [6, 7, 8, 9, 10])) return undefined;
  for (let at = 0; at < records.length; at += RECORD_STRIDE) {
    if (records[at + 4]! >= partyTotal || records[at + 5]! >= partyTotal) return undefined;
    if (records[at + 12]! + records[at + 13]! > recordReferences.length) return undefined;
  }
  if (!nonNegative(references, REFERENCE_STRIDE, [0, 1, 2, 3, 4]) || !rowsCheck(references, REFERENCE_STRIDE, n, 0, [5, 6, 7, 8, 9, 10], [5, 6, 7, 8, 9, 10])) return undefined;
  return { format: SUMMARY_FORMAT, title: v.title, length: v.length, counts: { mentions: c.mentions as number, entities: c.entities as number, records: c.records as number, references: c.references as number, citations: c.citations as number }, strings, entities, parties, records, numbers, recordReferences, references, years };
}
