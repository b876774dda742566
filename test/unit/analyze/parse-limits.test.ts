import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { parseDocument } from '../../../src/core/parse/index.js';
import { exceededLimit } from '../../../src/core/parse/limits.js';
import { HOSTILE_SHAPES } from '../../fixtures/hostile/shapes.js';

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

describe('parsing guards: a chunk beyond them is read as plain text, with a diagnostic', () => {
  const guarded = (text: string) => analyze(text).diagnostics.filter((d) => d.code === 'read-as-plain-text');

  it('parses ordinary nesting (five list levels in a block quote) as markdown, with no diagnostic', () => {
    const text = `> - one [1]\n>   - two\n>     - three\n>       - four\n>         - five\n`;
    expect(exceededLimit(text)).toBeNull();
    expect(parseDocument(text).blocks.map((b) => b.kind)).toEqual(['blockquote']);
    expect(guarded(text)).toEqual([]);
  });

  it('reads a list nested 2,000 levels deep under 10,000 block quotes as plain text, line by line', () => {
    const shape = HOSTILE_SHAPES.find((s) => s.name === 'nested-lists-under-quotes')!;
    const text = shape.generate(40_000);
    expect(exceededLimit(text)).toEqual({ reason: 'depth', measured: 10_000, limit: 32 });
    const doc = parseDocument(text);
    expect(doc.blocks[0]!.limit).toEqual({ reason: 'depth', measured: 10_000, limit: 32 });
    expect(doc.blocks[1]!.plain.text).toBe('>   - level 1 [2]');
    expect(guarded(text)[0]).toMatchObject({ start: 0, end: 10_011, severity: 'warning', number: 0, message: 'Read as plain text: block quotes and lists nested more than 32 levels deep' });
  });

  it('measures depth across lines: a list one level deeper on every line stops at 32 levels', () => {
    const text = HOSTILE_SHAPES.find((s) => s.name === 'deepening-list')!.generate(40_000);
    expect(exceededLimit(text)).toEqual({ reason: 'depth', measured: 33, limit: 32 });
    expect(guarded(text).map((d) => [d.start, d.end])).toEqual([[0, 19]]);
  });

  it('reads one item holding 803 nested items as plain text, and still finds every citation', () => {
    const text = HOSTILE_SHAPES.find((s) => s.name === 'long-nested-list')!.generate(40_000);
    expect(guarded(text).map((d) => d.message)).toEqual(['Read as plain text: 803 lines of nested list items in one block (the limit is 400)']);
    expect(analyze(text).citations).toHaveLength(804);
  });

  it('reads a block of unmatched brackets and link openings as plain text', () => {
    const text = HOSTILE_SHAPES.find((s) => s.name === 'bracket-runs')!.generate(40_000);
    expect(guarded(text).map((d) => [d.start, d.end, d.message])).toEqual([[0, 2406, 'Read as plain text: 13601 unmatched brackets or link openings in one block (the limit is 256)']]);
  });

  it('skips fenced code when measuring depth', () => {
    const text = `\`\`\`yaml\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- key: ${i}`).join('\n')}\n\`\`\`\n`;
    expect(exceededLimit(text)).toBeNull();
    expect(parseDocument(text).blocks.map((b) => b.kind)).toEqual(['code']);
  });

  it('reads chunks reached after the deadline as plain text, each chunk saying so once', () => {
    const text = '# Title\n\nA paragraph [1].\n';
    const a = analyze(text, { deadline: 0 });
    expect(a.diagnostics.map((d) => [d.code, d.start, d.end, d.message])).toEqual([
      ['read-as-plain-text', 0, 7, 'Read as plain text: the analysis ran out of the time it was given'],
      ['missing-reference', 22, 23, 'Reference 1 is cited but the document has no reference list'],
    ]);
    expect(a.citations.map((c) => c.text)).toEqual(['[1]']);
  });
});
