/**
 * The webview's own state (tab, filter, expanded entries, sort, scroll), kept with
 * `vscode.setState` so it survives the view being hidden and shown. Restored state is checked
 * like any other input.
 */
import { panelTabs, type PanelTab } from '../src/shared/protocol.js';
import { panelAnnotationColours, type PanelAnnotationColour } from '../src/shared/protocol.js';
import { noAnnotationFilter, type AnnotationFilter } from './annotation-list.js';
import { recordColumns, type RecordSort } from './lists.js';

export interface UiState {
  readonly tab: PanelTab;
  readonly filter: string;
  /** Document the expansions and scroll positions belong to. */
  readonly uri: string | null;
  /** Reference numbers whose citing sentences are shown. */
  readonly expanded: readonly number[];
  readonly sort: RecordSort | null;
  /** The Data tab's own filter. */
  readonly recordFilter: string;
  /** Indices of the records whose details are shown. */
  readonly expandedRecords: readonly number[];
  /** Scroll offset of each tab. */
  readonly scroll: Readonly<Record<PanelTab, number>>;
  /** The Annotations tab's filter. */
  readonly annotationFilter: AnnotationFilter;
}

export const initialUiState: UiState = {
  tab: 'references',
  filter: '',
  uri: null,
  expanded: [],
  sort: null,
  recordFilter: '',
  expandedRecords: [],
  scroll: { references: 0, entities: 0, data: 0, annotations: 0 },
  annotationFilter: noAnnotationFilter,
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
  const recordFilter = typeof saved.recordFilter === 'string' ? saved.recordFilter.slice(0, 500) : '';
  const expandedRecords = Array.isArray(saved.expandedRecords) ? saved.expandedRecords.filter((n): n is number => Number.isSafeInteger(n) && n >= 0) : [];
  const scroll = { ...initialUiState.scroll };
  if (isObject(saved.scroll)) {
    for (const key of panelTabs) {
      const value = saved.scroll[key];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) scroll[key] = value;
    }
  }
  let annotationFilter = noAnnotationFilter;
  if (isObject(saved.annotationFilter)) {
    const f = saved.annotationFilter;
    annotationFilter = {
      colour: panelAnnotationColours.includes(f.colour as PanelAnnotationColour) ? (f.colour as PanelAnnotationColour) : null,
      tag: typeof f.tag === 'string' ? f.tag.slice(0, 200) : null,
      text: typeof f.text === 'string' ? f.text.slice(0, 500) : '',
    };
  }
  return { tab, filter, uri, expanded, sort, recordFilter, expandedRecords, scroll, annotationFilter };
}
