/** Hand-made gold and system analyses for the scorer's unit tests. */
import type { Analysis, Citation, DataRecord, EntityMention, Reference } from '../../../src/core/types.js';
import type { Gold, GoldCitation, GoldEntity, GoldRecord, GoldReference } from '../../eval/gold.js';

export function gold(parts: Partial<Gold> = {}): Gold {
  return {
    document: 'docs/case.md', sha256: '', annotator: 'test', regions: [{ start: 0, end: 1000, label: 'all' }],
    referenceList: { scheme: 'numeric' }, references: [], citations: [], entities: [], records: [], ...parts,
  };
}

export function analysis(parts: Partial<Analysis> = {}): Analysis {
  return {
    schema: 1, length: 1000, references: [], referenceList: null, citations: [], entities: [], entityInfo: {},
    quantities: [], tables: [], records: [], sections: [], diagnostics: [], ...parts,
  };
}

export const goldRef = (id: string, start: number, end: number, fields: GoldReference['fields'] = {}): GoldReference => ({ id, start, end, text: 'x'.repeat(end - start), fields });
export const goldCite = (start: number, end: number, refs: string[], missing?: (number | string)[]): GoldCitation => ({ start, end, text: 'x'.repeat(end - start), refs, ...(missing ? { missing } : {}) });
export const goldEntity = (start: number, end: number, kind: GoldEntity['kind'], optional = false): GoldEntity => ({ start, end, text: 'e'.repeat(end - start), kind, ...(optional ? { optional } : {}) });

export function sysRef(number: number, start: number, end: number, citedBy: number[] = [], extra: Partial<Reference> = {}): Reference {
  return {
    number, start, end, text: '', labelStart: start, labelEnd: start + 1, authors: [], title: null, source: null, year: null,
    doi: null, pmid: null, pmcid: null, url: null, host: null, duplicateOf: null, citedBy, ...extra,
  } as Reference;
}

export function sysCite(start: number, end: number, numbers: number[], extra: Partial<Citation> = {}): Citation {
  return { start, end, text: 'x'.repeat(end - start), numbers, parts: numbers.map((n) => ({ number: n, start, end })), style: 'bracket', ...extra };
}

export function mention(start: number, end: number, kind: string, text = 'm'.repeat(end - start)): EntityMention {
  return { start, end, kind: kind as EntityMention['kind'], text, id: text, name: text, source: 'lexicon' };
}

export function goldRecord(start: number, end: number, parts: Partial<GoldRecord> = {}): GoldRecord {
  return {
    start, end, text: 'r'.repeat(end - start), ligand: 'haloperidol', target: 'D2 receptor', measure: 'Ki', relation: '=',
    value: 1.4, valueMax: null, unit: 'nM', error: null, effect: null, references: [], ...parts,
  };
}

export function sysRecord(start: number, end: number, parts: Partial<DataRecord> = {}): DataRecord {
  return {
    start, end, ligand: { text: 'Haloperidol', id: null, start, end: start + 11 }, target: { text: 'D2 receptors', id: null, start, end: start + 1 },
    measure: 'Ki', value: 1.4, valueMax: null, unit: 'nM', molar: 1.4e-9, effect: null, context: null, references: [], table: 0, extra: {},
    relation: '=', error: null, errorKind: null, n: null, standardType: 'Ki', pValue: 8.85, origin: 'table', cell: null, ...parts,
  };
}
