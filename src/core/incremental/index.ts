/**
 * Incremental analysis: the extractors remember what they read in each block (or table, or
 * reference entry) by its content, in memos attached to the document's chunk cache, so that
 * re-analysing an edited document reads only what the edit touched; the cross-block steps then
 * run over the results, which is cheap. An incremental analysis equals a cold one of the same text.
 */
export { citationsByBlock, confirmedCitations } from './citations.js';
export { entitiesByBlock } from './entities.js';
export { quantitiesByBlock } from './quantities.js';
export { recordsByTable } from './records.js';
export { linkedReferences, referencesByEntry } from './references.js';
export { tablesByBlock } from './tables.js';
export { incrementalState, IncrementalState } from './state.js';
export { TextMemo } from './memo.js';
