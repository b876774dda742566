/**
 * The web bundle (package.json "browser") loads in the web worker extension host, as on
 * vscode.dev: it activates on a markdown document and registers every contributed command.
 */
import * as vscode from 'vscode';
import * as assert from './assert';

const extensionId = 'marginalia.marginalia';
const guideName = 'sigma1-receptor-nmda-ion-channels.md';

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

suite('Web extension smoke test', () => {
  test('activates in the web worker extension host when a markdown document is opened', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is loaded as the development extension`);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, guideName));
    await vscode.window.showTextDocument(document);
    assert.ok(await waitFor(() => extension.isActive, 20_000), 'activated by onLanguage:markdown');
    // UI = the extension runs next to the workbench: here, the web worker extension host.
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI, 'runs in the web worker extension host');
  });

  test('registers every command its manifest contributes', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    await extension.activate();
    const contributed: string[] = (extension.packageJSON.contributes?.commands ?? []).map(
      (command: { command: string }) => command.command,
    );
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((command) => !registered.has(command)), []);
  });
});
