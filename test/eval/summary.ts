/**
 * An evaluation as plain figures: per document and in total for each area, the top failures.
 * This is what `--json` prints, what the report formats and what the floor reads.
 */
import { figures, macroF1, type Counts } from './counts.js';
import type { Evaluation, SetScore } from './evaluate.js';
import type { Finding } from './findings.js';
import { FIELD_NAMES } from './gold.js';
import { ENTITY_GROUPS } from './score/entities.js';
import { RECORD_ATTRIBUTES } from './score/records.js';
import type { Published } from './sets.js';

export interface Figure extends Counts {
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

export interface TopEntry {
  readonly key: string;
  readonly count: number;
  readonly example: string;
}

export interface Top {
  readonly misses: readonly TopEntry[];
  readonly wrong: readonly TopEntry[];
  readonly falsePositives: readonly TopEntry[];
}

export interface AreaSummary {
  readonly total: Figure;
  readonly macroF1: number | null;
  readonly documents: readonly ({ readonly name: string } & Figure)[];
  readonly top: Top;
}

export interface SetSummary {
  readonly name: string;
  readonly title: string;
  readonly scored: number;
  readonly withoutGold: readonly string[];
  readonly absent?: string;
  readonly published: readonly Published[];
  readonly analysisSeconds: number;
  readonly citations?: AreaSummary & { readonly noList: { documents: number; invented: number; resolved: number } | null };
  readonly references?: AreaSummary;
  readonly fields?: AreaSummary & { readonly perField: Record<string, Figure> };
  readonly entities?: {
    readonly exact: Record<string, AreaSummary>;
    readonly overlap: Record<string, AreaSummary>;
    readonly top: Top;
  };
  readonly records?: AreaSummary & { readonly attributes: Record<string, { correct: number; total: number; accuracy: number | null }> };
}

export interface Summary {
  readonly split: 'test' | 'devel';
  readonly seconds: number;
  readonly problems: readonly string[];
  readonly sets: readonly SetSummary[];
}

export const TOP_N = 10;

export function figure(c: Counts): Figure {
  return { ...c, ...figures(c) };
}

/** Findings counted by key, most frequent first (ties by key), each with its first example. */
export function topOf(findings: readonly Finding[], n = TOP_N): Top {
  const rank = (type: Finding['type']) => {
    const by = new Map<string, { count: number; example: string }>();
    for (const f of findings) {
      if (f.type !== type) continue;
      const e = by.get(f.key);
      if (e) e.count++;
      else by.set(f.key, { count: 1, example: f.text });
    }
    return [...by].map(([key, v]) => ({ key, ...v })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)).slice(0, n);
  };
  return { misses: rank('miss'), wrong: rank('wrong'), falsePositives: rank('false-positive') };
}

function area(set: SetScore, total: Counts, per: (d: SetScore['documents'][number]) => { counts: Counts; findings?: readonly Finding[] } | undefined): AreaSummary {
  const docs = set.documents.flatMap((d) => {
    const s = per(d);
    return s ? [{ name: d.name, counts: s.counts, findings: s.findings ?? [] }] : [];
  });
  return {
    total: figure(total),
    macroF1: macroF1(docs.map((d) => d.counts)),
    documents: docs.map((d) => ({ name: d.name, ...figure(d.counts) })),
    top: topOf(docs.flatMap((d) => d.findings)),
  };
}

function summariseSet(set: SetScore): SetSummary {
  const t = set.totals;
  const out: { -readonly [K in keyof SetSummary]: SetSummary[K] } = {
    name: set.info.name,
    title: set.info.title,
    scored: set.documents.length,
    withoutGold: set.withoutGold,
    published: set.info.published,
    analysisSeconds: set.documents.reduce((s, d) => s + d.ms, 0) / 1000,
    ...(set.info.absent ? { absent: set.info.absent } : {}),
  };
  if (t.citations) out.citations = { ...area(set, t.citations, (d) => d.citations), noList: t.noList ?? null };
  if (t.references) out.references = area(set, t.references, (d) => d.references);
  if (t.fields) {
    const perField = Object.fromEntries(FIELD_NAMES.map((n) => [n, figure(t.fields!.perField[n])]));
    out.fields = { ...area(set, t.fields.micro, (d) => d.fields && { counts: d.fields.micro, findings: d.fields.findings }), perField };
  }
  if (t.entities) {
    const pick = (mode: 'exact' | 'overlap') =>
      Object.fromEntries(ENTITY_GROUPS.map((g) => [g, area(set, t.entities![mode][g], (d) => d.entities && { counts: d.entities[mode][g] })]));
    out.entities = { exact: pick('exact'), overlap: pick('overlap'), top: topOf(set.documents.flatMap((d) => d.entities?.findings ?? [])) };
  }
  if (t.records) {
    const attributes = Object.fromEntries(
      RECORD_ATTRIBUTES.map((a) => {
        const { correct, total } = t.records!.attributes[a];
        return [a, { correct, total, accuracy: total > 0 ? correct / total : null }];
      }),
    );
    out.records = { ...area(set, t.records.counts, (d) => d.records), attributes };
  }
  return out;
}

export function summarise(e: Evaluation): Summary {
  return { split: e.split, seconds: e.seconds, problems: e.problems, sets: e.sets.map(summariseSet) };
}
