import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { builtinLexicon, recogniseEntities } from '../../../src/core/entities/index.js';
import type { ParsedDocument } from '../../../src/core/parse/index.js';
import type { Table } from '../../../src/core/types.js';
import { recognise } from './helpers.js';

/** Text made of pieces the recogniser reacts to, glued in any order. */
const pieces = fc.constantFrom(
  'NMDA receptor', '(+)-', '(−)-', 'SKF 10,047', 'K_v1.3', '5-HT2A', ' (', ')', ' channels', 'ASIC1a', 'μM', '$\\mu$',
  '| Ligand | Target |\n|---|---|\n', '\t', '\n', '\n\n', '`code`', '[link](http://x.org/NMDA)', '<sup>1</sup>', 'σ1R', 'Ca^{2+}',
  'DA', 'dopamine (DA)', 'HEK293', 'Mg-ATP', 'é', '𝛼', '\u200b', '-', ' ', 'S', 'R',
);

describe('the recogniser on any input', () => {
  test.prop([fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 40 })], { numRuns: 300 })(
    'never throws and returns sorted, non-overlapping mentions that span their text',
    (parts) => {
      const { text, mentions, info } = recognise(parts.join(''));
      let end = 0;
      for (const m of mentions) {
        expect(m.start).toBeGreaterThanOrEqual(end);
        expect(m.end).toBeGreaterThan(m.start);
        expect(text.slice(m.start, m.end)).toBe(m.text);
        expect(info[m.id]).toBeDefined();
        end = m.end;
      }
    },
  );

  it('returns nothing rather than throwing on a malformed parsed document', () => {
    const doc = {
      text: 'NMDA receptor',
      blocks: [{ start: 0, end: 13, kind: 'paragraph', depth: 0, lines: [], plain: { text: 'NMDA receptor and more', offsets: new Int32Array(2) }, excluded: [], math: [], items: [] }],
    } as unknown as ParsedDocument;
    const tables = [{ header: null }] as unknown as Table[];
    expect(() => recogniseEntities(doc, tables, builtinLexicon())).not.toThrow();
    expect(recogniseEntities({ text: '', blocks: [] }, [], builtinLexicon())).toEqual({ mentions: [], info: {} });
  });
});
