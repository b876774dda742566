/** Table captions: "Table 1: …", "**Table 2.** …", "TABLE S3 – …". */
import type { DocBlock } from '../parse/index.js';
import { collapseBlanks } from './cells.js';

const CAPTION = /^[\s*_#>]*(?:Table|TABLE|Tab\.)[ \u00a0]*(?:S?\d{1,3}[A-Za-z]?|[IVXL]{1,5})\b/;

/** True when a line reads as a table caption. */
export function isCaptionLine(line: string): boolean {
  return CAPTION.test(line);
}

/** A block that is a caption: one short line (or heading) starting "Table N". */
export function captionOf(block: DocBlock | undefined): { text: string; start: number; end: number } | null {
  if (!block || (block.kind !== 'paragraph' && block.kind !== 'heading')) return null;
  if (block.lines.length !== 1 || !isCaptionLine(block.plain.text)) return null;
  const { text, offsets } = block.plain;
  let first = 0;
  let last = text.length - 1;
  while (first <= last && text[first]!.trim() === '') first++;
  while (last >= first && text[last]!.trim() === '') last--;
  if (first > last) return null;
  return { text: collapseBlanks(text), start: offsets[first]!, end: offsets[last]! + 1 };
}
