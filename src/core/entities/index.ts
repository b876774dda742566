/**
 * Ligands and targets: a built-in lexicon (JSON data under `../lexicon/`), workspace lexicons,
 * nomenclature patterns, abbreviations the text defines and the document's own tables.
 */
export { builtinLexicon, exclusionTest, withDatabase, withUserEntries, type Lexicon, type LexiconEntry, type LexiconExclusion, type UserLexiconEntry } from './lexicon.js';
export { DATABASE_FILES, type DatabaseIndex, type DatabaseMeta } from './database.js';
export type { Alias } from './abbreviations.js';
export type { DocumentWide } from './document-wide.js';
export type { BlockReading } from './reading.js';
export type { CellReading, NamedCell } from './tables.js';
export { aliasKeyReadings, recogniseEntities, type AliasHits, type AliasMatcher, type Recognised, type RecogniserMemo } from './recognise.js';
export { parseUserLexicon, type UserLexiconExclusion } from './user-lexicon.js';
