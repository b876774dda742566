/** Problems a reader should know about: missing, uncited and duplicate references. */
import { limitMessage } from './parse/limits.js';
import type { DocBlock } from './parse/document.js';
import type { Citation, Diagnostic, Reference } from './types.js';

/**
 * Diagnostics of the reference list against the markers:
 * - `missing-reference` (error) at each number cited with no entry in the list;
 * - `uncited-reference` (information) at the label of each entry no marker cites;
 * - `duplicate-reference` (warning) at the label of each entry listing the same work as an
 *   earlier one, related to that earlier entry.
 * Sorted by position.
 */
export function computeDiagnostics(references: readonly Reference[], citations: readonly Citation[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byNumber = new Map<number, Reference>();
  for (const r of references) if (!byNumber.has(r.number)) byNumber.set(r.number, r);
  const hasList = references.length > 0;
  for (const citation of citations) {
    // Most markers cite only listed numbers: the set of those reported is made for the others alone.
    let reported: Set<number> | undefined;
    for (const part of citation.parts) {
      if (byNumber.has(part.number) || reported?.has(part.number)) continue;
      (reported ??= new Set()).add(part.number);
      out.push({
        code: 'missing-reference',
        severity: 'error',
        start: part.start,
        end: part.end,
        number: part.number,
        message: hasList
          ? `Reference ${part.number} is cited but not in the reference list`
          : `Reference ${part.number} is cited but the document has no reference list`,
        related: [],
      });
    }
  }
  for (const r of references) {
    if (r.citedBy.length === 0) {
      out.push({
        code: 'uncited-reference',
        severity: 'information',
        start: r.labelStart,
        end: r.labelEnd,
        number: r.number,
        message: `Reference ${r.number} is not cited in the text`,
        related: [],
      });
    }
    const original = r.duplicateOf === null ? undefined : byNumber.get(r.duplicateOf);
    if (original) {
      out.push({
        code: 'duplicate-reference',
        severity: 'warning',
        start: r.labelStart,
        end: r.labelEnd,
        number: r.number,
        message: `Reference ${r.number} lists the same work as reference ${original.number}`,
        related: [{ start: original.labelStart, end: original.labelEnd, message: `First listed as reference ${original.number}` }],
      });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A `read-as-plain-text` warning on the first line of each block a parsing guard stopped. */
export function limitDiagnostics(blocks: readonly DocBlock[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const block of blocks) {
    if (!block.limit) continue;
    const first = block.lines[0];
    out.push({
      code: 'read-as-plain-text',
      severity: 'warning',
      start: block.start,
      end: first ? Math.max(first.end, block.start) : block.end,
      number: 0,
      message: limitMessage(block.limit),
      related: [],
    });
  }
  return out;
}
