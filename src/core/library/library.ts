/**
 * The library: the summaries of every indexed document, with the entity → documents map kept up
 * to date as documents are added, replaced and removed (so a one-file change costs that file's
 * entities, not the whole library). Works shared across documents are grouped on demand.
 */
import { compactSummary, StringPool } from './compact.js';
import { documentEvidence, type EvidenceQuery, type EvidenceRow } from './evidence.js';
import type { DocumentSummary, Located, SummaryEntity } from './types.js';
import { sharedWorks, workKeys, type SharedWork } from './works.js';
import type { SummaryReference } from './types.js';

export interface LibraryDocument {
  readonly uri: string;
  /** Content hash the summary was made from. */
  readonly hash: string;
  readonly summary: DocumentSummary;
}

/** An entity across the library. */
export interface LibraryEntity {
  readonly id: string;
  readonly kind: SummaryEntity['kind'];
  readonly name: string;
  readonly class: string | null;
  readonly documents: number;
  readonly mentions: number;
  readonly records: number;
}

/** One document's share of an entity. */
export interface EntityOccurrence {
  readonly uri: string;
  readonly title: string | null;
  readonly mentions: number;
  readonly records: number;
  readonly first: Located;
}

/** A symbol of the library (for workspace symbol search). */
export interface LibrarySymbol {
  readonly kind: 'entity' | 'reference';
  readonly name: string;
  readonly detail: string;
  readonly uri: string;
  readonly at: Located;
}

export class Library {
  private readonly documents = new Map<string, LibraryDocument>();
  /** entity id → uri → that document's entry for it. */
  private readonly occurrences = new Map<string, Map<string, SummaryEntity>>();
  private works: SharedWork[] | undefined;
  /** The entity list, until the next change (views ask for it again on every refresh). */
  private entityList: LibraryEntity[] | undefined;
  /** Each reference entry's work keys, computed once per summary (normalising titles is the costly part). */
  private readonly keys = new WeakMap<SummaryReference, readonly string[]>();
  private readonly strings = new StringPool();

  get size(): number {
    return this.documents.size;
  }

  /** How many distinct entities the library holds (without building the list). */
  get entityCount(): number {
    return this.occurrences.size;
  }

  /** The shared works if they were asked for since the last change, else undefined (never computes them). */
  get computedWorks(): readonly SharedWork[] | undefined {
    return this.works;
  }

  /** Adds or replaces a document's summary (kept in a compact copy: {@link LibraryDocument.summary} is equal, not identical). */
  set(uri: string, hash: string, written: DocumentSummary): void {
    this.delete(uri);
    const summary = compactSummary(written, this.strings);
    this.documents.set(uri, { uri, hash, summary });
    for (const entity of summary.entities) {
      let byUri = this.occurrences.get(entity.id);
      if (!byUri) this.occurrences.set(entity.id, (byUri = new Map()));
      byUri.set(uri, entity);
    }
    this.works = undefined;
    this.entityList = undefined;
  }

  delete(uri: string): boolean {
    const old = this.documents.get(uri);
    if (!old) return false;
    this.documents.delete(uri);
    for (const entity of old.summary.entities) {
      const byUri = this.occurrences.get(entity.id);
      byUri?.delete(uri);
      if (byUri?.size === 0) this.occurrences.delete(entity.id);
    }
    this.works = undefined;
    this.entityList = undefined;
    return true;
  }

  get(uri: string): LibraryDocument | undefined {
    return this.documents.get(uri);
  }

  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  /** Every document, by uri. */
  list(): LibraryDocument[] {
    return [...this.documents.values()].sort((a, b) => a.uri.localeCompare(b.uri));
  }

  /** Every entity, in the most documents first, then most records, then by name. */
  entities(): readonly LibraryEntity[] {
    if (this.entityList) return this.entityList;
    const all: LibraryEntity[] = [];
    for (const id of this.occurrences.keys()) all.push(this.entity(id)!);
    this.entityList = all.sort((a, b) => b.documents - a.documents || b.records - a.records || a.name.localeCompare(b.name));
    return this.entityList;
  }

  entity(id: string): LibraryEntity | undefined {
    const byUri = this.occurrences.get(id);
    if (!byUri) return undefined;
    let mentions = 0;
    let records = 0;
    let sample: SummaryEntity | undefined;
    for (const e of byUri.values()) {
      mentions += e.mentions;
      records += e.records;
      sample ??= e;
    }
    return { id, kind: sample!.kind, name: sample!.name, class: sample!.class, documents: byUri.size, mentions, records };
  }

  /** The documents mentioning an entity, by uri. */
  occurrencesOf(id: string): EntityOccurrence[] {
    const byUri = this.occurrences.get(id);
    if (!byUri) return [];
    return [...byUri]
      .map(([uri, e]) => ({ uri, title: this.documents.get(uri)!.summary.title, mentions: e.mentions, records: e.records, first: e.first }))
      .sort((a, b) => a.uri.localeCompare(b.uri));
  }

  /** Works listed by at least two documents. */
  sharedWorks(): SharedWork[] {
    this.works ??= sharedWorks(
      this.list().map((d) => [d.uri, d.summary.references] as const),
      2,
      (reference) => {
        let keys = this.keys.get(reference);
        if (!keys) this.keys.set(reference, (keys = workKeys(reference)));
        return keys;
      },
    );
    return this.works;
  }

  /** The evidence rows for a query (every record when null), by document then position. */
  evidence(query: EvidenceQuery | null): EvidenceRow[] {
    const uris =
      query === null
        ? [...this.documents.keys()]
        : 'entity' in query
          ? [...(this.occurrences.get(query.entity)?.keys() ?? [])]
          : [...(this.occurrences.get(query.ligand)?.keys() ?? [])].filter((uri) => this.occurrences.get(query.target)?.has(uri));
    uris.sort();
    return uris.flatMap((uri) => documentEvidence(uri, this.documents.get(uri)!.summary, query));
  }

  /** Entities and references whose name holds every character of `query` in order (as VS Code's symbol search does), at most `limit`. */
  symbols(query: string, limit = 500): LibrarySymbol[] {
    const matches = fuzzyMatcher(query);
    const out: LibrarySymbol[] = [];
    for (const byUri of this.occurrences.values()) {
      const sample = byUri.values().next().value!;
      if (!matches(sample.name)) continue;
      for (const [uri, e] of byUri) {
        out.push({ kind: 'entity', name: e.name, detail: `${e.kind} · ${e.mentions} mentions`, uri, at: e.first });
        if (out.length >= limit) return out;
      }
    }
    for (const d of this.documents.values()) {
      for (const r of d.summary.references) {
        const name = r.title ?? r.doi;
        if (!name || !matches(name)) continue;
        out.push({ kind: 'reference', name, detail: [r.firstAuthor, r.year].filter((x) => x !== null).join(' '), uri: d.uri, at: r });
        if (out.length >= limit) return out;
      }
    }
    return out;
  }
}

function fuzzyMatcher(query: string): (name: string) => boolean {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  return (name) => {
    if (wanted === '') return true;
    const lower = name.toLowerCase();
    let at = 0;
    for (const ch of wanted) {
      at = lower.indexOf(ch, at);
      if (at === -1) return false;
      at++;
    }
    return true;
  };
}
