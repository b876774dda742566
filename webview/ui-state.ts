/**
 * The webview's own state (tab, filter, expanded entries, sort, scroll), kept with
 * `vscode.setState` so it survives the view being hidden and shown. Restored state is checked
 * like any other input.
 */
import { panelTabs, type PanelTab } from '../src/shared/protocol.js';
import { recordColumns, type RecordSort } from './lists.js';

export interface UiState {
  readonly tab: PanelTab;
  readonly filter: string;
  /** Document the expansions and scroll positions belong to. */
  readonly uri: string | null;
  /** Reference numbers whose citing sentences are shown. */
  readonly expanded: readonly number[];
  readonly sort: RecordSort | null;
  /** Scroll offset of each tab. */
  readonly scroll: Readonly<Record<PanelTab, number>>;
}

export const initialUiState: UiState = {
  tab: 'references',
  filter: '',
  uri: null,
  expanded: [],
  sort: null,
  scroll: { references: 0, entities: 0, data: 0 },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads state saved by an earlier load of the webview, falling back field by field. */
export function restoreUiState(saved: unknown): UiState {
  if (!isObject(saved)) return initialUiState;
  const tab = panelTabs.includes(saved.tab as PanelTab) ? (saved.tab as PanelTab) : initialUiState.tab;
  const filter = typeof saved.filter === 'string' ? saved.filter.slice(0, 500) : '';
  const uri = typeof saved.uri === 'string' ? saved.uri : null;
  const expanded = Array.isArray(saved.expanded) ? saved.expanded.filter((n): n is number => Number.isSafeInteger(n)) : [];
  let sort: RecordSort | null = null;
  if (isObject(saved.sort) && recordColumns.includes(saved.sort.column as RecordSort['column'])) {
    sort = { column: saved.sort.column as RecordSort['column'], descending: saved.sort.descending === true };
  }
  const scroll = { ...initialUiState.scroll };
  if (isObject(saved.scroll)) {
    for (const key of panelTabs) {
      const value = saved.scroll[key];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) scroll[key] = value;
    }
  }
  return { tab, filter, uri, expanded, sort, scroll };
}
