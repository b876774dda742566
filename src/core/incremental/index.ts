/**
 * Incremental analysis: the extractors that read one block at a time remember each block's
 * results by its content, in memos attached to the document's chunk cache, so that re-analysing
 * an edited document reads only the blocks the edit touched; the cross-block steps (reference
 * list, linking, diagnostics) then run over the results, which is cheap. An incremental analysis
 * equals a cold one of the same text.
 */
export { citationsByBlock } from './citations.js';
export { quantitiesByBlock } from './quantities.js';
export { entityMemo, incrementalState, sweepState, type IncrementalState } from './state.js';
export { TextMemo } from './memo.js';
