/** What each table column holds, read from its header words (the whole header path over it). */
import { canonicalMeasure, normaliseUnit } from '../quantities/index.js';
import type { TableCell } from '../types.js';
import vocabulary from './vocabulary.json';

export type ColumnRole = 'references' | 'measure' | 'effect' | 'context' | 'ligand' | 'target';

export interface Column {
  readonly index: number;
  /** The header as shown: the path's texts joined with " › ". */
  readonly header: string;
  readonly role: ColumnRole | null;
  /** A unit the header gives its numbers: `Ki (nM)` → `nM`. */
  readonly unit: string | null;
  /** A measure the header names: `IC50 (μM)` → `IC50`, `% inhibition` → `inhibition`. */
  readonly measure: string | null;
  /** The error the header says its ± figures are: `IC50 ± S.D. (μM)` → `SD`. */
  readonly errorKind: string | null;
  /** What the column adds to the value of the column it follows: an `n` column, an SD/SEM column, a Hill slope. */
  readonly companion: 'n' | 'error' | 'other' | null;
  /** The header cells over the column, top to bottom. */
  readonly path: readonly TableCell[];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One whole-word alternation per role, longest words first. */
const ROLE_PATTERNS: ReadonlyArray<readonly [ColumnRole, RegExp]> = (vocabulary.roleOrder as ColumnRole[]).map((role) => {
  const words = [...vocabulary.columns[role]].sort((a, b) => b.length - a.length).map(escape);
  return [role, new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'iu')] as const;
});

/** Measures a header may name; `%` with an inhibition word is the measure `inhibition`. */
const HEADER_MEASURE =
  /(?<![\p{L}\p{N}])(p?(?:IC|EC|ED|LD|GI|CC|AC|TD)[ _]?(?:50|90|80|20|₅₀|₉₀|5[oO])|p?K[ _]?[idbIDB]|K[ _]?[mM]|pA[ _]?2|E ?max)(?![\p{L}\p{N}])/iu;
const HEADER_MEASURES = new RegExp(HEADER_MEASURE.source, 'giu');

/**
 * The first measure named in a header that is not one term of a ratio: `Intrinsic clearance
 * (Vmax/Km)` holds clearances, not Km values.
 */
function measureMatch(text: string): RegExpExecArray | null {
  HEADER_MEASURES.lastIndex = 0;
  for (let m = HEADER_MEASURES.exec(text); m; m = HEADER_MEASURES.exec(text)) {
    const before = text.slice(0, m.index).trimEnd();
    const after = text.slice(m.index + m[0].length).trimStart();
    if (!before.endsWith('/') && !after.startsWith('/')) return m;
  }
  return null;
}

/** `MIC` only in capitals (`fu,mic` is a fraction unbound in microsomes). */
const MIC = /(?<![\p{L}\p{N}])MIC(?![\p{L}\p{N}])/u;
const PERCENT_MEASURE = new RegExp(`%\\s*(?:of\\s+)?(${vocabulary.percentMeasures.map(escape).join('|')})|(${vocabulary.percentMeasures.map(escape).join('|')})\\s*(?:\\(\\s*%\\s*\\)|\\[\\s*%\\s*\\]|%)`, 'iu');
const PARENTHESIS = /[([]\s*([^()[\]]{1,40}?)\s*[)\]]/g;
const ERROR_KIND = /(?<![\p{L}])(S\.?E\.?M\.?|S\.?D\.?|S\.?E\.?|95\s*%\s*C\.?I\.?|C\.?I\.?)(?![\p{L}])/u;
const COMPANIONS: ReadonlyArray<readonly [Exclude<Column['companion'], null>, RegExp]> = [
  ['n', new RegExp(`^(?:${vocabulary.companions.n.map(escape).join('|')})$`, 'i')],
  ['error', new RegExp(`^(?:${vocabulary.companions.error.map(escape).join('|')})$`, 'i')],
  ['other', new RegExp(`^(?:${vocabulary.companions.other.map(escape).join('|')})$`, 'i')],
];

/** The role of a column from its header text, or null when no vocabulary word appears. */
export function roleOfHeader(header: string): ColumnRole | null {
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(header)) return role;
  return null;
}

/**
 * The kind of entity a column's cells name, read from its header by the same words (and the same
 * precedence) as {@link roleOfHeader}, so that the recogniser's table entities and the records
 * agree on which columns hold ligands and targets.
 */
export function entityColumnOf(header: string): 'ligand' | 'target' | null {
  const role = roleOfHeader(header);
  return role === 'ligand' || role === 'target' ? role : null;
}

/** The measure a header (or caption) names, in its usual spelling, else null. */
export function headerMeasure(text: string): string | null {
  const named = measureMatch(text);
  // A converter may read the zero of `IC50` as a letter (`IC5o`).
  if (named) return canonicalMeasure(fixCase(named[1]!.replace(/[ _]/g, '').replace(/5[oO]$/, '50')));
  if (MIC.test(text)) return 'MIC';
  return PERCENT_MEASURE.test(text) ? 'inhibition' : null;
}

/**
 * What a row label names besides its measure: `Ki CYP3A4` → `CYP3A4`, `CYP1A2 Ki,u` → `CYP1A2`;
 * null when nothing name-like is left.
 */
export function labelRemainder(text: string): string | null {
  const named = measureMatch(text) ?? MIC.exec(text);
  if (!named) return null;
  // A short subscript (`Ki,u`, `fu,mic`) qualifies the measure; a long one names the target (`Ki_CYP2C19`).
  const after = text.slice(named.index + named[0].length).replace(/^[,_.][\p{L}\p{N}]{1,3}(?![\p{L}\p{N}])/u, '').replace(/^_/, ' ');
  const rest = (text.slice(0, named.index) + ' ' + after)
    .replace(/\([^()]*\)/g, ' ')
    .replace(/[*+†‡§]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/\p{L}/u.test(rest) || rest.split(' ').length > 3 || isHeaderText(rest)) return null;
  return rest;
}

/**
 * The unit a header gives its numbers: in parentheses or brackets (`Ki (nM)`, `(μM, n = 3)`,
 * `(% of control)`, `[nM]`), after a comma (`IC50, μM`), or a leading `%` (`% inhibition`).
 */
export function headerUnit(text: string): string | null {
  const whole = normaliseUnit(text);
  if (whole) return whole;
  PARENTHESIS.lastIndex = 0;
  for (let m = PARENTHESIS.exec(text); m; m = PARENTHESIS.exec(text)) {
    for (const piece of m[1]!.split(/[,;]/)) {
      const unit = leadingUnit(piece);
      if (unit) return unit;
    }
  }
  const afterComma = /,\s*([^,()]{1,12})$/.exec(text);
  if (afterComma) {
    const unit = normaliseUnit(afterComma[1]!);
    if (unit) return unit;
  }
  const afterMeasure = /(?:50|[idb]|max)\s+([^\s()]{1,8})$/i.exec(text);
  if (afterMeasure) {
    const unit = normaliseUnit(afterMeasure[1]!);
    if (unit) return unit;
  }
  return /^\s*%/.test(text) || /\(\s*%/.test(text) || /%\s*$/.test(text) ? '%' : null;
}

/** A unit written alone or first in a piece of a parenthesis: `nM`, `% of control`, `μM n = 3`. */
function leadingUnit(piece: string): string | null {
  const trimmed = piece.trim();
  const whole = normaliseUnit(trimmed);
  if (whole) return whole;
  const first = /^(\S{1,8})\s/.exec(trimmed);
  if (first && first[1] === '%') return '%';
  return first ? normaliseUnit(first[1]!) : null;
}

/** The kind of error a header names (`± S.D.`, `mean ± SEM`), normalised (`SD`, `SEM`, `SE`, `CI`). */
export function headerErrorKind(text: string): string | null {
  const m = ERROR_KIND.exec(text);
  if (!m) return null;
  const bare = m[1]!.replace(/[.\s]/g, '').toUpperCase();
  return bare.endsWith('CI') ? 'CI' : bare;
}

/** What a header names when it only adds to its neighbour's value: `n`, `SEM`, `nH`, `Hill slope`. */
function companionOf(text: string): Column['companion'] {
  const bare = text.replace(/\s*[([][^()[\]]*[)\]]\s*$/, '').trim();
  for (const [kind, pattern] of COMPANIONS) if (pattern.test(bare)) return kind;
  return null;
}

/** True when a header cell's text names what a column holds: a role word, a measure, a unit or a companion (`n`, `SEM`, `nH`). */
export function isHeaderText(text: string): boolean {
  return roleOfHeader(text) !== null || headerMeasure(text) !== null || headerUnit(text) !== null || companionOf(text) !== null;
}

/** A column as its header path says: the lowest header naming a measure or unit wins, the group gives the rest. */
export function readColumn(index: number, path: readonly TableCell[]): Column {
  const texts = path.map((c) => c.plain);
  const header = texts.join(' › ');
  let unit: string | null = null;
  let measure: string | null = null;
  let errorKind: string | null = null;
  for (let i = texts.length - 1; i >= 0; i--) {
    unit ??= headerUnit(texts[i]!);
    measure ??= headerMeasure(texts[i]!);
    errorKind ??= headerErrorKind(texts[i]!);
  }
  const lowest = texts[texts.length - 1] ?? '';
  // The role comes from the lowest header that has one: "Receptor › Ki (nM)" holds values, not receptors.
  let role: ColumnRole | null = null;
  for (let i = texts.length - 1; i >= 0 && !role; i--) role = roleOfHeader(texts[i]!);
  if (measure && role !== 'measure' && role !== 'effect' && role !== 'references') role = measure === 'inhibition' ? 'effect' : 'measure';
  const companion = measure ? null : companionOf(lowest);
  return { index, header, role: companion ? null : role, unit, measure, errorKind, companion, path };
}

/** Reads a header row into column descriptions (each column headed by one cell). */
export function readColumns(header: readonly TableCell[]): Column[] {
  return header.map((cell, index) => readColumn(index, [cell]));
}

/** Headers are often upper-cased (`KI`, `IC50`); measures keep their usual case. */
function fixCase(measure: string): string {
  const m = /^(p?)(ic|ec|ed|ld|gi|cc|ac|td)(50|90|80|20|₅₀|₉₀)$/i.exec(measure);
  if (m) return `${m[1]!.toLowerCase()}${m[2]!.toUpperCase()}${m[3]}`;
  if (/^emax$/i.test(measure.replace(' ', ''))) return 'Emax';
  if (/^pa2$/i.test(measure)) return 'pA2';
  if (/^mic$/i.test(measure)) return 'MIC';
  return measure.replace(/^P(?=K)/, 'p').replace(/^k/, 'K');
}
