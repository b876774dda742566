/**
 * The hand-curated lexicon files (`../*.json`), the top layer: their entries keep their ids,
 * names and classes; database entries that name the same entity add spellings and identifiers.
 */
import type { EntityKind } from '../../types.js';
import { variantKeys, type StoredKey } from './keys.js';

export interface HandFile {
  readonly version: string;
  readonly entries?: readonly {
    readonly id: string;
    readonly kind: string;
    readonly name: string;
    readonly synonyms?: readonly string[];
    readonly identifiers?: Readonly<Record<string, string>>;
  }[];
  readonly names?: readonly string[];
}

export interface HandEntry {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly identifiers: Readonly<Record<string, string>>;
  readonly keys: readonly StoredKey[];
}

export interface HandLayer {
  readonly entries: readonly HandEntry[];
  /** Stored keys of the non-entity names (reagents, cell lines), which no database entry may take. */
  readonly blocked: ReadonlySet<StoredKey>;
}

export function handLayer(files: readonly HandFile[]): HandLayer {
  const entries: HandEntry[] = [];
  const blocked = new Set<StoredKey>();
  for (const file of files) {
    for (const e of file.entries ?? []) {
      if (e.kind !== 'ligand' && e.kind !== 'target') continue;
      const keys = new Set<StoredKey>();
      for (const s of [e.name, ...(e.synonyms ?? [])]) for (const k of variantKeys(s, e.kind)) keys.add(k);
      entries.push({ id: e.id, kind: e.kind, name: e.name, identifiers: e.identifiers ?? {}, keys: [...keys] });
    }
    for (const n of file.names ?? []) for (const k of variantKeys(n, 'ligand')) blocked.add(k);
  }
  return { entries, blocked };
}
