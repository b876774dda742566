/**
 * The parsed form of a document that every extractor reads.
 *
 * The document is split into top-level blocks; each block is parsed on its own by remark
 * (so that an edit re-parses only the blocks it touched) and read as plain text: markup
 * stripped, `$…$` math rendered (`$\text{IC}_{50} = 6 \mu\text{M}$` → `IC50 = 6 μM`),
 * `K_v1.3` → `Kv1.3`, `Ca^{2+}` → `Ca2+`. The plain text keeps a map back to source offsets.
 */
import type { Span } from '../types.js';
import type { ParseLimit } from './limits.js';

export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'list'
  | 'table'
  | 'code'
  | 'math'
  | 'html'
  | 'blockquote'
  | 'thematicBreak'
  | 'definition'
  | 'footnoteDefinition'
  | 'blank';

/** A plain reading of a piece of source, with the source offset of every character. */
export interface PlainText {
  readonly text: string;
  /**
   * `offsets[i]` is the source offset of `text[i]`; `offsets[text.length]` is the source end.
   * Characters that come from a rendered construct (math) map proportionally into it.
   */
  readonly offsets: Int32Array;
}

/** One line of a block, as written. */
export interface SourceLine extends Span {
  /** The line without its line ending. */
  readonly text: string;
}

export interface ListItemInfo extends Span {
  /** Span of the item's content after the bullet/number. */
  readonly contentStart: number;
  /** The number written as the item's list marker (`12.` or `12)`), else null. */
  readonly ordinal: number | null;
  /** Span of the list marker itself (`-`, `12.`). */
  readonly markerStart: number;
  readonly markerEnd: number;
}

export interface DocBlock extends Span {
  readonly kind: BlockKind;
  /** Heading depth for `heading` blocks, else 0. */
  readonly depth: number;
  /** The block's lines (absolute offsets). */
  readonly lines: readonly SourceLine[];
  /** Plain reading of the whole block. */
  readonly plain: PlainText;
  /** Spans where no citation, quantity or entity may be found: code, URLs, link destinations, HTML tags, images. */
  readonly excluded: readonly Span[];
  /** Spans of inline or block math (`$…$`, `$$…$$`, `\(…\)`). */
  readonly math: readonly Span[];
  /** For `list` blocks, the items, in order (nested items included, document order). */
  readonly items: readonly ListItemInfo[];
  /** For `footnoteDefinition` blocks, the label. */
  readonly label?: string;
  /** Set when the block's chunk exceeded a parsing guard and was read as plain text. */
  readonly limit?: ParseLimit;
}

export interface ParsedDocument {
  readonly text: string;
  readonly blocks: readonly DocBlock[];
  /**
   * For each block, the block as parsed at the start of its chunk: the same object for as long as
   * the chunk's text is unchanged, wherever the chunk moves, so that what is derived from a
   * block's content can be remembered on it. Absent for documents not made by the parser.
   */
  readonly origins?: readonly DocBlock[];
}
