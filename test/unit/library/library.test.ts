/**
 * The library across real corpus documents: summaries locate what they keep, entities merge by
 * id across documents, the evidence table gathers an entity's records from every document, and
 * replacing or removing a document updates all of it.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { evidenceCsv, Library, summariseDocument, type DocumentSummary } from '../../../src/core/library/index.js';

const DOCS = ['osp-itraconazole-pbpk-evaluation-report.md', 'osp-verapamil-input-data-section.md', 'osp-sildenafil-pbpk-evaluation-report.md'];
const texts = new Map(DOCS.map((d) => [d, readFileSync(`test/corpus/docs/${d}`, 'utf8')]));
const summaries = new Map<string, DocumentSummary>();

beforeAll(() => {
  for (const [d, text] of texts) summaries.set(d, summariseDocument(text, analyze(text)));
});

function library(): Library {
  const lib = new Library();
  for (const [d, s] of summaries) lib.set(d, `hash-${d}`, s);
  return lib;
}

describe('a document summary', () => {
  test('keeps the counts, the title and where each entity is first mentioned', () => {
    const text = texts.get(DOCS[0]!)!;
    const s = summaries.get(DOCS[0]!)!;
    expect(s.title).toBe('Building and evaluation of a PBPK model for Itraconazole in healthy adults');
    expect(s.counts).toEqual({ mentions: 201, entities: 11, records: 19, references: 30, citations: 114 });
    const itraconazole = s.entities.find((e) => e.id === 'ligand:itraconazole')!;
    expect(itraconazole.first).toEqual({ start: 46, end: 58, line: 0, character: 46 });
    expect(text.slice(itraconazole.first.start, itraconazole.first.end)).toBe('Itraconazole');
  });

  test("locates each record at the cell its value was read from, with line and character", () => {
    const text = texts.get(DOCS[0]!)!;
    const lines = text.split('\n');
    for (const r of summaries.get(DOCS[0]!)!.records) {
      expect(lines[r.line]!.slice(r.character, r.character + r.end - r.start)).toBe(text.slice(r.start, r.end));
    }
    const first = summaries.get(DOCS[0]!)!.records[0]!;
    // A stacked cell ("Vmax, Km": "270<br />3.9") is where its Km was read.
    expect(text.slice(first.start, first.end)).toBe('270<br />3.9');
    expect([first.ligand?.name, first.target?.name, first.standardType, first.relation, first.value, first.unit, first.molar, first.pValue]).toEqual([
      'Itraconazole', 'CYP3A4', 'Km', '=', 3.9, 'nM', 3.9e-9, null,
    ]);
  });
});

describe('the library', () => {
  test('keeps each summary equal to what it was given, sharing what repeats between records', () => {
    const lib = library();
    const kept = lib.get(DOCS[0]!)!.summary;
    expect(kept).toEqual(summaries.get(DOCS[0]!));
    const cyp = kept.records.filter((r) => r.target?.id === 'target:cyp3a4');
    expect(cyp.length).toBeGreaterThan(1);
    expect(cyp.every((r) => r.target === cyp[0]!.target)).toBe(true);
  });

  test('merges an entity across the documents that mention it', () => {
    const lib = library();
    expect(lib.entity('target:cyp3a4')).toMatchObject({ name: 'CYP3A4', kind: 'target', documents: 3 });
    expect(lib.occurrencesOf('target:cyp3a4').map((o) => o.uri)).toEqual([...DOCS].sort());
  });

  test("the evidence table of a target holds every document's records for it, with the references each gives", () => {
    const rows = library().evidence({ entity: 'target:cyp3a4' });
    const byDocument = new Map<string, number>();
    for (const row of rows) byDocument.set(row.uri, (byDocument.get(row.uri) ?? 0) + 1);
    expect([...byDocument.keys()]).toEqual(['osp-itraconazole-pbpk-evaluation-report.md', 'osp-sildenafil-pbpk-evaluation-report.md', 'osp-verapamil-input-data-section.md']);
    const first = rows[0]!;
    expect(first.references.map((r) => r.label)).toEqual(['Isoherranen 2004']);
    expect(rows.every((r) => r.record.ligand?.id === 'target:cyp3a4' || r.record.target?.id === 'target:cyp3a4')).toBe(true);
  });

  test('a ligand–target pair keeps only the records of that pair', () => {
    const rows = library().evidence({ ligand: 'ligand:itraconazole', target: 'target:cyp3a4' });
    expect(rows.map((r) => [r.record.measure, r.record.value, r.record.unit])).toEqual([['Km', 3.9, 'nM'], ['Ki', 1.3, 'nM']]);
  });

  test('replacing a document replaces its entities; removing it removes them', () => {
    const lib = library();
    const sildenafil = summaries.get(DOCS[2]!)!;
    lib.set(DOCS[2]!, 'other-hash', { ...sildenafil, entities: sildenafil.entities.filter((e) => e.id !== 'target:cyp3a4') });
    expect(lib.entity('target:cyp3a4')?.documents).toBe(2);
    lib.delete(DOCS[0]!);
    lib.delete(DOCS[1]!);
    expect(lib.entity('target:cyp3a4')).toBeUndefined();
    expect(lib.evidence({ entity: 'target:cyp3a4' })).toEqual([]);
    expect(lib.size).toBe(1);
  });

  test('finds works two documents cite by normalised title and year', () => {
    const works = library().sharedWorks();
    expect(works.map((w) => [w.year, w.firstAuthor, w.citations.map((c) => [c.uri, c.reference.number])])).toContainEqual([
      2003,
      'Nishimura',
      [['osp-itraconazole-pbpk-evaluation-report.md', 17], ['osp-sildenafil-pbpk-evaluation-report.md', 20]],
    ]);
  });

  test('workspace symbols find entities in every document and references by title', () => {
    const lib = library();
    expect(lib.symbols('cyp3a4').filter((s) => s.kind === 'entity').map((s) => s.uri)).toEqual(DOCS.filter((d) => lib.get(d)!.summary.entities.some((e) => e.id === 'target:cyp3a4')));
    const nishimura = lib.symbols('tissue distribution of mRNA expression').filter((s) => s.kind === 'reference');
    expect(nishimura.map((s) => s.uri).sort()).toEqual(['osp-itraconazole-pbpk-evaluation-report.md', 'osp-sildenafil-pbpk-evaluation-report.md']);
  });

  test('the CSV has one row per record and defuses cells a spreadsheet would run as formulas', () => {
    const rows = library().evidence({ entity: 'target:cyp3a4' });
    const csv = evidenceCsv(rows);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('ligand,ligand_id,target,target_id,measure,standard_type,relation,value,value_max,unit,molar,p_value,context,document,uri,line,start,end,references');
    expect(lines.length).toBe(rows.length + 2);
    const hostile = { ...rows[0]!, record: { ...rows[0]!.record, context: '=HYPERLINK("x")' } };
    expect(evidenceCsv([hostile]).split('\r\n')[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
