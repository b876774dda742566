/**
 * The workspace lexicon in a real VS Code: "Add Selection as Ligand" appends the selected name to
 * `.marginalia/lexicon.json`, creating the file (without a machine-specific `$schema` pointer: the
 * manifest's `jsonValidation` supplies the schema).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exists } from './support/editor.js';

const decoder = new TextDecoder('utf-8');

/** The part of the extension's API this test reads. */
interface Service {
  get(document: vscode.TextDocument): Promise<{ analysis: { entities: readonly { text: string; id: string; source: string }[] } } | undefined>;
}

suite('Workspace lexicon', () => {
  test('adds the selection as a ligand to .marginalia/lexicon.json', async function () {
    const extension = vscode.extensions.getExtension('marginalia.marginalia');
    await extension?.activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    if (!registered.has('marginalia.addSelectionAsLigand')) return this.skip();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is open');
    const lexiconUri = vscode.Uri.joinPath(folder.uri, '.marginalia', 'lexicon.json');
    const existed = await exists(lexiconUri);
    const before = existed ? await vscode.workspace.fs.readFile(lexiconUri) : undefined;
    if (existed) await vscode.workspace.fs.delete(lexiconUri);
    try {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Zorbaxinel blocks the channel.' });
      const editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(0, 0, 0, 'Zorbaxinel'.length);
      const done = vscode.commands.executeCommand('marginalia.addSelectionAsLigand');
      // The command asks for an optional class; accept the empty input box.
      await new Promise((resolve) => setTimeout(resolve, 800));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await done;
      const data: unknown = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(lexiconUri)));
      assert.deepEqual(data, { entries: [{ name: 'Zorbaxinel', kind: 'ligand' }] });

      // The analysis picks the new name up (the lexicon reloads and documents are analysed again).
      const service = (extension?.exports as { service?: Service } | undefined)?.service;
      assert.ok(service, 'the extension exports its analysis service');
      {
        let found: { id: string; source: string } | undefined;
        for (let waited = 0; !found && waited < 15_000; waited += 250) {
          const analysed = await service.get(document);
          found = analysed?.analysis.entities.find((m) => m.text === 'Zorbaxinel');
          if (!found) await new Promise((resolve) => setTimeout(resolve, 250));
        }
        assert.deepEqual(found && { id: found.id, source: found.source }, { id: 'ligand:zorbaxinel', source: 'workspace' });
      }
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      if (await exists(lexiconUri)) await vscode.workspace.fs.delete(lexiconUri);
      if (before) await vscode.workspace.fs.writeFile(lexiconUri, before);
    }
  });
});
