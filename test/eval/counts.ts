/**
 * Precision, recall and F1 from counts. Precision is read on the system's side and recall on the
 * gold's side, so overlap matching (where one system span may meet two gold spans) stays honest.
 */

export interface Counts {
  /** Gold units (required ones only). */
  gold: number;
  /** System units that were scored (not neutral, not matched to optional gold). */
  system: number;
  /** Gold units found. */
  foundGold: number;
  /** System units that are right. */
  correctSystem: number;
}

export interface Figures {
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

export function emptyCounts(): Counts {
  return { gold: 0, system: 0, foundGold: 0, correctSystem: 0 };
}

export function addCounts(into: Counts, c: Counts): Counts {
  into.gold += c.gold;
  into.system += c.system;
  into.foundGold += c.foundGold;
  into.correctSystem += c.correctSystem;
  return into;
}

export function sumCounts(list: readonly Counts[]): Counts {
  return list.reduce(addCounts, emptyCounts());
}

/** P, R, F1; null where there is nothing to divide by (no gold and no system units: F1 null). */
export function figures(c: Counts): Figures {
  const precision = c.system > 0 ? c.correctSystem / c.system : null;
  const recall = c.gold > 0 ? c.foundGold / c.gold : null;
  let f1: number | null;
  if (c.gold === 0 && c.system === 0) f1 = null;
  else if (precision === null || recall === null) f1 = 0;
  else f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Mean of the defined F1 values (macro average over documents), null when none is defined. */
export function macroF1(list: readonly Counts[]): number | null {
  const defined = list.map((c) => figures(c).f1).filter((f): f is number => f !== null);
  return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
}
