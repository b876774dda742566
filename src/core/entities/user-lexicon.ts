/** Reading a workspace lexicon file (`.marginalia/lexicon.json`). */
import type { EntityIdentifiers, EntityKind } from '../types.js';
import type { LexiconExclusion, UserLexiconEntry } from './lexicon.js';

/** An exclusion as a file writes it (the file is its origin). */
export type UserLexiconExclusion = Omit<LexiconExclusion, 'origin'>;

const IDENTIFIER_KEYS = ['pubchem', 'chebi', 'uniprot', 'hgnc', 'iuphar', 'drugbank'] as const;

/**
 * Parses a workspace lexicon: `{ "entries": [ { "name", "kind", "synonyms"?, "class"?,
 * "identifiers"?, "related"?, "id"? } ], "exclude"?: [ "name" | { "name", "kind"? } ] }`.
 * Invalid entries are skipped and reported; never throws.
 */
export function parseUserLexicon(json: string, origin: string): { entries: UserLexiconEntry[]; exclusions: UserLexiconExclusion[]; errors: string[] } {
  const errors: string[] = [];
  const entries: UserLexiconEntry[] = [];
  const exclusions: UserLexiconExclusion[] = [];
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { entries, exclusions, errors: [`${origin}: not valid JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  const list = isObject(data) ? (data.entries ?? (Array.isArray(data.exclude) ? [] : undefined)) : undefined;
  if (!Array.isArray(list)) return { entries, exclusions, errors: [`${origin}: expected an object with an "entries" array`] };
  if (isObject(data) && data.exclude !== undefined) readExclusions(data.exclude, origin, exclusions, errors);
  list.forEach((raw: unknown, i) => {
    const where = `${origin}: entries[${i}]`;
    if (!isObject(raw)) return void errors.push(`${where} is not an object`);
    const name = typeof raw.name === 'string' ? raw.name.trim() : '';
    if (!name) return void errors.push(`${where} has no "name"`);
    const kind = raw.kind;
    if (kind !== 'ligand' && kind !== 'target') return void errors.push(`${where} ("${name}"): "kind" must be "ligand" or "target"`);
    const entry: { -readonly [K in keyof UserLexiconEntry]: UserLexiconEntry[K] } = { name, kind: kind as EntityKind };
    if (raw.id !== undefined) {
      if (typeof raw.id === 'string' && /^(?:ligand|target):\S+$/.test(raw.id)) entry.id = raw.id;
      else errors.push(`${where} ("${name}"): "id" must look like "${kind}:name"; derived from the name instead`);
    }
    const synonyms = stringList(raw.synonyms, `${where} ("${name}") synonyms`, errors);
    if (synonyms) entry.synonyms = synonyms;
    if (raw.class !== undefined) {
      if (typeof raw.class === 'string') entry.class = raw.class;
      else errors.push(`${where} ("${name}"): "class" must be a string`);
    }
    const related = stringList(raw.related, `${where} ("${name}") related`, errors);
    if (related) entry.related = related;
    if (raw.identifiers !== undefined) {
      if (isObject(raw.identifiers)) {
        const ids: { -readonly [K in keyof EntityIdentifiers]: EntityIdentifiers[K] } = {};
        for (const key of IDENTIFIER_KEYS) {
          const v = raw.identifiers[key];
          if (typeof v === 'string' || typeof v === 'number') ids[key] = String(v);
        }
        entry.identifiers = ids;
      } else errors.push(`${where} ("${name}"): "identifiers" must be an object`);
    }
    entries.push(entry);
  });
  return { entries, exclusions, errors };
}

function readExclusions(raw: unknown, origin: string, out: UserLexiconExclusion[], errors: string[]): void {
  if (!Array.isArray(raw)) return void errors.push(`${origin}: "exclude" must be an array`);
  raw.forEach((item: unknown, i) => {
    const where = `${origin}: exclude[${i}]`;
    if (typeof item === 'string') {
      if (item.trim()) out.push({ name: item.trim() });
      else errors.push(`${where} is empty`);
      return;
    }
    if (!isObject(item) || typeof item.name !== 'string' || !item.name.trim()) return void errors.push(`${where} must be a name or an object with a "name"`);
    const name = item.name.trim();
    if (item.kind === undefined) return void out.push({ name });
    if (item.kind !== 'ligand' && item.kind !== 'target' && item.kind !== 'chemical') return void errors.push(`${where} ("${name}"): "kind" must be "ligand", "target" or "chemical"`);
    out.push({ name, kind: item.kind });
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, where: string, errors: string[]): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) {
    errors.push(`${where} must be an array of strings`);
    return undefined;
  }
  return (v as string[]).map((s) => s.trim()).filter((s) => s.length > 0);
}
