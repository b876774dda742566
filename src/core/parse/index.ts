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
import { ChunkCache } from './chunk-cache.js';
import { chunksFrom, MAX_MARKDOWN_LINE, splitLines } from './chunks.js';
import type { BlockKind, DocBlock, ListItemInfo, ParsedDocument } from './document.js';
import { PlainBuilder, walk } from './plain.js';

export type { BlockKind, DocBlock, ListItemInfo, ParsedDocument, PlainText, SourceLine } from './document.js';
export { splitLines } from './chunks.js';
export { ChunkCache, type ChunkBlocks } from './chunk-cache.js';
export { withPlain } from './placed-block.js';

const withMath = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
/**
 * Math syntax starts only at a `$`: text without one parses the same without the math extension,
 * and every remark call pays for combining the extensions it has.
 */
const withoutMath = unified().use(remarkParse).use(remarkGfm);

/** Parses markdown with the same processor the analysis uses (for tests and tools). */
export function parseMarkdown(text: string): Root {
  const processor = text.includes('$') ? withMath : withoutMath;
  return processor.runSync(processor.parse(text)) as Root;
}

/** Parses `text` into blocks with absolute offsets, reusing what `cache` kept of earlier versions. */
export function parseDocument(text: string, cache?: ChunkCache): ParsedDocument {
  if (!cache) {
    // Nothing to reuse: each chunk's blocks are made at their place in the text at once.
    const blocks: DocBlock[] = [];
    for (const c of chunksFrom(text, 0)) for (const block of parseChunk(text.slice(c.start, c.end), c.start)) blocks.push(block);
    return { text, blocks };
  }
  const chunks = cache.place(text, parseChunk);
  const blocks: DocBlock[] = [];
  const origins: DocBlock[] = [];
  for (const chunk of chunks) {
    for (const block of chunk.blocks) blocks.push(block);
    for (const block of chunk.relative) origins.push(block);
  }
  return { text, blocks, origins };
}

/** Parses one chunk that starts at offset `base` of the text (0: offsets relative to the chunk). */
export function parseChunk(source: string, base = 0): DocBlock[] {
  // micromark drops a leading byte-order mark, which would shift every position by one.
  if (source.charCodeAt(0) === 0xfeff) return parseChunkText(source.slice(1), base + 1);
  return parseChunkText(source, base);
}

function parseChunkText(source: string, base: number): DocBlock[] {
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
