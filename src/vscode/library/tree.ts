/**
 * The Library view: documents with their counts, entities across documents, works cited by
 * several documents. Each leaf opens where it is mentioned; an entity opens its evidence table.
 */
import * as vscode from 'vscode';
import type { EntityOccurrence, LibraryDocument, LibraryEntity, SharedWork } from '../../core/library/index.js';
import { slicer } from '../../core/library/pause.js';
import type { LibraryIndexer } from './indexer.js';

export type LibraryNode =
  | { readonly kind: 'group'; readonly group: 'documents' | 'entities' | 'works' }
  | { readonly kind: 'document'; readonly document: LibraryDocument }
  | { readonly kind: 'entity'; readonly entity: LibraryEntity }
  | { readonly kind: 'occurrence'; readonly entity: string; readonly occurrence: EntityOccurrence }
  | { readonly kind: 'work'; readonly work: SharedWork }
  | { readonly kind: 'citation'; readonly uri: string; readonly title: string | null; readonly start: number; readonly end: number; readonly number: number };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function openCommand(uri: string, start: number, end: number): vscode.Command {
  return { command: 'marginalia.openLibraryLocation', title: 'Open', arguments: [{ uri, start, end }] };
}

export class LibraryTreeProvider implements vscode.TreeDataProvider<LibraryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LibraryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly indexer: LibraryIndexer) {
    this.subscription = indexer.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: LibraryNode): LibraryNode[] | Promise<LibraryNode[]> {
    const library = this.indexer.library;
    if (!node) {
      if (library.size === 0) return [];
      return [
        { kind: 'group', group: 'documents' },
        { kind: 'group', group: 'entities' },
        { kind: 'group', group: 'works' },
      ];
    }
    if (node.kind === 'group') {
      if (node.group === 'documents') return library.list().map((document) => ({ kind: 'document', document }));
      if (node.group === 'entities') return library.entities().map((entity) => ({ kind: 'entity', entity }));
      // Grouped in slices: the first grouping of a large library takes seconds, and the host must stay responsive.
      return library.sharedWorksSliced(slicer()).then((works) => works.map((work): LibraryNode => ({ kind: 'work', work })));
    }
    if (node.kind === 'entity') return library.occurrencesOf(node.entity.id).map((occurrence) => ({ kind: 'occurrence', entity: node.entity.id, occurrence }));
    if (node.kind === 'work') {
      return node.work.citations.map((c) => ({ kind: 'citation', uri: c.uri, title: library.get(c.uri)?.title ?? null, start: c.reference.start, end: c.reference.end, number: c.reference.number }));
    }
    return [];
  }

  getTreeItem(node: LibraryNode): vscode.TreeItem {
    const library = this.indexer.library;
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'group': {
        // Counts that cost nothing: the shared works are grouped only when their group is opened.
        const count = node.group === 'documents' ? library.size : node.group === 'entities' ? library.entityCount : library.computedWorks?.length;
        const label = node.group === 'documents' ? 'Documents' : node.group === 'entities' ? 'Entities across documents' : 'Works cited by several documents';
        const item = new vscode.TreeItem(label, node.group === 'documents' ? vscode.TreeItemCollapsibleState.Expanded : collapsed);
        if (count !== undefined) item.description = String(count);
        item.id = `group:${node.group}`;
        return item;
      }
      case 'document': {
        const s = node.document;
        const item = new vscode.TreeItem(s.title ?? fileName(node.document.uri));
        item.description = `${plural(s.counts.entities, 'entity', 'entities')} · ${plural(s.counts.records, 'record')} · ${plural(s.counts.references, 'reference')}`;
        item.tooltip = vscode.workspace.asRelativePath(vscode.Uri.parse(node.document.uri));
        item.resourceUri = vscode.Uri.parse(node.document.uri);
        item.iconPath = vscode.ThemeIcon.File;
        item.command = openCommand(node.document.uri, 0, 0);
        item.id = `document:${node.document.uri}`;
        return item;
      }
      case 'entity': {
        const e = node.entity;
        const item = new vscode.TreeItem(e.name, collapsed);
        item.description = `${plural(e.documents, 'document')} · ${plural(e.records, 'record')}`;
        item.tooltip = `${e.name} — ${e.kind}${e.class ? `, ${e.class}` : ''}\n${plural(e.mentions, 'mention')} in ${plural(e.documents, 'document')}`;
        item.iconPath = new vscode.ThemeIcon(e.kind === 'target' ? 'symbol-interface' : e.kind === 'ligand' ? 'symbol-constant' : 'beaker');
        item.contextValue = e.records > 0 ? 'entityWithRecords' : 'entity';
        if (e.records > 0) item.command = { command: 'marginalia.showEvidence', title: 'Show Evidence Table', arguments: [{ entity: e.id }] };
        item.id = `entity:${e.id}`;
        return item;
      }
      case 'occurrence': {
        const o = node.occurrence;
        const item = new vscode.TreeItem(o.title ?? fileName(o.uri));
        item.description = `${plural(o.mentions, 'mention')} · ${plural(o.records, 'record')} · line ${o.first.line + 1}`;
        item.command = openCommand(o.uri, o.first.start, o.first.end);
        item.id = `occurrence:${node.entity}:${o.uri}`;
        return item;
      }
      case 'work': {
        const w = node.work;
        const item = new vscode.TreeItem(w.title ?? w.doi ?? w.key, collapsed);
        item.description = `${plural(w.citations.length, 'document')}${w.firstAuthor ? ` · ${w.firstAuthor}` : ''}${w.year !== null ? ` ${w.year}` : ''}`;
        item.tooltip = [w.title, w.doi ? `doi:${w.doi}` : null, w.pmid ? `PMID ${w.pmid}` : null].filter(Boolean).join('\n');
        item.iconPath = new vscode.ThemeIcon('references');
        item.id = `work:${w.key}`;
        return item;
      }
      case 'citation': {
        const item = new vscode.TreeItem(node.title ?? fileName(node.uri));
        item.description = `entry ${node.number}`;
        item.command = openCommand(node.uri, node.start, node.end);
        item.id = `citation:${node.uri}:${node.number}`;
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
