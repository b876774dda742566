/** Mentions in table cells and spans: the longest of a kind, the only one of a kind. */
import type { EntityKind, EntityMention, RecordEntityRef, TableCell } from '../types.js';
import { roleOfHeader } from './columns.js';
import { inSpan } from './spans.js';

export function ref(m: EntityMention): RecordEntityRef {
  return { text: m.text, id: m.id, start: m.start, end: m.end };
}

/** The longest mention of `kind` in a cell, else null. */
export function longestMention(entities: readonly EntityMention[], cell: TableCell, kind: EntityKind): RecordEntityRef | null {
  let best: EntityMention | null = null;
  for (const mention of inSpan(entities, cell)) {
    // A chemical named in a ligand column is that row's ligand.
    const fits = mention.kind === kind || (kind === 'ligand' && mention.kind === 'chemical');
    if (fits && (!best || mention.end - mention.start > best.end - best.start)) best = mention;
  }
  return best ? ref(best) : null;
}

/** Whether the cell names other chemicals (reagents, ions, salts) and no ligand. */
export function namesOnlyChemicals(entities: readonly EntityMention[], cell: TableCell): boolean {
  const found = inSpan(entities, cell).filter((m) => m.kind === 'ligand' || m.kind === 'chemical');
  return found.length > 0 && found.every((m) => m.kind === 'chemical');
}

/** The mention of `kind` in a span when it names one entity only (its first mention), else null. */
export function onlyMention(entities: readonly EntityMention[], span: { start: number; end: number }, kind: EntityKind): RecordEntityRef | null {
  const found = inSpan(entities, span).filter((m) => m.kind === kind);
  return found.length && new Set(found.map((m) => m.id)).size === 1 ? ref(found[0]!) : null;
}

/** The target a cell names: its target mention, else (when `anyText`) its text. */
export function targetIn(cell: TableCell, entities: readonly EntityMention[], anyText: boolean): RecordEntityRef | null {
  const mention = longestMention(entities, cell, 'target');
  if (mention) return mention;
  if (anyText || roleOfHeader(cell.plain) === 'target') return { text: cell.plain, id: null, start: cell.start, end: cell.end };
  return null;
}
