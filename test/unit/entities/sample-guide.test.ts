import { describe, expect, it } from 'vitest';
import { pairs, read, recognise } from './helpers.js';

const result = recognise(read('seeds/sigma1-receptor-nmda-ion-channels.md'));
const { mentions, info, text } = result;
const of = (id: string) => mentions.filter((m) => m.id === id);

describe('entities in the sample guide', () => {
  it('finds exactly the mentions of the golden file', () => {
    const expected = JSON.parse(read('test/fixtures/entities/sigma1-sample.expected.json'));
    expect(mentions.map(({ start, end, text: t, id, source }) => ({ start, end, text: t, id, source }))).toEqual(expected);
  });

  it('returns mentions sorted, non-overlapping, each spanning its source text', () => {
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i]!;
      expect(text.slice(m.start, m.end)).toBe(m.text);
      if (i > 0) expect(m.start).toBeGreaterThanOrEqual(mentions[i - 1]!.end);
      expect(info[m.id]?.name).toBe(m.name);
      expect(info[m.id]?.kind).toBe(m.kind);
    }
  });

  it('finds (+)-pentazocine three times, in either case, as one ligand', () => {
    expect(of('ligand:plus-pentazocine').map((m) => [m.start, m.text])).toEqual([
      [6753, '(+)-Pentazocine'],
      [7120, '(+)-Pentazocine'],
      [11992, '(+)-pentazocine'],
    ]);
    expect(info['ligand:plus-pentazocine']).toMatchObject({ name: '(+)-pentazocine', class: 'sigma-1 receptor agonist', source: 'lexicon', mentions: 3 });
    expect(info['ligand:plus-pentazocine']!.related).toEqual(['ligand:pentazocine', 'ligand:minus-pentazocine']);
  });

  it('merges the spellings of (+)-SKF-10047 and keeps the undescribed SKF10047 distinct but related', () => {
    expect(of('ligand:plus-skf-10047').map((m) => [m.start, m.text])).toEqual([
      [3052, '(+)-SKF 10,047'],
      [5438, '(+)-SKF10047'],
      [6867, '(+)-SKF10047'],
      [7462, '(+)-SKF 10,047'],
      [7538, '(+)-SKF 10,047'],
      [7613, '(+)-SKF 10,047'],
      [7701, '(+)-SKF 10,047'],
    ]);
    expect(of('ligand:skf-10047').map((m) => [m.start, m.text])).toEqual([[7244, 'SKF10047']]);
    expect(info['ligand:skf-10047']!.related).toContain('ligand:plus-skf-10047');
    expect(info['ligand:plus-skf-10047']!.related).toContain('ligand:skf-10047');
    expect(info['ligand:plus-skf-10047']!.variants).toEqual(['(+)-SKF 10,047', '(+)-SKF10047']);
  });

  it('merges every spelling of the sigma-1 receptor and of the NMDA receptor', () => {
    expect(info['target:sigmar1']).toMatchObject({ mentions: 74, identifiers: { uniprot: 'Q99720', hgnc: 'HGNC:8157' } });
    expect(new Set(info['target:sigmar1']!.variants)).toEqual(new Set(['S1R', 'Sigma-1 Receptor', 'Sigma-1 receptor', 'sigma-1 receptor', 'Sigma-1 Receptors']));
    expect(info['target:nmda-receptor']!.mentions).toBe(45);
    expect(new Set(info['target:nmda-receptor']!.variants)).toEqual(
      new Set(['NMDAR', 'NMDARs', 'NMDA Receptors', 'NMDA receptors', 'NMDA receptor', 'N-methyl-D-aspartate receptors', 'N-Methyl-d-Aspartate Receptors', 'NMDA Receptor']),
    );
  });

  it('finds the NMDA receptor subunits and the scaffold PSD-95', () => {
    expect(of('target:grin1').map((m) => m.start)).toEqual([2813, 7607, 8228, 16361, 16389]);
    expect(of('target:grin2a').map((m) => m.start)).toEqual([3107, 7455, 7692, 16375, 16395]);
    expect(of('target:grin2b').map((m) => [m.start, m.text])).toEqual([[3118, 'GluN2B'], [7531, 'GluN2B']]);
    expect(of('target:psd-95').map((m) => [m.start, m.text])).toEqual([[3162, 'PSD-95']]);
    expect(info['target:grin2b']!.related).toContain('target:nmda-receptor');
  });

  it('spans K_v1.x as written in the source and maps each to its own channel', () => {
    expect(mentions.filter((m) => m.id.startsWith('target:kcna')).map((m) => [m.start, m.text, m.id])).toEqual([
      [4720, 'K_v1.2', 'target:kcna2'],
      [4728, 'K_v1.3', 'target:kcna3'],
      [4736, 'K_v1.4', 'target:kcna4'],
      [4748, 'K_v1.5', 'target:kcna5'],
      [4892, 'K_v1.3', 'target:kcna3'],
      [4987, 'K_v1.3', 'target:kcna3'],
      [17340, 'Kv1.3', 'target:kcna3'],
    ]);
  });

  it('finds sodium channels, ASIC1a, DMT and its long form', () => {
    expect(of('target:scn2a').map((m) => m.text)).toEqual(['NaV1.2']);
    expect(of('target:scn5a').map((m) => m.text)).toEqual(['NaV1.5']);
    expect(of('target:asic1a').map((m) => [m.start, m.text])).toEqual([[6271, 'ASIC1a'], [6307, 'ASIC1a']]);
    expect(of('ligand:dmt').map((m) => [m.start, m.text])).toEqual([[6111, 'N,N-dimethyltryptamine'], [6135, 'DMT']]);
  });

  it('reads SK channels, including the defined abbreviation, as one target', () => {
    expect(of('target:sk-channels').map((m) => m.text)).toEqual([
      'SK Channels',
      'small-conductance calcium-activated potassium (SK) channels',
      'SK channels',
      'SK channel',
      'SK channel',
      'SK channels',
      'SK channels',
      'SK channels',
    ]);
  });

  it('reads L-type and N-type channels and currents, in prose and tables', () => {
    expect(of('target:l-type-channels').map((m) => m.text)).toEqual(['L-Type CaV Channels', 'L-type calcium channels', 'L-type calcium currents', 'L-Type Ca^{2+} Current']);
    expect(of('target:cacna1b').map((m) => m.text)).toEqual(['N-Type CaV Channels', 'N-type calcium currents', 'N-type channels', 'N-type CaV channel']);
    expect(of('target:hva-cav-channels').map((m) => m.text)).toEqual(['high-voltage-activated calcium channels', 'High-Voltage Activated Ca^{2+} Current', 'High-Voltage Activated Ca^{2+} Current']);
  });

  it('finds the blockers of the patch-clamp protocol and the table ligand haloperidol', () => {
    expect(pairs(result).filter(([, id]) => ['ligand:nbqx', 'ligand:picrotoxin', 'ligand:haloperidol', 'ligand:pre-084'].includes(id))).toEqual([
      ['PRE-084', 'ligand:pre-084'],
      ['Haloperidol', 'ligand:haloperidol'],
      ['NBQX', 'ligand:nbqx'],
      ['picrotoxin', 'ligand:picrotoxin'],
    ]);
    expect(info['ligand:haloperidol']).toMatchObject({ identifiers: { pubchem: '3559', chebi: 'CHEBI:5613' }, provenance: 'built-in lexicon 2026.11 (ligands-chaperone-amino-acid)' });
  });

  it('takes no reagent, ion, cell line or prose word for a ligand or target; salts and ions are other chemicals', () => {
    const texts = new Set(mentions.filter((m) => m.kind !== 'chemical').map((m) => m.text.toLowerCase()));
    for (const word of ['hepes', 'nacl', 'edta', 'tween20', 'bapta', 'dna', 'igg', 'cfp', 'yfp', 'hek293', 'mg-atp', 'atp', 'na-gtp', 'kcl', 'ca^{2+}', 'ca²⁺', 'mg²⁺', 'channel', 'channels', 'receptor', 'receptors', 'protein', 'b2980321', 'ca 91761']) {
      expect(texts.has(word), word).toBe(false);
    }
    expect(mentions.filter((m) => m.kind === 'chemical').map((m) => m.text)).toEqual(['Ca^{2+}', 'Ca^{2+}', 'KCl', 'NaCl', 'CO₂', 'Ca²⁺', 'Mg²⁺']);
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    expect(mentions.filter((m) => m.kind !== 'chemical').filter((m) => lineOf(m.start) === 114 || lineOf(m.start) === 137 || lineOf(m.start) === 153)).toEqual([]);
  });
});
