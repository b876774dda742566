import { describe, expect, it } from 'vitest';
import { list, parseDelimited, records } from '../../../src/core/lexicon/build/csv.js';
import { parseDrugbank } from '../../../src/core/lexicon/build/drugbank.js';
import { parseGtopdbLigands, parseGtopdbTargets, plainName } from '../../../src/core/lexicon/build/gtopdb.js';
import { parseHgnc } from '../../../src/core/lexicon/build/hgnc.js';
import { readStems, type StemFile, usableEndings, usableStems } from '../../../src/core/lexicon/build/stems.js';
import handStems from '../../../src/core/lexicon/stems.json';
import { parseWordRanks } from '../../../src/core/lexicon/build/words.js';
import { fixture } from './helpers.js';

describe('reading delimited text', () => {
  it('reads quoted fields with delimiters, doubled quotes and CRLF line ends', () => {
    expect(parseDelimited('a,"b, c","say ""x"""\r\n1,,3\n', ',')).toEqual([['a', 'b, c', 'say "x"'], ['1', '', '3']]);
  });

  it('skips the banner line before the header and splits |-lists', () => {
    expect(records('"# banner"\n"Id","Name"\n"1","x"\n', ',', 'Id')).toEqual([{ Id: '1', Name: 'x' }]);
    expect(list('"ALR|MLL4|"'.replace(/"/g, ''))).toEqual(['ALR', 'MLL4']);
  });
});

describe('HGNC', () => {
  const genes = parseHgnc(fixture('hgnc.tsv'));

  it('takes approved protein-coding genes with their symbols, names, aliases and ids', () => {
    expect(genes.map((g) => g.key)).toEqual(['HGNC:1516', 'HGNC:3023', 'HGNC:7133', 'HGNC:7421']);
    expect(genes[1]).toEqual({
      source: 'hgnc',
      key: 'HGNC:3023',
      kind: 'target',
      name: 'DRD2',
      spellings: [
        { text: 'DRD2', role: 'symbol' },
        { text: 'dopamine receptor D2', role: 'name' },
      ],
      class: 'Dopamine receptors',
      identifiers: { hgnc: 'HGNC:3023', uniprot: 'P14416', iuphar: '215', entrez: '1813', ensembl: 'ENSG00000149295' },
    });
  });

  it('reads the alias and previous symbols and names', () => {
    expect(genes[2]!.spellings.filter((s) => s.role === 'alias-symbol').map((s) => s.text)).toEqual(['ALR', 'MLL4', 'CAGL114']);
    expect(genes[3]!.spellings.map((s) => `${s.role}:${s.text}`)).toContain('alias-symbol:COX2');
  });

  it('classes an ungrouped enzyme by its EC number', () => {
    expect(genes[0]!.class).toBe('enzyme (EC 1.11.1.6)');
  });
});

describe('DrugBank open vocabulary', () => {
  const drugs = parseDrugbank(fixture('drugbank.csv'));

  it('takes the common name, the synonyms and the CAS, UNII and InChIKey', () => {
    expect(drugs.map((d) => d.name)).toEqual(['Lepirudin', 'Cetuximab', 'Propranolol', 'Water']);
    expect(drugs[1]!.spellings).toEqual([
      { text: 'Cetuximab', role: 'name' },
      { text: 'Cétuximab', role: 'synonym' },
      { text: 'Cetuximabum', role: 'synonym' },
      { text: 'Chimeric MoAb C225', role: 'synonym' },
      { text: 'Chimeric Monoclonal Antibody C225', role: 'synonym' },
    ]);
    expect(drugs[2]!.identifiers).toEqual({ drugbank: 'DB00571', cas: '525-66-6', unii: '9Y8NXQ24VQ', inchikey: 'AQHHHDLHHXJYJD-UHFFFAOYSA-N' });
  });
});

describe('IUPHAR/BPS Guide to Pharmacology', () => {
  it('reads names written with markup as plain text', () => {
    expect(plainName('5-HT<sub>1D&alpha;</sub> receptor')).toBe('5-HT1Dα receptor');
    expect(plainName('&gamma;-aminobutyric acid')).toBe('γ-aminobutyric acid');
  });

  it('takes targets with their family and type, tied to HGNC by the HGNC id', () => {
    const targets = parseGtopdbTargets(fixture('gtopdb-targets.csv'));
    expect(targets.map((t) => [t.name, t.class, t.identifiers, t.links])).toEqual([
      ['5-HT1A receptor', '5-Hydroxytryptamine receptors (GPCR)', { iuphar: '1', hgnc: 'HGNC:5286', uniprot: 'P08908' }, ['hgnc:HGNC:5286']],
      ['D2 receptor', 'Dopamine receptors (GPCR)', { iuphar: '215', hgnc: 'HGNC:3023', uniprot: 'P14416' }, ['hgnc:HGNC:3023']],
    ]);
    expect(targets[0]!.spellings.slice(0, 3)).toEqual([
      { text: '5-HT1A receptor', role: 'name' },
      { text: 'ADRBRL1', role: 'synonym' },
      { text: '5-HT1A', role: 'synonym' },
    ]);
  });

  it('takes ligands with their type and approval, leaving out radiolabelled forms', () => {
    const ligands = parseGtopdbLigands(fixture('gtopdb-ligands.csv'));
    expect(ligands.map((l) => [l.name, l.kind, l.class, l.identifiers])).toEqual([
      ['flesinoxan', 'ligand', 'synthetic organic', { iuphar: '1' }],
      ['asenapine', 'ligand', 'approved drug (synthetic organic)', { iuphar: '22' }],
      ['propranolol', 'ligand', 'approved drug (synthetic organic)', { iuphar: '564' }],
      ['ammonium carbonate', 'ligand', 'synthetic organic', { iuphar: '4509' }],
    ]);
  });
});

describe('word frequencies and drug-name stems', () => {
  const ranks = parseWordRanks(fixture('words.txt'));

  it('ranks words by frequency, most frequent first', () => {
    expect([ranks.get('you'), ranks.get('water'), ranks.get('set'), ranks.get('cat'), ranks.get('alcohol')]).toEqual([1, 378, 439, 1041, 2577]);
  });

  it('reads the hand-written stems lower case, without hyphen, each once, and skips malformed rows', () => {
    const stems = readStems({ stems: [['-Mab', 'monoclonal antibody'], ['olol', 'beta-adrenoceptor antagonist'], ['mab', 'other'], ['a-j', 'infix'], ['pril', ' ']] });
    expect(stems).toEqual([
      { stem: 'mab', class: 'monoclonal antibody' },
      { stem: 'olol', class: 'beta-adrenoceptor antagonist' },
    ]);
  });

  it('keeps the stems that end few ordinary words, and lists those words as exceptions', () => {
    const stems = readStems(handStems as StemFile);
    expect(stems.length).toBe(148);
    const usable = usableStems(stems, ranks, 3, 3);
    // Of the 3,000 commonest words only "april" ends in a stem (-pril); a stem ending more than 3 would be dropped.
    expect(usable.stems.length).toBe(148);
    expect(usable.exceptions).toEqual(['april']);
    expect(usableStems(stems, new Map([['worsen', 1], ['person', 2], ['parson', 3], ['unison', 4], ['arsen', 5]]), 3, 3).stems.length).toBe(148);
    expect(usableStems(stems, new Map([['worsen', 1], ['coarsen', 2], ['hoarsen', 3], ['immersen', 4]]), 3, 3).stems.some((s) => s.stem === 'rsen')).toBe(false);
  });

  it('keeps every chemical ending, with the long ordinary words that end in one as exceptions', () => {
    const usable = usableEndings(handStems as StemFile, ranks, 8);
    expect(usable.endings.map((e) => e.stem)).toEqual(['one', 'ine', 'ol', 'ide', 'ane', 'ene']);
    expect(usable.exceptions.filter((w) => ranks.has(w))).toEqual(['control', 'everyone', 'magazine', 'medicine', 'outside', 'someone', 'telephone']);
    expect(usable.exceptions).toContain('uterine');
  });
});
