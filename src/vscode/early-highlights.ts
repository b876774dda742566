/**
 * Highlights put on before VS Code activates the extension. Between loading the bundle and
 * activating it, VS Code activates the other extensions waiting for the same event and prepares
 * this one's context (a second or more on a busy machine), and the first analyses of the shown
 * documents are done by then (analysis/early.ts). The highlights feature adopts these decoration
 * types when it starts, so the highlights the reader sees stay put until it replaces them.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/types.js';
import { Config } from './config.js';
import { decorationTypes, KINDS, rangesOf, type DecorationTypes, type Style } from './highlight-types.js';
import { mark } from './trace.js';

let early: { readonly style: Style; readonly types: DecorationTypes } | undefined;
let adopted = false;

/** Highlights `analysis` in the editors showing `document`, if it is still that version and the feature has not started. */
export function highlightEarly(document: vscode.TextDocument, version: number, analysis: Analysis): void {
  if (adopted || document.isClosed || document.version !== version) return;
  const settings = Config.read();
  early ??= { style: settings.highlightStyle, types: decorationTypes(settings.highlightStyle) };
  const ranges = rangesOf(document, analysis);
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document !== document) continue;
    for (const kind of KINDS) editor.setDecorations(early.types[kind], settings.highlights(kind) ? (ranges[kind] as vscode.Range[]) : []);
  }
  mark('decorated before activation');
}

/**
 * The early highlights' decoration types, for the highlights feature to keep (undefined when there
 * are none or they have another style, which are then removed). Later analyses are not shown early.
 */
export function adoptEarly(style: Style): DecorationTypes | undefined {
  adopted = true;
  const found = early;
  early = undefined;
  if (!found) return undefined;
  if (found.style === style) return found.types;
  KINDS.forEach((kind) => found.types[kind].dispose());
  return undefined;
}
