/** Opening a place of a library document, from arguments that must name one. */
import * as vscode from 'vscode';
import type { Library } from '../../core/library/index.js';

export interface LocationArgs {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
}

/** The arguments, when they name a document of the library and a span inside it. */
export function parseLocation(library: Library, value: unknown): LocationArgs | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.uri !== 'string' || !Number.isInteger(v.start) || !Number.isInteger(v.end)) return undefined;
  const doc = library.get(v.uri);
  const start = v.start as number;
  const end = v.end as number;
  if (!doc || start < 0 || end < start) return undefined;
  return { uri: v.uri, start, end };
}

/** Opens the document and selects the span; false when the arguments are not a library place. */
export async function openLocation(library: Library, value: unknown, column?: vscode.ViewColumn): Promise<boolean> {
  const args = parseLocation(library, value);
  if (!args) return false;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri, true));
  // The file may have changed since it was indexed: clamp to what it holds now.
  const range = new vscode.Range(document.positionAt(args.start), document.positionAt(args.end));
  await vscode.window.showTextDocument(document, { selection: range, ...(column !== undefined ? { viewColumn: column } : {}) });
  return true;
}
