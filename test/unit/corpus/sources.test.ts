import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// SOURCES.json is the record of where every corpus document came from; these tests keep it
// true to the bytes on disk and hold the coverage the corpus promises (issue 12, section 1).

interface Source {
  name: string;
  repository: string;
  path: string;
  commit: string;
  blob: string;
  sha256: string;
  bytes: number;
  licence: string;
  licenceEvidence: string;
  producer: string;
  title: string;
  doi: string | null;
  topic: 'pharmacology' | 'medicinal-chemistry' | 'other';
  citationConventions: string[];
  referenceList: boolean;
  tables: string[];
  quantitative: boolean;
  notes: string;
}

const corpus = new URL('../../corpus/', import.meta.url);
const sources = JSON.parse(readFileSync(new URL('SOURCES.json', corpus), 'utf8')) as Source[];
const onDisk = readdirSync(new URL('docs/', corpus)).filter((name) => !name.startsWith('.')).sort();
const bytesOf = (name: string): Buffer => readFileSync(new URL(`docs/${name}`, corpus));

// The conventions the issue names; "none", "paren-number" and "caret-superscript" (pandoc `word^12^`)
// are recorded but not counted.
const NAMED_CONVENTIONS = new Set([
  'bracket', 'latex-superscript', 'html-sup', 'unicode-superscript', 'glued-digits',
  'link-wrapped', 'author-year', 'footnote', 'pandoc-citekey',
]);
const ALL_CONVENTIONS = new Set([...NAMED_CONVENTIONS, 'none', 'paren-number', 'caret-superscript']);
const TABLE_LAYOUTS = new Set(['pipe', 'html', 'tab', 'flattened']);
// Producers grouped into the families the issue asks for.
const FAMILY: Record<string, string> = {
  marker: 'pdf', MinerU: 'pdf', docling: 'pdf', olmOCR: 'pdf', nougat: 'pdf', unstructured: 'pdf',
  'docling-jats': 'jats', 'docling-pubmed-xml': 'jats', 'pandoc-jats': 'jats',
  'web-extraction': 'web',
  'hand-written': 'hand', 'pandoc-manubot': 'hand',
  'docling-uspto-xml': 'patent',
};
const isPharma = (s: Source): boolean => s.topic === 'pharmacology' || s.topic === 'medicinal-chemistry';

describe('the corpus record (test/corpus/SOURCES.json)', () => {
  it('lists every document in docs/ once, and nothing that is not there', () => {
    const listed = sources.map((s) => s.name);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(onDisk);
  });

  it('matches each document byte for byte: size, sha256 and the git blob id it was taken from', () => {
    for (const s of sources) {
      const data = bytesOf(s.name);
      expect(data.length, s.name).toBe(s.bytes);
      expect(createHash('sha256').update(data).digest('hex'), s.name).toBe(s.sha256);
      const blob = createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
      expect(blob, s.name).toBe(s.blob);
    }
  });

  it('says where each document came from and under which licence, with the evidence', () => {
    for (const s of sources) {
      expect(s.repository, s.name).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(s.commit, s.name).toMatch(/^[0-9a-f]{40}$/);
      expect(s.path.length, s.name).toBeGreaterThan(0);
      expect(s.licence.length, s.name).toBeGreaterThan(0);
      expect(s.licenceEvidence.length, s.name).toBeGreaterThan(20);
      expect(s.title.length, s.name).toBeGreaterThan(0);
      expect(FAMILY[s.producer], `${s.name}: producer ${s.producer}`).toBeDefined();
      expect(s.citationConventions.length, s.name).toBeGreaterThan(0);
      for (const c of s.citationConventions) expect(ALL_CONVENTIONS.has(c), `${s.name}: ${c}`).toBe(true);
      for (const t of s.tables) expect(TABLE_LAYOUTS.has(t), `${s.name}: ${t}`).toBe(true);
    }
  });
});

describe('the coverage the corpus promises', () => {
  it('holds at least 24 documents', () => {
    expect(sources.length).toBeGreaterThanOrEqual(24);
  });

  it('comes from at least 5 producers, PDF converters, JATS, web extraction and hand-written among them', () => {
    expect(new Set(sources.map((s) => s.producer)).size).toBeGreaterThanOrEqual(5);
    const families = new Set(sources.map((s) => FAMILY[s.producer]));
    for (const family of ['pdf', 'jats', 'web', 'hand']) expect(families.has(family), family).toBe(true);
  });

  it('covers at least 6 of the citation conventions the issue names', () => {
    const seen = new Set(sources.flatMap((s) => s.citationConventions).filter((c) => NAMED_CONVENTIONS.has(c)));
    expect(seen.size).toBeGreaterThanOrEqual(6);
  });

  it('has at least 14 pharmacology or medicinal-chemistry documents with quantitative data', () => {
    expect(sources.filter((s) => isPharma(s) && s.quantitative).length).toBeGreaterThanOrEqual(14);
  });

  it('has at least 3 documents without a reference list and 2 outside pharmacology', () => {
    expect(sources.filter((s) => !s.referenceList).length).toBeGreaterThanOrEqual(3);
    expect(sources.filter((s) => s.topic === 'other').length).toBeGreaterThanOrEqual(2);
  });

  it('holds tables in at least three layouts across the corpus', () => {
    expect(new Set(sources.flatMap((s) => s.tables)).size).toBeGreaterThanOrEqual(3);
  });
});
