/** The precision guards (src/core/lexicon/guards.json): forms that look like code names but are not entities. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { guardSpans } from '../../../src/core/entities/patterns.js';

const found = (text: string) => analyze(text).entities.map((m) => m.text);

describe('precision guards', () => {
  it('keeps residues, mutations, accessions, catalogue numbers, media and postal boxes from becoming ligands', () => {
    const text =
      'Mutating Ala640 and Tyr-1472 (V600E) changed binding; data are in GSE12345 and SRR1234567 (NM_000795.4, M29066.1, P14416, RRID:AB_2298772). ' +
      'Cells grew in RPMI-1640 with FBS; antibody Cat. No. AB-12345 and #9101S; Private Bag X6001, PO Box 123.';
    expect(found(text)).toEqual([]);
    expect(guardSpans('Ala640 V600E GSE12345 Private Bag X6001').map((s) => [s.start, s.end])).toEqual([[0, 6], [7, 12], [13, 21], [22, 39]]);
  });

  it('keeps compact identifiers and drug-database accessions from becoming entities, in prose and in a table column of targets', () => {
    expect(found('The role CHEBI:77731 of HGNC:11998 (GO:2001309) is in DrugBank DB00379 and CHEMBL25.')).toEqual([]);
    expect(found('| Role | Protein |\n|---|---|\n| CHEBI:77731 | HGNC:11998 |\n')).toEqual([]);
  });

  it('reads no name in a table cell that holds only a header word of the column (Modulator, Inhibitor)', () => {
    expect(found('| Drug class | Example |\n|---|---|\n| Modulator | a |\n| Inhibitors | b |\n\nThe modulator was named.')).toEqual([]);
  });

  it('leaves compound code names alone', () => {
    expect(found('SB203580, PD 98059 and MK-801 were applied.')).toEqual(['SB203580', 'PD 98059', 'MK-801']);
  });
});
