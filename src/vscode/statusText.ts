/** The counts the status bar shows for a document (no `vscode` import, so it is testable anywhere). */
import type { Analysis } from '../core/types.js';

export function plural(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

/** Distinct ligands and targets, and citation markers, of an analysis. */
export function documentCounts(analysis: Analysis): { ligands: number; targets: number; citations: number } {
  const ligands = new Set<string>();
  const targets = new Set<string>();
  // Other chemicals are not counted: the status bar counts what is highlighted by default.
  for (const mention of analysis.entities) {
    if (mention.kind === 'ligand') ligands.add(mention.id);
    else if (mention.kind === 'target') targets.add(mention.id);
  }
  return { ligands: ligands.size, targets: targets.size, citations: analysis.citations.length };
}

/** "9 ligands · 24 targets · 77 citations". */
export function statusText(analysis: Analysis): string {
  const counts = documentCounts(analysis);
  return `${plural(counts.ligands, 'ligand')} · ${plural(counts.targets, 'target')} · ${plural(counts.citations, 'citation')}`;
}

/** What a reader can do about a document over the size limit. */
export const TOO_LARGE_HINT = 'Click to raise marginalia.analysis.maxDocumentSizeMB in the Settings, or split the document.';

/** A document size for the status bar's tooltip: "12 KB", "3.4 MB" (UTF-16 units, near enough to bytes). */
export function sizeText(length: number): string {
  if (length < 1024 * 1024) return `${Math.max(1, Math.round(length / 1024))} KB`;
  return `${(length / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why an analysis failed, in a line: the error's first line, shortened. */
export function failureText(name: string, message: string): string {
  const first = message.split('\n', 1)[0]!.trim() || 'an unknown error';
  return `Marginalia could not analyse ${name}: ${first.length > 160 ? `${first.slice(0, 159)}…` : first}.`;
}
