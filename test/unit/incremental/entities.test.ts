/**
 * Incremental entity recognition: a block's remembered mentions depend on what other blocks
 * define (abbreviations, table columns, the first definition of a spelling) and on the lexicon.
 * An edit elsewhere must change them exactly as a cold analysis would.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { builtinLexicon, parseUserLexicon, withUserEntries } from '../../../src/core/entities/index.js';
import { ChunkCache } from '../../../src/core/parse/index.js';
import type { Analysis } from '../../../src/core/types.js';

const fixture = readFileSync(new URL('../../fixtures/entities/document-defined.md', import.meta.url), 'utf8');
/** A paragraph at the end that only uses names defined earlier. */
const LAST = '\n\nDA and Zorbaxinel were measured again.\n';

/** The mentions in the last paragraph: text, entity and source. */
function lastParagraph(analysis: Analysis, text: string): [string, string, string][] {
  const from = text.lastIndexOf('\n\n');
  return analysis.entities.filter((m) => m.start > from).map((m) => [m.text, m.id, m.source]);
}

/** Analyses `before` with a cache, then `after` with the same cache; checks it equals a cold analysis. */
function reanalyse(before: string, after: string, lexicon = builtinLexicon()): Analysis {
  const cache = new ChunkCache();
  analyze(before, { cache, lexicon });
  const incremental = analyze(after, { cache, lexicon });
  expect(JSON.stringify(incremental)).toBe(JSON.stringify(analyze(after, { lexicon })));
  return incremental;
}

describe('incremental entity recognition', () => {
  const text = fixture + LAST;

  test('finds the names defined elsewhere in an unchanged paragraph', () => {
    const cache = new ChunkCache();
    analyze(text, { cache });
    expect(lastParagraph(analyze(text, { cache }), text)).toEqual([
      ['DA', 'ligand:dopamine', 'abbreviation'],
      ['Zorbaxinel', 'ligand:zorbaxinel', 'table'],
    ]);
  });

  test('keeps them after an edit in another paragraph moves the last one', () => {
    const after = text.replace('was well tolerated', 'was very well tolerated');
    expect(lastParagraph(reanalyse(text, after), after)).toEqual([
      ['DA', 'ligand:dopamine', 'abbreviation'],
      ['Zorbaxinel', 'ligand:zorbaxinel', 'table'],
    ]);
  });

  test('forgets an abbreviation in an unchanged paragraph when its definition is edited away', () => {
    const after = text.replace('Dopamine (DA)', 'Dopamine');
    expect(lastParagraph(reanalyse(text, after), after)).toEqual([['Zorbaxinel', 'ligand:zorbaxinel', 'table']]);
  });

  test('finds a newly defined abbreviation in an unchanged paragraph', () => {
    const before = text.replace('Dopamine (DA)', 'Dopamine');
    expect(lastParagraph(reanalyse(before, text), text)).toEqual([
      ['DA', 'ligand:dopamine', 'abbreviation'],
      ['Zorbaxinel', 'ligand:zorbaxinel', 'table'],
    ]);
  });

  test('finds a table name typed into a cell in an unchanged paragraph', () => {
    const before = text.replace('| Zorbaxinel (3 μM) |', '| Zorbaxine (3 μM) |');
    expect(lastParagraph(reanalyse(before, text), text)).toEqual([
      ['DA', 'ligand:dopamine', 'abbreviation'],
      ['Zorbaxinel', 'ligand:zorbaxinel', 'table'],
    ]);
  });

  test('forgets a table name in an unchanged paragraph when its cell is edited', () => {
    const after = text.replace('| Zorbaxinel (3 μM) |', '| Vehicle (3 μM) |');
    expect(lastParagraph(reanalyse(text, after), after)).toEqual([['DA', 'ligand:dopamine', 'abbreviation']]);
  });

  test('gives an unchanged paragraph the entity of the new first definition of an abbreviation', () => {
    const after = `Dextromethorphan (DA) was measured first.\n\n${text}`;
    expect(lastParagraph(reanalyse(text, after), after)).toEqual([
      ['DA', 'ligand:dextromethorphan', 'abbreviation'],
      ['Zorbaxinel', 'ligand:zorbaxinel', 'table'],
    ]);
  });

  test('reads a remembered document again with a new lexicon', () => {
    const user = parseUserLexicon(readFileSync(new URL('../../fixtures/entities/workspace-lexicon.json', import.meta.url), 'utf8'), 'workspace');
    const lexicon = withUserEntries(builtinLexicon(), user.entries, 'workspace');
    const cache = new ChunkCache();
    analyze(text, { cache });
    const incremental = analyze(text, { cache, lexicon });
    expect(JSON.stringify(incremental)).toBe(JSON.stringify(analyze(text, { lexicon })));
    expect(lastParagraph(incremental, text)).toEqual([
      ['DA', 'ligand:da', 'workspace'],
      ['Zorbaxinel', 'ligand:zorbaxinel', 'workspace'],
    ]);
  });
});
