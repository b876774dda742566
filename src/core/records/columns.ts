/** What each table column holds, read from its header words. */
import { canonicalMeasure, normaliseUnit } from '../quantities/index.js';
import type { TableCell } from '../types.js';
import vocabulary from './vocabulary.json';

export type ColumnRole = 'references' | 'measure' | 'effect' | 'context' | 'ligand' | 'target';

export interface Column {
  readonly index: number;
  readonly header: string;
  readonly role: ColumnRole | null;
  /** A unit the header gives its numbers: `Ki (nM)` → `nM`. */
  readonly unit: string | null;
  /** A measure the header names: `IC50 (μM)` → `IC50`. */
  readonly measure: string | null;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One whole-word alternation per role, longest words first. */
const ROLE_PATTERNS: ReadonlyArray<readonly [ColumnRole, RegExp]> = (vocabulary.roleOrder as ColumnRole[]).map((role) => {
  const words = [...vocabulary.columns[role]].sort((a, b) => b.length - a.length).map(escape);
  return [role, new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'iu')] as const;
});

const HEADER_MEASURE = /(?<![\p{L}\p{N}])(p?(?:IC|EC|ED)50|p?K[idbIDB]|pA2|E ?max)(?![\p{L}\p{N}])/iu;
const HEADER_UNIT = /[([]\s*([^()[\]]{1,14}?)\s*[)\]]/g;

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

/** Reads the header row into column descriptions. */
export function readColumns(header: readonly TableCell[]): Column[] {
  return header.map((cell, index) => {
    const text = cell.plain;
    const named = HEADER_MEASURE.exec(text);
    let unit: string | null = null;
    HEADER_UNIT.lastIndex = 0;
    for (let m = HEADER_UNIT.exec(text); m && !unit; m = HEADER_UNIT.exec(text)) unit = normaliseUnit(m[1]!);
    return {
      index,
      header: text,
      role: roleOfHeader(text),
      unit,
      measure: named ? canonicalMeasure(fixCase(named[1]!)) : null,
    };
  });
}

/** Headers are often upper-cased (`KI`, `IC50`); measures keep their usual case. */
function fixCase(measure: string): string {
  const m = /^(p?)(ic|ec|ed)(50)$/i.exec(measure);
  if (m) return `${m[1]!.toLowerCase()}${m[2]!.toUpperCase()}${m[3]}`;
  if (/^emax$/i.test(measure.replace(' ', ''))) return 'Emax';
  if (/^pa2$/i.test(measure)) return 'pA2';
  return measure.replace(/^P(?=K)/, 'p').replace(/^k/, 'K');
}
