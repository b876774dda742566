/**
 * Finds ligand and target mentions in a parsed document: one Aho–Corasick pass over each block's
 * plain text for the lexicon, a few regular expressions for nomenclature patterns, then the
 * abbreviations the text defines and the names its tables hold.
 */
import { AhoCorasick } from '@monyone/aho-corasick';
import type { DocBlock, ParsedDocument } from '../parse/document.js';
import type { EntityInfo, EntityMention, Table } from '../types.js';
import { type Alias, findAbbreviations, type ScannedBlock } from './abbreviations.js';
import { type BlockText, blockText } from './block-text.js';
import { type Candidate, type EntityDef, selectCandidates } from './candidates.js';
import { EntityRegistry } from './context.js';
import { compile, type Lexicon, lookupName } from './lexicon.js';
import { atBoundaries, isCaseSensitive, nameKey } from './normalize.js';
import { findTableEntities } from './tables.js';

/** Block kinds whose text is prose (code, math and link definitions are not read). */
const SCANNED = new Set(['heading', 'paragraph', 'list', 'table', 'html', 'blockquote', 'footnoteDefinition']);

interface Scan extends ScannedBlock {
  readonly block: DocBlock;
  readonly scanned: BlockText;
}

export interface Recognised {
  mentions: EntityMention[];
  info: Record<string, EntityInfo>;
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

/**
 * What incremental analysis (`../incremental/`) lets the recogniser remember between analyses of
 * one document: the matches of the document's own aliases in each block, by the block's plain
 * text, valid while the set of aliases stays the same.
 */
export interface RecogniserMemo {
  readonly aliases: { get(plainText: string): unknown; set(plainText: string, hits: unknown): void; useContext(context: string): void };
}

function recognise(doc: ParsedDocument, tables: readonly Table[], lexicon: Lexicon, memo: RecogniserMemo | undefined): Recognised {
  const registry = new EntityRegistry(compile(lexicon));
  const scans: Scan[] = [];
  for (const block of doc.blocks) {
    if (!SCANNED.has(block.kind) || block.plain.text.length === 0) continue;
    const scanned = blockText(block.plain.text, registry.lexicon);
    const scan: Scan = { block, scanned, pat: scanned.pat, folded: scanned.folded, candidates: [] };
    lexiconCandidates(scan, registry);
    patternCandidates(scan, registry);
    scans.push(scan);
  }

  const aliases = new Map<string, Alias>();
  for (const scan of scans) findAbbreviations(scan, registry, aliases);
  findTableEntities(tables, registry, (start, end) => coveredInSource(scans, start, end), aliases);
  if (aliases.size > 0) aliasCandidates(scans, [...aliases.values()], memo?.aliases);

  const mentions: EntityMention[] = [];
  for (const scan of scans) {
    const urls = scan.scanned.urls;
    const candidates = urls.length ? scan.candidates.filter((c) => !urls.some((u) => c.start < u.end && u.start < c.end)) : scan.candidates;
    for (const c of selectCandidates(candidates)) {
      const mention = toMention(doc, scan.block, c);
      if (mention) mentions.push(mention);
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, info: describe(mentions, registry) };
}

function lexiconCandidates(scan: Scan, registry: EntityRegistry): void {
  const c = registry.lexicon;
  for (const hit of scan.scanned.lexiconHits) {
    if (hit.entry < 0) {
      scan.candidates.push({ start: hit.start, end: hit.end, entity: null, source: 'lexicon' });
      continue;
    }
    const source = c.entries[hit.entry]!.source === 'workspace' ? 'workspace' : 'lexicon';
    if (hit.stereo) {
      const { def, derived } = registry.stereo(hit.stereo.sign, hit.entry);
      scan.candidates.push({ start: hit.stereo.start, end: hit.end, entity: def, source: derived ? 'pattern' : source });
    } else scan.candidates.push({ start: hit.start, end: hit.end, entity: registry.entry(hit.entry), source });
  }
}

function patternCandidates(scan: Scan, registry: EntityRegistry): void {
  const c = registry.lexicon;
  for (const hit of scan.scanned.patternHits) {
    let entity: EntityDef | undefined;
    let source: Candidate['source'] = 'pattern';
    if (hit.code !== undefined) {
      const known = c.codes.get(hit.code);
      const base = hit.sign && hit.baseCode ? c.codes.get(hit.baseCode) : undefined;
      if (known !== undefined) {
        entity = registry.entry(known);
        source = entity.source === 'workspace' ? 'workspace' : 'lexicon';
      } else if (base !== undefined) entity = registry.stereo(hit.sign!, base).def;
    } else {
      const known = lookupName(c, hit.canonical) ?? lookupName(c, scan.pat.slice(hit.start, hit.end));
      if (known !== undefined) {
        entity = registry.entry(known);
        source = entity.source === 'workspace' ? 'workspace' : 'lexicon';
      }
    }
    scan.candidates.push({ start: hit.start, end: hit.end, entity: entity ?? registry.pattern(hit), source });
  }
}

/** Finds every further mention of the spellings the document itself defined. */
function aliasCandidates(scans: readonly Scan[], aliases: readonly Alias[], memo: RecogniserMemo['aliases'] | undefined): void {
  const byKey = new Map<string, { alias: Alias; index: number; cased: string | null }[]>();
  aliases.forEach((alias, index) => {
    const spellings = new Set([alias.text]);
    if (/[\p{L}\p{N}]$/u.test(alias.text)) spellings.add(alias.text.endsWith('s') ? alias.text.slice(0, -1) : `${alias.text}s`);
    for (const spelling of spellings) {
      const key = nameKey(spelling, true);
      if (key.length < 2) continue;
      const list = byKey.get(key) ?? [];
      list.push({ alias, index, cased: isCaseSensitive(spelling) ? nameKey(spelling, false) : null });
      byKey.set(key, list);
    }
  });
  // Remembered matches (start, end, alias index) hold only while the aliases are the same.
  memo?.useContext(aliases.map((a) => `${a.text}\u0001${a.source}\u0001${a.entity.id}\u0001${a.entity.provenance}`).join('\u0002'));
  // Few spellings: the native indexOf beats walking an automaton over the whole text.
  const keys = [...byKey.keys()];
  let automaton: AhoCorasick | null | undefined;
  for (const scan of scans) {
    let hits = memo?.get(scan.block.plain.text) as readonly (readonly [number, number, number])[] | undefined;
    if (!hits) {
      if (automaton === undefined) automaton = keys.length > 32 ? new AhoCorasick(keys) : null;
      const matches = automaton ? automaton.matchInText(scan.folded) : indexMatches(scan.folded, keys);
      const found: (readonly [number, number, number])[] = [];
      for (const m of matches) {
        if (!atBoundaries(scan.folded, m.begin, m.end)) continue;
        const written = scan.scanned.cased.slice(m.begin, m.end);
        const hit = byKey.get(m.keyword)?.find((a) => a.cased === null || a.cased === written);
        if (hit) found.push([m.begin, m.end, hit.index]);
      }
      hits = found;
      memo?.set(scan.block.plain.text, found);
    }
    for (const [start, end, index] of hits) {
      const alias = aliases[index]!;
      scan.candidates.push({ start, end, entity: alias.entity, source: alias.source });
    }
  }
}

function indexMatches(text: string, keys: readonly string[]): { begin: number; end: number; keyword: string }[] {
  const out: { begin: number; end: number; keyword: string }[] = [];
  for (const keyword of keys) {
    for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) out.push({ begin: at, end: at + keyword.length, keyword });
  }
  return out;
}

function coveredInSource(scans: readonly Scan[], start: number, end: number): boolean {
  // Scans are in document order and their blocks do not overlap: start at the first block ending after `start`.
  let lo = 0;
  let hi = scans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (scans[mid]!.block.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < scans.length && scans[k]!.block.start < end; k++) {
    const scan = scans[k]!;
    if (scan.block.end <= start) continue;
    const offsets = scan.block.plain.offsets;
    for (const c of scan.candidates) {
      if (!c.entity) continue;
      const at = offsets[c.start]!;
      if (at >= start && at < end) return true;
    }
  }
  return false;
}

/** Maps a plain-text candidate back to the source; null when it falls in an excluded span. */
function toMention(doc: ParsedDocument, block: DocBlock, c: Candidate): EntityMention | null {
  const offsets = block.plain.offsets;
  const start = offsets[c.start]!;
  const last = offsets[c.end - 1]!;
  const next = offsets[c.end]!;
  let end = last + 1;
  if (next > last && next < end) end = next;
  if (!(start >= 0 && end > start && end <= doc.text.length)) return null;
  for (const x of block.excluded) {
    // HTML tags never reach the plain text; any other excluded span (code, link destination) does not hold mentions.
    if (x.start < end && start < x.end && doc.text[x.start] !== '<') return null;
  }
  const e = c.entity!;
  return { start, end, kind: e.kind, text: doc.text.slice(start, end), id: e.id, name: e.name, source: c.source };
}

function describe(mentions: readonly EntityMention[], registry: EntityRegistry): Record<string, EntityInfo> {
  const spellings = new Map<string, Map<string, number>>();
  for (const m of mentions) {
    const counts = spellings.get(m.id) ?? new Map<string, number>();
    counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
    spellings.set(m.id, counts);
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
  for (const [id, counts] of spellings) {
    const def = registry.get(id);
    if (!def) continue;
    const variants = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([text]) => text);
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
      mentions: [...counts.values()].reduce((a, b) => a + b, 0),
    };
  }
  return info;
}
