/**
 * What the Annotations tab lists: the reader's annotations filtered by colour, tag and text,
 * placed ones in document order and orphans apart. Pure functions (no DOM), unit-tested.
 */
import type { PanelAnnotation, PanelAnnotationColour } from '../src/shared/protocol.js';

export interface AnnotationFilter {
  readonly colour: PanelAnnotationColour | null;
  readonly tag: string | null;
  readonly text: string;
}

export const noAnnotationFilter: AnnotationFilter = { colour: null, tag: null, text: '' };

/** Whether an annotation passes the filter: its colour, one of its tags, every word in its quote, note or tags. */
export function matchesAnnotation(annotation: PanelAnnotation, filter: AnnotationFilter): boolean {
  if (filter.colour && annotation.colour !== filter.colour) return false;
  if (filter.tag && !annotation.tags.some((t) => t.toLowerCase() === filter.tag!.toLowerCase())) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [annotation.quote, annotation.note ?? '', ...annotation.tags].join('\n').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** The annotations shown: placed ones by line, orphans apart (by creation). */
export function annotationGroups(items: readonly PanelAnnotation[], filter: AnnotationFilter): { placed: PanelAnnotation[]; orphans: PanelAnnotation[] } {
  const shown = items.filter((a) => matchesAnnotation(a, filter));
  return {
    placed: shown.filter((a) => a.line !== null).sort((a, b) => a.line! - b.line! || a.created.localeCompare(b.created)),
    orphans: shown.filter((a) => a.line === null).sort((a, b) => a.created.localeCompare(b.created)),
  };
}

/** Every tag in use, sorted, each once. */
export function tagsInUse(items: readonly PanelAnnotation[]): string[] {
  const byKey = new Map<string, string>();
  for (const item of items) for (const tag of item.tags) if (!byKey.has(tag.toLowerCase())) byKey.set(tag.toLowerCase(), tag);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}
