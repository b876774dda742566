/**
 * Find All References: on a citation marker or a reference entry, every marker citing that
 * reference; on a ligand or target, every mention of it, whatever the spelling.
 */
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/service.js';
import { guarded, type Logger } from '../log.js';
import { rangeOf } from '../positions.js';

export class MarginaliaReferenceProvider implements vscode.ReferenceProvider {
  constructor(
    private readonly service: AnalysisService,
    private readonly log: Logger,
  ) {}

  provideReferences(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.Location[] | undefined> {
    return guarded(this.log, 'Find All References failed', async () => {
      const analysed = await this.service.get(document, token);
      if (!analysed || token.isCancellationRequested || analysed.version !== document.version) return undefined;
      const { index, analysis } = analysed;
      const offset = document.offsetAt(position);
      const at = (span: { start: number; end: number }) => new vscode.Location(document.uri, rangeOf(document, span));

      // A marker first, then a name (also inside an entry's title), then the entry itself.
      const mention = index.citationAt(offset) ? undefined : index.entityAt(offset);
      if (mention) return index.mentionsOf(mention.id).map(at);

      const number = index.citationAt(offset)?.part?.number ?? index.referenceAt(offset)?.number;
      if (number !== undefined) {
        const reference = index.reference(number);
        const locations: vscode.Location[] = [];
        if (reference && context.includeDeclaration) locations.push(at({ start: reference.labelStart, end: reference.labelEnd }));
        // The citing markers, each at the digits of this number (a grouped marker cites several).
        const citing = reference ? reference.citedBy.map((i) => analysis.citations[i]) : analysis.citations.filter((c) => c.numbers.includes(number));
        for (const citation of citing) {
          if (!citation) continue;
          const part = citation.parts.find((p) => p.number === number);
          locations.push(at(part ?? citation));
        }
        return locations;
      }
      return undefined;
    });
  }
}

export function registerReferences(selector: vscode.DocumentSelector, service: AnalysisService, log: Logger): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(selector, new MarginaliaReferenceProvider(service, log));
}
