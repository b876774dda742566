/**
 * References: gold entries aligned one to one with the system's by span overlap; an entry is found
 * when aligned and, in a numbered list, given the same number (in a footnote list, the same label).
 */
import type { Analysis, Reference } from '../../../src/core/types.js';
import { emptyCounts, type Counts } from '../counts.js';
import type { Finding } from '../findings.js';
import type { Gold, GoldReference } from '../gold.js';
import { alignOneToOne } from '../spans.js';

export interface ReferenceAlignment {
  /** For each gold entry, the index of its system entry, or -1. */
  readonly systemOf: readonly number[];
  /** System entry index → gold entry index. */
  readonly goldOf: ReadonlyMap<number, number>;
}

export function alignReferences(gold: Gold, analysis: Analysis): ReferenceAlignment {
  const systemOf = alignOneToOne(gold.references, analysis.references);
  const goldOf = new Map<number, number>();
  systemOf.forEach((s, g) => {
    if (s >= 0) goldOf.set(s, g);
  });
  return { systemOf, goldOf };
}

/** Whether an aligned entry carries the gold's number (numbered lists) or label (footnotes). */
export function sameNumbering(gold: Gold, entry: GoldReference, system: Reference): boolean {
  const scheme = gold.referenceList?.scheme;
  if (scheme === 'footnote') return system.label === entry.id || String(system.number) === entry.id;
  if (scheme === 'numeric' && /^\d+$/.test(entry.id)) return system.number === Number(entry.id);
  return true;
}

export interface ReferenceScore {
  readonly counts: Counts;
  readonly findings: Finding[];
}

const clip = (s: string, n = 80) => {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

export function scoreReferences(gold: Gold, analysis: Analysis, alignment: ReferenceAlignment): ReferenceScore {
  const counts = emptyCounts();
  const findings: Finding[] = [];
  counts.gold = gold.references.length;
  counts.system = analysis.references.length;
  gold.references.forEach((entry, g) => {
    const s = alignment.systemOf[g]!;
    const system = s >= 0 ? analysis.references[s]! : undefined;
    if (system && sameNumbering(gold, entry, system)) {
      counts.foundGold++;
      counts.correctSystem++;
    } else if (system) {
      const text = `${entry.id}: read as ${system.label ?? system.number} — ${clip(entry.text)}`;
      findings.push({ area: 'references', type: 'wrong', start: entry.start, end: entry.end, text, key: 'numbered differently' });
    } else {
      findings.push({ area: 'references', type: 'miss', start: entry.start, end: entry.end, text: clip(entry.text), key: 'entry not found' });
    }
  });
  analysis.references.forEach((r, s) => {
    if (alignment.goldOf.has(s)) return;
    const key = gold.referenceList === null ? 'entry invented (no reference list)' : 'entry with no gold entry';
    findings.push({ area: 'references', type: 'false-positive', start: r.start, end: r.end, text: clip(r.text), key });
  });
  return { counts, findings };
}
