/**
 * Marginalia in VS Code's own markdown preview: the markdown-it plugin the preview loads from
 * `extendMarkdownIt`, fed by the analysis service the editor uses (a render reads the analysis of
 * the document's current version, never analyses), and a refresh of the preview whenever that
 * analysis lands after the preview rendered without it, or a setting changes.
 */
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { AnalysisIndex } from '../../core/query.js';
import type { AnalysisService } from '../analysis/service.js';
import type { ConfigWatcher } from '../config.js';
import type { Logger } from '../log.js';
import type { PreviewAnnotation, PreviewSettings } from './decorate.js';
import { markdownItPlugin, type PreviewDocument } from './plugin.js';

export interface PreviewFeature extends vscode.Disposable {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

/** What the last render of each document used: its analysis, or none (not analysed yet). */
type Rendered = Map<string, AnalysisIndex | null>;

function enabled(): boolean {
  return vscode.workspace.getConfiguration('marginalia').get<boolean>('preview.enabled', true) !== false;
}

/** Whether a markdown preview is open anywhere (refreshing costs every preview a render). */
function previewOpen(): boolean {
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some(({ input }) =>
      (input instanceof vscode.TabInputWebview && /markdown\.preview/.test(input.viewType)) ||
      (input instanceof vscode.TabInputCustom && /markdown\.preview/.test(input.viewType))));
}

/** The reader's annotations of a document, placed in its current text (the annotation manager). */
export interface PreviewAnnotationSource {
  annotationsOf(uri: string): readonly PreviewAnnotation[];
  readonly onDidChange: vscode.Event<string>;
}

export function registerPreview(service: AnalysisService, config: ConfigWatcher, log: Logger, annotations?: PreviewAnnotationSource): PreviewFeature {
  const rendered: Rendered = new Map();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function refresh(): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (!previewOpen()) return;
      void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, (error: unknown) => log.debug(`Could not refresh the markdown preview: ${String(error)}`));
    }, 50);
  }

  function settings(): PreviewSettings | undefined {
    if (!enabled()) return undefined;
    const current = config.current;
    return { highlight: { ligand: current.highlights('ligand'), target: current.highlights('target'), chemical: current.highlights('chemical'), citation: current.highlights('citation') } };
  }

  function documentFor(env: unknown): PreviewDocument | undefined {
    // The preview passes the document's uri; `markdown.api.render` of a string passes none.
    const uri = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
    if (!uri) return undefined;
    const key = String(uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!document || !service.readability(document).readable) return undefined;
    const analysed = service.peek(document);
    const text = document.getText();
    if (!analysed || analysed.version !== document.version || analysed.analysis.length !== text.length) {
      // Shown without marks for now; the analysis refreshes the preview when it lands.
      rendered.set(key, null);
      void service.get(document);
      return undefined;
    }
    rendered.set(key, analysed.index);
    return { text, index: analysed.index, annotations: annotations?.annotationsOf(key) ?? [] };
  }

  const plugin = markdownItPlugin({ settings, documentFor, error: (message, error) => log.error(message, error) });

  const subscriptions = [
    service.onDidAnalyse((analysed) => {
      if (rendered.has(analysed.uri) && rendered.get(analysed.uri) !== analysed.index && enabled()) refresh();
    }),
    service.onDidForget((uri) => rendered.delete(uri)),
    ...(annotations ? [annotations.onDidChange((uri) => rendered.has(uri) && enabled() && refresh())] : []),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if ((event.affectsConfiguration('marginalia.preview') || event.affectsConfiguration('marginalia.highlight')) && rendered.size > 0) refresh();
    }),
  ];

  return {
    extendMarkdownIt: (md) => plugin(md),
    dispose() {
      if (timer) clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
    },
  };
}
