/**
 * What a document's earlier versions leave for parsing the next one: the chunks of the last
 * version with their blocks, and parsed chunks by text. An edit touches a few chunks; the ones
 * before it are reused as they are, the ones after it moved by the edit's length change, and only
 * the chunks in between are looked up by text or parsed.
 */
import { partitionPoint } from '../sorted.js';
import type { Span } from '../types.js';
import { chunksFrom } from './chunks.js';
import type { DocBlock } from './document.js';
import { shiftBlock } from './placed-block.js';

/** Blocks of one chunk with offsets relative to the chunk's start. */
export type ChunkBlocks = readonly DocBlock[];

/** A chunk placed in a version of the document. */
export interface PlacedChunk extends Span {
  /** Its blocks relative to the chunk's start (shared by every version holding the chunk). */
  readonly relative: ChunkBlocks;
  /** Its blocks at their place in this version. */
  readonly blocks: readonly DocBlock[];
}

/** `relative` placed at `chunk.start`. */
export function placeChunk(chunk: Span, relative: ChunkBlocks): PlacedChunk {
  const blocks = chunk.start === 0 ? relative : relative.map((block) => shiftBlock(block, chunk.start));
  return { start: chunk.start, end: chunk.end, relative, blocks };
}

interface Version {
  readonly text: string;
  readonly chunks: readonly PlacedChunk[];
}

/**
 * A cache of parsed chunks for successive versions of one document. Pass the same cache to
 * successive `parseDocument` calls so that chunks an edit did not touch are not re-parsed.
 */
export class ChunkCache {
  private byText = new Map<string, ChunkBlocks>();
  private previousByText = new Map<string, ChunkBlocks>();
  private last: Version | null = null;

  /** The chunks of `text`, parsing with `parse` only those no earlier version had. */
  place(text: string, parse: (chunkText: string) => ChunkBlocks): PlacedChunk[] {
    const last = this.last;
    const chunks: PlacedChunk[] = [];
    let resumeAt = 0;
    let prefix = 0;
    let unchangedFrom = Infinity;
    const delta = text.length - (last?.text.length ?? 0);
    if (last) {
      prefix = commonPrefix(last.text, text);
      const suffix = commonSuffix(last.text, text, prefix);
      const old = last.chunks;
      // A chunk's extent depends on the text up to the first line of the next chunk: keep the
      // chunks whose next chunk lies wholly in the unchanged prefix (2 spare for a split `\r\n`).
      let kept = 0;
      while (kept + 1 < old.length && old[kept + 1]!.end + 2 <= prefix) kept++;
      for (let k = 0; k < kept; k++) chunks.push(old[k]!);
      resumeAt = kept > 0 ? old[kept]!.start : 0;
      unchangedFrom = text.length - suffix;
    }
    for (const chunk of chunksFrom(text, resumeAt)) {
      if (last) {
        // From a chunk start in the unchanged suffix on, the chunks are the last version's, moved.
        const same = chunk.start >= unchangedFrom ? chunkStartingAt(last.chunks, chunk.start - delta) : -1;
        if (same >= 0) {
          for (let k = same; k < last.chunks.length; k++) chunks.push(moved(last.chunks[k]!, delta));
          break;
        }
        // A chunk re-read before the edit that came out the same stays as it was placed.
        const before = chunk.end <= prefix ? chunkStartingAt(last.chunks, chunk.start) : -1;
        if (before >= 0 && last.chunks[before]!.end === chunk.end) {
          chunks.push(last.chunks[before]!);
          continue;
        }
      }
      chunks.push(placeChunk(chunk, this.parsed(text.slice(chunk.start, chunk.end), parse)));
    }
    this.last = { text, chunks };
    this.sweep();
    return chunks;
  }

  private parsed(chunkText: string, parse: (chunkText: string) => ChunkBlocks): ChunkBlocks {
    let blocks = this.byText.get(chunkText) ?? this.previousByText.get(chunkText);
    blocks ??= parse(chunkText);
    this.byText.set(chunkText, blocks);
    return blocks;
  }

  /** Forgets parsed chunks not used by this version or the one before. */
  private sweep(): void {
    this.previousByText = this.byText;
    this.byText = new Map();
  }
}

function moved(chunk: PlacedChunk, by: number): PlacedChunk {
  return by === 0 ? chunk : placeChunk({ start: chunk.start + by, end: chunk.end + by }, chunk.relative);
}

/** Index of the chunk of `chunks` (sorted) that starts at `start`, else -1. */
function chunkStartingAt(chunks: readonly PlacedChunk[], start: number): number {
  const i = partitionPoint(chunks, (c) => c.start < start);
  return chunks[i]?.start === start ? i : -1;
}

/**
 * Texts are compared a window at a time: native string equality is many times faster than a
 * loop over characters, which matters for the megabytes an edit leaves unchanged.
 */
const WINDOW = 2048;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + WINDOW <= n && a.slice(i, i + WINDOW) === b.slice(i, i + WINDOW)) i += WINDOW;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of `a` and `b` that does not reach into their first `prefix` characters. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i + WINDOW <= n && a.slice(a.length - i - WINDOW, a.length - i) === b.slice(b.length - i - WINDOW, b.length - i)) i += WINDOW;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
