/** Ligand and target mentions, with what the recogniser may remember between versions. */
import {
  type Alias,
  type AliasHits,
  aliasKeyReadings,
  type AliasMatcher,
  type BlockReading,
  type CellReading,
  type DocumentWide,
  type Lexicon,
  type NamedCell,
  type Recognised,
  recogniseEntities,
  type RecogniserMemo,
} from '../entities/index.js';
import type { DocBlock, ParsedDocument } from '../parse/index.js';
import type { EntityInfo, EntityMention, Table } from '../types.js';
import { blockKeys } from './blocks.js';
import type { IncrementalState } from './state.js';
import { tableReading } from './tables.js';

/**
 * What is remembered on a block as parsed at the start of its chunk (the same object while the
 * chunk's text is unchanged, wherever it moves): found by identity, without hashing any text.
 */
interface OnOrigin {
  reading?: BlockReading;
  starts?: readonly number[];
  /** The block's mentions relative to its start, found with (or still right for) the alias set numbered `version`. */
  relative?: readonly EntityMention[];
  version?: number;
  /** The mentions last placed, and where. */
  placed?: readonly EntityMention[];
  at?: number;
}

/** What a document's entity memos hold besides its text memos, and the lexicon they were made with. */
interface Remembered {
  readonly lexicon: Lexicon;
  readonly onOrigin: WeakMap<DocBlock, OnOrigin>;
  /** A table's named cells by the reading it came from (see `./tables.ts`). */
  readonly namedCells: WeakMap<object, readonly NamedCell[]>;
  /** The aliases of the last analysis, and an object standing for them in the text memos' context. */
  aliases?: readonly Alias[];
  context?: object;
  /** What each alias spelling key reads as (see `aliasKeyReadings`). */
  keyReadings?: ReadonlyMap<string, string>;
  /** The keys that read differently than with the alias set before (null: too many to check). */
  changedKeys?: readonly string[] | null;
  /** Counts the alias sets seen, so that an origin's mentions know which one they were found with. */
  version: number;
  matcher?: AliasMatcher;
  documentWide?: DocumentWide;
  /** The last entity summaries, and what they were made from. */
  summaries?: { readonly mentions: readonly EntityMention[]; readonly registry: object; readonly info: Record<string, EntityInfo> };
}

const rememberedOf = new WeakMap<IncrementalState, Remembered>();

/** The same mentions as `recogniseEntities(doc, tables, lexicon)`. */
export function entitiesByBlock(doc: ParsedDocument, tables: readonly Table[], lexicon: Lexicon, state: IncrementalState | undefined): Recognised {
  if (!state) return recogniseEntities(doc, tables, lexicon);
  const readings = state.memo<BlockReading>('entity-readings');
  const aliasHits = state.memo<AliasHits>('entity-aliases');
  const cells = state.memo<CellReading>('entity-cells');
  const mentions = state.memo<readonly EntityMention[]>('entity-mentions');
  const starts = state.memo<readonly number[]>('entity-candidate-starts');
  // Everything remembered holds only for the lexicon it was made with.
  let remembered = rememberedOf.get(state);
  if (remembered?.lexicon !== lexicon) {
    for (const memo of [readings, aliasHits, cells, mentions, starts]) memo.clear();
    rememberedOf.set(state, (remembered = { lexicon, onOrigin: new WeakMap(), namedCells: new WeakMap(), version: 0 }));
  }
  const r = remembered;
  // The recogniser asks about a block up to three times: look its origin up once.
  const byIndex = new Array<OnOrigin | undefined>(doc.blocks.length);
  const onOrigin = (index: number): OnOrigin => {
    let found = byIndex[index];
    if (found) return found;
    const origin = doc.origins?.[index];
    found = origin && r.onOrigin.get(origin);
    if (!found) {
      found = {};
      if (origin) r.onOrigin.set(origin, found);
    }
    return (byIndex[index] = found);
  };
  const memo: RecogniserMemo = {
    aliasHits,
    tables: {
      cells,
      // A table read the same way covers the same blocks, whose candidates decide which cells name something new.
      namedCells(table, read) {
        const reading = tableReading(table);
        if (!reading) return read();
        let named = r.namedCells.get(reading);
        if (!named) r.namedCells.set(reading, (named = read()));
        return named;
      },
    },
    reading(doc, index, text, read) {
      const o = onOrigin(index);
      if (o.reading) return o.reading;
      let reading = readings.get(text);
      if (!reading) readings.set(text, (reading = read(text)));
      return (o.reading = reading);
    },
    useAliases(aliases) {
      if (!r.aliases || !sameAliases(r.aliases, aliases)) {
        const keyReadings = aliasKeyReadings(aliases);
        r.changedKeys = r.keyReadings ? changedKeys(r.keyReadings, keyReadings) : null;
        r.keyReadings = keyReadings;
        r.aliases = aliases;
        r.context = {};
        r.version++;
        r.matcher = undefined;
      }
      aliasHits.useContext(r.context);
      mentions.useContext(r.context);
    },
    lastDocumentWide: () => r.documentWide,
    keepDocumentWide(wide) {
      r.documentWide = wide;
    },
    aliasMatcher(make) {
      return (r.matcher ??= make());
    },
    mentions(doc, index, read, subject) {
      const block = doc.blocks[index]!;
      const o = onOrigin(index);
      if (o.relative && o.version === r.version - 1 && unaffected(o, r.changedKeys)) o.version = r.version;
      if (o.version !== r.version || !o.relative) {
        const key = blockKeys(doc)[index]!;
        let relative = mentions.get(key);
        if (relative === undefined) mentions.set(key, (relative = read(subject).map((m) => moved(m, -block.start))));
        o.relative = relative;
        o.version = r.version;
        o.placed = undefined;
      }
      if (o.at !== block.start || !o.placed) {
        o.placed = o.relative.map((m) => moved(m, block.start));
        o.at = block.start;
      }
      return o.placed;
    },
    info(mentions, registry, describe) {
      const last = r.summaries;
      if (last && last.registry === registry && sameSpellings(last.mentions, mentions)) return last.info;
      const info = describe();
      r.summaries = { mentions, registry, info };
      return info;
    },
    candidateStarts(doc, index, read) {
      const o = onOrigin(index);
      if (o.starts) return o.starts;
      const key = blockKeys(doc)[index]!;
      let found = starts.get(key);
      if (found === undefined) starts.set(key, (found = read()));
      return (o.starts = found);
    },
  };
  return recogniseEntities(doc, tables, lexicon, memo);
}

/** Whether two mention lists name the same entities written the same way, in the same order (what summaries count). */
function sameSpellings(a: readonly EntityMention[], b: readonly EntityMention[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id || a[i]!.text !== b[i]!.text) return false;
  return true;
}

function moved(m: EntityMention, by: number): EntityMention {
  return { start: m.start + by, end: m.end + by, kind: m.kind, text: m.text, id: m.id, name: m.name, source: m.source };
}

/** Whether two alias lists find the same mentions: same spellings in the same order, for entities that show the same. */
function sameAliases(a: readonly Alias[], b: readonly Alias[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.text !== y.text || x.source !== y.source || x.entity?.id !== y.entity?.id || x.entity?.kind !== y.entity?.kind || x.entity?.name !== y.entity?.name) return false;
  }
  return true;
}

/** Beyond this many changed spelling keys, checking every block's text for them costs more than reading the blocks again. */
const MOST_CHANGED_KEYS = 16;

/** The spelling keys that read differently (added, removed or changed); null when too many. */
function changedKeys(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): readonly string[] | null {
  const changed: string[] = [];
  for (const [key, reading] of after) if (before.get(key) !== reading) changed.push(key);
  for (const key of before.keys()) if (!after.has(key)) changed.push(key);
  return changed.length > MOST_CHANGED_KEYS ? null : changed;
}

/**
 * Whether a block's mentions found with the previous alias set still hold: its text (in the
 * folded form aliases are matched in) holds none of the keys that read differently now.
 */
function unaffected(o: OnOrigin, changed: readonly string[] | null | undefined): boolean {
  if (!changed || !o.reading) return false;
  const folded = o.reading.scanned.folded;
  return !changed.some((key) => folded.includes(key));
}
