/**
 * What the panel lists, given its model and UI state: the filtered reference groups and the
 * sorted records. Pure functions (no DOM), unit-tested in test/unit/panel/.
 */
import type { PanelRecord, PanelReference } from '../src/shared/protocol.js';

/** Whether a reference matches every word of the filter (number, title, source, host or text). */
export function matchesFilter(reference: PanelReference, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [String(reference.number), reference.title, reference.source ?? '', reference.host ?? '', reference.text]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** A reference with the entries that duplicate it, shown together. */
export interface ReferenceGroup {
  readonly head: PanelReference;
  readonly duplicates: readonly PanelReference[];
}

/**
 * Groups the references that match the filter: each duplicate sits under its original when the
 * original is shown too, and stands on its own (marked as a duplicate) otherwise.
 */
export function referenceGroups(references: readonly PanelReference[], filter: string): ReferenceGroup[] {
  const shown = references.filter((reference) => matchesFilter(reference, filter));
  const shownNumbers = new Set(shown.map((reference) => reference.number));
  const groups: { head: PanelReference; duplicates: PanelReference[] }[] = [];
  const byHead = new Map<number, { head: PanelReference; duplicates: PanelReference[] }>();
  for (const reference of shown) {
    const original = reference.duplicateOf;
    const group = original !== null && shownNumbers.has(original) ? byHead.get(original) : undefined;
    if (group) {
      group.duplicates.push(reference);
      continue;
    }
    const created = { head: reference, duplicates: [] };
    groups.push(created);
    if (!byHead.has(reference.number)) byHead.set(reference.number, created);
  }
  return groups;
}

/** The columns of the data table, in order. */
export const recordColumns = ['ligand', 'target', 'measure', 'value', 'pValue', 'molar', 'effect', 'context', 'references', 'origin'] as const;
export type RecordColumn = (typeof recordColumns)[number];

export interface RecordSort {
  readonly column: RecordColumn;
  readonly descending: boolean;
}

function sortKey(record: PanelRecord, column: RecordColumn): string | number | null {
  switch (column) {
    case 'molar':
      return record.molar;
    case 'value':
      // Concentrations compare by their molar value, so 500 nM sorts before 6 μM.
      return record.molar ?? (record.value === null ? null : (parseFloat(record.value) || record.value));
    case 'references':
      return record.references[0] ?? null;
    case 'origin':
      return originText(record);
    default:
      return record[column];
  }
}

/** Where a record was read, as the data table shows it: `table 2`, `flattened table`, `text`. */
export function originText(record: Pick<PanelRecord, 'origin' | 'table'>): string {
  if (record.origin === 'prose') return 'text';
  if (record.origin === 'flattened') return 'flattened table';
  return record.table === null ? 'table' : `table ${record.table}`;
}

/**
 * Sorts records by a column; empty cells always go last, ties keep document order.
 */
export function sortRecords(records: readonly PanelRecord[], sort: RecordSort | null): PanelRecord[] {
  const sorted = [...records];
  if (!sort) return sorted;
  const direction = sort.descending ? -1 : 1;
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return sorted.sort((a, b) => {
    const x = sortKey(a, sort.column);
    const y = sortKey(b, sort.column);
    if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
    let order: number;
    if (typeof x === 'number' && typeof y === 'number') order = x - y;
    else if (typeof x === 'number') order = -1;
    else if (typeof y === 'number') order = 1;
    else order = collator.compare(x, y);
    return order !== 0 ? order * direction : a.index - b.index;
  });
}

const superscripts: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** A molar value for display, e.g. `6 × 10⁻⁶ M`. */
export function formatMolar(molar: number): string {
  if (molar === 0) return '0 M';
  const exponent = Math.floor(Math.log10(Math.abs(molar)));
  const mantissa = Number((molar / 10 ** exponent).toPrecision(3));
  if (exponent === 0) return `${mantissa} M`;
  const power = String(exponent).replace(/[-0-9]/g, (ch) => superscripts[ch]!);
  return `${mantissa} × 10${power} M`;
}

/** Whether a record matches every word of the Data tab's filter (names, measure, value, effect, context, origin, references). */
export function matchesRecord(record: PanelRecord, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [record.ligand, record.target, record.measure, record.value, record.effect, record.context, record.cell ?? null, originText(record), ...record.references.map((n) => `[${n}]`)]
    .filter((part): part is string => part !== null)
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
