/**
 * Names no list holds, read by their chemical ending (src/core/lexicon/stems.json): shown as
 * written, and found again wherever the document writes them the same way — here a table cell
 * and the column headers of a later table (test/fixtures/workspace/editor/records-html.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { fullLexicon } from '../../../src/node/lexicon.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const lexicon = fullLexicon(path.join(root, 'src/core/lexicon/compiled'));
const text = readFileSync(path.join(root, 'test/fixtures/workspace/editor/records-html.md'), 'utf8');
const analysis = analyze(text, { lexicon });

describe('names read by their chemical ending', () => {
  it('are shown as the document writes them', () => {
    expect(analysis.entityInfo['ligand:mesembrine']!.name).toBe('Mesembrine');
  });

  it('are found again in the column headers of another table, whose records they then carry', () => {
    const headers = text.indexOf('<th>Mesembrine</th>');
    const mentions = analysis.entities.filter((m) => m.id === 'ligand:mesembrine').map((m) => m.start);
    expect(mentions).toContain(headers + '<th>'.length);
    expect(analysis.records.filter((r) => r.ligand?.id === 'ligand:mesembrine').map((r) => [r.target?.id ?? null, r.measure, r.relation, r.value, r.unit])).toEqual([
      ['target:sert', 'Ki', '=', 1.4, 'nM'],
      ['target:pde4', 'IC50', '=', 7800, 'nM'],
      ['target:pde4', 'IC50', '=', 7.8, 'μM'],
      ['target:pde4', 'IC50', '>', 50, 'μM'],
    ]);
  });
});
