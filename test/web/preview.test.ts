/**
 * The markdown preview's plugin in the web worker extension host (vscode.dev): the web bundle
 * exports `extendMarkdownIt` too, and marks the guide from the analysis made in the web worker.
 * (code-server ships no web build of VS Code's markdown extension, so the plugin is applied here
 * to markdown-it 12.3.2, the version that extension uses, as it applies it.)
 */
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { extensionId, guideName, until } from '../support/extension';
import * as assert from './assert';

suite('Web markdown preview', () => {
  test("the web bundle's markdown-it plugin marks ligands, markers and entries of the guide", async () => {
    const extension = vscode.extensions.getExtension<{ extendMarkdownIt?: (md: MarkdownIt) => MarkdownIt }>(extensionId);
    assert.ok(extension, 'the development extension is loaded');
    await extension.activate();
    const extend = extension.exports.extendMarkdownIt;
    assert.equal(typeof extend, 'function', 'the web bundle exports extendMarkdownIt');
    const md = extend!(new MarkdownIt({ html: true }));
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, guideName));
    await vscode.window.showTextDocument(document);
    // As the preview renders: the document's tokens, and its uri in the renderer's env.
    const render = () => md.renderer.render(md.parse(document.getText(), {}), md.options, { currentDocument: document.uri });
    let html = '';
    assert.ok(await until(() => (html = render()).includes('href="#marginalia-ref-21"'), 30_000), `the guide is marked: ${html.slice(0, 200)}`);
    assert.equal((html.match(/data-marginalia-entity="ligand:plus-pentazocine"/g) ?? []).length, 3);
    assert.equal((html.match(/ id="marginalia-ref-\d+"/g) ?? []).length, 26);
    assert.ok(html.includes('<div id="marginalia-preview-data" hidden data-marginalia-cards="'), 'the cards travel with the page');
    assert.equal(md.renderer.render(md.parse(document.getText(), {}), md.options, {}).includes('marginalia'), false, 'a render without a document is left alone');
  });
});
