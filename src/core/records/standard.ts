/**
 * Records normalised as ChEMBL curates them: a standard type, and a pValue (pChEMBL: −log10 of the
 * molar value) for exact potencies and affinities.
 */
import { isLogMeasure } from '../quantities/index.js';
import type { RecordRelation } from '../types.js';
import vocabulary from './vocabulary.json';

const POTENCIES = new Set(vocabulary.pValueMeasures);
const STANDARD_TYPES: Readonly<Record<string, string>> = vocabulary.standardTypes;

/** The standard type of a measure: p-forms reduced to their base (`pKi` → `Ki`), `inhibition` → `Inhibition`. */
export function standardType(measure: string | null): string | null {
  if (measure === null) return null;
  const named = STANDARD_TYPES[measure];
  if (named) return named;
  if (isLogMeasure(measure) && measure !== 'pA2') return measure.slice(1);
  return measure;
}

/**
 * The pValue of a record: the value of a p-measure as written; −log10(molar) of an exact (`=`)
 * potency or affinity in a concentration unit, to two decimals; else null.
 */
export function pValueOf(measure: string | null, relation: RecordRelation | null, value: number | null, molar: number | null): number | null {
  if (measure === null || value === null) return null;
  if (isLogMeasure(measure)) return value;
  if (relation !== '=' || molar === null || !(molar > 0) || !POTENCIES.has(measure)) return null;
  return Math.round(-Math.log10(molar) * 100) / 100;
}
