/**
 * Navigation in a real VS Code on the sample guide: Go to Definition from a marker to its entry,
 * Find All References of an entry and of a ligand, the outline, and the jump commands.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allOffsets, describeRange, entryLabelOffset, guideName, offsetOf, openAnalysed, rangeAt, sameRange } from './support/editor.js';

suite('Navigation', () => {
  let editor: vscode.TextEditor;
  let document: vscode.TextDocument;
  let text: string;

  suiteSetup(async () => {
    editor = await openAnalysed(guideName);
    document = editor.document;
    text = document.getText();
  });

  setup(async () => {
    editor = await vscode.window.showTextDocument(document, { preview: false });
  });

  async function definitionAt(offset: number): Promise<vscode.LocationLink[]> {
    const result = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, document.positionAt(offset));
    return (result ?? []).filter((r): r is vscode.LocationLink => 'targetUri' in r);
  }

  test('Go to Definition on the [21] in Table 1 lands on reference 21', async () => {
    const marker = offsetOf(text, '\t[21]', 1, offsetOf(text, 'Table 1:')) + 1;
    const links = await definitionAt(marker + 2);
    assert.equal(links.length, 1);
    const [link] = links;
    const label = entryLabelOffset(text, 21);
    assert.equal(link!.targetUri.toString(), document.uri.toString());
    assert.ok(sameRange(link!.targetSelectionRange!, rangeAt(document, label, 2)), describeRange(document, link!.targetSelectionRange!));
    assert.equal(document.lineAt(link!.targetRange.start.line).text, '- 21. journals.physiology.org [journals.physiology.org]');
    assert.ok(sameRange(link!.originSelectionRange!, rangeAt(document, marker + 1, 2)), describeRange(document, link!.originSelectionRange!));
  });

  test('Go to Definition on a grouped marker follows the number under the cursor', async () => {
    const marker = offsetOf(text, '[4][10][16]');
    const [onTen] = await definitionAt(marker + 4);
    assert.ok(onTen);
    assert.ok(sameRange(onTen.targetSelectionRange!, rangeAt(document, entryLabelOffset(text, 10), 2)));
    assert.ok(sameRange(onTen.originSelectionRange!, rangeAt(document, marker + 4, 2)));
    const [onSixteen] = await definitionAt(marker + 9);
    assert.ok(sameRange(onSixteen!.targetSelectionRange!, rangeAt(document, entryLabelOffset(text, 16), 2)));
  });

  test('no definition outside a marker', async () => {
    assert.deepEqual(await definitionAt(offsetOf(text, 'comprehensive overview')), []);
  });

  test('the references of reference 12 are exactly its citing markers (and its entry)', async () => {
    const label = entryLabelOffset(text, 12);
    const locations = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, document.positionAt(label))) ?? [];
    const listStart = text.lastIndexOf('References');
    const expected = [...allOffsets(text, '[12]', 0, listStart).map((at) => rangeAt(document, at + 1, 2)), rangeAt(document, label, 2)];
    assert.equal(expected.length, 8);
    assert.deepEqual(
      locations.map((l) => describeRange(document, l.range)).sort(),
      expected.map((r) => describeRange(document, r)).sort(),
    );
    assert.ok(locations.every((l) => l.uri.toString() === document.uri.toString()));
  });

  test('Find All References on a marker gives the same markers', async () => {
    const fromMarker = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, document.positionAt(offsetOf(text, '[12][13][15]') + 1))) ?? [];
    const fromEntry = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, document.positionAt(entryLabelOffset(text, 12)))) ?? [];
    assert.deepEqual(fromMarker.map((l) => describeRange(document, l.range)).sort(), fromEntry.map((l) => describeRange(document, l.range)).sort());
  });

  test('Find All References on a ligand gives every mention, whatever the spelling', async () => {
    const locations = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, document.positionAt(offsetOf(text, '(+)-SKF10047') + 3))) ?? [];
    const expected = [
      ...allOffsets(text, '(+)-SKF 10,047').map((at) => rangeAt(document, at, '(+)-SKF 10,047'.length)),
      ...allOffsets(text, '(+)-SKF10047').map((at) => rangeAt(document, at, '(+)-SKF10047'.length)),
    ];
    assert.equal(expected.length, 7);
    assert.deepEqual(locations.map((l) => describeRange(document, l.range)).sort(), expected.map((r) => describeRange(document, r)).sort());
  });

  test('the outline has the sections, the tables by caption inside their section, and the reference list', async () => {
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
    const all: vscode.DocumentSymbol[] = [];
    const walk = (list: readonly vscode.DocumentSymbol[]) => list.forEach((s) => (all.push(s), walk(s.children)));
    walk(symbols);
    const named = (name: string) => {
      const found = all.find((s) => s.name === name);
      assert.ok(found, `the outline has "${name}" (it has ${all.map((s) => s.name).join(' | ')})`);
      return found;
    };
    const summary = named('Quantitative Data Summary');
    assert.deepEqual(
      summary.children.map((s) => [s.name, s.kind]),
      [
        ['Table 1: S1R-Mediated Modulation of NMDARs and Ion Channels', vscode.SymbolKind.Array],
        ['Table 2: S1R Agonist-Induced Upregulation of NMDAR-Associated Proteins', vscode.SymbolKind.Array],
      ],
    );
    const table1 = summary.children[0]!;
    assert.ok(sameRange(table1.selectionRange, rangeAt(document, offsetOf(text, 'Table 1: S1R'), 'Table 1: S1R-Mediated Modulation of NMDARs and Ion Channels'.length)));
    const references = named('References');
    const entries = references.children.filter((s) => s.kind === vscode.SymbolKind.Key);
    assert.equal(entries.length, 26);
    assert.equal(entries[0]!.name, '[1] Neuronal Sigma-1 Receptors: Signaling Functions and…');
    assert.equal(entries[9]!.detail, 'same as [4]');
    assert.ok(sameRange(entries[20]!.selectionRange, rangeAt(document, entryLabelOffset(text, 21), 2)));
    assert.equal(named('Voltage-Gated Sodium (NaV) Channels').kind, vscode.SymbolKind.String);
  });

  test('next citation moves the selection to the next marker, previous wraps around', async () => {
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.equal(await vscode.commands.executeCommand('marginalia.nextCitation'), true);
    assert.equal(document.getText(editor.selection), '^{[1][2]}');
    assert.equal(document.offsetAt(editor.selection.start), offsetOf(text, '^{[1][2]}'));
    await vscode.commands.executeCommand('marginalia.nextCitation');
    assert.equal(document.offsetAt(editor.selection.start), offsetOf(text, '^{[1][3]}'));
    await vscode.commands.executeCommand('marginalia.previousCitation');
    assert.equal(document.offsetAt(editor.selection.start), offsetOf(text, '^{[1][2]}'));
    await vscode.commands.executeCommand('marginalia.previousCitation');
    const last = text.lastIndexOf('[1][9]');
    assert.equal(document.offsetAt(editor.selection.start), last);
    assert.equal(document.getText(editor.selection), '[1][9]');
  });

  test('next mention moves to the next mention of the entity under the cursor, whatever the spelling', async () => {
    const first = offsetOf(text, '(+)-SKF 10,047');
    editor.selection = new vscode.Selection(document.positionAt(first + 2), document.positionAt(first + 2));
    assert.equal(await vscode.commands.executeCommand('marginalia.nextMention'), true);
    assert.equal(document.offsetAt(editor.selection.start), offsetOf(text, '(+)-SKF10047'));
    assert.equal(document.getText(editor.selection), '(+)-SKF10047');
    await vscode.commands.executeCommand('marginalia.previousMention');
    assert.equal(document.offsetAt(editor.selection.start), first);
    await vscode.commands.executeCommand('marginalia.previousMention');
    assert.equal(document.offsetAt(editor.selection.start), text.lastIndexOf('(+)-SKF 10,047'), 'wraps around to the last mention');
  });

  test('next mention does nothing away from an entity', async () => {
    const at = document.positionAt(offsetOf(text, 'comprehensive overview'));
    editor.selection = new vscode.Selection(at, at);
    assert.equal(await vscode.commands.executeCommand('marginalia.nextMention'), false);
    assert.ok(editor.selection.start.isEqual(at));
  });

  test('goToReference selects the entry and rejects invalid arguments', async () => {
    const uri = document.uri.toString();
    assert.equal(await vscode.commands.executeCommand('marginalia.goToReference', { uri, number: 21 }), true);
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), uri);
    assert.ok(sameRange(active.selection, rangeAt(document, entryLabelOffset(text, 21), 2)));
    for (const args of [undefined, 'x', { uri, number: '4' }, { uri, number: -4 }, { uri, number: 4.5 }, { uri: 4, number: 4 }, { uri: 'file:///not/open.md', number: 4 }, { uri, number: 999 }]) {
      assert.equal(await vscode.commands.executeCommand('marginalia.goToReference', args), false, JSON.stringify(args));
    }
  });
});

suite('Navigation with CRLF line endings and characters outside the BMP', () => {
  test('Go to Definition and Find All References land on the exact text', async () => {
    const document = (await openAnalysed('editor', 'crlf.md')).document;
    assert.equal(document.eol, vscode.EndOfLine.CRLF);
    const text = document.getText();
    const marker = offsetOf(text, '[2]');
    const links = (await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', document.uri, document.positionAt(marker + 1))) ?? [];
    assert.equal(links.length, 1);
    assert.equal(document.getText(links[0]!.originSelectionRange), '2');
    assert.ok(sameRange(links[0]!.targetSelectionRange!, rangeAt(document, offsetOf(text, '2. Second'), 1)));
    const mentions = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, document.positionAt(offsetOf(text, 'haloperidol') + 1))) ?? [];
    assert.deepEqual(mentions.map((l) => document.getText(l.range)), ['haloperidol']);
  });
});
