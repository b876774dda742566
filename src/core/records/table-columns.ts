/**
 * Table columns as the records read them: what each holds (values, a ligand named in its header,
 * a target named by its group), and which describe each row's value (a unit column, a label column).
 */
import { isDataCell, rowCells, tableColumns } from '../tables/index.js';
import type { EntityMention, RecordEntityRef, Table, TableCell } from '../types.js';
import { headerMeasure, isHeaderText, readColumn, roleOfHeader, type Column } from './columns.js';
import { longestMention } from './mentions.js';
import type { TableDefaults } from './table-context.js';
import vocabulary from './vocabulary.json';

/** A column as the records read it: its header reading and what its cells hold. */
export interface ReadColumn extends Column {
  /** Most of its filled cells are values. */
  readonly numeric: boolean;
  /** For a transposed table, the ligand its header names. */
  readonly headerLigand: RecordEntityRef | null;
  /** The target its header path names (a group header, or a target named in the header). */
  readonly headerTarget: RecordEntityRef | null;
}

const NOT_TARGETS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${vocabulary.groupsNotTargets.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);

/** A unit in parentheses at the end of a header: `DPP-8 (μM)`. */
const UNIT_AFTER = /\s*[([][^()[\]]*[)\]]\s*$/;

/** Column readings with what their cells hold. */
export function readTableColumns(table: Table, entities: readonly EntityMention[]): ReadColumn[] {
  return tableColumns(table).map((column, index) => {
    const base = readColumn(index, column.path);
    let filled = 0;
    let data = 0;
    for (const row of table.rows) {
      const cell = rowCells(row)[index];
      if (!cell || cell.plain === '') continue;
      filled++;
      if (isDataCell(cell.plain)) data++;
    }
    const numeric = filled > 0 && data * 2 >= filled;
    const lowest = column.path[column.path.length - 1];
    const ligandMention = lowest && index > 0 ? longestMention(entities, lowest, 'ligand') : null;
    return {
      ...base,
      // A number never names a target: a "receptor" column of numbers holds values under that header.
      role: base.role === 'target' && numeric ? 'measure' : base.role,
      numeric,
      headerLigand: ligandMention && numeric ? ligandMention : null,
      headerTarget: headerTarget(column.path, entities),
    };
  });
}

/**
 * The target a header path names: a target mention in any of its cells; else a group header, or a
 * lowest header over values (`D2`), that names no measure, unit, role or ligand.
 */
function headerTarget(path: readonly TableCell[], entities: readonly EntityMention[]): RecordEntityRef | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const mention = longestMention(entities, path[i]!, 'target');
    if (mention) return mention;
  }
  // Under a group of cells or tissues (`Cell growth inhibition › A549`), the headers name where, not against what.
  if (path.slice(0, -1).some((p) => roleOfHeader(p.plain) === 'context')) return null;
  for (let i = path.length - 1; i >= 0; i--) {
    const cell = path[i]!;
    const lowest = i === path.length - 1;
    if (cell.plain === '' || isDataCell(cell.plain) || NOT_TARGETS.test(cell.plain)) continue;
    // A name with its unit (`DPP-8 (μM)`) under a measure names the target.
    const named = lowest ? cell.plain.replace(UNIT_AFTER, '') : cell.plain;
    const bare = named !== cell.plain && named !== '' && !isHeaderText(named) && path.slice(0, i).some((p) => headerMeasure(p.plain) !== null);
    if (!bare && (lowest ? isHeaderText(cell.plain) || longestMention(entities, cell, 'ligand') : isHeaderText(cell.plain) && roleOfHeader(cell.plain) !== 'target')) continue;
    if (bare && longestMention(entities, cell, 'ligand')) continue;
    return { text: named, id: null, start: cell.start, end: cell.end };
  }
  return null;
}

const LIGAND_WORDS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${vocabulary.columns.ligand.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);
/** A compound's label in a structure–activity table: `12`, `3a`, `7711m`, `FIIN-1`, `ABT-737`. */
const COMPOUND_LABEL = /^(?:\p{Lu}[\p{L}]{0,5}[-‐]?)?\d{1,6}[a-z]{0,2}['′]?$|^\d{1,3}[A-Z]$/u;

/**
 * Without a ligand column, the first column when its cells name ligands the recogniser knows; or,
 * when the caption or the first header says the rows are compounds, when its cells are compound labels.
 */
export function fallbackLigandColumn(table: Table, columns: readonly ReadColumn[], entities: readonly EntityMention[]): ReadColumn | undefined {
  const first = columns[0];
  if (!first || first.role !== null || first.companion || first.unit !== null) return undefined;
  const cells = table.rows.map((row) => rowCells(row)[0]).filter((cell): cell is TableCell => !!cell && cell.plain !== '');
  const named = cells.filter((cell) => longestMention(entities, cell, 'ligand')).length;
  if (!first.numeric && named > 0 && named * 2 >= table.rows.length) return first;
  const aboutCompounds = LIGAND_WORDS.test(table.caption ?? '') || LIGAND_WORDS.test(first.header);
  if (!aboutCompounds || !columns.some((c) => c !== first && c.numeric)) return undefined;
  const labels = cells.filter((cell) => COMPOUND_LABEL.test(cell.plain) || longestMention(entities, cell, 'ligand')).length;
  return labels >= 2 && labels * 4 >= cells.length * 3 ? first : undefined;
}

/** Columns that describe each row's value: a `Unit` column, and a label column naming the row's measure (`Ki CYP3A4`). */
export interface RowLayout {
  readonly unit: ReadColumn | null;
  readonly label: ReadColumn | null;
}

const wholeHeader = (words: readonly string[]): RegExp =>
  new RegExp(`^(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`, 'i');
const UNIT_HEADER = wholeHeader(vocabulary.unitColumns);
const LABEL_HEADER = wholeHeader(vocabulary.labelColumns);
const GENERIC_VALUE_HEADER = wholeHeader(vocabulary.genericValueColumns);

const lowestHeader = (c: Column): string => (c.path.at(-1)?.plain ?? '').replace(/\s*[([][^()[\]]*[)\]]\s*$/, '').trim();

export function rowLayout(columns: readonly ReadColumn[], ligandColumn: ReadColumn | null, defaults: TableDefaults): RowLayout {
  const unit = columns.find((c) => UNIT_HEADER.test(lowestHeader(c))) ?? null;
  const firstValue = columns.find((c) => c !== unit && isValueColumn(c, defaults, { unit, label: null }));
  const candidate = (c: ReadColumn): boolean => c !== unit && c !== ligandColumn && !c.companion && !c.numeric && firstValue !== undefined && c.index < firstValue.index;
  const label = columns.find((c) => candidate(c) && LABEL_HEADER.test(lowestHeader(c))) ?? columns.find((c) => candidate(c) && c.role === null) ?? null;
  return { unit, label };
}

/** A column headed only "Value" (or "Optimized value"): its numbers are records when the row or caption names a measure. */
export function isGenericValueColumn(column: ReadColumn): boolean {
  return column.measure === null && GENERIC_VALUE_HEADER.test(lowestHeader(column));
}

/** A column whose cells are the values of records: it names a measure or a unit (or the caption does), and holds numbers. */
export function isValueColumn(column: ReadColumn, defaults: TableDefaults, layout: RowLayout | null = null): boolean {
  if (column.companion || column.role === 'ligand' || column.role === 'references' || column.role === 'context' || column.role === 'effect') return false;
  if (column.role === 'target') return false;
  if (column.role === 'measure') return true;
  // Beside a Unit column, each row gives its numbers' unit: `| Km | µmol/L | 23.1 | 9.6 |` under target headers.
  if (layout?.unit && column !== layout.unit && column.numeric) return true;
  return column.numeric && (column.unit !== null || column.measure !== null || defaults.measure !== null);
}

/** A "Concentration" or "Dose" column: its unit is the cell's own, not the caption's potency unit. */
export function isConcentrationColumn(column: ReadColumn): boolean {
  return column.role === 'measure' && column.measure === null;
}

/** Two columns under the same group header (or both without one). */
export function sameGroup(a: Column, b: Column): boolean {
  const ga = a.path.slice(0, -1);
  const gb = b.path.slice(0, -1);
  return ga.length === gb.length && ga.every((c, i) => c.plain === gb[i]!.plain);
}
