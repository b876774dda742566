// The scorer's plumbing, checked on real documents: an analysis scored against gold made from
// itself finds everything in every area. (Test scaffolding only: real gold is written by hand.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import type { Analysis } from '../../../src/core/types.js';
import { scoreDocument } from '../../eval/evaluate.js';
import type { Gold, GoldRecord } from '../../eval/gold.js';
import { ALL_AREAS } from '../../eval/sets.js';
import { CORPUS_KINDS, systemFields } from '../../eval/system.js';
import { decodeText } from '../../../src/cli/run.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DOCUMENTS = ['seeds/sigma1-receptor-nmda-ion-channels.md', 'test/fixtures/documents/author-year.md', 'test/fixtures/documents/footnotes-gfm.md', 'test/fixtures/documents/pdf-superscripts-crlf.md', 'test/fixtures/tables/dopamine-ligands-pipe.md'];

function mirror(a: Analysis): Gold {
  const ids = a.references.map((r, i) => (a.references.findIndex((o) => o.number === r.number) === i ? String(r.label ?? r.number) : `${r.number}#${i}`));
  const records = a.records.flatMap((r): GoldRecord[] =>
    r.ligand === null || (r.value === null && r.effect?.value == null)
      ? []
      : [{
          start: r.start, end: r.end, text: '', ligand: r.ligand.text, target: r.target?.text ?? null, measure: r.measure, relation: '=', value: r.value,
          valueMax: r.valueMax, unit: r.unit, error: null, effect: r.effect && { value: r.effect.value, error: r.effect.error, unit: r.effect.unit, direction: r.effect.direction },
          references: r.references.map((n) => ids[a.references.findIndex((x) => x.number === n)]!).filter((x) => x !== undefined),
        }],
  );
  return {
    document: '', sha256: '', annotator: 'mirror', regions: [{ start: 0, end: a.length, label: 'all' }],
    referenceList: a.referenceList && { scheme: a.referenceList.scheme },
    references: a.references.map((r, i) => {
      const f = systemFields(r);
      return { id: ids[i]!, start: r.start, end: r.end, text: '', fields: { ...f.values, authors: f.families?.map((family) => ({ family, given: null })) ?? null } };
    }),
    citations: a.citations.map((c, i) => {
      const citing = a.references.flatMap((r, j) => (r.citedBy.includes(i) ? [j] : []));
      const resolved = new Set(citing.map((j) => a.references[j]!.number));
      return { start: c.start, end: c.end, text: c.text, refs: citing.map((j) => ids[j]!), missing: c.numbers.filter((n) => !resolved.has(n)) };
    }),
    entities: a.entities.flatMap((m) => (m.kind === 'chemical' ? [] : [{ start: m.start, end: m.end, text: m.text, kind: m.kind }])),
    records,
  };
}

describe('scoring an analysis against itself', () => {
  for (const file of DOCUMENTS) {
    it(`finds everything in ${path.basename(file)}`, () => {
      const a = analyze(decodeText(readFileSync(path.join(root, file))));
      const s = scoreDocument(mirror(a), a, ALL_AREAS, CORPUS_KINDS);
      const perfect = (c: { gold: number; system: number; foundGold: number; correctSystem: number }) => expect(c).toEqual({ gold: c.gold, system: c.gold, foundGold: c.gold, correctSystem: c.gold });
      perfect(s.citations!.counts);
      perfect(s.references!.counts);
      perfect(s.fields!.micro);
      for (const g of ['ligand', 'target', 'all'] as const) {
        perfect(s.entities!.exact[g]);
        perfect(s.entities!.overlap[g]);
      }
      // Records with no ligand or no value cannot stand in gold: they stay false positives.
      const n = s.records!.counts.gold;
      expect(s.records!.counts).toEqual({ gold: n, system: a.records.length, foundGold: n, correctSystem: n });
      expect(s.records!.attributes.target.correct).toBe(s.records!.attributes.target.total);
      expect(s.records!.attributes.references.correct).toBe(s.records!.attributes.references.total);
      expect(s.citations!.counts.gold + s.entities!.exact.all.gold).toBeGreaterThan(0);
    });
  }
});
