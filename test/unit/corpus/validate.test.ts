import { describe, expect, it } from 'vitest';
import { validateGold } from '../../eval/validate.js';

const text = 'Ketamine blocks NMDA receptors [1].\n\n# References\n\n1. Smith J. Title. J Neurosci. 2017.\n';
const facts = { text, sha256: 'abc', expectedPath: 'docs/case.md' };
const entryStart = text.indexOf('1. Smith');
const sound = {
  document: 'docs/case.md', sha256: 'abc', annotator: 'test, today',
  regions: [{ start: 0, end: 36, label: 'Body' }],
  referenceList: { scheme: 'numeric' },
  references: [{ id: '1', start: entryStart, end: text.length - 1, text: text.slice(entryStart, -1), fields: { authors: [{ family: 'Smith', given: 'J' }], year: '2017', title: 'Title', container: 'J Neurosci' } }],
  citations: [{ start: 31, end: 34, text: '[1]', refs: ['1'] }],
  entities: [{ start: 0, end: 8, text: 'Ketamine', kind: 'ligand' }, { start: 16, end: 30, text: 'NMDA receptors', kind: 'target' }],
  records: [],
};

describe('validating gold against its document', () => {
  it('accepts a sound gold file', () => {
    expect(validateGold(sound, facts)).toEqual([]);
  });

  it('says which span is off and what the text holds there', () => {
    const off = { ...sound, entities: [{ start: 1, end: 8, text: 'Ketamine', kind: 'ligand' }] };
    expect(validateGold(off, facts)).toEqual(['entities[0] "Ketamine": text "Ketamine" ≠ slice "etamine"']);
  });

  it('rejects spans out of range, refs to no entry, duplicate ids, a wrong digest and missing keys', () => {
    const bad = {
      ...sound,
      sha256: 'def',
      references: [sound.references[0], { ...sound.references[0], start: text.length - 1, end: text.length + 5 }],
      citations: [{ start: 31, end: 34, text: '[1]', refs: ['2'] }],
      entities: [{ start: 40, end: 44, text: text.slice(40, 44), kind: 'drug' }],
    };
    expect(validateGold(bad, facts)).toEqual([
      'sha256: is "def", the document\'s is abc',
      'references[1] (1): id "1" is not unique',
      `references[1] (1): span ${text.length - 1}–${text.length + 5} is not within 0–${text.length} with start < end`,
      'citations[0] "[1]": refs: "2" is not a reference id',
      'entities[0] "efer": kind must be "ligand" or "target"',
      'entities[0] "efer": is outside every region',
    ]);
    const { records: _records, ...noRecords } = sound;
    expect(validateGold(noRecords, facts)).toEqual(['top level: "records" is missing']);
  });

  it('checks field spellings: four-digit years, bare lower-case DOIs, unknown field names', () => {
    const fields = { year: '2017a', doi: 'https://doi.org/10.1/X', journal: 'J Neurosci' };
    const bad = { ...sound, references: [{ ...sound.references[0], fields }] };
    expect(validateGold(bad, facts)).toEqual([
      'references[0] (1): fields: unknown key "journal"',
      'references[0] (1): fields.year "2017a" is not four digits',
      'references[0] (1): fields.doi "https://doi.org/10.1/X" must be lower case without a prefix',
    ]);
  });

  it('rejects a citation that stands for nothing and a record with neither value nor effect', () => {
    const record = { start: 0, end: 30, text: text.slice(0, 30), ligand: 'Ketamine', target: null, measure: null, relation: '=', value: null, valueMax: null, unit: null, error: null, effect: null, references: [] };
    const bad = { ...sound, citations: [{ start: 31, end: 34, text: '[1]', refs: [] }], records: [record] };
    expect(validateGold(bad, facts)).toEqual(['citations[0] "[1]": stands for nothing: give refs or missing', 'records[0] (Ketamine): has neither a value nor an effect value']);
  });

  it('reports a missing document', () => {
    expect(validateGold(sound, { ...facts, text: null, sha256: null })).toEqual(['document: docs/case.md does not exist']);
  });
});
