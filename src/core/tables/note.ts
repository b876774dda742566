/** The note under a table: footnote letters, "Note:", "Values are means ± SEM (μM)…". */
import type { DocBlock } from '../parse/index.js';
import { isCaptionLine } from './caption.js';
import { collapseBlanks } from './cells.js';

/** How a table note starts: a footnote mark, or words that describe the table's values. */
const NOTE_START =
  /^[\s_>]*(?:[†‡§¶]|\*(?!\*)|(?:\*\*|__)?(?:<sup>\s*[a-z*†‡§]{1,2}\s*<\/sup>|\^\{?[a-z*]\}?|[ᵃᵇᶜᵈᵉ]|[a-e][.)]?\s+(?=\p{Lu})|(?:Notes?|Footnotes?|Abbreviations?|Legend)\s*[:.]|(?:Values?|Data|Results|Numbers|Each value|IC50s?|EC50s?|Ki)\s+(?:are|were|represent|shown|expressed|given|is|was)\b))/u;
/** A note longer than this is prose, not a note. */
const MAX_NOTE = 800;

/** The note a block holds when it sits right under a table, else null. */
export function noteOf(block: DocBlock | undefined): { text: string; start: number; end: number } | null {
  if (!block || block.kind !== 'paragraph') return null;
  const first = block.lines[0]?.text ?? '';
  if (!NOTE_START.test(first) || isCaptionLine(first)) return null;
  const { text, offsets } = block.plain;
  let a = 0;
  let b = text.length - 1;
  while (a <= b && text[a]!.trim() === '') a++;
  while (b >= a && text[b]!.trim() === '') b--;
  if (a > b || b - a + 1 > MAX_NOTE) return null;
  return { text: collapseBlanks(text.slice(a, b + 1)), start: offsets[a]!, end: offsets[b]! + 1 };
}
