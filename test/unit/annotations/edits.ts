/**
 * Random edits for the anchoring properties, made of real documents: an annotation on a passage
 * of the text, then edits outside it or inside it, tracked so the test knows where the
 * annotation's text truly is afterwards.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { transformThrough, applyChanges, type TextChange, type TextRange } from '../../../src/core/annotations/index.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** The sample guide and two corpus papers of other extractors. */
export const documents: readonly string[] = [
  read('../../../seeds/sigma1-receptor-nmda-ion-channels.md'),
  read('../../corpus/docs/pmc-html-plos-dabrafenib-braf-inhibitor.md'),
  read('../../corpus/docs/marker-mdpi-molecules-sceletium-kanna-review.md'),
];

/** Text a reader might type: letters, digits, spaces, punctuation, a Greek letter. */
const typed = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789.,;()-μα\n'), maxLength: 12 });

/** An edit drawn as fractions, placed later in whatever zone is allowed. */
export interface EditDraw {
  readonly at: number;
  readonly length: number;
  readonly text: string;
}

export const editDraw: fc.Arbitrary<EditDraw> = fc.record({ at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), length: fc.integer({ min: 0, max: 12 }), text: typed });

export interface Case {
  /** Index into `documents` (so a failing case prints small). */
  readonly doc: number;
  readonly range: TextRange;
}

export const textOf = (c: Case): string => documents[c.doc]!;

/** A passage of one of the documents, 20 to 300 characters long, avoiding only the document's ends. */
export const annotatedCase: fc.Arbitrary<Case> = fc
  .record({ doc: fc.integer({ min: 0, max: documents.length - 1 }), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), length: fc.integer({ min: 20, max: 300 }) })
  .map(({ doc, at, length }) => {
    const text = documents[doc]!;
    const start = Math.floor(at * (text.length - length));
    return { doc, range: { start, end: start + length } };
  });

/** Places a drawn edit wholly outside `range` (before or after it, never touching its text). */
export function outsideEdit(text: string, range: TextRange, draw: EditDraw): TextChange {
  const before = range.start;
  const after = text.length - range.end;
  const point = Math.floor(draw.at * (before + after + 1));
  if (point <= before) {
    const start = Math.min(point, before);
    return { start, end: Math.min(before, start + draw.length), text: draw.text };
  }
  const start = range.end + (point - before - 1);
  return { start, end: Math.min(text.length, start + draw.length), text: draw.text };
}

/** Places a drawn edit inside `range`, replacing at most `budget` characters (and typing at most that many). */
export function insideEdit(range: TextRange, draw: EditDraw, budget: number): TextChange {
  const size = range.end - range.start;
  const removed = Math.min(draw.length, budget, size - 1);
  const typedText = draw.text.slice(0, Math.max(0, budget - removed));
  const start = range.start + Math.floor(draw.at * (size - removed));
  return { start, end: start + removed, text: typedText };
}

/** How many characters a change touches (removed or typed, whichever is more). */
export function changedCharacters(change: TextChange): number {
  return Math.max(change.end - change.start, change.text.length);
}

/** Applies edits one at a time, tracking the true range of the annotated text. */
export function edit(text: string, range: TextRange, place: (text: string, range: TextRange) => TextChange | null): { text: string; range: TextRange | null; change: TextChange | null } {
  const change = place(text, range);
  if (!change) return { text, range, change };
  return { text: applyChanges(text, [change]), range: transformThrough(range, [change]), change };
}
