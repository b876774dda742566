/** Effects read from a table cell: direction words, a signed value ± error and its unit. */
import { parseQuantity, scanQuantities } from '../quantities/index.js';
import { headerUnit } from './columns.js';
import type { EffectDirection, RecordEffect } from '../types.js';
import vocabulary from './vocabulary.json';

type Direction = Exclude<EffectDirection, null>;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const STEMS = new Map<string, Direction>();
for (const [direction, stems] of Object.entries(vocabulary.effects)) {
  for (const stem of stems) STEMS.set(stem.toLowerCase(), direction as Direction);
}
/** Word beginnings of every direction, longest first so `no effect` wins over `effect`-like stems. */
const DIRECTION = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...STEMS.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})`,
  'giu',
);
const RELATIVE = new RegExp(vocabulary.relativeToControl.map(escape).join('|'), 'i');

/** The direction a text names: "no effect" anywhere wins, else the first direction word. */
export function directionOf(text: string): EffectDirection {
  DIRECTION.lastIndex = 0;
  let first: Direction | null = null;
  for (let m = DIRECTION.exec(text); m; m = DIRECTION.exec(text)) {
    const direction = STEMS.get(m[1]!.toLowerCase()) ?? null;
    if (direction === 'no-effect') return direction;
    first ??= direction;
  }
  return first;
}

/**
 * Reads an effect cell. Without a direction word, a value given relative to control (a header such
 * as "Effect (% of Vehicle)", or `fold`) says it: above 100% (1-fold) is upregulation, below is
 * downregulation. `cell` is the cell's plain reading; `written` the cell as written (kept as `text`).
 */
export function readEffect(cell: string, header: string, written: string = cell): RecordEffect | null {
  if (cell.trim() === '') return null;
  // A named measure (`Inhibition (IC50 = 3 μM)`) is the record's value, not the size of the effect.
  // A bare number takes the unit its header gives (`% of control`).
  const unit = headerUnit(header);
  const q = scanQuantities(cell).find((found) => found.measure === null) ?? (unit && /^\s*[-−+]?\d/.test(cell) ? parseQuantity(cell, { unit }) : null);
  let direction = directionOf(cell);
  if (direction === null && q && q.valueMax === null) {
    const baseline = q.unit === '%' && (RELATIVE.test(header) || RELATIVE.test(cell)) ? 100 : q.unit === 'fold' ? 1 : null;
    if (baseline !== null) direction = q.value > baseline ? 'upregulation' : q.value < baseline ? 'downregulation' : 'no-effect';
  }
  return {
    direction,
    value: q ? q.value : null,
    error: q ? q.error : null,
    unit: q ? q.unit : null,
    text: written,
  };
}
