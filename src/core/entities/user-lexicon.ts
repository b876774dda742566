/** Reading a workspace lexicon file (`.marginalia/lexicon.json`). */
import type { EntityIdentifiers, EntityKind } from '../types.js';
import type { UserLexiconEntry } from './lexicon.js';

const IDENTIFIER_KEYS = ['pubchem', 'chebi', 'uniprot', 'hgnc', 'iuphar'] as const;

/**
 * Parses a workspace lexicon: `{ "entries": [ { "name", "kind", "synonyms"?, "class"?,
 * "identifiers"?, "related"?, "id"? } ] }`. Invalid entries are skipped and reported; never throws.
 */
export function parseUserLexicon(json: string, origin: string): { entries: UserLexiconEntry[]; errors: string[] } {
  const errors: string[] = [];
  const entries: UserLexiconEntry[] = [];
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { entries, errors: [`${origin}: not valid JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  const list = isObject(data) ? data.entries : undefined;
  if (!Array.isArray(list)) return { entries, errors: [`${origin}: expected an object with an "entries" array`] };
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
  return { entries, errors };
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
