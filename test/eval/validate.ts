/**
 * The gold validator: every span in range with `text` equal to its slice, required fields present
 * and well-typed, ids unique, every ref pointing at an existing entry, the digest matching the
 * document. Returns the problems as readable lines (empty when the file is sound).
 */
import { FIELD_NAMES, type Gold } from './gold.js';

const SCHEMES = ['numeric', 'author-year', 'footnote'];
const KINDS = ['ligand', 'target'];
const RELATIONS = ['=', '<', '>', '~', '≤', '≥'];
const TOP_KEYS = ['document', 'sha256', 'annotator', 'regions', 'referenceList', 'references', 'citations', 'entities', 'records'];
const ENTITY_KEYS = ['start', 'end', 'text', 'kind', 'optional', 'expands'];
const CITATION_KEYS = ['start', 'end', 'text', 'refs', 'missing'];
const REFERENCE_KEYS = ['id', 'start', 'end', 'text', 'fields'];
const RECORD_KEYS = ['start', 'end', 'text', 'ligand', 'target', 'measure', 'relation', 'value', 'valueMax', 'unit', 'error', 'effect', 'references', 'optional'];
const EFFECT_KEYS = ['value', 'error', 'unit', 'direction'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';
const isNumberOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 39)}…` : s);

export interface DocumentFacts {
  /** The document's text as the CLI reads it, or null when the file is missing. */
  readonly text: string | null;
  readonly sha256: string | null;
  /** The path the gold's `document` must name (relative to test/corpus/). */
  readonly expectedPath: string;
}

/** Checks a parsed gold file against its document. */
export function validateGold(value: unknown, doc: DocumentFacts): string[] {
  const problems: string[] = [];
  const say = (where: string, what: string) => problems.push(`${where}: ${what}`);
  if (!isObj(value)) return ['the file is not a JSON object'];
  for (const key of TOP_KEYS) if (!(key in value)) say('top level', `"${key}" is missing`);
  for (const key of Object.keys(value)) if (!TOP_KEYS.includes(key)) say('top level', `unknown key "${key}"`);
  if (problems.length > 0) return problems;
  const g = value as Obj;
  if (g.document !== doc.expectedPath) say('document', `is ${JSON.stringify(g.document)}, expected "${doc.expectedPath}"`);
  if (typeof g.annotator !== 'string' || g.annotator.trim() === '') say('annotator', 'must be a non-empty string');
  if (doc.text === null) return [...problems, `document: ${doc.expectedPath} does not exist`];
  if (g.sha256 !== doc.sha256) say('sha256', `is ${JSON.stringify(g.sha256)}, the document's is ${doc.sha256}`);
  const text = doc.text;

  /** Checks a span's offsets and text; returns whether it is usable. */
  const span = (where: string, v: Obj, withText = true): boolean => {
    const { start, end } = v;
    if (!Number.isInteger(start) || !Number.isInteger(end)) return say(where, 'start and end must be integers'), false;
    const s = start as number;
    const e = end as number;
    if (s < 0 || e > text.length || s >= e) return say(where, `span ${s}–${e} is not within 0–${text.length} with start < end`), false;
    if (!withText) return true;
    if (typeof v.text !== 'string') return say(where, 'text must be a string'), false;
    const slice = text.slice(s, e);
    if (v.text !== slice) return say(where, `text ${show(v.text)} ≠ slice ${show(slice)}`), false;
    return true;
  };
  const keys = (where: string, v: Obj, allowed: readonly string[]) => {
    for (const key of Object.keys(v)) if (!allowed.includes(key)) say(where, `unknown key "${key}"`);
  };
  const list = (name: string): Obj[] => {
    const v = g[name];
    if (!Array.isArray(v)) return say(name, 'must be an array'), [];
    return v.filter((item, i) => (isObj(item) ? true : (say(`${name}[${i}]`, 'must be an object'), false))) as Obj[];
  };

  const regions = list('regions');
  regions.forEach((r, i) => {
    if (span(`regions[${i}]`, r, false) && typeof r.label !== 'string') say(`regions[${i}]`, 'label must be a string');
    keys(`regions[${i}]`, r, ['start', 'end', 'label']);
  });
  const inRegion = (v: Obj) => regions.some((r) => (v.start as number) >= (r.start as number) && (v.end as number) <= (r.end as number));

  if (g.referenceList !== null && !(isObj(g.referenceList) && SCHEMES.includes(g.referenceList.scheme as string)))
    say('referenceList', `must be null or { "scheme": ${SCHEMES.map((s) => `"${s}"`).join(' | ')} }`);

  const references = list('references');
  if (g.referenceList === null && references.length > 0) say('references', 'entries listed but referenceList is null');
  const ids = new Set<string>();
  let previousEnd = -1;
  references.forEach((r, i) => {
    const where = `references[${i}]${typeof r.id === 'string' ? ` (${r.id})` : ''}`;
    keys(where, r, REFERENCE_KEYS);
    if (typeof r.id !== 'string' || r.id === '') say(where, 'id must be a non-empty string');
    else if (ids.has(r.id)) say(where, `id "${r.id}" is not unique`);
    else ids.add(r.id);
    if (span(where, r)) {
      if ((r.start as number) < previousEnd) say(where, 'overlaps the entry before it or is out of document order');
      previousEnd = r.end as number;
    }
    fields(where, r.fields, say);
  });

  for (const [i, c] of list('citations').entries()) {
    const where = `citations[${i}]${typeof c.text === 'string' ? ` ${show(c.text)}` : ''}`;
    keys(where, c, CITATION_KEYS);
    span(where, c);
    if (!Array.isArray(c.refs) || !c.refs.every((x) => typeof x === 'string')) {
      say(where, 'refs must be an array of strings');
      continue;
    }
    for (const id of c.refs) if (!ids.has(id as string)) say(where, `refs: "${id}" is not a reference id`);
    const missing = c.missing ?? [];
    if (!Array.isArray(missing) || !missing.every((n) => Number.isInteger(n) || (typeof n === 'string' && n.trim() !== ''))) say(where, 'missing must be an array of integers or keys');
    else if (c.refs.length + missing.length === 0) say(where, 'stands for nothing: give refs or missing');
  }

  const entitySpans = new Set<string>();
  list('entities').forEach((e, i) => {
    const where = `entities[${i}]${typeof e.text === 'string' ? ` ${show(e.text)}` : ''}`;
    keys(where, e, ENTITY_KEYS);
    if (!KINDS.includes(e.kind as string)) say(where, `kind must be "ligand" or "target"`);
    if (e.optional !== undefined && typeof e.optional !== 'boolean') say(where, 'optional must be true or false');
    if (e.expands !== undefined && !(Array.isArray(e.expands) && e.expands.every((x) => typeof x === 'string'))) say(where, 'expands must be an array of strings');
    if (!span(where, e)) return;
    if (!inRegion(e)) say(where, 'is outside every region');
    const key = `${e.start}:${e.end}:${e.kind}`;
    if (entitySpans.has(key)) say(where, 'is listed twice');
    entitySpans.add(key);
  });

  list('records').forEach((r, i) => {
    const where = `records[${i}]${typeof r.ligand === 'string' ? ` (${r.ligand})` : ''}`;
    keys(where, r, RECORD_KEYS);
    if (span(where, r) && !inRegion(r)) say(where, 'is outside every region');
    if (typeof r.ligand !== 'string' || r.ligand.trim() === '') say(where, 'ligand must be a non-empty string');
    for (const k of ['target', 'measure', 'unit']) if (!isStringOrNull(r[k])) say(where, `${k} must be a string or null`);
    for (const k of ['value', 'valueMax', 'error']) if (!isNumberOrNull(r[k])) say(where, `${k} must be a number or null`);
    if (!RELATIONS.includes(r.relation as string)) say(where, `relation must be one of ${RELATIONS.join(' ')}`);
    if (r.optional !== undefined && typeof r.optional !== 'boolean') say(where, 'optional must be true or false');
    if (r.effect !== null) {
      if (!isObj(r.effect)) say(where, 'effect must be an object or null');
      else {
        keys(`${where} effect`, r.effect, EFFECT_KEYS);
        for (const k of ['value', 'error']) if (!isNumberOrNull(r.effect[k])) say(where, `effect.${k} must be a number or null`);
        for (const k of ['unit', 'direction']) if (!isStringOrNull(r.effect[k])) say(where, `effect.${k} must be a string or null`);
      }
    }
    if (r.value === null && !(isObj(r.effect) && typeof r.effect.value === 'number')) say(where, 'has neither a value nor an effect value');
    if (!Array.isArray(r.references)) say(where, 'references must be an array');
    else for (const id of r.references) if (!ids.has(id as string)) say(where, `references: "${id}" is not a reference id`);
  });
  return problems;
}

function fields(where: string, value: unknown, say: (where: string, what: string) => void): void {
  if (!isObj(value)) return say(where, 'fields must be an object');
  for (const key of Object.keys(value)) if (!(FIELD_NAMES as readonly string[]).includes(key)) say(where, `fields: unknown key "${key}"`);
  for (const name of FIELD_NAMES) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    if (name === 'authors') {
      if (!Array.isArray(v) || !v.every((a) => isObj(a) && typeof a.family === 'string' && a.family !== '' && isStringOrNull(a.given ?? null)))
        say(where, 'fields.authors must be an array of { family, given }');
      continue;
    }
    if (typeof v !== 'string') {
      say(where, `fields.${name} must be a string or null`);
      continue;
    }
    if (name === 'year' && !/^\d{4}$/.test(v)) say(where, `fields.year "${v}" is not four digits`);
    if (name === 'doi' && (v !== v.toLowerCase() || /^(https?:|doi:)/i.test(v))) say(where, `fields.doi "${v}" must be lower case without a prefix`);
    if (name === 'pmid' && !/^\d+$/.test(v)) say(where, `fields.pmid "${v}" must be digits`);
    if (name === 'pmcid' && !/^PMC\d+$/.test(v)) say(where, `fields.pmcid "${v}" must be PMC followed by digits`);
  }
}

/** A parsed gold file that passed validation, typed. */
export function asGold(value: unknown): Gold {
  return value as Gold;
}
