/**
 * Mass concentrations (`μg/mL`) made molar where the document gives the compound's molar mass: a
 * table column headed `MW` / `Molecular weight`, or a sentence "X (MW 289.4)", "the molecular
 * weight of X is 289.4 g/mol". Without one, a mass concentration keeps `molar: null`.
 */
import type { ParsedDocument } from '../parse/index.js';
import { isLogMeasure } from '../quantities/index.js';
import { rowCells, tableColumns } from '../tables/index.js';
import type { DataRecord, EntityMention, Table } from '../types.js';
import { makeRecord } from './record.js';
import { inSpan } from './spans.js';
import { pValueOf } from './standard.js';
import vocabulary from './vocabulary.json';

/** Grams per litre in one unit of each mass concentration. */
const GRAMS_PER_LITRE: Readonly<Record<string, number>> = vocabulary.massConcentrations;
const MASS_HEADER = new RegExp(`^(?:${vocabulary.molarMassWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`, 'iu');
const MASS_IN_TEXT = new RegExp(
  `(?<![\\p{L}])(?:${vocabulary.molarMassWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])\\s*(?:of\\s+[^,;.]{0,40}?\\s*)?(?:=|:|is|was|of)?\\s*(\\d{2,4}(?:\\.\\d+)?)\\s*(?:g\\s*/\\s*mol|g\\s*mol[-−⁻]1|g·mol[-−⁻]1|Da)?`,
  'giu',
);

/** The key a ligand's molar mass is known by: its entity, else its written name. */
function keyOf(ref: { id: string | null; text: string } | null): string | null {
  if (!ref) return null;
  return ref.id ?? `text:${ref.text.toLowerCase()}`;
}

function needsMass(r: DataRecord): boolean {
  return r.molar === null && r.value !== null && r.unit !== null && GRAMS_PER_LITRE[r.unit] !== undefined && keyOf(r.ligand) !== null;
}

/** Molar masses the document gives, by ligand. */
function molarMasses(doc: ParsedDocument, tables: readonly Table[], entities: readonly EntityMention[]): Map<string, number> {
  const masses = new Map<string, number>();
  const add = (key: string | null, grams: number): void => {
    if (key && grams > 0 && !masses.has(key)) masses.set(key, grams);
  };
  for (const table of tables) {
    const columns = tableColumns(table);
    const massColumn = columns.findIndex((c) => MASS_HEADER.test(c.path.at(-1)?.plain ?? ''));
    if (massColumn < 0) continue;
    for (const row of table.rows) {
      const cells = rowCells(row);
      const mass = Number((cells[massColumn]?.plain ?? '').replace(/,/g, ''));
      const ligand = inSpan(entities, row).find((m) => m.kind === 'ligand' && m.start >= row.start);
      if (ligand && Number.isFinite(mass)) add(ligand.id, mass);
    }
  }
  for (const block of doc.blocks) {
    const text = block.plain.text;
    MASS_IN_TEXT.lastIndex = 0;
    for (let m = MASS_IN_TEXT.exec(text); m; m = MASS_IN_TEXT.exec(text)) {
      const at = block.plain.offsets[m.index]!;
      // The ligand named closest before the molar mass, within the block.
      const before = inSpan(entities, { start: block.start, end: at }).filter((e) => e.kind === 'ligand' && at - e.end < 120);
      const ligand = before[before.length - 1];
      if (ligand) add(ligand.id, Number(m[1]));
    }
  }
  return masses;
}

/** `records` with the mass concentrations of ligands whose molar mass the document gives made molar. */
export function withMolarMasses(records: readonly DataRecord[], doc: ParsedDocument, tables: readonly Table[], entities: readonly EntityMention[]): DataRecord[] {
  if (!records.some(needsMass)) return records as DataRecord[];
  const masses = molarMasses(doc, tables, entities);
  if (masses.size === 0) return records as DataRecord[];
  return records.map((r) => {
    if (!needsMass(r)) return r;
    const grams = masses.get(keyOf(r.ligand)!);
    if (grams === undefined) return r;
    const molar = (r.value! * GRAMS_PER_LITRE[r.unit!]!) / grams;
    const pValue = isLogMeasure(r.measure) ? r.pValue : pValueOf(r.measure, r.relation, r.value, molar);
    return makeRecord({ ...r, molar, pValue });
  });
}
