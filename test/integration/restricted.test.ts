/**
 * Restricted Mode: in an untrusted workspace Marginalia still reads documents (it only reads),
 * and a lexicon file named by the restricted setting outside the workspace is ignored.
 * Runs in its own code-server pass with workspace trust enabled; skipped in trusted passes.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, guideName, hoverAt, hoverMarkdown, offsetOf, openAnalysed, unescapeMarkdown } from './support/editor.js';

suite('Restricted Mode', function () {
  suiteSetup(function () {
    if (vscode.workspace.isTrusted) this.skip();
  });

  test('the workspace is untrusted and the extension is active', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    await openAnalysed(guideName);
    assert.equal(vscode.extensions.getExtension(extensionId)?.isActive, true);
  });

  test('hovers and go to definition answer on the sample guide', async () => {
    const { document } = await openAnalysed(guideName);
    const text = document.getText();
    const hover = unescapeMarkdown(hoverMarkdown(await hoverAt(document, offsetOf(text, '[21]') + 1)));
    assert.match(hover, /journals\.physiology\.org/);
    const marker = offsetOf(text, '[21]') + 1;
    const links = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', document.uri, document.positionAt(marker));
    assert.equal(links.length, 1);
    const target = 'targetRange' in links[0]! ? links[0].targetRange : links[0]!.range;
    assert.match(document.lineAt(target.start.line).text, /^- 21\. /);
  });
});
