/**
 * The evidence table's script: a sortable, filterable table of the records the host sent
 * (checked by the protocol's guard; every document string shown with textContent), a CSV export
 * of what is shown, rows that open their source line, and the plot beside it.
 */
import { isEvidenceToWebview, type EvidenceFromWebview, type EvidenceRowView, type EvidenceToWebview } from '../../src/shared/evidence-protocol.js';
import { renderPlot } from './plot.js';

interface VsCodeApi {
  postMessage(message: EvidenceFromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

type ColumnKey = 'ligand' | 'target' | 'measure' | 'value' | 'pValue' | 'context' | 'document' | 'line' | 'references';
const COLUMNS: readonly { key: ColumnKey; label: string; numeric?: boolean }[] = [
  { key: 'ligand', label: 'Ligand' },
  { key: 'target', label: 'Target' },
  { key: 'measure', label: 'Measure' },
  { key: 'value', label: 'Value (as written)' },
  { key: 'pValue', label: 'pValue', numeric: true },
  { key: 'context', label: 'Context' },
  { key: 'document', label: 'Document' },
  { key: 'line', label: 'Line', numeric: true },
  { key: 'references', label: 'References' },
];

interface State {
  sort: ColumnKey | null;
  descending: boolean;
  filter: string;
}
const saved = vscode.getState() as Partial<State> | undefined;
const state: State = {
  sort: COLUMNS.some((c) => c.key === saved?.sort) ? (saved!.sort as ColumnKey) : null,
  descending: saved?.descending === true,
  filter: typeof saved?.filter === 'string' ? saved.filter : '',
};

let message: EvidenceToWebview | null = null;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function sortValue(row: EvidenceRowView, key: ColumnKey): string | number | null {
  // A value sorts by its molar amount when it has one (1 μM after 100 nM), else as text.
  if (key === 'value') return row.molar ?? row.value;
  return row[key];
}

/** Indices of the rows shown, filtered and sorted as the reader asked. */
function visibleRows(rows: readonly EvidenceRowView[]): number[] {
  const words = state.filter.toLowerCase().split(/\s+/).filter(Boolean);
  let indices = rows.map((_, i) => i);
  if (words.length > 0) {
    indices = indices.filter((i) => {
      const r = rows[i]!;
      const hay = `${r.ligand} ${r.target} ${r.measure} ${r.value} ${r.context} ${r.document} ${r.references}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }
  if (state.sort) {
    const key = state.sort;
    const direction = state.descending ? -1 : 1;
    indices.sort((a, b) => {
      const x = sortValue(rows[a]!, key);
      const y = sortValue(rows[b]!, key);
      if (x === y) return a - b;
      if (x === null || x === '') return 1;
      if (y === null || y === '') return -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
      return order * direction || a - b;
    });
  }
  return indices;
}

function render(): void {
  app.replaceChildren();
  if (!message) {
    app.append(el('p', 'Loading the evidence…', 'empty'));
    return;
  }
  const rows = message.rows;
  const shown = visibleRows(rows);
  const header = el('header');
  header.append(el('h1', message.title));
  const counts = el('span', `${shown.length} of ${rows.length} records`, 'counts');
  counts.id = 'counts';
  header.append(counts);
  const toolbar = el('div', undefined, 'toolbar');
  const filter = el('input');
  filter.type = 'search';
  filter.id = 'filter';
  filter.placeholder = 'Filter (ligand, target, measure, context, document…)';
  filter.setAttribute('aria-label', 'Filter the records');
  filter.value = state.filter;
  filter.addEventListener('input', () => {
    state.filter = filter.value;
    vscode.setState(state);
    renderBody();
  });
  const exportButton = el('button', 'Export CSV');
  exportButton.id = 'export';
  exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export', rows: visibleRows(rows) }));
  toolbar.append(filter, exportButton);
  header.append(toolbar);
  app.append(header);

  const plot = el('section', undefined, 'plot');
  plot.id = 'plot';
  plot.setAttribute('aria-label', `pValues by ${message.plotBy}`);
  app.append(plot);

  const table = el('table');
  table.id = 'evidence';
  const head = el('thead');
  const headRow = el('tr');
  for (const column of COLUMNS) {
    const th = el('th');
    const button = el('button', column.label + (state.sort === column.key ? (state.descending ? ' ▼' : ' ▲') : ''));
    th.setAttribute('aria-sort', state.sort === column.key ? (state.descending ? 'descending' : 'ascending') : 'none');
    button.addEventListener('click', () => {
      if (state.sort === column.key) state.descending = !state.descending;
      else {
        state.sort = column.key;
        state.descending = false;
      }
      vscode.setState(state);
      render();
    });
    th.append(button);
    headRow.append(th);
  }
  head.append(headRow);
  const body = el('tbody');
  table.append(head, body);
  app.append(table);

  function renderBody(): void {
    const visible = visibleRows(rows);
    counts.textContent = `${visible.length} of ${rows.length} records`;
    body.replaceChildren(
      ...visible.map((i) => {
        const r = rows[i]!;
        const tr = el('tr');
        tr.tabIndex = 0;
        tr.dataset.row = String(i);
        tr.title = `Open ${r.document}, line ${r.line}`;
        for (const column of COLUMNS) {
          const v = column.key === 'pValue' ? (r.pValue === null ? '' : r.pValue.toFixed(2)) : String(r[column.key]);
          const td = el('td', v, column.numeric ? 'numeric' : undefined);
          if (column.key === 'document') td.title = v;
          tr.append(td);
        }
        const open = () => vscode.postMessage({ type: 'open', row: i });
        tr.addEventListener('click', open);
        tr.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') open();
        });
        return tr;
      }),
    );
    renderPlot(plot, rows, visible, message!.plotBy, (i) => vscode.postMessage({ type: 'open', row: i }));
  }
  renderBody();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isEvidenceToWebview(event.data)) return;
  message = event.data;
  render();
});
render();
vscode.postMessage({ type: 'ready' });
