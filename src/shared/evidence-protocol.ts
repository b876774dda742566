/**
 * Messages between the extension host and the evidence table's webview, one union per direction,
 * each with a runtime guard for the receiving side. The webview names rows by their index in the
 * table it was sent, never by URI or offset: the host looks the row up itself.
 *
 * Shared by `src/vscode/library/` and `webview/library/`: no DOM, no vscode.
 */

/** One row as the table shows it (every string from a document is shown with textContent only). */
export interface EvidenceRowView {
  readonly ligand: string;
  readonly target: string;
  readonly measure: string;
  /** The value as written with relation and unit: `> 50 μM`. */
  readonly value: string;
  readonly molar: number | null;
  readonly pValue: number | null;
  readonly unit: string;
  readonly context: string;
  /** The document's title, else its file name. */
  readonly document: string;
  /** 1-based. */
  readonly line: number;
  readonly references: string;
}

export type EvidenceToWebview = {
  readonly type: 'evidence';
  /** What the table is about: "CYP3A4 (target)", "itraconazole at CYP3A4". */
  readonly title: string;
  /** Group the plot by target or by ligand (the side that is not the query's entity). */
  readonly plotBy: 'target' | 'ligand';
  readonly rows: readonly EvidenceRowView[];
};

export type EvidenceFromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'open'; readonly row: number }
  /** Export these rows (indices into `rows`), in this order: what the reader sees, sorted and filtered. */
  | { readonly type: 'export'; readonly rows: readonly number[] };

const MAX_ROWS = 1_000_000;
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < MAX_ROWS;

export function isEvidenceFromWebview(message: unknown): message is EvidenceFromWebview {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.type === 'ready') return true;
  if (m.type === 'open') return isIndex(m.row);
  if (m.type === 'export') return Array.isArray(m.rows) && m.rows.length <= MAX_ROWS && m.rows.every(isIndex);
  return false;
}

const isText = (v: unknown) => typeof v === 'string';
const isNumberOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));

export function isEvidenceToWebview(message: unknown): message is EvidenceToWebview {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.type !== 'evidence' || !isText(m.title) || (m.plotBy !== 'target' && m.plotBy !== 'ligand') || !Array.isArray(m.rows)) return false;
  return m.rows.every((r: unknown) => {
    if (typeof r !== 'object' || r === null) return false;
    const row = r as Record<string, unknown>;
    return (
      ['ligand', 'target', 'measure', 'value', 'unit', 'context', 'document', 'references'].every((k) => isText(row[k])) &&
      isNumberOrNull(row.molar) &&
      isNumberOrNull(row.pValue) &&
      Number.isInteger(row.line)
    );
  });
}
