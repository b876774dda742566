/**
 * "Add Selection as Ligand/Target": appends the selected name to the workspace folder's
 * `.marginalia/lexicon.json` (created when missing). The file needs no `$schema`: the manifest's
 * `jsonValidation` gives it the schema wherever the extension is installed, whereas a pointer
 * into the extension's folder would be wrong on every other machine.
 */
import * as vscode from 'vscode';
import type { EntityKind } from '../../core/types.js';
import { DEFAULT_LEXICON_PATH } from './files.js';

interface Reloadable {
  reload(): Promise<void>;
}

const MAX_NAME_LENGTH = 200;

export function registerAddSelectionCommands(lexicon: Reloadable): vscode.Disposable[] {
  const run = (kind: EntityKind) => async (): Promise<void> => {
    try {
      await addSelection(kind, lexicon);
    } catch (error) {
      void vscode.window.showErrorMessage(`Marginalia could not add the selection to the lexicon: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return [
    vscode.commands.registerCommand('marginalia.addSelectionAsLigand', run('ligand')),
    vscode.commands.registerCommand('marginalia.addSelectionAsTarget', run('target')),
  ];
}

async function addSelection(kind: EntityKind, lexicon: Reloadable): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const name = editor.document.getText(editor.selection).replace(/\s+/g, ' ').trim();
  if (!name) {
    void vscode.window.showInformationMessage('Select the name to add first.');
    return;
  }
  if (name.length > MAX_NAME_LENGTH) {
    void vscode.window.showWarningMessage(`The selection is too long for a name (${name.length} characters).`);
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Open a folder to keep a workspace lexicon.');
    return;
  }
  const cls = await vscode.window.showInputBox({
    title: `Add "${name}" as a ${kind}`,
    prompt: `Class of this ${kind} (optional)`,
    placeHolder: kind === 'ligand' ? 'e.g. receptor antagonist' : 'e.g. voltage-gated K+ channel',
  });
  if (cls === undefined) return;

  const uri = vscode.Uri.joinPath(folder.uri, ...DEFAULT_LEXICON_PATH);
  const data = await readOrCreate(uri);
  if (!data) return;
  const entries = data.entries as unknown[];
  const exists = entries.some((e) => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === name && (e as { kind?: unknown }).kind === kind);
  const relative = vscode.workspace.asRelativePath(uri, true);
  if (exists) {
    void vscode.window.showInformationMessage(`"${name}" is already a ${kind} in ${relative}.`);
    return;
  }
  entries.push({ name, kind, ...(cls.trim() ? { class: cls.trim() } : {}) });
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`));
  await lexicon.reload();
  void vscode.window.showInformationMessage(`Added "${name}" as a ${kind} to ${relative}.`);
}

/** The file's JSON with an `entries` array, a new one when missing, or undefined (after telling the user) when it is broken. */
async function readOrCreate(uri: vscode.Uri): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return { entries: [] };
  }
  try {
    const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      const record = data as Record<string, unknown>;
      if (record.entries === undefined) record.entries = [];
      if (Array.isArray(record.entries)) return record;
    }
  } catch {
    // Reported below.
  }
  void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri, true)} is not a valid lexicon (an object with an "entries" array); fix it before adding names.`);
  return undefined;
}
