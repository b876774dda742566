/**
 * References as data in a real VS Code: the hover links a marker's entries to doi.org, PubMed,
 * PMC or a title search, and "Export References" writes BibTeX, RIS or CSL-JSON for the whole
 * list or the entries cited in the selection.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverAt, hoverMarkdown, offsetOf, openAnalysed, workspaceUri } from './support/editor.js';

suite('References as data', () => {
  let editor: vscode.TextEditor;
  let text: string;

  suiteSetup(async () => {
    editor = await openAnalysed('editor', 'references.md');
    text = editor.document.getText();
  });

  test('the hover of a marker links each entry to doi.org, PubMed or PMC, else to a title search', async () => {
    const first = hoverMarkdown(await hoverAt(editor.document, offsetOf(text, '[1]') + 1));
    assert.ok(first.includes('](https://doi.org/10.1021/jm201234x)'), 'DOI link');
    assert.ok(first.includes('](https://pubmed.ncbi.nlm.nih.gov/22150012/)'), 'PubMed link');
    const second = hoverMarkdown(await hoverAt(editor.document, offsetOf(text, '[2]') + 1));
    assert.ok(second.includes('](https://pubmed.ncbi.nlm.nih.gov/?term=Radioligand%20binding%20to%20D3%20receptors%20in%20native%20tissue)'), 'title search');
    const third = hoverMarkdown(await hoverAt(editor.document, offsetOf(text, '[3]') + 1));
    assert.ok(third.includes('](https://pmc.ncbi.nlm.nih.gov/articles/PMC6012345/)'), 'PMC link');
  });

  test('the second listing of a work (same DOI, written otherwise) is a duplicate of the first', async () => {
    const card = hoverMarkdown(await hoverAt(editor.document, offsetOf(text, '[4]') + 1));
    assert.match(card, /\*\*\[4\]\*\* Smith[^\n]*\n_cited 1 time · same work as \[1\]_/);
  });

  test('Export References writes the whole list as BibTeX, each work once', async () => {
    const target = workspaceUri('references.bib');
    const written = await vscode.commands.executeCommand<vscode.Uri>('marginalia.exportReferences', target, 'bibtex', 'all');
    assert.equal(written?.toString(), target.toString());
    const bib = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.deepEqual([...bib.matchAll(/^@(\w+)\{([^,]+),/gm)].map((m) => `${m[1]} ${m[2]}`), ['article smith2012', 'article garcia2015', 'article weber2018']);
    assert.match(bib, /\tdoi = \{10\.1021\/jm201234x\},\n/);
    assert.match(bib, /\tpages = \{1020--35\},\n/);
    await vscode.workspace.fs.delete(target);
  });

  test('Export References writes the entries cited in the selection as CSL-JSON and RIS', async () => {
    const start = offsetOf(text, '[3][4]');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 6));
    const json = workspaceUri('cited.json');
    await vscode.commands.executeCommand('marginalia.exportReferences', json, 'csl-json', 'selection');
    const items = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(json))) as { id: string; PMCID?: string; DOI?: string }[];
    assert.deepEqual(items.map((i) => [i.id, i.PMCID ?? i.DOI]), [['weber2018', 'PMC6012345'], ['smith2012', '10.1021/jm201234x']]);
    const ris = workspaceUri('cited.ris');
    await vscode.commands.executeCommand('marginalia.exportReferences', ris, 'ris', 'selection');
    const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(ris)).split('\n');
    assert.deepEqual(lines.filter((l) => l.startsWith('TY  - ') || l.startsWith('ID  - ')), ['TY  - JOUR', 'ID  - weber2018', 'TY  - JOUR', 'ID  - smith2012']);
    await vscode.workspace.fs.delete(json);
    await vscode.workspace.fs.delete(ris);
  });

  test('Export References is in the command palette', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('marginalia.exportReferences'));
  });
});
