/**
 * Diagnostics in a real VS Code: duplicate entries in the sample guide, missing and uncited
 * references in a fixture, the settings that turn each off, and the quick fixes.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeRange, entryLabelOffset, guideName, offsetOf, openAnalysed, rangeAt, sameRange, waitFor } from './support/editor.js';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Marginalia');
}

suite('Diagnostics', () => {
  test('reference 10 duplicates reference 4: a warning with related information', async () => {
    const document = (await openAnalysed(guideName)).document;
    const text = document.getText();
    await waitFor(() => ours(document.uri).length > 0, 'the guide has diagnostics');
    const diagnostics = ours(document.uri);
    const duplicate = diagnostics.find((d) => sameRange(d.range, rangeAt(document, entryLabelOffset(text, 10), 2)));
    assert.ok(duplicate, `a diagnostic on entry 10 (got ${diagnostics.map((d) => describeRange(document, d.range)).join(', ')})`);
    assert.equal(duplicate.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(duplicate.code, 'duplicate-reference');
    assert.equal(duplicate.message, 'Reference 10 lists the same work as reference 4');
    assert.equal(duplicate.relatedInformation?.length, 1);
    const related = duplicate.relatedInformation![0]!;
    assert.equal(related.message, 'First listed as reference 4');
    assert.ok(sameRange(related.location.range, rangeAt(document, entryLabelOffset(text, 4), 1)));
    // Every duplicate of the guide, and nothing else:
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message]),
      [
        ['duplicate-reference', 'Reference 5 lists the same work as reference 2'],
        ['duplicate-reference', 'Reference 10 lists the same work as reference 4'],
        ['duplicate-reference', 'Reference 13 lists the same work as reference 12'],
        ['duplicate-reference', 'Reference 15 lists the same work as reference 12'],
        ['duplicate-reference', 'Reference 16 lists the same work as reference 4'],
      ],
    );
  });

  test('quick fix on a duplicate goes to the original reference', async () => {
    const document = (await openAnalysed(guideName)).document;
    const text = document.getText();
    const range = rangeAt(document, entryLabelOffset(text, 10), 2);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const fix = actions.find((a) => a.title === 'Go to original reference 4');
    assert.ok(fix, `a quick fix (got ${actions.map((a) => a.title).join(', ')})`);
    assert.equal(fix.edit, undefined);
    assert.deepEqual(fix.command?.command, 'marginalia.goToReference');
    assert.deepEqual(fix.command?.arguments, [{ uri: document.uri.toString(), number: 4 }]);
    assert.equal(await vscode.commands.executeCommand(fix.command!.command, ...fix.command!.arguments!), true);
    const editor = vscode.window.activeTextEditor!;
    assert.ok(sameRange(editor.selection, rangeAt(document, entryLabelOffset(text, 4), 1)));
  });

  test('a marker without an entry is an error and an entry nothing cites is information', async () => {
    const document = (await openAnalysed('editor', 'citations.md')).document;
    const text = document.getText();
    await waitFor(() => ours(document.uri).length > 0, 'the fixture has diagnostics');
    const shown = ours(document.uri).map((d) => [d.severity, d.message, describeRange(document, d.range)]);
    assert.deepEqual(shown, [
      [vscode.DiagnosticSeverity.Error, 'Reference 3 is cited but not in the reference list', describeRange(document, rangeAt(document, offsetOf(text, '[2][3]') + 4, 1))],
      [vscode.DiagnosticSeverity.Error, 'Reference 3 is cited but not in the reference list', describeRange(document, rangeAt(document, offsetOf(text, 'indirect [3]') + 10, 1))],
      [vscode.DiagnosticSeverity.Information, 'Reference 4 is not cited in the text', describeRange(document, rangeAt(document, offsetOf(text, '4. Ferré'), 1))],
    ]);
  });

  test('each diagnostic can be turned off in the settings', async () => {
    const document = (await openAnalysed('editor', 'citations.md')).document;
    const settings = vscode.workspace.getConfiguration('marginalia');
    await settings.update('diagnostics.missingReference', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => ours(document.uri).every((d) => d.code !== 'missing-reference'), 'missing references are no longer reported');
      assert.deepEqual(ours(document.uri).map((d) => d.code), ['uncited-reference']);
    } finally {
      await settings.update('diagnostics.missingReference', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => ours(document.uri).length === 3, 'missing references are reported again');
  });
});
