/** The library across documents: per-document summaries, merging, evidence, shared works and the cache format. */
export * from './types.js';
export { summariseDocument } from './summary.js';
export { locator, lineStarts } from './located.js';
export { Library, type LibraryDocument, type LibraryEntity, type EntityOccurrence, type LibrarySymbol } from './library.js';
export { workKeys, type SharedWork, type WorkCitation } from './works.js';
export { sharedWorks, WorksIndex, type WorkSource } from './works-index.js';
export { documentEvidence, evidenceCsv, flatRow, matchesQuery, matchesIds, EVIDENCE_COLUMNS, type EvidenceQuery, type EvidenceRow, type EvidenceReference, type EvidenceColumn } from './evidence.js';
export { encodeShard, decodeShard, encodeLine, decodeLine, shardLines, shardText, compactFromJson, checksum, SHARD_VERSION, type ShardProblem } from './codec.js';
export { compactSummary, expandSummary, isCompact, type CompactSummary } from './compact.js';
export { slicer, SLICE_MS, type Pause } from './pause.js';
