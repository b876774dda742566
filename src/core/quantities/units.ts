/**
 * The units a quantity may carry, with the spellings extracted papers use for them.
 *
 * Matching is case-sensitive (`nM` is a concentration, `nm` a length; `mg` a mass, `Mg` magnesium).
 * Before matching, `µ` (U+00B5) and a `u` prefix read as `μ` (U+03BC), a Greek capital mu after
 * the first character as `M`, and the stray space that PDF
 * extraction leaves after `μ` or `°` and before `Ω` (`1 μ M`, `3 M Ω`) is skipped.
 */

export type UnitKind =
  | 'concentration'
  | 'mass-concentration'
  | 'dose'
  | 'mass'
  | 'volume'
  | 'length'
  | 'voltage'
  | 'resistance'
  | 'current'
  | 'frequency'
  | 'time'
  | 'temperature'
  | 'percent'
  | 'centrifugal'
  | 'molecular-mass'
  | 'fold';

export interface UnitInfo {
  /** Normalised spelling, e.g. `μM`, `MΩ`, `× g`. */
  readonly unit: string;
  readonly kind: UnitKind;
  /** For concentrations: mol/L = value × 10^-exponent (nM → 9). */
  readonly molarExponent: number | null;
}

/** Normalised unit → kind, molar exponent and the spellings (in the normalised alphabet). */
const UNITS: ReadonlyArray<readonly [string, UnitKind, number | null, readonly string[]]> = [
  ['fM', 'concentration', 15, ['fM', 'fmol/L', 'fmol/l']],
  ['pM', 'concentration', 12, ['pM', 'pmol/L', 'pmol/l']],
  ['nM', 'concentration', 9, ['nM', 'nmol/L', 'nmol/l']],
  ['μM', 'concentration', 6, ['μM', 'μmol/L', 'μmol/l']],
  ['mM', 'concentration', 3, ['mM', 'mmol/L', 'mmol/l']],
  ['M', 'concentration', 0, ['M', 'mol/L', 'mol/l']],
  ['mg/mL', 'mass-concentration', null, ['mg/mL', 'mg/ml']],
  ['μg/mL', 'mass-concentration', null, ['μg/mL', 'μg/ml']],
  ['ng/mL', 'mass-concentration', null, ['ng/mL', 'ng/ml']],
  ['pg/mL', 'mass-concentration', null, ['pg/mL', 'pg/ml']],
  ['mg/L', 'mass-concentration', null, ['mg/L', 'mg/l']],
  ['μg/L', 'mass-concentration', null, ['μg/L', 'μg/l']],
  ['ng/L', 'mass-concentration', null, ['ng/L']],
  ['mg/kg', 'dose', null, ['mg/kg', 'mg kg-1', 'mg kg−1', 'mg kg⁻¹', 'mg·kg-1', 'mg·kg−1', 'mg·kg⁻¹']],
  ['μg/kg', 'dose', null, ['μg/kg', 'μg kg-1', 'μg kg⁻¹']],
  ['ng/kg', 'dose', null, ['ng/kg']],
  ['g/kg', 'dose', null, ['g/kg']],
  ['mg', 'mass', null, ['mg']],
  ['μg', 'mass', null, ['μg']],
  ['ng', 'mass', null, ['ng']],
  ['pg', 'mass', null, ['pg']],
  ['L', 'volume', null, ['L']],
  ['mL', 'volume', null, ['mL', 'ml']],
  ['μL', 'volume', null, ['μL', 'μl']],
  ['nL', 'volume', null, ['nL', 'nl']],
  ['nm', 'length', null, ['nm']],
  ['μm', 'length', null, ['μm']],
  ['mm', 'length', null, ['mm']],
  ['cm', 'length', null, ['cm']],
  ['mV', 'voltage', null, ['mV']],
  ['μV', 'voltage', null, ['μV']],
  ['GΩ', 'resistance', null, ['GΩ', 'GOhm', 'Gohm', 'GOhms', 'Gohms']],
  ['MΩ', 'resistance', null, ['MΩ', 'MOhm', 'Mohm', 'MOhms', 'Mohms']],
  ['kΩ', 'resistance', null, ['kΩ', 'kOhm', 'kohm', 'kOhms', 'kohms']],
  ['pA', 'current', null, ['pA']],
  ['nA', 'current', null, ['nA']],
  ['μA', 'current', null, ['μA']],
  ['Hz', 'frequency', null, ['Hz']],
  ['kHz', 'frequency', null, ['kHz']],
  ['ms', 'time', null, ['ms', 'msec']],
  ['s', 'time', null, ['s', 'sec', 'secs', 'second', 'seconds']],
  ['min', 'time', null, ['min', 'mins', 'minute', 'minutes']],
  ['h', 'time', null, ['h', 'hr', 'hrs', 'hour', 'hours']],
  ['d', 'time', null, ['d', 'day', 'days']],
  ['°C', 'temperature', null, ['°C', 'ºC', '℃']],
  ['%', 'percent', null, ['%']],
  ['× g', 'centrifugal', null, ['× g', '×g', 'x g', 'xg']],
  ['kDa', 'molecular-mass', null, ['kDa']],
  ['fold', 'fold', null, ['-fold', '‑fold', 'fold']],
];

interface Form {
  readonly spelling: string;
  readonly info: UnitInfo;
}

/** Spellings grouped by first character, longest first, so a match costs a handful of comparisons. */
const BY_FIRST = new Map<string, Form[]>();
const BY_UNIT = new Map<string, UnitInfo>();
for (const [unit, kind, molarExponent, spellings] of UNITS) {
  const info: UnitInfo = { unit, kind, molarExponent };
  BY_UNIT.set(unit, info);
  for (const spelling of spellings) {
    const list = BY_FIRST.get(spelling[0]!) ?? [];
    list.push({ spelling, info });
    BY_FIRST.set(spelling[0]!, list);
  }
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.spelling.length - a.spelling.length);

/** The unit with this normalised spelling (`μM`, `%`), if known. */
export function unitInfo(unit: string): UnitInfo | undefined {
  return BY_UNIT.get(unit);
}

export interface UnitMatch extends UnitInfo {
  /** Index just after the unit in the scanned text. */
  readonly end: number;
}

const MICRO = new Set(['μ', 'µ']);
/** Letters that may follow a `u` standing for μ. */
const U_PREFIXED = new Set(['M', 'm', 'L', 'l', 'g', 'A', 'V']);
const MAX_WINDOW = 12;

/**
 * Reads a unit starting exactly at `text[at]`. Returns the longest spelling that matches and is not
 * followed by a letter or digit (so `Mg` is not `M`, and `mins` is read whole).
 */
export function matchUnit(text: string, at: number): UnitMatch | null {
  // Normalise a short window: µ/u → μ, drop the space after μ and °, and before Ω.
  let window = '';
  const source: number[] = [];
  for (let i = at; i < text.length && window.length < MAX_WINDOW; i++) {
    let ch = text[i]!;
    if (MICRO.has(ch) || (ch === 'u' && i === at && U_PREFIXED.has(text[i + 1] ?? ''))) ch = 'μ';
    // A Greek capital mu after a prefix is a molar M typed on a Greek keyboard (`0.91 μΜ`).
    else if (ch === 'Μ' && i > at) ch = 'M';
    if (ch === ' ' && i > at) {
      const prev = window[window.length - 1];
      const next = text[i + 1];
      if (prev === 'μ' || prev === '°' || next === 'Ω') continue;
    }
    window += ch;
    source.push(i);
  }
  const candidates = BY_FIRST.get(window[0] ?? '');
  if (!candidates) return null;
  for (const form of candidates) {
    if (!window.startsWith(form.spelling)) continue;
    const last = source[form.spelling.length - 1]!;
    const end = last + 1;
    if (isWordChar(text.charCodeAt(last)) && isWordChar(text.charCodeAt(end))) continue;
    return { ...form.info, end };
  }
  return null;
}

/** Letters (Latin, Greek, μ, Ω) and digits: what may not directly follow a unit. */
export function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 0xb5 ||
    (code >= 0x391 && code <= 0x3c9)
  );
}
