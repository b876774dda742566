/**
 * Golden files for the citation, reference, section and diagnostic results of whole documents:
 * `test/fixtures/documents/<name>.expected.json` names its document and holds the expected values.
 * Run with MARGINALIA_UPDATE_GOLDEN=1 to rewrite them after a reviewed change.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis } from '../../../src/core/types.js';

export const DOCUMENTS = fileURLToPath(new URL('../../fixtures/documents/', import.meta.url));

export interface Golden {
  /** The document, relative to the fixtures/documents folder. */
  readonly document: string;
  readonly expected: ReturnType<typeof project>;
}

/** The parts of an analysis this area owns, in a stable, reviewable shape. */
export function project(a: Analysis) {
  return {
    referenceList: a.referenceList,
    references: a.references.map((r) => ({
      number: r.number,
      start: r.start,
      end: r.end,
      labelStart: r.labelStart,
      labelEnd: r.labelEnd,
      ...(r.label !== undefined ? { label: r.label } : {}),
      authors: r.authors,
      title: r.title,
      source: r.source,
      year: r.year,
      doi: r.doi,
      pmid: r.pmid,
      pmcid: r.pmcid,
      url: r.url,
      host: r.host,
      duplicateOf: r.duplicateOf,
      citedBy: r.citedBy,
    })),
    citations: a.citations.map((c) => ({
      start: c.start,
      end: c.end,
      text: c.text,
      numbers: c.numbers,
      style: c.style,
      parts: c.parts.map((p) => [p.number, p.start, p.end]),
      ...(c.label !== undefined ? { label: c.label } : {}),
    })),
    sections: a.sections.map((s) => ({ title: s.title, level: s.level, written: s.written, start: s.start, end: s.end, headingEnd: s.headingEnd })),
    diagnostics: a.diagnostics.map((d) => ({ code: d.code, severity: d.severity, number: d.number, start: d.start, end: d.end, message: d.message, related: d.related })),
  };
}

export function goldenFiles(): string[] {
  return readdirSync(DOCUMENTS).filter((f) => f.endsWith('.expected.json')).sort();
}

export function readGolden(file: string): Golden {
  return JSON.parse(readFileSync(path.join(DOCUMENTS, file), 'utf8')) as Golden;
}

export function readDocument(relative: string): string {
  return readFileSync(path.join(DOCUMENTS, relative), 'utf8');
}

export function writeGolden(file: string, golden: Golden): void {
  writeFileSync(path.join(DOCUMENTS, file), `${JSON.stringify(golden, null, 1)}\n`);
}
