/**
 * Keeps a library's summaries small in memory: the short strings that repeat across records and
 * documents (ids, names, units, measures, contexts) are shared, and a document's records share
 * one object per distinct ligand or target. The summary's content is unchanged.
 */
import type { EntityIdentifiers } from '../types.js';
import type { DocumentSummary, SummaryEntity, SummaryRecord, SummaryRecordEntity } from './types.js';

/** Longer strings (titles, long contexts) are rarely repeated: not worth a table entry. */
const MAX_SHARED_LENGTH = 80;

export class StringPool {
  private readonly strings = new Map<string, string>();
  /** An entity's identifiers are the same in every document read with one lexicon: one object each. */
  private readonly identifiers = new Map<string, EntityIdentifiers>();

  get size(): number {
    return this.strings.size;
  }

  share<T extends string | null>(s: T): T {
    if (s === null || s.length > MAX_SHARED_LENGTH) return s;
    const kept = this.strings.get(s);
    if (kept !== undefined) return kept as T;
    this.strings.set(s, s);
    return s;
  }

  shareIdentifiers(id: string, identifiers: EntityIdentifiers): EntityIdentifiers {
    const key = `${id}\u0000${JSON.stringify(identifiers)}`;
    const kept = this.identifiers.get(key);
    if (kept) return kept;
    this.identifiers.set(key, identifiers);
    return identifiers;
  }
}

export function compactSummary(summary: DocumentSummary, pool: StringPool): DocumentSummary {
  const refs = new Map<string, SummaryRecordEntity>();
  const ref = (r: SummaryRecordEntity | null): SummaryRecordEntity | null => {
    if (r === null) return null;
    const key = `${r.id}\u0000${r.name}\u0000${r.text}`;
    let kept = refs.get(key);
    if (!kept) refs.set(key, (kept = { id: pool.share(r.id), name: pool.share(r.name), text: pool.share(r.text) }));
    return kept;
  };
  // Records of one table mostly cite the same references: one array per distinct list.
  const lists = new Map<string, readonly number[]>();
  const list = (numbers: readonly number[]): readonly number[] => {
    const key = numbers.join(',');
    let kept = lists.get(key);
    if (!kept) lists.set(key, (kept = numbers));
    return kept;
  };
  const records = summary.records.map(
    (r): SummaryRecord => ({
      ...r,
      ligand: ref(r.ligand),
      target: ref(r.target),
      measure: pool.share(r.measure),
      standardType: pool.share(r.standardType),
      relation: pool.share(r.relation),
      unit: pool.share(r.unit),
      context: pool.share(r.context),
      origin: pool.share(r.origin),
      references: list(r.references),
    }),
  );
  const entities = summary.entities.map(
    (e): SummaryEntity => ({ ...e, id: pool.share(e.id), kind: pool.share(e.kind), name: pool.share(e.name), class: pool.share(e.class), identifiers: pool.shareIdentifiers(e.id, e.identifiers) }),
  );
  const references = summary.references.map((r) => ({ ...r, firstAuthor: pool.share(r.firstAuthor), container: pool.share(r.container) }));
  return { ...summary, title: summary.title, entities, records, references };
}
