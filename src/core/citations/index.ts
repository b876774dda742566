/** Citation markers in the text. */
import type { ParsedDocument } from '../parse/index.js';
import type { FoundReferences } from '../references/index.js';
import type { Citation } from '../types.js';

// STUB (owner: core-citations helper)
export function findCitations(_doc: ParsedDocument, _references: FoundReferences): Citation[] {
  return [];
}
