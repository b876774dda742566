/**
 * Helpers for the editor-feature suites: open fixtures, find text in them, wait for the analysis,
 * read hover markdown back as text.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, until } from '../../support/extension.js';

export { extensionId, guideName } from '../../support/extension.js';

export function workspaceUri(...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, ...path);
}

/** Whether a file exists (in the workspace's file system). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function activate(): Promise<void> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is installed`);
  await extension.activate();
}

/** Opens a workspace file in an editor and waits until its current version is analysed. */
export async function openAnalysed(...path: string[]): Promise<vscode.TextEditor> {
  await activate();
  const document = await vscode.workspace.openTextDocument(workspaceUri(...path));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await waitFor(async () => {
    const symbols = await vscode.commands.executeCommand<unknown[]>('vscode.executeDocumentSymbolProvider', document.uri);
    return Array.isArray(symbols) && symbols.length > 0;
  }, `${path.join('/')} is analysed`);
  return editor;
}

/** Waits for `condition`; `what` names it in the failure (a function: what was seen last, read then). */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string | (() => string), timeoutMs = 20_000): Promise<void> {
  if (!(await until(condition, timeoutMs))) assert.fail(`timed out waiting until ${typeof what === 'string' ? what : what()}`);
}

/** Offset of the `occurrence`-th (1-based) appearance of `needle` in `text`, after `from`. */
export function offsetOf(text: string, needle: string, occurrence = 1, from = 0): number {
  let at = from - 1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" occurs ${occurrence} times`);
  }
  return at;
}

/** Every offset where `needle` appears in `text[from, to)`. */
export function allOffsets(text: string, needle: string, from = 0, to = text.length): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle, from); at >= 0 && at + needle.length <= to; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

export function rangeAt(document: vscode.TextDocument, start: number, length: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(start + length));
}

/** Offset of the label (the digits) of entry `n` in a list written `- n. …` or `n. …`. */
export function entryLabelOffset(text: string, n: number): number {
  const match = new RegExp(`^(?:- )?(${n})\\. `, 'm').exec(text.slice(text.lastIndexOf('References')));
  assert.ok(match, `reference entry ${n} is in the list`);
  return text.lastIndexOf('References') + match.index + match[0].indexOf(String(n));
}

/** Removes markdown's backslash escapes, so that hover markdown can be compared with plain text. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export function hoverMarkdown(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n\n');
}

export async function hoverAt(document: vscode.TextDocument, offset: number): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset))) ?? [];
}

export function sameRange(actual: vscode.Range, expected: vscode.Range): boolean {
  return actual.start.isEqual(expected.start) && actual.end.isEqual(expected.end);
}

export function describeRange(document: vscode.TextDocument, range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} "${document.getText(range)}"`;
}
