/**
 * Finds ligand and target mentions in a parsed document: one Aho–Corasick pass over each block's
 * plain text for the lexicon, a few regular expressions for nomenclature patterns, then the
 * abbreviations the text defines and the names its tables hold.
 *
 * Each block is first read on its own (`./reading.ts`), then the document-wide step decides which
 * definitions and spellings hold (`./document-wide.ts`), then each block's mentions are chosen.
 * Incremental analysis remembers all three, each with what it depends on.
 */
import { Automaton } from './automaton.js';
import type { DocBlock, ParsedDocument } from '../parse/document.js';
import { sourceSpan } from '../quantities/index.js';
import { partitionPoint } from '../sorted.js';
import type { EntityInfo, EntityMention, Table } from '../types.js';
import type { Alias } from './abbreviations.js';
import { type Candidate, selectCandidates } from './candidates.js';
import type { EntityRegistry } from './context.js';
import { type DocumentWide, definesSomething, documentWide } from './document-wide.js';
import { compile, exclusionTest, type Lexicon } from './lexicon.js';
import { atBoundaries, isCaseSensitive, nameKey } from './normalize.js';
import { type BlockReading, readBlock } from './reading.js';
import { tableNamedCells, type TableMemo } from './tables.js';
import { countedPrefixes, numbersCountedThing } from './counted-prefixes.js';
import { readLigandUses } from './ligand-uses.js';
import { CODE_NAME_PATTERN } from './patterns.js';

const CODE_PROVENANCE = `nomenclature pattern: ${CODE_NAME_PATTERN}`;

/** Block kinds whose text is prose (code, math and link definitions are not read). */
const SCANNED = new Set(['heading', 'paragraph', 'list', 'table', 'html', 'blockquote', 'footnoteDefinition']);

interface Scan {
  readonly block: DocBlock;
  /** The block's index in the document. */
  readonly index: number;
  readonly reading: BlockReading;
  /** Whether the block's entities resolve as the block alone defines them (so its mentions may be remembered). */
  ownDefinitions: boolean;
  /** Source offsets, relative to the block, where its entity candidates start (computed when a table asks). */
  candidateStarts?: readonly number[];
}

export interface Recognised {
  mentions: EntityMention[];
  info: Record<string, EntityInfo>;
}

/** Alias matches in one block's plain text: start, end and the alias's index. */
export type AliasHits = readonly (readonly [number, number, number])[];

/** A memo of values by text key. */
export interface KeyedMemo<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

/**
 * What incremental analysis (`../incremental/`) lets the recogniser remember between analyses of
 * one document (all for one lexicon).
 */
export interface RecogniserMemo {
  /** Each block's alias matches, by its plain text, while the aliases stay the same. */
  readonly aliasHits: KeyedMemo<AliasHits>;
  /** What tables name. */
  readonly tables: TableMemo;
  /** The reading of the block at `index`, whose plain text is `text` (from `read` if not remembered). */
  reading(doc: ParsedDocument, index: number, text: string, read: (text: string) => BlockReading): BlockReading;
  /**
   * Declares the spellings the document defines (in order, entities resolved), before the calls
   * below: what each block's mentions depend on besides the block.
   */
  useAliases(aliases: readonly Alias[]): void;
  /** The document-wide result of the last analysis (see `./document-wide.ts`). */
  lastDocumentWide(): DocumentWide | undefined;
  keepDocumentWide(wide: DocumentWide): void;
  /** The alias matcher made by `make` for these aliases (made again when they change). */
  aliasMatcher(make: () => AliasMatcher): AliasMatcher;
  /**
   * The mentions of the block at `index` (from `read` unless remembered with aliases that read
   * the same, or whose changed spelling keys (see {@link aliasKeyReadings}) the block's text lacks).
   */
  mentions<T>(doc: ParsedDocument, index: number, read: (subject: T) => EntityMention[], subject: T): readonly EntityMention[];
  /** Source offsets, relative to the block at `index`, where its entity candidates start. */
  candidateStarts(doc: ParsedDocument, index: number, read: () => number[]): readonly number[];
  /**
   * The entity summaries of `mentions` (from `describe` unless the last analysis had mentions of
   * the same entities written the same way, in the same order, with the same `registry`).
   */
  info(mentions: readonly EntityMention[], registry: EntityRegistry, describe: () => Record<string, EntityInfo>): Record<string, EntityInfo>;
}

/**
 * Finds every ligand and target mention. Mentions are sorted, never overlap and span the source
 * exactly as written. Never throws: on an internal error it returns what it has (or nothing).
 */
export function recogniseEntities(doc: ParsedDocument, tables: readonly Table[], lexicon: Lexicon, memo?: RecogniserMemo): Recognised {
  try {
    return recognise(doc, tables, lexicon, memo);
  } catch {
    return { mentions: [], info: {} };
  }
}

function recognise(doc: ParsedDocument, tables: readonly Table[], lexicon: Lexicon, memo: RecogniserMemo | undefined): Recognised {
  const compiled = compile(lexicon);
  const scans: Scan[] = [];
  const read = (text: string): BlockReading => readBlock(text, compiled);
  for (let index = 0; index < doc.blocks.length; index++) {
    const block = doc.blocks[index]!;
    if (!SCANNED.has(block.kind)) continue;
    // A moved block's own plain reading is made on first use: read the text from where it was parsed.
    const text = (doc.origins?.[index] ?? block).plain.text;
    if (text.length === 0) continue;
    const reading = memo ? memo.reading(doc, index, text, read) : read(text);
    scans.push({ block, index, reading, ownDefinitions: true });
  }

  const defining = scans.filter((scan) => definesSomething(scan.reading));
  const named = tableNamedCells(tables, compiled, (start, end) => coveredInSource(doc, scans, start, end, memo), memo?.tables);
  const wide = documentWide(defining.map((scan) => scan.reading), tables, named, compiled, memo?.lastDocumentWide());
  memo?.keepDocumentWide(wide);
  defining.forEach((scan, i) => (scan.ownDefinitions = wide.own[i]!));
  const { registry, aliases } = wide;
  memo?.useAliases(aliases);
  const make = (): AliasMatcher => aliasMatcher(aliases);
  const matcher = memo ? memo.aliasMatcher(make) : make();
  const mentions: EntityMention[] = [];
  const mentionsOf = (scan: Scan): EntityMention[] => blockMentions(doc, scan, registry, aliases, aliasHits(scan, matcher, memo?.aliasHits));
  for (const scan of scans) {
    const own = memo && scan.ownDefinitions ? memo.mentions(doc, scan.index, mentionsOf, scan) : mentionsOf(scan);
    for (const m of own) mentions.push(m);
  }
  // Blocks come in order and so do their mentions: sort only if something came out of order.
  if (!inOrder(mentions)) mentions.sort((a, b) => a.start - b.start);
  // The reader's "not a ligand/target" wins over every way a mention was recognised.
  const excluded = exclusionTest(lexicon);
  const counted = countedPrefixes(scans.map((scan) => scan.block.plain.text));
  const numbered = (m: EntityMention): boolean => m.source === 'pattern' && registry.get(m.id)?.provenance === CODE_PROVENANCE && numbersCountedThing(m.text, counted);
  const filtered = excluded || counted.size ? mentions.filter((m) => !excluded?.(m.text, m.kind) && !numbered(m)) : mentions;
  const kept = readLigandUses(doc.text, filtered, registry);
  const summarise = (): Record<string, EntityInfo> => describe(kept, registry);
  return { mentions: kept, info: memo ? memo.info(kept, registry, summarise) : summarise() };
}

function inOrder(mentions: readonly EntityMention[]): boolean {
  for (let i = 1; i < mentions.length; i++) if (mentions[i]!.start < mentions[i - 1]!.start) return false;
  return true;
}

function blockMentions(doc: ParsedDocument, scan: Scan, registry: EntityRegistry, aliases: readonly Alias[], hits: AliasHits): EntityMention[] {
  const candidates = scan.reading.candidates.map((c) => resolve(c, registry));
  for (const [start, end, index] of hits) {
    const alias = aliases[index]!;
    candidates.push({ start, end, entity: alias.entity, source: alias.source });
  }
  const urls = scan.reading.scanned.urls;
  const kept = urls.length ? candidates.filter((c) => !urls.some((u) => c.start < u.end && u.start < c.end)) : candidates;
  const mentions: EntityMention[] = [];
  for (const c of selectCandidates(kept)) {
    const mention = toMention(doc, scan.block, c);
    if (mention) mentions.push(mention);
  }
  return mentions;
}

/** A block's candidate with the entity the document keeps under its id. */
function resolve(c: Candidate, registry: EntityRegistry): Candidate {
  if (!c.entity) return c;
  const entity = registry.get(c.entity.id)!;
  const source = c.sourceOfEntity ? (entity.source === 'workspace' ? 'workspace' : 'lexicon') : c.source;
  return { start: c.start, end: c.end, entity, source };
}

/** Finds the spellings the document itself defined in a block's folded and cased match forms. */
export type AliasMatcher = (folded: string, cased: string) => AliasHits;

/** Further mentions of the spellings the document itself defined in one block. */
function aliasHits(scan: Scan, matcher: AliasMatcher, memo: KeyedMemo<AliasHits> | undefined): AliasHits {
  const text = scan.block.plain.text;
  let hits = memo?.get(text);
  if (!hits) {
    hits = matcher(scan.reading.scanned.folded, scan.reading.scanned.cased);
    memo?.set(text, hits);
  }
  return hits;
}

/** One spelling of an alias: the alias's index, and the cased form it must be written in (null: any case). */
interface AliasSpelling {
  readonly index: number;
  readonly cased: string | null;
}

/** The aliases' spellings (each alias and its plural or singular) by folded key, in alias order. */
function aliasSpellings(aliases: readonly Alias[]): Map<string, AliasSpelling[]> {
  const byKey = new Map<string, AliasSpelling[]>();
  aliases.forEach((alias, index) => {
    const spellings = new Set([alias.text]);
    if (/[\p{L}\p{N}]$/u.test(alias.text)) spellings.add(alias.text.endsWith('s') ? alias.text.slice(0, -1) : `${alias.text}s`);
    for (const spelling of spellings) {
      const key = nameKey(spelling, true);
      if (key.length < 2) continue;
      const list = byKey.get(key) ?? [];
      list.push({ index, cased: isCaseSensitive(spelling) || alias.asWritten ? nameKey(spelling, false) : null });
      byKey.set(key, list);
    }
  });
  return byKey;
}

/**
 * For each alias spelling key, everything a match of it turns into (the aliases it may stand for,
 * their case rules and entities as mentions show them). A block whose text holds none of the keys
 * whose reading changed keeps its mentions.
 */
export function aliasKeyReadings(aliases: readonly Alias[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, spellings] of aliasSpellings(aliases)) {
    out.set(
      key,
      spellings
        .map(({ index, cased }) => {
          const a = aliases[index]!;
          return `${cased ?? ''}\u0001${a.source}\u0001${a.entity?.id ?? ''}\u0001${a.entity?.kind ?? ''}\u0001${a.entity?.name ?? ''}`;
        })
        .join('\u0002'),
    );
  }
  return out;
}

/** Blocks matched one by one before an automaton over all spellings pays off. */
const BLOCKS_BEFORE_AUTOMATON = 8;

function aliasMatcher(aliases: readonly Alias[]): AliasMatcher {
  if (aliases.length === 0) return () => [];
  const byKey = aliasSpellings(aliases);
  const keys = [...byKey.keys()];
  let automaton: Automaton | null = null;
  let calls = 0;
  return (folded, cased) => {
    // Few spellings or few blocks: the native indexOf beats building and walking an automaton.
    if (!automaton && keys.length > 32 && ++calls > BLOCKS_BEFORE_AUTOMATON) automaton = new Automaton(keys);
    const matches = automaton ? automaton.matchInText(folded) : indexMatches(folded, keys);
    const hits: (readonly [number, number, number])[] = [];
    for (const m of matches) {
      if (!atBoundaries(folded, m.begin, m.end)) continue;
      const written = cased.slice(m.begin, m.end);
      const hit = byKey.get(m.keyword)?.find((a) => a.cased === null || a.cased === written);
      if (hit) hits.push([m.begin, m.end, hit.index]);
    }
    return hits;
  };
}

function indexMatches(text: string, keys: readonly string[]): { begin: number; end: number; keyword: string }[] {
  const out: { begin: number; end: number; keyword: string }[] = [];
  for (const keyword of keys) {
    for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) out.push({ begin: at, end: at + keyword.length, keyword });
  }
  return out;
}

function coveredInSource(doc: ParsedDocument, scans: Scan[], start: number, end: number, memo: RecogniserMemo | undefined): boolean {
  // Scans are in document order and their blocks do not overlap: start at the first block ending after `start`.
  for (let k = partitionPoint(scans, (scan) => scan.block.end <= start); k < scans.length && scans[k]!.block.start < end; k++) {
    const scan = scans[k]!;
    const at = scan.block.start;
    const read = (): number[] => candidateStarts(scan);
    scan.candidateStarts ??= memo ? memo.candidateStarts(doc, scan.index, read) : read();
    for (const s of scan.candidateStarts) if (at + s >= start && at + s < end) return true;
  }
  return false;
}

/** Where the block's entity candidates start in the source, relative to the block. */
function candidateStarts(scan: Scan): number[] {
  const offsets = scan.block.plain.offsets;
  const starts: number[] = [];
  for (const c of scan.reading.candidates) if (c.entity) starts.push(offsets[c.start]! - scan.block.start);
  return starts;
}

/** Maps a plain-text candidate back to the source; null when it falls in an excluded span. */
function toMention(doc: ParsedDocument, block: DocBlock, c: Candidate): EntityMention | null {
  const offsets = block.plain.offsets;
  // A name that is all a math span shows (`$\mathrm { F G F R } _ { 4 }$`) covers the span whole.
  const { start, end: wide } = sourceSpan(block, c.start, c.end);
  const last = offsets[c.end - 1]!;
  const next = offsets[c.end]!;
  let end = wide;
  if (wide === last + 1 && next > last && next < end) end = next;
  // A superscript written with braces (Ca^{2+}) that the mention ends inside closes with it.
  for (let open = braceDepth(doc.text, start, end); open > 0 && doc.text[end] === '}'; open--) end++;
  if (!(start >= 0 && end > start && end <= doc.text.length)) return null;
  for (const x of block.excluded) {
    // HTML tags never reach the plain text; any other excluded span (code, link destination) does not hold mentions.
    if (x.start < end && start < x.end && doc.text[x.start] !== '<') return null;
  }
  const e = c.entity!;
  return { start, end, kind: e.kind, text: doc.text.slice(start, end), id: e.id, name: e.name, source: c.source };
}

/** Braces opened and not closed in `text` from `start` to `end`. */
function braceDepth(text: string, start: number, end: number): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && depth > 0) depth--;
  }
  return depth;
}

/** How often an entity is written each way, spellings in order of first use. */
interface Tally {
  readonly texts: string[];
  readonly counts: number[];
  /** Spelling → position, once there are too many spellings to search. */
  index?: Map<string, number>;
}

const SEARCHED_SPELLINGS = 8;

function count(tally: Tally, text: string): void {
  const at = tally.index ? (tally.index.get(text) ?? -1) : tally.texts.indexOf(text);
  if (at >= 0) {
    tally.counts[at]!++;
    return;
  }
  tally.index?.set(text, tally.texts.length);
  tally.texts.push(text);
  tally.counts.push(1);
  if (!tally.index && tally.texts.length > SEARCHED_SPELLINGS) tally.index = new Map(tally.texts.map((t, i) => [t, i]));
}

function describe(mentions: readonly EntityMention[], registry: EntityRegistry): Record<string, EntityInfo> {
  // An entity has few spellings: a short array beats a map per entity.
  const spellings = new Map<string, Tally>();
  for (const m of mentions) {
    let tally = spellings.get(m.id);
    if (!tally) spellings.set(m.id, (tally = { texts: [], counts: [] }));
    count(tally, m.text);
  }
  const extraRelated = new Map<string, Set<string>>();
  const relate = (a: string, b: string): void => {
    const set = extraRelated.get(a) ?? new Set<string>();
    set.add(b);
    extraRelated.set(a, set);
  };
  for (const [id, base] of registry.stereoBases) {
    if (spellings.has(id) && spellings.has(base)) {
      relate(id, base);
      relate(base, id);
    }
  }
  for (const id of spellings.keys()) {
    for (const other of registry.get(id)?.related ?? []) if (spellings.has(other)) relate(other, id);
  }
  const info: Record<string, EntityInfo> = {};
  for (const [id, { texts, counts }] of spellings) {
    const def = registry.get(id);
    if (!def) continue;
    const variants = texts.length === 1 ? texts : texts.map((text, i) => [text, counts[i]!] as const).sort((a, b) => b[1] - a[1]).map(([text]) => text);
    const related = [...new Set([...def.related, ...(extraRelated.get(id) ?? [])])].filter((r) => r !== id);
    info[id] = {
      id,
      kind: def.kind,
      name: def.name,
      class: def.class,
      identifiers: def.identifiers,
      source: def.source,
      provenance: def.provenance,
      related,
      variants,
      mentions: counts.reduce((a, b) => a + b, 0),
    };
  }
  return info;
}
