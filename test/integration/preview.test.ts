/**
 * Marginalia in VS Code's own markdown preview, through the built-in `markdown.api.render`
 * command (the preview's engine, with every markdown-it plugin VS Code loads): marks, links from
 * markers to the entries, the cards' content, the setting, and hostile documents.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/vscode/activate.js';
import type { PreviewCards } from '../../src/vscode/preview/model.js';
import { extensionId, guideName, openAnalysed, waitFor } from './support/editor.js';

function render(document: vscode.TextDocument): Promise<string> {
  return vscode.commands.executeCommand<string>('markdown.api.render', document) as Promise<string>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
function decode(html: string): string {
  return html.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) =>
    name[0] === '#' ? String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : (ENTITIES[name] ?? entity));
}
const textOf = (html: string) => decode(html.replace(/<[^>]*>/g, ''));

function cardsOf(html: string): PreviewCards {
  const match = /<div id="marginalia-preview-data" hidden data-marginalia-cards="([^"]*)"><\/div>/.exec(html);
  assert.ok(match, 'the page carries its cards');
  return JSON.parse(decode(match[1]!)) as PreviewCards;
}

/** The page with every element Marginalia adds taken out: what the preview renders without it. */
function withoutMarginalia(html: string): string {
  let out = html.replace(/<div id="marginalia-preview-data"[^>]*><\/div>\n?/, '').replace(/\u00a0<a class="marginalia-back"[^>]*>↩<\/a>/g, '');
  // Innermost first: a mark holds no other tag of its own kind between its open and close.
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(/<(span|a) (?:class|id)="marginalia-[^"]*"[^>]*>((?:(?!<\/?\1[\s>])[\s\S])*?)<\/\1>/g, '$2');
  }
  return out;
}

async function withPreviewDisabled<T>(run: () => Promise<T>): Promise<T> {
  const settings = vscode.workspace.getConfiguration('marginalia');
  await settings.update('preview.enabled', false, vscode.ConfigurationTarget.Global);
  try {
    return await run();
  } finally {
    await settings.update('preview.enabled', undefined, vscode.ConfigurationTarget.Global);
  }
}

suite('Markdown preview', () => {
  let document: vscode.TextDocument;
  let html: string;

  suiteSetup(async () => {
    document = (await openAnalysed(guideName)).document;
    html = await render(document);
  });

  test('the spans of (+)-Pentazocine carry its entity, whose card holds its records', () => {
    const spans = [...html.matchAll(/<span class="marginalia-mark marginalia-ligand" data-marginalia-entity="([^"]+)" tabindex="0">\(\+\)-[Pp]entazocine<\/span>/g)];
    assert.equal(spans.length, 3);
    const id = spans[0]![1]!;
    assert.ok(spans.every((s) => s[1] === id));
    const card = cardsOf(html).entities[id]!;
    assert.equal(card.name, '(+)-pentazocine');
    assert.equal(card.summary, 'Written here as “(+)-Pentazocine”, “(+)-pentazocine” · mentioned 3 times · 2 records');
    assert.deepEqual(card.records?.rows, [
      ['NMDA receptor', '1 μM', 'Potentiation (+56.5 ± 4.87%)', 'Rat Hippocampal CA1 Pyramidal Cells', '[4] The sigma-1 receptor modulates…', 'table 1'],
      ['high-voltage-activated Ca2+ channels', 'IC50 = 61 μM (pIC50 4.21)', 'Inhibition', 'Rat Superior Cervical Ganglion Neurons', '[21] journals.physiology.org', 'table 1'],
    ]);
  });

  test('[21] links to an element holding entry 21', () => {
    const links = [...html.matchAll(/<a class="marginalia-mark marginalia-citation" id="marginalia-cite-\d+" data-marginalia-cites="21" href="#marginalia-ref-21">\[21\]<\/a>/g)];
    assert.equal(links.length, 2, 'both [21] of Table 1');
    const entry = /<span class="marginalia-entry" id="marginalia-ref-21" data-marginalia-entry="21" tabindex="-1">(.*?)\u00a0<a class="marginalia-back" href="#(marginalia-cite-\d+)"/.exec(html);
    assert.ok(entry, 'entry 21 is in the page, with its back link');
    assert.equal(textOf(entry[1]!), 'journals.physiology.org [journals.physiology.org]');
    assert.ok(html.includes(`id="${entry[2]}"`), 'the back link returns to a marker of the page');
    assert.deepEqual(cardsOf(html).references['21'], {
      number: 21, text: 'journals.physiology.org [journals.physiology.org]', notes: 'cited 3 times', links: [], anchored: true,
    });
  });

  test('the reference list has one anchor per entry, holding its text', () => {
    const api = vscode.extensions.getExtension<MarginaliaApi>(extensionId)!.exports;
    const references = api.service.peek(document)!.analysis.references;
    const anchors = [...html.matchAll(/ id="marginalia-ref-(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(anchors, references.map((r) => r.number));
    for (const reference of references) {
      const entry = new RegExp(`id="marginalia-ref-${reference.number}" data-marginalia-entry="${reference.number}" tabindex="-1">(.*?)(\u00a0<a class="marginalia-back"|</span></li>)`).exec(html);
      assert.equal(textOf(entry![1]!), reference.text, `entry ${reference.number}`);
    }
  });

  test('every mark is added to what the preview renders without Marginalia, which stays byte for byte', async () => {
    const plain = await withPreviewDisabled(() => render(document));
    assert.equal(plain.includes('marginalia'), false, 'marginalia.preview.enabled turns the marks off');
    assert.equal(withoutMarginalia(html), plain);
    // The setting is read at each render: on again, the marks are back.
    await waitFor(async () => (await render(document)) === html, 'the marks are back');
  });

  test('an edited document is marked from the analysis of its new version', async () => {
    const edited = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Haloperidol blocks the receptor [1].\n\nReferences\n\n1. Smith J. Title. 2019.\n' });
    await vscode.window.showTextDocument(edited);
    await waitFor(async () => (await render(edited)).includes('data-marginalia-entity="ligand:haloperidol"'), 'the new document is marked');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(edited.uri, new vscode.Position(0, 0), 'Clozapine and ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    // Never marks of the older version on the newer text; the newer version's once analysed.
    const immediately = await render(edited);
    // (VS Code 1.139's built-in Mermaid support adds an element of its own before the first paragraph.)
    if (immediately.includes('marginalia-mark')) assert.match(immediately, /^(?:<span id="markdown-mermaid"[^>]*><\/span>\s*)?<p[^>]*><span class="marginalia-mark marginalia-ligand" data-marginalia-entity="ligand:clozapine"/);
    let last = '';
    await waitFor(async () => /^(?:<span id="markdown-mermaid"[^>]*><\/span>\s*)?<p[^>]*><span class="marginalia-mark marginalia-ligand" data-marginalia-entity="ligand:clozapine" tabindex="0">Clozapine<\/span> and <span[^>]*data-marginalia-entity="ligand:haloperidol"/.test((last = await render(edited))), () => `the edited document is marked anew (last rendered: ${last.slice(0, 300)})`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

suite('Markdown preview of hostile documents', () => {
  for (const name of [['editor', 'hostile.md'], ['panel', 'hostile.md']]) {
    test(`${name.join('/')}: the payloads stay data, and nothing but Marginalia's own elements is added`, async () => {
      const { document } = await openAnalysed(...name);
      const html = await render(document);
      const plain = await withPreviewDisabled(() => render(document));
      assert.equal(withoutMarginalia(html), plain);
      const ours = [...html.matchAll(/<(span|a|div) (class|id)="marginalia-[^>]*>/g)].map((m) => m[0]);
      assert.ok(ours.length > 0);
      for (const tag of ours) assert.match(tag, /^<(span|a|div)( (class|id|href|tabindex|title|aria-label|hidden|data-marginalia-(entity|cites|entry|cards))(="[^"<>]*")?)+>$/, tag);
      const cards = cardsOf(html);
      const entry = cards.references['1']!.text;
      if (name[0] === 'editor') assert.equal(entry, 'Evil [run me](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **bold** `code` | pipe | $(zap) &amp; ![x](https://example.com/x.png)');
      else assert.equal(entry, '<img src=x onerror="document.title=\'pwned\'"> Title with markup <b>bold</b>. Journal of Tests. 2020.');
      assert.equal(/href="command:/.test(ours.join('')), false, 'no command link of ours');
    });
  }
});
