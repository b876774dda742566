/**
 * Works cited by several documents, kept up to date as documents come and go: a change regroups
 * only the works its entries touch, not the whole library (grouping 10,000 documents from scratch
 * takes seconds, too long for the extension host's thread after every edit). The groups are the
 * entries connected through any shared key, transitively (see `works.ts`).
 */
import type { Pause } from './pause.js';
import type { SummaryReference } from './types.js';
import { workKeys, type SharedWork, type WorkCitation } from './works.js';

/** One reference entry that has keys: its document, its index there and its keys. */
interface Entry {
  readonly uri: string;
  readonly index: number;
  readonly keys: readonly string[];
}

/** Where a document's references come from (the library's compact columns): read only when its keys are needed. */
export interface WorkSource {
  count(uri: string): number;
  reference(uri: string, index: number): SummaryReference;
}

/** A work and the keys of its group, to find it again when one of them changes. */
interface Group {
  readonly work: SharedWork;
  readonly keys: readonly string[];
}

export class WorksIndex {
  /** Entries of the documents whose keys have been read. */
  private readonly entriesOf = new Map<string, readonly Entry[]>();
  private readonly byKey = new Map<string, Entry[]>();
  /** Documents added since the last regrouping, keys not read yet. */
  private readonly pending = new Set<string>();
  /** Keys whose entries changed since the last regrouping. */
  private readonly dirty = new Set<string>();
  private readonly groupOfKey = new Map<string, Group>();
  private readonly groups = new Set<Group>();
  private sorted: SharedWork[] | undefined;
  private running: Generator<void, void, undefined> | undefined;

  constructor(
    private readonly source: WorkSource,
    private readonly minDocuments = 2,
  ) {}

  /** The works as of the last regrouping, if nothing changed since; else undefined (never regroups). */
  get current(): readonly SharedWork[] | undefined {
    return this.pending.size === 0 && this.dirty.size === 0 ? this.sorted : undefined;
  }

  add(uri: string): void {
    this.remove(uri);
    this.pending.add(uri);
  }

  remove(uri: string): void {
    this.pending.delete(uri);
    const entries = this.entriesOf.get(uri);
    if (!entries) return;
    this.entriesOf.delete(uri);
    for (const entry of entries) {
      for (const key of entry.keys) {
        const list = this.byKey.get(key)!;
        list.splice(list.indexOf(entry), 1);
        if (list.length === 0) this.byKey.delete(key);
        this.dirty.add(key);
      }
    }
  }

  clear(): void {
    for (const map of [this.entriesOf, this.byKey, this.groupOfKey]) map.clear();
    for (const set of [this.pending, this.dirty, this.groups]) set.clear();
    this.sorted = undefined;
    this.running = undefined;
  }

  /** The works listed by at least `minDocuments` documents, most cited first. */
  works(): SharedWork[] {
    while (!this.step()) {}
    return this.sorted!;
  }

  /** The same, regrouping in slices: `pause` between documents and groups keeps the thread responsive. */
  async worksSliced(pause: Pause): Promise<SharedWork[]> {
    while (!this.step()) await pause();
    return this.sorted!;
  }

  /** One step of the regrouping under way (every caller drives the same one); true once it is done. */
  private step(): boolean {
    this.running ??= this.regroup();
    if (!this.running.next().done) return false;
    this.running = undefined;
    return true;
  }

  /**
   * Reads the keys of pending documents, then regroups around every changed key; yields between
   * steps. Changes made while it is suspended are left for the next regrouping ({@link current}
   * is undefined until then).
   */
  private *regroup(): Generator<void, void, undefined> {
    if (this.sorted && this.pending.size === 0 && this.dirty.size === 0) return;
    for (const uri of [...this.pending]) {
      // A document removed while this ran is no longer pending: skip it.
      if (!this.pending.delete(uri)) continue;
      const entries: Entry[] = [];
      for (let i = 0, n = this.source.count(uri); i < n; i++) {
        const keys = workKeys(this.source.reference(uri, i));
        if (keys.length === 0) continue;
        const entry = { uri, index: i, keys };
        entries.push(entry);
        for (const key of keys) {
          const list = this.byKey.get(key);
          if (list) list.push(entry);
          else this.byKey.set(key, [entry]);
          this.dirty.add(key);
        }
      }
      this.entriesOf.set(uri, entries);
      yield;
    }
    // Every group holding a changed key is dissolved; its keys, with the changed ones, seed the new groups.
    const seeds = new Set<string>();
    for (const key of this.dirty) {
      seeds.add(key);
      const group = this.groupOfKey.get(key);
      if (!group) continue;
      this.groups.delete(group);
      for (const k of group.keys) {
        this.groupOfKey.delete(k);
        seeds.add(k);
      }
    }
    this.dirty.clear();
    const seen = new Set<string>();
    for (const seed of seeds) {
      if (seen.has(seed) || !this.byKey.has(seed)) continue;
      const group = this.component(seed, seen);
      if (group) {
        this.groups.add(group);
        for (const key of group.keys) this.groupOfKey.set(key, group);
      }
      yield;
    }
    this.sorted = [...this.groups].map((g) => g.work).sort((a, b) => b.citations.length - a.citations.length || a.key.localeCompare(b.key));
  }

  /** The entries connected to `seed` through shared keys, as a work when enough documents list it. */
  private component(seed: string, seen: Set<string>): Group | undefined {
    const keys: string[] = [];
    const members = new Set<Entry>();
    const queue = [seed];
    seen.add(seed);
    while (queue.length > 0) {
      const key = queue.pop()!;
      keys.push(key);
      for (const entry of this.byKey.get(key) ?? []) {
        if (members.has(entry)) continue;
        members.add(entry);
        for (const k of entry.keys) {
          if (seen.has(k)) continue;
          seen.add(k);
          queue.push(k);
        }
      }
    }
    const documents = new Set([...members].map((e) => e.uri));
    if (documents.size < this.minDocuments) return undefined;
    // Document order (by uri), then entry order, as sharedWorks lists them.
    const ordered = [...members].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.index - b.index));
    const refs = ordered.map((e) => this.source.reference(e.uri, e.index));
    const citations: WorkCitation[] = [];
    const cited = new Set<string>();
    ordered.forEach((e, k) => {
      if (cited.has(e.uri)) return;
      cited.add(e.uri);
      citations.push({ uri: e.uri, reference: refs[k]! });
    });
    const pick = <T>(get: (r: SummaryReference) => T | null): T | null => refs.map(get).find((v) => v !== null && v !== undefined) ?? null;
    const allKeys = ordered.flatMap((e) => e.keys);
    const work: SharedWork = {
      key: allKeys.find((k) => k.startsWith('doi:')) ?? allKeys.find((k) => k.startsWith('pmid:')) ?? [...allKeys].sort()[0]!,
      title: pick((r) => r.title),
      year: pick((r) => r.year),
      doi: pick((r) => r.doi),
      pmid: pick((r) => r.pmid),
      firstAuthor: pick((r) => r.firstAuthor),
      citations,
    };
    return { work, keys };
  }
}

/** The works listed by at least `minDocuments` of the documents, most cited first: grouped once, from scratch. */
export function sharedWorks(documents: Iterable<readonly [string, readonly SummaryReference[]]>, minDocuments = 2): SharedWork[] {
  const byUri = new Map(documents);
  const index = new WorksIndex({ count: (uri) => byUri.get(uri)!.length, reference: (uri, i) => byUri.get(uri)![i]! }, minDocuments);
  for (const uri of byUri.keys()) index.add(uri);
  return index.works();
}
