/**
 * A parsed block moved to another place in the text. A chunk's blocks are parsed at offset 0 and
 * placed where the chunk sits; after an edit, every block after it moves. Most moved blocks are
 * then served from the extractors' memos and never read their lines, offsets or spans, so those
 * are moved only when first read, not copied for every block on every edit.
 */
import type { Span } from '../types.js';
import type { BlockKind, DocBlock, ListItemInfo, PlainText, SourceLine } from './document.js';
import type { ParseLimit } from './limits.js';

function shiftSpan<T extends Span>(s: T, by: number): T {
  return { ...s, start: s.start + by, end: s.end + by };
}

/** Plain text whose offsets are moved only when read (a heading's title needs the text alone). */
class MovedPlain implements PlainText {
  readonly text: string;
  #offsets?: Int32Array;

  constructor(
    private readonly origin: PlainText,
    private readonly by: number,
  ) {
    this.text = origin.text;
  }

  get offsets(): Int32Array {
    if (!this.#offsets) {
      const base = this.origin.offsets;
      this.#offsets = new Int32Array(base.length);
      for (let i = 0; i < base.length; i++) this.#offsets[i] = base[i]! + this.by;
    }
    return this.#offsets;
  }

  toJSON(): PlainText {
    return { text: this.text, offsets: this.offsets };
  }
}

class PlacedBlock implements DocBlock {
  readonly start: number;
  readonly end: number;
  readonly kind: BlockKind;
  readonly depth: number;
  readonly label?: string;
  readonly limit?: ParseLimit;
  #lines?: readonly SourceLine[];
  #plain?: PlainText;
  #excluded?: readonly Span[];
  #math?: readonly Span[];
  #items?: readonly ListItemInfo[];

  constructor(
    private readonly origin: DocBlock,
    private readonly by: number,
  ) {
    this.start = origin.start + by;
    this.end = origin.end + by;
    this.kind = origin.kind;
    this.depth = origin.depth;
    if (origin.label !== undefined) this.label = origin.label;
    if (origin.limit !== undefined) this.limit = origin.limit;
  }

  get lines(): readonly SourceLine[] {
    return (this.#lines ??= this.origin.lines.map((l) => shiftSpan(l, this.by)));
  }

  get plain(): PlainText {
    return (this.#plain ??= new MovedPlain(this.origin.plain, this.by));
  }

  get excluded(): readonly Span[] {
    return (this.#excluded ??= this.origin.excluded.map((s) => shiftSpan(s, this.by)));
  }

  get math(): readonly Span[] {
    return (this.#math ??= this.origin.math.map((s) => shiftSpan(s, this.by)));
  }

  get items(): readonly ListItemInfo[] {
    return (this.#items ??= this.origin.items.map((it) => ({
      ...it,
      start: it.start + this.by,
      end: it.end + this.by,
      contentStart: it.contentStart + this.by,
      markerStart: it.markerStart + this.by,
      markerEnd: it.markerEnd + this.by,
    })));
  }

  /** Serialises like a block parsed in place (JSON, tests, tools). */
  toJSON(): DocBlock {
    return withPlain(this, this.plain);
  }
}

/** `block` moved by `by` characters. */
export function shiftBlock(block: DocBlock, by: number): DocBlock {
  return by === 0 ? block : new PlacedBlock(block, by);
}

/** A copy of `block` with another plain reading (every field copied, accessors read). */
export function withPlain(block: DocBlock, plain: PlainText): DocBlock {
  return {
    start: block.start,
    end: block.end,
    kind: block.kind,
    depth: block.depth,
    lines: block.lines,
    plain,
    excluded: block.excluded,
    math: block.math,
    items: block.items,
    ...(block.label !== undefined ? { label: block.label } : {}),
    ...(block.limit !== undefined ? { limit: block.limit } : {}),
  };
}
