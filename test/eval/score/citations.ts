/**
 * Citations: pairs (marker, reference). A gold pair is found when a system marker overlapping the
 * gold marker resolves to the system entry aligned with the gold entry; `missing` numbers are
 * pairs (marker, missing n); `missing` keys (author–year or citekeys with no list to resolve to) are
 * pairs (marker, missing key), found by any unresolved system marker over them that names no
 * number. Pairs are matched one to one.
 */
import type { Analysis } from '../../../src/core/types.js';
import { emptyCounts, type Counts } from '../counts.js';
import type { Finding } from '../findings.js';
import type { Gold } from '../gold.js';
import { markerShape } from '../normalise.js';
import { overlaps, type Span } from '../spans.js';
import type { ReferenceAlignment } from './references.js';

export interface CitationScore {
  readonly counts: Counts;
  /** Only for documents whose gold has no reference list: what should not be there at all. */
  readonly noList: { readonly invented: number; readonly resolved: number } | null;
  readonly findings: Finding[];
}

interface Pair {
  readonly marker: number;
  readonly span: Span;
  /** `ref:<gold index>`, `missing:<n>`, or for a system entry no gold entry is aligned with, `sys:<index>`. */
  readonly target: string;
}

/** The system's pairs: each entry citing a marker, and each of its numbers no entry answers. */
function systemPairs(analysis: Analysis, alignment: ReferenceAlignment): Pair[] {
  const citing = new Map<number, number[]>();
  analysis.references.forEach((r, j) => {
    for (const i of r.citedBy) citing.set(i, [...(citing.get(i) ?? []), j]);
  });
  const pairs: Pair[] = [];
  analysis.citations.forEach((c, i) => {
    const entries = citing.get(i) ?? [];
    const resolved = new Set(entries.map((j) => analysis.references[j]!.number));
    for (const j of entries) {
      const g = alignment.goldOf.get(j);
      pairs.push({ marker: i, span: c, target: g === undefined ? `sys:${j}` : `ref:${g}` });
    }
    for (const n of c.numbers) if (!resolved.has(n)) pairs.push({ marker: i, span: c, target: `missing:${n}` });
    if (entries.length === 0 && c.numbers.length === 0) {
      for (const _key of (c.label ?? c.text).split(';')) pairs.push({ marker: i, span: c, target: 'missing-key' });
    }
  });
  return pairs;
}

function goldPairs(gold: Gold): Pair[] {
  const index = new Map(gold.references.map((r, g) => [r.id, g]));
  const pairs: Pair[] = [];
  gold.citations.forEach((c, i) => {
    for (const id of c.refs) pairs.push({ marker: i, span: c, target: `ref:${index.get(id) ?? -1}` });
    for (const n of c.missing ?? []) pairs.push({ marker: i, span: c, target: typeof n === 'number' ? `missing:${n}` : 'missing-key' });
  });
  return pairs;
}

export function scoreCitations(gold: Gold, analysis: Analysis, alignment: ReferenceAlignment): CitationScore {
  const want = goldPairs(gold);
  const got = systemPairs(analysis, alignment);
  const byTarget = new Map<string, number[]>();
  got.forEach((p, k) => byTarget.set(p.target, [...(byTarget.get(p.target) ?? []), k]));
  const used = new Set<number>();
  const found = new Set<number>();
  want.forEach((p, k) => {
    const match = (byTarget.get(p.target) ?? []).find((s) => !used.has(s) && overlaps(p.span, got[s]!.span));
    if (match === undefined) return;
    used.add(match);
    found.add(k);
  });
  const counts: Counts = { ...emptyCounts(), gold: want.length, system: got.length, foundGold: found.size, correctSystem: used.size };
  const noList =
    gold.referenceList === null
      ? { invented: analysis.references.length, resolved: analysis.citations.filter((_, i) => analysis.references.some((r) => r.citedBy.includes(i))).length }
      : null;
  return { counts, noList, findings: citationFindings(gold, analysis, want, got, found, used) };
}

const refName = (gold: Gold, target: string) => {
  const [kind, n] = target.split(':');
  if (kind === 'ref') return gold.references[Number(n)]?.id ?? '?';
  if (kind === 'missing') return `missing ${n}`;
  if (kind === 'missing-key') return 'unresolved key';
  return `unaligned entry`;
};

/** One finding per marker with pairs left over, gold side and system side. */
function citationFindings(gold: Gold, analysis: Analysis, want: Pair[], got: Pair[], found: Set<number>, used: Set<number>): Finding[] {
  const out: Finding[] = [];
  const left = (pairs: Pair[], ok: Set<number>) => {
    const byMarker = new Map<number, Pair[]>();
    pairs.forEach((p, k) => {
      if (!ok.has(k)) byMarker.set(p.marker, [...(byMarker.get(p.marker) ?? []), p]);
    });
    return byMarker;
  };
  for (const [i, pairs] of left(want, found)) {
    const c = gold.citations[i]!;
    const seen = analysis.citations.some((s) => overlaps(s, c));
    const refs = pairs.map((p) => refName(gold, p.target)).join(', ');
    out.push({
      area: 'citations', type: seen ? 'wrong' : 'miss', start: c.start, end: c.end,
      text: `${c.text} → ${refs}${seen ? ' (marker found, resolved otherwise)' : ''}`,
      key: `${seen ? 'resolved otherwise' : 'marker not found'}: ${markerShape(c.text)}`,
    });
  }
  for (const [i, pairs] of left(got, used)) {
    const c = analysis.citations[i]!;
    const seen = gold.citations.some((g) => overlaps(g, c));
    const refs = pairs.map((p) => (p.target.startsWith('ref:') ? refName(gold, p.target) : p.target.startsWith('missing:') ? `missing ${p.target.slice(8)}` : p.target === 'missing-key' ? 'unresolved key' : `entry ${analysis.references[Number(p.target.slice(4))]?.number}`)).join(', ');
    out.push({
      area: 'citations', type: 'false-positive', start: c.start, end: c.end,
      text: `${c.text} → ${refs}${seen ? ' (over a gold marker)' : ''}`,
      key: `${seen ? 'resolved to other entries' : 'not a marker'}: ${markerShape(c.text)}`,
    });
  }
  return out;
}
