/**
 * The part of recognition that depends only on a block's text and the lexicon: normalised texts,
 * lexicon matches and pattern hits. Cached by text, so re-analysing an edited document only
 * scans the blocks that changed.
 */
import type { Span } from '../types.js';
import type { CompiledLexicon } from './lexicon.js';
import { atBoundaries, matchText, patternText } from './normalize.js';
import { findPatternHits, type PatternHit, stereoBefore } from './patterns.js';

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
  readonly urls: readonly Span[];
  readonly lexiconHits: readonly LexiconHit[];
  readonly patternHits: readonly PatternHit[];
}

const URL = /(?:https?:\/\/|www\.)[^\s<>()[\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
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
  for (const m of c.automaton.matchInText(folded)) {
    if (!atBoundaries(folded, m.begin, m.end)) continue;
    const targets = c.keys.get(m.keyword);
    if (!targets) continue;
    const written = cased.slice(m.begin, m.end);
    const target = targets.find((t) => t.cased === written) ?? targets.find((t) => t.cased === null);
    if (!target) continue;
    const ligand = target.entry >= 0 && c.entries[target.entry]!.kind === 'ligand';
    const stereo = ligand && pat[m.begin] !== '(' ? stereoBefore(pat, m.begin) : null;
    lexiconHits.push({ start: m.begin, end: m.end, entry: target.entry, stereo });
  }
  const urls: Span[] = [];
  URL.lastIndex = 0;
  for (let m = URL.exec(pat); m; m = URL.exec(pat)) urls.push({ start: m.index, end: m.index + m[0].length });
  return { pat, cased, folded, urls, lexiconHits, patternHits: findPatternHits(pat) };
}
