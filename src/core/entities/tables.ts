/**
 * The document's own tables: a column headed Ligand, Agonist, Compound, Drug… names ligands; one
 * headed Target, Receptor, Channel, Protein… names targets. A cell that names nothing known yet
 * becomes an entity of its own, found wherever else the document writes it.
 */
import { entityColumnOf, roleOfHeader } from '../records/index.js';
import { rowCells, sectionCell, tableColumns } from '../tables/index.js';
import type { Table, TableCell } from '../types.js';

/** The kinds a table column names (chemicals are not a column's kind). */
type EntityKind = 'ligand' | 'target';
import type { Alias } from './abbreviations.js';
import { type EntityRegistry, tableEntityId } from './context.js';
import type { CompiledLexicon } from './lexicon.js';
import { guardSpans, nomenclature } from './patterns.js';
import { patternText } from './normalize.js';

/** A cell's source span is already covered by a known name. */
export type CoveredCheck = (start: number, end: number) => boolean;

/** What a header or cell text says: the column kind it names, the entity it names in each kind of column. */
export interface CellReading {
  role?: EntityKind | null;
  ligand?: TableName | null;
  target?: TableName | null;
}

/** The entity a cell names: its name and the id a table entity of that name has. */
export interface TableName {
  readonly name: string;
  readonly id: string;
}

/** Cell readings remembered by text (for one lexicon). */
export interface CellReadings {
  get(text: string): CellReading | undefined;
  set(text: string, reading: CellReading): void;
}

/** A cell that names an entity no known name covers: what its table adds to the document. */
export interface NamedCell extends TableName {
  readonly kind: EntityKind;
  readonly column: number;
}

/** What incremental analysis lets the table step remember. */
export interface TableMemo {
  readonly cells: CellReadings;
  /** The named cells of `table` (from `read` unless remembered for the same reading of the table). */
  namedCells(table: Table, read: () => NamedCell[]): readonly NamedCell[];
}

/** Each table's named cells. */
export function tableNamedCells(tables: readonly Table[], lexicon: CompiledLexicon, covered: CoveredCheck, memo?: TableMemo): (readonly NamedCell[])[] {
  return tables.map((table) => {
    const read = (): NamedCell[] => namedCells(table, lexicon, covered, memo?.cells);
    return memo ? memo.namedCells(table, read) : read();
  });
}

/**
 * Adds the entities the tables' named cells stand for and their spellings to `aliases` (the
 * first of a spelling wins). `named` holds each table's named cells, from {@link tableNamedCells}.
 */
export function addTableEntities(tables: readonly Table[], named: readonly (readonly NamedCell[])[], registry: EntityRegistry, aliases: Map<string, Alias>): void {
  tables.forEach((table, t) => {
    for (const cell of named[t]!) {
      const header = tableColumns(table)[cell.column]!;
      const entity = registry.table(cell.kind, cell.name, cell.id, () => `table ${t + 1}, column ${header.header}`);
      if (!aliases.has(cell.name)) aliases.set(cell.name, { text: cell.name, entity, source: 'table' });
    }
  });
}

function namedCells(table: Table, lexicon: CompiledLexicon, covered: CoveredCheck, readings: CellReadings | undefined): NamedCell[] {
  const read = cellReader(readings);
  // A column's kind comes from its lowest header cell (a group header over it names what its values are for).
  const roles = tableColumns(table).map((c) => {
    const h = c.path[c.path.length - 1];
    if (!h) return null;
    const reading = read(h);
    return reading.role === undefined ? (reading.role = columnRole(h)) : reading.role;
  });
  const named: NamedCell[] = [];
  if (!roles.some((r) => r)) return named;
  for (const row of table.rows) {
    const cells = rowCells(row);
    if (sectionCell(cells, roles.length)) continue;
    const count = Math.min(cells.length, roles.length);
    for (let column = 0; column < count; column++) {
      const kind = roles[column];
      if (!kind) continue;
      const cell = cells[column]!;
      const reading = read(cell);
      const name = reading[kind] === undefined ? (reading[kind] = tableName(cell, kind, lexicon)) : reading[kind];
      if (name && !covered(cell.start, cell.end)) named.push({ ...name, kind, column });
    }
  }
  return named;
}

function cellReader(readings: CellReadings | undefined): (cell: TableCell) => CellReading {
  if (!readings) return () => ({});
  return (cell) => {
    const text = cell.plain || cell.text;
    let reading = readings.get(text);
    if (!reading) readings.set(text, (reading = {}));
    return reading;
  };
}

function tableName(cell: TableCell, kind: EntityKind, lexicon: CompiledLexicon): TableName | null {
  const name = cellName(cell, kind);
  return name === null ? null : { name, id: tableEntityId(lexicon, kind, name) };
}

/** Whether a header names ligands or targets: the records' column vocabulary decides, so both read a table alike. */
export function columnRole(header: TableCell): EntityKind | null {
  return entityColumnOf(header.plain || header.text);
}

/** The name a cell holds: trailing concentrations, citations and (for targets) readouts dropped. */
export function cellName(cell: TableCell, kind: EntityKind): string | null {
  let name = (cell.plain || cell.text).trim();
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name
      .replace(/\s*\([^()]*\d[^()]*\)$/u, '')
      .replace(/\s*(?:\[[\d,\s–-]+\])+$/u, '')
      .replace(/[\s*†‡§,;:.]+$/u, '')
      .trim();
    if (kind === 'target') {
      const words = nomenclature().readoutWords;
      const last = /\s+(\p{L}+)$/u.exec(name);
      if (last && words.includes(last[1]!.toLowerCase())) name = name.slice(0, last.index).trim();
    }
  }
  if (!/\p{L}/u.test(name) || name.length > 60 || name.split(/\s+/).length > 6) return null;
  // A compound's number (`2a`, `12b`) names it only in its table: in prose it is as often a mass (`2g`) or a figure panel.
  if (/^\d{1,4}\p{L}{1,2}$/u.test(name)) return null;
  if (nomenclature().tableNonNames.has(name.toLowerCase())) return null;
  // A header's own words (Modulator, Inhibitor, Protein) name a category, and an accession (HGNC:11998) a record.
  if (name.split(/[\s,/]+/u).every((word) => !word || /^(?:and|or)$/iu.test(word) || roleOfHeader(word) !== null)) return null;
  if (wholeGuard(name)) return null;
  return name;
}

/** Whether a precision guard (`../lexicon/guards.json`: an accession, a residue, a catalogue number) spans the whole name. */
function wholeGuard(name: string): boolean {
  const text = patternText(name);
  return guardSpans(text).some((g) => g.start === 0 && g.end === text.length);
}
