/**
 * What the scorer reads of Marginalia's output (`Analysis`, src/core/types.ts), including fields
 * the contract is about to gain: `references[].fields` and the entity kind `chemical`.
 */
import type { Analysis, Reference } from '../../src/core/types.js';
import type { FieldName, GoldEntityKind } from './gold.js';
import { familyOf } from './normalise.js';

interface FieldValue {
  readonly value: string;
}

/** `references[].fields` as the citations issue adds it. */
interface ContractFields {
  readonly authors?: readonly { readonly family: string; readonly given: string | null }[] | null;
  readonly [name: string]: unknown;
}

/** A system reference's fields as plain strings (authors as family names), null when absent. */
export interface SystemFields {
  readonly families: readonly string[] | null;
  readonly values: Readonly<Record<Exclude<FieldName, 'authors'>, string | null>>;
}

const NON_AUTHOR_FIELDS = ['year', 'title', 'container', 'volume', 'issue', 'pages', 'doi', 'pmid', 'pmcid', 'arxiv', 'url'] as const;

export function systemFields(reference: Reference): SystemFields {
  const fields = (reference as Reference & { fields?: ContractFields | null }).fields;
  if (fields) {
    const values = {} as Record<Exclude<FieldName, 'authors'>, string | null>;
    for (const name of NON_AUTHOR_FIELDS) {
      const f = fields[name] as FieldValue | null | undefined;
      values[name] = f && typeof f.value === 'string' ? f.value : null;
    }
    return { families: fields.authors ? fields.authors.map((a) => a.family) : null, values };
  }
  return {
    families: reference.authors.length > 0 ? reference.authors.map(familyOf) : null,
    values: {
      year: reference.year === null ? null : String(reference.year),
      title: reference.title,
      container: reference.source,
      volume: null,
      issue: null,
      pages: null,
      doi: reference.doi,
      pmid: reference.pmid,
      pmcid: reference.pmcid,
      arxiv: null,
      url: reference.url,
    },
  };
}

/** Which system entity kinds are scored as each gold kind (others are not scored at all). */
export type KindMap = Readonly<Partial<Record<GoldEntityKind, readonly string[]>>>;

/** The corpus: ligands and targets as such; `chemical` (reagents, ions, solvents) is not scored. */
export const CORPUS_KINDS: KindMap = { ligand: ['ligand'], target: ['target'] };

export interface ScoredMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: GoldEntityKind;
}

/** The system's mentions under the gold kinds they are scored as. */
export function scoredMentions(analysis: Analysis, kinds: KindMap): ScoredMention[] {
  const asGold = new Map<string, GoldEntityKind>();
  for (const [gold, system] of Object.entries(kinds) as [GoldEntityKind, readonly string[]][]) for (const k of system) asGold.set(k, gold);
  const out: ScoredMention[] = [];
  const seen = new Set<string>();
  for (const m of analysis.entities) {
    const kind = asGold.get(m.kind as string);
    if (!kind) continue;
    const key = `${m.start}:${m.end}:${kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ start: m.start, end: m.end, text: m.text, kind });
  }
  return out;
}
