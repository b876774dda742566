/** What the recogniser passes between its steps: entity definitions and candidate matches. */
import type { EntityIdentifiers, EntityKind, EntitySource } from '../types.js';

/** An entity as the document comes to know it (before counting mentions). */
export interface EntityDef {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly class: string | null;
  readonly identifiers: EntityIdentifiers;
  readonly related: readonly string[];
  readonly source: EntitySource;
  readonly provenance: string;
}

/** A possible mention, in plain-text coordinates of one block. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Null for a non-entity (reagent, URL) that blocks what it overlaps. */
  readonly entity: EntityDef | null;
  /** Source of this mention (an abbreviation's mention may point at a lexicon entity). */
  readonly source: EntitySource;
  /**
   * The source follows the entity: workspace for a workspace entity, else lexicon. Set where a
   * block read on its own cannot know which definition of the entity the document keeps.
   */
  readonly sourceOfEntity?: true;
}

/** Which candidate wins when two cover the same text. */
export function rank(c: Candidate): number {
  if (!c.entity) return 6;
  switch (c.source) {
    case 'workspace':
      return 5;
    case 'abbreviation':
      return 4;
    case 'lexicon':
      return 3;
    case 'table':
      return 2;
    case 'pattern':
      return c.entity.kind === 'target' ? 1 : 0;
  }
}

/** Leftmost-longest choice of non-overlapping candidates; blockers win and are dropped. */
export function selectCandidates(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || rank(b) - rank(a));
  const chosen: Candidate[] = [];
  let end = -1;
  for (const c of candidates) {
    if (c.start < end || c.end <= c.start) continue;
    end = c.end;
    if (c.entity) chosen.push(c);
  }
  return chosen;
}
