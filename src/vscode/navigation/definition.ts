/** Go to Definition (and Peek) on a citation marker: the entry of the number under the cursor. */
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/service.js';
import { guarded, type Logger } from '../log.js';
import { rangeOf } from '../positions.js';

export class CitationDefinitionProvider implements vscode.DefinitionProvider {
  constructor(
    private readonly service: AnalysisService,
    private readonly log: Logger,
  ) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.LocationLink[] | undefined> {
    return guarded(this.log, 'Go to Definition failed', async () => {
      const analysed = await this.service.get(document, token);
      if (!analysed || token.isCancellationRequested || analysed.version !== document.version) return undefined;
      const hit = analysed.index.citationAt(document.offsetAt(position));
      if (!hit?.part) return undefined;
      const reference = analysed.index.reference(hit.part.number);
      if (!reference) return undefined;
      return [
        {
          originSelectionRange: rangeOf(document, hit.part),
          targetUri: document.uri,
          targetRange: rangeOf(document, reference),
          targetSelectionRange: rangeOf(document, { start: reference.labelStart, end: reference.labelEnd }),
        },
      ];
    });
  }
}

export function registerDefinition(selector: vscode.DocumentSelector, service: AnalysisService, log: Logger): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(selector, new CitationDefinitionProvider(service, log));
}
