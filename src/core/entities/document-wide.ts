/**
 * The document-wide step of recognition: which definition of each entity the document keeps
 * (the first), the spellings it defines (the first definition of each wins) and the entities its
 * tables name. It depends only on the blocks' own readings that define something, in order, and
 * on the tables' named cells: when those are the same as in the last analysis, its result is too.
 */
import type { Alias } from './abbreviations.js';
import type { EntityDef } from './candidates.js';
import { EntityRegistry, type RegistryJournal } from './context.js';
import type { CompiledLexicon } from './lexicon.js';
import type { BlockReading } from './reading.js';
import { addTableEntities, type NamedCell } from './tables.js';
import type { Table } from '../types.js';

export interface DocumentWide {
  /** The readings of the blocks that define something, in document order. */
  readonly readings: readonly BlockReading[];
  /** For each of them, whether its entities resolve as it alone defines them. */
  readonly own: readonly boolean[];
  /** Each table's named cells. */
  readonly named: readonly (readonly NamedCell[])[];
  readonly registry: EntityRegistry;
  /** The spellings the document defines, in order, with the entity the document keeps for each. */
  readonly aliases: readonly Alias[];
}

/** Whether a block's reading defines anything beyond its own text. */
export function definesSomething(reading: BlockReading): boolean {
  return reading.matched.length > 0 || reading.defined.length > 0 || reading.aliases.length > 0;
}

/**
 * The document-wide result for `readings` (those that define something, in order) and the tables'
 * named cells: `last` again when it was made from the same, else built anew.
 */
export function documentWide(
  readings: readonly BlockReading[],
  tables: readonly Table[],
  named: readonly (readonly NamedCell[])[],
  lexicon: CompiledLexicon,
  last: DocumentWide | undefined,
): DocumentWide {
  if (last && last.registry.lexicon === lexicon && sameLists(last.named, named) && sameReadings(last.readings, readings)) return { ...last, readings };
  // Replayed in the order a reading of the whole document makes them: every block's matches, then every block's definitions.
  const registry = new EntityRegistry(lexicon);
  const own = readings.map((r) => registry.replay(r.matched));
  readings.forEach((r, i) => {
    if (!registry.replay(r.defined)) own[i] = false;
  });
  const found = new Map<string, Alias>();
  for (const reading of readings) for (const alias of reading.aliases) if (!found.has(alias.text)) found.set(alias.text, alias);
  addTableEntities(tables, named, registry, found);
  const aliases = [...found.values()].map((a) => ({ ...a, entity: a.entity && registry.get(a.entity.id)! }));
  return { readings, own, named, registry, aliases };
}

function sameLists(a: readonly (readonly NamedCell[])[], b: readonly (readonly NamedCell[])[]): boolean {
  return a.length === b.length && a.every((list, i) => list === b[i]);
}

/** The same readings, or readings of edited blocks that define the very same things. */
function sameReadings(a: readonly BlockReading[], b: readonly BlockReading[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (!sameJournal(x.matched, y.matched) || !sameJournal(x.defined, y.defined)) return false;
    if (x.aliases.length !== y.aliases.length || x.aliases.some((alias, k) => !sameAlias(alias, y.aliases[k]!))) return false;
  }
  return true;
}

function sameJournal(a: RegistryJournal, b: RegistryJournal): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (Array.isArray(x) || Array.isArray(y)) {
      if (!Array.isArray(x) || !Array.isArray(y) || x[0] !== y[0] || x[1] !== y[1]) return false;
    } else if (!sameDef(x as EntityDef, y as EntityDef)) return false;
  }
  return true;
}

function sameAlias(a: Alias, b: Alias): boolean {
  return a.text === b.text && a.source === b.source && a.entity?.id === b.entity?.id;
}

/** Equal in every field the analysis shows. */
function sameDef(a: EntityDef, b: EntityDef): boolean {
  if (a === b) return true;
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.name === b.name &&
    a.class === b.class &&
    a.source === b.source &&
    a.provenance === b.provenance &&
    JSON.stringify(a.identifiers) === JSON.stringify(b.identifiers) &&
    JSON.stringify(a.related) === JSON.stringify(b.related)
  );
}
