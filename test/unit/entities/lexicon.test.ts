import { describe, expect, it } from 'vitest';
import { builtinLexicon, parseUserLexicon, withUserEntries } from '../../../src/core/entities/index.js';
import { read, recognise } from './helpers.js';

const lexicon = builtinLexicon();

describe('the built-in lexicon', () => {
  it('holds several hundred ligands and targets with unique, kind-prefixed ids', () => {
    const ligands = lexicon.entries.filter((e) => e.kind === 'ligand').length;
    const targets = lexicon.entries.filter((e) => e.kind === 'target').length;
    expect([ligands, targets]).toEqual([521, 312]);
    const ids = lexicon.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of lexicon.entries) expect(e.id.startsWith(`${e.kind}:`), e.id).toBe(true);
  });

  it('relates only to entries it holds', () => {
    const ids = new Set(lexicon.entries.map((e) => e.id));
    for (const e of lexicon.entries) for (const r of e.related) expect(ids.has(r), `${e.id} → ${r}`).toBe(true);
  });

  it('gives identifiers in their databases’ formats', () => {
    for (const e of lexicon.entries) {
      const ids = e.identifiers;
      if (ids.pubchem) expect(ids.pubchem).toMatch(/^\d+$/);
      if (ids.chebi) expect(ids.chebi).toMatch(/^CHEBI:\d+$/);
      if (ids.uniprot) expect(ids.uniprot).toMatch(/^[OPQ]\d[A-Z\d]{3}\d$|^[A-NR-Z]\d[A-Z][A-Z\d]{2}\d$/);
      if (ids.hgnc) expect(ids.hgnc).toMatch(/^HGNC:\d+$/);
    }
  });

  it('never gives one spelling to two entries', () => {
    const owner = new Map<string, string>();
    for (const e of lexicon.entries) {
      for (const s of [e.name, ...e.synonyms]) {
        const key = s.toLowerCase();
        const previous = owner.get(key);
        expect(previous === undefined || previous === e.id, `${s}: ${previous} and ${e.id}`).toBe(true);
        owner.set(key, e.id);
      }
    }
  });

  it('finds an entry by any spelling, with case rules for short names', () => {
    expect(lexicon.find('NMDARs')?.id).toBe('target:nmda-receptor');
    expect(lexicon.find('sigma1 receptor')?.id).toBe('target:sigmar1');
    expect(lexicon.find('σ1R')?.id).toBe('target:sigmar1');
    expect(lexicon.find('5HT2A')?.id).toBe('target:htr2a');
    expect(lexicon.find('5-HT2AR')?.id).toBe('target:htr2a');
    expect(lexicon.find('PSD95')?.id).toBe('target:psd-95');
    expect(lexicon.find('NET')?.id).toBe('target:net');
    expect(lexicon.find('net')).toBeUndefined();
    expect(lexicon.find('tea')).toBeUndefined();
  });
});

describe('workspace lexicons', () => {
  const parsed = parseUserLexicon(read('test/fixtures/entities/workspace-lexicon.json'), '.marginalia/lexicon.json');

  it('reads valid entries and reports each invalid one', () => {
    expect(parsed.entries.map((e) => e.name)).toEqual(['Zorbaxinel', 'haloperidol', 'DA', 'Glow']);
    expect(parsed.errors).toEqual([
      '.marginalia/lexicon.json: entries[3] has no "name"',
      '.marginalia/lexicon.json: entries[4] ("Mystery"): "kind" must be "ligand" or "target"',
      '.marginalia/lexicon.json: entries[5] ("Glow") synonyms must be an array of strings',
    ]);
  });

  it('never throws on broken files', () => {
    expect(parseUserLexicon('{ nope', 'x.json').errors[0]).toMatch(/^x\.json: not valid JSON/);
    expect(parseUserLexicon('[]', 'x.json').errors).toEqual(['x.json: expected an object with an "entries" array']);
    expect(parseUserLexicon('null', 'x.json').entries).toEqual([]);
  });

  it('wins over the built-in lexicon and is marked as the workspace’s', () => {
    const merged = withUserEntries(lexicon, parsed.entries, '.marginalia/lexicon.json');
    expect(merged.find('ZBX-9')).toMatchObject({ id: 'ligand:zorbaxinel', source: 'workspace', class: 'TRPC5 antagonist', identifiers: { pubchem: '123' } });
    expect(merged.find('Haldol')).toMatchObject({ id: 'ligand:haloperidol', class: 'butyrophenone antipsychotic', source: 'workspace', identifiers: { pubchem: '3559' } });
    expect(merged.find('dopamine')?.id).toBe('ligand:da');
    expect(lexicon.find('Haldol')?.source).toBe('lexicon');

    const result = recognise('ZBX-9 and haloperidol raised dopamine.', merged);
    expect(result.mentions.map((m) => [m.text, m.id, m.source])).toEqual([
      ['ZBX-9', 'ligand:zorbaxinel', 'workspace'],
      ['haloperidol', 'ligand:haloperidol', 'workspace'],
      ['dopamine', 'ligand:da', 'workspace'],
    ]);
    expect(result.info['ligand:zorbaxinel']!.provenance).toBe('workspace lexicon .marginalia/lexicon.json');
  });
});

describe('exclusions of a workspace lexicon', () => {
  const parsed = parseUserLexicon(read('test/fixtures/entities/exclusion-lexicon.json'), '.marginalia/lexicon.json');
  const merged = withUserEntries(lexicon, parsed.entries, '.marginalia/lexicon.json', parsed.exclusions);

  it('reads names and name–kind pairs, reporting the invalid ones', () => {
    expect(parsed.exclusions).toEqual([{ name: 'haloperidol' }, { name: 'D2 receptor', kind: 'ligand' }, { name: 'dopamine', kind: 'ligand' }]);
    expect(parsed.errors).toEqual([
      '.marginalia/lexicon.json: exclude[3] must be a name or an object with a "name"',
      '.marginalia/lexicon.json: exclude[4] ("X"): "kind" must be "ligand", "target" or "chemical"',
    ]);
    expect(merged.exclusions).toEqual([
      { name: 'haloperidol', origin: '.marginalia/lexicon.json' },
      { name: 'D2 receptor', kind: 'ligand', origin: '.marginalia/lexicon.json' },
      { name: 'dopamine', kind: 'ligand', origin: '.marginalia/lexicon.json' },
    ]);
  });

  it('drops every mention of an excluded spelling (any case) of its kind, and keeps the others', () => {
    const text = 'Haloperidol blocked the D2 receptor; dopamine and haloperidol competed.';
    const before = recognise(text, lexicon);
    expect(before.mentions.map((m) => [m.text, m.kind])).toEqual([
      ['Haloperidol', 'ligand'],
      ['D2 receptor', 'target'],
      ['dopamine', 'ligand'],
      ['haloperidol', 'ligand'],
    ]);
    const after = recognise(text, merged);
    // "D2 receptor" is excluded as a ligand only: as a target it stays.
    expect(after.mentions.map((m) => [m.text, m.kind])).toEqual([['D2 receptor', 'target']]);
    expect(Object.keys(after.info).sort()).toEqual([...new Set(after.mentions.map((m) => m.id))].sort());
  });
});
