/**
 * Records of one table: for every row, one record per value column (a column whose header names a
 * measure or a unit), with the ligand from the row (or, when the table is transposed, from the
 * column's header), the target from the row's target column, the column's group header, a row
 * that heads a group of rows, or the caption; effects, context, references and companions
 * (`n`, SD/SEM, `nH`) from the other columns.
 */
import { parseQuantity, scanQuantities, unitInfo, isLogMeasure } from '../quantities/index.js';
import { isDataCell, rowCells, sectionCell } from '../tables/index.js';
import type { Citation, DataRecord, EntityKind, EntityMention, Quantity, RecordEntityRef, RecordRelation, Table, TableCell, TableRow } from '../types.js';
import { headerErrorKind, headerMeasure, headerUnit, labelRemainder, type Column } from './columns.js';
import { readEffect } from './effect.js';
import { longestMention, namesOnlyChemicals, targetIn } from './mentions.js';
import { makeRecord } from './record.js';
import { referencesOf } from './references.js';
import { pValueOf, standardType } from './standard.js';
import {
  fallbackLigandColumn,
  isConcentrationColumn,
  isGenericValueColumn,
  isValueColumn,
  readTableColumns,
  rowLayout,
  sameGroup,
  type ReadColumn,
  type RowLayout,
} from './table-columns.js';
import { tableDefaults, type TableDefaults } from './table-context.js';
import { readValue, type ReadValue } from './value.js';
import vocabulary from './vocabulary.json';

export interface RecordContext {
  readonly entities: readonly EntityMention[];
  readonly citations: readonly Citation[];
  readonly quantities: readonly Quantity[];
  /** The ligand the document is about ({@link documentSubject}), for tables of values against targets that do not name it. */
  readonly subject?: RecordEntityRef | null;
}

/**
 * The records of one table, the `index`-th of the document. They read only the table (its lead and
 * a caption under it included) and the entity mentions and citations that overlap it.
 */
export function tableRecords(table: Table, index: number, context: RecordContext): DataRecord[] {
  // Values a converter read off a chart are estimates, not numbers the document reports.
  if (table.chart) return [];
  const defaults = tableDefaults(table, context.entities, context.subject ?? null);
  const columns = readTableColumns(table, context.entities);
  const ligandColumn = columns.find((c) => c.role === 'ligand') ?? fallbackLigandColumn(table, columns, context.entities);
  const transposed = !ligandColumn && columns.some((c) => c.headerLigand);
  const layout = rowLayout(columns, ligandColumn ?? null, defaults);
  const records: DataRecord[] = [];
  let groupTarget: RecordEntityRef | null = null;
  // An empty ligand or label cell means "as in the row above" (`| | nmol/L | 36 |`).
  const carried: Carried = { ligand: null, label: null };
  for (const row of table.rows) {
    const cells = rowCells(row);
    const section = sectionCell(cells, columns.length);
    if (section) {
      // A row that heads the rows below it ("5-HT1A receptor"): their target, when it names one.
      groupTarget = targetIn(section, context.entities, false);
      carried.ligand = carried.label = null;
      continue;
    }
    if (transposed) {
      for (const r of transposedRow(table, index, columns, row, cells, defaults, context)) records.push(r);
      continue;
    }
    for (const stacked of unstack(cells, layout)) {
      for (const r of rowRecords(table, index, columns, ligandColumn ?? null, layout, row, stacked, defaults, groupTarget, carried, context)) records.push(r);
    }
  }
  return records;
}

/** Measures of a ligand against a target (its potency or affinity): in a document about one ligand, its own. */
const POTENCY_MEASURES = new Set([...vocabulary.pValueMeasures, 'Km']);

/** A name ending in "-ase" names an enzyme. */
const ENZYME_NAME = /ase$/i;

const LINE_BREAK = /<br\s*\/?>/i;

/**
 * A row that stacks several values in its cells, one per line (`| Vmax, Km CYP3A4 | pmol/min,<br />µmol/L | 78.6<br />4.34 |`):
 * one row of cells per line, the label's measures shared out in order and its last words (the
 * target) kept for each. Other rows come back as they are.
 */
export function unstack(cells: readonly TableCell[], layout: RowLayout): Array<readonly TableCell[]> {
  const label = layout.label ? cells[layout.label.index] : undefined;
  if (!label || !label.plain.includes(',')) return [cells];
  const names = label.plain.split(',').map((p) => p.trim());
  const k = names.length;
  const split = cells.map((c) => c.text.split(LINE_BREAK));
  if (!split.some((parts, i) => i !== layout.label!.index && parts.length === k) || split.some((parts) => parts.length !== 1 && parts.length !== k)) return [cells];
  const last = names[k - 1]!;
  const space = last.indexOf(' ');
  const tail = space > 0 ? last.slice(space + 1) : '';
  const out: TableCell[][] = [];
  for (let i = 0; i < k; i++) {
    out.push(
      cells.map((cell, c) => {
        if (c === layout.label!.index) {
          return { start: cell.start, end: cell.end, text: cell.text, plain: i < k - 1 && tail ? `${names[i]} ${tail}` : names[i]! };
        }
        const parts = split[c]!;
        if (parts.length === 1) return cell;
        // The cell keeps its written text (what the record links back to); its reading is the line's.
        return { start: cell.start, end: cell.end, text: cell.text, plain: parts[i]!.replace(/<[^>]*>/g, '').replace(/,\s*$/, '').trim() };
      }),
    );
  }
  return out;
}

/** The ligand and label cells of the rows above, for rows that leave theirs empty. */
interface Carried {
  ligand: TableCell | null;
  label: TableCell | null;
}

interface ValueCell {
  readonly column: ReadColumn;
  readonly cell: TableCell;
  readonly value: ReadValue;
}

function rowRecords(
  table: Table,
  index: number,
  columns: readonly ReadColumn[],
  ligandColumn: ReadColumn | null,
  layout: RowLayout,
  row: TableRow,
  cells: readonly TableCell[],
  defaults: TableDefaults,
  groupTarget: RecordEntityRef | null,
  carried: Carried,
  context: RecordContext,
): DataRecord[] {
  const used = new Set<number>();
  const filled = (column: ReadColumn | null): TableCell | null => {
    const cell = column ? cells[column.index] : undefined;
    return cell && cell.plain !== '' ? cell : null;
  };
  // A unit column gives the row's unit; a label column its measure and target ("Ki CYP3A4").
  const unitCell = layout.unit ? cells[layout.unit.index] : undefined;
  const rowUnit = unitCell ? headerUnit(unitCell.plain) : null;
  const labelCell = filled(layout.label) ?? (layout.label ? carried.label : null);
  if (layout.label) carried.label = labelCell;
  const rowMeasure = labelCell ? headerMeasure(labelCell.plain) : null;
  const remainder = labelCell && rowMeasure ? labelRemainder(labelCell.plain) : null;
  const labelMention = labelCell ? longestMention(context.entities, labelCell, 'target') : null;
  const labelWords = labelCell && remainder ? { text: remainder, id: null, start: labelCell.start, end: labelCell.end } : null;
  if (layout.unit) used.add(layout.unit.index);
  if (layout.label && rowMeasure) used.add(layout.label.index);
  const cellOf = (column: ReadColumn | undefined): TableCell | null => {
    if (!column) return null;
    const cell = cells[column.index];
    if (!cell || cell.text === '' || used.has(column.index)) return null;
    used.add(column.index);
    return cell;
  };
  const firstOf = (role: Column['role']): { column: ReadColumn; cell: TableCell } | null => {
    for (const column of columns) {
      if (column.role !== role) continue;
      const cell = cellOf(column);
      if (cell) return { column, cell };
    }
    return null;
  };

  const ligandCell = ligandColumn ? cellOf(ligandColumn) ?? carried.ligand : null;
  if (ligandColumn) carried.ligand = ligandCell;
  const targetCell = firstOf('target');
  const cellTarget = (targetCell && !isDataCell(targetCell.cell.plain) ? wholeName(entityRef(targetCell.cell, 'target', context.entities, false), targetCell.cell) : null) ?? labelMention;
  // A label's leftover words name the target only where no column header does (`Michaelis Menten constant (Km)` under `CYP3A4`).
  const rowTarget = cellTarget ?? labelWords;

  // A reagent's amount alone is a condition (a buffer's composition), not evidence: it needs a measure (EC50 of a salt).
  const reagentRow = ligandCell !== null && namesOnlyChemicals(context.entities, ligandCell);

  // Values: every value column that reads as a value; a p-form beside its base measure (pKi beside Ki) is the same value.
  const values: ValueCell[] = [];
  for (const column of columns) {
    if (!isValueColumn(column, defaults, layout) || used.has(column.index)) continue;
    const cell = cells[column.index];
    if (!cell || cell.plain === '') continue;
    if (isLogMeasure(column.measure) && columns.some((c) => c !== column && c.measure === column.measure!.slice(1) && sameGroup(c, column))) continue;
    // Rows with a label name their own measure; the caption's or note's is for tables without one.
    const measure = column.measure ?? rowMeasure ?? (layout.label ? null : defaults.measure);
    // Under a label column or a bare "Value" header, a row is a record only when a measure is named: "MW" or "logP" rows are not.
    if ((layout.label || isGenericValueColumn(column)) && !measure) continue;
    const unit = column.unit ?? rowUnit ?? (column.measure ? defaults.unit : null) ?? (isConcentrationColumn(column) ? null : defaults.unit);
    const value = readValue(cell.plain, { unit, measure });
    if (!value) continue;
    if (value.unit === null && !measure) continue;
    // Without a measure, only an amount (a concentration or dose) says something of the ligand: a bare "Frequency (%)" does not.
    if (!measure && (reagentRow || !isAmountUnit(value.unit))) continue;
    used.add(column.index);
    values.push({ column, cell, value });
  }

  let ligandConcentration: Quantity | null = null;
  if (ligandCell) {
    const m = trailingParenthesis(ligandCell.plain);
    const q = m ? parseQuantity(m.inner) : null;
    if (q && isAmount(q)) ligandConcentration = q;
  }
  const effectCell = firstOf('effect');
  const effect = effectCell ? readEffect(effectCell.cell.plain, effectCell.column.path.at(-1)?.plain ?? effectCell.column.header, effectCell.cell.text) : null;
  const referenceCell = firstOf('references');
  const contextCells: TableCell[] = [];
  for (let c = firstOf('context'); c; c = firstOf('context')) contextCells.push(c.cell);

  // Companions (n, SD/SEM, nH) belong to the value column before them in their group.
  const companions = new Map<ValueCell, ReadColumn[]>();
  for (const column of columns) {
    if (!column.companion) continue;
    used.add(column.index);
    let owner: ReadColumn | undefined;
    for (let k = column.index - 1; k >= 0 && !owner; k--) {
      const candidate = columns[k]!;
      if (isValueColumn(candidate, defaults, layout) && sameGroup(candidate, column)) owner = candidate;
    }
    const value = owner && values.find((v) => v.column === owner);
    if (!value) continue;
    const list = companions.get(value) ?? [];
    list.push(column);
    companions.set(value, list);
  }

  // Values against targets in a document about one ligand are that ligand's.
  const againstTarget = rowTarget ?? groupTarget ?? defaults.target ?? values.find((v) => v.column.headerTarget)?.column.headerTarget ?? null;
  // A potency (Ki, IC50, Km) is always against something, named or not.
  const potency = values.some((v) => v.value.measure !== null && POTENCY_MEASURES.has(v.value.measure));
  // A Km of the enzyme the caption alone names, with no target in the rows ("Sources of L-asparaginase": Km by
  // microorganism), is the enzyme's own constant for its substrate, not the document subject's.
  const ownKm = !rowTarget && !groupTarget && defaults.target !== null && !values.some((v) => v.column.headerTarget) && values.every((v) => v.value.measure === 'Km');
  const subject = context.subject && values.length > 0 && (againstTarget || potency) && !ownKm ? context.subject : null;
  const ligand = ligandCell ? entityRef(ligandCell, 'ligand', context.entities, ligandConcentration !== null) : defaults.ligand ?? subject;
  // A record is a number reported for a ligand: a row naming none is not one.
  if (!ligand) return [];
  // A Km is its substrate's: an enzyme's Km (`L-asparaginase`, named like a drug) is not a record of the enzyme.
  if (ENZYME_NAME.test(ligand.text)) {
    for (let i = values.length - 1; i >= 0; i--) if (values[i]!.value.measure === 'Km') values.splice(i, 1);
    if (values.length === 0 && !effectCell) return [];
  }
  const shared = {
    ligand,
    context: contextCells.length ? contextCells.map((c) => c.plain).join('; ') : null,
    references: referencesOf(row, referenceCell?.cell ?? null, context.citations),
  };
  const extraOf = (own: readonly ReadColumn[]): Record<string, string> => {
    const extra: Record<string, string> = {};
    for (const column of columns) {
      const cell = cells[column.index];
      const mine = own.includes(column);
      if ((used.has(column.index) && !mine) || !cell || cell.plain === '') continue;
      if (mine && column.companion !== 'other') continue;
      extra[column.header || `Column ${column.index + 1}`] = cell.plain;
    }
    return extra;
  };

  if (values.length === 0) {
    // No value column: a concentration in the ligand cell, or a measure named in the effect cell.
    const q = ligandConcentration ?? (effectCell ? namedMeasure(effectCell.cell.plain) : null);
    if (!q && !(effect && (effect.value !== null || effect.direction !== null))) return [];
    const source = q && q === ligandConcentration && ligandCell ? ligandCell : effectCell?.cell ?? null;
    const relation: RecordRelation | null = q ? '=' : null;
    return [
      record(row, index, shared, rowTarget ?? groupTarget ?? defaults.target, q?.measure ?? null, relation, q, null, null, effect, extraOf([]), source),
    ];
  }
  return values.map((v, i) => {
    const mine = companions.get(v) ?? [];
    let n = v.value.n;
    let error = v.value.error;
    let errorKind = error !== null ? v.column.errorKind ?? defaults.errorKind : null;
    for (const c of mine) {
      const text = cells[c.index]?.plain ?? '';
      if (c.companion === 'n' && n === null && /^\d{1,4}$/.test(text)) n = Number(text);
      if (c.companion === 'error' && error === null) {
        const e = /^\d+(?:\.\d+)?$/.exec(text);
        if (e) {
          error = Number(e[0]);
          errorKind = headerErrorKind(c.header) ?? errorKind;
        }
      }
    }
    const target = cellTarget ?? v.column.headerTarget ?? labelWords ?? groupTarget ?? defaults.target;
    const q = { ...v.value, error };
    const own = !ligandCell && v.value.measure === 'Km' && defaults.substrate ? { ...shared, ligand: defaults.substrate } : shared;
    return record(row, index, own, target, v.value.measure, v.value.relation, q, errorKind, n, i === 0 ? effect : null, extraOf(mine), v.cell);
  });
}

/** Records of a transposed table: ligands head the columns, each row names a target (or a measure). */
function transposedRow(
  table: Table,
  index: number,
  columns: readonly ReadColumn[],
  row: TableRow,
  cells: readonly TableCell[],
  defaults: TableDefaults,
  context: RecordContext,
): DataRecord[] {
  const label = cells[0] ?? null;
  const labelText = label?.plain ?? '';
  const measure = headerMeasure(labelText);
  const unit = headerUnit(labelText);
  const target = label && !measure ? targetIn(label, context.entities, columns[0]?.role === 'target') : null;
  const references = referencesOf(row, null, context.citations);
  const out: DataRecord[] = [];
  for (const column of columns) {
    if (!column.headerLigand) continue;
    const cell = cells[column.index];
    if (!cell || cell.plain === '') continue;
    const value = readValue(cell.plain, { unit: column.unit ?? unit ?? defaults.unit, measure: column.measure ?? measure ?? defaults.measure });
    if (!value || (value.unit === null && !value.measure)) continue;
    const shared = { ligand: column.headerLigand, context: null, references };
    out.push(record(row, index, shared, target ?? defaults.target, value.measure, value.relation, value, value.error !== null ? defaults.errorKind : null, value.n, null, {}, cell));
  }
  return out;
}

function record(
  row: TableRow,
  index: number,
  shared: { ligand: RecordEntityRef | null; context: string | null; references: readonly number[] },
  target: RecordEntityRef | null,
  measure: string | null,
  relation: RecordRelation | null,
  q: Pick<ReadValue, 'value' | 'valueMax' | 'unit' | 'molar' | 'error'> | null,
  errorKind: string | null,
  n: number | null,
  effect: DataRecord['effect'],
  extra: Record<string, string>,
  source: TableCell | null,
): DataRecord {
  const value = q?.value ?? null;
  const molar = q?.molar ?? null;
  return makeRecord({
    start: row.start,
    end: row.end,
    ligand: shared.ligand,
    target,
    measure,
    value,
    valueMax: q?.valueMax ?? null,
    unit: q?.unit ?? null,
    molar,
    effect,
    context: shared.context,
    references: shared.references,
    table: index,
    extra,
    relation: value === null ? null : relation,
    error: q?.error ?? null,
    errorKind: q?.error != null ? errorKind : null,
    n,
    standardType: standardType(measure),
    pValue: pValueOf(measure, relation, value, molar),
    origin: 'table',
    cell: source ? { start: source.start, end: source.end, text: source.text } : null,
  });
}

/**
 * A trailing `(1 µM)` in a ligand cell (the concentration it was used at): the index of its `(`
 * and its content, or null.
 */
function trailingParenthesis(text: string): { index: number; inner: string } | null {
  const open = text.lastIndexOf('(');
  if (open < 0) return null;
  const m = /^\(([^()]{1,40})\)\s*$/.exec(text.slice(open));
  return m ? { index: open, inner: m[1]! } : null;
}

/** The first quantity of a cell that names its measure (`IC50 = 3 μM`), else null. */
function namedMeasure(text: string): Quantity | null {
  const found = scanQuantities(text).find((q) => q.measure !== null);
  return found ? { ...found, text: text.slice(found.start, found.end) } : null;
}

function isAmountUnit(unit: string | null): boolean {
  const kind = unit ? unitInfo(unit)?.kind : undefined;
  return kind === 'concentration' || kind === 'mass-concentration' || kind === 'dose';
}

function isAmount(q: Quantity): boolean {
  if (q.molar !== null) return true;
  const kind = q.unit ? unitInfo(q.unit)?.kind : undefined;
  return kind === 'mass-concentration' || kind === 'dose';
}

/**
 * A target cell written as one name holding the mention (`CYP2C19.1`, `CYP2D6*10`): the name as
 * written, with the mention's id (a variant of the entity the recogniser knows).
 */
function wholeName(found: RecordEntityRef, cell: TableCell): RecordEntityRef {
  const name = cell.plain;
  if (found.text === name || /\s/.test(name) || !name.includes(found.text)) return found;
  return { text: name, id: found.id, start: cell.start, end: cell.end };
}

/**
 * The entity mention of `kind` in the cell (the longest, when several), else the cell text.
 * A trailing concentration in parentheses is not part of the name.
 */
function entityRef(cell: TableCell, kind: EntityKind, entities: readonly EntityMention[], dropParenthesis: boolean): RecordEntityRef {
  const best = longestMention(entities, cell, kind);
  if (best) return best;
  let end = cell.end;
  let text = cell.text;
  const m = dropParenthesis ? trailingParenthesis(cell.text) : null;
  if (m && cell.text.slice(0, m.index).trim() !== '') {
    text = cell.text.slice(0, m.index).trimEnd();
    end = cell.start + text.length;
  }
  return { text, id: null, start: cell.start, end };
}
