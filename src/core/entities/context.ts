/** The entities one analysis comes to know, created once each and shared by their mentions. */
import type { EntityKind } from '../types.js';
import type { EntityDef } from './candidates.js';
import type { CompiledLexicon, LexiconEntry } from './lexicon.js';
import { slug } from './normalize.js';
import type { PatternHit } from './patterns.js';
import { signSlug } from './patterns.js';

export class EntityRegistry {
  private readonly defs = new Map<string, EntityDef>();
  /** Code-name entities with a stereo descriptor → the id their undescribed form would have. */
  readonly stereoBases = new Map<string, string>();

  constructor(readonly lexicon: CompiledLexicon) {}

  get(id: string): EntityDef | undefined {
    return this.defs.get(id);
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
    if (hit.sign && hit.baseCode) this.stereoBases.set(id, `ligand:${hit.baseCode.slice(1).toLowerCase()}`);
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

  /** An entity named by a cell of the document's own table. */
  table(kind: EntityKind, name: string, provenance: string): EntityDef {
    let id = `${kind}:${slug(name)}`;
    if (this.lexicon.byId.has(id)) id = `${kind}:table-${slug(name)}`;
    return this.remember(id, () => ({ id, kind, name, class: null, identifiers: {}, related: [], source: 'table', provenance }));
  }

  private remember(id: string, make: () => EntityDef): EntityDef {
    let def = this.defs.get(id);
    if (!def) {
      def = make();
      this.defs.set(id, def);
    }
    return def;
  }
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
