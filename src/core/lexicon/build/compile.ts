/**
 * From merged entities to the compiled files: each key judged by the filters and claimed by one
 * entity (ties between entities make it weak), then one file per source, every line one record.
 *
 * A record as written: `[id, kind, name, class, identifiers, weak, extends]` — kind `l`/`t`/`c`
 * (ligand, target, chemical); `class` an index into `classes` or -1; identifiers as
 * `key=value|key=value`; `weak` spellings that never make a mention on their own (the
 * recogniser may use them in context); its keys are in the file's key index ({@link keyIndex});
 * `extends` the id of the entity the record adds to (a hand-curated entry or one of an earlier file), in
 * which case `name`/`class` replace the entity's own only when given (never a hand entry's).
 */
import { judgeSpelling, priority, usableForm } from './filters.js';
import type { HandLayer } from './hand.js';
import { foldedOf } from './keys.js';
import { type Entity, partKeys, SOURCE_ORDER } from './merge.js';
import type { SourceEntry, SourceId } from './types.js';

export const FORMAT = 3;

/** Identifiers kept in the compiled files (the ones the hover links or that tie entries). */
const KEPT_IDENTIFIERS = ['hgnc', 'uniprot', 'iuphar', 'entrez', 'ensembl', 'drugbank', 'pubchem', 'chebi', 'cas', 'inchikey'];

export interface SourceMeta {
  readonly source: SourceId;
  readonly title: string;
  readonly version: string;
  readonly licence: string;
  readonly attribution: string;
  /** Shown to users as where a name came from, e.g. "HGNC 2018-11-07". */
  readonly provenance: string;
}

export type CompiledRecord = [string, string, string, number, string, string[], string[], string?];

export interface CompiledFile {
  readonly meta: SourceMeta;
  readonly classes: string[];
  readonly records: CompiledRecord[];
}

interface Claim {
  readonly entity: Entity;
  readonly part: SourceEntry;
  readonly text: string;
  readonly priority: number;
}

export function compileFiles(entities: readonly Entity[], hand: HandLayer, ranks: ReadonlyMap<string, number>, metas: Readonly<Record<SourceId, SourceMeta>>): CompiledFile[] {
  const handFolded = new Set<string>();
  for (const h of hand.entries) for (const k of h.keys) handFolded.add(foldedOf(k));
  for (const k of hand.blocked) handFolded.add(foldedOf(k));

  const claims = new Map<string, Claim[]>();
  const weak = new Map<SourceEntry, Set<string>>();
  const addWeak = (part: SourceEntry, text: string): void => {
    const set = weak.get(part) ?? new Set<string>();
    set.add(text);
    weak.set(part, set);
  };
  for (const entity of entities) {
    for (const part of entity.parts) {
      for (const { key, text, role } of partKeys(entity.kind, part)) {
        if (!usableForm(key) || handFolded.has(foldedOf(key))) continue;
        if (judgeSpelling(text, role, ranks) !== 'keep') {
          addWeak(part, text);
          continue;
        }
        const list = claims.get(key) ?? [];
        list.push({ entity, part, text, priority: priority(role) });
        claims.set(key, list);
      }
    }
  }
  const keysOf = new Map<SourceEntry, string[]>();
  for (const [key, list] of claims) {
    const best = Math.min(...list.map((c) => c.priority));
    let winners = list.filter((c) => c.priority === best);
    // A gene's name that a database also lists as a ligand (EGF, insulin: the peptide it encodes)
    // goes to the gene product; the ligand keeps it weak, for context to decide.
    const entities = new Set(winners.map((c) => c.entity));
    if (entities.size === 2) {
      const gene = winners.filter((c) => c.part.source === 'hgnc' && c.entity.kind === 'target');
      if (gene.length > 0 && winners.every((c) => c.entity === gene[0]!.entity || c.entity.kind !== 'target')) {
        for (const c of winners) if (c.entity !== gene[0]!.entity) addWeak(c.part, c.text);
        winners = gene;
      }
    }
    if (new Set(winners.map((c) => c.entity)).size > 1) {
      for (const c of winners) addWeak(c.part, c.text);
      continue;
    }
    const part = winners[0]!.part;
    const keys = keysOf.get(part) ?? [];
    keys.push(key);
    keysOf.set(part, keys);
  }

  const files = new Map<SourceId, CompiledFile>();
  const classIndex = new Map<SourceId, Map<string, number>>();
  for (const source of SOURCE_ORDER) {
    files.set(source, { meta: metas[source], classes: [], records: [] });
    classIndex.set(source, new Map());
  }
  const classOf = (source: SourceId, cls: string | null): number => {
    if (!cls) return -1;
    const idx = classIndex.get(source)!;
    let at = idx.get(cls);
    if (at === undefined) {
      at = files.get(source)!.classes.length;
      files.get(source)!.classes.push(cls);
      idx.set(cls, at);
    }
    return at;
  };
  const kindCode = (e: Entity): string => (e.kind === 'target' ? 't' : e.kind === 'chemical' ? 'c' : 'l');
  for (const entity of entities) {
    const gtopdb = entity.parts.find((p) => p.source === 'gtopdb');
    entity.parts.forEach((part, i) => {
      const creates = entity.creator !== 'hand' && i === 0;
      // A Guide to Pharmacology name and class replace those of an entity a database created.
      const overrides = !creates && entity.creator !== 'hand' && part === gtopdb;
      const named = creates || overrides;
      const ids = KEPT_IDENTIFIERS.filter((k) => part.identifiers[k]).map((k) => `${k}=${part.identifiers[k]}`).join('|');
      const record: CompiledRecord = [
        entity.id,
        kindCode(entity),
        named ? part.name : '',
        named ? classOf(part.source, part.class) : -1,
        ids,
        (keysOf.get(part) ?? []).sort(),
        [...(weak.get(part) ?? [])].sort(),
      ];
      if (!creates) record.push(entity.id);
      files.get(part.source)!.records.push(record);
    });
  }
  return [...files.values()];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The key index of a file, for lookup by binary search (nothing to build when loading): the
 * case-insensitive keys sorted (by UTF-16 code units, one a line) with the records that own them,
 * the same for the keys that must match as written, and the first word of every key with the most
 * words a key starting with it has.
 */
export function keyIndex(file: CompiledFile): { keys: string; owners: number[]; cased: string; casedOwners: number[]; starts: string; startWords: number[] } {
  const folded: [string, number][] = [];
  const cased: [string, number][] = [];
  const starts = new Map<string, number>();
  file.records.forEach((r, i) => {
    for (const key of r[5]) {
      (key.startsWith('^') ? cased : folded).push([key.startsWith('^') ? key.slice(1) : key, i]);
      const words = foldedOf(key).match(/[\p{L}\p{N}]+/gu) ?? [];
      const first = words[0] ?? '';
      if ((starts.get(first) ?? 0) < words.length) starts.set(first, words.length);
    }
  });
  folded.sort((a, b) => byCodeUnits(a[0], b[0]) || a[1] - b[1]);
  cased.sort((a, b) => byCodeUnits(a[0], b[0]) || a[1] - b[1]);
  const first = [...starts].sort((a, b) => byCodeUnits(a[0], b[0]));
  // Keys hold no line break (usableForm); one string of lines parses as one value, not 100,000.
  return {
    keys: folded.map((k) => k[0]).join('\n'),
    owners: folded.map((k) => k[1]),
    cased: cased.map((k) => k[0]).join('\n'),
    casedOwners: cased.map((k) => k[1]),
    starts: first.map((k) => k[0]).join('\n'),
    startWords: first.map((k) => k[1]),
  };
}

/**
 * A compiled file as text, in columns (one array per field: parsing makes a few large arrays,
 * not one small array per record): `ids`, `kinds` (one letter per record), `names`, `classOf`,
 * `identifiers`, `extends` and `weak` as `[record, …]` pairs, then the key index. Stable bytes
 * for the same input.
 */
export function serialise(file: CompiledFile): string {
  const r = file.records;
  const columns = {
    ids: r.map((x) => x[0]),
    kinds: r.map((x) => x[1]).join(''),
    names: r.map((x) => x[2]),
    classOf: r.map((x) => x[3]),
    identifiers: r.map((x) => x[4]),
    extends: r.flatMap((x, i) => (x[7] === undefined ? [] : [[i, x[7]]])),
    weak: r.flatMap((x, i) => (x[6].length === 0 ? [] : [[i, x[6]]])),
    ...keyIndex(file),
  };
  const lines = ['{', `"format": ${FORMAT},`, `"meta": ${JSON.stringify(file.meta)},`, `"classes": ${JSON.stringify(file.classes)},`];
  const fields = Object.entries(columns);
  fields.forEach(([k, v], i) => lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}${i < fields.length - 1 ? ',' : ''}`));
  lines.push('}', '');
  return lines.join('\n');
}
