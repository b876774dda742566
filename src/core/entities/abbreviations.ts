/**
 * Abbreviations the text defines: "long form (ABBR)". The abbreviation becomes the long form's
 * entity for the whole document; "long (ABBR) channels" is read as "long channels".
 */
import type { EntitySource } from '../types.js';
import type { Candidate, EntityDef } from './candidates.js';
import type { EntityRegistry } from './context.js';
import { lookupName } from './lexicon.js';
import { isWordChar } from './normalize.js';
import { findPatternHits, nomenclature } from './patterns.js';

/** A spelling the document itself ties to an entity (an abbreviation it defines, a table cell). */
export interface Alias {
  readonly text: string;
  /** Null: the document spells the abbreviation out as something that is no entity (it blocks a database match). */
  readonly entity: EntityDef | null;
  readonly source: EntitySource;
  /** Matched only as written (a product name: its all-capital form in a header is another word). */
  readonly asWritten?: true;
}

export interface ScannedBlock {
  /** Plain text in pattern form. */
  readonly pat: string;
  /** Plain text in match form, folded. */
  readonly folded: string;
  readonly candidates: Candidate[];
}

/** "(ABBR)", or "( ABBR )" as tokenised text writes it. */
const DEFINITION = /\( ?([^()\s]{2,12}) ?\)/g;
const MAX_WORDS_BACK = 8;

/** Finds the definitions in one block; adds long-form candidates to it and aliases to `aliases`. */
export function findAbbreviations(scan: ScannedBlock, registry: EntityRegistry, aliases: Map<string, Alias>): void {
  const { pat } = scan;
  DEFINITION.lastIndex = 0;
  for (let m = DEFINITION.exec(pat); m; m = DEFINITION.exec(pat)) {
    const abbr = m[1]!;
    if (!/^\p{L}/u.test(abbr) || !/\p{Lu}/u.test(abbr)) continue;
    const open = m.index;
    const close = open + m[0].length;
    const longEnd = pat[open - 1] === ' ' ? open - 1 : open;
    if (longEnd === 0) continue;
    if (defineFromCandidate(scan, registry, aliases, abbr, longEnd)) continue;
    if (defineWithHead(scan, registry, aliases, abbr, close, longEnd)) continue;
    defineFromAbbreviation(scan, registry, aliases, abbr, longEnd, open + m[0].indexOf(abbr));
  }
}

/** "long form (ABBR)": a known entity ends just before the parenthesis. */
function defineFromCandidate(scan: ScannedBlock, registry: EntityRegistry, aliases: Map<string, Alias>, abbr: string, longEnd: number): boolean {
  let best: Candidate | undefined;
  for (const c of scan.candidates) if (c.entity && c.end === longEnd && (!best || c.start < best.start)) best = c;
  if (!best?.entity) return false;
  // A guard over the long form (an eponymous disease) keeps its abbreviation from the entity too.
  const b = best;
  if (scan.candidates.some((c) => !c.entity && c.start < b.end && b.start < c.end)) return false;
  const longText = scan.pat.slice(best.start, longEnd);
  if (longFormStart(abbr, longText) < 0) return false;
  alias(registry, aliases, abbr, best.entity, 'abbreviation');
  return true;
}

/** "long form (ABBR) channels": the head noun follows the parenthesis; "long form channels" is a known name. */
function defineWithHead(scan: ScannedBlock, registry: EntityRegistry, aliases: Map<string, Alias>, abbr: string, close: number, longEnd: number): boolean {
  const after = /^ (\p{L}+)/u.exec(scan.pat.slice(close, close + 24));
  if (!after || !nomenclature().abbreviationHeads.includes(after[1]!.toLowerCase())) return false;
  const head = after[1]!;
  const headEnd = close + 1 + head.length;
  const c = registry.lexicon;
  for (const start of wordStartsBefore(scan.folded, longEnd, MAX_WORDS_BACK)) {
    const index = lookupName(c, `${scan.pat.slice(start, longEnd)} ${head}`);
    if (index === undefined) continue;
    const entity = registry.entry(index);
    scan.candidates.push({ start, end: headEnd, entity, source: entity.source === 'workspace' ? 'workspace' : 'lexicon', sourceOfEntity: true });
    alias(registry, aliases, abbr, entity, 'abbreviation');
    return true;
  }
  const index = lookupName(c, `${abbr} ${head}`);
  if (index === undefined) return false;
  alias(registry, aliases, abbr, registry.entry(index), 'abbreviation');
  return true;
}

/** "long form (ABBR)" where the abbreviation itself is a known or pattern-like name: the long form joins it. */
function defineFromAbbreviation(scan: ScannedBlock, registry: EntityRegistry, aliases: Map<string, Alias>, abbr: string, longEnd: number, abbrStart: number): void {
  const c = registry.lexicon;
  let entity: EntityDef | undefined;
  const index = lookupName(c, abbr);
  if (index !== undefined) {
    // A database symbol the document spells out as something else (AFM: atomic force microscopy) is not that entity here.
    if (c.entries[index]!.fromDatabase) {
      if (longFormStart(abbr, scan.pat.slice(Math.max(0, longEnd - 120), longEnd)) >= 0) {
        scan.candidates.push({ start: abbrStart, end: abbrStart + abbr.length, entity: null, source: 'lexicon' });
        // …and, when the words before spell it by their initials (total mixed ration: TMR), nowhere else in the document.
        if (!aliases.has(abbr) && spelledByInitials(abbr, scan.pat.slice(Math.max(0, longEnd - 120), longEnd))) aliases.set(abbr, { text: abbr, entity: null, source: 'abbreviation' });
      }
      return;
    }
    entity = registry.entry(index);
  } else {
    const hit = findPatternHits(abbr).find((h) => h.start === 0 && h.end === abbr.length);
    if (hit && hit.code === undefined) entity = registry.pattern(hit);
  }
  if (!entity) {
    // A long form that is no entity, spelled by the abbreviation's initials (Alzheimer's dementia: AD), is the
    // document's first definition of it: a later "long form (AD)" of an entity does not make every AD that entity.
    if (!aliases.has(abbr) && spelledByInitials(abbr, scan.pat.slice(Math.max(0, longEnd - 120), longEnd))) aliases.set(abbr, { text: abbr, entity: null, source: 'abbreviation' });
    return;
  }
  const windowStart = Math.max(0, longEnd - 120);
  const within = scan.pat.slice(windowStart, longEnd);
  const at = longFormStart(abbr, within);
  if (at < 0) return;
  const start = windowStart + at;
  const longText = scan.pat.slice(start, longEnd);
  if (longText.split(' ').length > abbr.length + 4) return;
  scan.candidates.push({ start, end: longEnd, entity, source: 'abbreviation' });
  alias(registry, aliases, longText, entity, 'abbreviation');
}

function alias(registry: EntityRegistry, aliases: Map<string, Alias>, text: string, entity: EntityDef, source: EntitySource): void {
  const known = lookupName(registry.lexicon, text);
  if (known !== undefined && registry.lexicon.entries[known]!.id === entity.id) return;
  if (!aliases.has(text)) aliases.set(text, { text, entity, source });
}

/** Whether the last words of `text` (split at spaces and hyphens) begin with the abbreviation's letters, in order. */
export function spelledByInitials(abbr: string, text: string): boolean {
  const letters = abbr.replace(/[^\p{L}]/gu, '').toLowerCase();
  if (letters.length < 2 || letters.length !== abbr.replace(/[^\p{L}\p{N}]/gu, '').length) return false;
  const words = text.split(/[\s\-‐–]+/u).filter(Boolean);
  if (words.length < letters.length) return false;
  const initials = words.slice(-letters.length).map((w) => w[0]!.toLowerCase()).join('');
  return initials === letters;
}

/** Start offsets of the last `max` words before `end`, nearest first reversed (longest span first). */
function wordStartsBefore(folded: string, end: number, max: number): number[] {
  const starts: number[] = [];
  let i = end;
  while (starts.length < max && i > 0) {
    while (i > 0 && folded[i - 1] === ' ') i--;
    if (i === 0) break;
    let s = i;
    while (s > 0 && folded[s - 1] !== ' ' && folded[s - 1] !== '\t' && folded[s - 1] !== '(' && folded[s - 1] !== ')') s--;
    if (s === i) break;
    starts.push(s);
    if (s > 0 && folded[s - 1] !== ' ') break;
    i = s;
  }
  return starts.reverse();
}

/**
 * Where the long form of `abbr` starts in `text` (which ends where the long form ends), or -1:
 * the abbreviation's letters and digits must appear in order, the first at the start of a word
 * (Schwartz & Hearst, 2003).
 */
export function longFormStart(abbr: string, text: string): number {
  let s = abbr.length - 1;
  let l = text.length - 1;
  while (s >= 0) {
    const ch = abbr[s]!.toLowerCase();
    if (!isWordChar(abbr, s)) {
      s--;
      continue;
    }
    while (l >= 0 && (text[l]!.toLowerCase() !== ch || (s === 0 && isWordChar(text, l - 1)))) l--;
    if (l < 0) return -1;
    l--;
    s--;
  }
  let start = l + 1;
  while (start > 0 && text[start - 1] !== ' ' && text[start - 1] !== '\t' && text[start - 1] !== '\n') start--;
  return start;
}
