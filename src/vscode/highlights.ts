/**
 * Highlights ligands, targets and citation markers in every visible editor of a document
 * Marginalia reads, with the theme colours the manifest contributes and marks in the overview
 * ruler. `marginalia.highlight.*` choose the kinds and the style (`subtle` by default: thin
 * underlines, markers in the link colour; `vivid`: tinted backgrounds); `marginalia.toggleHighlights`
 * hides them all.
 */
import * as vscode from 'vscode';
import type { AnalysisService, DocumentAnalysis } from './analysis/service.js';
import type { ConfigWatcher } from './config.js';
import type { Logger } from './log.js';
import { adoptEarly } from './early-highlights.js';
import { decorationTypes, KINDS, rangesOf, type Kind, type Ranges, type Style } from './highlight-types.js';
import { mark } from './trace.js';

/** What `marginalia._highlights` reports (for tests): the counts shown in the active editor. */
export interface HighlightState {
  readonly enabled: boolean;
  readonly uri: string | undefined;
  readonly counts: Readonly<Record<Kind, number>>;
  readonly style: Style;
}

export function registerHighlights(service: AnalysisService, config: ConfigWatcher, log: Logger): vscode.Disposable {
  let style: Style = config.current.highlightStyle;
  // The types of the highlights put on before activation, if any: their decorations stay until replaced.
  let types = adoptEarly(style) ?? decorationTypes(style);
  let enabled = true;
  /** Ranges of the last analysis of each document, computed once per version. */
  const computed = new Map<string, { version: number; ranges: Ranges }>();
  const shown = new WeakMap<vscode.TextEditor, Record<Kind, number>>();

  function rangesFor(document: vscode.TextDocument, analysed: DocumentAnalysis): Ranges {
    const key = document.uri.toString();
    const cached = computed.get(key);
    if (cached && cached.version === analysed.version && cached.ranges) return cached.ranges;
    const ranges = rangesOf(document, analysed.analysis);
    computed.set(key, { version: analysed.version, ranges });
    return ranges;
  }

  function clear(editor: vscode.TextEditor): void {
    for (const kind of KINDS) editor.setDecorations(types[kind], []);
    shown.set(editor, { ligand: 0, target: 0, chemical: 0, citation: 0 });
  }

  function decorate(editor: vscode.TextEditor): void {
    try {
      const { document } = editor;
      if (!enabled || !service.readability(document).readable) return clear(editor);
      const analysed = service.peek(document);
      // An older analysis' offsets no longer fit; VS Code keeps moving the old decorations with
      // the edits until the new analysis arrives.
      if (!analysed || analysed.version !== document.version) {
        if (!analysed) void service.get(document);
        return;
      }
      const ranges = rangesFor(document, analysed);
      const settings = config.current;
      const counts = { ligand: 0, target: 0, chemical: 0, citation: 0 };
      for (const kind of KINDS) {
        const visible = settings.highlights(kind) ? ranges[kind] : [];
        editor.setDecorations(types[kind], visible as vscode.Range[]);
        counts[kind] = visible.length;
      }
      shown.set(editor, counts);
      mark('decorated');
    } catch (error) {
      log.error('Could not highlight the document', error);
    }
  }

  const decorateAll = () => vscode.window.visibleTextEditors.forEach(decorate);

  decorateAll();
  return vscode.Disposable.from(
    { dispose: () => KINDS.forEach((kind) => types[kind].dispose()) },
    service.onDidAnalyse((analysed) => {
      for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === analysed.uri) decorate(editor);
    }),
    service.onDidForget((uri) => {
      computed.delete(uri);
      for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri) clear(editor);
    }),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(decorate)),
    config.onDidChange((aspects) => {
      if (config.current.highlightStyle !== style) {
        // Disposing a decoration type removes its decorations everywhere; the new ones replace them.
        KINDS.forEach((kind) => types[kind].dispose());
        style = config.current.highlightStyle;
        types = decorationTypes(style);
      }
      if (aspects.has('highlights') || aspects.has('languages') || aspects.has('analysis')) decorateAll();
    }),
    vscode.commands.registerCommand('marginalia.toggleHighlights', () => {
      enabled = !enabled;
      decorateAll();
      void vscode.window.setStatusBarMessage(`Marginalia: highlights ${enabled ? 'on' : 'off'}`, 2000);
      return enabled;
    }),
    vscode.commands.registerCommand('marginalia._highlights', (): HighlightState => {
      const editor = vscode.window.activeTextEditor;
      return {
        enabled,
        uri: editor?.document.uri.toString(),
        counts: (editor && shown.get(editor)) ?? { ligand: 0, target: 0, chemical: 0, citation: 0 },
        style,
      };
    }),
  );
}
