/**
 * Core spans to editor ranges. VS Code counts offsets in UTF-16 code units as the core does, so
 * `document.offsetAt(position)` is already a core offset; only spans need converting.
 */
import * as vscode from 'vscode';
import type { Span } from '../core/types.js';

export function rangeOf(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
