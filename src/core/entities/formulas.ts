/**
 * Chemical formulas and ions by their grammar (`../lexicon/elements.json`: the periodic table and
 * the rules): ZnSO4, CuCl2, NaCl, Ca(NO3)2, CuSO4·5H2O, Ca2+, K+, HCO3- are other chemicals
 * (kind `chemical`), read in the pattern form of a block (subscripts and superscripts as digits).
 * A charge written apart in brackets, as tokenised text has it ("Ca ( 2 + )"), is not part of
 * the mention. Each is a candidate of the lowest rank: a lexicon name or a target pattern over
 * the same text wins.
 */
import data from '../lexicon/elements.json';
import { balanced } from '../text/brackets.js';
import type { Candidate } from './candidates.js';
import type { EntityRegistry } from './context.js';

const NOT_IN_FORMULAS = new Set(data.notInFormulas);
const ELEMENTS = new Set(data.elements.map((e) => e.symbol).filter((s) => !NOT_IN_FORMULAS.has(s)));
const SMALL = new Set(data.singleLetterSmall);
const JOINERS = data.hydrateJoiners.map((j) => j.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('');
const HYDRATE = new RegExp(`[${JOINERS}]\\d*H2O$`, 'u');
/** A run of symbols, counts and brackets, a hydrate after a joiner, then an attached charge, or a charge written apart in brackets. */
const TOKEN = new RegExp(
  `(?<![\\p{L}\\p{N}\\-+])([A-Z(][A-Za-z0-9()]*(?:[${JOINERS}]\\d*H2O)?)(\\d*[+-](?![\\p{L}\\p{N}+]|-[\\p{Lu}\\p{N}]))?( ?\\( ?\\d* ?[+-] ?\\))?`,
  'gu',
);

/** What a formula is made of: its symbols' count, whether one has two letters, its written counts. */
interface Parsed {
  readonly symbols: number;
  readonly elements: ReadonlySet<string>;
  readonly twoLetter: boolean;
  readonly counts: number;
  /** A count of 1 was written (no chemist writes it: a gene or channel number, CB1, NaV1). */
  readonly one: boolean;
}

/** Parses element symbols with counts and bracketed groups; null when any character is left. */
export function parseFormula(text: string): Parsed | null {
  // Three capitals or more, then one small letter: an acronym with a member letter (PKCa), not P, K and Ca.
  if (/^[A-Z]{3,}[a-z]$/.test(text)) return null;
  const elements = new Set<string>();
  let symbols = 0;
  let twoLetter = false;
  let counts = 0;
  let one = false;
  let depth = 0;
  let i = 0;
  const count = (): void => {
    const m = /^\d+/.exec(text.slice(i));
    if (!m) return;
    counts++;
    if (m[0] === '1') one = true;
    i += m[0].length;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '(') {
      depth++;
      i++;
      continue;
    }
    if (ch === ')') {
      if (depth === 0) return null;
      depth--;
      i++;
      count();
      continue;
    }
    if (!/[A-Z]/.test(ch)) return null;
    const two = text.slice(i, i + 2);
    let symbol: string;
    if (/^[A-Z][a-z]$/.test(two)) {
      if (!ELEMENTS.has(two)) return null;
      symbol = two;
      twoLetter = true;
    } else {
      if (!ELEMENTS.has(ch)) return null;
      symbol = ch;
    }
    elements.add(symbol);
    symbols++;
    i += symbol.length;
    count();
  }
  return depth === 0 ? { symbols, elements, twoLetter, counts, one } : null;
}

/** Whether a parsed formula is one by its form, not a gene or channel symbol made of element letters (CB2, SH2, NOS). */
function formulaShaped(p: Parsed): boolean {
  if (p.symbols < 2 || p.one) return false;
  if (p.twoLetter) return true;
  if (p.counts >= data.twoCountsSingle) return true;
  return p.counts >= 1 && [...p.elements].every((e) => SMALL.has(e)) && p.elements.has(data.singleLetterNeeds);
}

/** Adds a chemical candidate for every formula and ion in a block's pattern text. */
export function formulaCandidates(pat: string, out: Candidate[], registry: EntityRegistry): void {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(pat); m; m = TOKEN.exec(pat)) {
    const [whole, body, attached, apart] = m as unknown as [string, string, string | undefined, string | undefined];
    const end = m.index + whole.length;
    // A decimal or a numbered part after it (a channel number, NaCl-2): a name's part, not a formula.
    if (/^(?:\.\d|-[\p{Lu}\p{N}])/u.test(pat.slice(end, end + 2))) continue;
    let start = m.index;
    let text = body;
    // Brackets around the formula are the sentence's ("toxicant (ZnSO4)"), not the formula's.
    while (text.startsWith('(') && !balanced(text, '(', ')')) [start, text] = [start + 1, text.slice(1)];
    while (text.endsWith(')') && !balanced(text, '(', ')')) text = text.slice(0, -1);
    if (/^\([^()]*\)$/.test(text)) [start, text] = [start + 1, text.slice(1, -1)];
    const trimmed = text !== body;
    const hydrate = HYDRATE.exec(text);
    const formula = hydrate ? text.slice(0, hydrate.index) : text;
    const parsed = parseFormula(formula);
    if (!parsed) continue;
    const charge = trimmed ? undefined : (attached ?? apart);
    const ion = charge !== undefined && (parsed.symbols === 1 ? parsed.counts === 0 || Number(/\d+$/.exec(formula)![0]) <= data.maxIonNumber : formulaShaped(parsed) || [...parsed.elements].every((e) => SMALL.has(e)));
    if (!ion && !formulaShaped(parsed)) continue;
    // A lone one-letter element with a minus is a hyphen far more often (I- and II-).
    if (ion && parsed.symbols === 1 && formula.length === 1 && /-/.test(charge!) && !data.minusForSingleLetters) continue;
    const spanEnd = start + text.length + (trimmed ? 0 : (attached?.length ?? 0));
    // An ion is named with its charge, however the charge is written (Ca2+, Ca ( 2 + )).
    const written = pat.slice(start, spanEnd) + (ion && !attached ? charge!.replace(/[ ()]/g, '') : '');
    const entity = registry.pattern({
      start,
      end: spanEnd,
      kind: 'chemical',
      canonical: written,
      pattern: ion ? 'an ion by its formula' : 'a chemical formula',
      class: ion ? 'ion' : 'inorganic formula',
      related: [],
    });
    // A reagent the non-entity list blocks as a ligand or target (NaCl, KCl) is still this chemical.
    for (let i = out.length - 1; i >= 0; i--) if (!out[i]!.entity && out[i]!.start === start && out[i]!.end === spanEnd) out.splice(i, 1);
    out.push({ start, end: spanEnd, entity, source: 'pattern' });
  }
}

