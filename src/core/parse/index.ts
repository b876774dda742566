/**
 * Parses a document into blocks with remark (GFM tables and footnotes, `$…$` math), chunk by chunk,
 * reusing the chunks whose text did not change.
 */
import type { List, ListItem, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Span } from '../types.js';
import { splitChunks, splitLines } from './chunks.js';
import type { BlockKind, DocBlock, ListItemInfo, ParsedDocument, PlainText } from './document.js';
import { PlainBuilder, walk } from './plain.js';

export type { BlockKind, DocBlock, ListItemInfo, ParsedDocument, PlainText, SourceLine } from './document.js';
export { splitLines } from './chunks.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

/** Parses markdown with the same processor the analysis uses (for tests and tools). */
export function parseMarkdown(text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}

/** Blocks of one chunk with offsets relative to the chunk's start. */
export type ChunkBlocks = readonly DocBlock[];

/**
 * A cache of parsed chunks keyed by their text. Pass the same cache to successive
 * {@link parseDocument} calls on versions of one document so unchanged chunks are not re-parsed.
 */
export class ChunkCache {
  private entries = new Map<string, ChunkBlocks>();
  private previous = new Map<string, ChunkBlocks>();

  get(text: string): ChunkBlocks | undefined {
    const hit = this.entries.get(text) ?? this.previous.get(text);
    if (hit) this.entries.set(text, hit);
    return hit;
  }

  set(text: string, blocks: ChunkBlocks): void {
    this.entries.set(text, blocks);
  }

  /** Forgets chunks not used since the last call (call once per analysed version). */
  sweep(): void {
    this.previous = this.entries;
    this.entries = new Map();
  }
}

/** Parses `text` into blocks with absolute offsets. */
export function parseDocument(text: string, cache?: ChunkCache): ParsedDocument {
  const blocks: DocBlock[] = [];
  for (const chunk of splitChunks(text)) {
    const chunkText = text.slice(chunk.start, chunk.end);
    let relative = cache?.get(chunkText);
    if (!relative) {
      relative = parseChunk(chunkText);
      cache?.set(chunkText, relative);
    }
    for (const block of relative) blocks.push(chunk.start === 0 ? block : shiftBlock(block, chunk.start));
  }
  cache?.sweep();
  return { text, blocks };
}

/** Parses one chunk; offsets are relative to the chunk. */
export function parseChunk(source: string): DocBlock[] {
  // micromark drops a leading byte-order mark, which would shift every position by one.
  if (source.charCodeAt(0) === 0xfeff) return parseChunkText(source.slice(1)).map((block) => shiftBlock(block, 1));
  return parseChunkText(source);
}

function parseChunkText(source: string): DocBlock[] {
  let root: Root;
  try {
    if (hasOverlongLine(source)) throw new RangeError('line too long for markdown parsing');
    if (hasDeepNesting(source)) throw new RangeError('containers nested too deeply for markdown parsing');
    root = parseMarkdown(source);
  } catch {
    // remark should not throw, but a document must never take the analysis down with it.
    root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: source, position: pos(0, source.length) }], position: pos(0, source.length) }] };
  }
  const blocks: DocBlock[] = [];
  for (const node of root.children) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? source.length;
    const plain = new PlainBuilder();
    const excluded: Span[] = [];
    const math: Span[] = [];
    walk(node, { source, base: 0, plain, excluded, math });
    const lines = splitLines(source.slice(start, end), start).map((l) => ({ start: l.start, end: l.end, text: source.slice(l.start, l.end) }));
    blocks.push({
      start,
      end,
      kind: kindOf(node),
      depth: node.type === 'heading' ? node.depth : 0,
      lines,
      plain: plain.finish(end),
      excluded,
      math,
      items: node.type === 'list' ? listItems(node, source) : [],
      ...(node.type === 'footnoteDefinition' ? { label: node.label ?? node.identifier } : {}),
    });
  }
  return blocks;
}

/**
 * Lines longer than this are read as plain text: remark's inline parsing of long lines dense in
 * brackets or `$` grows quadratically, and such lines (a whole document on one line) hold no block markup.
 */
const MAX_MARKDOWN_LINE = 20_000;

/**
 * Deeper nesting of block quotes and list items than this on one line is read as plain text:
 * remark's container parsing grows quadratically with the depth (10,000 levels take minutes),
 * and no real document nests that deep.
 */
const MAX_CONTAINER_DEPTH = 64;

function hasDeepNesting(source: string): boolean {
  let depth = 0;
  let atLineStart = true;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) {
      depth = 0;
      atLineStart = true;
      continue;
    }
    if (!atLineStart) continue;
    if (c === 32 || c === 9) continue;
    const next = source.charCodeAt(i + 1);
    if (c === 62 /* > */) depth++;
    else if ((c === 45 || c === 42 || c === 43) /* - * + */ && (next === 32 || next === 9)) depth++;
    else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < source.length && j - i < 9 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++;
      const after = source.charCodeAt(j);
      if ((after === 46 || after === 41) /* . ) */ && (source.charCodeAt(j + 1) === 32 || source.charCodeAt(j + 1) === 9)) {
        depth++;
        i = j;
      } else atLineStart = false;
    } else atLineStart = false;
    if (depth > MAX_CONTAINER_DEPTH) return true;
  }
  return false;
}

function hasOverlongLine(source: string): boolean {
  if (source.length <= MAX_MARKDOWN_LINE) return false;
  let lineStart = 0;
  for (let i = 0; i <= source.length; i++) {
    const c = source.charCodeAt(i);
    if (i === source.length || c === 10 || c === 13) {
      if (i - lineStart > MAX_MARKDOWN_LINE) return true;
      lineStart = i + 1;
    }
  }
  return false;
}

function pos(start: number, end: number): NonNullable<RootContent['position']> {
  return { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: end } };
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
function listItems(list: List, source: string): ListItemInfo[] {
  const out: ListItemInfo[] = [];
  const visit = (l: List): void => {
    for (const item of l.children) {
      out.push(itemInfo(item, source));
      for (const child of item.children) if (child.type === 'list') visit(child);
    }
  };
  visit(list);
  return out;
}

function itemInfo(item: ListItem, source: string): ListItemInfo {
  const start = item.position?.start.offset ?? 0;
  const end = item.position?.end.offset ?? start;
  const head = /^[ \t]*([-+*]|(\d{1,9})[.)])[ \t]?/.exec(source.slice(start, Math.min(end, start + 20)));
  const markerStart = start + (head ? head[0].indexOf(head[1]!) : 0);
  const markerEnd = markerStart + (head ? head[1]!.length : 0);
  const first = item.children[0];
  return {
    start,
    end,
    contentStart: first?.position?.start.offset ?? markerEnd,
    ordinal: head?.[2] !== undefined ? Number(head[2]) : null,
    markerStart,
    markerEnd,
  };
}

function shiftSpan<T extends Span>(s: T, by: number): T {
  return { ...s, start: s.start + by, end: s.end + by };
}

/**
 * Plain text whose offsets are moved by `by` only when first read: most blocks of a re-analysed
 * document are served from extractor memos and never read their offsets, so copying them all on
 * every analysis would be wasted work. The getter is an own enumerable property, so the block
 * still serialises (JSON, structured clone) with its offsets.
 */
function shiftPlain(plain: PlainText, by: number): PlainText {
  let shifted: Int32Array | undefined;
  return {
    text: plain.text,
    get offsets(): Int32Array {
      if (!shifted) {
        const base = plain.offsets;
        shifted = new Int32Array(base.length);
        for (let i = 0; i < base.length; i++) shifted[i] = base[i]! + by;
      }
      return shifted;
    },
  };
}

function shiftBlock(b: DocBlock, by: number): DocBlock {
  return {
    ...b,
    start: b.start + by,
    end: b.end + by,
    lines: b.lines.map((l) => shiftSpan(l, by)),
    plain: shiftPlain(b.plain, by),
    excluded: b.excluded.map((s) => shiftSpan(s, by)),
    math: b.math.map((s) => shiftSpan(s, by)),
    items: b.items.map((it) => ({
      ...it,
      start: it.start + by,
      end: it.end + by,
      contentStart: it.contentStart + by,
      markerStart: it.markerStart + by,
      markerEnd: it.markerEnd + by,
    })),
  };
}
