/**
 * The side panel in a real VS Code: its commands, and its sync with the editor (cursor, hover,
 * active editor, edits). `marginalia._panelState` (internal, not in the manifest) reports the
 * last model and highlight the extension sent to the webview.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PanelStateSnapshot } from '../../src/vscode/panel/provider.js';
import { PATIENCE } from '../support/extension.js';
import { extensionId, guideName, workspaceUri } from './support/editor.js';

const guideUri = (): vscode.Uri => workspaceUri(guideName);

function panelState(): Promise<PanelStateSnapshot> {
  return vscode.commands.executeCommand<PanelStateSnapshot>('marginalia._panelState') as Promise<PanelStateSnapshot>;
}

async function waitForState(condition: (state: PanelStateSnapshot) => boolean, what: string, timeoutMs = 20_000): Promise<PanelStateSnapshot> {
  const deadline = Date.now() + timeoutMs * PATIENCE;
  for (;;) {
    const state = await panelState();
    if (condition(state)) return state;
    if (Date.now() > deadline) assert.fail(`${what} (last state: ${JSON.stringify({ ...state, model: state.model && { ...state.model, references: undefined, entities: undefined, records: undefined } })})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function showGuide(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(guideUri());
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Offset just inside the first marker written exactly as `marker` (e.g. `[17]`) with no neighbour. */
function loneMarkerOffset(text: string, marker: string): number {
  let at = text.indexOf(marker);
  while (at >= 0 && (text[at - 1] === ']' || text[at + marker.length] === '[')) at = text.indexOf(marker, at + 1);
  assert.ok(at >= 0, `the guide has a lone ${marker} marker`);
  return at + 1;
}

suite('Side panel', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(extensionId)?.activate();
    await showGuide();
    await vscode.commands.executeCommand('marginalia.showPanel');
    await waitForState((s) => s.ready && s.model?.kind === 'document' && s.model.uri === guideUri().toString(), 'the panel shows the guide');
  });

  test('shows the guide with its 26 reference entries and no CSP violation', async () => {
    const state = await panelState();
    assert.equal(state.model?.kind, 'document');
    if (state.model?.kind !== 'document') return;
    assert.equal(state.model.name, guideName);
    assert.deepEqual(state.model.references.map((r) => r.number), Array.from({ length: 26 }, (_, i) => i + 1));
    assert.equal(state.visible, true);
    assert.deepEqual(state.cspViolations, []);
    assert.equal(state.rejectedMessages, 0);
  });

  test('revealReference highlights the reference in the panel', async () => {
    const uri = guideUri().toString();
    const done = await vscode.commands.executeCommand('marginalia.revealReference', { uri, number: 12 });
    assert.equal(done, true);
    const state = await panelState();
    assert.deepEqual(state.highlight, { type: 'highlight', uri, numbers: [12], reason: 'command' });
  });

  test('revealReference ignores invalid arguments', async () => {
    const uri = guideUri().toString();
    await vscode.commands.executeCommand('marginalia.revealReference', { uri, number: 3 });
    for (const args of [undefined, 'x', [{ uri, number: 4 }], { uri, number: '4' }, { uri, number: -4 }, { uri, number: 4.5 }, { uri: 4, number: 4 }]) {
      assert.equal(await vscode.commands.executeCommand('marginalia.revealReference', args), false, JSON.stringify(args));
    }
    assert.deepEqual((await panelState()).highlight?.numbers, [3]);
  });

  test('the cursor on a citation marker highlights its reference, and off it clears the highlight', async () => {
    const editor = await showGuide();
    const offset = loneMarkerOffset(editor.document.getText(), '[17]');
    const position = editor.document.positionAt(offset);
    editor.selection = new vscode.Selection(position, position);
    await waitForState((s) => s.highlight?.reason === 'cursor' && s.highlight.numbers.join() === '17', 'reference 17 highlighted');
    const start = new vscode.Position(0, 0);
    editor.selection = new vscode.Selection(start, start);
    await waitForState((s) => s.highlight?.numbers.length === 0, 'highlight cleared');
  });

  test('hovering a citation marker highlights its reference', async () => {
    const editor = await showGuide();
    const offset = loneMarkerOffset(editor.document.getText(), '[21]');
    await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
    await waitForState((s) => s.highlight?.reason === 'hover' && s.highlight.numbers.join() === '21', 'reference 21 highlighted');
  });

  test('follows the active editor: a plain-text editor shows the friendly empty state', async () => {
    const other = await vscode.workspace.openTextDocument({ content: 'not a review', language: 'plaintext' });
    await vscode.window.showTextDocument(other, { preview: false });
    const state = await waitForState((s) => s.model?.kind === 'empty', 'empty state');
    const message = state.model?.kind === 'empty' ? state.model.message : '';
    assert.match(message, /^Marginalia does not read Untitled-\d+\. /);
    assert.match(message, /Open a markdown document to see its references, entities and data here\.$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await showGuide();
    await waitForState((s) => s.model?.kind === 'document', 'the guide again');
  });

  test('an edit sends a model of the new version', async () => {
    const editor = await showGuide();
    const before = editor.document.version;
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Edited.\n'));
    try {
      const state = await waitForState((s) => s.model?.kind === 'document' && s.model.version === editor.document.version, 'model of the edited version');
      assert.ok(editor.document.version > before);
      assert.equal(state.model?.kind === 'document' && state.model.references.length, 26);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('exportRecordsCsv writes a header and one line per record to the given file', async () => {
    await showGuide();
    const state = await waitForState((s) => s.model?.kind === 'document', 'the guide');
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'records.csv');
    const written = await vscode.commands.executeCommand<vscode.Uri>('marginalia.exportRecordsCsv', target);
    assert.equal(written?.toString(), target.toString());
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'ligand,ligand_id,target,target_id,measure,value,value_max,unit,molar,effect_direction,effect,context,references,table,line,relation,error,error_kind,n,standard_type,p_value,origin,source_text');
    assert.equal(lines.at(-1), '', 'ends with a line break');
    assert.equal(lines.length - 2, state.model?.kind === 'document' ? state.model.records.length : -1);
    await vscode.workspace.fs.delete(target);
  });
});
