/**
 * Finds an annotation's passage in a (possibly changed) text from its selectors, in the order
 * Hypothesis uses: the stored position when the text there is still the quote; else the quote
 * written exactly, the occurrence whose context and place agree best; else the quote matched
 * approximately (bounded edit distance, `approx-string-match`), scored by quote, prefix, suffix
 * and position. A passage that cannot be placed with confidence is an orphan: never guessed.
 */
import search from 'approx-string-match';
import { contextScores } from './context.js';
import type { AnnotationTarget } from './model.js';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export type OrphanReason =
  /** Nothing in the text is close enough to the quote. */
  | 'not-found'
  /** Close matches exist, but too far from the quote or its context to be trusted. */
  | 'low-confidence'
  /** Several places match equally well. */
  | 'ambiguous'
  /** The stored selectors are unusable (empty quote). */
  | 'invalid';

export type Anchoring =
  | { readonly kind: 'anchored'; readonly start: number; readonly end: number; readonly method: AnchorMethod; readonly confidence: number }
  | { readonly kind: 'orphan'; readonly reason: OrphanReason };

/** The knobs of the approximate match; the defaults are what the property tests check. */
export interface AnchorOptions {
  /** Most edits, as a share of the quote's length, that an approximate match may differ by. */
  readonly maxErrorRate: number;
  /** Every approximate match must agree this well with the quote's context (prefix and suffix, 0–1). */
  readonly minContext: number;
  /** Above this share of edits, the context must agree at least `trustedContext`. */
  readonly trustedErrorRate: number;
  readonly trustedContext: number;
  /** Quotes shorter than this are never matched approximately: too many places look alike. */
  readonly minFuzzyLength: number;
  /** Two candidates whose scores differ by less than this are indistinguishable. */
  readonly ambiguityMargin: number;
}

export const defaultAnchorOptions: AnchorOptions = {
  maxErrorRate: 0.25,
  minContext: 0.5,
  trustedErrorRate: 0.12,
  trustedContext: 0.75,
  minFuzzyLength: 8,
  ambiguityMargin: 0.03,
};

/** Beyond this many edits Myers' algorithm gets slow and a match means little (Hypothesis: 256). */
const maxErrorsCap = 256;
/** Candidates scored at most (a very common short quote). */
const maxCandidates = 2000;
/** Below this length, the stored position alone is not trusted without some context. */
const shortQuote = 16;

// Weights of Hypothesis' score (the quote matters most, then its context, then its place), with
// more weight on the place: among copies of a quote whose context was edited, the one near where
// the annotation was is the likely one.
const weights = { quote: 50, prefix: 20, suffix: 20, position: 8 } as const;
const totalWeight = weights.quote + weights.prefix + weights.suffix + weights.position;

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly errors: number;
  readonly context: number;
  readonly score: number;
}

function score(text: string, target: AnnotationTarget, start: number, end: number, errors: number): Candidate {
  const { exact, prefix, suffix } = target.quote;
  const context = contextScores(text, start, end, prefix, suffix);
  const quoteScore = 1 - errors / exact.length;
  // Falls off over a few hundred characters: a small edit elsewhere moves a passage little.
  const positionScore = 1 / (1 + Math.abs(start - target.position.start) / Math.max(200, exact.length));
  const raw = weights.quote * quoteScore + weights.prefix * context.prefix + weights.suffix * context.suffix + weights.position * positionScore;
  return { start, end, errors, context: (context.prefix + context.suffix) / 2, score: raw / totalWeight };
}

function best(candidates: readonly Candidate[]): { first: Candidate; second: Candidate | undefined } | undefined {
  let first: Candidate | undefined;
  let second: Candidate | undefined;
  for (const c of candidates) {
    if (!first || c.score > first.score) {
      second = first;
      first = c;
    } else if (!second || c.score > second.score) second = c;
  }
  return first ? { first, second } : undefined;
}

function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at >= 0 && found.length < maxCandidates; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Places `target` in `text`. */
export function anchor(text: string, target: AnnotationTarget, options: AnchorOptions = defaultAnchorOptions): Anchoring {
  const { exact } = target.quote;
  if (exact.length === 0) return { kind: 'orphan', reason: 'invalid' };
  const { start, end } = target.position;

  // 1. The stored position, when the text there is still the quote (and, for a short quote that
  //    could be there by chance, some of its context too).
  if (Number.isSafeInteger(start) && end - start === exact.length && start >= 0 && end <= text.length && text.slice(start, end) === exact) {
    const here = score(text, target, start, end, 0);
    if (exact.length >= shortQuote || here.context >= options.minContext) return { kind: 'anchored', start, end, method: 'position', confidence: here.score };
  }

  // 2. The quote written exactly: the occurrence whose context and place agree best. When its
  //    context was edited, an approximate match elsewhere may agree better (the passage itself
  //    was edited, and an unedited copy of it stands somewhere else).
  const occurrences = exactOccurrences(text, exact);
  const exactBest = best(occurrences.map((at) => score(text, target, at, at + exact.length, 0)))?.first;
  // Taken at once when its context agrees and it is near where the annotation was; a copy far
  // away is weighed against an edited passage near there.
  const near = exactBest !== undefined && Math.abs(exactBest.start - target.position.start) <= Math.max(nearby, exact.length);
  if (exactBest && exactBest.context >= wellPlaced && (near || occurrences.length === 1)) {
    return { kind: 'anchored', start: exactBest.start, end: exactBest.end, method: 'quote', confidence: exactBest.score };
  }

  // 3. The quote approximately, within a bounded number of edits.
  const approximate = approximateMatch(text, target, occurrences, options);
  if (exactBest && (typeof approximate === 'string' || approximate.score <= exactBest.score)) {
    return { kind: 'anchored', start: exactBest.start, end: exactBest.end, method: 'quote', confidence: exactBest.score };
  }
  if (typeof approximate === 'string') return { kind: 'orphan', reason: approximate };
  return { kind: 'anchored', start: approximate.start, end: approximate.end, method: 'fuzzy', confidence: approximate.score };
}

/** Context agreement above which an exact copy of the quote is taken without looking further. */
const wellPlaced = 0.9;
/** How far (in characters) from its stored start an exact copy counts as near. */
const nearby = 2000;

function blot(text: string, spans: readonly { start: number; end: number }[]): string {
  if (spans.length === 0) return text;
  let result = '';
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    result += text.slice(at, span.start) + '\u0000'.repeat(span.end - span.start);
    at = span.end;
  }
  return result + text.slice(at);
}

function candidates(text: string, searched: string, target: AnnotationTarget, maxErrors: number): Candidate[] {
  return search(searched, target.quote.exact, maxErrors)
    .slice(0, maxCandidates)
    .filter((m) => m.end > m.start && m.errors > 0)
    .map((m) => score(text, target, m.start, m.end, m.errors));
}

/**
 * The best approximate match outside the exact occurrences, or why there is none. A match must
 * agree with the quote's context, and stand out: the best other place (searched again with the
 * match blotted out, as the search only reports the places with the fewest edits) must score
 * clearly lower.
 */
function approximateMatch(text: string, target: AnnotationTarget, exact: readonly number[], options: AnchorOptions): Candidate | OrphanReason {
  const length = target.quote.exact.length;
  if (length < options.minFuzzyLength) return 'not-found';
  const maxErrors = Math.min(maxErrorsCap, Math.floor(length * options.maxErrorRate));
  if (maxErrors === 0) return 'not-found';
  const exactSpans = exact.map((start) => ({ start, end: start + length }));
  const found = best(candidates(text, blot(text, exactSpans), target, maxErrors));
  if (!found) return 'not-found';
  const { first } = found;
  if (first.context < options.minContext) return 'low-confidence';
  if (first.errors > length * options.trustedErrorRate && first.context < options.trustedContext) return 'low-confidence';
  const others = [...(found.second && !overlaps(first, found.second) ? [found.second] : []), ...candidates(text, blot(text, [...exactSpans, first]), target, maxErrors)];
  const runnerUp = best(others.filter((c) => !overlaps(c, first)));
  if (runnerUp && first.score - runnerUp.first.score < options.ambiguityMargin) return 'ambiguous';
  return first;
}
