/**
 * The floor (`test/corpus/FLOOR.json`): the totals as they stand, so that a loss is seen (a total
 * more than 0.01 below its floor fails the floor test) and a gain is kept (by raising the floor).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpusRoot } from './sets.js';
import type { SetSummary, Summary } from './summary.js';

/** How far below its floor a figure may fall before the floor test fails. */
export const TOLERANCE = 0.01;

export interface Floor {
  readonly about: string;
  readonly split: 'test';
  readonly figures: Readonly<Record<string, number | null>>;
}

const round = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 10000) / 10000);

/** The totals the floor keeps, by name (`corpus.entities.exact.ligand.f1`, `bc2gm.entities.overlap.all.f1`, …). */
export function floorFigures(summary: Summary): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const set of summary.sets) Object.assign(out, setFigures(set));
  return out;
}

function setFigures(set: SetSummary): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const n = set.name;
  // A benchmark without documents (not rebuilt here) keeps no figure: its floor stays as it was.
  if (set.scored === 0 && set.absent) return out;
  if (set.citations) out[`${n}.citations.f1`] = round(set.citations.total.f1);
  if (set.references) out[`${n}.references.f1`] = round(set.references.total.f1);
  if (set.fields) out[`${n}.fields.f1`] = round(set.fields.total.f1);
  if (set.entities) {
    // Benchmarks hold one kind: their figures are those of all kinds together.
    const groups = n === 'corpus' ? Object.keys(set.entities.exact) : ['all'];
    for (const mode of ['exact', 'overlap'] as const) for (const g of groups) out[`${n}.entities.${mode}.${g}.f1`] = round(set.entities[mode][g]!.total.f1);
  }
  if (set.records) {
    out[`${n}.records.precision`] = round(set.records.total.precision);
    out[`${n}.records.recall`] = round(set.records.total.recall);
    out[`${n}.records.f1`] = round(set.records.total.f1);
  }
  return out;
}

export function floorFile(root: string): string {
  return path.join(corpusRoot(root), 'FLOOR.json');
}

export function readFloor(root: string): Floor | null {
  const file = floorFile(root);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Floor) : null;
}

export function writeFloor(root: string, summary: Summary): Floor {
  const previous = readFloor(root)?.figures ?? {};
  const current = floorFigures(summary);
  const figures: Record<string, number | null> = {};
  for (const key of [...new Set([...Object.keys(previous), ...Object.keys(current)])].sort())
    figures[key] = key in current ? current[key]! : previous[key]!;
  const floor: Floor = {
    about: 'Totals of `npm run eval` on the test sets (fractions). test/unit/corpus/floor.test.ts fails when one drops more than 0.01 below; `npm run eval -- --update-floor` rewrites this file. null: nothing to measure yet.',
    split: 'test',
    figures,
  };
  writeFileSync(floorFile(root), `${JSON.stringify(floor, null, 2)}\n`);
  return floor;
}

/** The figures below their floor (by more than the tolerance), as readable lines. */
export function belowFloor(floor: Floor, summary: Summary): string[] {
  const current = floorFigures(summary);
  const out: string[] = [];
  for (const [key, value] of Object.entries(floor.figures)) {
    if (value === null) continue;
    if (!(key in current)) continue; // a benchmark not rebuilt on this machine
    const now = current[key];
    if (now === null || now === undefined) out.push(`${key}: floor ${value}, now nothing is measured`);
    else if (now < value - TOLERANCE) out.push(`${key}: ${now} is below its floor ${value} (by ${(value - now).toFixed(4)})`);
  }
  return out;
}
