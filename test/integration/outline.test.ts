/**
 * The Outline in a real VS Code, with VS Code's markdown extension giving the markdown headings:
 * Marginalia adds only what those lack (tables by caption, the reference list) and repeats no
 * heading; in extracted text (headings on plain lines) it gives the whole hierarchy.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { guideName, openAnalysed, waitFor } from './support/editor.js';

/** A heading's name without the `## ` the markdown extension writes before it. */
function headingName(symbol: vscode.DocumentSymbol): string {
  return symbol.name.replace(/^#+\s+/, '');
}

function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children)]);
}

async function outline(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
}

suite('Outline', () => {
  test('a markdown document: each heading once, the tables by caption and the reference list added', async () => {
    const editor = await openAnalysed('editor', 'records-html.md');
    const uri = editor.document.uri;
    // The markdown extension's symbols arrive with ours once its server has read the file.
    await waitFor(async () => flatten(await outline(uri)).some((s) => s.name.includes('3.1 Binding')), 'the markdown headings are in the outline');
    const all = flatten(await outline(uri));
    const headings = all.filter((s) => s.kind === vscode.SymbolKind.String).map(headingName);
    assert.deepEqual(headings, [...new Set(headings)], 'no heading is listed twice');
    assert.equal(headings.filter((name) => name.includes('Results')).length, 1);
    const tables = all.filter((s) => s.kind === vscode.SymbolKind.Array);
    assert.deepEqual(
      tables.map((s) => [s.name, s.detail]),
      [
        ['Table 1. Inhibition of [3H]citalopram binding to the 5-HT transporter and of PDE4B activity by the alkaloids', '5 rows · in 3.1 Binding and enzyme inhibition'],
        ['Table 2. Selectivity of the two main alkaloids (IC50, μM)', '2 rows · in 3.1 Binding and enzyme inhibition'],
      ],
    );
    assert.equal(editor.document.lineAt(tables[0]!.selectionRange.start.line).text.slice(0, 8), 'Table 1.');
  });

  test('a markdown reference list: its entries under one "Reference list" node, the heading not repeated', async () => {
    const editor = await openAnalysed('editor', 'references.md');
    const uri = editor.document.uri;
    await waitFor(async () => flatten(await outline(uri)).some((s) => headingName(s) === 'References'), 'the markdown headings are in the outline');
    const all = flatten(await outline(uri));
    assert.equal(all.filter((s) => headingName(s) === 'References').length, 1, 'the heading once (from the markdown extension)');
    const list = all.find((s) => s.name === 'Reference list');
    assert.ok(list, `a reference list node (the outline has ${all.map((s) => s.name).join(' | ')})`);
    assert.equal(list.detail, '4 entries · in References');
    assert.deepEqual(
      list.children.map((s) => [s.name.slice(0, 4), s.kind, s.detail]),
      [
        ['[1] ', vscode.SymbolKind.Key, 'cited 1×'],
        ['[2] ', vscode.SymbolKind.Key, 'cited 1×'],
        ['[3] ', vscode.SymbolKind.Key, 'cited 1×'],
        ['[4] ', vscode.SymbolKind.Key, 'same as [1]'],
      ],
    );
  });

  test('extracted text: the plain-line headings in their hierarchy, each once, with tables and entries inside', async () => {
    const editor = await openAnalysed(guideName);
    const top = await outline(editor.document.uri);
    const all = flatten(top);
    const headings = all.filter((s) => s.kind === vscode.SymbolKind.String).map(headingName);
    assert.deepEqual(headings, [...new Set(headings)], 'no heading is listed twice');
    assert.equal(top.length, 1, 'the title holds the document');
    const summary = all.find((s) => s.name === 'Quantitative Data Summary');
    assert.deepEqual(summary?.children.map((s) => s.kind), [vscode.SymbolKind.Array, vscode.SymbolKind.Array]);
    const references = all.find((s) => s.name === 'References');
    assert.equal(references?.children.filter((s) => s.kind === vscode.SymbolKind.Key).length, 26);
  });
});
