/**
 * Names written with their parts spaced or hyphenated apart (src/core/entities/block-text.ts,
 * database.ts): " - " and " / " read closed up, and a symbol's number after a hyphen read as
 * part of the symbol (E2F - 1 as E2F1), a Greek letter as its Latin capital (IFN gamma as IFNG).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { fullLexicon } from '../../../src/node/lexicon.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const lexicon = fullLexicon(path.join(root, 'src/core/lexicon/compiled'));
const analysis = analyze(readFileSync(path.join(root, 'test/fixtures/entities/spelled-apart.md'), 'utf8'), { lexicon });
const found = analysis.entities.map((m) => [m.text, m.kind, m.id]);

describe('names spelled apart', () => {
  it('reads spaced hyphens and slashes as the name written closed up', () => {
    expect(found.slice(0, 2)).toEqual([
      ['MK - 801', 'ligand', 'ligand:mk-801'],
      ['HER2 / neu receptor', 'target', 'target:erbb2'],
    ]);
  });

  it('reads a number after a hyphen as part of the symbol before it, and no table number', () => {
    expect(found.slice(2, 4)).toEqual([
      ['E2F - 1', 'target', 'target:e2f1'],
      ['Apaf-1', 'target', 'target:apaf1'],
    ]);
  });

  it('reads a Greek letter spelled out or written as a sign after a symbol as the Latin capital of the symbol', () => {
    expect(found.slice(4)).toEqual([
      ['IFN - gamma', 'target', 'target:ifng'],
      ['IL-1 beta', 'target', 'target:il1b'],
      ['TNFα', 'target', 'target:tnf'],
    ]);
  });
});
