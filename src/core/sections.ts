/** Sections of the document: markdown headings and plain lines that read as headings. */
import type { ParsedDocument } from './parse/index.js';
import type { Section } from './types.js';

// STUB (owner: core-citations helper)
export function findSections(_doc: ParsedDocument): Section[] {
  return [];
}
