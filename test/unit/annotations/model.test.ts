/** The annotation model, its file format, edits and exports, on the sample guide. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import {
  anchor,
  annotationsToJsonLd,
  annotationsToMarkdown,
  createAnnotation,
  describeRange,
  parseAnnotations,
  parseTagList,
  placeAll,
  serializeAnnotations,
  transformRange,
  updateAnnotation,
} from '../../../src/core/annotations/index.js';

const guide = readFileSync(new URL('../../../seeds/sigma1-receptor-nmda-ion-channels.md', import.meta.url), 'utf8');
const passage = 'S1R dissociates from BiP and can translocate to other cellular compartments, including the plasma membrane, where it interacts with its client proteins.[3][6][7]';
const start = guide.indexOf(passage);
const now = '2026-12-02T03:00:00.000Z';
const highlight = createAnnotation({ id: 'urn:uuid:00000000-0000-4000-8000-000000000001', now, target: describeRange(guide, start, start + passage.length), colour: 'green', tags: ['trafficking', ' BiP ', 'bip', ''] });

describe('the annotation model', () => {
  it('keeps tags trimmed and once each, and reads a typed list', () => {
    expect(highlight.tags).toEqual(['trafficking', 'BiP']);
    expect(parseTagList('sigma-1; NMDA , ,nmda')).toEqual(['sigma-1', 'NMDA']);
  });

  it('becomes a comment with a note and a highlight again without one, modified each time', () => {
    const noted = updateAnnotation(highlight, { note: 'Which **isoform**?' }, '2026-12-02T03:01:00.000Z');
    expect([noted.motivation, noted.note, noted.created, noted.modified]).toEqual(['commenting', 'Which **isoform**?', now, '2026-12-02T03:01:00.000Z']);
    expect(updateAnnotation(noted, { note: '  ' }, now)).toMatchObject({ motivation: 'highlighting', note: null });
  });

  it('stores 32 characters of context on each side', () => {
    expect(highlight.target.quote.prefix).toBe(guide.slice(start - 32, start));
    expect(highlight.target.quote.suffix).toBe(guide.slice(start + passage.length, start + passage.length + 32));
    expect(highlight.target.position).toEqual({ start, end: start + passage.length });
  });
});

describe('moving a range through an edit', () => {
  const range = { start: 10, end: 20 };
  it('shifts it for an edit before, and for text typed right at its start', () => {
    expect(transformRange(range, { start: 2, end: 4, text: 'abcd' })).toEqual({ start: 12, end: 22 });
    expect(transformRange(range, { start: 10, end: 10, text: 'ab' })).toEqual({ start: 12, end: 22 });
  });
  it('leaves it for an edit after, and for text typed right at its end', () => {
    expect(transformRange(range, { start: 20, end: 20, text: 'ab' })).toEqual(range);
    expect(transformRange(range, { start: 25, end: 30, text: '' })).toEqual(range);
  });
  it('grows or shrinks it with an edit inside, and keeps what is left of a cut edge', () => {
    expect(transformRange(range, { start: 12, end: 14, text: 'abcdef' })).toEqual({ start: 10, end: 24 });
    expect(transformRange(range, { start: 5, end: 15, text: 'xy' })).toEqual({ start: 7, end: 12 });
    expect(transformRange(range, { start: 15, end: 25, text: 'xy' })).toEqual({ start: 10, end: 15 });
  });
  it('loses it when its whole text is deleted', () => {
    expect(transformRange(range, { start: 5, end: 25, text: 'new' })).toBeNull();
    expect(transformRange(range, { start: 10, end: 20, text: '' })).toBeNull();
  });
});

describe('anchoring', () => {
  const target = highlight.target;
  it('finds the passage at its position, by its quote after an edit above, approximately after an edit inside', () => {
    expect(anchor(guide, target)).toMatchObject({ kind: 'anchored', start, method: 'position' });
    const above = `A new first line.\n${guide}`;
    expect(anchor(above, target)).toMatchObject({ kind: 'anchored', start: start + 18, end: start + 18 + passage.length, method: 'quote' });
    const inside = guide.replace('can translocate', 'may translocate');
    expect(anchor(inside, target)).toMatchObject({ kind: 'anchored', start, end: start + passage.length, method: 'fuzzy' });
  });

  it('makes an orphan of a passage rewritten beyond recognition', () => {
    const rewritten = guide.replace(passage, 'The chaperone leaves its partner and moves elsewhere in the cell.');
    expect(anchor(rewritten, target)).toEqual({ kind: 'orphan', reason: 'not-found' });
  });
});

describe('the annotation file', () => {
  const noted = updateAnnotation(highlight, { note: 'Check the *BiP* data.' }, '2026-12-02T03:01:00.000Z');
  const file = serializeAnnotations([noted], 'sigma1-receptor-nmda-ion-channels.md');

  it('is a W3C AnnotationCollection with quote and position selectors, note and tags as bodies', () => {
    const json = JSON.parse(file);
    expect(json['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(json.type).toBe('AnnotationCollection');
    expect(json.total).toBe(1);
    const item = json.first.items[0];
    expect(item.motivation).toBe('commenting');
    expect(item.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'Check the *BiP* data.' },
      { type: 'TextualBody', purpose: 'tagging', value: 'trafficking' },
      { type: 'TextualBody', purpose: 'tagging', value: 'BiP' },
    ]);
    expect(item.target.styleClass).toBe('green');
    expect(item.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(item.stylesheet).toEqual({ type: 'CssStylesheet', value: '.green { background-color: #5fb236; }' });
  });

  it('reads back exactly what was written', () => {
    expect(parseAnnotations(file)).toEqual({ kind: 'ok', annotations: [noted] });
  });

  it('is damaged when it is not JSON, not a collection, or holds an annotation it cannot read', () => {
    expect(parseAnnotations('{"first": ').kind).toBe('damaged');
    expect(parseAnnotations('{"type": "Something"}')).toEqual({ kind: 'damaged', problem: 'not a W3C AnnotationCollection' });
    const broken = JSON.parse(file);
    delete broken.first.items[0].target.selector;
    expect(parseAnnotations(JSON.stringify(broken))).toEqual({ kind: 'damaged', problem: `annotation ${noted.id} has no TextQuoteSelector with an exact quote` });
    expect(parseAnnotations(JSON.stringify([JSON.parse(file).first.items[0], JSON.parse(file).first.items[0]])).kind).toBe('damaged');
  });
});

describe('exports', () => {
  const noted = updateAnnotation(highlight, { note: 'Check the *BiP* data.' }, now);
  const placed = placeAll(guide, [noted]);
  const analysis = analyze(guide);

  it('write markdown with the quote, the note, the tags and the references cited inside the quote', () => {
    const markdown = annotationsToMarkdown(placed, guide, 'sigma1-receptor-nmda-ion-channels.md', analysis);
    const line = guide.slice(0, start).split('\n').length;
    const cited = [3, 6, 7].map((n) => analysis.references.find((r) => r.number === n)!);
    expect(cited.every(Boolean)).toBe(true);
    expect(markdown).toBe(
      [
        '# Annotations of sigma1-receptor-nmda-ion-channels.md',
        `### green highlight, line ${line}`,
        `> ${passage}`,
        'Check the *BiP* data.',
        'Tags: #trafficking #BiP',
        ['Cited in this passage:', ...cited.map((r) => `- [${r.number}] ${r.text.replace(/\s+/g, ' ').trim()}${r.doi && !r.text.toLowerCase().includes(r.doi) ? ` https://doi.org/${r.doi}` : ''}`)].join('\n'),
        `<sub>Created ${now}</sub>`,
      ].join('\n\n') + '\n',
    );
  });

  it('list orphans apart in the markdown', () => {
    const orphaned = placeAll(guide.replace(passage, 'gone'), [noted]);
    expect(annotationsToMarkdown(orphaned, guide, 'guide.md', analysis)).toContain('## Orphans');
  });

  it('write JSON-LD targeting the document by its IRI', () => {
    const json = JSON.parse(annotationsToJsonLd(placed, 'file:///papers/guide.md'));
    expect(json.first.items[0].target.source).toBe('file:///papers/guide.md');
  });
});
