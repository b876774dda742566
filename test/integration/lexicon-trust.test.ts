/**
 * Lexicon files and workspace trust: a file named in `marginalia.lexicon.files` that lies outside
 * the workspace applies in a trusted workspace and is ignored in Restricted Mode, while the
 * workspace's own `.marginalia/lexicon.json` applies in both. Runs in the trusted pass and in the
 * Restricted Mode pass; the user-level setting is honoured in both, so the difference is Marginalia's.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { activate, extensionId, waitFor, workspaceUri } from './support/editor.js';

/** The part of the extension's API this test reads. */
interface Service {
  get(document: vscode.TextDocument): Promise<{ analysis: { entities: readonly { text: string; source: string }[] } } | undefined>;
}

const INSIDE = 'Brelvotamide';
const OUTSIDE = 'Quorvalinex';

async function workspaceMentions(service: Service, document: vscode.TextDocument): Promise<string[]> {
  const analysed = await service.get(document);
  return (analysed?.analysis.entities ?? []).filter((m) => m.source === 'workspace').map((m) => m.text);
}

suite('Lexicon files in a trusted workspace and in Restricted Mode', () => {
  test('a lexicon file outside the workspace applies only when the workspace is trusted', async () => {
    await activate();
    const service = (vscode.extensions.getExtension(extensionId)?.exports as { service?: Service } | undefined)?.service;
    assert.ok(service, 'the extension exports its analysis service');
    const outsideDir = mkdtempSync(path.join(tmpdir(), 'marginalia-lexicon-'));
    const outsideFile = path.join(outsideDir, 'lexicon.json');
    writeFileSync(outsideFile, JSON.stringify({ entries: [{ name: OUTSIDE, kind: 'ligand' }] }));
    const insideUri = workspaceUri('.marginalia', 'lexicon.json');
    const config = vscode.workspace.getConfiguration('marginalia');
    let hadInside = true;
    const previousInside = await Promise.resolve(vscode.workspace.fs.readFile(insideUri)).catch(() => ((hadInside = false), undefined));
    try {
      await vscode.workspace.fs.writeFile(insideUri, new TextEncoder().encode(JSON.stringify({ entries: [{ name: INSIDE, kind: 'ligand' }] })));
      await config.update('lexicon.files', [outsideFile], vscode.ConfigurationTarget.Global);
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `${INSIDE} and ${OUTSIDE} block the channel.` });
      await vscode.window.showTextDocument(document);
      // The workspace's own file applies in both modes: once it shows, the lexicon has been reloaded.
      let mentions: string[] = [];
      await waitFor(async () => (mentions = await workspaceMentions(service, document)).includes(INSIDE), `${INSIDE} is recognised`);
      if (vscode.workspace.isTrusted) await waitFor(async () => (mentions = await workspaceMentions(service, document)).includes(OUTSIDE), `${OUTSIDE} is recognised`);
      assert.deepEqual(mentions, vscode.workspace.isTrusted ? [INSIDE, OUTSIDE] : [INSIDE]);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await config.update('lexicon.files', undefined, vscode.ConfigurationTarget.Global);
      if (previousInside) await vscode.workspace.fs.writeFile(insideUri, previousInside);
      else if (!hadInside) await Promise.resolve(vscode.workspace.fs.delete(insideUri)).catch(() => undefined);
      rmSync(outsideDir, { recursive: true, force: true });
    }
  });
});
