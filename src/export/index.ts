/** The export bundle (`dist/export.js`): loaded by the desktop extension on first export, so activation stays light. */
export { formatReferences, REFERENCE_FORMATS, FORMAT_EXTENSION, type ReferenceFormat } from './references.js';
