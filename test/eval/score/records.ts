/**
 * Records: a system record is found when it overlaps the gold span, names the same ligand (one
 * normalised name containing the other) and has the same value in a compatible unit (for an
 * effect-only record, the same effect value). Matched one to one; optional gold skipped both ways.
 * Target, measure and references are attribute accuracies over the found records.
 */
import type { Analysis, DataRecord } from '../../../src/core/types.js';
import { emptyCounts, type Counts } from '../counts.js';
import type { Finding } from '../findings.js';
import type { Gold, GoldRecord } from '../gold.js';
import { namesMatch, normaliseText, sameNumber, sameQuantity } from '../normalise.js';
import { inRegions, overlaps } from '../spans.js';
import type { ReferenceAlignment } from './references.js';

export interface Accuracy {
  correct: number;
  total: number;
}

export const RECORD_ATTRIBUTES = ['target', 'measure', 'references'] as const;
export type RecordAttribute = (typeof RECORD_ATTRIBUTES)[number];

export interface RecordScore {
  readonly counts: Counts;
  readonly attributes: Record<RecordAttribute, Accuracy>;
  readonly findings: Finding[];
}

function sameValue(gold: GoldRecord, system: DataRecord): boolean {
  if (gold.value !== null) return system.value !== null && sameQuantity(gold.value, gold.unit, system.value, system.unit);
  return sameNumber(gold.effect?.value, system.effect?.value);
}

export function recordMatches(gold: GoldRecord, system: DataRecord): boolean {
  return overlaps(gold, system) && namesMatch(gold.ligand, system.ligand?.text) && sameValue(gold, system);
}

const describe = (ligand: string | null | undefined, measure: string | null, value: number | null, unit: string | null) =>
  [ligand ?? '(no ligand)', measure ?? '', value ?? '', unit ?? ''].filter((x) => x !== '').join(' ');

export function scoreRecords(gold: Gold, analysis: Analysis, alignment: ReferenceAlignment): RecordScore {
  const system = analysis.records.filter((r) => inRegions(r, gold.regions));
  const required = gold.records.filter((r) => !r.optional);
  const optional = gold.records.filter((r) => r.optional);
  const used = new Set<number>();
  const attributes: Record<RecordAttribute, Accuracy> = { target: { correct: 0, total: 0 }, measure: { correct: 0, total: 0 }, references: { correct: 0, total: 0 } };
  const findings: Finding[] = [];
  const goldIdOf = referenceIds(gold, analysis, alignment);
  const counts = emptyCounts();
  counts.gold = required.length;
  for (const g of required) {
    const s = system.findIndex((r, k) => !used.has(k) && recordMatches(g, r));
    if (s < 0) {
      findings.push(missedRecord(g, system, analysis));
      continue;
    }
    used.add(s);
    counts.foundGold++;
    for (const [name, ok, got] of attributeChecks(g, system[s]!, goldIdOf)) {
      attributes[name].total++;
      if (ok) attributes[name].correct++;
      else findings.push({ area: 'records', type: 'wrong', start: g.start, end: g.end, text: `${describe(g.ligand, g.measure, g.value, g.unit)}: ${name} ${got}`, key: `${name} differs` });
    }
  }
  counts.correctSystem = used.size;
  system.forEach((r, k) => {
    if (used.has(k)) return;
    if (optional.some((g) => recordMatches(g, r))) return;
    counts.system++;
    findings.push({ area: 'records', type: 'false-positive', start: r.start, end: r.end, text: describe(r.ligand?.text, r.measure, r.value, r.unit), key: 'no gold record' });
  });
  counts.system += used.size;
  return { counts, attributes, findings };
}

/** System reference number → gold reference id, through the aligned entries. */
function referenceIds(gold: Gold, analysis: Analysis, alignment: ReferenceAlignment): Map<number, string> {
  const out = new Map<number, string>();
  analysis.references.forEach((r, s) => {
    const g = alignment.goldOf.get(s);
    if (g !== undefined && !out.has(r.number)) out.set(r.number, gold.references[g]!.id);
  });
  return out;
}

function attributeChecks(g: GoldRecord, s: DataRecord, goldIdOf: Map<number, string>): [RecordAttribute, boolean, string][] {
  const target = g.target === null ? s.target === null : namesMatch(g.target, s.target?.text);
  const measure = normaliseText(g.measure ?? '') === normaliseText(s.measure ?? '');
  const got = [...new Set(s.references.map((n) => goldIdOf.get(n) ?? `#${n}`))].sort();
  const want = [...new Set(g.references)].sort();
  const references = got.length === want.length && got.every((x, i) => x === want[i]);
  return [
    ['target', target, `"${s.target?.text ?? 'none'}" (gold "${g.target ?? 'none'}")`],
    ['measure', measure, `${s.measure ?? 'none'} (gold ${g.measure ?? 'none'})`],
    ['references', references, `[${got.join(', ')}] (gold [${want.join(', ')}])`],
  ];
}

/** Why a gold record was not found: no system record there, another ligand, another value. */
function missedRecord(g: GoldRecord, system: readonly DataRecord[], analysis: Analysis): Finding {
  const there = system.filter((r) => overlaps(g, r));
  const inTable = analysis.tables.some((t) => overlaps(t, g));
  let key: string;
  if (there.length === 0) key = inTable ? 'table row not read as a record' : 'prose not read as a record';
  else if (!there.some((r) => namesMatch(g.ligand, r.ligand?.text))) key = 'ligand differs';
  else key = 'value or unit differs';
  const near = there.length > 0 ? ` (system: ${there.map((r) => describe(r.ligand?.text, r.measure, r.value, r.unit)).join('; ')})` : '';
  return { area: 'records', type: 'miss', start: g.start, end: g.end, text: `${describe(g.ligand, g.measure, g.value, g.unit)}${near}`, key };
}
