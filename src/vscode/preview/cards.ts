/**
 * The content of the preview's hover cards, from the same analysis and the same pieces as the
 * editor's cards (../hover/cards.ts), as plain text: the preview script puts it in the page with
 * `textContent`, so nothing here is escaped or marked up.
 */
import type { AnalysisIndex } from '../../core/query.js';
import type { DataRecord, EntityInfo, Reference } from '../../core/types.js';
import {
  counterpart, entitySource, fallbackInfo, identifierEntries, recordAmount, recordEffect, recordOrigin, recordReferenceLabel,
  referenceNoteParts, referenceUrls, times,
} from '../hover/cards.js';
import { shorten } from '../markdown.js';
import type { EntityCard, PreviewCards, ReferenceCard } from './model.js';

/** A table cell as the editor's card shows it: shortened, "—" when empty. */
function cell(text: string | null | undefined, max: number): string {
  const value = text == null ? '' : shorten(text, max);
  return value === '' ? '—' : value;
}

function recordRow(index: AnalysisIndex, info: EntityInfo, record: DataRecord): string[] {
  const other = info.kind === 'ligand' ? record.target : record.ligand;
  const references = record.references.length ? record.references.map((n) => recordReferenceLabel(index, n)).join('; ') : '—';
  return [cell(counterpart(index, other), 40), cell(recordAmount(record), 32), cell(recordEffect(record), 48), cell(record.context, 48), references, cell(recordOrigin(record), 20)];
}

export function entityCard(index: AnalysisIndex, id: string): EntityCard | undefined {
  const mentions = index.mentionsOf(id);
  const first = mentions[0];
  const known = Object.prototype.hasOwnProperty.call(index.analysis.entityInfo, id) ? index.analysis.entityInfo[id] : undefined;
  const info = known ?? (first && fallbackInfo(first));
  if (!info) return undefined;
  const records = index.recordsFor(id);
  const variants = info.variants.length ? info.variants : first ? [first.text] : [];
  const count = mentions.length || info.mentions || 0;
  const related = info.related.map((other) => index.analysis.entityInfo[other]?.name).filter((name): name is string => !!name);
  return {
    name: info.name,
    kind: info.class ? `${info.kind} · ${info.class}` : info.kind,
    summary: `Written here as ${variants.map((v) => `“${v}”`).join(', ')} · mentioned ${times(count, 'time')} · ${times(records.length, 'record')}`,
    records: records.length
      ? { header: [info.kind === 'ligand' ? 'Target' : 'Ligand', 'Measure', 'Effect', 'Context', 'References', 'From'], rows: records.map((r) => recordRow(index, info, r)) }
      : null,
    identifiers: identifierEntries(info.kind, info.identifiers),
    related: related.length ? `Related in this document: ${related.join(', ')}` : null,
    source: `Source: ${entitySource(info)}`,
  };
}

export function referenceCard(index: AnalysisIndex, reference: Reference, anchored: boolean): ReferenceCard {
  return {
    number: reference.number,
    text: reference.text,
    notes: referenceNoteParts(index, reference).join(' · '),
    links: referenceUrls(reference),
    anchored,
  };
}

/**
 * The cards of the entities marked in the page and of every reference (a marker's card shows
 * the entries it cites). `anchored` holds the numbers whose entry the page holds.
 */
export function previewCards(index: AnalysisIndex, entityIds: Iterable<string>, anchored: ReadonlySet<number>): PreviewCards {
  // Ids come from lexicons and documents: no prototype for one of them to reach.
  const entities: Record<string, EntityCard> = Object.create(null);
  for (const id of entityIds) {
    const card = entityCard(index, id);
    if (card) entities[id] = card;
  }
  const references: Record<string, ReferenceCard> = Object.create(null);
  for (const reference of index.analysis.references) {
    const key = String(reference.number);
    if (!(key in references)) references[key] = referenceCard(index, reference, anchored.has(reference.number));
  }
  return { version: 1, entities, references };
}
