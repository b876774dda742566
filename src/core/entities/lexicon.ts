/**
 * The lexicon: ligands and targets with their spellings, compiled once (lazily) into one
 * Aho–Corasick automaton over normalised names plus lookup tables for canonical forms.
 */
import { Automaton } from './automaton.js';
import type { EntityIdentifiers, EntityKind } from '../types.js';
import ligandsChannels from '../lexicon/ligands-channels-toxins.json';
import ligandsEnzymes from '../lexicon/ligands-enzymes-kinases.json';
import ligandsMonoamine from '../lexicon/ligands-monoamine.json';
import ligandsOpioid from '../lexicon/ligands-opioid-cannabinoid-purinergic.json';
import ligandsChaperone from '../lexicon/ligands-chaperone-amino-acid.json';
import targetsEnzymes from '../lexicon/targets-enzymes-transporters.json';
import targetsGpcr from '../lexicon/targets-gpcr.json';
import targetsChannels from '../lexicon/targets-ion-channels.json';
import targetsReceptors from '../lexicon/targets-chaperone-amino-acid.json';
import { type DatabaseIndex, databaseEntry, layDatabase } from './database.js';
import { isCaseSensitive, nameKey, slug } from './normalize.js';
import { codeNameKey, nomenclature, nonEntityNames, stereoSign } from './patterns.js';

/** One ligand or target the lexicon knows. */
export interface LexiconEntry {
  readonly id: string;
  readonly kind: EntityKind;
  /** Canonical name. */
  readonly name: string;
  readonly synonyms: readonly string[];
  readonly class: string | null;
  readonly identifiers: EntityIdentifiers;
  /** Ids of related but distinct entities. */
  readonly related: readonly string[];
  readonly source: 'lexicon' | 'workspace';
  /** e.g. "built-in lexicon 2026.11 (targets-gpcr)". */
  readonly provenance: string;
  /** Made from the database layer: its spellings are the layer's keys, not `name`/`synonyms`. */
  readonly fromDatabase?: boolean;
}

/** An entry of a workspace lexicon file (`.marginalia/lexicon.json`). */
export interface UserLexiconEntry {
  readonly name: string;
  readonly kind: EntityKind;
  /** Optional; derived from kind and name when absent. */
  readonly id?: string;
  readonly synonyms?: readonly string[];
  readonly class?: string;
  readonly identifiers?: EntityIdentifiers;
  readonly related?: readonly string[];
}

/**
 * A spelling a workspace lexicon says is not an entity ("Not a ligand"): its mentions are dropped
 * whatever recognised them (lexicon, pattern, table, abbreviation). Without `kind`, of any kind.
 */
export interface LexiconExclusion {
  readonly name: string;
  readonly kind?: EntityKind;
  /** The file it came from, e.g. ".marginalia/lexicon.json". */
  readonly origin: string;
}

/** A compiled, reusable lexicon. Build it once; it compiles itself on first use. */
export interface Lexicon {
  /** Version of the built-in data, e.g. "2026.11". */
  readonly version: string;
  readonly entries: readonly LexiconEntry[];
  /** The database layer (HGNC, DrugBank, Guide to Pharmacology, drug-name stems), when laid on. */
  readonly database?: DatabaseIndex;
  /** Spellings the workspace lexicons exclude, in file order. */
  readonly exclusions?: readonly LexiconExclusion[];
  /** The entry a name (any known spelling) stands for. */
  find(name: string): LexiconEntry | undefined;
}

/** One spelling in the automaton: which entry it names, and its exact form when case matters. */
export interface KeyTarget {
  /** Index into entries, or -1 for a non-entity (reagent, cell line) that blocks matches. */
  readonly entry: number;
  /** The spelling with case kept, when it must match case-sensitively; else null. */
  readonly cased: string | null;
}

/** The compiled form of a lexicon. */
export interface CompiledLexicon {
  readonly entries: readonly LexiconEntry[];
  readonly byId: ReadonlyMap<string, number>;
  readonly automaton: Automaton;
  /** Folded key → spellings (several when case distinguishes them). */
  readonly keys: ReadonlyMap<string, readonly KeyTarget[]>;
  /** Code-name key (`+|ABC1234`) → entry. */
  readonly codes: ReadonlyMap<string, number>;
  /** `sign|baseId` → entry of that stereo-isomer. */
  readonly stereo: ReadonlyMap<string, number>;
  /** The database layer's keys (matched word by word, apart from the automaton). */
  readonly database?: DatabaseIndex;
}

interface LexiconFile {
  readonly version: string;
  readonly provenance: string;
  readonly entries: readonly {
    readonly id: string;
    readonly kind: string;
    readonly name: string;
    readonly synonyms?: readonly string[];
    readonly class?: string;
    readonly identifiers?: EntityIdentifiers;
    readonly related?: readonly string[];
    readonly provenance?: string;
  }[];
}

const BUILTIN_FILES: Readonly<Record<string, LexiconFile>> = {
  'ligands-chaperone-amino-acid': ligandsChaperone as LexiconFile,
  'ligands-monoamine': ligandsMonoamine as LexiconFile,
  'ligands-opioid-cannabinoid-purinergic': ligandsOpioid as LexiconFile,
  'ligands-channels-toxins': ligandsChannels as LexiconFile,
  'ligands-enzymes-kinases': ligandsEnzymes as LexiconFile,
  'targets-chaperone-amino-acid': targetsReceptors as LexiconFile,
  'targets-gpcr': targetsGpcr as LexiconFile,
  'targets-ion-channels': targetsChannels as LexiconFile,
  'targets-enzymes-transporters': targetsEnzymes as LexiconFile,
};

const compiledCache = new WeakMap<Lexicon, CompiledLexicon>();

class LexiconImpl implements Lexicon {
  constructor(
    readonly version: string,
    readonly entries: readonly LexiconEntry[],
    readonly database?: DatabaseIndex,
    /** A lexicon whose entries hold the same spellings at the same indices (its automaton is reused). */
    readonly spellingsOf?: Lexicon,
    /** Entry index by id, when already made. */
    readonly ids?: ReadonlyMap<string, number>,
    readonly exclusions?: readonly LexiconExclusion[],
  ) {}

  find(name: string): LexiconEntry | undefined {
    const index = lookupName(compile(this), name);
    return index === undefined ? undefined : this.entries[index];
  }
}

let builtin: Lexicon | undefined;

/** The built-in lexicon (created once; compiled on first use). */
export function builtinLexicon(): Lexicon {
  if (!builtin) {
    const entries: LexiconEntry[] = [];
    let version = '';
    for (const [file, data] of Object.entries(BUILTIN_FILES)) {
      version ||= data.version;
      for (const e of data.entries) {
        if (e.kind !== 'ligand' && e.kind !== 'target') continue;
        entries.push({
          id: e.id,
          kind: e.kind,
          name: e.name,
          synonyms: e.synonyms ?? [],
          class: e.class ?? null,
          identifiers: e.identifiers ?? {},
          related: e.related ?? [],
          source: 'lexicon',
          provenance: e.provenance ?? `built-in lexicon ${data.version} (${file})`,
        });
      }
    }
    builtin = new LexiconImpl(version, entries);
  }
  return builtin;
}

/**
 * A lexicon with the database layer laid on (`texts`: the compiled files of
 * `../lexicon/compiled/`, in the order of `DATABASE_FILES`; `location` says where the host read
 * them, for a worker to read them too). Synchronous: the host reads the files.
 */
export function withDatabase(base: Lexicon, texts: readonly string[], location: string | null = null): Lexicon {
  const { entries, index, byId } = layDatabase(base.entries, texts, location);
  // The base's entries keep their indices and spellings: its compiled automaton serves as it is.
  return new LexiconImpl(base.version, entries, index, base, byId, base.exclusions);
}

/**
 * A lexicon with workspace entries added. A workspace entry with the id, or the name, of a
 * built-in entry of the same kind replaces its fields and keeps its other spellings; its
 * spellings win over built-in ones.
 */
export function withUserEntries(base: Lexicon, entries: readonly UserLexiconEntry[], origin: string, exclusions: readonly Omit<LexiconExclusion, 'origin'>[] = []): Lexicon {
  const merged = base.entries.slice();
  const byId = new Map(merged.map((e, i) => [e.id, i]));
  for (const user of entries) {
    try {
      const id = user.id ?? `${user.kind}:${slug(user.name)}`;
      let at = byId.get(id);
      if (at === undefined) {
        const named = base.find(user.name);
        if (named && named.kind === user.kind) at = byId.get(named.id);
      }
      const old = at === undefined ? undefined : merged[at];
      const entry: LexiconEntry = {
        id: old?.id ?? id,
        kind: user.kind,
        name: user.name,
        synonyms: unique([...(user.synonyms ?? []), ...(old ? [old.name, ...old.synonyms] : [])]).filter((s) => s !== user.name),
        class: user.class ?? old?.class ?? null,
        identifiers: { ...(old?.identifiers ?? {}), ...(user.identifiers ?? {}) },
        related: unique([...(old?.related ?? []), ...(user.related ?? [])]),
        source: 'workspace',
        provenance: `workspace lexicon ${origin}`,
      };
      if (at === undefined) {
        byId.set(entry.id, merged.length);
        merged.push(entry);
      } else merged[at] = entry;
    } catch {
      // A malformed entry is skipped; parseUserLexicon reports it.
    }
  }
  const excluded = [...(base.exclusions ?? []), ...exclusions.map((e) => ({ ...e, origin }))];
  return new LexiconImpl(base.version, merged, base.database, undefined, undefined, excluded.length ? excluded : undefined);
}

/**
 * A test of whether a mention is excluded by the lexicon's exclusions (null when there are none):
 * its text, folded as lexicon keys are, equals an excluded spelling of its kind (or of any kind).
 */
export function exclusionTest(lexicon: Lexicon): ((text: string, kind: EntityKind) => boolean) | null {
  const list = lexicon.exclusions;
  if (!list?.length) return null;
  const kinds = new Map<string, Set<EntityKind> | 'any'>();
  for (const e of list) {
    const key = nameKey(e.name, true);
    if (!key) continue;
    const known = kinds.get(key);
    if (known === 'any') continue;
    if (!e.kind) kinds.set(key, 'any');
    else kinds.set(key, (known ?? new Set<EntityKind>()).add(e.kind));
  }
  return (text, kind) => {
    const found = kinds.get(nameKey(text, true));
    return found !== undefined && (found === 'any' || found.has(kind));
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** The compiled form of a lexicon (compiled on first call, then cached). */
export function compile(lexicon: Lexicon): CompiledLexicon {
  let compiled = compiledCache.get(lexicon);
  if (!compiled) {
    const same = lexicon instanceof LexiconImpl ? lexicon.spellingsOf : undefined;
    if (same) {
      let byId = (lexicon as LexiconImpl).ids;
      if (!byId) {
        const made = new Map<string, number>();
        lexicon.entries.forEach((e, i) => made.set(e.id, i));
        byId = made;
      }
      compiled = { ...compile(same), entries: lexicon.entries, byId, database: lexicon.database };
    } else compiled = build(lexicon.entries, lexicon.database);
    compiledCache.set(lexicon, compiled);
  }
  return compiled;
}

function build(entries: readonly LexiconEntry[], database: DatabaseIndex | undefined): CompiledLexicon {
  const keys = new Map<string, KeyTarget[]>();
  const add = (spelling: string, entry: number): void => {
    const folded = nameKey(spelling, true);
    if (folded.length < 2) return;
    const cased = isCaseSensitive(spelling) ? nameKey(spelling, false) : null;
    const list = keys.get(folded) ?? [];
    const clash = list.findIndex((k) => k.cased === cased);
    if (clash >= 0) {
      // Workspace spellings win; otherwise the first entry keeps a shared spelling.
      const previous = list[clash]!;
      if (entry >= 0 && previous.entry >= 0 && entries[entry]!.source === 'workspace' && entries[previous.entry]!.source !== 'workspace') list[clash] = { entry, cased };
      return;
    }
    list.push({ entry, cased });
    keys.set(folded, list);
  };
  const { pluralHeads } = nomenclature();
  entries.forEach((e, i) => {
    if (e.fromDatabase) return;
    for (const spelling of [e.name, ...e.synonyms]) for (const v of spellingVariants(spelling, e.kind, pluralHeads)) add(v, i);
  });
  for (const name of nonEntityNames()) add(name, -1);

  const byId = new Map<string, number>();
  entries.forEach((e, i) => byId.set(e.id, i));
  const partial = { entries, byId, keys, automaton: new Automaton([...keys.keys()]), codes: new Map<string, number>(), stereo: new Map<string, number>(), database };
  entries.forEach((e, i) => {
    if (e.fromDatabase) return;
    for (const spelling of [e.name, ...e.synonyms]) {
      const code = codeNameKey(spelling);
      if (code !== null && !partial.codes.has(code)) partial.codes.set(code, i);
      const stereo = stereoSign(spelling);
      if (stereo) {
        const base = lookupName(partial, stereo.rest);
        // A spelling like "(±)-X" listed under X itself maps the sign to X.
        const key = base === undefined ? undefined : `${stereo.sign}|${entries[base]!.id}`;
        if (key !== undefined && (base !== i || !partial.stereo.has(key))) partial.stereo.set(key, i);
      }
    }
  });
  return partial;
}

/** Other ways the same name is written: hyphen dropped between letters and digits, plural or singular, `X receptor` → `XR`. */
export function spellingVariants(name: string, kind: EntityKind, pluralHeads: readonly string[]): string[] {
  const out = new Set<string>([name]);
  const joined = name.replace(/(?<=[A-Za-z])-(?=\d)|(?<=\d)-(?=[A-Za-z])/g, '');
  out.add(joined);
  const receptor = /^(\S{1,10}) receptor$/i.exec(name);
  if (receptor && /[\p{Lu}\d]/u.test(receptor[1]!)) out.add(`${receptor[1]}R`);
  for (const v of [...out]) {
    const lastWord = (/[\p{L}\p{N}]+$/u.exec(v)?.[0] ?? '').toLowerCase();
    if (pluralHeads.includes(lastWord)) out.add(v.slice(0, -1));
    else if (/[\p{L}\p{N}]$/u.test(v) && !/s$/.test(v) && (kind === 'target' || /\p{Ll}$/u.test(v))) out.add(`${v}s`);
  }
  return [...out];
}

/** The entry a name stands for, by any of its spellings (case rules applied). */
export function lookupName(c: Pick<CompiledLexicon, 'keys' | 'database'>, name: string): number | undefined {
  const folded = nameKey(name, true);
  const cased = nameKey(name, false);
  const pick = (targets: readonly KeyTarget[] | undefined): number | undefined => targets?.find((t) => t.entry >= 0 && (t.cased === null || t.cased === cased))?.entry;
  return pick(c.keys.get(folded)) ?? (c.database ? databaseEntry(c.database, folded, cased) : undefined);
}
