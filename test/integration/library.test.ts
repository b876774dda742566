/**
 * The library in a real VS Code, on a workspace holding three corpus documents (library/): the
 * index finds them, the Library view lists entities across them, the evidence table holds the
 * records of two documents for their shared target, a row opens its source, the hover says what
 * other documents report, workspace symbols reach across documents, and saving a file updates it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LibraryApi } from '../../src/vscode/library/index.js';
import type { LibraryNode } from '../../src/vscode/library/tree.js';
import type { MarginaliaApi } from '../../src/vscode/activate.js';
import { extensionId, hoverAt, hoverMarkdown, offsetOf, openAnalysed, unescapeMarkdown, waitFor, workspaceUri } from './support/editor.js';

const ITRACONAZOLE = 'osp-itraconazole-pbpk-evaluation-report.md';
const VERAPAMIL = 'osp-verapamil-input-data-section.md';
const SILDENAFIL = 'osp-sildenafil-pbpk-evaluation-report.md';
const uriOf = (name: string) => workspaceUri('library', name).toString();

suite('The library across the workspace', () => {
  let api: LibraryApi;

  suiteSetup(async function () {
    this.timeout(180_000);
    const extension = vscode.extensions.getExtension<MarginaliaApi>(extensionId)!;
    const exported = await extension.activate();
    assert.ok(exported.library, 'the Node extension host runs the library');
    api = exported.library;
    await exported.databaseLexicon;
    const run = await api.whenIndexed();
    assert.ok(run && !run.cancelled, 'the first index ran to its end');
  });

  test('the index finds every library document of the workspace', () => {
    const uris = api.library().list().map((d) => d.uri);
    for (const name of [ITRACONAZOLE, VERAPAMIL, SILDENAFIL]) assert.ok(uris.includes(uriOf(name)), `${name} is indexed`);
    assert.equal(api.library().get(uriOf(ITRACONAZOLE))?.summary.title, 'Building and evaluation of a PBPK model for Itraconazole in healthy adults');
  });

  test('the Library view lists documents, entities across them and works several documents cite', async () => {
    const roots = (await api.tree.getChildren()) as LibraryNode[];
    const labels = await Promise.all(roots.map(async (n) => (await api.tree.getTreeItem(n)).label));
    assert.deepEqual(labels, ['Documents', 'Entities across documents', 'Works cited by several documents']);
    const entities = (await api.tree.getChildren(roots[1])) as LibraryNode[];
    const cyp3a4 = entities.find((n) => n.kind === 'entity' && n.entity.id === 'target:cyp3a4');
    assert.ok(cyp3a4 && cyp3a4.kind === 'entity');
    assert.ok(cyp3a4.entity.documents >= 3, `CYP3A4 is in ${cyp3a4.entity.documents} documents`);
    const item = await api.tree.getTreeItem(cyp3a4);
    assert.deepEqual(item.command?.arguments, [{ entity: 'target:cyp3a4' }]);
    const places = ((await api.tree.getChildren(cyp3a4)) as LibraryNode[]).map((n) => (n.kind === 'occurrence' ? n.occurrence.uri : ''));
    for (const name of [ITRACONAZOLE, VERAPAMIL, SILDENAFIL]) assert.ok(places.includes(uriOf(name)));
    const works = (await api.tree.getChildren(roots[2])) as LibraryNode[];
    const nishimura = works.find((n) => n.kind === 'work' && n.work.firstAuthor === 'Nishimura');
    assert.ok(nishimura && nishimura.kind === 'work');
    assert.deepEqual(nishimura.work.citations.map((c) => c.uri).filter((u) => u.includes('/library/')), [uriOf(ITRACONAZOLE), uriOf(SILDENAFIL)]);
  });

  test("the evidence table holds both documents' records for the shared target, and a row opens its source", async () => {
    assert.equal(await vscode.commands.executeCommand('marginalia.showEvidence', { entity: 'target:cyp3a4' }), true);
    const rows = api.evidence.current.rows;
    const documents = new Set(rows.map((r) => r.uri));
    assert.ok(documents.has(uriOf(ITRACONAZOLE)) && documents.has(uriOf(VERAPAMIL)), [...documents].join(', '));
    const ki = rows.find((r) => r.uri === uriOf(ITRACONAZOLE) && r.record.ligand?.id === 'ligand:itraconazole' && r.record.standardType === 'Ki');
    assert.ok(ki);
    assert.deepEqual([ki.record.value, ki.record.unit, ki.record.molar, ki.record.pValue], [1.3, 'nM', 1.3e-9, 8.89]);
    assert.equal(await vscode.commands.executeCommand('marginalia.openLibraryLocation', { uri: ki.uri, start: ki.record.start, end: ki.record.end }), true);
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === ki.uri, 'the source document is open');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection), '1.3');
    assert.equal(editor.selection.start.line, ki.record.line);
  });

  test('the library commands refuse arguments that are not of the library', async () => {
    assert.equal(await vscode.commands.executeCommand('marginalia.showEvidence', { entity: 'ligand:no-such-thing' }), false);
    assert.equal(await vscode.commands.executeCommand('marginalia.showEvidence', 'nonsense'), false);
    assert.equal(await vscode.commands.executeCommand('marginalia.openLibraryLocation', { uri: 'file:///etc/passwd', start: 0, end: 1 }), false);
    assert.equal(await vscode.commands.executeCommand('marginalia.openLibraryLocation', { uri: uriOf(VERAPAMIL), start: -1, end: 2 }), false);
  });

  test('the hover of a target says how many other documents mention it, with a link to the evidence table', async () => {
    const editor = await openAnalysed('library', SILDENAFIL);
    const text = editor.document.getText();
    const markdown = hoverMarkdown(await hoverAt(editor.document, offsetOf(text, 'CYP3A4') + 2));
    assert.match(unescapeMarkdown(markdown), /\*\*Library:\*\* mentioned in \d+ other documents · \d+ records there: (Ki|IC50)/);
    const link = /\(command:marginalia\.showEvidence\?([^ )]+)/.exec(markdown);
    assert.ok(link);
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1]!)), [{ entity: 'target:cyp3a4' }]);
  });

  test('workspace symbols find an entity in every library document that mentions it', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'CYP3A4');
    const uris = new Set(symbols.filter((s) => s.name === 'CYP3A4').map((s) => s.location.uri.toString()));
    for (const name of [ITRACONAZOLE, VERAPAMIL, SILDENAFIL]) assert.ok(uris.has(uriOf(name)), `${name} has a CYP3A4 symbol`);
  });

  test('saving a library file re-indexes it: a new record appears in the evidence table, and goes when removed', async () => {
    const uri = vscode.Uri.parse(uriOf(SILDENAFIL));
    const original = await vscode.workspace.fs.readFile(uri);
    const before = api.evidence.current.rows.filter((r) => r.uri === uri.toString()).length;
    const added = '\n\n| Ligand | Target | IC50 (nM) |\n|---|---|---|\n| sildenafil | CYP3A4 | 42 |\n';
    try {
      await vscode.workspace.fs.writeFile(uri, new Uint8Array([...original, ...new TextEncoder().encode(added)]));
      await waitFor(() => api.evidence.current.rows.some((r) => r.uri === uri.toString() && r.record.value === 42), 'the new record is in the evidence table', 30_000);
      const row = api.evidence.current.rows.find((r) => r.uri === uri.toString() && r.record.value === 42)!;
      assert.deepEqual([row.record.ligand?.name, row.record.standardType, row.record.unit, row.record.pValue], ['sildenafil', 'IC50', 'nM', 7.38]);
    } finally {
      await vscode.workspace.fs.writeFile(uri, original);
    }
    await waitFor(() => api.evidence.current.rows.filter((r) => r.uri === uri.toString()).length === before, 'the record is gone again', 30_000);
  });

  test('a file search.exclude hides leaves the library once re-indexed, and comes back', async () => {
    const search = vscode.workspace.getConfiguration('search');
    try {
      await search.update('exclude', { '**/library/osp-sildenafil-*': true }, vscode.ConfigurationTarget.Workspace);
      await waitFor(async () => {
        await api.whenIndexed();
        return !api.library().has(uriOf(SILDENAFIL));
      }, 'the excluded file is out of the library', 30_000);
      assert.ok(api.library().has(uriOf(ITRACONAZOLE)));
    } finally {
      await search.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(async () => {
      await api.whenIndexed();
      return api.library().has(uriOf(SILDENAFIL));
    }, 'the file is back in the library', 30_000);
  });
});
