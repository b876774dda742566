/** The entities one analysis comes to know, created once each and shared by their mentions. */
import type { EntityKind } from '../types.js';
import type { EntityDef } from './candidates.js';
import type { CompiledLexicon, LexiconEntry } from './lexicon.js';
import { slug } from './normalize.js';
import type { PatternHit } from './patterns.js';
import { signSlug } from './patterns.js';

/**
 * What a registry did, in order: each entity it created and each stereo base it set. Replaying
 * the journals of blocks read on their own, in document order, rebuilds the registry of the whole
 * document (see {@link EntityRegistry.replay}).
 */
export type RegistryJournal = readonly (EntityDef | StereoBase)[];
type StereoBase = readonly [id: string, base: string];

export class EntityRegistry {
  private readonly defs = new Map<string, EntityDef>();
  /** Code-name entities with a stereo descriptor → the id their undescribed form would have. */
  readonly stereoBases = new Map<string, string>();
  private readonly journal: (EntityDef | StereoBase)[] = [];

  constructor(readonly lexicon: CompiledLexicon) {}

  get(id: string): EntityDef | undefined {
    return this.defs.get(id);
  }

  /** Everything done since the `from`th journal step. */
  journalFrom(from: number): RegistryJournal {
    return this.journal.slice(from);
  }

  /**
   * Does again what another registry's journal records: an entity already known keeps its first
   * definition. Returns false when such a definition differs in what a mention shows or how it
   * ranks (kind, name, source), i.e. the journal's owner reads differently in this document.
   */
  replay(journal: RegistryJournal): boolean {
    let same = true;
    for (const step of journal) {
      if (isStereoBase(step)) {
        this.setStereoBase(step[0], step[1]);
        continue;
      }
      const known = this.defs.get(step.id);
      if (!known) this.adopt(step);
      else if (known !== step && (known.kind !== step.kind || known.name !== step.name || known.source !== step.source)) same = false;
    }
    return same;
  }

  /** The entity of a lexicon entry. */
  entry(index: number): EntityDef {
    const e = this.lexicon.entries[index]!;
    return this.remember(e.id, () => fromEntry(e));
  }

  /** The stereo-isomer `sign` of a lexicon entry: its own entry if the lexicon has one, else derived. */
  stereo(sign: string, baseIndex: number): { def: EntityDef; derived: boolean } {
    const base = this.lexicon.entries[baseIndex]!;
    const known = this.lexicon.stereo.get(`${sign}|${base.id}`);
    if (known !== undefined) return { def: this.entry(known), derived: false };
    const local = base.id.slice(base.kind.length + 1);
    const id = `${base.kind}:${signSlug(sign)}-${local}`;
    const def = this.remember(id, () => ({
      id,
      kind: base.kind,
      name: `(${sign})-${base.name}`,
      class: base.class,
      identifiers: {},
      related: [base.id],
      source: 'pattern',
      provenance: `stereo descriptor (${sign}) written before ${base.name}, an entry of the ${base.provenance}`,
    }));
    return { def, derived: true };
  }

  /** An entity found only by a nomenclature pattern. */
  pattern(hit: PatternHit): EntityDef {
    const id = hit.code !== undefined
      ? `ligand:${hit.sign ? `${signSlug(hit.sign)}-` : ''}${hit.code.slice(hit.code.indexOf('|') + 1).toLowerCase()}`
      : `${hit.kind}:${slug(hit.canonical)}`;
    if (hit.sign && hit.baseCode) this.setStereoBase(id, `ligand:${hit.baseCode.slice(1).toLowerCase()}`);
    return this.remember(id, () => ({
      id,
      kind: hit.kind,
      name: hit.canonical,
      class: hit.class,
      identifiers: {},
      related: hit.related,
      source: 'pattern',
      provenance: `nomenclature pattern: ${hit.pattern}`,
    }));
  }

  /** An entity named by a cell of the document's own table (`id` from {@link tableEntityId}). */
  table(kind: EntityKind, name: string, id: string, provenance: () => string): EntityDef {
    return this.remember(id, () => ({ id, kind, name, class: null, identifiers: {}, related: [], source: 'table', provenance: provenance() }));
  }

  private remember(id: string, make: () => EntityDef): EntityDef {
    let def = this.defs.get(id);
    if (!def) this.adopt((def = make()));
    return def;
  }

  private adopt(def: EntityDef): void {
    this.defs.set(def.id, def);
    this.journal.push(def);
  }

  private setStereoBase(id: string, base: string): void {
    this.stereoBases.set(id, base);
    this.journal.push([id, base]);
  }
}

function isStereoBase(step: EntityDef | StereoBase): step is StereoBase {
  return Array.isArray(step);
}

/** The id of the entity a table cell naming `name` in a column of `kind` stands for. */
export function tableEntityId(lexicon: CompiledLexicon, kind: EntityKind, name: string): string {
  const id = `${kind}:${slug(name)}`;
  return lexicon.byId.has(id) ? `${kind}:table-${slug(name)}` : id;
}

function fromEntry(e: LexiconEntry): EntityDef {
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    class: e.class,
    identifiers: e.identifiers,
    related: e.related,
    source: e.source,
    provenance: e.provenance,
  };
}
