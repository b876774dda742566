/**
 * Entities: exact span and overlap, per kind and for all kinds together (kind not compared),
 * within the regions; optional gold is skipped both ways.
 */
import { emptyCounts, type Counts } from '../counts.js';
import type { Finding } from '../findings.js';
import type { Gold, GoldEntity, GoldEntityKind } from '../gold.js';
import { normaliseText } from '../normalise.js';
import { inRegions, overlaps, sameSpan, type Span } from '../spans.js';
import type { ScoredMention } from '../system.js';

export type EntityGroup = GoldEntityKind | 'all';
export const ENTITY_GROUPS: readonly EntityGroup[] = ['ligand', 'target', 'all'];

export interface EntityScore {
  readonly exact: Record<EntityGroup, Counts>;
  readonly overlap: Record<EntityGroup, Counts>;
  readonly findings: Finding[];
}

type Match = (gold: Span, system: Span) => boolean;

function count(required: readonly Span[], optional: readonly Span[], system: readonly Span[], match: Match): Counts {
  const c = emptyCounts();
  c.gold = required.length;
  for (const g of required) if (system.some((s) => match(g, s))) c.foundGold++;
  for (const s of system) {
    if (required.some((g) => match(g, s))) {
      c.system++;
      c.correctSystem++;
    } else if (!optional.some((g) => match(g, s))) c.system++;
  }
  return c;
}

function uniqueSpans<T extends Span>(spans: readonly T[]): T[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.start}:${s.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function scoreEntities(gold: Gold, mentions: readonly ScoredMention[]): EntityScore {
  const system = mentions.filter((m) => inRegions(m, gold.regions));
  const required = gold.entities.filter((e) => !e.optional);
  const optional = gold.entities.filter((e) => e.optional);
  const exact = {} as Record<EntityGroup, Counts>;
  const overlap = {} as Record<EntityGroup, Counts>;
  for (const group of ENTITY_GROUPS) {
    const req = group === 'all' ? uniqueSpans(required) : required.filter((e) => e.kind === group);
    const sys = group === 'all' ? uniqueSpans(system) : system.filter((m) => m.kind === group);
    exact[group] = count(req, optional, sys, sameSpan);
    overlap[group] = count(req, optional, sys, overlaps);
  }
  return { exact, overlap, findings: entityFindings(required, optional, system) };
}

/** Misses and false positives by overlap (same kind), and boundaries that are off. */
function entityFindings(required: readonly GoldEntity[], optional: readonly GoldEntity[], system: readonly ScoredMention[]): Finding[] {
  const out: Finding[] = [];
  const key = (kind: string, text: string) => `${kind}: ${normaliseText(text)}`;
  for (const g of required) {
    const same = system.filter((s) => s.kind === g.kind && overlaps(g, s));
    if (same.length === 0) {
      const other = system.find((s) => overlaps(g, s));
      const note = other ? ` (found as ${other.kind} "${other.text}")` : '';
      out.push({ area: 'entities', type: 'miss', start: g.start, end: g.end, text: `${g.kind} "${g.text}"${note}`, key: key(g.kind, g.text) });
    } else if (!same.some((s) => sameSpan(g, s))) {
      const found = same.map((s) => `"${s.text}"`).join(', ');
      out.push({ area: 'entities', type: 'wrong', start: g.start, end: g.end, text: `${g.kind} "${g.text}" read as ${found}`, key: key(g.kind, g.text) });
    }
  }
  for (const s of system) {
    if (required.some((g) => g.kind === s.kind && overlaps(g, s)) || optional.some((g) => overlaps(g, s))) continue;
    const other = required.find((g) => overlaps(g, s));
    const note = other ? ` (gold: ${other.kind} "${other.text}")` : '';
    out.push({ area: 'entities', type: 'false-positive', start: s.start, end: s.end, text: `${s.kind} "${s.text}"${note}`, key: key(s.kind, s.text) });
  }
  return out;
}
