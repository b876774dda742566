/**
 * The light bulb's lexicon actions in a real VS Code: "Add … as Ligand/Target" on a name-like
 * word Marginalia missed or on a selection, "Not a ligand" on a wrong highlight; both write the
 * workspace lexicon at once, and the analysis follows (an excluded spelling is no longer a mention).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, exists, extensionId, waitFor, workspaceUri } from './support/editor.js';

const decoder = new TextDecoder('utf-8');
const TEXT = 'Zorbaxinel-7 blocks the channel; haloperidol did not.';

interface Service {
  get(document: vscode.TextDocument): Promise<{ analysis: { entities: readonly { text: string; kind: string; source: string }[] } } | undefined>;
}

async function lexiconActions(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range)) ?? [];
  return actions.filter((a) => a.command?.command === 'marginalia.addNameToLexicon' || a.command?.command === 'marginalia.excludeFromLexicon');
}

async function run(action: vscode.CodeAction): Promise<unknown> {
  return vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []));
}

suite('Lexicon code actions', () => {
  const lexiconUri = () => workspaceUri('.marginalia', 'lexicon.json');
  let before: Uint8Array | undefined;
  let document: vscode.TextDocument;
  let service: Service;

  suiteSetup(async () => {
    await activate();
    const api = vscode.extensions.getExtension(extensionId)!.exports as { service: Service; databaseLexicon: Promise<void> };
    service = api.service;
    // The database layer re-analyses every document when it lands: wait for it first.
    await api.databaseLexicon;
    if (await exists(lexiconUri())) {
      before = await vscode.workspace.fs.readFile(lexiconUri());
      await vscode.workspace.fs.delete(lexiconUri());
    }
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: TEXT });
    await vscode.window.showTextDocument(document);
    await service.get(document);
  });

  suiteTeardown(async () => {
    if (await exists(lexiconUri())) await vscode.workspace.fs.delete(lexiconUri());
    if (before) await vscode.workspace.fs.writeFile(lexiconUri(), before);
  });

  const at = (needle: string, delta = 1) => document.positionAt(TEXT.indexOf(needle) + delta);

  test('a plain lower-case word gets no lexicon action', async () => {
    assert.deepEqual(await lexiconActions(document, new vscode.Range(at('blocks'), at('blocks'))), []);
  });

  test('a selection offers to add it as a ligand or a target', async () => {
    const start = TEXT.indexOf('the channel');
    const range = new vscode.Range(document.positionAt(start), document.positionAt(start + 'the channel'.length));
    let titles: string[] = [];
    await waitFor(async () => (titles = (await lexiconActions(document, range)).map((a) => a.title)).length > 0, 'the light bulb has lexicon actions');
    assert.deepEqual(titles, ['Add "the channel" as Ligand', 'Add "the channel" as Target']);
  });

  test('an unrecognised name-like word is added as a ligand in one step, and then recognised', async () => {
    const actions = await lexiconActions(document, new vscode.Range(at('Zorbaxinel'), at('Zorbaxinel')));
    assert.deepEqual(actions.map((a) => [a.title, a.kind?.value]), [
      ['Add "Zorbaxinel-7" as Ligand', 'quickfix'],
      ['Add "Zorbaxinel-7" as Target', 'quickfix'],
    ]);
    assert.equal(await run(actions[0]!), true);
    assert.deepEqual(JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(lexiconUri()))), { entries: [{ name: 'Zorbaxinel-7', kind: 'ligand' }] });
    await waitFor(async () => !!(await service.get(document))?.analysis.entities.some((m) => m.text === 'Zorbaxinel-7' && m.source === 'workspace'), 'Zorbaxinel-7 is recognised');
  });

  test('"Not a ligand" on a highlight excludes the spelling, and its mentions go', async () => {
    const analysed = await service.get(document);
    assert.ok(analysed?.analysis.entities.some((m) => m.text === 'haloperidol' && m.kind === 'ligand'), 'haloperidol is highlighted first');
    const actions = await lexiconActions(document, new vscode.Range(at('haloperidol', 3), at('haloperidol', 3)));
    assert.deepEqual(actions.map((a) => a.title), ['Not a ligand: "haloperidol"']);
    assert.equal(await run(actions[0]!), true);
    assert.deepEqual(JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(lexiconUri()))), {
      entries: [{ name: 'Zorbaxinel-7', kind: 'ligand' }],
      exclude: [{ name: 'haloperidol', kind: 'ligand' }],
    });
    await waitFor(async () => !(await service.get(document))?.analysis.entities.some((m) => m.text === 'haloperidol'), 'haloperidol is no longer a mention');
    assert.ok((await service.get(document))?.analysis.entities.some((m) => m.text === 'Zorbaxinel-7'), 'the other names stay');
  });

  test('the commands refuse malformed arguments', async () => {
    assert.equal(await vscode.commands.executeCommand('marginalia.excludeFromLexicon', { uri: document.uri.toString(), name: '', kind: 'ligand' }), false);
    assert.equal(await vscode.commands.executeCommand('marginalia.addNameToLexicon', { uri: document.uri.toString(), name: 'x', kind: 'enzyme' }), false);
  });
});
