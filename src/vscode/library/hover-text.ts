/**
 * The library's part of an entity's hover, as markdown: how many other documents of the library
 * mention it, what they report, and a link to the evidence table. No vscode import (unit-tested).
 */
import type { Library } from '../../core/library/index.js';
import { escapeMarkdown } from '../markdown.js';

/** Documents whose records are read for the measures' summary, at most. */
const MAX_DOCUMENTS_READ = 200;
/** Measures listed in the summary at most. */
const MAX_MEASURES = 4;

/** The hover text for entity `id` seen from document `uri` (undefined when no other document mentions it). */
export function libraryHoverMarkdown(library: Library, id: string, uri: string): string | undefined {
  const others = library.occurrencesOf(id).filter((o) => o.uri !== uri);
  if (others.length === 0) return undefined;
  const records = others.reduce((n, o) => n + o.records, 0);
  // The measures are read from the first documents only: a hover must answer at once in any library.
  const rows = others
    .filter((o) => o.records > 0)
    .slice(0, MAX_DOCUMENTS_READ)
    .flatMap((o) => library.documentEvidence(o.uri, { entity: id }));
  const byMeasure = new Map<string, number[]>();
  for (const row of rows) {
    const measure = row.record.standardType ?? row.record.measure;
    if (!measure) continue;
    const list = byMeasure.get(measure) ?? [];
    if (row.record.pValue !== null) list.push(row.record.pValue);
    byMeasure.set(measure, list);
  }
  const measures = [...byMeasure]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, MAX_MEASURES)
    .map(([measure, p]) => {
      if (p.length === 0) return escapeMarkdown(measure);
      const lo = Math.min(...p).toFixed(2);
      const hi = Math.max(...p).toFixed(2);
      return `${escapeMarkdown(measure)} ×${p.length} (p ${lo === hi ? lo : `${lo}–${hi}`})`;
    });
  const n = others.length;
  let text = `**Library:** mentioned in ${n} other document${n === 1 ? '' : 's'}`;
  if (records > 0) text += ` · ${records} record${records === 1 ? '' : 's'} there${measures.length ? `: ${measures.join(', ')}` : ''}`;
  const args = encodeURIComponent(JSON.stringify([{ entity: id }]));
  text += ` · [Evidence table](command:marginalia.showEvidence?${args} "All records for this entity across the library")`;
  return text;
}

