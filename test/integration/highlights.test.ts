/**
 * Highlights in a real VS Code: what the active editor shows, the settings per kind and the
 * toggle command. `marginalia._highlights` (internal) reports the decorations last set.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HighlightState } from '../../src/vscode/highlights.js';
import type { MarginaliaApi } from '../../src/vscode/activate.js';
import { extensionId, guideName, openAnalysed, waitFor } from './support/editor.js';

function highlightState(): Promise<HighlightState> {
  return vscode.commands.executeCommand<HighlightState>('marginalia._highlights') as Promise<HighlightState>;
}

suite('Highlights', () => {
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    document = (await openAnalysed(guideName)).document;
  });

  test('the guide shows one decoration per mention and per citation marker', async () => {
    await waitFor(async () => (await highlightState()).counts.citation > 0, 'the guide is highlighted');
    const state = await highlightState();
    assert.equal(state.uri, document.uri.toString());
    assert.equal(state.enabled, true);
    const api = vscode.extensions.getExtension<MarginaliaApi>(extensionId)!.exports;
    const analysis = api.service.peek(document)!.analysis;
    assert.deepEqual(state.counts, {
      ligand: analysis.entities.filter((m) => m.kind === 'ligand').length,
      target: analysis.entities.filter((m) => m.kind === 'target').length,
      // Other chemicals are recognised but not highlighted by default (marginalia.highlight.chemicals).
      chemical: 0,
      citation: analysis.citations.length,
    });
    // The guide's own markers, e.g. its first one, are among them.
    const text = document.getText();
    assert.ok(analysis.citations.some((c) => c.start === text.indexOf('^{[1][2]}')));
    assert.ok(state.counts.ligand >= 7, 'at least the seven mentions of (+)-SKF-10047');
  });

  test('a setting hides one kind', async () => {
    const settings = vscode.workspace.getConfiguration('marginalia');
    const before = await highlightState();
    await settings.update('highlight.citations', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(async () => (await highlightState()).counts.citation === 0, 'citations are no longer highlighted');
      const after = await highlightState();
      assert.equal(after.counts.ligand, before.counts.ligand);
      assert.equal(after.counts.target, before.counts.target);
    } finally {
      await settings.update('highlight.citations', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(async () => (await highlightState()).counts.citation === before.counts.citation, 'citations are highlighted again');
  });

  test('the subtle style is the default; the vivid one is a setting, with the same highlights', async () => {
    const before = await highlightState();
    assert.equal(before.style, 'subtle');
    const settings = vscode.workspace.getConfiguration('marginalia');
    await settings.update('highlight.style', 'vivid', vscode.ConfigurationTarget.Global);
    try {
      await waitFor(async () => (await highlightState()).style === 'vivid', 'the vivid style is in use');
      await waitFor(async () => (await highlightState()).counts.citation === before.counts.citation, 'everything is highlighted again');
      assert.deepEqual((await highlightState()).counts, before.counts);
    } finally {
      await settings.update('highlight.style', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(async () => (await highlightState()).style === 'subtle', 'back to the subtle style');
  });

  test('the toggle command hides and shows every highlight', async () => {
    const before = await highlightState();
    assert.equal(await vscode.commands.executeCommand('marginalia.toggleHighlights'), false);
    assert.deepEqual((await highlightState()).counts, { ligand: 0, target: 0, chemical: 0, citation: 0 });
    assert.equal(await vscode.commands.executeCommand('marginalia.toggleHighlights'), true);
    assert.deepEqual((await highlightState()).counts, before.counts);
  });
});
