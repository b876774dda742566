// The panel's model of the sample guide, through the real analysis core.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { buildPanelModel } from '../../../src/vscode/panel/model.js';
import { referenceGroups } from '../../../webview/lists.js';

const guidePath = path.resolve(__dirname, '../../../seeds/sigma1-receptor-nmda-ion-channels.md');
const text = readFileSync(guidePath, 'utf8');
const model = buildPanelModel(analyze(text), { uri: 'file:///guide.md', version: 1, name: 'guide.md', text });

describe('panel model of the sample guide', () => {
  test('lists the 26 entries of its reference list in order', () => {
    expect(model.references.map((r) => r.number)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
  });

  test('filtering by "Frontiers" leaves entries 1, 3, 5 and 14', () => {
    expect(referenceGroups(model.references, 'Frontiers').flatMap((g) => [g.head.number, ...g.duplicates.map((d) => d.number)])).toEqual([1, 3, 5, 14]);
  });

  test('every citing sentence holds its marker exactly as written in the text', () => {
    for (const reference of model.references) {
      for (const sentence of reference.citations) {
        const line = text.split('\n')[sentence.line - 1]!;
        expect(line.includes(sentence.marker)).toBe(true);
        expect(sentence.marker.slice(sentence.numberStart, sentence.numberEnd)).toContain(String(reference.number));
      }
    }
  });
});
