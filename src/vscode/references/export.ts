/**
 * "Marginalia: Export References": the whole reference list, or the entries cited in the
 * selection, as BibTeX, RIS or CSL-JSON. The formatter (citation-js) is loaded only when a
 * reference is first exported; entries that repeat an earlier one are exported once.
 */
import * as vscode from 'vscode';
import { referencesInSelection, toCslItems, type CslItem } from '../../core/references/csl.js';
import type { Analysis } from '../../core/types.js';

export type ReferenceFormat = 'bibtex' | 'ris' | 'csl-json';
export type ExportScope = 'all' | 'selection';

/** Formats CSL-JSON items; the platform loads it (a bundle of its own on the desktop). */
export type ReferenceFormatter = (items: readonly CslItem[], format: ReferenceFormat) => string;

const FORMATS: readonly { format: ReferenceFormat; label: string; extension: string; filter: string }[] = [
  { format: 'bibtex', label: 'BibTeX', extension: 'bib', filter: 'BibTeX' },
  { format: 'ris', label: 'RIS', extension: 'ris', filter: 'RIS' },
  { format: 'csl-json', label: 'CSL-JSON', extension: 'json', filter: 'CSL-JSON' },
];

interface ExportSource {
  readonly document: vscode.TextDocument;
  readonly analysis: Analysis;
  /** The selection in that document's editor, as offsets, when one is not empty. */
  readonly selection: { readonly start: number; readonly end: number } | null;
}

/** The references to export: the list without repeated works, or those the selection cites. */
export function exportedReferences(analysis: Analysis, scope: ExportScope, selection: ExportSource['selection']) {
  const chosen = scope === 'selection' && selection ? referencesInSelection(analysis, selection.start, selection.end) : analysis.references;
  return chosen.filter((r) => r.duplicateOf === null || (scope === 'selection' && !chosen.some((c) => c.number === r.duplicateOf)));
}

async function chooseScope(source: ExportSource, given: unknown): Promise<ExportScope | undefined> {
  if (given === 'all' || given === 'selection') return given;
  if (!source.selection) return 'all';
  const cited = exportedReferences(source.analysis, 'selection', source.selection).length;
  if (cited === 0) return 'all';
  const all = exportedReferences(source.analysis, 'all', null).length;
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'Entries cited in the selection', description: `${cited} of ${all}`, scope: 'selection' as const },
      { label: 'The whole reference list', description: `${all}`, scope: 'all' as const },
    ],
    { title: 'Export References', placeHolder: 'Which references?' },
  );
  return pick?.scope;
}

async function chooseFormat(given: unknown): Promise<(typeof FORMATS)[number] | undefined> {
  const known = FORMATS.find((f) => f.format === given);
  if (known) return known;
  const pick = await vscode.window.showQuickPick(
    FORMATS.map((f) => ({ label: f.label, description: `.${f.extension}`, format: f })),
    { title: 'Export References', placeHolder: 'Format' },
  );
  return pick?.format;
}

/** Where to save: a Uri a caller (a test) passes, else the user's choice. A command link can pass only JSON, never a Uri. */
async function chooseTarget(document: vscode.TextDocument, format: (typeof FORMATS)[number], target: unknown): Promise<vscode.Uri | undefined> {
  if (target instanceof vscode.Uri) return target;
  const base = document.uri.path.replace(/\.[^./]*$/, '');
  return vscode.window.showSaveDialog({
    defaultUri: document.uri.with({ path: `${base}.references.${format.extension}` }),
    filters: { [format.filter]: [format.extension] },
    saveLabel: 'Export references',
    title: `Export references as ${format.label}`,
  });
}

/**
 * Runs the export. Arguments, all optional: the target file (a Uri), the format (`bibtex`,
 * `ris`, `csl-json`) and the scope (`all`, `selection`); what is not given is asked.
 * Returns the Uri written, or undefined when nothing was.
 */
export async function exportReferences(
  source: ExportSource | undefined,
  load: () => Promise<ReferenceFormatter>,
  target: unknown,
  format: unknown,
  scope: unknown,
): Promise<vscode.Uri | undefined> {
  if (!source || source.analysis.references.length === 0) {
    void vscode.window.showInformationMessage('Marginalia: open a document with a reference list to export its references.');
    return undefined;
  }
  const chosenScope = await chooseScope(source, scope);
  if (!chosenScope) return undefined;
  const chosenFormat = await chooseFormat(format);
  if (!chosenFormat) return undefined;
  const references = exportedReferences(source.analysis, chosenScope, source.selection);
  const uri = await chooseTarget(source.document, chosenFormat, target);
  if (!uri) return undefined;
  const formatter = await load();
  const text = formatter(toCslItems(references), chosenFormat.format);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (!(target instanceof vscode.Uri)) {
    void vscode.window.showInformationMessage(`Marginalia: exported ${references.length} reference${references.length === 1 ? '' : 's'} as ${chosenFormat.label}.`);
  }
  return uri;
}
