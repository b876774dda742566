import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { indexAnalysis } from '../../../src/core/query.js';
import type { Quantity } from '../../../src/core/types.js';
import { citationCard, entityCard, quantityCard, referenceCard } from '../../../src/vscode/hover/cards.js';
import { failureText, sizeText, statusText } from '../../../src/vscode/statusText.js';

const guide = readFileSync(new URL('../../../seeds/sigma1-receptor-nmda-ion-channels.md', import.meta.url), 'utf8');
const index = indexAnalysis(analyze(guide));
const plain = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('hover cards on the sample guide', () => {
  test('a ligand card lists every record of the ligand, from its side, each with where it was read', () => {
    const card = plain(entityCard(index, index.entityAt(guide.indexOf('(+)-Pentazocine') + 2)!));
    expect(card).toContain('| Target | Measure | Effect | Context | References | From |');
    expect(card).toContain('| NMDA receptor | 1 μM | Potentiation (+56.5 ± 4.87%) | Rat Hippocampal CA1 Pyramidal Cells | [4] The sigma-1 receptor modulates… | table 1 |');
    expect(card).toContain('| IC50 = 61 μM (pIC50 4.21) | Inhibition | Rat Superior Cervical Ganglion Neurons | [21] journals.physiology.org | table 1 |');
  });

  test("with the document's address, each record links to the cell it was read from", () => {
    const card = entityCard(index, index.entityAt(guide.indexOf('(+)-Pentazocine') + 2)!, 'file:///guide.md');
    const first = index.analysis.records.findIndex((r) => r.ligand?.text === '(+)-Pentazocine') + 1;
    expect(card).toContain(`[table 1](command:marginalia.goToRecord?${encodeURIComponent(JSON.stringify([{ uri: 'file:///guide.md', number: first }]))}`);
  });

  test('a citation card shows each cited entry, its duplicates and links to both commands', () => {
    const hit = index.citationAt(guide.indexOf('[4][10][16]') + 1)!;
    const card = citationCard(index, hit, 'file:///guide.md');
    expect(plain(card)).toContain('_cited 4 times · same work as [4]_');
    expect(card.match(/\(command:marginalia\.(revealReference|goToReference)\?/g)).toHaveLength(6);
  });

  test("an entry's card says how often it is cited and which later entries repeat it", () => {
    const card = plain(referenceCard(index, index.reference(4)!, 'file:///guide.md'));
    expect(card.split('  \n').slice(0, 2)).toEqual(['**[4]** in the reference list', '_cited 12 times · listed again as [10], [16]_']);
  });

  test('a quantity card normalises the concentration and gives its pIC50', () => {
    const quantity = index.quantityAt(guide.indexOf('6 \\mu') + 1)!;
    expect(plain(quantityCard(quantity)!)).toBe('**IC50 = 6 μM**  \n6 μM = 6,000 nM · pIC50 5.22');
  });

  test('a p-value card says which concentration it stands for', () => {
    const quantity: Quantity = { start: 0, end: 10, text: 'pIC50 = 5.22', measure: 'pIC50', value: 5.22, valueMax: null, error: null, unit: null, molar: 10 ** -5.22, molarMax: null };
    expect(plain(quantityCard(quantity)!)).toBe('**pIC50 = 5.22**  \npIC50 5.22 stands for 6.03 μM = 6,030 nM');
  });

  test('a quantity with nothing to normalise has no card', () => {
    const quantity = index.quantityAt(guide.indexOf('15 minutes') + 1)!;
    expect(quantityCard(quantity)).toBeUndefined();
  });

  test('the status bar counts distinct ligands and targets, and citation markers', () => {
    const analysis = index.analysis;
    const ligands = new Set(analysis.entities.filter((m) => m.kind === 'ligand').map((m) => m.id)).size;
    const targets = new Set(analysis.entities.filter((m) => m.kind === 'target').map((m) => m.id)).size;
    expect(statusText(analysis)).toBe(`${ligands} ligands · ${targets} targets · ${analysis.citations.length} citations`);
  });
});

describe('status bar wording', () => {
  test('sizes in KB below a megabyte, MB with one decimal above', () => {
    expect([sizeText(10), sizeText(40 * 1024), sizeText(3.45 * 1024 * 1024)]).toEqual(['1 KB', '40 KB', '3.5 MB']);
  });

  test('a failure names the document and the first line of the error', () => {
    expect(failureText('review.md', 'Worker stopped\n    at run (worker.js:1:1)')).toBe('Marginalia could not analyse review.md: Worker stopped.');
    expect(failureText('review.md', '')).toBe('Marginalia could not analyse review.md: an unknown error.');
  });
});
