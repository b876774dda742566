/**
 * Reference fields: each non-null field of each aligned entry is one unit, gold side and system
 * side; a unit is right when the normalised values are equal (authors: the family-name list).
 */
import type { Analysis } from '../../../src/core/types.js';
import { addCounts, emptyCounts, type Counts } from '../counts.js';
import type { Finding } from '../findings.js';
import { FIELD_NAMES, type FieldName, type Gold, type GoldFields } from '../gold.js';
import { familyList, normaliseField } from '../normalise.js';
import { systemFields, type SystemFields } from '../system.js';
import type { ReferenceAlignment } from './references.js';

export interface FieldScore {
  readonly perField: Record<FieldName, Counts>;
  readonly micro: Counts;
  readonly findings: Finding[];
}

function goldValue(fields: GoldFields, name: FieldName): string | null {
  if (name === 'authors') return familyList(fields.authors?.map((a) => a.family));
  return normaliseField(name, fields[name]);
}

function systemValue(fields: SystemFields, name: FieldName): string | null {
  if (name === 'authors') return familyList(fields.families);
  return normaliseField(name, fields.values[name]);
}

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function scoreFields(gold: Gold, analysis: Analysis, alignment: ReferenceAlignment): FieldScore {
  const perField = Object.fromEntries(FIELD_NAMES.map((n) => [n, emptyCounts()])) as Record<FieldName, Counts>;
  const findings: Finding[] = [];
  gold.references.forEach((entry, g) => {
    const s = alignment.systemOf[g]!;
    if (s < 0) return;
    const fields = systemFields(analysis.references[s]!);
    for (const name of FIELD_NAMES) {
      const want = goldValue(entry.fields, name);
      const got = systemValue(fields, name);
      const c = perField[name];
      if (want !== null) c.gold++;
      if (got !== null) c.system++;
      if (want !== null && want === got) {
        c.foundGold++;
        c.correctSystem++;
        continue;
      }
      if (want === null && got === null) continue;
      const at = { area: 'fields' as const, start: entry.start, end: entry.end };
      if (got === null) findings.push({ ...at, type: 'miss', text: `${entry.id} ${name}: "${clip(want!)}" not read`, key: `${name}: not read` });
      else if (want === null) findings.push({ ...at, type: 'false-positive', text: `${entry.id} ${name}: "${clip(got)}" read, the entry has none`, key: `${name}: read where there is none` });
      else findings.push({ ...at, type: 'wrong', text: `${entry.id} ${name}: "${clip(want)}" ≠ "${clip(got)}"`, key: `${name}: different value` });
    }
  });
  const micro = Object.values(perField).reduce(addCounts, emptyCounts());
  return { perField, micro, findings };
}
