import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { fullLexicon } from '../../../src/node/lexicon.js';
import { read, recognise } from './helpers.js';

// The grammar builds on the database layer (HGNC, DrugBank, GtoPdb), as the extension ships it.
const lexicon = fullLexicon(fileURLToPath(new URL('../../../src/core/lexicon/compiled', import.meta.url)));

const text = read('test/fixtures/entities/gene-grammar.md');
const mentions = () => recognise(text, lexicon).mentions.map((m) => [text.slice(m.start, m.end), m.kind]);
const line = (n: number) => {
  const start = text.split('\n').slice(0, n).join('\n').length;
  const end = start + text.split('\n')[n]!.length + 1;
  return recognise(text, lexicon).mentions.filter((m) => m.start >= start && m.start < end).map((m) => [text.slice(m.start, m.end), m.kind]);
};

describe('the grammar of gene and protein names', () => {
  it('reads a target with its gene head noun or Greek-letter member as one mention, and a known name with a receptor head as a target', () => {
    expect(line(2)).toEqual([
      ['p53 gene', 'target'],
      ['EGF receptor', 'target'],
      ['PKC zeta', 'target'],
      ['interferon-alpha', 'target'],
    ]);
  });

  it('reads a symbol a gene word confirms as a target everywhere in the document, and symbols by their form', () => {
    expect(line(4)).toEqual([
      ['QRX7 protein', 'target'],
      ['QRX7', 'target'],
      ['ZTB3', 'target'],
      ['HNF9', 'target'],
    ]);
  });

  it('reads immunoglobulin classes as targets except where the phrase makes them reagents', () => {
    expect(line(6)).toEqual([
      ['IgG', 'target'],
      ['IgM', 'target'],
    ]);
  });

  it('reads -ase enzyme names with their modifiers and member, and not class words alone or -ase words that are no enzymes', () => {
    expect(line(8)).toEqual([
      ['chloramphenicol acetyltransferase', 'target'],
      ['luciferase', 'target'],
      ['RNA polymerase II', 'target'],
    ]);
  });

  it('reads no measure, figure label, table label or mouse strain as a gene', () => {
    expect(line(10)).toEqual([]);
    expect(mentions().length).toBe(13);
  });
});
