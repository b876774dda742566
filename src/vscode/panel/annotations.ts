/** The Annotations tab's data: the reader's annotations of the shown document, as the protocol sends them. */
import type * as vscode from 'vscode';
import type { PanelAnnotations } from '../../shared/protocol.js';
import type { DocumentAnnotations } from '../annotations/manager.js';

/** The part of the annotation manager the panel uses. */
export interface PanelAnnotationSource {
  peek(uri: string): DocumentAnnotations | undefined;
  get(document: vscode.TextDocument): Promise<DocumentAnnotations | undefined>;
  readonly onDidChange: vscode.Event<string>;
}

/** Longest quote and note sent to the webview (the tab shows the start of each). */
const shownLength = 2000;

function problemOf(status: DocumentAnnotations['status']): string | null {
  switch (status.kind) {
    case 'damaged':
      return `The annotations file of this document is damaged (${status.problem}). It is left as it is; fix it, or reopen the document and choose to set it aside.`;
    case 'unstorable':
      return 'Save the document to annotate it: its annotations are kept beside it.';
    default:
      return null;
  }
}

export function panelAnnotations(document: vscode.TextDocument, known: DocumentAnnotations): PanelAnnotations {
  return {
    uri: known.uri,
    problem: problemOf(known.status),
    items: known.placed.map(({ annotation, placement }) => ({
      id: annotation.id,
      colour: annotation.colour,
      tags: [...annotation.tags],
      note: annotation.note === null ? null : annotation.note.slice(0, shownLength),
      quote: annotation.target.quote.exact.slice(0, shownLength),
      line: placement.kind === 'anchored' ? document.positionAt(placement.start).line + 1 : null,
      created: annotation.created,
    })),
  };
}
