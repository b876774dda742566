/**
 * Parses a document into blocks with remark (GFM tables and footnotes, `$…$` math), chunk by chunk,
 * reusing the chunks whose text did not change.
 */
import type { List, ListItem, Root, RootContent } from 'mdast';
import type { Span } from '../types.js';
import { ChunkCache } from './chunk-cache.js';
import { chunksFrom, splitLines } from './chunks.js';
import type { BlockKind, DocBlock, ListItemInfo, ParsedDocument } from './document.js';
import { CHUNK_TIME_LIMIT_MS, exceededLimit, type ParseLimit } from './limits.js';
import { PlainBuilder, walk } from './plain.js';
import { processorForText } from './processors.js';

export type { BlockKind, DocBlock, ListItemInfo, ParsedDocument, PlainText, SourceLine } from './document.js';
export { splitLines } from './chunks.js';
export { limitMessage, type ParseLimit } from './limits.js';
export { ChunkCache, type ChunkBlocks } from './chunk-cache.js';
export { withPlain } from './placed-block.js';

/** Parses markdown with the same processor the analysis uses (for tests and tools). */
export function parseMarkdown(text: string): Root {
  const processor = processorForText(text);
  return processor.runSync(processor.parse(text)) as Root;
}

/**
 * Parses `text` into blocks with absolute offsets, reusing what `cache` kept of earlier versions.
 * Chunks reached after `deadline` (a `performance.now()` time) are read as plain text, so that a
 * one-shot caller (the command line's `--timeout`) gets an answer in bounded time.
 */
export function parseDocument(text: string, cache?: ChunkCache, deadline?: number): ParsedDocument {
  const parse = deadline === undefined ? parseChunk : (source: string, base = 0) => (performance.now() > deadline ? plainBlocks(source, base, LATE) : parseChunk(source, base));
  if (!cache) {
    // Nothing to reuse: each chunk's blocks are made at their place in the text at once.
    const blocks: DocBlock[] = [];
    for (const c of chunksFrom(text, 0)) for (const block of parse(text.slice(c.start, c.end), c.start)) blocks.push(block);
    return { text, blocks };
  }
  const chunks = cache.place(text, parse);
  const blocks: DocBlock[] = [];
  const origins: DocBlock[] = [];
  for (const chunk of chunks) {
    for (const block of chunk.blocks) blocks.push(block);
    for (const block of chunk.relative) origins.push(block);
  }
  return { text, blocks, origins };
}

const LATE: ParseLimit = { reason: 'deadline', measured: 0, limit: 0 };

/** Parses one chunk that starts at offset `base` of the text (0: offsets relative to the chunk). */
export function parseChunk(source: string, base = 0): DocBlock[] {
  // micromark drops a leading byte-order mark, which would shift every position by one.
  if (source.charCodeAt(0) === 0xfeff) return parseChunkText(source.slice(1), base + 1);
  return parseChunkText(source, base);
}

function parseChunkText(source: string, base: number): DocBlock[] {
  let root: Root | null = null;
  let limit = exceededLimit(source);
  if (limit === null) {
    const started = performance.now();
    try {
      root = parseMarkdown(source);
    } catch {
      // remark should not throw, but a document must never take the analysis down with it.
    }
    const took = performance.now() - started;
    if (took > CHUNK_TIME_LIMIT_MS) {
      root = null;
      limit = { reason: 'time', measured: Math.round(took), limit: CHUNK_TIME_LIMIT_MS };
    }
  }
  if (root === null) return plainBlocks(source, base, limit);
  const blocks: DocBlock[] = [];
  for (const node of root.children) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? source.length;
    const plain = new PlainBuilder();
    const excluded: Span[] = [];
    const math: Span[] = [];
    walk(node, { source, base, plain, excluded, math });
    const lines = splitLines(source.slice(start, end), start).map((l) => ({ start: base + l.start, end: base + l.end, text: source.slice(l.start, l.end) }));
    blocks.push({
      start: base + start,
      end: base + end,
      kind: kindOf(node),
      depth: node.type === 'heading' ? node.depth : 0,
      lines,
      plain: plain.finish(base + end),
      excluded,
      math,
      items: node.type === 'list' ? listItems(node, source, base) : [],
      ...(node.type === 'footnoteDefinition' ? { label: node.label ?? node.identifier } : {}),
    });
  }
  return blocks;
}

/**
 * The chunk read as plain text: one paragraph per non-blank line, each character at its own
 * offset (lines keep the blocks small, whatever the chunk). The first carries the limit.
 */
function plainBlocks(source: string, base: number, limit: ParseLimit | null): DocBlock[] {
  const blocks: DocBlock[] = [];
  for (const line of splitLines(source, 0)) {
    const text = source.slice(line.start, line.end);
    if (text.trim() === '') continue;
    const offsets = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) offsets[i] = base + line.start + i;
    blocks.push({
      start: base + line.start,
      end: base + line.end,
      kind: 'paragraph',
      depth: 0,
      lines: [{ start: base + line.start, end: base + line.end, text }],
      plain: { text, offsets },
      excluded: [],
      math: [],
      items: [],
      ...(limit && blocks.length === 0 ? { limit } : {}),
    });
  }
  return blocks;
}

function kindOf(node: RootContent): BlockKind {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
    case 'list':
    case 'table':
    case 'code':
    case 'math':
    case 'html':
    case 'blockquote':
    case 'thematicBreak':
    case 'definition':
    case 'footnoteDefinition':
      return node.type;
    default:
      return 'paragraph';
  }
}

/** Every item of a list, nested ones included, in document order. */
function listItems(list: List, source: string, base: number): ListItemInfo[] {
  const out: ListItemInfo[] = [];
  const visit = (l: List): void => {
    for (const item of l.children) {
      out.push(itemInfo(item, source, base));
      for (const child of item.children) if (child.type === 'list') visit(child);
    }
  };
  visit(list);
  return out;
}

function itemInfo(item: ListItem, source: string, base: number): ListItemInfo {
  const start = item.position?.start.offset ?? 0;
  const end = item.position?.end.offset ?? start;
  const head = /^[ \t]*([-+*]|(\d{1,9})[.)])[ \t]?/.exec(source.slice(start, Math.min(end, start + 20)));
  const markerStart = start + (head ? head[0].indexOf(head[1]!) : 0);
  const markerEnd = markerStart + (head ? head[1]!.length : 0);
  const first = item.children[0];
  return {
    start: base + start,
    end: base + end,
    contentStart: base + (first?.position?.start.offset ?? markerEnd),
    ordinal: head?.[2] !== undefined ? Number(head[2]) : null,
    markerStart: base + markerStart,
    markerEnd: base + markerEnd,
  };
}
