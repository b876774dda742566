import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { parseDocument } from '../../../src/core/parse/index.js';

describe('parsing limits that keep big documents linear', () => {
  it('cuts a long list into list blocks at top-level items, and reads them as one reference list', () => {
    const entries = Array.from({ length: 300 }, (_, i) => `${i + 1}. Author A. Paper number ${i + 1}. J Test. ${1900 + i}.`);
    const text = `Cited [1] and [300].\n\n## References\n\n${entries.join('\n')}\n`;
    const doc = parseDocument(text);
    const lists = doc.blocks.filter((b) => b.kind === 'list');
    expect(lists.length).toBeGreaterThan(1);
    expect(lists.flatMap((b) => b.items.map((i) => i.ordinal))).toEqual(entries.map((_, i) => i + 1));
    const a = analyze(text);
    expect(a.references.map((r) => r.number)).toEqual(entries.map((_, i) => i + 1));
    expect(a.references[299]!.title).toBe('Paper number 300');
    expect(a.citations.map((c) => c.numbers)).toEqual([[1], [300]]);
  });

  it('reads a line too long for markdown parsing as one plain paragraph with exact offsets', () => {
    const line = `${'x '.repeat(15_000)}[7] end`;
    const doc = parseDocument(`# Title\n\n${line}\n`);
    const block = doc.blocks[1]!;
    expect(block).toMatchObject({ kind: 'paragraph', start: 9, end: 9 + line.length });
    expect(block.plain.text).toBe(line);
    expect(block.plain.offsets[30_000]).toBe(9 + 30_000);
  });
});
