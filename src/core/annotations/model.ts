/**
 * The reader's own annotations: a highlight or a note on a passage, with a colour, tags and an
 * optional markdown note, targeted by the two W3C selectors Hypothesis also stores (a quote with
 * its context, and a position). Plain data; `store.ts` reads and writes it as W3C Web Annotation
 * JSON, `anchor.ts` finds it again in a changed text.
 */

/** W3C TextQuoteSelector: the passage as written, with the text right before and after it. */
export interface TextQuoteSelector {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** W3C TextPositionSelector: UTF-16 offsets of the passage, `end` exclusive. */
export interface TextPositionSelector {
  readonly start: number;
  readonly end: number;
}

export interface AnnotationTarget {
  readonly quote: TextQuoteSelector;
  readonly position: TextPositionSelector;
}

/** Zotero's eight annotation colours, by name (the order of its palette). */
export const annotationColours = ['yellow', 'red', 'green', 'blue', 'purple', 'magenta', 'orange', 'gray'] as const;
export type AnnotationColour = (typeof annotationColours)[number];

/** The colours' values in Zotero's reader, used where no theme colour applies (exports, webviews). */
export const colourHex: Readonly<Record<AnnotationColour, string>> = {
  yellow: '#ffd400',
  red: '#ff6666',
  green: '#5fb236',
  blue: '#2ea8e5',
  purple: '#a28ae5',
  magenta: '#e56eee',
  orange: '#f19837',
  gray: '#aaaaaa',
};

export function isAnnotationColour(value: unknown): value is AnnotationColour {
  return typeof value === 'string' && (annotationColours as readonly string[]).includes(value);
}

/** `highlighting` for a plain highlight, `commenting` once it carries a note (W3C motivations). */
export type AnnotationMotivation = 'highlighting' | 'commenting';

export interface Annotation {
  /** A `urn:uuid:` IRI, stable for the annotation's life. */
  readonly id: string;
  readonly motivation: AnnotationMotivation;
  /** ISO 8601 times. `modified` changes with the body (note, tags, colour), not with anchoring. */
  readonly created: string;
  readonly modified: string;
  readonly colour: AnnotationColour;
  readonly tags: readonly string[];
  /** The note in markdown, or null for a highlight without one. */
  readonly note: string | null;
  readonly target: AnnotationTarget;
}

/** Longest tag, note and quote accepted (from a file or a command), so bad input stays bounded. */
export const limits = { tag: 200, tags: 100, note: 100_000, quote: 200_000 } as const;

/** Trims tags, drops empty and repeated ones (case-insensitively), keeps the first spelling. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, limits.tag);
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    kept.push(tag);
    if (kept.length >= limits.tags) break;
  }
  return kept;
}

/** Reads a comma-separated list of tags as the reader types it. */
export function parseTagList(text: string): string[] {
  return normaliseTags(text.split(/[,;]/));
}

export interface NewAnnotation {
  readonly id: string;
  readonly now: string;
  readonly target: AnnotationTarget;
  readonly colour: AnnotationColour;
  readonly tags?: readonly string[];
  readonly note?: string | null;
}

export function createAnnotation(input: NewAnnotation): Annotation {
  const note = input.note?.trim() ? input.note.slice(0, limits.note) : null;
  return {
    id: input.id,
    motivation: note === null ? 'highlighting' : 'commenting',
    created: input.now,
    modified: input.now,
    colour: input.colour,
    tags: normaliseTags(input.tags ?? []),
    note,
    target: input.target,
  };
}

/** What the reader may change in an annotation's body. */
export interface AnnotationChanges {
  readonly colour?: AnnotationColour;
  readonly tags?: readonly string[];
  /** A new note; null or blank removes it. */
  readonly note?: string | null;
}

export function updateAnnotation(annotation: Annotation, changes: AnnotationChanges, now: string): Annotation {
  const note = changes.note === undefined ? annotation.note : changes.note?.trim() ? changes.note.slice(0, limits.note) : null;
  return {
    ...annotation,
    colour: changes.colour ?? annotation.colour,
    tags: changes.tags ? normaliseTags(changes.tags) : annotation.tags,
    note,
    motivation: note === null ? 'highlighting' : 'commenting',
    modified: now,
  };
}

/** The same annotation targeting another place (anchoring is not a modification). */
export function retarget(annotation: Annotation, target: AnnotationTarget): Annotation {
  return { ...annotation, target };
}
