/** The reader's annotations marked in the preview, on the sample guide. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { indexAnalysis } from '../../../src/core/query.js';
import { decorate } from '../../../src/vscode/preview/decorate.js';
import { allHighlights, engine } from './engine.js';

const { md } = engine();
const guide = readFileSync(new URL('../../../seeds/sigma1-receptor-nmda-ion-channels.md', import.meta.url), 'utf8');
const index = indexAnalysis(analyze(guide));
const render = (annotations: { start: number; end: number; colour: string }[]) => {
  const tokens = md.parse(guide, {});
  return md.renderer.render(decorate(md, tokens, guide, index, allHighlights, annotations).tokens, md.options, {});
};

describe('annotations in the preview', () => {
  test('a highlight inside a paragraph is one span in its colour, holding the marks inside it', () => {
    const passage = 'S1R dissociates from BiP and can translocate to other cellular compartments';
    const start = guide.indexOf(passage);
    const html = render([{ start, end: start + passage.length, colour: 'green' }]);
    const opened = html.indexOf('<span class="marginalia-annotation marginalia-annotation-green">');
    expect(opened).toBeGreaterThan(0);
    const inside = html.slice(opened, html.indexOf('compartments', opened) + 'compartments'.length).replace(/<[^>]+>/g, '');
    expect(inside).toBe(passage);
  });

  test('a highlight over two paragraphs is one span in each', () => {
    const first = 'positions it as a significant target';
    const second = 'Initially misidentified as an opioid receptor';
    const start = guide.indexOf(first);
    const end = guide.indexOf(second) + second.length;
    const html = render([{ start, end, colour: 'blue' }]);
    expect(html.split('marginalia-annotation-blue').length - 1).toBeGreaterThanOrEqual(2);
  });

  test('without annotations nothing is marked as one', () => {
    expect(render([])).not.toContain('marginalia-annotation');
  });
});
