/** Sections of the document: markdown headings and plain lines that read as headings. */
import type { DocBlock, ParsedDocument } from './parse/index.js';
import { partitionPoint } from './sorted.js';
import type { Section } from './types.js';

/** Longest line (in words) still read as a plain heading; longer lines are titles of prose. */
const MAX_HEADING_WORDS = 12;
const MAX_HEADING_LENGTH = 120;
/** "Table 1: …", "Figure 2.", "Fig. 3 –" — captions, not headings. */
const CAPTION = /^(?:table|figure|fig\.?|scheme|chart|box|supplementary)\s*[A-Z]?\d/i;
/** "Caption: …", "Email: …", "Cat. No.: …" — a short label and its value, not a heading. */
const LABEL_LINE = /^[\p{L}][\p{L}.]*(?:\s[\p{L}.]+)?:\s/u;

/**
 * Finds the sections of a document.
 *
 * Markdown headings keep their depth. When a document has fewer than two markdown headings (text
 * extracted from web pages or PDFs), short standalone lines followed by content are read as headings:
 * the first block of the document as level 1 (its title), every other one as level 2.
 * A section runs until the next heading of the same or a higher level.
 */
export function findSections(doc: ParsedDocument): Section[] {
  const blocks = doc.blocks;
  const markdownHeadings = blocks.filter((b) => b.kind === 'heading').length;
  const readPlain = markdownHeadings < 2;
  const heads: { block: DocBlock; title: string; level: number; written: 'markdown' | 'plain' }[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'heading') {
      // A setext heading may run over lines; its title is one line whatever the line endings.
      const title = block.plain.text.replace(/\s+/g, ' ').trim();
      if (title) heads.push({ block, title, level: block.depth, written: 'markdown' });
      continue;
    }
    if (!readPlain) continue;
    const title = plainHeadingTitle(block);
    if (title === null) continue;
    const next = blocks[i + 1];
    const isTitle = i === 0;
    if (!next || (!isTitle && !introducesContent(next))) continue;
    heads.push({ block, title, level: isTitle ? 1 : 2, written: 'plain' });
  }
  const sections: Section[] = [];
  for (let h = 0; h < heads.length; h++) {
    const head = heads[h]!;
    let end = lastContentEnd(blocks, Infinity, head.block.end);
    for (let k = h + 1; k < heads.length; k++) {
      if (heads[k]!.level <= head.level) {
        end = lastContentEnd(blocks, heads[k]!.block.start, head.block.end);
        break;
      }
    }
    sections.push({
      start: head.block.start,
      end,
      title: head.title,
      level: head.level,
      headingStart: head.block.start,
      headingEnd: head.block.end,
      written: head.written,
    });
  }
  return sections;
}

/** The end of the last block before `before` (at least `floor`). */
function lastContentEnd(blocks: readonly DocBlock[], before: number, floor: number): number {
  // Blocks are sorted and do not overlap, so the last block starting before `before` ends last
  // (a binary search: a scan from the start for every heading was quadratic in long documents).
  const last = blocks[partitionPoint(blocks, (b) => b.start < before) - 1];
  return last && last.end > floor ? last.end : floor;
}

/** The block's text if it reads as a plain-line heading, else null. */
export function plainHeadingTitle(block: DocBlock): string | null {
  if (block.kind !== 'paragraph' || block.lines.length !== 1) return null;
  // A line holding a link or code is a caption, a button or prose, not a heading.
  if (block.excluded.length > 0) return null;
  const title = block.plain.text.trim();
  if (title.length < 3 || title.length > MAX_HEADING_LENGTH) return null;
  if (!/^[\p{Lu}\p{N}]/u.test(title)) return null;
  if (/[.!?:;,]$/.test(title)) return null;
  if (CAPTION.test(title) || LABEL_LINE.test(title)) return null;
  if (title.split(/\s+/).length > MAX_HEADING_WORDS) return null;
  // Citation markers and tab-separated cells belong to prose and tables.
  if (/\[\d|\t/.test(title)) return null;
  return title;
}

function introducesContent(next: DocBlock): boolean {
  if (next.kind === 'paragraph') return plainHeadingTitle(next) === null;
  return next.kind !== 'thematicBreak' && next.kind !== 'heading';
}
