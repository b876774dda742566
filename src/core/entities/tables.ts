/**
 * The document's own tables: a column headed Ligand, Agonist, Compound, Drug… names ligands; one
 * headed Target, Receptor, Channel, Protein… names targets. A cell that names nothing known yet
 * becomes an entity of its own, found wherever else the document writes it.
 */
import type { EntityKind, Table, TableCell } from '../types.js';
import type { Alias } from './abbreviations.js';
import type { EntityRegistry } from './context.js';
import { nomenclature } from './patterns.js';

/** A cell's source span is already covered by a known name. */
export type CoveredCheck = (start: number, end: number) => boolean;

export function findTableEntities(tables: readonly Table[], registry: EntityRegistry, covered: CoveredCheck, aliases: Map<string, Alias>): void {
  tables.forEach((table, t) => {
    const roles = table.header.map((h) => columnRole(h));
    for (const row of table.rows) {
      row.cells.forEach((cell, c) => {
        const kind = roles[c];
        if (!kind) return;
        const name = cellName(cell, kind);
        if (!name || covered(cell.start, cell.end)) return;
        const header = table.header[c]!.plain || table.header[c]!.text;
        const entity = registry.table(kind, name, `table ${t + 1}, column ${header}`);
        if (!aliases.has(name)) aliases.set(name, { text: name, entity, source: 'table' });
      });
    }
  });
}

/** Whether a header names ligands or targets (by any of its words). */
export function columnRole(header: TableCell): EntityKind | null {
  const words = (header.plain || header.text).toLowerCase().split(/[^\p{L}]+/u);
  const n = nomenclature();
  if (words.some((w) => n.ligandColumns.includes(w))) return 'ligand';
  if (words.some((w) => n.targetColumns.includes(w))) return 'target';
  return null;
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
  if (nomenclature().tableNonNames.has(name.toLowerCase())) return null;
  return name;
}
