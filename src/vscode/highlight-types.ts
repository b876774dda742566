/**
 * The decoration types of the highlights and the ranges they cover, shared by the highlights
 * feature and the highlights put on before activation (early-highlights.ts).
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/types.js';
import { rangeOf } from './positions.js';

export type Kind = 'ligand' | 'target' | 'chemical' | 'citation';
export const KINDS: readonly Kind[] = ['ligand', 'target', 'chemical', 'citation'];

export type Style = 'subtle' | 'vivid';

/** The line under an entity in the subtle style: the kind shows in its pattern as well as its colour. */
const SUBTLE_LINE: Readonly<Record<Exclude<Kind, 'citation'>, string>> = { ligand: 'solid', target: 'dashed', chemical: 'dotted' };

function decorationType(kind: Kind, style: Style): vscode.TextEditorDecorationType {
  const color = (name: string) => new vscode.ThemeColor(`marginalia.${kind}${name}`);
  const common: vscode.DecorationRenderOptions = {
    overviewRulerColor: color('Ruler'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
  if (kind === 'citation') {
    return vscode.window.createTextEditorDecorationType({ ...common, color: style === 'vivid' ? color('Foreground') : color('LinkForeground') });
  }
  if (style === 'subtle') {
    return vscode.window.createTextEditorDecorationType({ ...common, borderColor: color('Border'), borderStyle: SUBTLE_LINE[kind], borderWidth: '0 0 1px 0' });
  }
  return vscode.window.createTextEditorDecorationType({
    ...common,
    backgroundColor: color('Background'),
    borderColor: color('Border'),
    borderStyle: 'solid',
    borderWidth: '0 0 1px 0',
  });
}

export type DecorationTypes = Readonly<Record<Kind, vscode.TextEditorDecorationType>>;

export function decorationTypes(style: Style): DecorationTypes {
  return {
    ligand: decorationType('ligand', style),
    target: decorationType('target', style),
    chemical: decorationType('chemical', style),
    citation: decorationType('citation', style),
  };
}

export type Ranges = Readonly<Record<Kind, readonly vscode.Range[]>>;

/** The ranges of each kind in `document` (the version `analysis` was made of). */
export function rangesOf(document: vscode.TextDocument, analysis: Analysis): Ranges {
  const ranges: Record<Kind, vscode.Range[]> = { ligand: [], target: [], chemical: [], citation: [] };
  for (const mention of analysis.entities) ranges[mention.kind]?.push(rangeOf(document, mention));
  for (const citation of analysis.citations) ranges.citation.push(rangeOf(document, citation));
  return ranges;
}
