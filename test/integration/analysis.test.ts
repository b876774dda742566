/**
 * The analysis service in a real VS Code: one analysis per document version however many
 * features ask, re-analysis after edits, the size limit and the language setting.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/vscode/activate.js';
import type { DocumentAnalysis } from '../../src/vscode/analysis/service.js';
import { activate, extensionId, hoverAt, hoverMarkdown, unescapeMarkdown, waitFor } from './support/editor.js';

const sample = 'Haloperidol inhibits the current [1].\n\n## References\n\n1. Smith J. A study of haloperidol. J Pharmacol. 2001.\n';

function api(): MarginaliaApi {
  return vscode.extensions.getExtension<MarginaliaApi>(extensionId)!.exports;
}

async function openUntitled(content: string, language = 'markdown'): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

suite('Analysis service', () => {
  suiteSetup(async () => {
    await activate();
    // The database lexicon arrives after activation and has every document analysed again.
    await api().databaseLexicon;
  });

  test('analyses each version once, however many features ask at the same time', async () => {
    const seen: DocumentAnalysis[] = [];
    const subscription = api().service.onDidAnalyse((a) => seen.push(a));
    try {
      const document = await openUntitled(sample);
      const uri = document.uri.toString();
      const position = document.positionAt(sample.indexOf('[1]') + 1);
      await Promise.all([
        vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position),
        vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, position),
        vscode.commands.executeCommand('vscode.executeReferenceProvider', document.uri, position),
        vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri),
        api().service.get(document),
      ]);
      assert.deepEqual(seen.filter((a) => a.uri === uri).map((a) => a.version), [document.version]);

      // A pause longer than this machine may take between two edits.
      await vscode.workspace.getConfiguration('marginalia').update('analysis.debounceMs', 4000, vscode.ConfigurationTarget.Global);
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Caffeine too. '));
      // A hover while typing waits for the pause instead of analysing the intermediate version.
      const hover = vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 2));
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'And then. '));
      await hover;
      await waitFor(() => seen.some((a) => a.uri === uri && a.version === document.version), 'the edited version is analysed');
      // Two quick edits: the first version after them is analysed once, the intermediate one never.
      assert.deepEqual(seen.filter((a) => a.uri === uri).map((a) => a.version), [document.version - 2, document.version]);
      const latest = api().service.peek(document)!;
      assert.equal(latest.analysis.length, document.getText().length);
      assert.equal(latest.analysis.citations[0]!.start, document.getText().indexOf('[1]'));
    } finally {
      subscription.dispose();
      await vscode.workspace.getConfiguration('marginalia').update('analysis.debounceMs', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('skips a document above marginalia.analysis.maxDocumentSizeMB, saying why', async () => {
    const settings = vscode.workspace.getConfiguration('marginalia');
    await settings.update('analysis.maxDocumentSizeMB', 0.1, vscode.ConfigurationTarget.Global);
    try {
      const big = `${sample}\n${'Haloperidol blocks the receptor [1]. '.repeat(4000)}`;
      const document = await openUntitled(big);
      const readability = api().service.readability(document);
      assert.equal(readability.readable, false);
      assert.equal(!readability.readable && readability.reason, 'This document (0.1 MB) is larger than marginalia.analysis.maxDocumentSizeMB (0.1 MB), so Marginalia does not analyse it.');
      assert.equal(await api().service.get(document), undefined);
      assert.deepEqual(await hoverAt(document, 3), []);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await settings.update('analysis.maxDocumentSizeMB', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('reads only the languages in marginalia.languages', async () => {
    const document = await openUntitled(sample, 'plaintext');
    try {
      const readability = api().service.readability(document);
      assert.deepEqual(readability, {
        readable: false,
        reason: 'Marginalia reads only the languages in marginalia.languages (markdown); this document is plaintext.',
      });
      assert.equal(await api().service.get(document), undefined);
      const settings = vscode.workspace.getConfiguration('marginalia');
      await settings.update('languages', ['markdown', 'plaintext'], vscode.ConfigurationTarget.Global);
      try {
        await waitFor(() => api().service.peek(document) !== undefined, 'the plain-text document is analysed');
        assert.deepEqual(api().service.peek(document)!.analysis.citations.map((c) => c.text), ['[1]']);
        // The providers follow the setting too.
        const hover = await hoverAt(document, sample.indexOf('[1]') + 1);
        assert.equal(hover.length > 0, true);
      } finally {
        await settings.update('languages', undefined, vscode.ConfigurationTarget.Global);
      }
      await waitFor(() => api().service.peek(document) === undefined, 'the plain-text document is forgotten');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('re-analyses open documents when the lexicon changes', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!;
    const lexiconUri = vscode.Uri.joinPath(folder.uri, 'editor-test-lexicon.json');
    const settings = vscode.workspace.getConfiguration('marginalia');
    const document = await openUntitled('Quibradomine blocks the channel at 3 μM.\n');
    try {
      const before = await api().service.get(document);
      // Before: only its ending (-ine) says it is a chemical; after: the workspace lexicon names it.
      assert.deepEqual(before?.analysis.entities.map((m) => [m.text, m.kind, m.source]), [['Quibradomine', 'ligand', 'pattern']]);
      const lexicon = { entries: [{ name: 'Quibradomine', kind: 'ligand', class: 'test channel blocker' }] };
      await vscode.workspace.fs.writeFile(lexiconUri, new TextEncoder().encode(JSON.stringify(lexicon)));
      // Naming the file in the settings makes the lexicon read it now (no file watcher involved).
      await settings.update('lexicon.files', ['editor-test-lexicon.json'], vscode.ConfigurationTarget.Global);
      await waitFor(() => api().service.peek(document)?.analysis.entities.some((m) => m.source !== 'pattern') ?? false, 'the new ligand is recognised');
      const hover = unescapeMarkdown(hoverMarkdown(await hoverAt(document, 3)));
      assert.match(hover, /\*\*Quibradomine\*\* — ligand · test channel blocker/);
    } finally {
      await settings.update('lexicon.files', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.delete(lexiconUri).then(undefined, () => undefined);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('an empty document gives every feature an empty answer', async () => {
    // A file, not an untitled document: a new untitled document can reuse a closed one's name.
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'editor', 'empty.md'));
    await vscode.window.showTextDocument(document, { preview: false });
    try {
      const start = new vscode.Position(0, 0);
      assert.deepEqual(await hoverAt(document, 0), []);
      assert.deepEqual((await vscode.commands.executeCommand<unknown[]>('vscode.executeDefinitionProvider', document.uri, start)) ?? [], []);
      assert.deepEqual((await vscode.commands.executeCommand<unknown[]>('vscode.executeReferenceProvider', document.uri, start)) ?? [], []);
      assert.deepEqual((await vscode.commands.executeCommand<unknown[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [], []);
      assert.equal(await vscode.commands.executeCommand('marginalia.nextCitation'), false);
      assert.equal((await api().service.get(document))?.analysis.length, 0);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
