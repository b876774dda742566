/**
 * A small tokenizer for quantities in plain text: number, optional `± error`, optional range,
 * unit, and an optional measure before it (`IC50 = 6 μM`, `pKi 8.2`).
 *
 * It walks the text once; every regular expression is sticky and bounded, so the cost is linear.
 */
import type { Quantity } from '../types.js';
import { isWordChar, matchUnit, type UnitMatch } from './units.js';

/** A quantity found in a string; `start`/`end` index that string. */
export type ScannedQuantity = Omit<Quantity, 'text'>;

/**
 * Measures of potency and affinity, written plain (`IC50`), with subscript digits (`IC₅₀`), with
 * TeX subscripts left in raw text (`IC_{50}`, `K_i`) or spaced (`E max`).
 * Canonical spellings come from {@link canonicalMeasure}.
 */
const MEASURE =
  /(?<![\p{L}\p{N}])(p?g?(?:IC|EC|ED|LD|TD)(?:_\{?)?(?:50|90|80|20|₅₀|₉₀|₈₀|₂₀)\}?|p?K(?:_\{?)?[iIdDbB]\}?|K(?:_\{?)?m\}?|pA(?:_\{?)?[2₂]\}?|E ?_?\{?max\}?|EMAX)(?![\p{L}\p{N}])/gu;
/** Words between a measure and its number: `IC50 = `, `Ki of `, `EC50 values were ~`. */
const CONNECTOR =
  /[ \u00a0]*(?:values?[ \u00a0]+)?(?:(?:of|=|:|≈|~|∼|was|were|is|are|<|>|≤|≥|≅)[ \u00a0]*)?(?:(?:approximately|approx\.|about|~|∼)[ \u00a0]*)?/y;
const NUMBER = /\d+(?:,\d{3}(?!\d))*(?:\.\d+)?(?:[eE][-−+]?\d+)?/y;
/** `× 10⁻⁶`, `x 10^-6` read as `× 10-6` once the caret is dropped; a plain `× 10` is not an exponent. */
const EXPONENT = /[ \u00a0]*[×x·][ \u00a0]*10(?:([-−⁻]?)([0-9⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))/y;
const ERROR = /[ \u00a0]*(?:±|\+\/-|\+\/−|\+-)[ \u00a0]*/y;
const RANGE = /[ \u00a0]*(?:-|–|—|−|‒)[ \u00a0]*|[ \u00a0]+to[ \u00a0]+/y;
const SPACES = /[ \u00a0\u2009\u202f]{0,2}/y;

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** `IC₅₀` → `IC50`, `KD` → `Kd`, `E max` → `Emax`, `pKB` → `pKb`. */
export function canonicalMeasure(written: string): string {
  let s = '';
  for (const ch of written) {
    const sub = SUBSCRIPT_DIGITS.indexOf(ch);
    s += sub >= 0 ? String(sub) : ch;
  }
  s = s.replace(/[\s_{}]+/g, '');
  if (/^emax$/i.test(s)) return 'Emax';
  const k = /^(p?)K([A-Za-z])$/.exec(s);
  if (k) return `${k[1]}K${k[2]!.toLowerCase()}`;
  return s;
}

/** True for measures written as a negative log (pIC50, pKi, pA2): their value stands for 10^-value M. */
export function isLogMeasure(measure: string | null): boolean {
  return measure !== null && /^p[A-Z]/.test(measure);
}

interface NumberToken {
  readonly start: number;
  readonly end: number;
  readonly value: number;
}

function readNumber(text: string, at: number, signed: boolean): NumberToken | null {
  const start = at;
  let sign = 1;
  const c = text[at];
  if (signed && (c === '-' || c === '−' || c === '+' || c === '–')) {
    sign = c === '+' ? 1 : -1;
    at++;
  }
  NUMBER.lastIndex = at;
  const m = NUMBER.exec(text);
  if (!m) return null;
  let value = sign * Number(m[0].replace(/,/g, '').replace('−', '-'));
  let end = at + m[0].length;
  EXPONENT.lastIndex = end;
  const e = EXPONENT.exec(text);
  if (e && (e[1] || /[⁰-⁹¹²³]/.test(e[2]!))) {
    let digits = '';
    for (const ch of e[2]!) {
      const sup = SUPERSCRIPT_DIGITS.indexOf(ch);
      digits += sup >= 0 ? String(sup) : ch;
    }
    const power = (e[1] ? -1 : 1) * Number(digits);
    value = power < 0 ? value / 10 ** -power : value * 10 ** power;
    end = EXPONENT.lastIndex;
  }
  if (!Number.isFinite(value)) return null;
  return { start, end, value };
}

function readUnit(text: string, at: number): UnitMatch | null {
  SPACES.lastIndex = at;
  SPACES.exec(text);
  return matchUnit(text, SPACES.lastIndex);
}

function sticky(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? re.lastIndex : -1;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether a number may start at `i`: not glued to a word (`CA1`, `Kv1.3`, `NR2B`, `[4]` is fine). */
function startsNumber(text: string, i: number): boolean {
  const prev = text.charCodeAt(i - 1);
  if (i === 0) return true;
  if (isWordChar(prev) || prev === 46 /* . */ || prev === 44 /* , */ || prev === 95 /* _ */) return false;
  return true;
}

/** Where a signed number begins: `-70 mV`, `(+56.5`; not the `-` of a range `10-100`. */
function signStart(text: string, i: number): number {
  const c = text[i - 1];
  if (c !== '-' && c !== '−' && c !== '+' && c !== '–') return i;
  const before = text.charCodeAt(i - 2);
  if (i - 2 >= 0 && (isWordChar(before) || before === 41 /* ) */ || before === 46 || before === 37 /* % */)) return i;
  return i - 1;
}

/** Converts `value` from concentration unit exponent `from` to `to` (nM = 9, μM = 6). */
function rescale(value: number, from: number, to: number): number {
  const d = from - to;
  return d > 0 ? value / 10 ** d : value * 10 ** -d;
}

function toMolar(value: number, exponent: number): number {
  return exponent > 0 ? value / 10 ** exponent : value;
}

/** Every quantity in `text`, in order, not overlapping. */
export function scanQuantities(text: string): ScannedQuantity[] {
  const measures = new Map<number, { measure: string; start: number }>();
  MEASURE.lastIndex = 0;
  for (let m = MEASURE.exec(text); m; m = MEASURE.exec(text)) {
    const at = sticky(CONNECTOR, text, m.index + m[0].length);
    if (at >= 0) measures.set(at, { measure: canonicalMeasure(m[1]!), start: m.index });
  }

  const out: ScannedQuantity[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    if (!startsNumber(text, i)) {
      while (i < n && (isDigit(text.charCodeAt(i)) || text[i] === '.' || text[i] === ',')) i++;
      continue;
    }
    const found = readQuantityAt(text, signStart(text, i), i, measures);
    if (found) {
      out.push(found);
      i = Math.max(found.end, i + 1);
    } else {
      while (i < n && (isDigit(text.charCodeAt(i)) || text[i] === '.' || text[i] === ',')) i++;
    }
  }
  return out;
}

function readQuantityAt(
  text: string,
  signedAt: number,
  digitAt: number,
  measures: ReadonlyMap<number, { measure: string; start: number }>,
): ScannedQuantity | null {
  const first = readNumber(text, signedAt, signedAt !== digitAt) ?? readNumber(text, digitAt, false);
  if (!first) return null;
  const named = measures.get(first.start) ?? measures.get(digitAt);
  const measure = named?.measure ?? null;
  const start = named ? named.start : first.start;

  let unit: UnitMatch | null = readUnit(text, first.end);
  let end = unit ? unit.end : first.end;
  let valueMax: number | null = null;
  let error: number | null = null;

  // ± error: `56.5 ± 4.87%`, `6 μM ± 1`.
  const errorAt = sticky(ERROR, text, end);
  if (errorAt >= 0) {
    const e = readNumber(text, errorAt, false);
    if (e) {
      const errorUnit = readUnit(text, e.end);
      if (!unit || !errorUnit || errorUnit.unit === unit.unit) {
        error = e.value;
        unit = unit ?? errorUnit;
        end = errorUnit ? errorUnit.end : e.end;
      }
    }
  }

  // Range: `10-100 μM`, `0.1 nM–10 μM`, `24 to 48 h`.
  let upperUnit: UnitMatch | null = null;
  if (error === null) {
    const rangeAt = sticky(RANGE, text, end);
    if (rangeAt >= 0) {
      const second = readNumber(text, rangeAt, /to/.test(text.slice(end, rangeAt)));
      if (second) {
        const u2 = readUnit(text, second.end);
        // Both ends in one unit, or two concentrations (`0.1 nM–10 μM`).
        const compatible = u2 && unit && u2.kind === unit.kind && (u2.unit === unit.unit || u2.molarExponent !== null);
        const ascending = u2 && inCommonUnit(second.value, u2, unit ?? u2) >= first.value;
        if (u2 && !unit && isPowerOfTen(first, second, text.slice(end, rangeAt))) {
          // `10^{-6} M` read as `10-6 M`: a descending "range" from 10 is a power of ten.
          return finish(start, u2.end, measure, 10 ** -second.value, u2);
        }
        if (u2 && (!unit || compatible) && ascending) {
          valueMax = second.value;
          upperUnit = u2;
          unit = unit ?? u2;
          end = u2.end;
        } else if (!u2 && !unit && isLogMeasure(measure)) {
          valueMax = second.value;
          end = second.end;
        }
      }
    }
  }

  if (!unit && !isLogMeasure(measure)) return null;
  return finish(start, end, measure, first.value, unit, valueMax, upperUnit, error);
}

/** `10-6` right after a `10` with nothing between but the hyphen: the exponent of `10^-6`. */
function isPowerOfTen(first: NumberToken, second: NumberToken, between: string): boolean {
  return first.value === 10 && /^[-−]$/.test(between) && Number.isInteger(second.value) && second.value < 10 && second.value > 0;
}

/** `value` of unit `from` expressed in unit `to` (concentrations), else unchanged. */
function inCommonUnit(value: number, from: UnitMatch, to: UnitMatch): number {
  return from.molarExponent !== null && to.molarExponent !== null ? rescale(value, from.molarExponent, to.molarExponent) : value;
}

/** Builds the quantity, converting concentrations (and p-values) to molar. */
function finish(
  start: number,
  end: number,
  measure: string | null,
  value: number,
  unit: UnitMatch | null,
  upperValue: number | null = null,
  upperUnit: UnitMatch | null = null,
  error: number | null = null,
): ScannedQuantity {
  let valueMax = upperValue;
  let molar: number | null = null;
  let molarMax: number | null = null;
  if (unit && unit.molarExponent !== null) {
    molar = toMolar(value, unit.molarExponent);
    if (valueMax !== null) {
      const upperExponent = upperUnit?.molarExponent ?? unit.molarExponent;
      molarMax = toMolar(valueMax, upperExponent);
      valueMax = rescale(valueMax, upperExponent, unit.molarExponent);
    }
  } else if (!unit && isLogMeasure(measure)) {
    molar = 10 ** -value;
    molarMax = valueMax !== null ? 10 ** -valueMax : null;
  }

  return {
    start,
    end,
    measure,
    value,
    valueMax,
    error,
    unit: unit ? unit.unit : null,
    molar,
    molarMax,
  };
}
