/** The reader's annotations: model, selectors, anchoring, edits, file format and exports (pure). */
export * from './model.js';
export { describeRange, contextLength } from './selectors.js';
export { anchor, defaultAnchorOptions, type Anchoring, type AnchorMethod, type AnchorOptions, type OrphanReason } from './anchor.js';
export { transformRange, transformThrough, applyChanges, type TextChange, type TextRange } from './transform.js';
export { placeAll, followEdit, annotationsOf, annotationAt, type PlacedAnnotation, type Placement } from './placed.js';
export { parseAnnotations, serializeAnnotations, toCollection, readAnnotation, annotationContext, type ParsedAnnotations } from './store.js';
export { annotationsToMarkdown, annotationsToJsonLd, citedReferences } from './export-formats.js'; // not './export.js': the Node bundle keeps that name external
