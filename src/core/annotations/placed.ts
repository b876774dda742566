/**
 * The annotations of one document as the editor holds them: each placed on a range of the
 * current text, or an orphan. Placing refreshes the selectors from the text, so what is saved
 * always describes the text the annotation now marks; an orphan keeps the selectors it had.
 */
import { anchor, defaultAnchorOptions, type AnchorMethod, type AnchorOptions, type OrphanReason } from './anchor.js';
import { retarget, type Annotation } from './model.js';
import { describeRange } from './selectors.js';
import { transformThrough, type TextChange, type TextRange } from './transform.js';

export type Placement =
  | { readonly kind: 'anchored'; readonly start: number; readonly end: number; readonly method: AnchorMethod | 'tracked' }
  /** `deleted`: its text was deleted in the editor. */
  | { readonly kind: 'orphan'; readonly reason: OrphanReason | 'deleted' };

export interface PlacedAnnotation {
  readonly annotation: Annotation;
  readonly placement: Placement;
}

function placedAt(annotation: Annotation, text: string, range: TextRange, method: AnchorMethod | 'tracked'): PlacedAnnotation {
  return { annotation: retarget(annotation, describeRange(text, range.start, range.end)), placement: { kind: 'anchored', start: range.start, end: range.end, method } };
}

/** Anchors every annotation in `text` from its selectors (on opening, or after a change on disk). */
export function placeAll(text: string, annotations: readonly Annotation[], options: AnchorOptions = defaultAnchorOptions): PlacedAnnotation[] {
  return annotations.map((annotation) => {
    const found = anchor(text, annotation.target, options);
    return found.kind === 'anchored'
      ? placedAt(annotation, text, found, found.method)
      : { annotation, placement: { kind: 'orphan', reason: found.reason } };
  });
}

/** Moves the placed annotations through an edit made in the editor; `text` is the text after it. */
export function followEdit(placed: readonly PlacedAnnotation[], changes: readonly TextChange[], text: string): PlacedAnnotation[] {
  return placed.map((item) => {
    if (item.placement.kind !== 'anchored') return item;
    const range = transformThrough(item.placement, changes);
    if (!range) return { annotation: item.annotation, placement: { kind: 'orphan', reason: 'deleted' } };
    // Refreshed even when the range did not move: an edit next to it changes its context.
    return placedAt(item.annotation, text, range, 'tracked');
  });
}

/** The annotations as they are now, orphans included (what is saved). */
export function annotationsOf(placed: readonly PlacedAnnotation[]): Annotation[] {
  return placed.map((item) => item.annotation);
}

/** The annotation whose range holds `offset` (the innermost, the latest created on a tie). */
export function annotationAt(placed: readonly PlacedAnnotation[], offset: number): PlacedAnnotation | undefined {
  let found: PlacedAnnotation | undefined;
  for (const item of placed) {
    const p = item.placement;
    if (p.kind !== 'anchored' || offset < p.start || offset > p.end) continue;
    if (!found || found.placement.kind !== 'anchored') {
      found = item;
      continue;
    }
    const size = p.end - p.start;
    const foundSize = found.placement.end - found.placement.start;
    if (size < foundSize || (size === foundSize && item.annotation.created >= found.annotation.created)) found = item;
  }
  return found;
}
