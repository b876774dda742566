/**
 * Nomenclature patterns (from `../lexicon/patterns.json`): the written form of channel, receptor
 * and gene names, of compound code names and of stereo descriptors. Compiled once.
 */
import guards from '../lexicon/guards.json';
import nonEntities from '../lexicon/non-entities.json';
import data from '../lexicon/patterns.json';
import type { EntityKind } from '../types.js';
import { isWordChar, patternText } from './normalize.js';

export interface TargetPattern {
  readonly name: string;
  readonly regex: RegExp;
  readonly canonical: string;
  readonly class: string | null;
  readonly related: readonly string[];
}

export interface Nomenclature {
  readonly targets: readonly TargetPattern[];
  readonly code: RegExp;
  readonly codeFull: RegExp;
  readonly spacePrefixes: ReadonlySet<string>;
  readonly badPrefixes: ReadonlySet<string>;
  readonly unitsAfter: RegExp;
  readonly stereoBefore: RegExp;
  readonly abbreviationHeads: readonly string[];
  readonly pluralHeads: readonly string[];
  readonly readoutWords: readonly string[];
  readonly tableNonNames: ReadonlySet<string>;
}

/** A name found by a pattern, in the coordinates of the text searched. */
export interface PatternHit {
  readonly start: number;
  readonly end: number;
  readonly kind: EntityKind;
  /** Canonical spelling, from the pattern's template (e.g. `Kv$1.$2`). */
  readonly canonical: string;
  readonly pattern: string;
  readonly class: string | null;
  readonly related: readonly string[];
  /** For code names: the key that merges spelling variants (`+|ABC1234` for `(+)-ABC 1,234`). */
  readonly code?: string;
  /** For code names: the key without the stereo descriptor. */
  readonly baseCode?: string;
  /** For code names with a stereo descriptor: its normalised sign. */
  readonly sign?: string;
  /**
   * Read by its form alone where the form is trustworthy (a drug stem, a chemical ending in prose):
   * the same spelling elsewhere in the document (a table header, say) is the same entity.
   */
  readonly spreads?: boolean;
}

const EDGE_AFTER = '(?![\\p{L}\\p{N}])';

/** The pattern name of compound code names (a pattern entity's provenance names it). */
export const CODE_NAME_PATTERN = 'compound code name';

let compiled: Nomenclature | undefined;

/** The compiled nomenclature patterns. */
export function nomenclature(): Nomenclature {
  if (!compiled) {
    const code = data.codeName;
    compiled = {
      targets: data.targets.map((t) => ({
        name: t.name,
        regex: new RegExp(`(?:${t.source})${EDGE_AFTER}`, 'gu'),
        canonical: t.canonical,
        class: t.class,
        related: t.related,
      })),
      code: new RegExp(`(?:${code.source})${EDGE_AFTER}`, 'gu'),
      codeFull: new RegExp(`^(?:${code.source})$`, 'u'),
      spacePrefixes: new Set(code.spaceSeparatedPrefixes),
      badPrefixes: new Set(nonEntities.codeNamePrefixes),
      unitsAfter: new RegExp(code.unitsAfter, 'u'),
      stereoBefore: new RegExp(data.stereoPrefix.source, 'u'),
      abbreviationHeads: data.abbreviationHeads,
      pluralHeads: data.pluralHeads,
      readoutWords: data.tableReadoutWords,
      tableNonNames: new Set(data.tableNonNames),
    };
  }
  return compiled;
}

/** `(-)`, `(−)` → `−`; `(+/-)`, `(±)` → `±`; `(R,S)` → `RS`. */
export function normaliseSign(sign: string): string {
  if (sign === '-' || sign === '−') return '−';
  if (sign === '+/-' || sign === '±') return '±';
  if (sign === 'R,S') return 'RS';
  return sign;
}

/** Slug word for a sign, used in ids: `+` → `plus`. */
export function signSlug(sign: string): string {
  return sign === '+' ? 'plus' : sign === '−' ? 'minus' : sign === '±' ? 'rac' : sign.toLowerCase();
}

/** Splits a name written with a leading stereo descriptor: `(+)-X` → sign `+`, rest `X`. */
export function stereoSign(name: string): { sign: string; rest: string } | null {
  const m = /^\((\+|−|-|±|\+\/-|R|S|RS|R,S)\)-? ?(.+)$/u.exec(patternText(name.trim()));
  return m ? { sign: normaliseSign(m[1]!), rest: m[2]! } : null;
}

/** The stereo descriptor written just before `at`, if any: its sign and where it starts. */
export function stereoBefore(text: string, at: number): { sign: string; start: number } | null {
  const from = Math.max(0, at - 8);
  const m = nomenclature().stereoBefore.exec(text.slice(from, at));
  if (!m) return null;
  const start = from + m.index;
  if (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1]!)) return null;
  return { sign: normaliseSign(m[1]!), start };
}

/** The merging key of a whole string that is a code name (`(+)-ABC 1,234` → `+|ABC1234`), else null. */
export function codeNameKey(name: string): string | null {
  const m = nomenclature().codeFull.exec(patternText(name.trim()));
  if (!m || !validCode(m, '')) return null;
  return keyOf(m).code;
}

function keyOf(m: RegExpExecArray): { code: string; base: string; sign: string } {
  const sign = m[1] ? normaliseSign(/\((.+)\)/.exec(m[1])![1]!) : '';
  const base = `${m[2]}${m[4]}${m[5] ?? ''}`.toUpperCase().replace(/[^\p{L}\p{N}&]/gu, '');
  return { code: `${sign}|${base}`, base: `|${base}`, sign };
}

function validCode(m: RegExpExecArray, after: string): boolean {
  const n = nomenclature();
  const prefix = m[2]!;
  const sep = m[3]!;
  const digits = m[4]!.replace(/,/g, '');
  if (n.badPrefixes.has(prefix)) return false;
  if (sep === ' ' && !n.spacePrefixes.has(prefix) && !m[4]!.includes(',')) return false;
  if (sep === ' ' && /^(?:19|20)\d\d$/.test(m[4]!)) return false;
  if (prefix.length === 1 && sep === '' && (digits.length < 4 || digits.length > 6)) return false;
  if (n.unitsAfter.test(after)) return false;
  return true;
}

/** No letter or digit just before `at`. (Checked here, not in the regexes: a leading lookbehind makes V8 try every position.) */
function startsWord(text: string, at: number): boolean {
  return at === 0 || !isWordChar(text, at - 1);
}

let guardRegex: RegExp | undefined;

/**
 * Where the precision guards of `../lexicon/guards.json` match (residues, accessions, catalogue
 * numbers, postal boxes): spans no entity may overlap. Written against {@link patternText}.
 */
export function guardSpans(text: string): { start: number; end: number }[] {
  guardRegex ??= new RegExp(`(?:${guards.patterns.map((g) => `(?:${g.source})`).join('|')})${EDGE_AFTER}`, 'gu');
  const out: { start: number; end: number }[] = [];
  guardRegex.lastIndex = 0;
  for (let m = guardRegex.exec(text); m; m = guardRegex.exec(text)) {
    if (!startsWord(text, m.index)) {
      guardRegex.lastIndex = m.index + 1;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Names that are never entities: the non-entities list and the culture media of the guards. */
export function nonEntityNames(): readonly string[] {
  return [...nonEntities.names, ...guards.media.names];
}

/** Every pattern hit in a text (written against {@link patternText}); hits may overlap. */
export function findPatternHits(text: string): PatternHit[] {
  const n = nomenclature();
  const hits: PatternHit[] = [];
  for (const p of n.targets) {
    p.regex.lastIndex = 0;
    for (let m = p.regex.exec(text); m; m = p.regex.exec(text)) {
      if (!startsWord(text, m.index)) {
        p.regex.lastIndex = m.index + 1;
        continue;
      }
      const canonical = p.canonical.replace(/\$(\d)/g, (_, d: string) => m![Number(d)] ?? '');
      hits.push({ start: m.index, end: m.index + m[0].length, kind: 'target', canonical, pattern: p.name, class: p.class, related: p.related });
    }
  }
  n.code.lastIndex = 0;
  for (let m = n.code.exec(text); m; m = n.code.exec(text)) {
    if (!startsWord(text, m.index)) {
      n.code.lastIndex = m.index + 1;
      continue;
    }
    const end = m.index + m[0].length;
    if (!validCode(m, text.slice(end, end + 8))) continue;
    const key = keyOf(m);
    const written = m[0].slice(m[1]?.length ?? 0);
    const canonical = key.sign ? `(${key.sign})-${written}` : written;
    hits.push({
      start: m.index,
      end,
      kind: 'ligand',
      canonical,
      pattern: CODE_NAME_PATTERN,
      class: null,
      related: [],
      code: key.code,
      baseCode: key.base,
      ...(key.sign ? { sign: key.sign } : {}),
    });
  }
  return hits;
}
