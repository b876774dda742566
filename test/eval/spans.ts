/** Span arithmetic and the one-to-one alignment of two lists of spans. */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

/** Whether a span counts as inside the regions: it starts in one of them. */
export function inRegions(span: Span, regions: readonly Span[]): boolean {
  return regions.some((r) => span.start >= r.start && span.start < r.end);
}

/**
 * Pairs each gold span with at most one system span and back, by span overlap: the pairs that
 * overlap most are taken first (ties: the closer starts, then document order).
 * Returns, for each gold index, the system index it is paired with, or -1.
 */
export function alignOneToOne(gold: readonly Span[], system: readonly Span[]): number[] {
  const candidates: { g: number; s: number; overlap: number; distance: number }[] = [];
  const order = system.map((_, i) => i).sort((a, b) => system[a]!.start - system[b]!.start);
  for (let g = 0; g < gold.length; g++) {
    const span = gold[g]!;
    // System spans sorted by start: the ones starting before the gold span ends.
    for (const s of order) {
      const other = system[s]!;
      if (other.start >= span.end) break;
      const overlap = overlapLength(span, other);
      if (overlap > 0) candidates.push({ g, s, overlap, distance: Math.abs(span.start - other.start) });
    }
  }
  candidates.sort((a, b) => b.overlap - a.overlap || a.distance - b.distance || a.g - b.g || a.s - b.s);
  const ofGold = new Array<number>(gold.length).fill(-1);
  const taken = new Set<number>();
  for (const c of candidates) {
    if (ofGold[c.g] !== -1 || taken.has(c.s)) continue;
    ofGold[c.g] = c.s;
    taken.add(c.s);
  }
  return ofGold;
}
