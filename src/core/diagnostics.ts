/** Problems a reader should know about: missing, uncited and duplicate references. */
import type { Citation, Diagnostic, Reference } from './types.js';

// STUB (owner: core-citations helper)
export function computeDiagnostics(_references: readonly Reference[], _citations: readonly Citation[]): Diagnostic[] {
  return [];
}
