import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';

const fixture = path.resolve(__dirname, '../../fixtures/documents/autolinks-in-brackets.md');

describe('offsets of text that a tree transform split', () => {
  it('keeps the offsets of mentions in a paragraph whose brackets hold a bare URL', () => {
    const text = readFileSync(fixture, 'utf8');
    const spans = analyze(text).entities.map((m) => [m.start, m.end, text.slice(m.start, m.end)]);
    expect(spans).toEqual([
      [text.indexOf('TP53'), text.indexOf('TP53') + 4, 'TP53'],
      [text.indexOf('EGFR'), text.indexOf('EGFR') + 4, 'EGFR'],
      [text.indexOf('CDK2'), text.indexOf('CDK2') + 4, 'CDK2'],
    ]);
  });
});
