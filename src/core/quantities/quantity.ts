/** The one shape every quantity is built in. */
import type { Quantity } from '../types.js';

/**
 * A quantity at `[start, end)` with the values of `q`, built field by field in the order every
 * quantity has them (so all share one shape, and copies serialise alike).
 */
export function quantityAt(start: number, end: number, text: string, q: Omit<Quantity, 'start' | 'end' | 'text'>): Quantity {
  return {
    start,
    end,
    text,
    measure: q.measure,
    value: q.value,
    valueMax: q.valueMax,
    error: q.error,
    unit: q.unit,
    molar: q.molar,
    molarMax: q.molarMax,
  };
}
