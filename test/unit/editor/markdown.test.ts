import { fc, test as property } from '@fast-check/vitest';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { commandLink, escapeMarkdown, isReferenceCommandArgs, markdownTable, shorten, tableCell } from '../../../src/vscode/markdown.js';

// CommonMark for the escapes. (remark-gfm finds bare URLs in text after escapes are resolved;
// VS Code's hover renderer, marked, does not, so escaped URLs stay text there.)
const parse = (markdown: string) => unified().use(remarkParse).parse(markdown) as Root;
const parseGfm = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;

/** Node types in a tree, and the text they hold. */
function flatten(nodes: readonly RootContent[], types: string[] = [], texts: string[] = []): { types: string[]; texts: string[] } {
  for (const node of nodes) {
    types.push(node.type);
    if ('value' in node && typeof node.value === 'string') texts.push(node.value);
    if ('children' in node) flatten(node.children as RootContent[], types, texts);
  }
  return { types, texts };
}

describe('escapeMarkdown', () => {
  test('turns links, HTML, emphasis, code, images and theme icons into plain text', () => {
    const hostile = 'Evil [run](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **bold** `code` ![x](https://e.x/x.png) $(zap) &amp; https://example.com';
    const tree = parse(escapeMarkdown(hostile));
    const { types, texts } = flatten(tree.children);
    expect(types).toEqual(['paragraph', 'text']);
    expect(texts.join('')).toBe(hostile);
  });

  test('keeps a table cell in its cell', () => {
    const table = markdownTable(['A', 'B'], [[tableCell('x | y'), tableCell('line\nbreak')]]);
    const tree = parseGfm(table);
    expect(tree.children.map((n) => n.type)).toEqual(['table']);
    const { texts } = flatten(tree.children);
    expect(texts).toEqual(['A', 'B', 'x | y', 'line break']);
  });

  property.prop([fc.string({ unit: 'grapheme-ascii', maxLength: 80 })])('any text parses back to itself as one paragraph of text', (text) => {
    const oneLine = text.replace(/[\r\n]+/g, ' ');
    const tree = parse(escapeMarkdown(text));
    const { types, texts } = flatten(tree.children);
    if (oneLine.trim() === '') return;
    expect(types.every((t) => t === 'paragraph' || t === 'text')).toBe(true);
    expect(texts.join('')).toBe(oneLine.trim().replace(/ +$/, ''));
  });
});

describe('shorten and tableCell', () => {
  test('cut long text on a word boundary with an ellipsis', () => {
    expect(shorten('The sigma-1 receptor modulates NMDA receptor synaptic transmission', 40)).toBe('The sigma-1 receptor modulates NMDA…');
    expect(tableCell(null)).toBe('—');
    expect(tableCell('')).toBe('—');
  });
});

describe('command links', () => {
  test('encode their arguments as a JSON array in the query', () => {
    expect(commandLink('Go to entry', 'marginalia.goToReference', { uri: 'file:///a.md', number: 4 })).toBe(
      `[Go to entry](command:marginalia.goToReference?${encodeURIComponent('[{"uri":"file:///a.md","number":4}]')})`,
    );
  });

  test('arguments are validated', () => {
    expect(isReferenceCommandArgs({ uri: 'file:///a.md', number: 4 })).toBe(true);
    for (const bad of [undefined, null, 'x', [], { uri: 'file:///a.md', number: 0 }, { uri: 'file:///a.md', number: 1.5 }, { uri: 'file:///a.md', number: '4' }, { uri: 'a.md', number: 4 }, { uri: 4, number: 4 }, { uri: `file:///${'a'.repeat(5000)}`, number: 4 }]) {
      expect(isReferenceCommandArgs(bad)).toBe(false);
    }
  });
});
