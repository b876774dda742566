/**
 * A value as a table cell or a phrase writes it: a relation (`>50`, `<10`, `~2`), a number with
 * thousands separators (`16,000`), an error (`24.5 ± 15.7`), a range, a unit, and `n = 4`.
 * Qualifiers that stand for no number (`n.d.`, `Nd`, `—`, `inactive`) are recognised as such.
 */
import { isLogMeasure, parseQuantity, unitInfo } from '../quantities/index.js';
import type { RecordRelation } from '../types.js';
import vocabulary from './vocabulary.json';

export interface ReadValue {
  readonly relation: RecordRelation;
  readonly value: number;
  readonly valueMax: number | null;
  readonly error: number | null;
  readonly unit: string | null;
  readonly molar: number | null;
  /** A measure the text names itself (`IC50 = 3 μM`), else the default's. */
  readonly measure: string | null;
  readonly n: number | null;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const RELATIONS: Readonly<Record<string, RecordRelation>> = vocabulary.relations as Record<string, RecordRelation>;
/** A relation written before a number, longest spellings first. */
const RELATION_BEFORE = new RegExp(
  `(?:^|(?<=[\\s(=:]))(${Object.keys(RELATIONS)
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})\\s*$`,
  'iu',
);
const QUALIFIERS = new Set(vocabulary.qualifiers.map((q) => q.toLowerCase()));
const N_WRITTEN = /\(?\s*\bn\s*=\s*(\d{1,4})\s*\)?/i;
/** A number whose unit comes from elsewhere (the column, the caption), maybe with an error or a range. */
const BARE =
  /(?<![\p{L}\p{N}.])([-−+]?)(\d+(?:,\d{3}(?!\d))*(?:\.\d+)?)(?:[ \u00a0]*(?:±|\+\/-|\+\/−)[ \u00a0]*(\d+(?:\.\d+)?)|[ \u00a0]*[-–][ \u00a0]*(\d+(?:,\d{3}(?!\d))*(?:\.\d+)?))?/u;

/** The relation written right before `at` in `text` (`>`, `IC50 <`, `approximately`), else null. */
export function relationBefore(text: string, at: number): RecordRelation | null {
  const m = RELATION_BEFORE.exec(text.slice(Math.max(0, at - 16), at));
  return m ? RELATIONS[m[1]!.toLowerCase()] ?? RELATIONS[m[1]!] ?? null : null;
}

/** True when the text is a qualifier that stands for no number: `n.d.`, `Nd`, `—`, `inactive`. */
export function isQualifier(text: string): boolean {
  const t = text.trim().replace(/[*†‡§ᵃᵇᶜᵈᵉ]+$/u, '').toLowerCase();
  return QUALIFIERS.has(t);
}

/** What a column (or the caption) says of a bare number: its unit and measure. */
export interface ValueDefaults {
  readonly unit: string | null;
  readonly measure: string | null;
}

/**
 * Reads the value of a cell's plain text. A number written without a unit takes the default unit;
 * without one, it is still read when the default names a measure. Returns null for an empty cell,
 * a qualifier, or a cell that holds no number.
 */
export function readValue(text: string, defaults: ValueDefaults): ReadValue | null {
  const t = dotThousandsBound(text.trim());
  if (t === '' || isQualifier(t)) return null;
  const nMatch = N_WRITTEN.exec(t);
  const n = nMatch ? Number(nMatch[1]) : null;
  const body = nMatch ? t.slice(0, nMatch.index) + t.slice(nMatch.index + nMatch[0].length) : t;
  const q = parseQuantity(body, { unit: defaults.unit, measure: defaults.measure });
  if (q) {
    // A quantity whose unit is not a value's (a time, a temperature) says nothing about the column.
    if (q.unit && defaults.unit && q.unit !== defaults.unit && unitInfo(q.unit)?.kind !== unitInfo(defaults.unit)?.kind) return null;
    return {
      relation: relationIn(body, q.start, q.end) ?? '=',
      value: q.value,
      valueMax: q.valueMax,
      error: q.error,
      unit: q.unit,
      molar: q.molar,
      measure: q.measure,
      n,
    };
  }
  if (!defaults.measure) return null;
  const m = BARE.exec(body);
  if (!m) return null;
  const value = (m[1] === '-' || m[1] === '−' ? -1 : 1) * Number(m[2]!.replace(/,/g, ''));
  const log = isLogMeasure(defaults.measure);
  return {
    relation: relationBefore(body, m.index) ?? '=',
    value,
    valueMax: m[4] !== undefined ? Number(m[4].replace(/,/g, '')) : null,
    error: m[3] !== undefined ? Number(m[3]) : null,
    unit: null,
    molar: log ? 10 ** -value : null,
    measure: defaults.measure,
    n,
  };
}

/** A bound written with a dot between thousands (`>10.000`, `> 1.000 μM`): a cut-off is a round number, not one given to three decimals. */
const DOT_THOUSANDS_BOUND = /^([<>≥≤]\s*)(\d{1,3})\.000(?!\d)/u;

function dotThousandsBound(text: string): string {
  return text.replace(DOT_THOUSANDS_BOUND, '$1$2,000');
}

const SIGN_BEFORE_NUMBER = /(>=|<=|=<|=>|≥|≤|>|<|~|≈|∼|≅)\s*[-−]?\d/u;

/**
 * The relation of the quantity at `[start, end)` of `text`: a sign inside it (`IC50 > 50 μM`), else
 * a sign or words right before it (`>100 nM`, `less than 10 μM`).
 */
export function relationIn(text: string, start: number, end: number): RecordRelation | null {
  const inside = SIGN_BEFORE_NUMBER.exec(text.slice(start, end));
  if (inside) return RELATIONS[inside[1]!] ?? null;
  return relationBefore(text, start);
}
