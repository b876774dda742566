import { describe, expect, it } from 'vitest';
import { isHostMessage, isWebviewMessage, type PanelAnnotation } from '../../../src/shared/protocol.js';
import { annotationGroups, noAnnotationFilter, tagsInUse } from '../../../webview/annotation-list.js';

const item = (id: string, colour: PanelAnnotation['colour'], line: number | null, tags: string[], quote: string, note: string | null = null): PanelAnnotation => ({
  id,
  colour,
  tags,
  note,
  quote,
  line,
  created: `2026-12-02T03:0${id}:00.000Z`,
});

const items = [
  item('3', 'green', 40, ['NMDA'], 'potentiation of NMDAR function', 'Which subunits?'),
  item('1', 'yellow', 12, ['BiP', 'trafficking'], 'S1R dissociates from BiP'),
  item('2', 'red', null, ['nmda'], 'a passage since deleted'),
];

describe('the Annotations tab list', () => {
  it('lists placed annotations by line and orphans apart', () => {
    const groups = annotationGroups(items, noAnnotationFilter);
    expect(groups.placed.map((a) => a.id)).toEqual(['1', '3']);
    expect(groups.orphans.map((a) => a.id)).toEqual(['2']);
  });

  it('filters by colour, by tag (any case) and by every word of the text in quote, note or tags', () => {
    expect(annotationGroups(items, { ...noAnnotationFilter, colour: 'green' }).placed.map((a) => a.id)).toEqual(['3']);
    const byTag = annotationGroups(items, { ...noAnnotationFilter, tag: 'NMDA' });
    expect([byTag.placed.map((a) => a.id), byTag.orphans.map((a) => a.id)]).toEqual([['3'], ['2']]);
    expect(annotationGroups(items, { ...noAnnotationFilter, text: 'which nmdar' }).placed.map((a) => a.id)).toEqual(['3']);
    expect(annotationGroups(items, { ...noAnnotationFilter, text: 'trafficking' }).placed.map((a) => a.id)).toEqual(['1']);
  });

  it('offers each tag in use once', () => {
    expect(tagsInUse(items)).toEqual(['BiP', 'NMDA', 'trafficking']);
  });

  it('accepts well-formed annotation messages only', () => {
    expect(isHostMessage({ type: 'annotations', annotations: { uri: 'file:///a.md', problem: null, items } })).toBe(true);
    expect(isHostMessage({ type: 'annotations', annotations: { uri: 'file:///a.md', problem: null, items: [{ ...items[0], colour: 'black' }] } })).toBe(false);
    expect(isWebviewMessage({ type: 'revealAnnotation', uri: 'file:///a.md', id: 'urn:uuid:1' })).toBe(true);
    expect(isWebviewMessage({ type: 'revealAnnotation', uri: 'file:///a.md', id: 'urn:uuid:1', extra: 1 })).toBe(false);
  });
});
