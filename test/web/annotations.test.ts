/**
 * The reader's annotations in the web worker extension host (vscode.dev): a highlight is made,
 * decorated and saved as W3C annotations through `vscode.workspace.fs`, and read again.
 */
import * as vscode from 'vscode';
import { extensionId, guideName } from '../support/extension';
import * as assert from './assert';

interface State {
  status: string;
  file: string | undefined;
  annotations: { id: string; exact: string; placement: { kind: string; start?: number; end?: number } }[];
  decorated: Record<string, number> | null;
}

suite('Web annotations', () => {
  test('a highlight is saved beside the workspace and found again in the web worker', async () => {
    await vscode.extensions.getExtension(extensionId)?.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, guideName));
    const editor = await vscode.window.showTextDocument(document);
    const passage = 'S1R dissociates from BiP';
    const start = document.getText().indexOf(passage);
    editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + passage.length));
    const id = await vscode.commands.executeCommand<string>('marginalia.highlight', { colour: 'blue' });
    assert.ok(typeof id === 'string' && id.startsWith('urn:uuid:'), `a new annotation (${String(id)})`);
    const uri = document.uri.toString();
    const state = (await vscode.commands.executeCommand<State>('marginalia._annotations', uri))!;
    assert.equal(state.decorated?.blue, 1);
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(state.file!))));
    assert.equal(saved.first.items[0].target.selector[0].exact, passage);
    await vscode.commands.executeCommand('marginalia._reloadAnnotations', uri);
    const again = (await vscode.commands.executeCommand<State>('marginalia._annotations', uri))!;
    assert.deepEqual(again.annotations.map((a) => [a.id, a.placement.kind, a.placement.start]), [[id, 'anchored', start]]);
    await vscode.commands.executeCommand('marginalia.removeAnnotation', { id });
  });
});
