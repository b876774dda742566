/** What a scorer did not find or found wrongly, for the per-document listing and the top lists. */

export type Area = 'citations' | 'references' | 'fields' | 'entities' | 'records';

export type FindingType =
  /** A gold unit the system did not find. */
  | 'miss'
  /** A system unit with no gold behind it. */
  | 'false-positive'
  /** Found, but not exactly: span boundaries (entities), a field's value, a record's attribute. */
  | 'wrong';

export interface Finding {
  readonly area: Area;
  readonly type: FindingType;
  readonly start: number;
  readonly end: number;
  /** What is shown: the gold or system text, or "field: gold ≠ system". */
  readonly text: string;
  /** What findings are counted by in the top lists (normalised text, a marker's shape, a field name). */
  readonly key: string;
}
