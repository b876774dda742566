/** Ligands and targets. */
import type { ParsedDocument } from '../parse/index.js';
import type { EntityInfo, EntityMention, Table } from '../types.js';

// STUB (owner: entities helper) — replace with the real module.
export interface Lexicon {
  readonly version: string;
}
export function builtinLexicon(): Lexicon {
  return { version: 'stub' };
}
export function recogniseEntities(
  _doc: ParsedDocument,
  _tables: readonly Table[],
  _lexicon: Lexicon,
): { mentions: EntityMention[]; info: Record<string, EntityInfo> } {
  return { mentions: [], info: {} };
}
