/**
 * The extension loads in a real VS Code: it activates on a markdown document (its activation
 * event, not `*`) and every command its manifest contributes is registered.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, guideName, unregisteredCommands, until } from '../support/extension.js';
import { workspaceUri } from './support/editor.js';

suite('Extension smoke test', () => {
  test('activates when a markdown document is opened', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is installed as the development extension`);
    const document = await vscode.workspace.openTextDocument(workspaceUri(guideName));
    assert.equal(document.languageId, 'markdown');
    await vscode.window.showTextDocument(document);
    assert.ok(await until(() => extension.isActive, 20_000), 'activated by onLanguage:markdown');
  });

  test('registers every command its manifest contributes', async () => {
    assert.deepEqual(await unregisteredCommands(), []);
  });
});
