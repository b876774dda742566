/**
 * What every analysis of every text must satisfy, whatever the text holds. Each check returns the
 * list of violations (empty when the analysis is sound), so a failing case says what went wrong.
 */
import type { Analysis } from '../../../src/core/types.js';

const OFFSET_PAIRS: readonly (readonly [string, string])[] = [
  ['start', 'end'],
  ['labelStart', 'labelEnd'],
  ['headingStart', 'headingEnd'],
  ['captionStart', 'captionEnd'],
];

/** Every span of the analysis lies inside the text and is well-formed (start ≤ end). */
export function spanViolations(analysis: Analysis, length: number): string[] {
  const out: string[] = [];
  if (analysis.length !== length) out.push(`length ${analysis.length} ≠ ${length}`);
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    for (const [a, b] of OFFSET_PAIRS) {
      const s = record[a];
      const e = record[b];
      if (s === null && e === null) continue;
      if (s === undefined && e === undefined) continue;
      if (typeof s !== 'number' || typeof e !== 'number') {
        out.push(`${path}.${a}/${b} is not a pair of numbers`);
        continue;
      }
      if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e > length || s > e) out.push(`${path}: ${a}=${s}, ${b}=${e} (length ${length})`);
    }
    for (const [key, v] of Object.entries(record)) if (v !== null && typeof v === 'object') visit(v, `${path}.${key}`);
  };
  visit(analysis, 'analysis');
  return out;
}

/** Citations are sorted and never overlap; each part lies inside its marker. */
export function citationViolations(analysis: Analysis): string[] {
  const out: string[] = [];
  analysis.citations.forEach((c, i) => {
    const next = analysis.citations[i + 1];
    if (next && next.start < c.end) out.push(`citation ${i} [${c.start},${c.end}) overlaps the next [${next.start},${next.end})`);
    for (const p of c.parts) if (p.start < c.start || p.end > c.end) out.push(`citation ${i}: part ${p.number} outside the marker`);
  });
  return out;
}

/** Every number a marker cites is an entry of the reference list or has a missing-reference diagnostic. */
export function resolutionViolations(analysis: Analysis): string[] {
  const listed = new Set(analysis.references.map((r) => r.number));
  const missing = new Set(analysis.diagnostics.filter((d) => d.code === 'missing-reference').map((d) => d.number));
  const out: string[] = [];
  for (const c of analysis.citations) {
    for (const n of c.numbers) if (!listed.has(n) && !missing.has(n)) out.push(`[${c.text}] cites ${n}: neither listed nor reported missing`);
  }
  return out;
}

/** Every check at once. */
export function violations(analysis: Analysis, text: string): string[] {
  return [...spanViolations(analysis, text.length), ...citationViolations(analysis), ...resolutionViolations(analysis)];
}

/**
 * The findings of an analysis with every offset passed through `map` (for comparing a text with its
 * CRLF twin): what was found where, without the text fields a line ending can change.
 */
export function findings(analysis: Analysis, map: (offset: number) => number = (o) => o): unknown {
  return {
    citations: analysis.citations.map((c) => [map(c.start), map(c.end), c.style, c.numbers]),
    references: analysis.references.map((r) => [map(r.start), map(r.end), r.number, r.year, r.doi, r.citedBy]),
    entities: analysis.entities.map((e) => [map(e.start), map(e.end), e.id, e.kind, e.source]),
    quantities: analysis.quantities.map((q) => [map(q.start), map(q.end), q.value, q.unit, q.measure]),
    tables: analysis.tables.map((t) => [map(t.start), map(t.end), t.layout, t.header.length, t.rows.length]),
    sections: analysis.sections.map((s) => [map(s.start), s.title, s.level]),
    diagnostics: analysis.diagnostics.map((d) => [map(d.start), map(d.end), d.code, d.number]),
  };
}

/** Maps an offset of an LF text to the same place in its CRLF twin. */
export function lfToCrlf(text: string): (offset: number) => number {
  const before = new Int32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    before[i] = count;
    if (text.charCodeAt(i) === 10) count++;
  }
  before[text.length] = count;
  return (offset) => offset + before[offset]!;
}
