/**
 * Tables found block by block. A table's reading depends on the block before it (a caption), its
 * own blocks and the blocks after it up to the one that stopped it (continued rows, tab rows one
 * per paragraph); HTML tables also read the source between their blocks. Each reading is
 * remembered with all it looked at, and reused where all of that is unchanged.
 */
import type { ParsedDocument } from '../parse/index.js';
import { collectTables, findTables, moveTable, readTableAt, TableCloses, type TableReading } from '../tables/index.js';
import type { Table } from '../types.js';
import { blockKeys } from './blocks.js';
import type { IncrementalState } from './state.js';

/** A reading of the blocks from one block on, with what it looked at (offsets relative to that block). */
interface Remembered {
  /** Keys of the blocks looked at, from the one before to `through`; '' where there was none. */
  readonly keys: readonly string[];
  /** Their starts, relative to the table's first block. */
  readonly starts: readonly number[];
  /** For HTML tables, the source read from the first block's start on. */
  readonly text: string | null;
  /** How many blocks after the first the table uses. */
  readonly uses: number;
  /** The table where it was last placed, and the start of its first block there. */
  table: Table | null;
  at: number;
}

/**
 * Identical blocks may start tables with different surroundings (captions, continued rows, the
 * block that stops them): readings are kept per first block, newest first. A document can repeat
 * one table many times (a template, a table whose values sit in the header's unit), so the list is
 * long enough for each copy to find its own reading; checking one costs a few key comparisons.
 */
const READINGS_PER_BLOCK = 64;

/** The reading each table came from, so that records can be remembered per reading. */
const readingOf = new WeakMap<Table, object>();

/** An object standing for the reading `table` came from (the same for a moved copy), if remembered. */
export function tableReading(table: Table): object | undefined {
  return readingOf.get(table);
}

/** The same tables as `findTables(doc)`, reading only tables whose blocks changed. */
export function tablesByBlock(doc: ParsedDocument, state: IncrementalState | undefined): Table[] {
  if (!state) return findTables(doc);
  const memo = state.memo<readonly Remembered[]>('tables');
  const keys = blockKeys(doc);
  let closes: TableCloses | undefined;
  return collectTables(doc, (b) => {
    const at = doc.blocks[b]!.start;
    const earlier = memo.get(keys[b]!) ?? [];
    let remembered = earlier.find((r) => holds(r, doc, keys, b, at));
    if (!remembered) {
      const reading = readTableAt(doc, b, (closes ??= new TableCloses(doc.text)));
      // A reading that depends on all the text after it (an unclosed HTML table) is not kept.
      if (reading.textEnd === Infinity) return reading;
      remembered = remember(doc, keys, b, reading);
      memo.set(keys[b]!, [remembered, ...earlier.slice(0, READINGS_PER_BLOCK - 1)]);
    }
    if (remembered.table && remembered.at !== at) {
      remembered.table = moveTable(remembered.table, at - remembered.at);
      remembered.at = at;
    }
    if (remembered.table) readingOf.set(remembered.table, remembered);
    return { table: remembered.table, lastBlock: b + remembered.uses, through: b - 2 + remembered.keys.length };
  });
}

function remember(doc: ParsedDocument, keys: readonly string[], b: number, reading: TableReading): Remembered {
  const at = doc.blocks[b]!.start;
  const seen: string[] = [];
  const starts: number[] = [];
  for (let i = b - 1; i <= reading.through; i++) {
    const block = doc.blocks[i];
    seen.push(block ? keys[i]! : '');
    starts.push(block ? block.start - at : 0);
  }
  return {
    keys: seen,
    starts,
    text: reading.textEnd === undefined ? null : doc.text.slice(at, reading.textEnd),
    uses: reading.lastBlock - b,
    table: reading.table,
    at,
  };
}

/** True when every block `r` looked at is still there, unchanged, at the same place relative to block `b`. */
function holds(r: Remembered, doc: ParsedDocument, keys: readonly string[], b: number, at: number): boolean {
  for (let i = 0; i < r.keys.length; i++) {
    const block = doc.blocks[b - 1 + i];
    if (!block) {
      if (r.keys[i] !== '') return false;
    } else if (keys[b - 1 + i] !== r.keys[i] || block.start - at !== r.starts[i]) return false;
  }
  return r.text === null || doc.text.startsWith(r.text, at);
}
