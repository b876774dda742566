/**
 * Merging with precedence: the hand-curated layer first, then HGNC, DrugBank and the Guide to
 * Pharmacology. An entry names the same entity as an earlier one when an identifier or a name
 * ties them (HGNC id, UniProt, IUPHAR id, or an identical name of the same kind); it then adds
 * its spellings and identifiers to that entity instead of making a new one.
 */
import { slug } from '../../entities/normalize.js';
import { isChemicalName } from './filters.js';
import type { HandLayer } from './hand.js';
import { databaseVariantKeys, foldedOf, storedKey } from './keys.js';
import type { BuildKind, SourceEntry, SourceId } from './types.js';

/** Order in which the compiled files are loaded (and an entity's creator is chosen). */
export const SOURCE_ORDER: readonly SourceId[] = ['hgnc', 'drugbank', 'gtopdb'];

export interface Entity {
  readonly id: string;
  kind: BuildKind;
  /** `hand` when the entity is a hand-curated entry, else the source that created it. */
  readonly creator: 'hand' | SourceId;
  /** What each source says of it, in the order merged. */
  readonly parts: SourceEntry[];
}

export interface Merged {
  readonly entities: Entity[];
}

interface Index {
  readonly byId: Map<string, Entity>;
  /** `hgnc:HGNC:1`, `uniprot:P1`, `iuphar-ligand:1`, … → entity. */
  readonly byIdentifier: Map<string, Entity>;
  /** `kind|folded key` → entities with that key as a name (several: ambiguous, not used). */
  readonly byName: Map<string, Set<Entity>>;
}

export function mergeSources(hand: HandLayer, sources: Readonly<Record<SourceId, readonly SourceEntry[]>>): Merged {
  const index: Index = { byId: new Map(), byIdentifier: new Map(), byName: new Map() };
  const entities: Entity[] = [];
  const handEntity = new Map<Entity, (typeof hand.entries)[number]>();
  for (const h of hand.entries) {
    const e: Entity = { id: h.id, kind: h.kind, creator: 'hand', parts: [] };
    entities.push(e);
    handEntity.set(e, h);
    index.byId.set(e.id, e);
    for (const [k, v] of Object.entries(h.identifiers)) indexIdentifier(index, h.kind, k, v, e);
    for (const key of h.keys) addName(index, h.kind, foldedOf(key), e);
  }
  for (const source of SOURCE_ORDER) {
    for (const entry of sources[source]) {
      const found = link(index, entry);
      if (found) {
        found.parts.push(entry);
      } else {
        const kind = entry.kind === 'ligand' && isChemicalName(entry.name) ? 'chemical' : entry.kind;
        const e: Entity = { id: newId(index, kind, entry), kind, creator: source, parts: [entry] };
        entities.push(e);
        index.byId.set(e.id, e);
        // Only a created entity's own names link later entries to it.
        for (const s of entry.spellings) if (s.role === 'name' || s.role === 'symbol') addName(index, kind, foldedOf(storedKey(s.text)), e);
      }
      const target = found ?? entities[entities.length - 1]!;
      for (const [k, v] of Object.entries(entry.identifiers)) indexIdentifier(index, target.kind, k, v, target);
    }
  }
  return { entities };
}

function indexIdentifier(index: Index, kind: BuildKind, key: string, value: string, e: Entity): void {
  const k = identifierKey(kind, key, value);
  if (k && !index.byIdentifier.has(k)) index.byIdentifier.set(k, e);
}

/** Identifiers that tie entries together (IUPHAR ids are per kind: ligand 1 is not target 1). */
function identifierKey(kind: BuildKind, key: string, value: string): string | null {
  switch (key) {
    case 'hgnc':
      return `hgnc:${value.startsWith('HGNC:') ? value : `HGNC:${value}`}`;
    case 'uniprot':
    case 'pubchem':
    case 'chebi':
    case 'drugbank':
      return `${key}:${value}`;
    case 'iuphar':
      return `iuphar-${kind === 'target' ? 'target' : 'ligand'}:${value}`;
    default:
      return null;
  }
}

function addName(index: Index, kind: BuildKind, folded: string, e: Entity): void {
  const k = `${kind === 'target' ? 'target' : 'ligand'}|${folded}`;
  const set = index.byName.get(k) ?? new Set<Entity>();
  set.add(e);
  index.byName.set(k, set);
}

/** The entity an entry names, if an earlier one does: by identifier first, then by a unique name. */
function link(index: Index, entry: SourceEntry): Entity | undefined {
  for (const [k, v] of Object.entries(entry.identifiers)) {
    const id = identifierKey(entry.kind, k, v);
    const e = id ? index.byIdentifier.get(id) : undefined;
    if (e && sameKind(e.kind, entry.kind)) return e;
  }
  for (const l of entry.links ?? []) {
    if (!l.startsWith('hgnc:')) continue;
    const e = index.byIdentifier.get(l);
    if (e && sameKind(e.kind, entry.kind)) return e;
  }
  const names = entry.spellings.filter((s) => s.role === 'name' || s.role === 'symbol');
  for (const s of names) {
    const set = index.byName.get(`${entry.kind === 'target' ? 'target' : 'ligand'}|${foldedOf(storedKey(s.text, s.role === 'symbol'))}`);
    if (set?.size === 1) return [...set][0];
  }
  return undefined;
}

function sameKind(a: BuildKind, b: BuildKind): boolean {
  return (a === 'target') === (b === 'target');
}

function newId(index: Index, kind: BuildKind, entry: SourceEntry): string {
  const base = `${kind}:${slug(entry.name)}`;
  if (!index.byId.has(base)) return base;
  const qualified = `${base}-${slug(entry.source === 'gtopdb' ? `gtopdb ${entry.key}` : entry.key)}`;
  return index.byId.has(qualified) ? `${qualified}-${index.byId.size}` : qualified;
}

/** Every key a part of an entity contributes, with the spelling it came from. */
export function partKeys(kind: BuildKind, part: SourceEntry): { key: string; text: string; role: SourceEntry['spellings'][number]['role'] }[] {
  const out: { key: string; text: string; role: SourceEntry['spellings'][number]['role'] }[] = [];
  const seen = new Set<string>();
  const runtimeKind = kind === 'target' ? 'target' : 'ligand';
  for (const s of part.spellings) {
    const symbolic = s.role === 'symbol' || s.role === 'alias-symbol' || s.role === 'previous-symbol';
    for (const key of databaseVariantKeys(s.text, runtimeKind, symbolic, s.role === 'symbol')) {
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ key, text: s.text, role: s.role });
    }
  }
  return out;
}
