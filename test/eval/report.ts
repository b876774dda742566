/** The readable report of `npm run eval`: one table per area, per document and in total. */
import type { Finding } from './findings.js';
import type { AreaSummary, Figure, SetSummary, Summary, Top } from './summary.js';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : (100 * x).toFixed(1));

/** Lays out rows as columns: the first left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

const COUNT_HEADER = ['document', 'gold', 'system', 'found', 'P', 'R', 'F1'];
const countRow = (name: string, f: Figure) => [name, String(f.gold), String(f.system), String(f.foundGold), pct(f.precision), pct(f.recall), pct(f.f1)];

function areaTable(a: AreaSummary, perDocument: boolean): string[] {
  const rows = perDocument ? a.documents.map((d) => countRow(d.name, d)) : [];
  rows.push(countRow(perDocument ? 'total (micro)' : 'total', a.total));
  const lines = table(COUNT_HEADER, rows);
  if (perDocument && a.documents.length > 1) lines.push(`  macro F1 over documents: ${pct(a.macroF1)}`);
  return lines;
}

function topLines(top: Top, n: number): string[] {
  const out: string[] = [];
  const block = (title: string, entries: Top['misses']) => {
    if (entries.length === 0) return;
    out.push(`  ${title}:`);
    for (const e of entries.slice(0, n)) out.push(`    ${String(e.count).padStart(4)}× ${e.key}   e.g. ${e.example}`);
  };
  block('most frequent misses', top.misses);
  block('most frequent found wrongly', top.wrong);
  block('most frequent false positives', top.falsePositives);
  return out;
}

function entityLines(set: SetSummary, perDocument: boolean): string[] {
  const e = set.entities!;
  // A benchmark holds one kind: show the groups that have anything, and "all" only beside two kinds.
  const used = ['ligand', 'target'].filter((g) => e.exact[g]!.total.gold + e.exact[g]!.total.system > 0);
  const groups = used.length > 1 || set.name === 'corpus' ? [...(set.name === 'corpus' ? ['ligand', 'target'] : used), 'all'] : used;
  const out: string[] = [];
  if (perDocument) {
    const header = ['document', ...groups.flatMap((g) => [`${g} gold`, `${g} exact F1`, `overlap F1`])];
    const names = e.exact.all!.documents.map((d) => d.name);
    const rows = names.map((name, i) => [name, ...groups.flatMap((g) => [String(e.exact[g]!.documents[i]!.gold), pct(e.exact[g]!.documents[i]!.f1), pct(e.overlap[g]!.documents[i]!.f1)])]);
    out.push(...table(header, rows), '');
  }
  const rows = groups.flatMap((g) => (['exact', 'overlap'] as const).map((mode) => {
    const f = e[mode][g]!.total;
    return [g, mode, String(f.gold), String(f.system), String(f.foundGold), pct(f.precision), pct(f.recall), pct(f.f1)];
  }));
  out.push(...table(['total', 'match', 'gold', 'system', 'found', 'P', 'R', 'F1'], rows));
  if (groups.includes('all')) out.push('  ("all" pools the kinds: a span found with the other kind counts there)');
  return out;
}

function setLines(set: SetSummary, options: ReportOptions): string[] {
  const out: string[] = [];
  const perDocument = set.name === 'corpus' || options.perDocument;
  out.push('', `== ${set.title}: ${set.scored} document(s) scored${set.withoutGold.length ? `, ${set.withoutGold.length} without gold yet` : ''}` + (set.scored ? ` (analysis ${set.analysisSeconds.toFixed(1)} s)` : ''));
  if (set.absent) out.push(`  skipped: ${set.absent}`);
  if (set.scored === 0) return out;
  if (set.citations) {
    out.push('', 'Citations (pairs marker → reference)', ...areaTable(set.citations, perDocument));
    const nl = set.citations.noList;
    if (nl) out.push(`  documents with no reference list: ${nl.documents}; references invented ${nl.invented}, markers reported as resolved ${nl.resolved} (both should be 0)`);
    out.push(...topLines(set.citations.top, options.top));
  }
  if (set.references) out.push('', 'References (entries found and numbered)', ...areaTable(set.references, perDocument), ...topLines(set.references.top, options.top));
  if (set.fields) {
    out.push('', 'Reference fields (units of aligned entries; micro)', ...areaTable(set.fields, perDocument));
    const rows = Object.entries(set.fields.perField)
      .filter(([, f]) => f.gold + f.system > 0)
      .map(([name, f]) => countRow(name, f));
    if (rows.length > 0) out.push('  per field:', ...table(['field', 'gold', 'system', 'right', 'P', 'R', 'F1'], rows).map((l) => `  ${l}`));
    out.push(...topLines(set.fields.top, options.top));
  }
  if (set.entities) {
    out.push('', 'Entities (within regions; optional gold skipped both ways)', ...entityLines(set, perDocument));
    out.push(...topLines(set.entities.top, options.top));
  }
  if (set.records) {
    out.push('', 'Records (overlapping span, same ligand, same value and compatible unit)', ...areaTable(set.records, perDocument));
    const acc = Object.entries(set.records.attributes)
      .map(([a, v]) => `${a} ${v.accuracy === null ? '—' : `${pct(v.accuracy)}%`} (${v.correct}/${v.total})`)
      .join(' · ');
    out.push(`  attribute accuracy over found records: ${acc}`);
    out.push(...topLines(set.records.top, options.top));
  }
  return out;
}

/** The benchmark lines beside the published figures. */
function benchmarkLines(summary: Summary, onlyScored: boolean): string[] {
  const sets = summary.sets.filter((s) => s.name !== 'corpus' && (!onlyScored || s.scored > 0));
  if (sets.length === 0) return [];
  const rows: string[][] = [];
  for (const s of sets) {
    if (s.scored === 0) {
      rows.push([s.title, '0', '', '', '', '', '', 'not available: ' + (s.absent ?? '')]);
      continue;
    }
    const published = s.published.map((p) => `${p.system} ${p.f1}${p.metric === 'overlap' ? ' (overlap)' : ''}`).join(' · ');
    if (s.entities) {
      const ex = s.entities.exact.all!.total;
      const ov = s.entities.overlap.all!.total;
      rows.push([s.title, String(s.scored), String(ex.gold), `${pct(ex.precision)}/${pct(ex.recall)}`, pct(ex.f1), pct(ov.f1), '', published]);
    } else if (s.fields) {
      rows.push([s.title, String(s.scored), String(s.fields.total.gold), `${pct(s.fields.total.precision)}/${pct(s.fields.total.recall)}`, '', '', pct(s.fields.total.f1), published]);
    }
  }
  return ['', `== Benchmarks (${summary.split} sets) beside published figures`, ...table(['benchmark', 'docs', 'gold', 'P/R exact', 'F1 exact', 'F1 overlap', 'fields F1', 'published F1'], rows)];
}

export interface ReportOptions {
  /** How many entries each top list shows. */
  readonly top: number;
  /** Per-document tables for the benchmarks too (for `--doc`). */
  readonly perDocument: boolean;
}

export function formatReport(summary: Summary, options: ReportOptions = { top: 10, perDocument: false }): string {
  const out = [`Marginalia accuracy (npm run eval, ${summary.split} sets) — ${summary.seconds.toFixed(1)} s`];
  if (summary.problems.length > 0) {
    out.push('', `${summary.problems.length} problem(s) in gold files (those files are not scored; npm run eval -- --validate):`);
    for (const p of summary.problems.slice(0, 50)) out.push(`  ${p}`);
  }
  // For one document (--doc), only the set it belongs to.
  out.push(...benchmarkLines(summary, options.perDocument));
  for (const set of summary.sets) if (!options.perDocument || set.scored > 0) out.push(...setLines(set, options));
  return `${out.join('\n')}\n`;
}

/** Every finding of one document, in document order (for `--doc`). */
export function findingLines(name: string, findings: readonly Finding[]): string[] {
  const out = ['', `== Findings in ${name} (${findings.length})`];
  for (const f of findings) out.push(`  ${String(f.start).padStart(7)}–${String(f.end).padEnd(7)} ${f.area.padEnd(10)} ${f.type.padEnd(14)} ${f.text}`);
  return out;
}
