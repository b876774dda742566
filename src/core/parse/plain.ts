/**
 * Builds the plain reading of parsed markdown: the text a reader sees, each character mapped
 * back to its source offset.
 */
import type { Nodes, RootContent } from 'mdast';
import type { Span } from '../types.js';
import { hasProseLatex, renderLatex, renderProseLatex } from './latex.js';

/** Accumulates plain text with one source offset per UTF-16 unit. */
export class PlainBuilder {
  private readonly parts: string[] = [];
  private readonly map: number[] = [];
  private length = 0;

  /** Appends `text`, whose unit `i` comes from source offset `base + offsets[i]` (`base + i` when `offsets` is null). */
  append(text: string, offsets: ArrayLike<number> | null, base: number): void {
    if (text.length === 0) return;
    this.parts.push(text);
    if (offsets === null) for (let i = 0; i < text.length; i++) this.map.push(base + i);
    else for (let i = 0; i < text.length; i++) this.map.push(base + offsets[i]!);
    this.length += text.length;
  }

  /** Appends a separator (space or newline) that stands at a source offset. */
  separator(ch: string, at: number): void {
    if (this.length === 0) return;
    const lastPart = this.parts[this.parts.length - 1]!;
    if (lastPart.endsWith(ch) || lastPart.endsWith('\n')) return;
    this.parts.push(ch);
    this.map.push(at);
    this.length += 1;
  }

  finish(end: number): { text: string; offsets: Int32Array } {
    const offsets = new Int32Array(this.length + 1);
    for (let i = 0; i < this.length; i++) offsets[i] = this.map[i]!;
    offsets[this.length] = end;
    return { text: this.parts.join(''), offsets };
  }
}

/** Where every unit of a node's decoded `value` sits in the source (escapes and entities skipped). */
export function alignValue(value: string, source: string): number[] {
  if (value === source) return Array.from({ length: value.length }, (_, i) => i);
  const offsets: number[] = [];
  let p = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (p < source.length && source[p] === ch) {
      offsets.push(p++);
    } else if (source[p] === '\\' && source[p + 1] === ch) {
      offsets.push(p + 1);
      p += 2;
    } else if (source[p] === '&') {
      const semi = source.indexOf(';', p);
      offsets.push(p);
      p = semi > p && semi - p < 12 ? semi + 1 : p + 1;
    } else if ((source[p] === ' ' || source[p] === '\t') && blanksThen(source, p, ch)) {
      // remark drops the blanks that end a line (`text \n`): skip them in the source too.
      while (source[p] !== ch) p++;
      offsets.push(p++);
    } else {
      offsets.push(Math.min(p, Math.max(0, source.length - 1)));
      if (p < source.length) p++;
    }
  }
  return offsets;
}

/** True when the source at `p` is a run of spaces or tabs followed by `ch`. */
function blanksThen(source: string, p: number, ch: string | undefined): boolean {
  let q = p;
  while (source[q] === ' ' || source[q] === '\t') q++;
  return q > p && source[q] === ch;
}

/**
 * Drops the markup of sub- and superscripts written in plain text by extraction tools:
 * `K_v1.3` → `Kv1.3`, `Ca^{2+}` → `Ca2+`, `GABA_A` → `GABAA`, `^{[1][2]}` → `[1][2]`, `IC_{50}` → `IC50`.
 */
export function dropScriptMarkup(text: string, offsets: readonly number[]): { text: string; offsets: number[] } {
  if (!/[_^]/.test(text)) return { text, offsets: offsets.slice() };
  const drop = new Uint8Array(text.length);
  const braced = /[_^]\{([^{}]{1,40})\}/g;
  for (let m = braced.exec(text); m; m = braced.exec(text)) {
    drop[m.index] = 1;
    drop[m.index + 1] = 1;
    drop[m.index + m[0].length - 1] = 1;
  }
  const caret = /\^(?=\[\d|\d|[+-]\b)/g;
  for (let m = caret.exec(text); m; m = caret.exec(text)) drop[m.index] = 1;
  const under = /(?<=[A-Za-z0-9)])_(?=[A-Za-z]{1,2}(?![A-Za-z])|\d)/g;
  for (let m = under.exec(text); m; m = under.exec(text)) drop[m.index] = 1;
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (drop[i]) continue;
    out += text[i];
    map.push(offsets[i]!);
  }
  return { text: out, offsets: map };
}

/**
 * Reads inline text as a reader would: script markup dropped, prose LaTeX symbols rendered.
 * Offsets are null when the text is its source as written (most text: nothing to map).
 */
export function readInline(value: string, source: string): { text: string; offsets: number[] | null } {
  if (value === source && !/[_^\\]/.test(value)) return { text: value, offsets: null };
  let offsets = alignValue(value, source);
  let text = value;
  if (hasProseLatex(text)) {
    const r = renderProseLatex(text);
    offsets = r.offsets.slice(0, r.text.length).map((o) => offsets[o] ?? source.length);
    text = r.text;
  }
  return dropScriptMarkup(text, offsets);
}

const TAG = /<\/?[A-Za-z][^<>]*>|<!--[\s\S]*?-->/g;
const BLOCK_TAG = /^<\/?(?:t[rdh]|table|thead|tbody|p|div|br|li|ul|ol|h[1-6])\b/i;

/** Context for walking one chunk's tree: its source, where it starts, and the output. */
export interface Walk {
  readonly source: string;
  readonly base: number;
  readonly plain: PlainBuilder;
  readonly excluded: Span[];
  readonly math: Span[];
}

function offsetOf(node: Nodes, which: 'start' | 'end'): number {
  return node.position?.[which].offset ?? 0;
}

/**
 * Gives a place to children that a tree transform made without one: GFM's autolink literals
 * split a text node into text and link nodes with no position when the text held brackets
 * (`[@url:http://…]`), and without a place every unit of them would map to the chunk's start.
 * Each is found in the source after the sibling before it, within the parent.
 */
function placeChildren(parent: Nodes, source: string): void {
  if (!('children' in parent) || !parent.position) return;
  const children = parent.children as RootContent[];
  if (children.every((c) => c.position)) return;
  let cursor = parent.position.start.offset ?? 0;
  const limit = parent.position.end.offset ?? source.length;
  for (const child of children) {
    if (!child.position) {
      const text = textOf(child);
      const found = text ? source.indexOf(text, cursor) : -1;
      const start = found >= 0 && found + text.length <= limit ? found : cursor;
      const end = Math.min(limit, start + text.length);
      child.position = { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } };
      placeChildren(child, source);
    }
    cursor = Math.max(cursor, child.position.end.offset ?? cursor);
  }
}

/** The text a node holds, as its value or its children's. */
function textOf(node: RootContent): string {
  if ('value' in node) return node.value;
  return 'children' in node ? (node.children as RootContent[]).map(textOf).join('') : '';
}

/** Appends the plain reading of `node` (and excludes what must never be read as prose). */
export function walk(node: Nodes, w: Walk): void {
  placeChildren(node, w.source);
  const start = offsetOf(node, 'start');
  const end = offsetOf(node, 'end');
  switch (node.type) {
    case 'text': {
      const r = readInline(node.value, w.source.slice(start, end));
      w.plain.append(r.text, r.offsets, w.base + start);
      return;
    }
    case 'inlineCode':
    case 'code':
    case 'image':
    case 'imageReference':
    case 'definition':
    case 'yaml' as string:
      w.excluded.push({ start: w.base + start, end: w.base + end });
      w.plain.separator(' ', w.base + start);
      return;
    case 'inlineMath':
    case 'math': {
      const raw = w.source.slice(start, end);
      const inner = node.type === 'inlineMath' ? innerMathSpan(raw) : innerBlockMathSpan(raw);
      const r = renderLatex(raw.slice(inner.start, inner.end));
      w.math.push({ start: w.base + start, end: w.base + end });
      w.plain.append(r.text, r.offsets.slice(0, r.text.length).map((o) => o + inner.start), w.base + start);
      return;
    }
    case 'html': {
      w.excluded.push({ start: w.base + start, end: w.base + end });
      readHtml(w.source.slice(start, end), w, start);
      return;
    }
    case 'break':
      w.plain.separator('\n', w.base + start);
      return;
    case 'thematicBreak':
      return;
    case 'footnoteReference': {
      const raw = w.source.slice(start, end);
      w.plain.append(raw, null, w.base + start);
      return;
    }
    case 'link': {
      // The destination is not prose: exclude everything after the link text.
      const children = node.children;
      const textEnd = children.length ? offsetOf(children[children.length - 1]!, 'end') : start + 1;
      if (textEnd + 1 < end) w.excluded.push({ start: w.base + textEnd + 1, end: w.base + end });
      for (const child of children) walk(child, w);
      return;
    }
    case 'emphasis':
    case 'strong': {
      // A star between a symbol and a number (GENE*2 … GENE*3 unescaped) is an allele mark the
      // converter left, not emphasis: the stars stay in the reading.
      const src = w.source;
      const width = node.type === 'strong' ? 2 : 1;
      const intraword = src[start] === '*' && /[\p{L}\p{N}]/u.test(src[start - 1] ?? '') && /\d/.test(src[start + width] ?? '');
      if (intraword) w.plain.append(src.slice(start, start + width), null, w.base + start);
      for (const child of node.children) walk(child, w);
      if (intraword && src[end - 1] === '*') w.plain.append(src.slice(end - width, end), null, w.base + end - width);
      return;
    }
    case 'table':
      for (const row of node.children) {
        for (const cell of row.children) {
          walk(cell, w);
          w.plain.separator('\t', w.base + offsetOf(cell, 'end'));
        }
        w.plain.separator('\n', w.base + offsetOf(row, 'end'));
      }
      return;
    default:
      if ('children' in node) {
        const block = isBlockContainer(node.type);
        for (const child of node.children as RootContent[]) {
          walk(child, w);
          if (block) w.plain.separator('\n', w.base + offsetOf(child, 'end'));
        }
      }
  }
}

function isBlockContainer(type: string): boolean {
  return type === 'root' || type === 'list' || type === 'listItem' || type === 'blockquote' || type === 'footnoteDefinition';
}

/** Text between the tags of an HTML fragment, so that names in HTML tables are read. */
function readHtml(raw: string, w: Walk, start: number): void {
  let last = 0;
  TAG.lastIndex = 0;
  const flush = (to: number): void => {
    const piece = raw.slice(last, to);
    if (piece.trim()) {
      const r = readInline(piece, piece);
      w.plain.append(r.text, r.offsets, w.base + start + last);
    }
  };
  for (let m = TAG.exec(raw); m; m = TAG.exec(raw)) {
    flush(m.index);
    if (BLOCK_TAG.test(m[0])) w.plain.separator(/^<\/?t[dh]\b/i.test(m[0]) ? '\t' : '\n', w.base + start + m.index);
    last = m.index + m[0].length;
  }
  flush(raw.length);
}

function innerMathSpan(raw: string): Span {
  let open = 0;
  while (raw[open] === '$' && open < 2) open++;
  let close = raw.length;
  let n = 0;
  while (close > open && raw[close - 1] === '$' && n < open) {
    close--;
    n++;
  }
  return { start: open, end: close };
}

function innerBlockMathSpan(raw: string): Span {
  const m = /^ {0,3}\$\$[^\n]*\n?/.exec(raw);
  const start = m ? m[0].length : 0;
  const closing = /\n?[ \t]*\$\$[ \t]*$/.exec(raw.slice(start));
  return { start, end: closing ? start + closing.index : raw.length };
}
