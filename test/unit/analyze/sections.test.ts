import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { parseDocument } from '../../../src/core/parse/index.js';
import { findSections } from '../../../src/core/sections.js';
import { readDocument, readGolden } from './golden.js';

describe('sections', () => {
  it('reads the plain-line headings of the extracted sample guide, its title at level 1', () => {
    const golden = readGolden('sample-guide.expected.json');
    const a = analyze(readDocument(golden.document));
    expect(a.sections).toHaveLength(21);
    expect(a.sections[0]).toMatchObject({ level: 1, written: 'plain', start: 2, headingStart: 2, headingEnd: 67 });
    expect(a.sections.slice(1).every((s) => s.level === 2 && s.written === 'plain')).toBe(true);
    const titles = a.sections.map((s) => s.title);
    expect(titles).toEqual(expect.arrayContaining(['Abstract', 'Signaling Pathways', 'Quantitative Data Summary', 'References', 'Conclusion and Therapeutic Implications']));
    expect(titles.some((t) => /^(Caption|Email|Table \d|Author|Cat\. No\.)|:$|\?$/.test(t))).toBe(false);
    expect(a.sections.find((s) => s.title === 'Abstract')).toMatchObject({ start: 416, end: 1402, headingEnd: 424 });
  });

  it('keeps markdown heading levels and ends a section at the next heading of its level or above', () => {
    const text = '# Title\n\nIntro.\n\n## Methods\n\nText.\n\n### Cells\n\nMore.\n\n## Results\n\nDone.\n';
    const sections = findSections(parseDocument(text));
    expect(sections.map((s) => [s.title, s.level, s.written, text.slice(s.start, s.end)])).toEqual([
      ['Title', 1, 'markdown', text.trimEnd()],
      ['Methods', 2, 'markdown', '## Methods\n\nText.\n\n### Cells\n\nMore.'],
      ['Cells', 3, 'markdown', '### Cells\n\nMore.'],
      ['Results', 2, 'markdown', '## Results\n\nDone.'],
    ]);
  });

  it('does not read captions, labels, sentences, questions or list items as plain headings', () => {
    const text = [
      'Receptor pharmacology of a test ligand',
      'Table 1: Binding affinities',
      'Email: someone@example.org',
      'This sentence ends with a period.',
      'Is this a question?',
      '- Item one\n- Item two',
      'Results and Discussion',
      'The ligand bound with nanomolar affinity in every assay that was run.',
    ].join('\n\n');
    const sections = findSections(parseDocument(text));
    expect(sections.map((s) => [s.title, s.level])).toEqual([
      ['Receptor pharmacology of a test ligand', 1],
      ['Results and Discussion', 2],
    ]);
  });
});

describe('section titles', () => {
  it('are one line whatever the line endings of a setext heading', () => {
    for (const eol of ['\n', '\r\n']) {
      expect(findSections(parseDocument(`Two line${eol}heading${eol}===${eol}${eol}Text.`)).map((s) => s.title)).toEqual(['Two line heading']);
    }
  });
});
