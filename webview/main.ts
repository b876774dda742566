/**
 * The side panel's script: receives models and highlights from the extension host (checked by
 * the protocol's guard), renders them with lit, and sends the user's actions back.
 *
 * A new model re-renders in place (lit patches the DOM; keyed lists keep their elements), so an
 * update never loses the scroll position, the filter or the expanded entries. The UI state is
 * kept with `setState`, so it also survives the view being hidden (the webview is then
 * destroyed; the extension does not ask for `retainContextWhenHidden`, which would keep a whole
 * renderer alive for a view that rebuilds in a few milliseconds).
 */
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { render } from 'lit';
import { isHostMessage, type HighlightReason, type HostMessage, type PanelAnnotations, type PanelModel, type PanelReferenceLink, type PanelTab, type WebviewMessage } from '../src/shared/protocol.js';
import type { RecordColumn } from './lists.js';
import { restoreUiState, type UiState } from './ui-state.js';
import { panelView, type Actions } from './view.js';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
/** The side bar's tabs, or the records as a wide table in the editor area. */
const layout = document.body.dataset.layout === 'wide' ? 'wide' : 'side';

let model: PanelModel | null = null;
/** The reader's annotations of the shown document (they arrive apart from the model). */
let annotations: PanelAnnotations | null = null;
let ui: UiState = restoreUiState(vscode.getState());
let highlighted = new Set<number>();
/** Set when the next render should bring the highlighted entries into view. */
let pendingScroll: { reason: HighlightReason } | null = null;
/** Set when the next render should restore the tab's saved scroll offset. */
let restoreScroll = true;

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function setUi(next: Partial<UiState>): void {
  ui = { ...ui, ...next };
  vscode.setState(ui);
}

function documentUri(): string | null {
  return model?.kind === 'document' ? model.uri : null;
}

const actions: Actions = {
  selectTab(tab: PanelTab) {
    if (tab === ui.tab) return;
    setUi({ tab, scroll: { ...ui.scroll, [ui.tab]: panelOf(ui.tab)?.scrollTop ?? 0 } });
    restoreScroll = true;
    update();
  },
  setFilter(filter: string) {
    setUi({ filter });
    update();
  },
  toggleExpanded(number: number) {
    const expanded = ui.expanded.includes(number) ? ui.expanded.filter((n) => n !== number) : [...ui.expanded, number];
    setUi({ expanded });
    update();
  },
  revealReference(number: number) {
    const uri = documentUri();
    if (uri) post({ type: 'revealReference', uri, number });
  },
  revealCitation(citation: number) {
    const uri = documentUri();
    if (uri) post({ type: 'revealCitation', uri, citation });
  },
  stepMention(entity: string, direction: 1 | -1) {
    const uri = documentUri();
    if (uri) post({ type: 'stepMention', uri, entity, direction });
  },
  revealRecord(record: number) {
    const uri = documentUri();
    if (uri) post({ type: 'revealRecord', uri, record });
  },
  sortBy(column: RecordColumn | null) {
    if (column === null) setUi({ sort: null });
    else setUi({ sort: { column, descending: ui.sort?.column === column ? !ui.sort.descending : false } });
    update();
  },
  setRecordFilter(recordFilter: string) {
    setUi({ recordFilter });
    update();
  },
  toggleRecord(index: number) {
    const expandedRecords = ui.expandedRecords.includes(index) ? ui.expandedRecords.filter((n) => n !== index) : [...ui.expandedRecords, index];
    setUi({ expandedRecords });
    update();
  },
  exportCsv() {
    post({ type: 'exportCsv' });
  },
  openDataTable() {
    post({ type: 'openDataTable' });
  },
  exportReferences() {
    post({ type: 'exportReferences' });
  },
  openReference(number: number, kind: PanelReferenceLink['kind']) {
    const uri = documentUri();
    if (uri) post({ type: 'openReference', uri, number, kind });
  },
  revealAnnotation(id: string) {
    const uri = documentUri();
    if (uri) post({ type: 'revealAnnotation', uri, id });
  },
  setAnnotationFilter(filter) {
    setUi({ annotationFilter: { ...ui.annotationFilter, ...filter } });
    update();
  },
};

/** Each tab panel scrolls on its own, below the fixed tab bar. */
function panelOf(tab: PanelTab): HTMLElement | null {
  return document.querySelector<HTMLElement>(`vscode-tab-panel[data-tab="${tab}"]`);
}

function scrollToHighlight(reason: HighlightReason): void {
  const first = [...highlighted].sort((a, b) => a - b)[0];
  if (first === undefined || ui.tab !== 'references') return;
  const entry = document.getElementById(`ref-${first}`);
  if (!entry) return;
  entry.scrollIntoView({ block: 'center' });
  // Only an explicit request moves the keyboard focus; the cursor or a hover must not steal it.
  if (reason === 'command') entry.querySelector<HTMLElement>('button.number')?.focus({ preventScroll: true });
}

function update(): void {
  render(panelView({ layout, model, ui, highlighted, actions, annotations: annotations && annotations.uri === documentUri() ? annotations : null }), app);
  const scroll = pendingScroll;
  pendingScroll = null;
  if (restoreScroll && model) {
    restoreScroll = false;
    // Custom elements render asynchronously; wait a frame so the page has its full height.
    requestAnimationFrame(() => {
      const panel = panelOf(ui.tab);
      if (panel) panel.scrollTop = ui.scroll[ui.tab];
      if (scroll) scrollToHighlight(scroll.reason);
    });
  } else if (scroll) {
    requestAnimationFrame(() => scrollToHighlight(scroll.reason));
  }
}

function receive(message: HostMessage): void {
  if (message.type === 'model') {
    const next = message.model;
    const nextUri = next.kind === 'document' ? next.uri : null;
    if (nextUri !== null && nextUri !== ui.uri) {
      // Another document: its own expansions and scroll; the filter stays.
      setUi({ uri: nextUri, expanded: [], expandedRecords: [], scroll: { references: 0, entities: 0, data: 0, annotations: 0 } });
      highlighted = new Set();
      restoreScroll = true;
    }
    // The tabs are rebuilt after an empty state; put each tab back where it was.
    if (next.kind === 'document' && model?.kind !== 'document') restoreScroll = true;
    model = next;
    update();
    return;
  }
  if (message.type === 'annotations') {
    annotations = message.annotations;
    update();
    return;
  }
  if (message.uri !== documentUri()) return;
  highlighted = new Set(message.numbers);
  if (message.reason === 'command' && ui.tab !== 'references') {
    setUi({ tab: 'references', scroll: { ...ui.scroll, [ui.tab]: panelOf(ui.tab)?.scrollTop ?? 0 } });
  }
  if (message.numbers.length > 0) pendingScroll = { reason: message.reason };
  update();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  // Only the extension host posts into this frame; anything that fails the guard is ignored.
  if (isHostMessage(event.data)) receive(event.data);
});

let scrollSaveQueued = false;
// Scroll events do not bubble; listen in the capture phase for every tab panel.
document.addEventListener(
  'scroll',
  (event) => {
    const panel = event.target;
    if (!(panel instanceof HTMLElement) || panel.dataset.tab !== ui.tab || scrollSaveQueued || restoreScroll) return;
    scrollSaveQueued = true;
    requestAnimationFrame(() => {
      scrollSaveQueued = false;
      setUi({ scroll: { ...ui.scroll, [ui.tab]: panel.scrollTop } });
    });
  },
  true,
);

document.addEventListener('securitypolicyviolation', (event) => {
  post({ type: 'cspViolation', directive: event.violatedDirective.slice(0, 200), blocked: event.blockedURI.slice(0, 500) });
});

update();
post({ type: 'ready' });
