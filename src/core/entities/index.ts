/**
 * Ligands and targets: a built-in lexicon (JSON data under `../lexicon/`), workspace lexicons,
 * nomenclature patterns, abbreviations the text defines and the document's own tables.
 */
export { builtinLexicon, withUserEntries, type Lexicon, type LexiconEntry, type UserLexiconEntry } from './lexicon.js';
export type { Alias } from './abbreviations.js';
export type { DocumentWide } from './document-wide.js';
export type { BlockReading } from './reading.js';
export type { CellReading, NamedCell } from './tables.js';
export { aliasKeyReadings, recogniseEntities, type AliasHits, type AliasMatcher, type Recognised, type RecogniserMemo } from './recognise.js';
export { parseUserLexicon } from './user-lexicon.js';
