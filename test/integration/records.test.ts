/**
 * Records of an HTML table as MinerU writes it (rowspan, colspan, a sub-header row), read in a real
 * VS Code: hovering a ligand of the table lists its numbers with the target of each column group,
 * relation and pValue, and each row's link goes to the cell the number was read from.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverAt, hoverMarkdown, offsetOf, openAnalysed, unescapeMarkdown, waitFor } from './support/editor.js';

suite('Records of tables as converters write them', () => {
  let editor: vscode.TextEditor;
  let text: string;

  suiteSetup(async () => {
    editor = await openAnalysed('editor', 'records-html.md');
    text = editor.document.getText();
  });

  test('hovering a ligand of an HTML table with spanned headers lists its records, a record per column group', async () => {
    const offset = offsetOf(text, '<td>Mesembrine</td>') + '<td>'.length + 3;
    const markdown = hoverMarkdown(await hoverAt(editor.document, offset));
    const card = unescapeMarkdown(markdown);
    assert.match(card, /\*\*Mesembrine\*\* — ligand/);
    assert.match(card, /mentioned 4 times · 4 records/);
    assert.match(card, /\| Target \| Measure \| Effect \| Context \| References \| From \|/);
    // Table 1: the target from the column group, the measure and unit from the sub-header.
    assert.match(card, /\| serotonin transporter \| Ki = 1\.4 nM \(pKi 8\.85\) \| — \| — \| — \| \[table 1\]\(command:marginalia\.goToRecord\?/);
    assert.match(card, /\| PDE4 \| IC50 = 7,800 nM \(pIC50 5\.11\) \| — \| — \| — \| \[table 1\]/);
    // Table 2 is transposed: the ligand heads its column; a bound keeps its relation and has no pValue.
    assert.match(card, /\| PDE4 \| IC50 > 50 μM \| — \| — \| — \| \[table 2\]/);
  });

  test("a record's link selects the cell its number was read from", async () => {
    const markdown = hoverMarkdown(await hoverAt(editor.document, offsetOf(text, '<td>Mesembrine</td>') + 7));
    const link = /\(command:marginalia\.goToRecord\?([^ )]+)/.exec(markdown);
    assert.ok(link, 'the card links to the record');
    const args = JSON.parse(decodeURIComponent(link[1]!)) as unknown[];
    assert.equal(await vscode.commands.executeCommand('marginalia.goToRecord', ...args), true);
    await waitFor(() => vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection) === '1.4', 'the cell 1.4 is selected');
    const selection = vscode.window.activeTextEditor!.selection;
    assert.equal(editor.document.offsetAt(selection.start), offsetOf(text, '<td>1.4</td>') + '<td>'.length);
  });

  test('goToRecord ignores arguments that are not a record of an open document', async () => {
    assert.equal(await vscode.commands.executeCommand('marginalia.goToRecord', { uri: editor.document.uri.toString(), number: 10_000 }), false);
    assert.equal(await vscode.commands.executeCommand('marginalia.goToRecord', { uri: 'javascript:alert(1)', number: 1 }), false);
    assert.equal(await vscode.commands.executeCommand('marginalia.goToRecord', 'nonsense'), false);
  });
});
