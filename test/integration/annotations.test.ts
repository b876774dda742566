/**
 * The reader's annotations in a real VS Code: a highlight and a note on the sample guide, an edit
 * above them, the annotations read again from their file (as after reloading the window), the
 * guide rewritten on disk, and a damaged annotations file. `marginalia._annotations` (internal)
 * reports what the extension holds, decorates and shows as comment threads.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnnotationsState } from '../../src/vscode/annotations/index.js';
import type { PanelStateSnapshot } from '../../src/vscode/panel/provider.js';
import { guideName, offsetOf, openAnalysed, waitFor, workspaceUri } from './support/editor.js';

const highlighted = 'S1R dissociates from BiP and can translocate to other cellular compartments';
const noted = 'Activation of S1R generally leads to a potentiation of NMDAR function';

function state(document: vscode.TextDocument): Promise<AnnotationsState> {
  return vscode.commands.executeCommand<AnnotationsState>('marginalia._annotations', document.uri.toString()) as Promise<AnnotationsState>;
}

function placedText(document: vscode.TextDocument, s: AnnotationsState, id: string): string | null {
  const placement = s.annotations.find((a) => a.id === id)?.placement;
  return placement?.kind === 'anchored' ? document.getText().slice(placement.start, placement.end) : null;
}

async function select(editor: vscode.TextEditor, text: string): Promise<void> {
  const start = offsetOf(editor.document.getText(), text);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + text.length));
}

async function readJson(uri: vscode.Uri): Promise<{ first: { items: { id: string; target: { selector: { type: string; exact?: string; start?: number }[] } }[] } }> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
}

suite('Annotations', () => {
  let editor: vscode.TextEditor;
  let original: string;
  let highlightId: string;
  let noteId: string;

  suiteSetup(async () => {
    editor = await openAnalysed(guideName);
    original = editor.document.getText();
  });

  suiteTeardown(async () => {
    // Other suites read the guide as it ships.
    await vscode.workspace.fs.writeFile(workspaceUri(guideName), new TextEncoder().encode(original));
    await waitFor(() => editor.document.getText() === original, 'the guide is restored');
  });

  test('a highlight and a note are created on the guide, decorated, shown as a thread and saved as W3C annotations', async () => {
    await select(editor, highlighted);
    highlightId = (await vscode.commands.executeCommand<string>('marginalia.highlight', { colour: 'green', tags: ['trafficking'] }))!;
    await select(editor, noted);
    noteId = (await vscode.commands.executeCommand<string>('marginalia.addNote', { note: 'Which **NMDAR** subunits?' }))!;
    assert.ok(highlightId?.startsWith('urn:uuid:') && noteId?.startsWith('urn:uuid:'));

    const s = await state(editor.document);
    assert.equal(s.status, 'ready');
    assert.equal(placedText(editor.document, s, highlightId), highlighted);
    assert.equal(placedText(editor.document, s, noteId), noted);
    assert.equal(s.decorated?.green, 1);
    assert.equal(s.decorated?.yellow, 1);
    assert.equal(s.threads, 1);
    assert.equal(s.file, workspaceUri('.marginalia', 'annotations', `${guideName}.json`).toString());
    const saved = await readJson(vscode.Uri.parse(s.file!));
    assert.deepEqual(saved.first.items.map((i) => i.target.selector.find((x) => x.type === 'TextQuoteSelector')?.exact), [highlighted, noted]);
  });

  test('an edit above them moves them with their text, and they are where they were when read again from their file', async () => {
    const added = 'A line the reader added above.\n\n';
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), added));
    const moved = await state(editor.document);
    assert.equal(placedText(editor.document, moved, highlightId), highlighted);
    assert.equal(placedText(editor.document, moved, noteId), noted);
    const before = moved.annotations.map((a) => a.placement);
    assert.equal(before[0]!.kind === 'anchored' && before[0]!.start, offsetOf(editor.document.getText(), highlighted));

    // Deleting the highlighted text makes an orphan; undoing brings the annotation back.
    const start = offsetOf(editor.document.getText(), highlighted);
    await editor.edit((edit) => edit.delete(new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + highlighted.length))));
    assert.deepEqual((await state(editor.document)).annotations.find((a) => a.id === highlightId)?.placement, { kind: 'orphan', reason: 'deleted' });
    await vscode.commands.executeCommand('undo');
    await waitFor(async () => placedText(editor.document, await state(editor.document), highlightId) === highlighted, 'undo brings the highlight back');

    await editor.document.save();
    await waitFor(async () => (await readJson(vscode.Uri.parse(moved.file!))).first.items[0]!.target.selector.some((x) => x.start === offsetOf(editor.document.getText(), highlighted)), 'the file holds the new positions');

    assert.equal(await vscode.commands.executeCommand('marginalia._reloadAnnotations', editor.document.uri.toString()), true);
    const reloaded = await state(editor.document);
    assert.deepEqual(reloaded.annotations.map((a) => a.placement), before.map((p) => (p.kind === 'anchored' ? { ...p, method: 'position' } : p)));
    assert.equal(reloaded.threads, 1);
    assert.equal(reloaded.decorated?.green, 1);
  });

  test('the markdown preview marks the highlight and the note in their colours', async () => {
    // The preview marks a document once its current version is analysed.
    let html = '';
    await waitFor(async () => (html = (await vscode.commands.executeCommand<string>('markdown.api.render', editor.document)) ?? '').includes('marginalia-annotation-'), 'the preview marks annotations');
    const green = html.indexOf('marginalia-annotation-green');
    const yellow = html.indexOf('marginalia-annotation-yellow');
    assert.ok(green > 0 && yellow > 0, 'both annotations are marked');
    assert.ok(html.slice(green, html.indexOf('compartments', green)).replace(/<[^>]+>/g, '').includes('dissociates from BiP'));
  });

  test('after the guide is rewritten on disk, an edited passage re-anchors and a deleted one becomes an orphan', async () => {
    const text = editor.document.getText();
    const rewritten = `# Notes added by another tool\n\n${text}`
      .replace(noted, noted.replace('generally leads', 'usually leads'))
      .replace(highlighted, 'The chaperone then leaves its partner.');
    await vscode.workspace.fs.writeFile(editor.document.uri, new TextEncoder().encode(rewritten));
    await waitFor(() => editor.document.getText() === rewritten, 'the editor shows the file as rewritten');
    await waitFor(async () => (await state(editor.document)).annotations.some((a) => a.placement.kind === 'orphan'), 'the deleted passage is an orphan');
    const s = await state(editor.document);
    assert.deepEqual(s.annotations.find((a) => a.id === highlightId)?.placement, { kind: 'orphan', reason: 'not-found' });
    assert.equal(placedText(editor.document, s, noteId), noted.replace('generally leads', 'usually leads'));
    assert.equal(s.decorated?.green, 0);
    assert.equal(s.threads, 1);
  });

  test('the side panel lists them in its Annotations tab, the orphan apart, and a click there reveals one', async () => {
    await vscode.commands.executeCommand('marginalia.showPanel');
    await vscode.window.showTextDocument(editor.document);
    await waitFor(async () => {
      const panel = await vscode.commands.executeCommand<PanelStateSnapshot>('marginalia._panelState');
      return panel?.annotations?.uri === editor.document.uri.toString() && panel.annotations.items.length === 2 && panel.annotations.items.some((a) => a.line === null);
    }, 'the panel has the annotations');
    const panel = (await vscode.commands.executeCommand<PanelStateSnapshot>('marginalia._panelState'))!;
    const note = panel.annotations!.items.find((a) => a.id === noteId)!;
    assert.equal(note.line, editor.document.positionAt(offsetOf(editor.document.getText(), 'usually leads')).line + 1);
    assert.equal(note.note, 'Which **NMDAR** subunits?');
    assert.equal(panel.annotations!.items.find((a) => a.id === highlightId)!.line, null);
    assert.equal(await vscode.commands.executeCommand('marginalia.revealAnnotation', { id: noteId }), true);
    assert.equal(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), noted.replace('generally leads', 'usually leads'));
  });

  test('an annotations file changed by another tool is read again when the reader comes back to the document', async () => {
    const s = await state(editor.document);
    const file = vscode.Uri.parse(s.file!);
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
    const item = json.first.items.find((i: { id: string }) => i.id === noteId);
    item.body = [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'Edited in another tool.' }];
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(json, null, 2)));
    // File events may or may not arrive here; coming back to the document reads the file again.
    await openAnalysed('editor', 'citations.md');
    await vscode.window.showTextDocument(editor.document);
    await waitFor(async () => (await state(editor.document)).annotations.find((a) => a.id === noteId)?.note === 'Edited in another tool.', 'the new note is read');
  });

  test('tags, colour and removal change the annotation, its file and its decorations', async () => {
    assert.deepEqual(await vscode.commands.executeCommand('marginalia.tagAnnotation', { id: noteId, tags: ['NMDA', ' potentiation ', 'nmda'] }), ['NMDA', 'potentiation']);
    assert.equal(await vscode.commands.executeCommand('marginalia.colourAnnotation', { id: noteId, colour: 'purple' }), 'purple');
    const s = await state(editor.document);
    assert.equal(s.decorated?.purple, 1);
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(s.file!))));
    const item = saved.first.items.find((i: { id: string }) => i.id === noteId);
    assert.equal(item.target.styleClass, 'purple');
    assert.deepEqual(item.body.filter((b: { purpose: string }) => b.purpose === 'tagging').map((b: { value: string }) => b.value), ['NMDA', 'potentiation']);
    assert.notEqual(item.modified, item.created);
    // A removed annotation is gone from the file; the other one stays.
    await select(editor, 'Mechanisms of S1R-NMDAR Interaction');
    const extra = (await vscode.commands.executeCommand<string>('marginalia.highlight', { colour: 'red' }))!;
    assert.equal(await vscode.commands.executeCommand('marginalia.removeAnnotation', { id: extra }), true);
    const after = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(s.file!))));
    assert.deepEqual(after.first.items.map((i: { id: string }) => i.id).sort(), [highlightId, noteId].sort());
    assert.equal((await state(editor.document)).decorated?.red, 0);
  });

  test('a damaged annotations file is reported and never written over', async () => {
    const other = await openAnalysed('editor', 'citations.md');
    const file = workspaceUri('.marginalia', 'annotations', 'editor', 'citations.md.json');
    const damaged = '{ "type": "AnnotationCollection", "first": { "items": [ { "id": 1 } ] } }';
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(damaged));
    await vscode.commands.executeCommand('marginalia._reloadAnnotations', other.document.uri.toString());
    assert.equal((await state(other.document)).status, 'damaged');
    other.selection = new vscode.Selection(new vscode.Position(0, 0), new vscode.Position(0, 5));
    assert.equal(await vscode.commands.executeCommand('marginalia.highlight', { colour: 'red' }), undefined);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), damaged);
    await vscode.workspace.fs.delete(file);
  });

  test('the annotations export as markdown with the references their quotes cite, and as JSON-LD', async () => {
    await vscode.window.showTextDocument(editor.document);
    const markdownFile = workspaceUri('guide.annotations.md');
    const jsonFile = workspaceUri('guide.annotations.jsonld');
    assert.ok(await vscode.commands.executeCommand('marginalia.exportAnnotations', markdownFile, 'markdown'));
    assert.ok(await vscode.commands.executeCommand('marginalia.exportAnnotations', jsonFile, 'jsonld'));
    const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(markdownFile));
    assert.match(markdown, /^# Annotations of sigma1-receptor-nmda-ion-channels\.md/);
    assert.ok(markdown.includes('Edited in another tool.'));
    assert.ok(markdown.includes('## Orphans'));
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(jsonFile)));
    assert.equal(json.first.items[0].target.source, editor.document.uri.toString());
  });
});
