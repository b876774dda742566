/**
 * The analysis' diagnostics in the Problems panel (each code can be turned off in the settings),
 * and quick fixes: go to the original of a duplicate entry, show the reference list.
 */
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic, DiagnosticSeverity } from '../core/types.js';
import type { AnalysisService, DocumentAnalysis } from './analysis/service.js';
import type { ConfigWatcher } from './config.js';
import { guarded, type Logger } from './log.js';
import { rangeOf } from './positions.js';

const SOURCE = 'Marginalia';

const SEVERITY: Readonly<Record<DiagnosticSeverity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

function toDiagnostic(document: vscode.TextDocument, d: CoreDiagnostic): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(rangeOf(document, d), d.message, SEVERITY[d.severity] ?? vscode.DiagnosticSeverity.Information);
  diagnostic.source = SOURCE;
  diagnostic.code = d.code;
  diagnostic.relatedInformation = d.related.map(
    (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, rangeOf(document, r)), r.message),
  );
  return diagnostic;
}

export function registerDiagnostics(service: AnalysisService, config: ConfigWatcher, log: Logger): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('marginalia');

  function publish(analysed: DocumentAnalysis): void {
    try {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === analysed.uri);
      // Offsets are only valid for the version they were computed on.
      if (!document || document.version !== analysed.version) return;
      const enabled = config.current.diagnostics;
      collection.set(
        document.uri,
        analysed.analysis.diagnostics.filter((d) => enabled[d.code] !== false).map((d) => toDiagnostic(document, d)),
      );
    } catch (error) {
      log.error('Could not show the diagnostics', error);
    }
  }

  function republishAll(): void {
    collection.clear();
    for (const document of vscode.workspace.textDocuments) {
      const analysed = service.peek(document);
      if (analysed) publish(analysed);
    }
  }

  for (const document of vscode.workspace.textDocuments) {
    const analysed = service.peek(document);
    if (analysed) publish(analysed);
  }

  return vscode.Disposable.from(
    collection,
    service.onDidAnalyse(publish),
    service.onDidForget((uri) => collection.delete(vscode.Uri.parse(uri))),
    config.onDidChange((aspects) => {
      if (aspects.has('diagnostics')) republishAll();
    }),
  );
}

/** Quick fixes for Marginalia's diagnostics; each runs a command, none edits the document. */
export class ReferenceQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly service: AnalysisService,
    private readonly log: Logger,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[] | undefined> {
    return guarded(this.log, 'Quick fixes failed', async () => {
      const ours = context.diagnostics.filter((d) => d.source === SOURCE);
      if (ours.length === 0) return undefined;
      const analysed = await this.service.get(document, token);
      if (!analysed || analysed.version !== document.version) return undefined;
      const uri = document.uri.toString();
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of ours) {
        if (diagnostic.code === 'duplicate-reference') {
          const entry = analysed.index.referenceAt(document.offsetAt(diagnostic.range.start));
          const original = entry?.duplicateOf;
          if (original == null || !analysed.index.reference(original)) continue;
          const action = new vscode.CodeAction(`Go to original reference ${original}`, vscode.CodeActionKind.QuickFix);
          action.command = { command: 'marginalia.goToReference', title: action.title, arguments: [{ uri, number: original }] };
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          actions.push(action);
        } else if (diagnostic.code === 'missing-reference') {
          const action = new vscode.CodeAction('Show reference list', vscode.CodeActionKind.QuickFix);
          action.command = { command: 'marginalia.showPanel', title: action.title };
          action.diagnostics = [diagnostic];
          actions.push(action);
        }
      }
      return actions;
    });
  }
}

export function registerQuickFixes(selector: vscode.DocumentSelector, service: AnalysisService, log: Logger): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(selector, new ReferenceQuickFixes(service, log), ReferenceQuickFixes.metadata);
}
