import { describe, expect, it } from 'vitest';
import { pairs, read, recognise } from './helpers.js';

const fixture = (name: string) => recognise(read(`test/fixtures/entities/${name}.md`));

describe('entities in documents from other areas of pharmacology', () => {
  it('finds dopamine and opioid GPCRs and their ligands', () => {
    expect(pairs(fixture('dopamine-opioid-gpcr'))).toEqual([
      ['Dopamine', 'ligand:dopamine'],
      ['opioid receptor', 'target:opioid-receptors'],
      ['dopamine D2 receptor', 'target:drd2'],
      ['D2R', 'target:drd2'],
      ['μ-opioid receptor', 'target:oprm1'],
      ['MOR', 'target:oprm1'],
      ['GPCRs', 'target:gpcr-family'],
      ['Quinpirole', 'ligand:quinpirole'],
      ['DAMGO', 'ligand:damgo'],
      ['adenylyl cyclase', 'target:adenylyl-cyclase'],
      ['D1 receptor', 'target:drd1'],
      ['SCH 23390', 'ligand:sch-23390'],
      ['raclopride', 'ligand:raclopride'],
      ['D2R', 'target:drd2'],
      ['Naloxone', 'ligand:naloxone'],
      ['DAMGO', 'ligand:damgo'],
      ['β-funaltrexamine', 'ligand:beta-fna'],
      ['MOR', 'target:oprm1'],
      ['Kappa-opioid receptor', 'target:oprk1'],
      ['U-50488', 'ligand:u-50488'],
      ['salvinorin A', 'ligand:salvinorin-a'],
      ['dopamine', 'ligand:dopamine'],
      ['nor-BNI', 'ligand:nor-bni'],
      ['D3 receptor', 'target:drd3'],
      ['cariprazine', 'ligand:cariprazine'],
      ['aripiprazole', 'ligand:aripiprazole'],
      ['D2Rs', 'target:drd2'],
    ]);
  });

  it('finds potassium channels by name and by nomenclature pattern', () => {
    const result = fixture('potassium-channels');
    expect(pairs(result)).toEqual([
      ['Kv7.2', 'target:kcnq2'],
      ['Kv7.3', 'target:kcnq3'],
      ['M-current', 'target:m-channels'],
      ['retigabine', 'ligand:retigabine'],
      ['XE991', 'ligand:xe991'],
      ['Kv4.2', 'target:kcnd2'],
      ['4-aminopyridine', 'ligand:four-ap'],
      ['4-AP', 'ligand:four-ap'],
      ['tetraethylammonium', 'ligand:tea'],
      ['TEA', 'ligand:tea'],
      ['Kv2.1', 'target:kcnb1'],
      ['BK channels', 'target:bk-channel'],
      ['iberiotoxin', 'ligand:iberiotoxin'],
      ['paxilline', 'ligand:paxilline'],
      ['IK channel', 'target:kcnn4'],
      ['KCa3.1', 'target:kcnn4'],
      ['TRAM-34', 'ligand:tram-34'],
      ['Kir2.1', 'target:kcnj2'],
      ['ATP', 'ligand:atp'],
      ['Kir6.2', 'target:kcnj11'],
      ['SUR1', 'target:sur1'],
      ['glibenclamide', 'ligand:glibenclamide'],
      ['diazoxide', 'ligand:diazoxide'],
      ['TREK-1', 'target:kcnk2'],
      ['ML335', 'ligand:ml335'],
      ['Kv12.1', 'target:kv12.1'],
    ]);
    expect(result.info['target:kv12.1']).toMatchObject({ source: 'pattern', class: 'voltage-gated K+ channel', provenance: 'nomenclature pattern: Kv channel', related: ['target:kv-channels'] });
  });

  it('finds kinases and kinase inhibitors', () => {
    expect(pairs(fixture('kinase-inhibitors'))).toEqual([
      ['Imatinib', 'ligand:imatinib'],
      ['BCR-ABL', 'target:abl1'],
      ['c-Kit', 'target:kit'],
      ['dasatinib', 'ligand:dasatinib'],
      ['Src family kinases', 'target:src'],
      ['EGFR', 'target:egfr'],
      ['gefitinib', 'ligand:gefitinib'],
      ['erlotinib', 'ligand:erlotinib'],
      ['osimertinib', 'ligand:osimertinib'],
      ['EGFR T790M', 'target:egfr'],
      ['MEK', 'target:mek'],
      ['trametinib', 'ligand:trametinib'],
      ['BRAF', 'target:braf'],
      ['dabrafenib', 'ligand:dabrafenib'],
      ['PI3K', 'target:pi3k'],
      ['LY294002', 'ligand:ly294002'],
      ['mTORC1', 'target:mtor'],
      ['rapamycin', 'ligand:rapamycin'],
      ['Akt', 'target:akt'],
      ['U0126', 'ligand:u0126'],
      ['ERK1/2', 'target:erk'],
      ['Ruxolitinib', 'ligand:ruxolitinib'],
      ['JAK2', 'target:jak2'],
      ['ibrutinib', 'ligand:ibrutinib'],
      ["Bruton's tyrosine kinase", 'target:btk'],
      ['BTK', 'target:btk'],
    ]);
  });

  it('finds transporters and the drugs that act on them', () => {
    expect(pairs(fixture('transporters'))).toEqual([
      ['serotonin transporter', 'target:sert'],
      ['SERT', 'target:sert'],
      ['fluoxetine', 'ligand:fluoxetine'],
      ['escitalopram', 'ligand:escitalopram'],
      ['dopamine transporter', 'target:dat'],
      ['DAT', 'target:dat'],
      ['cocaine', 'ligand:cocaine'],
      ['GBR 12909', 'ligand:gbr-12909'],
      ['Reboxetine', 'ligand:reboxetine'],
      ['noradrenaline transporter', 'target:net'],
      ['NET', 'target:net'],
      ['Reserpine', 'ligand:reserpine'],
      ['tetrabenazine', 'ligand:tetrabenazine'],
      ['VMAT2', 'target:vmat2'],
      ['Glutamate', 'ligand:glutamate'],
      ['EAAT2', 'target:eaat2'],
      ['GLT-1', 'target:eaat2'],
      ['ceftriaxone', 'ligand:ceftriaxone'],
      ['DL-TBOA', 'ligand:tboa'],
      ['excitatory amino acid transporters', 'target:eaats'],
      ['GABA transporter', 'target:gaba-transporter'],
      ['GAT1', 'target:gat1'],
      ['tiagabine', 'ligand:tiagabine'],
      ['glycine transporter', 'target:glycine-transporter'],
      ['GlyT1', 'target:glyt1'],
      ['NMDA receptor', 'target:nmda-receptor'],
    ]);
  });

  it('learns names from the document: code names, abbreviations and table cells', () => {
    const result = fixture('document-defined');
    expect(result.mentions.map((m) => [m.text, m.id, m.source])).toEqual([
      ['Transient receptor potential canonical 5', 'target:trpc5', 'abbreviation'],
      ['TRPC5', 'target:trpc5', 'pattern'],
      ['XQ-71,302', 'ligand:xq71302', 'pattern'],
      ['(−)-XQ-71,302', 'ligand:minus-xq71302', 'pattern'],
      ['XQ71302', 'ligand:xq71302', 'pattern'],
      ['Dopamine', 'ligand:dopamine', 'lexicon'],
      ['DA', 'ligand:dopamine', 'abbreviation'],
      ['DA', 'ligand:dopamine', 'abbreviation'],
      ['(+)-XQ 71,302', 'ligand:plus-xq71302', 'pattern'],
      ['Zorbaxinel', 'ligand:zorbaxinel', 'table'],
      ['TRPC5', 'target:trpc5', 'pattern'],
      ['TRPC5', 'target:trpc5', 'pattern'],
      ['Zorbaxinel', 'ligand:zorbaxinel', 'table'],
    ]);
    expect(result.info['ligand:zorbaxinel']).toMatchObject({ name: 'Zorbaxinel', source: 'table', provenance: 'table 1, column Drug', mentions: 2 });
    expect(result.info['ligand:xq71302']!.related).toEqual(['ligand:minus-xq71302', 'ligand:plus-xq71302']);
    expect(result.info['ligand:minus-xq71302']!.related).toEqual(['ligand:xq71302']);
  });
});
