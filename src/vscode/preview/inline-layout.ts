/**
 * Where each piece of markdown-it's inline output came from in the source.
 *
 * markdown-it gives block tokens line maps and inline tokens nothing: an `inline` token holds the
 * text of its block with the block syntax removed (indentation, `>`, list markers, table pipes)
 * and its children hold what the inline rules made of it (escapes and entities decoded, markup
 * delimiters dropped). This module finds, for every inline token, the source offset of each
 * character of its content, and then replays the inline rules over that content to place every
 * child. Whatever it cannot account for exactly makes the whole inline token unplaced: callers
 * then leave it alone rather than risk marking the wrong text.
 */
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token';
import type { SourceText } from './source-text.js';

/**
 * - `text`: output characters of a text child. A linear unit renders its source one character
 *   for one character, so it can be cut anywhere; any other (an escape, an entity, an autolink's
 *   text) only as a whole.
 * - `atom`: a child rendered as a whole (code span, inline HTML that opens or closes nothing,
 *   math, image, line break).
 * - `open` / `close`: a child that opens or closes an element (link, emphasis, an HTML tag).
 */
export type UnitKind = 'text' | 'atom' | 'open' | 'close';

export interface Unit {
  readonly kind: UnitKind;
  /** Source range, in the text markdown-it reads ({@link SourceText.src}). */
  readonly start: number;
  readonly end: number;
  /** Index of the child among the inline token's children. */
  readonly child: number;
  /** For text units, the range of the child's content it renders. */
  readonly from: number;
  readonly to: number;
  readonly linear: boolean;
  /** For open and close units: `a`, `em`, `strong`, `s`, or the name of an HTML element. */
  readonly tag: string;
}

export interface InlineLayout {
  /** Index of the inline token among the block tokens. */
  readonly index: number;
  readonly token: Token;
  /** In source order, covering every child. */
  readonly units: readonly Unit[];
}

/** Characters the block rules remove from between two characters of an inline's content. */
const BLOCK_SYNTAX = new Set([' ', '\t', '>', '|', '\\']);
/** What a backslash escapes (markdown-it's `escape` rule). */
const ESCAPABLE = new Set('\\!"#$%&\'()*+,./:;<=>?@[]^_`{|}~-'.split(''));
const DIGITAL_ENTITY = /^&#(x[a-f0-9]{1,6}|[0-9]{1,7});/i;
const NAMED_ENTITY = /^&([a-z][a-z0-9]{1,31});/i;
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const DELIMITED = new Set(['em_open', 'em_close', 'strong_open', 'strong_close', 's_open', 's_close']);
/** Math from markdown-it-katex (VS Code's markdown-math): `$…$` and `$$…$$` inside a paragraph. */
const MATH = new Set(['math_inline', 'math_block']);

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t';

/**
 * Source offsets of every character of `content`, found from the end of `[lo, hi)` backwards
 * (block syntax is removed from the starts of lines far more than from their ends, and a table
 * row's cells are found right to left with one cursor). Between two characters only block syntax
 * may have been removed.
 */
function contentOffsets(content: string, src: string, lo: number, hi: number): Int32Array | undefined {
  const offsets = new Int32Array(content.length);
  let cursor = hi;
  for (let i = content.length - 1; i >= 0; i--) {
    const ch = content[i];
    let p = cursor - 1;
    while (p >= lo && src[p] !== ch) {
      if (i < content.length - 1 && !BLOCK_SYNTAX.has(src[p]!)) return undefined;
      p--;
    }
    if (p < lo) return undefined;
    offsets[i] = p;
    cursor = p;
  }
  return offsets;
}

function decodeEntity(md: MarkdownIt, entity: string): string | undefined {
  const digital = DIGITAL_ENTITY.exec(entity);
  if (digital) {
    const body = digital[1]!;
    const code = body[0] === 'x' || body[0] === 'X' ? parseInt(body.slice(1), 16) : parseInt(body, 10);
    return md.utils.isValidEntityCode(code) ? md.utils.fromCodePoint(code) : '\uFFFD';
  }
  const decoded = md.utils.unescapeAll(entity);
  return decoded === entity ? undefined : decoded;
}

/** `<sup>` opens `sup`, `</sup>` closes it, anything else (void, self-closing, comment) is an atom. */
function htmlRole(html: string): { kind: UnitKind; tag: string } {
  const close = /^<\/([A-Za-z][A-Za-z0-9-]*)\s*>$/.exec(html);
  if (close) return { kind: 'close', tag: close[1]!.toLowerCase() };
  const open = /^<([A-Za-z][A-Za-z0-9-]*)[\s\S]*?(\/?)>$/.exec(html);
  if (open && !open[2] && !VOID_ELEMENTS.has(open[1]!.toLowerCase())) return { kind: 'open', tag: open[1]!.toLowerCase() };
  return { kind: 'atom', tag: '' };
}

/** Replays markdown-it's inline rules over one inline token's content. */
class Replay {
  private c = 0;
  readonly units: Unit[] = [];

  constructor(
    private readonly md: MarkdownIt,
    private readonly content: string,
    private readonly offsets: Int32Array,
  ) {}

  /** Source offset of content position `c` (just after the last character at the end). */
  private at(c: number): number {
    if (c < this.content.length) return this.offsets[c]!;
    return this.content.length === 0 ? 0 : this.offsets[this.content.length - 1]! + 1;
  }

  private push(kind: UnitKind, from: number, to: number, child: number, tag = '', out?: [number, number], linear = false): void {
    // A zero-width unit sits just before what follows it.
    const start = this.at(from);
    const end = to > from ? this.offsets[to - 1]! + 1 : start;
    this.units.push({ kind, start, end, child, from: out?.[0] ?? 0, to: out?.[1] ?? 0, linear, tag });
  }

  /** Places every child; false when any of them cannot be placed exactly. */
  run(children: readonly Token[]): boolean {
    return this.children(children, true) && this.c === this.content.length;
  }

  private children(children: readonly Token[], emit: boolean): boolean {
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'link_open' && child.markup === 'autolink') {
        // `<url>`: its text is the normalised address, placed only as a whole.
        const close = this.content.indexOf('>', this.c);
        if (this.content[this.c] !== '<' || close < 0 || children[i + 2]?.type !== 'link_close') return false;
        if (emit) {
          this.push('open', this.c, this.c + 1, i, 'a');
          this.push('text', this.c + 1, close, i + 1, '', [0, children[i + 1]!.content.length]);
          this.push('close', close, close + 1, i + 2, 'a');
        }
        this.c = close + 1;
        i += 2;
        continue;
      }
      if (!this.child(child, i, emit)) return false;
    }
    return true;
  }

  private child(child: Token, i: number, emit: boolean): boolean {
    const { content } = this;
    const c0 = this.c;
    switch (child.type) {
      case 'text':
        return this.text(child.content, i, emit);
      case 'softbreak':
      case 'hardbreak': {
        let c = c0;
        while (content[c] === ' ') c++;
        if (content[c] === '\\' && content[c + 1] === '\n') c++;
        if (content[c] !== '\n') return false;
        c++;
        while (isSpace(content[c])) c++;
        if (emit) this.push('atom', c0, c, i);
        this.c = c;
        return true;
      }
      case 'code_inline': {
        const marker = child.markup;
        if (!marker || !content.startsWith(marker, c0)) return false;
        let p = c0 + marker.length;
        for (;;) {
          const open = content.indexOf('`', p);
          if (open < 0) return false;
          let close = open;
          while (content[close] === '`') close++;
          if (close - open === marker.length) {
            const inner = content.slice(c0 + marker.length, open).replace(/\n/g, ' ').replace(/^ (.+) $/, '$1');
            if (inner !== child.content) return false;
            if (emit) this.push('atom', c0, close, i);
            this.c = close;
            return true;
          }
          p = close;
        }
      }
      case 'html_inline': {
        if (!child.content || !content.startsWith(child.content, c0)) return false;
        const role = htmlRole(child.content);
        if (emit) this.push(role.kind, c0, c0 + child.content.length, i, role.tag);
        this.c = c0 + child.content.length;
        return true;
      }
      case 'link_open': {
        if (child.markup === 'linkify') {
          if (emit) this.push('open', c0, c0, i, 'a');
          return true;
        }
        if (content[c0] !== '[') return false;
        if (emit) this.push('open', c0, c0 + 1, i, 'a');
        this.c = c0 + 1;
        return true;
      }
      case 'link_close': {
        if (child.markup === 'linkify') {
          if (emit) this.push('close', c0, c0, i, 'a');
          return true;
        }
        if (content[c0] !== ']') return false;
        const end = this.linkTail(c0 + 1);
        if (emit) this.push('close', c0, end, i, 'a');
        this.c = end;
        return true;
      }
      case 'image': {
        if (!content.startsWith('![', c0)) return false;
        this.c = c0 + 2;
        if (!this.children(child.children ?? [], false) || content[this.c] !== ']') return false;
        const end = this.linkTail(this.c + 1);
        if (emit) this.push('atom', c0, end, i);
        this.c = end;
        return true;
      }
      default:
        if (DELIMITED.has(child.type)) {
          if (!child.markup || !content.startsWith(child.markup, c0)) return false;
          if (emit) this.push(child.nesting === 1 ? 'open' : 'close', c0, c0 + child.markup.length, i, child.tag);
          this.c = c0 + child.markup.length;
          return true;
        }
        if (MATH.has(child.type)) {
          const written = `${child.markup}${child.content}${child.markup}`;
          if (!child.markup || !content.startsWith(written, c0)) return false;
          if (emit) this.push('atom', c0, c0 + written.length, i);
          this.c = c0 + written.length;
          return true;
        }
        // A token of a plugin we do not know: nothing after it can be placed with certainty.
        return false;
    }
  }

  /** A text child: characters as written, backslash escapes and entities. */
  private text(out: string, i: number, emit: boolean): boolean {
    const { content } = this;
    let j = 0;
    let runStart = -1; // content position where the current run of plain characters began
    let runOut = 0;
    const endRun = () => {
      if (runStart >= 0 && emit) this.push('text', runStart, this.c, i, '', [runOut, j], true);
      runStart = -1;
    };
    while (j < out.length) {
      const c = this.c;
      const ch = out[j]!;
      if (content[c] === '\\' && content[c + 1] === ch && ESCAPABLE.has(ch)) {
        endRun();
        if (emit) this.push('text', c, c + 2, i, '', [j, j + 1]);
        this.c += 2;
        j++;
        continue;
      }
      if (content[c] === '&') {
        const entity = DIGITAL_ENTITY.exec(content.slice(c, c + 12)) ?? NAMED_ENTITY.exec(content.slice(c, c + 34));
        const decoded = entity && decodeEntity(this.md, entity[0]);
        if (entity && decoded && out.startsWith(decoded, j)) {
          endRun();
          if (emit) this.push('text', c, c + entity[0].length, i, '', [j, j + decoded.length]);
          this.c += entity[0].length;
          j += decoded.length;
          continue;
        }
      }
      if (content[c] !== ch) return false;
      // A run is linear only while its source is contiguous.
      if (runStart >= 0 && this.offsets[c] !== this.offsets[c - 1]! + 1) endRun();
      if (runStart < 0) {
        runStart = c;
        runOut = j;
      }
      this.c++;
      j++;
    }
    endRun();
    return true;
  }

  /**
   * The end of a link after its label's `]`: `(destination "title")`, `[label]`, `[]` or nothing,
   * as markdown-it's `link` rule reads them.
   */
  private linkTail(pos: number): number {
    const { content, md } = this;
    const max = content.length;
    const skipSpace = (p: number) => {
      while (p < max && (isSpace(content[p]) || content[p] === '\n')) p++;
      return p;
    };
    let reference = true;
    if (content[pos] === '(') {
      reference = false;
      pos = skipSpace(pos + 1);
      if (pos >= max) return max;
      const destination = md.helpers.parseLinkDestination(content, pos, max);
      if (destination.ok) {
        if (md.validateLink(md.normalizeLink(destination.str))) pos = destination.pos;
        const start = pos;
        pos = skipSpace(pos);
        const title = md.helpers.parseLinkTitle(content, pos, max);
        if (pos < max && start !== pos && title.ok) pos = skipSpace(title.pos);
      }
      if (pos >= max || content[pos] !== ')') reference = true;
      pos++;
    }
    if (!reference) return pos;
    if (content[pos] !== '[') return pos;
    let level = 1;
    for (let p = pos + 1; p < max; p++) {
      if (content[p] === '\\') p++;
      else if (content[p] === '[') level++;
      else if (content[p] === ']' && --level === 0) return p + 1;
    }
    return pos;
  }
}

/**
 * Lays out every inline token of `tokens` (block tokens as markdown-it's parser returns them)
 * that can be placed exactly in `source`.
 */
export function layoutInlines(md: MarkdownIt, tokens: readonly Token[], source: SourceText): InlineLayout[] {
  // Inline tokens of table cells have no map: their row's applies.
  const found: { index: number; token: Token; lines: [number, number] }[] = [];
  const maps: ([number, number] | null)[] = [];
  tokens.forEach((token, index) => {
    if (token.nesting === 1) maps.push(token.map ?? maps[maps.length - 1] ?? null);
    else if (token.nesting === -1) maps.pop();
    const lines = token.map ?? maps[maps.length - 1];
    if (token.type === 'inline' && lines && token.children) found.push({ index, token, lines });
  });

  const offsets: (Int32Array | undefined)[] = new Array(found.length);
  let next = Infinity;
  for (let k = found.length - 1; k >= 0; k--) {
    const { token, lines } = found[k]!;
    const lo = source.lineStart(lines[0]);
    const hi = Math.min(source.lineEnd(Math.max(lines[0], lines[1] - 1)), next);
    offsets[k] = contentOffsets(token.content, source.src, lo, hi);
    if (offsets[k] && token.content.length > 0) next = offsets[k]![0]!;
  }

  const layouts: InlineLayout[] = [];
  found.forEach(({ index, token }, k) => {
    const map = offsets[k];
    if (!map) return;
    const replay = new Replay(md, token.content, map);
    if (replay.run(token.children ?? [])) layouts.push({ index, token, units: replay.units });
  });
  return layouts;
}
