/**
 * Formats reference entries as BibTeX, RIS or CSL-JSON with citation-js (0.8 line: core,
 * plugin-bibtex, plugin-ris). Only CSL-JSON objects go in, so citation-js never fetches; the
 * bundles replace its fetch modules with a shim that refuses (scripts/shims/no-fetch.js).
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from '../core/references/csl.js';

export type ReferenceFormat = 'bibtex' | 'ris' | 'csl-json';

export const REFERENCE_FORMATS: readonly ReferenceFormat[] = ['bibtex', 'ris', 'csl-json'];

/** File extension of each format. */
export const FORMAT_EXTENSION: Readonly<Record<ReferenceFormat, string>> = { bibtex: 'bib', ris: 'ris', 'csl-json': 'json' };

/** The items in `format`, ending with a line break. */
export function formatReferences(items: readonly CslItem[], format: ReferenceFormat): string {
  if (items.length === 0) return format === 'csl-json' ? '[]\n' : '';
  const cite = new Cite(items.map((item) => ({ ...item })), { forceType: '@csl/list+object' });
  const out =
    format === 'bibtex' ? cite.format('bibtex', { format: 'text' })
    : format === 'ris' ? cite.format('ris', { format: 'text' })
    : cite.format('data', { format: 'text' });
  const text = String(out).replace(/\s+$/, '');
  return `${text}\n`;
}
