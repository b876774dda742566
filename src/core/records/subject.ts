/**
 * The ligand a document is about (an evaluation report, a monograph): named far more often than any
 * other. Tables of such documents list values against targets without naming it in the table.
 */
import type { EntityMention, RecordEntityRef } from '../types.js';

/** Mentions the subject needs, and how many times more than the next ligand. */
const MIN_MENTIONS = 5;
const LEAD_FACTOR = 3;

/** The subject ligand of a document, as its first mention, or null when no ligand stands out. */
export function documentSubject(entities: readonly EntityMention[]): RecordEntityRef | null {
  const m = subjectMention(entities);
  return m && { text: m.text, id: m.id, start: m.start, end: m.end };
}

/** The first mention of the document's subject ligand ({@link documentSubject}), or null. */
export function subjectMention(entities: readonly EntityMention[]): EntityMention | null {
  const counts = new Map<string, { n: number; first: EntityMention }>();
  // A name known only by its form (a chemical ending, a trade mark) counts for no subject, unless it
  // holds a known ligand's name (a metabolite: nor-X, hydroxy-X).
  const known = new Set(entities.filter((m) => m.kind === 'ligand' && m.source !== 'pattern').map((m) => m.name.toLowerCase()));
  const derived = (m: EntityMention): boolean => [...known].some((name) => name.length >= 4 && m.text.toLowerCase().includes(name));
  for (const m of entities) {
    if (m.kind !== 'ligand' || (m.source === 'pattern' && !derived(m))) continue;
    const known = counts.get(m.id);
    if (known) known.n++;
    else counts.set(m.id, { n: 1, first: m });
  }
  let best: { n: number; first: EntityMention } | null = null;
  let second = 0;
  for (const entry of counts.values()) {
    if (!best || entry.n > best.n) {
      second = best?.n ?? 0;
      best = entry;
    } else if (entry.n > second) second = entry.n;
  }
  if (!best || best.n < MIN_MENTIONS || best.n < LEAD_FACTOR * second) return null;
  return best.first;
}
