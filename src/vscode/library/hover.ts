/** The library's part of an entity's hover (VS Code shows it under Marginalia's card). */
import * as vscode from 'vscode';
import type { Library } from '../../core/library/index.js';
import type { AnalysisService } from '../analysis/service.js';
import { guarded, type Logger } from '../log.js';
import { rangeOf } from '../positions.js';
import { libraryHoverMarkdown } from './hover-text.js';

export function registerLibraryHover(selector: vscode.DocumentSelector, service: AnalysisService, library: () => Library, log: Logger): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover: (document, position, token) =>
      guarded(log, 'Library hover failed', async () => {
        const analysed = await service.get(document, token);
        if (!analysed || token.isCancellationRequested) return undefined;
        const mention = analysed.index.entityAt(document.offsetAt(position));
        if (!mention) return undefined;
        const markdown = libraryHoverMarkdown(library(), mention.id, document.uri.toString());
        if (!markdown) return undefined;
        const content = new vscode.MarkdownString(markdown);
        content.isTrusted = { enabledCommands: ['marginalia.showEvidence'] };
        content.supportHtml = false;
        return new vscode.Hover(content, rangeOf(document, mention));
      }),
  });
}
