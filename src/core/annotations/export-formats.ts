/**
 * Exports a document's annotations: as markdown for reading (each quote, its note and tags, and
 * the references its citation markers point to, read from the analysis), and as W3C JSON-LD.
 */
import type { Analysis, Reference } from '../types.js';
import { serializeAnnotations } from './store.js';
import type { PlacedAnnotation } from './placed.js';

/** The references cited by the markers inside `[start, end)`, each once, in the order cited. */
export function citedReferences(analysis: Pick<Analysis, 'citations' | 'references'>, start: number, end: number): { number: number; reference: Reference | null }[] {
  const numbers: number[] = [];
  for (const citation of analysis.citations) {
    if (citation.start >= end || citation.end <= start) continue;
    for (const n of citation.numbers) if (!numbers.includes(n)) numbers.push(n);
  }
  return numbers.map((number) => ({ number, reference: analysis.references.find((r) => r.number === number) ?? null }));
}

function quoteBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
}

/** 1-based line of an offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function referenceLine(number: number, reference: Reference | null): string {
  if (!reference) return `- [${number}] (no entry with this number in the reference list)`;
  const doi = reference.doi && !reference.text.toLowerCase().includes(reference.doi) ? ` https://doi.org/${reference.doi}` : '';
  return `- [${number}] ${reference.text.replace(/\s+/g, ' ').trim()}${doi}`;
}

function entry(item: PlacedAnnotation, text: string, analysis: Pick<Analysis, 'citations' | 'references'> | null): string {
  const { annotation, placement } = item;
  const where = placement.kind === 'anchored' ? `line ${lineOf(text, placement.start)}` : 'not found in the current text';
  const parts = [`### ${annotation.colour} highlight, ${where}`, quoteBlock(annotation.target.quote.exact)];
  if (annotation.note) parts.push(annotation.note.trim());
  if (annotation.tags.length > 0) parts.push(`Tags: ${annotation.tags.map((t) => `#${t.replace(/\s+/g, '-')}`).join(' ')}`);
  if (analysis && placement.kind === 'anchored') {
    const cited = citedReferences(analysis, placement.start, placement.end);
    if (cited.length > 0) parts.push(['Cited in this passage:', ...cited.map((c) => referenceLine(c.number, c.reference))].join('\n'));
  }
  parts.push(`<sub>Created ${annotation.created}${annotation.modified !== annotation.created ? `, modified ${annotation.modified}` : ''}</sub>`);
  return parts.join('\n\n');
}

/**
 * Markdown of every annotation: placed ones in document order, then the orphans. `analysis`
 * (of the same text) resolves the citation markers inside each quote; without it none are listed.
 */
export function annotationsToMarkdown(placed: readonly PlacedAnnotation[], text: string, name: string, analysis: Pick<Analysis, 'citations' | 'references'> | null): string {
  const anchored = placed
    .filter((p) => p.placement.kind === 'anchored')
    .sort((a, b) => (a.placement.kind === 'anchored' && b.placement.kind === 'anchored' ? a.placement.start - b.placement.start : 0));
  const orphans = placed.filter((p) => p.placement.kind === 'orphan');
  const sections = [`# Annotations of ${name}`];
  if (placed.length === 0) sections.push('No annotations.');
  sections.push(...anchored.map((p) => entry(p, text, analysis)));
  if (orphans.length > 0) sections.push('## Orphans', 'Their text is no longer in the document (or not found with confidence).', ...orphans.map((p) => entry(p, text, null)));
  return `${sections.join('\n\n')}\n`;
}

/** W3C JSON-LD of every annotation, targeting the document by its IRI. */
export function annotationsToJsonLd(placed: readonly PlacedAnnotation[], documentIri: string): string {
  return serializeAnnotations(placed.map((p) => p.annotation), documentIri);
}
