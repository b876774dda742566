/**
 * The part of recognition that depends only on a block's text and the lexicon: normalised texts,
 * lexicon matches and pattern hits. Cached by text, so re-analysing an edited document only
 * scans the blocks that changed.
 */
import type { Span } from '../types.js';
import { isClassWordAlias } from './class-words.js';
import { databaseMatches, endingClass, isWordCode, stemClass, type StemIndex } from './database.js';
import type { CompiledLexicon } from './lexicon.js';
import { atBoundaries, matchText, patternText } from './normalize.js';
import { findPatternHits, guardSpans, type PatternHit, stereoBefore } from './patterns.js';

/** A lexicon match: the entry (or -1 for a non-entity) and the stereo descriptor written before it. */
export interface LexiconHit extends Span {
  readonly entry: number;
  readonly stereo: { readonly sign: string; readonly start: number } | null;
}

export interface BlockText {
  /** Plain text in pattern form. */
  readonly pat: string;
  /** Match form, case kept. */
  readonly cased: string;
  /** Match form, folded. */
  readonly folded: string;
  /** URLs, e-mail addresses and pandoc citations ([@key]): spans that hold no mention. */
  readonly urls: readonly Span[];
  readonly lexiconHits: readonly LexiconHit[];
  readonly patternHits: readonly PatternHit[];
}

const URL = /(?:https?:\/\/|www\.)[^\s<>()[\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Pandoc citations: "[@key]", "[see @a; @b, p. 3]", and "@key" written in the text. Their keys are identifiers, not names. */
const CITATION = /\[[^[\]]*?(?:^|[\s;[-])@[^[\]]*\]|(?<![\w.@])@[A-Za-z][\w:.#$%&+?<>~/-]*[\w/]/g;
/** Total plain-text length kept per lexicon (least recently used blocks are dropped first). */
const CACHE_LIMIT = 8_000_000;

class BlockTextCache {
  private readonly entries = new Map<string, BlockText>();
  private size = 0;

  constructor(private readonly lexicon: CompiledLexicon) {}

  get(text: string): BlockText {
    const hit = this.entries.get(text);
    if (hit) {
      this.entries.delete(text);
      this.entries.set(text, hit);
      return hit;
    }
    const scanned = scanText(text, this.lexicon);
    if (text.length > CACHE_LIMIT) return scanned;
    this.entries.set(text, scanned);
    this.size += text.length;
    for (const [old] of this.entries) {
      if (this.size <= CACHE_LIMIT) break;
      this.entries.delete(old);
      this.size -= old.length;
    }
    return scanned;
  }
}

const caches = new WeakMap<CompiledLexicon, BlockTextCache>();

/** The scanned form of a block's plain text (cached per lexicon). */
export function blockText(text: string, lexicon: CompiledLexicon): BlockText {
  let cache = caches.get(lexicon);
  if (!cache) caches.set(lexicon, (cache = new BlockTextCache(lexicon)));
  return cache.get(text);
}

function scanText(text: string, c: CompiledLexicon): BlockText {
  const pat = patternText(text);
  const cased = matchText(pat, false);
  const folded = matchText(pat, true);
  const lexiconHits: LexiconHit[] = [];
  const hit = (begin: number, end: number, entry: number): void => {
    const ligand = entry >= 0 && c.entries[entry]!.kind !== 'target';
    const stereo = ligand && pat[begin] !== '(' ? stereoBefore(pat, begin) : null;
    lexiconHits.push({ start: begin, end, entry, stereo });
  };
  const automatonHits = (f: string, k: string, at: (i: number) => number): void => {
    for (const m of c.automaton.matchInText(f)) {
      if (!atBoundaries(f, m.begin, m.end)) continue;
      const targets = c.keys.get(m.keyword);
      if (!targets) continue;
      const written = k.slice(m.begin, m.end);
      const target = targets.find((t) => t.cased === written) ?? targets.find((t) => t.cased === null);
      if (target) hit(at(m.begin), at(m.end - 1) + 1, target.entry);
    }
  };
  automatonHits(folded, cased, (i) => i);
  // Tokenised text and some conversions space out hyphens and slashes (MK - 801, HER2 / neu): read them closed up too.
  const closed = closeSpacedJoins(pat);
  if (closed) {
    const spans = new Set(lexiconHits.map((h) => `${h.start}:${h.end}:${h.entry}`));
    const before = lexiconHits.length;
    automatonHits(matchText(closed.text, true), matchText(closed.text, false), (i) => closed.at[i]!);
    const fresh = lexiconHits.splice(before).filter((h) => !spans.has(`${h.start}:${h.end}:${h.entry}`));
    for (const h of fresh) lexiconHits.push(h);
  }
  if (c.database) {
    for (const m of databaseMatches(folded, cased, c.database, pat)) {
      if (!isClassWordAlias(c.entries[m.entry]!, cased.slice(m.start, m.end), pat.slice(m.end, m.end + 16))) hit(m.start, m.end, m.entry);
    }
  }
  const urls: Span[] = [];
  URL.lastIndex = 0;
  for (let m = URL.exec(pat); m; m = URL.exec(pat)) urls.push({ start: m.index, end: m.index + m[0].length });
  if (pat.includes('@')) {
    CITATION.lastIndex = 0;
    for (let m = CITATION.exec(pat); m; m = CITATION.exec(pat)) urls.push({ start: m.index, end: m.index + m[0].length });
  }
  // Residues, accessions, catalogue numbers: blockers, like the non-entity names.
  for (const g of guardSpans(pat)) lexiconHits.push({ start: g.start, end: g.end, entry: -1, stereo: null });
  const patternHits = findPatternHits(pat);
  if (c.database?.stems) stemHits(pat, lexiconHits, c.database.stems, patternHits);
  return { pat, cased, folded, urls, lexiconHits, patternHits };
}

const SPACED_JOIN = / [-/] /g;

/** The text with " - " and " / " closed up to "-" and "/", and where each of its units was; null when there is none. */
function closeSpacedJoins(pat: string): { text: string; at: number[] } | null {
  if (!pat.includes(' - ') && !pat.includes(' / ')) return null;
  const at: number[] = [];
  let text = '';
  let from = 0;
  SPACED_JOIN.lastIndex = 0;
  for (let m = SPACED_JOIN.exec(pat); m; m = SPACED_JOIN.exec(pat)) {
    for (let i = from; i < m.index; i++) at.push(i);
    text += pat.slice(from, m.index) + m[0][1];
    at.push(m.index + 1);
    from = m.index + 3;
  }
  for (let i = from; i < pat.length; i++) at.push(i);
  text += pat.slice(from);
  return { text, at };
}

/** Shortest word a drug-name stem classifies (shorter words ending in a stem are mostly English). */
const STEM_WORD_MIN = 6;

/**
 * Words no lexicon entry covers that end in a drug-name stem (`-olol`, `-tinib`, …) and are no
 * ordinary word: ligands of the stem's class, found by their form.
 */
function stemHits(pat: string, covered: readonly LexiconHit[], stems: StemIndex, out: PatternHit[]): void {
  for (let i = 0; i < pat.length; ) {
    if (!isWordCode(pat, i)) {
      i++;
      continue;
    }
    const start = i;
    let letters = true;
    while (i < pat.length && isWordCode(pat, i)) {
      const code = pat.charCodeAt(i);
      if (!((code >= 97 && code <= 122) || (i === start && code >= 65 && code <= 90))) letters = false;
      i++;
    }
    // Lower-case words, or capitalised at a sentence's start; joined to a hyphenated name, not.
    if (!letters || i - start < STEM_WORD_MIN || pat[i] === '-' || pat[start - 1] === '-') continue;
    const word = pat.slice(start, i);
    const stem = stemClass(word, stems);
    // A chemical ending reads a lower-case word, or one capitalised where a sentence starts (not Name, Journal).
    const sentenceStart = /(?:^|[.!?:]\s+|\n\s*)$/.test(pat.slice(Math.max(0, start - 4), start));
    const capital = pat.charCodeAt(start) <= 90;
    // …and not an abbreviated journal word ("J. Pharmacol.").
    const found = stem ?? (capital && (!sentenceStart || pat[i] === '.') ? null : endingClass(word, stems));
    if (!found || covered.some((h) => h.start < i && start < h.end)) continue;
    const how = stem ? `drug-name stem -${found.stem}` : `chemical ending -${found.stem}`;
    out.push({ start, end: i, kind: 'ligand', canonical: word, pattern: `${how} (${stems.provenance})`, class: found.class, related: [], spreads: true });
  }
}
