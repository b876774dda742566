/**
 * The editor features in the web worker extension host (vscode.dev): the in-process analysis
 * runs there too, so hovers and Go to Definition answer as on the desktop.
 */
import * as vscode from 'vscode';
import * as assert from './assert';

const guideName = 'sigma1-receptor-nmda-ion-channels.md';

suite('Web editor features', () => {
  test('hover on a ligand and Go to Definition on a marker work in the web worker', async () => {
    await vscode.extensions.getExtension('marginalia.marginalia')?.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, guideName));
    await vscode.window.showTextDocument(document);
    const text = document.getText();

    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(text.indexOf('(+)-Pentazocine') + 4))) ?? [];
    const markdown = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    const plain = markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    assert.ok(plain.includes('Potentiation (+56.5 ± 4.87%)'), plain);
    assert.ok(plain.includes('IC50 = 61 μM'), plain);

    const marker = text.indexOf('\t[21]', text.indexOf('Table 1:')) + 2;
    const links = (await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', document.uri, document.positionAt(marker))) ?? [];
    assert.equal(links.length, 1);
    const target = links[0]!.targetSelectionRange ?? links[0]!.targetRange;
    assert.equal(document.getText(target), '21');
    assert.equal(document.lineAt(target.start.line).text.startsWith('- 21. journals.physiology.org'), true);
  });
});
