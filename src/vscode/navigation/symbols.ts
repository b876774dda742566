/**
 * Document symbols (Outline, breadcrumbs, Go to Symbol): sections nested by level, tables by
 * caption inside their section, and the reference list with its entries.
 */
import * as vscode from 'vscode';
import type { Span } from '../../core/types.js';
import type { AnalysisService } from '../analysis/service.js';
import { shortTitle } from '../hover/cards.js';
import { guarded, type Logger } from '../log.js';
import { rangeOf } from '../positions.js';

function symbol(document: vscode.TextDocument, name: string, detail: string, kind: vscode.SymbolKind, span: Span, selection: Span): vscode.DocumentSymbol {
  // VS Code rejects a symbol whose selection lies outside its range.
  const whole = { start: Math.min(span.start, selection.start), end: Math.max(span.end, selection.end) };
  return new vscode.DocumentSymbol(name.trim() || '(untitled)', detail, kind, rangeOf(document, whole), rangeOf(document, selection));
}

/** The deepest symbol whose range holds the position, or undefined at the top level. */
function deepestHolding(symbols: readonly vscode.DocumentSymbol[], position: vscode.Position): vscode.DocumentSymbol | undefined {
  for (const s of symbols) {
    if (s.range.contains(position)) return deepestHolding(s.children, position) ?? s;
  }
  return undefined;
}

function insert(roots: vscode.DocumentSymbol[], child: vscode.DocumentSymbol): void {
  const parent = deepestHolding(roots, child.range.start);
  const siblings = parent ? parent.children : roots;
  siblings.push(child);
  siblings.sort((a, b) => a.range.start.compareTo(b.range.start));
}

export class MarginaliaSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(
    private readonly service: AnalysisService,
    private readonly log: Logger,
  ) {}

  provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[] | undefined> {
    return guarded(this.log, 'Document symbols failed', async () => {
      const analysed = await this.service.get(document, token);
      if (!analysed || token.isCancellationRequested || analysed.version !== document.version) return undefined;
      const { analysis } = analysed;
      const roots: vscode.DocumentSymbol[] = [];

      const open: { level: number; symbol: vscode.DocumentSymbol }[] = [];
      const sectionByHeading = new Map<number, vscode.DocumentSymbol>();
      for (const section of [...analysis.sections].sort((a, b) => a.start - b.start)) {
        const s = symbol(document, section.title, '', vscode.SymbolKind.String, section, { start: section.headingStart, end: section.headingEnd });
        while (open.length && open[open.length - 1]!.level >= section.level) open.pop();
        (open.length ? open[open.length - 1]!.symbol.children : roots).push(s);
        open.push({ level: section.level, symbol: s });
        sectionByHeading.set(section.headingStart, s);
      }

      for (const table of analysis.tables) {
        const caption = table.caption ?? `Table (${table.rows.length} rows)`;
        const selection = table.captionStart !== null && table.captionEnd !== null ? { start: table.captionStart, end: table.captionEnd } : { start: table.start, end: table.start };
        const span = { start: Math.min(table.start, selection.start), end: table.end };
        insert(roots, symbol(document, caption, `${table.rows.length} rows`, vscode.SymbolKind.Array, span, selection));
      }

      const list = analysis.referenceList;
      if (list && analysis.references.length) {
        const entries = analysis.references.map((r) =>
          symbol(document, `[${r.number}] ${shortTitle(r, 60)}`, r.duplicateOf !== null ? `same as [${r.duplicateOf}]` : `cited ${r.citedBy.length}×`, vscode.SymbolKind.Key, r, { start: r.labelStart, end: r.labelEnd }),
        );
        const heading = list.headingStart !== null ? sectionByHeading.get(list.headingStart) : undefined;
        if (heading) {
          heading.children.push(...entries);
          heading.children.sort((a, b) => a.range.start.compareTo(b.range.start));
        } else {
          const selection = list.headingStart !== null && list.headingEnd !== null ? { start: list.headingStart, end: list.headingEnd } : { start: list.start, end: list.start };
          const s = symbol(document, 'References', `${entries.length} entries`, vscode.SymbolKind.Namespace, list, selection);
          s.children.push(...entries);
          insert(roots, s);
        }
      }
      return roots;
    });
  }
}

export function registerSymbols(selector: vscode.DocumentSelector, service: AnalysisService, log: Logger): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider(selector, new MarginaliaSymbolProvider(service, log), { label: 'Marginalia' });
}
