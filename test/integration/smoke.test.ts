/**
 * The extension loads in a real VS Code: it activates on a markdown document (its activation
 * event, not `*`) and every command its manifest contributes is registered.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'marginalia.marginalia';
const guideName = 'sigma1-receptor-nmda-ion-channels.md';

function guideUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, guideName);
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

suite('Extension smoke test', () => {
  test('activates when a markdown document is opened', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is installed as the development extension`);
    const document = await vscode.workspace.openTextDocument(guideUri());
    assert.equal(document.languageId, 'markdown');
    await vscode.window.showTextDocument(document);
    assert.ok(await waitFor(() => extension.isActive, 20_000), 'activated by onLanguage:markdown');
  });

  test('registers every command its manifest contributes', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    await extension.activate();
    const contributed: string[] = (extension.packageJSON.contributes?.commands ?? []).map(
      (command: { command: string }) => command.command,
    );
    assert.ok(contributed.length > 0);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((command) => !registered.has(command)), []);
  });
});
