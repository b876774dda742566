/**
 * The library: the summaries of every indexed document, with the entity → documents map kept up
 * to date as documents are added, replaced and removed (so a one-file change costs that file's
 * entities, not the whole library). Works shared across documents are grouped on demand.
 */
import {
  compactSummary,
  entityAt,
  entityCount,
  entityFirstAt,
  entityIdAt,
  entityMentionsAt,
  entityRecordsAt,
  expandSummary,
  isCompact,
  partiesOf,
  recordAt,
  recordCount,
  PARTY_STRIDE,
  RECORD_STRIDE,
  REFERENCE_STRIDE,
  referenceAt,
  referenceCount,
  referencesOf,
  StringPool,
  type CompactSummary,
} from './compact.js';
import { evidenceRow, type EvidenceQuery, type EvidenceRow } from './evidence.js';
import type { DocumentSummary, Located, SummaryCounts, SummaryEntity, SummaryReference } from './types.js';
import type { Pause } from './pause.js';
import { WorksIndex } from './works-index.js';
import type { SharedWork } from './works.js';

export interface LibraryDocument {
  readonly uri: string;
  /** Content hash the summary was made from. */
  readonly hash: string;
  readonly title: string | null;
  readonly counts: SummaryCounts;
  /** What the library keeps of the document (and the store persists). */
  readonly compact: CompactSummary;
  /** The whole summary, built on each call from the compact one: for exports and tests, not for hot paths. */
  readonly summary: DocumentSummary;
}

class KeptDocument implements LibraryDocument {
  constructor(
    readonly uri: string,
    readonly hash: string,
    readonly compact: CompactSummary,
    private readonly pool: StringPool,
  ) {}
  get title(): string | null {
    return this.compact.title;
  }
  get counts(): SummaryCounts {
    return this.compact.counts;
  }
  get summary(): DocumentSummary {
    return expandSummary(this.compact, (json) => this.pool.identifiersOf(json));
  }
}

/** An entity's documents (uri and the index of its entry in that document), in the order they were added, and its totals. */
interface Across {
  readonly uris: string[];
  readonly indices: number[];
  mentions: number;
  records: number;
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
  private readonly documents = new Map<string, KeptDocument>();
  /** entity id → the documents holding it. */
  private readonly occurrences = new Map<string, Across>();
  /** Works shared across documents, regrouped around what changed when asked for. */
  private readonly works = new WorksIndex({
    count: (uri) => referenceCount(this.documents.get(uri)!.compact),
    reference: (uri, index) => referenceAt(this.documents.get(uri)!.compact, index),
  });
  /** The entity list, until the next change (views ask for it again on every refresh). */
  private entityList: LibraryEntity[] | undefined;
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
    return this.works.current;
  }

  /**
   * Adds or replaces a document's summary. A compact summary is kept as it is (its strings
   * replaced by the library's shared ones: it belongs to the library from now on); a whole one is
   * compacted first ({@link LibraryDocument.summary} is then equal, not identical).
   */
  set(uri: string, hash: string, written: DocumentSummary | CompactSummary): void {
    this.delete(uri);
    const compact = isCompact(written) ? written : compactSummary(written);
    this.strings.adopt(compact);
    this.documents.set(uri, new KeptDocument(uri, hash, compact, this.strings));
    for (let i = 0, n = entityCount(compact); i < n; i++) {
      const id = entityIdAt(compact, i);
      let across = this.occurrences.get(id);
      if (!across) this.occurrences.set(id, (across = { uris: [], indices: [], mentions: 0, records: 0 }));
      across.uris.push(uri);
      across.indices.push(i);
      across.mentions += entityMentionsAt(compact, i);
      across.records += entityRecordsAt(compact, i);
    }
    this.works.add(uri);
    this.entityList = undefined;
  }

  delete(uri: string): boolean {
    const old = this.documents.get(uri);
    if (!old) return false;
    this.documents.delete(uri);
    const compact = old.compact;
    for (let i = 0, n = entityCount(compact); i < n; i++) {
      const id = entityIdAt(compact, i);
      const across = this.occurrences.get(id);
      if (!across) continue;
      const at = across.uris.lastIndexOf(uri);
      if (at === -1) continue;
      across.uris.splice(at, 1);
      across.indices.splice(at, 1);
      across.mentions -= entityMentionsAt(compact, i);
      across.records -= entityRecordsAt(compact, i);
      if (across.uris.length === 0) this.occurrences.delete(id);
    }
    this.works.remove(uri);
    this.entityList = undefined;
    return true;
  }

  /** Forgets every document. */
  clear(): void {
    this.documents.clear();
    this.occurrences.clear();
    this.works.clear();
    this.entityList = undefined;
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

  /** The entry of the first document holding entity `id` (its kind, name and class speak for the library). */
  private sample(across: Across): SummaryEntity {
    return entityAt(this.documents.get(across.uris[0]!)!.compact, across.indices[0]!, (json) => this.strings.identifiersOf(json));
  }

  entity(id: string): LibraryEntity | undefined {
    const across = this.occurrences.get(id);
    if (!across) return undefined;
    const sample = this.sample(across);
    return { id, kind: sample.kind, name: sample.name, class: sample.class, documents: across.uris.length, mentions: across.mentions, records: across.records };
  }

  /** The documents mentioning an entity, by uri. */
  occurrencesOf(id: string): EntityOccurrence[] {
    const across = this.occurrences.get(id);
    if (!across) return [];
    return across.uris
      .map((uri, k) => {
        const c = this.documents.get(uri)!.compact;
        const i = across.indices[k]!;
        return { uri, title: c.title, mentions: entityMentionsAt(c, i), records: entityRecordsAt(c, i), first: entityFirstAt(c, i) };
      })
      .sort((a, b) => a.uri.localeCompare(b.uri));
  }

  /** Works listed by at least two documents. */
  sharedWorks(): SharedWork[] {
    return this.works.works();
  }

  /** The same, grouped in slices between `pause`s (on a thread that must stay responsive). */
  sharedWorksSliced(pause: Pause): Promise<SharedWork[]> {
    return this.works.worksSliced(pause);
  }

  /** The evidence rows of one document for a query (every record when null), in document order. */
  documentEvidence(uri: string, query: EvidenceQuery | null): EvidenceRow[] {
    const doc = this.documents.get(uri);
    if (!doc) return [];
    const c = doc.compact;
    // The query's ids as indices of this document's strings: records are matched by comparing ints, and only matches are built.
    const index = (id: string) => c.strings.indexOf(id);
    const wanted = query === null ? null : 'entity' in query ? { entity: index(query.entity) } : { ligand: index(query.ligand), target: index(query.target) };
    if (wanted && Object.values(wanted).includes(-1)) return [];
    const partyId = (p: number) => (p === -1 ? -1 : c.parties[p * PARTY_STRIDE]!);
    let parties: ReturnType<typeof partiesOf> | undefined;
    let byNumber: Map<number, SummaryReference> | undefined;
    const rows: EvidenceRow[] = [];
    for (let i = 0, n = recordCount(c); i < n; i++) {
      if (wanted !== null) {
        const ligand = partyId(c.records[i * RECORD_STRIDE + 4]!);
        const target = partyId(c.records[i * RECORD_STRIDE + 5]!);
        if ('entity' in wanted ? ligand !== wanted.entity && target !== wanted.entity : ligand !== wanted.ligand || target !== wanted.target) continue;
      }
      parties ??= partiesOf(c);
      byNumber ??= new Map(referencesOf(c).map((r) => [r.number, r]));
      rows.push(evidenceRow(uri, c.title, recordAt(c, i, parties), byNumber));
    }
    return rows;
  }

  /** The evidence rows for a query (every record when null), by document then position. */
  evidence(query: EvidenceQuery | null): EvidenceRow[] {
    const uris =
      query === null
        ? [...this.documents.keys()]
        : 'entity' in query
          ? [...(this.occurrences.get(query.entity)?.uris ?? [])]
          : (this.occurrences.get(query.ligand)?.uris ?? []).filter((uri) => this.occurrences.get(query.target)?.uris.includes(uri));
    uris.sort();
    return uris.flatMap((uri) => this.documentEvidence(uri, query));
  }

  /** Entities and references whose name holds every character of `query` in order (as VS Code's symbol search does), at most `limit`. */
  symbols(query: string, limit = 500): LibrarySymbol[] {
    const matches = fuzzyMatcher(query);
    const out: LibrarySymbol[] = [];
    for (const across of this.occurrences.values()) {
      if (!matches(this.sample(across).name)) continue;
      for (let k = 0; k < across.uris.length; k++) {
        const uri = across.uris[k]!;
        const e = entityAt(this.documents.get(uri)!.compact, across.indices[k]!, (json) => this.strings.identifiersOf(json));
        out.push({ kind: 'entity', name: e.name, detail: `${e.kind} · ${e.mentions} mentions`, uri, at: e.first });
        if (out.length >= limit) return out;
      }
    }
    for (const d of this.documents.values()) {
      const c = d.compact;
      for (let i = 0, n = referenceCount(c); i < n; i++) {
        // The name is read from the columns first: only matching entries are built.
        const title = c.references[i * REFERENCE_STRIDE + 6]!;
        const doi = c.references[i * REFERENCE_STRIDE + 8]!;
        const name = title !== -1 ? c.strings[title]! : doi !== -1 ? c.strings[doi]! : null;
        if (!name || !matches(name)) continue;
        const r = referenceAt(c, i);
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
