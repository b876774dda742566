/**
 * Hover cards for ligands and targets, citation markers and quantities, answered from the
 * analysis index of the document's current version.
 */
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/service.js';
import { guarded, type Logger } from '../log.js';
import { hoverCommands } from '../markdown.js';
import { rangeOf } from '../positions.js';
import { citationCard, entityCard, quantityCard, referenceCard } from './cards.js';

/** Markdown built from escaped document text: only our two reference commands are enabled. */
function card(markdown: string): vscode.MarkdownString {
  const content = new vscode.MarkdownString(markdown);
  content.isTrusted = { enabledCommands: [...hoverCommands] };
  content.supportHtml = false;
  content.supportThemeIcons = false;
  return content;
}

export class MarginaliaHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly service: AnalysisService,
    private readonly log: Logger,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    return guarded(this.log, 'Hover failed', async () => {
      const analysed = await this.service.get(document, token);
      if (!analysed || token.isCancellationRequested || analysed.version !== document.version) return undefined;
      const { index } = analysed;
      const offset = document.offsetAt(position);

      const citation = index.citationAt(offset);
      if (citation) return new vscode.Hover(card(citationCard(index, citation, document.uri.toString())), rangeOf(document, citation.citation));

      const mention = index.entityAt(offset);
      if (mention) return new vscode.Hover(card(entityCard(index, mention, document.uri.toString())), rangeOf(document, mention));

      // The number of an entry in the reference list (its text may hold names, hovered above).
      const entry = index.referenceAt(offset);
      if (entry && offset >= entry.labelStart && offset <= entry.labelEnd) {
        return new vscode.Hover(card(referenceCard(index, entry, document.uri.toString())), rangeOf(document, { start: entry.labelStart, end: entry.labelEnd }));
      }

      const quantity = index.quantityAt(offset);
      const markdown = quantity && quantityCard(quantity);
      if (quantity && markdown) return new vscode.Hover(card(markdown), rangeOf(document, quantity));
      return undefined;
    });
  }
}

export function registerHover(selector: vscode.DocumentSelector, service: AnalysisService, log: Logger): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, new MarginaliaHoverProvider(service, log));
}
