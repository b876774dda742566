/** The counts the status bar shows for a document (no `vscode` import, so it is testable anywhere). */
import type { Analysis } from '../core/types.js';

export function plural(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

/** Distinct ligands and targets, and citation markers, of an analysis. */
export function documentCounts(analysis: Analysis): { ligands: number; targets: number; citations: number } {
  const ligands = new Set<string>();
  const targets = new Set<string>();
  for (const mention of analysis.entities) (mention.kind === 'ligand' ? ligands : targets).add(mention.id);
  return { ligands: ligands.size, targets: targets.size, citations: analysis.citations.length };
}

/** "9 ligands · 24 targets · 77 citations". */
export function statusText(analysis: Analysis): string {
  const counts = documentCounts(analysis);
  return `${plural(counts.ligands, 'ligand')} · ${plural(counts.targets, 'target')} · ${plural(counts.citations, 'citation')}`;
}
