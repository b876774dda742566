/**
 * Document symbols (Outline, breadcrumbs, Go to Symbol): only what the built-in markdown
 * symbols lack. VS Code shows each provider's symbols as a group of their own, so giving the
 * markdown headings again would list every heading twice. For a markdown document (where
 * VS Code's markdown extension gives the headings) this provider adds the tables by caption, the
 * reference list with its entries, and the headings Marginalia reads from plain lines of
 * extracted text, nested in those plain headings where they fall; the markdown section that
 * holds each item is named in its detail. For any other language it gives the whole hierarchy.
 */
import * as vscode from 'vscode';
import type { Analysis, Section, Span } from '../../core/types.js';
import type { AnalysisService } from '../analysis/service.js';
import { shortTitle } from '../hover/cards.js';
import { guarded, type Logger } from '../log.js';
import { rangeOf } from '../positions.js';

const MARKDOWN_EXTENSION = 'vscode.markdown-language-features';

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

/** Whether VS Code's own markdown symbols cover this document's markdown headings. */
export function builtinHeadings(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && vscode.extensions.getExtension(MARKDOWN_EXTENSION) !== undefined;
}

/** The innermost section holding `offset` among `sections` (sorted by start), or undefined. */
function innermost(sections: readonly Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  for (const s of sections) {
    if (s.start > offset) break;
    if (offset < s.end && (!found || s.level >= found.level)) found = s;
  }
  return found;
}

/** The symbols of an analysis; `skipMarkdownHeadings` when another provider gives those. */
export function documentSymbols(document: vscode.TextDocument, analysis: Analysis, skipMarkdownHeadings: boolean): vscode.DocumentSymbol[] {
  const roots: vscode.DocumentSymbol[] = [];
  const sections = [...analysis.sections].sort((a, b) => a.start - b.start);
  const markdown = sections.filter((s) => s.written === 'markdown');
  /** Where an item sits when its heading is not ours to show: "in Results". */
  const placeOf = (offset: number): string => {
    const holder = skipMarkdownHeadings ? innermost(markdown, offset) : undefined;
    return holder ? `in ${holder.title}` : '';
  };
  const join = (...parts: string[]) => parts.filter(Boolean).join(' · ');

  const open: { level: number; symbol: vscode.DocumentSymbol }[] = [];
  const sectionByHeading = new Map<number, vscode.DocumentSymbol>();
  for (const section of sections) {
    if (skipMarkdownHeadings && section.written === 'markdown') continue;
    const s = symbol(document, section.title, placeOf(section.headingStart), vscode.SymbolKind.String, section, { start: section.headingStart, end: section.headingEnd });
    while (open.length && open[open.length - 1]!.level >= section.level) open.pop();
    (open.length ? open[open.length - 1]!.symbol.children : roots).push(s);
    open.push({ level: section.level, symbol: s });
    sectionByHeading.set(section.headingStart, s);
  }

  for (const table of analysis.tables) {
    const caption = table.caption ?? `Table (${table.rows.length} rows)`;
    const selection = table.captionStart !== null && table.captionEnd !== null ? { start: table.captionStart, end: table.captionEnd } : { start: table.start, end: table.start };
    const span = { start: Math.min(table.start, selection.start), end: table.end };
    const s = symbol(document, caption, `${table.rows.length} rows`, vscode.SymbolKind.Array, span, selection);
    insert(roots, s);
    if (roots.includes(s)) s.detail = join(s.detail, placeOf(table.start));
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
      // The list's own node; under a markdown heading it is named apart from that heading.
      const headingShownElsewhere = skipMarkdownHeadings && list.headingStart !== null;
      const first = analysis.references[0]!;
      const selection = headingShownElsewhere || list.headingStart === null || list.headingEnd === null
        ? { start: first.start, end: first.start }
        : { start: list.headingStart, end: list.headingEnd };
      const name = headingShownElsewhere ? 'Reference list' : 'References';
      const s = symbol(document, name, join(`${entries.length} entries`, placeOf(list.start)), vscode.SymbolKind.Namespace, list, selection);
      s.children.push(...entries);
      insert(roots, s);
    }
  }
  return roots;
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
      return documentSymbols(document, analysed.analysis, builtinHeadings(document));
    });
  }
}

export function registerSymbols(selector: vscode.DocumentSelector, service: AnalysisService, log: Logger): vscode.Disposable {
  // The label names the group VS Code shows beside "Markdown Language Features".
  return vscode.languages.registerDocumentSymbolProvider(selector, new MarginaliaSymbolProvider(service, log), { label: 'Tables and references' });
}
