/** Citation markers found block by block, each block's markers remembered by its content. */
import { citationScanner } from '../citations/index.js';
import type { DocBlock, ParsedDocument } from '../parse/index.js';
import type { FoundReferences } from '../references/index.js';
import type { Citation } from '../types.js';
import { perBlock } from './blocks.js';
import type { IncrementalState } from './state.js';

/**
 * What of the reference list the marker scan reads: the known numbers, footnote labels, the scheme
 * and, for author–year lists, the entries themselves. Markers remembered under another context
 * are not reused.
 */
function referenceContext(found: FoundReferences): string {
  const scheme = found.list?.scheme ?? 'none';
  const numbers = found.entries.map((e) => (e.label === undefined ? `${e.number}` : `${e.number}=${e.label}`)).join(',');
  const authorYear = scheme === 'author-year' ? found.entries.map((e) => `${e.authors.join(';')}|${e.year}|${e.text}`).join('\n') : '';
  return `${scheme}\u0003${numbers}\u0003${authorYear}`;
}

/** The same citations as `findCitations(doc, found)`, reading only the blocks not seen before. */
export function citationsByBlock(doc: ParsedDocument, found: FoundReferences, state: IncrementalState | undefined): Citation[] {
  const scan = citationScanner(found);
  const entries = found.entries;
  let first = Infinity;
  let last = -Infinity;
  for (const e of entries) {
    if (e.start < first) first = e.start;
    if (e.end > last) last = e.end;
  }
  // Blocks holding reference entries skip them; their reading depends on where the entries sit.
  const holdsEntries = (block: DocBlock): boolean => block.start < last && first < block.end;
  const all = perBlock(doc, (block) => scan(doc.text, block), state?.memo<readonly Citation[]>('citations'), { context: referenceContext(found), uncached: holdsEntries });
  const out: Citation[] = [];
  for (const c of all) {
    const previous = out[out.length - 1];
    if (!previous || previous.end <= c.start) out.push(c);
  }
  return out;
}
