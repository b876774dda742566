/**
 * "Add Selection as Ligand/Target" (context menu, palette): appends the selected name, with a
 * class the reader may type, to the workspace folder's `.marginalia/lexicon.json`. The file needs
 * no `$schema`: the manifest's `jsonValidation` gives it the schema wherever the extension is
 * installed, whereas a pointer into the extension's folder would be wrong on every other machine.
 */
import * as vscode from 'vscode';
import type { EntityKind } from '../../core/types.js';
import { addName, asName, lexiconUriFor, MAX_NAME_LENGTH } from './edit.js';

interface Reloadable {
  reload(): Promise<void>;
}

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
  const selected = editor.document.getText(editor.selection).replace(/\s+/g, ' ').trim();
  if (!selected) {
    void vscode.window.showInformationMessage('Select the name to add first.');
    return;
  }
  const name = asName(selected);
  if (!name) {
    void vscode.window.showWarningMessage(`The selection is too long for a name (${selected.length} characters, at most ${MAX_NAME_LENGTH}).`);
    return;
  }
  const uri = lexiconUriFor(editor.document.uri);
  if (!uri) {
    void vscode.window.showWarningMessage('Open a folder to keep a workspace lexicon.');
    return;
  }
  const cls = await vscode.window.showInputBox({
    title: `Add "${name}" as a ${kind}`,
    prompt: `Class of this ${kind} (optional)`,
    placeHolder: kind === 'ligand' ? 'e.g. receptor antagonist' : 'e.g. voltage-gated K+ channel',
  });
  if (cls === undefined) return;
  const result = await addName(uri, name, kind, cls);
  if (result.done) await lexicon.reload();
  void (result.done ? vscode.window.showInformationMessage(result.message) : vscode.window.showWarningMessage(result.message));
}
