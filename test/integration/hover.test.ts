/**
 * Hover cards in a real VS Code, on the sample guide and on a hostile fixture: ligands and
 * targets with every record the document has for them, citation markers with their entries,
 * quantities normalised, and document text never turned into markup.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/vscode/activate.js';
import { entryLabelOffset, extensionId, guideName, hoverAt, hoverMarkdown, offsetOf, openAnalysed, unescapeMarkdown, waitFor } from './support/editor.js';

suite('Hover cards', () => {
  let document: vscode.TextDocument;
  let text: string;

  suiteSetup(async () => {
    document = (await openAnalysed(guideName)).document;
    text = document.getText();
  });

  async function hoverText(offset: number): Promise<string> {
    return unescapeMarkdown(hoverMarkdown(await hoverAt(document, offset)));
  }

  test('a name only the database lexicon knows is hoverable once it is read, with its links and provenance', async () => {
    const api = vscode.extensions.getExtension<MarginaliaApi>(extensionId)!.exports;
    // The database lexicon is read after activation; the guide is analysed again when it arrives.
    await waitFor(() => api.service.peek(document)?.analysis.entities.some((m) => m.kind === 'chemical') ?? false, 'the database lexicon is read', 60_000);
    const card = await hoverText(offsetOf(text, 'ER calcium') + 4);
    assert.match(card, /\*\*Calcium\*\* — chemical/);
    assert.match(card, /\[DrugBank DB01373\]\(https:\/\/go\.drugbank\.com\/drugs\/DB01373\)/);
    assert.match(card, /Source: DrugBank open vocabulary \(2026-04\)/);
  });

  test('a ligand in a table shows both of its records, with effect ± error and IC50', async () => {
    const card = await hoverText(offsetOf(text, '(+)-Pentazocine') + 4);
    assert.match(card, /\*\*\(\+\)-pentazocine\*\* — ligand · sigma-1 receptor agonist/);
    assert.match(card, /Written here as “\(\+\)-Pentazocine”, “\(\+\)-pentazocine” · mentioned 3 times/);
    assert.match(card, /\| NMDA receptor \| 1 μM \| Potentiation \(\+56\.5 ± 4\.87%\) \| Rat Hippocampal CA1 Pyramidal Cells \| \[4\] The sigma-1 receptor modulates… \|/);
    assert.match(card, /\| IC50 = 61 μM \(pIC50 4\.21\) \| Inhibition \| Rat Superior Cervical Ganglion Neurons \| \[21\] journals\.physiology\.org \| \[table 1\]\(command:marginalia\.goToRecord\?/);
  });

  test('the same ligand hovered in prose shows the same records', async () => {
    const inTable = await hoverText(offsetOf(text, '(+)-Pentazocine') + 4);
    const inProse = await hoverText(offsetOf(text, '(+)-pentazocine') + 4);
    assert.equal(inProse, inTable);
  });

  test('a ligand written "(+)-SKF 10,047" in Table 2 also lists the records written "(+)-SKF10047" in Table 1', async () => {
    const table2 = offsetOf(text, 'Table 2:');
    const card = await hoverText(offsetOf(text, '(+)-SKF 10,047', 1, table2) + 5);
    assert.match(card, /Written here as .*“\(\+\)-SKF 10,047”/);
    assert.match(card, /“\(\+\)-SKF10047”/);
    assert.match(card, /mentioned 7 times · 5 records/);
    // Table 1's row, written (+)-SKF10047:
    assert.match(card, /\| 10 μM \| Inhibition \| Rat Primary Retinal Ganglion Cells \| \[20\] Sigma-1 receptor regulation of…; \[22\] iovs\.arvojournals\.org \|/);
    // and Table 2's rows:
    assert.match(card, /\| GluN2A \| — \| 163 ± 24% \(Interaction with S1R\) \| Rat Hippocampus \|/);
  });

  test('a target shows the ligands acting on it', async () => {
    const card = await hoverText(offsetOf(text, 'GluN2B\t') + 2);
    assert.match(card, /\*\*GluN2B\*\* — target/);
    assert.match(card, /\| Ligand \| Measure \| Effect \| Context \| References \|/);
    assert.match(card, /\| \(\+\)-SKF-10047 \| — \| 142 ± 10% \(Interaction with S1R\) \| Rat Hippocampus \| \[12\] NMDA Receptors Are Upregulated… \|/);
  });

  test('a grouped citation marker shows every entry it cites, with duplicates noted and command links', async () => {
    const marker = offsetOf(text, '[4][10][16]');
    const hovers = await hoverAt(document, marker + 5);
    const markdown = hoverMarkdown(hovers);
    const card = unescapeMarkdown(markdown);
    assert.match(card, /\*\*\[4\]\*\* The sigma-1 receptor modulates NMDA receptor synaptic transmission and plasticity via SK channels in rat hippocampus - PMC \[pmc\.ncbi\.nlm\.nih\.gov\]/);
    assert.match(card, /\*\*\[10\]\*\* .* - PubMed \[pubmed\.ncbi\.nlm\.nih\.gov\]/);
    assert.match(card, /_cited 4 times · same work as \[4\]_/);
    assert.match(card, /listed again as \[10\], \[16\]/);
    const args = encodeURIComponent(JSON.stringify([{ uri: document.uri.toString(), number: 10 }]));
    assert.ok(markdown.includes(`](command:marginalia.goToReference?${args} `), 'links to the entry of reference 10');
    assert.ok(markdown.includes(`](command:marginalia.revealReference?${args} `), 'links to the side panel');
    const hover = hovers.find((h) => h.range && document.getText(h.range) === '[4][10][16]');
    assert.ok(hover, 'the hover covers the whole marker');
  });

  test("an entry's number in the reference list shows how often it is cited and what it duplicates", async () => {
    const card = await hoverText(entryLabelOffset(text, 10) + 1);
    assert.match(card, /^\*\*\[10\]\*\* in the reference list {2}\n_cited 4 times · same work as \[4\]_ {2}\n\[Show in side panel\]/);
  });

  test('a concentration shows its value in nM and its pIC50', async () => {
    const card = await hoverText(offsetOf(text, '6 \\mu') + 1);
    assert.match(card, /\*\*IC50 = 6 μM\*\*/);
    assert.match(card, /6 μM = 6,000 nM · pIC50 5\.22/);
  });

  test('nothing to show on a plain word', async () => {
    const hovers = await hoverAt(document, offsetOf(text, 'comprehensive overview') + 3);
    assert.equal(unescapeMarkdown(hoverMarkdown(hovers)).includes('**'), false);
  });
});

suite('Hover cards on hostile text', () => {
  test('document text in a hover is escaped and only Marginalia commands are enabled', async () => {
    const document = (await openAnalysed('editor', 'hostile.md')).document;
    const text = document.getText();
    const hovers = await hoverAt(document, offsetOf(text, '[1]') + 1);
    assert.ok(hovers.length > 0);
    const markdown = hoverMarkdown(hovers);
    assert.ok(!markdown.includes('](command:workbench'), 'no link to a VS Code command from document text');
    assert.doesNotMatch(markdown, /(^|[^\\])<img/, 'no HTML from document text');
    assert.ok(!markdown.includes('**bold**'), 'no emphasis from document text');
    assert.ok(!markdown.includes('$(zap)'), 'no theme icon from document text');
    assert.ok(!markdown.includes('![x]'), 'no image from document text');
    assert.match(unescapeMarkdown(markdown), /Evil \[run me\]\(command:workbench\.action\.terminal\.new\) <img src=x onerror=alert\(1\)> \*\*bold\*\* `code` \| pipe \| \$\(zap\) &amp; !\[x\]\(https:\/\/example\.com\/x\.png\)/);
    for (const content of hovers.flatMap((h) => h.contents)) {
      if (typeof content === 'string' || !('isTrusted' in content)) continue;
      assert.notEqual(content.isTrusted, true);
      assert.equal(content.supportHtml ?? false, false);
    }
  });
});
