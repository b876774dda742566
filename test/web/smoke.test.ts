/**
 * The web bundle (package.json "browser") loads in the web worker extension host, as on
 * vscode.dev: it activates on a markdown document and registers every contributed command.
 */
import * as vscode from 'vscode';
import { extensionId, guideName, unregisteredCommands, until } from '../support/extension';
import * as assert from './assert';

suite('Web extension smoke test', () => {
  test('activates in the web worker extension host when a markdown document is opened', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is loaded as the development extension`);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, guideName));
    await vscode.window.showTextDocument(document);
    assert.ok(await until(() => extension.isActive, 20_000), 'activated by onLanguage:markdown');
    // UI = the extension runs next to the workbench: here, the web worker extension host.
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI, 'runs in the web worker extension host');
  });

  test('registers every command its manifest contributes', async () => {
    assert.deepEqual(await unregisteredCommands(), []);
  });
});
