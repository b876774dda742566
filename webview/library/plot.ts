/**
 * The evidence plot: pValues (pIC50, pKi, pEC50 …) per target (or per ligand), one dot per
 * record, coloured by measure, with the record's source as its tooltip; a dot opens its source.
 * Drawn by Observable Plot (ISC), which builds SVG with DOM calls: no eval, no innerHTML.
 */
import * as Plot from '@observablehq/plot';
import type { EvidenceRowView } from '../../src/shared/evidence-protocol.js';

/** Groups shown at most (the ones with the most records). */
const MAX_GROUPS = 40;

interface Mark {
  readonly row: number;
  readonly group: string;
  readonly pValue: number;
  readonly measure: string;
  readonly source: string;
}

export function renderPlot(
  container: HTMLElement,
  rows: readonly EvidenceRowView[],
  visible: readonly number[],
  by: 'target' | 'ligand',
  open: (row: number) => void,
): void {
  const marks: Mark[] = [];
  for (const i of visible) {
    const r = rows[i]!;
    if (r.pValue === null) continue;
    marks.push({
      row: i,
      group: r[by] || '(not named)',
      pValue: r.pValue,
      measure: r.measure || '—',
      source: `${r.ligand || '?'} · ${r.target || '?'}: ${r.measure} ${r.value} (p ${r.pValue.toFixed(2)})\n${r.document}, line ${r.line}${r.context ? `\n${r.context}` : ''}`,
    });
  }
  container.replaceChildren();
  if (marks.length === 0) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'No record here has a pValue to plot (only exact potencies and affinities have one).';
    container.append(p);
    return;
  }
  const counts = new Map<string, number>();
  for (const m of marks) counts.set(m.group, (counts.get(m.group) ?? 0) + 1);
  const groups = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_GROUPS).map(([g]) => g);
  const kept = new Set(groups);
  const data = marks.filter((m) => kept.has(m.group));
  const svg = Plot.plot({
    className: 'evidence-plot',
    marginLeft: 140,
    width: Math.max(420, container.clientWidth || 640),
    height: 40 + 26 * groups.length,
    x: { label: 'pValue (−log₁₀ M) →', grid: true },
    y: { label: null, domain: groups },
    color: { legend: true, type: 'categorical' },
    marks: [Plot.dot(data, { x: 'pValue', y: 'group', fill: 'measure', r: 5, title: 'source', fillOpacity: 0.8 })],
  });
  // Plot puts a <style> element in what it returns; the page's CSP would refuse it. Its rules
  // (for the class named above) are in media/evidence.css instead.
  svg.querySelectorAll('style').forEach((style) => style.remove());
  const dots = svg.querySelectorAll('g[aria-label="dot"] circle');
  dots.forEach((dot, i) => {
    const mark = data[i];
    if (!mark) return;
    dot.setAttribute('data-row', String(mark.row));
    dot.addEventListener('click', () => open(mark.row));
  });
  container.append(svg);
}
