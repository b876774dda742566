/** Ligand and target mentions, with what the recogniser may remember between versions. */
import { recogniseEntities, type Lexicon, type Recognised } from '../entities/index.js';
import type { ParsedDocument } from '../parse/index.js';
import type { Table } from '../types.js';
import type { IncrementalState } from './state.js';

/** The lexicon each document's entity memos were filled with. */
const lexiconOf = new WeakMap<IncrementalState, Lexicon>();

/** The same mentions as `recogniseEntities(doc, tables, lexicon)`. */
export function entitiesByBlock(doc: ParsedDocument, tables: readonly Table[], lexicon: Lexicon, state: IncrementalState | undefined): Recognised {
  if (!state) return recogniseEntities(doc, tables, lexicon);
  const aliases = state.memo<unknown>('entity-aliases');
  // Remembered scans hold only for the lexicon they were made with.
  if (lexiconOf.get(state) !== lexicon) {
    aliases.clear();
    lexiconOf.set(state, lexicon);
  }
  return recogniseEntities(doc, tables, lexicon, { aliases });
}
