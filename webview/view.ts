/**
 * The panel's templates. Every piece of document text goes through a lit text binding (escaped),
 * never through innerHTML; event handlers are bound in templates, never inline attributes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { panelTabs, type PanelAnnotations, type PanelCitingSentence, type PanelDocumentModel, type PanelEntity, type PanelModel, type PanelRecord, type PanelReference, type PanelReferenceLink, type PanelTab } from '../src/shared/protocol.js';
import { annotationsTab, type AnnotationActions } from './annotations-tab.js';
import { filterField } from './filter-field.js';
import { formatMolar, matchesRecord, originText, recordColumns, referenceGroups, sortRecords, type RecordColumn } from './lists.js';
import type { UiState } from './ui-state.js';

/** What the templates may ask for; main.ts turns these into state changes and messages. */
export interface Actions extends AnnotationActions {
  selectTab(tab: PanelTab): void;
  setFilter(filter: string): void;
  toggleExpanded(number: number): void;
  revealReference(number: number): void;
  revealCitation(citation: number): void;
  stepMention(entity: string, direction: 1 | -1): void;
  revealRecord(record: number): void;
  /** Sorts by a column (again: reverses the order); null: document order. */
  sortBy(column: RecordColumn | null): void;
  setRecordFilter(filter: string): void;
  openDataTable(): void;
  toggleRecord(index: number): void;
  exportCsv(): void;
  exportReferences(): void;
  openReference(number: number, kind: PanelReferenceLink['kind']): void;
}

export interface ViewInput {
  /** `side`: the side bar's tabs; `wide`: the records as a full table in the editor area. */
  readonly layout: 'side' | 'wide';
  readonly model: PanelModel | null;
  readonly ui: UiState;
  /** Reference numbers highlighted because of the editor (cursor, hover, command). */
  readonly highlighted: ReadonlySet<number>;
  readonly actions: Actions;
  /** The reader's annotations of the document (null until they arrive). */
  readonly annotations?: PanelAnnotations | null;
}

const columnTitles: Record<RecordColumn, string> = {
  ligand: 'Ligand',
  target: 'Target',
  measure: 'Measure',
  value: 'Value',
  pValue: 'pValue',
  molar: 'Molar',
  effect: 'Effect',
  context: 'Context',
  references: 'Refs',
  origin: 'From',
};

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function citingSentence(sentence: PanelCitingSentence, number: number, actions: Actions): TemplateResult {
  return html`<li>
    <button
      class="citing"
      title=${`Go to this ${sentence.marker} in the document (citing reference ${number})`}
      @click=${() => actions.revealCitation(sentence.citation)}
    >
      <span class="sentence">${sentence.before}<mark
          >${sentence.marker.slice(0, sentence.numberStart)}<strong>${sentence.marker.slice(sentence.numberStart, sentence.numberEnd)}</strong
          >${sentence.marker.slice(sentence.numberEnd)}</mark
        >${sentence.after}</span>
      <span class="line">line ${sentence.line}</span>
    </button>
  </li>`;
}

function referenceEntry(reference: PanelReference, input: ViewInput, nested: boolean): TemplateResult {
  const { ui, actions, highlighted } = input;
  const open = ui.expanded.includes(reference.number);
  const meta = [reference.source, reference.year, reference.host].filter((part) => part !== null && part !== '').join(' · ');
  const isHighlighted = highlighted.has(reference.number);
  const listId = `citing-${reference.number}`;
  return html`<li
    class=${`reference${isHighlighted ? ' highlighted' : ''}${nested ? ' duplicate' : ''}`}
    id=${`ref-${reference.number}`}
    data-number=${reference.number}
    aria-current=${isHighlighted ? 'true' : nothing}
  >
    <div class="reference-row">
      <button
        class="expander"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${listId}
        aria-label=${`${open ? 'Hide' : 'Show'} the ${plural(reference.cited, 'sentence')} citing reference ${reference.number}`}
        ?disabled=${reference.cited === 0}
        @click=${() => actions.toggleExpanded(reference.number)}
      >
        <span class=${`codicon ${open ? 'codicon-chevron-down' : 'codicon-chevron-right'}`} aria-hidden="true"></span>
      </button>
      <button
        class="number"
        aria-label=${`Go to reference ${reference.number} in the document`}
        title="Go to the entry in the document"
        @click=${() => actions.revealReference(reference.number)}
      >${reference.number}</button>
      <div class="reference-body" title=${reference.text}>
        <span class="title">${reference.title}</span>
        ${meta ? html`<span class="meta">${meta}</span>` : nothing}
        ${reference.duplicateOf !== null && !nested
          ? html`<span class="note">Same work as
              <button class="link" aria-label=${`Go to reference ${reference.duplicateOf}, which lists the same work`} @click=${() => actions.revealReference(reference.duplicateOf!)}
              >${reference.duplicateOf}</button></span>`
          : nothing}
        ${reference.links.length > 0
          ? html`<span class="links">${reference.links.map(
              (link) => html`<button class="link open-link" data-kind=${link.kind} title=${`Open ${link.url} in the browser`} @click=${() => actions.openReference(reference.number, link.kind)}>${link.label}</button>`,
            )}</span>`
          : nothing}
      </div>
      <vscode-badge
        variant="counter"
        class=${reference.cited === 0 ? 'uncited' : ''}
        aria-label=${reference.cited === 0 ? 'not cited' : `cited ${plural(reference.cited, 'time')}`}
        title=${reference.cited === 0 ? 'Not cited in the text' : `Cited ${plural(reference.cited, 'time')}`}
      >${reference.cited}</vscode-badge>
    </div>
    ${open
      ? html`<ol class="citations" id=${listId} aria-label=${`Sentences citing reference ${reference.number}`}>
          ${repeat(reference.citations, (sentence) => sentence.citation, (sentence) => citingSentence(sentence, reference.number, actions))}
        </ol>`
      : nothing}
  </li>`;
}

function referencesTab(model: PanelDocumentModel, input: ViewInput): TemplateResult {
  const { ui, actions, highlighted } = input;
  const groups = referenceGroups(model.references, ui.filter);
  const shown = new Set(groups.flatMap((group) => [group.head.number, ...group.duplicates.map((d) => d.number)]));
  const hiddenHighlights = [...highlighted].filter((n) => !shown.has(n) && model.references.some((r) => r.number === n));
  return html`
    <div class="toolbar">
      ${filterField({ className: 'filter', placeholder: 'Filter by number, title or source', label: 'Filter references by number, title or source', value: ui.filter, onInput: (value) => actions.setFilter(value) })}
      <vscode-button secondary icon="export" ?disabled=${model.references.length === 0} @click=${() => actions.exportReferences()}>Export</vscode-button>
    </div>
    ${hiddenHighlights.length > 0
      ? html`<p class="notice" role="status">
          ${hiddenHighlights.length === 1 ? `Reference ${hiddenHighlights[0]} is` : `References ${hiddenHighlights.join(', ')} are`} hidden by the filter.
          <button class="link" @click=${() => actions.setFilter('')}>Clear the filter</button>
        </p>`
      : nothing}
    ${model.references.length === 0
      ? html`<p class="empty-list">No reference list found in this document.</p>`
      : groups.length === 0
        ? html`<p class="empty-list" role="status">No reference matches “${ui.filter}”.</p>`
        : html`<ol class="references" aria-label="References">
            ${repeat(groups, (group) => group.head.number, (group) => html`${referenceEntry(group.head, input, false)}
              ${group.duplicates.length > 0
                ? html`<li class="duplicates-group">
                    <ol class="duplicates" aria-label=${`Entries listing the same work as reference ${group.head.number}`}>
                      ${repeat(group.duplicates, (d) => d.number, (d) => referenceEntry(d, input, true))}
                    </ol>
                  </li>`
                : nothing}`)}
          </ol>`}
  `;
}

function entityItem(entity: PanelEntity, actions: Actions): TemplateResult {
  const others = entity.variants.filter((variant) => variant !== entity.name);
  return html`<li class="entity" data-entity=${entity.id}>
    <div class="entity-row">
      <button
        class="entity-name"
        title=${entity.name}
        aria-label=${`${entity.name}: go to the next of ${plural(entity.mentions, 'mention')}`}
        @click=${() => actions.stepMention(entity.id, 1)}
      >${entity.name}</button>
      <vscode-badge variant="counter" aria-label=${plural(entity.mentions, 'mention')}>${entity.mentions}</vscode-badge>
      <span class="step">
        <vscode-icon action-icon name="arrow-up" label=${`Previous mention of ${entity.name}`} @click=${() => actions.stepMention(entity.id, -1)}></vscode-icon>
        <vscode-icon action-icon name="arrow-down" label=${`Next mention of ${entity.name}`} @click=${() => actions.stepMention(entity.id, 1)}></vscode-icon>
      </span>
    </div>
    ${entity.class ? html`<div class="meta">${entity.class}</div>` : nothing}
    ${others.length > 0 ? html`<div class="variants">Also written ${others.join(', ')}</div>` : nothing}
    ${entity.links?.length
      ? html`<div class="links">${entity.links.map((l, i) => html`${i > 0 ? ' · ' : ''}${l.url ? html`<a href=${l.url}>${l.label}</a>` : l.label}`)}</div>`
      : nothing}
    ${entity.provenance ? html`<div class="meta provenance">${entity.provenance}</div>` : nothing}
  </li>`;
}

function entitiesTab(model: PanelDocumentModel, actions: Actions): TemplateResult {
  const section = (title: string, kind: PanelEntity['kind']) => {
    const items = model.entities.filter((entity) => entity.kind === kind);
    return html`<section aria-labelledby=${`heading-${kind}`}>
      <h2 id=${`heading-${kind}`}>${title} <span class="count">${items.length}</span></h2>
      ${items.length === 0
        ? html`<p class="empty-list">None recognised.</p>`
        : html`<ul class="entities">${repeat(items, (entity) => entity.id, (entity) => entityItem(entity, actions))}</ul>`}
    </section>`;
  };
  // Other chemicals (ions, solvents, reagents) come last, and only when there are any.
  const chemicals = model.entities.some((entity) => entity.kind === 'chemical');
  return html`${section('Ligands', 'ligand')}${section('Targets', 'target')}${chemicals ? section('Other chemicals', 'chemical') : nothing}`;
}

function cellText(record: PanelRecord, column: RecordColumn): string {
  switch (column) {
    case 'molar':
      return record.molar === null ? '' : formatMolar(record.molar);
    case 'references':
      return record.references.map((n) => `[${n}]`).join('');
    case 'pValue':
      return record.pValue === null ? '' : record.pValue.toFixed(2);
    case 'origin':
      return originText(record);
    default:
      return record[column] ?? '';
  }
}

/** The details under an expanded record: every field that has a value, one per line. */
function recordDetails(record: PanelRecord): TemplateResult {
  const fields = recordColumns.map((column) => [columnTitles[column], cellText(record, column)] as const).filter(([, value]) => value !== '');
  if (record.cell) fields.push(['Read from', record.cell]);
  fields.push(['Line', String(record.line)]);
  return html`<dl class="record-details" id=${`record-details-${record.index}`}>
    ${fields.map(([title, value]) => html`<div class="field"><dt>${title}</dt><dd>${value}</dd></div>`)}
  </dl>`;
}

/**
 * One record in a narrow column: the names and the key figure on the first line, where it was
 * read on the second, everything else on expand. A record without names shows the text it was
 * read from, so no row is blank.
 */
function recordItem(record: PanelRecord, ui: UiState, actions: Actions): TemplateResult {
  const open = ui.expandedRecords.includes(record.index);
  const names = [record.ligand, record.target].filter((name): name is string => !!name);
  const title = names.length ? names.join(' · ') : (record.cell ?? record.effect ?? 'Unnamed record');
  const figure = [record.measure, record.value].filter(Boolean).join(' ');
  const meta = [record.effect && record.effect !== record.value ? record.effect : null, record.context, record.references.map((n) => `[${n}]`).join(''), originText(record)]
    .filter((part) => !!part)
    .join(' · ');
  const where = record.origin === 'prose' ? 'sentence' : 'row';
  return html`<li class="record" data-record=${record.index} data-molar=${record.molar === null ? nothing : String(record.molar)}>
    <div class="record-row">
      <button
        class="expander"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${`record-details-${record.index}`}
        aria-label=${`${open ? 'Hide' : 'Show'} the details of the record on line ${record.line}`}
        @click=${() => actions.toggleRecord(record.index)}
      >
        <span class=${`codicon ${open ? 'codicon-chevron-down' : 'codicon-chevron-right'}`} aria-hidden="true"></span>
      </button>
      <button
        class="record-main"
        aria-label=${`Record on line ${record.line}: ${title}${figure ? `, ${figure}` : ''}. Go to its ${where} in the document`}
        title=${`${title}${figure ? ` — ${figure}` : ''}${record.molar !== null ? ` (${formatMolar(record.molar)})` : ''}\nGo to its ${where} in the document (line ${record.line})`}
        @click=${() => actions.revealRecord(record.index)}
      >
        <span class="record-line">
          <span class=${`record-names${names.length ? '' : ' unnamed'}`}>${title}</span>
          ${figure ? html`<span class="record-figure">${record.measure ? html`<span class="record-measure">${record.measure}</span> ` : nothing}<span class="record-value">${record.value ?? ''}</span></span>` : nothing}
        </span>
        ${meta ? html`<span class="record-meta">${meta}</span>` : nothing}
      </button>
    </div>
    ${open ? recordDetails(record) : nothing}
  </li>`;
}

function dataTab(model: PanelDocumentModel, ui: UiState, actions: Actions): TemplateResult {
  const shown = model.records.filter((record) => matchesRecord(record, ui.recordFilter));
  const rows = sortRecords(shown, ui.sort);
  const descending = ui.sort?.descending === true;
  return html`
    <div class="toolbar">
      ${filterField({ className: 'record-filter', placeholder: 'Filter by name, measure or context', label: 'Filter records by name, measure, value, effect or context', value: ui.recordFilter, onInput: (value) => actions.setRecordFilter(value) })}
      <vscode-button secondary icon="open-preview" title="Open every field as a table in the editor" aria-label="Open as a table in the editor" ?disabled=${model.records.length === 0} @click=${() => actions.openDataTable()}></vscode-button>
      <vscode-button secondary icon="export" title="Export every record as CSV" aria-label="Export CSV" ?disabled=${model.records.length === 0} @click=${() => actions.exportCsv()}></vscode-button>
    </div>
    <div class="toolbar sort-bar">
      <span class="summary" role="status">${shown.length === model.records.length ? plural(model.records.length, 'record') : `${shown.length} of ${plural(model.records.length, 'record')}`}</span>
      <label class="sort-label">Sort
        <select
          class="sort-select"
          aria-label="Sort records by"
          @change=${(event: Event) => {
            const value = (event.target as HTMLSelectElement).value;
            actions.sortBy(recordColumns.includes(value as RecordColumn) ? (value as RecordColumn) : null);
          }}
        >
          <option value="" ?selected=${!ui.sort}>document order</option>
          ${recordColumns.map((column) => html`<option value=${column} ?selected=${ui.sort?.column === column}>${columnTitles[column]}</option>`)}
        </select>
      </label>
      <button
        class="sort-direction"
        ?disabled=${!ui.sort}
        aria-label=${descending ? 'Sorted descending: sort ascending' : 'Sorted ascending: sort descending'}
        title=${descending ? 'Descending (click for ascending)' : 'Ascending (click for descending)'}
        @click=${() => ui.sort && actions.sortBy(ui.sort.column)}
      >
        <span class=${`codicon ${descending ? 'codicon-arrow-down' : 'codicon-arrow-up'}`} aria-hidden="true"></span>
      </button>
    </div>
    ${model.records.length === 0
      ? html`<p class="empty-list">No quantitative data found in this document's tables or text.</p>`
      : rows.length === 0
        ? html`<p class="empty-list" role="status">No record matches “${ui.recordFilter}”.</p>`
        : html`<ol class="records" aria-label="Quantitative records">
            ${repeat(rows, (record) => record.index, (record) => recordItem(record, ui, actions))}
          </ol>`}
  `;
}

/** Enter and Space activate an element that is not a native button (a table row). */
function onActivate(action: () => void) {
  return (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  };
}

/** The records as a table with every column, for the editor area (opened from the Data tab). */
function wideDataView(model: PanelDocumentModel, ui: UiState, actions: Actions): TemplateResult {
  const shown = model.records.filter((record) => matchesRecord(record, ui.recordFilter));
  const rows = sortRecords(shown, ui.sort);
  const ariaSort = (column: RecordColumn) => (ui.sort?.column === column ? (ui.sort.descending ? 'descending' : 'ascending') : 'none');
  return html`
    <div class="toolbar">
      <span class="summary">${model.name}: ${shown.length === model.records.length ? plural(model.records.length, 'record') : `${shown.length} of ${plural(model.records.length, 'record')}`}</span>
      ${filterField({ className: 'record-filter', placeholder: 'Filter by name, measure or context', label: 'Filter records by name, measure, value, effect or context', value: ui.recordFilter, onInput: (value) => actions.setRecordFilter(value) })}
      <vscode-button secondary icon="export" ?disabled=${model.records.length === 0} @click=${() => actions.exportCsv()}>Export CSV</vscode-button>
    </div>
    ${model.records.length === 0
      ? html`<p class="empty-list">No quantitative data found in this document's tables or text.</p>`
      : html`<div class="table-wrap">
          <table class="records" aria-label="Quantitative records">
            <thead>
              <tr>
                ${recordColumns.map(
                  (column) => html`<th scope="col" aria-sort=${ariaSort(column)}>
                    <button class="sort" @click=${() => actions.sortBy(column)} aria-label=${`Sort by ${columnTitles[column]}`}>
                      ${columnTitles[column]}
                      <span class=${`codicon ${ui.sort?.column === column ? (ui.sort.descending ? 'codicon-arrow-down' : 'codicon-arrow-up') : 'codicon-blank'}`} aria-hidden="true"></span>
                    </button>
                  </th>`,
                )}
              </tr>
            </thead>
            <tbody>
              ${repeat(
                rows,
                (record) => record.index,
                (record) => html`<tr
                  tabindex="0"
                  data-record=${record.index}
                  aria-label=${`Record on line ${record.line}: go to its ${record.origin === 'prose' ? 'sentence' : 'row'} in the document`}
                  @click=${() => actions.revealRecord(record.index)}
                  @keydown=${onActivate(() => actions.revealRecord(record.index))}
                >
                  ${recordColumns.map((column) => {
                    const text = cellText(record, column);
                    // A record without names shows the text it was read from in its first cell.
                    const shownText = column === 'ligand' && !text && !record.target && record.cell ? record.cell : text;
                    return html`<td class=${`col-${column}`}>${shownText}</td>`;
                  })}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`}
  `;
}

function emptyState(message: string): TemplateResult {
  return html`<div class="empty-state" role="status">
    <span class="codicon codicon-book" aria-hidden="true"></span>
    <p>${message}</p>
  </div>`;
}

/** The whole panel. */
export function panelView(input: ViewInput): TemplateResult {
  const { model, ui, actions } = input;
  if (!model) return emptyState('Loading…');
  if (model.kind === 'empty') return emptyState(model.message);
  if (input.layout === 'wide') return wideDataView(model, ui, actions);
  const counts: Record<PanelTab, number> = {
    references: model.references.length,
    entities: model.entities.length,
    data: model.records.length,
    annotations: input.annotations?.items.length ?? 0,
  };
  const titles: Record<PanelTab, string> = { references: 'References', entities: 'Entities', data: 'Data', annotations: 'Annotations' };
  return html`
    <vscode-tabs
      selected-index=${panelTabs.indexOf(ui.tab)}
      @vsc-tabs-select=${(event: CustomEvent<{ selectedIndex: number }>) => {
        const tab = panelTabs[event.detail.selectedIndex];
        if (tab) actions.selectTab(tab);
      }}
    >
      ${panelTabs.map(
        (tab) => html`<vscode-tab-header slot="header" data-tab=${tab} aria-label=${`${titles[tab]} (${counts[tab]})`}>
          ${titles[tab]}
          <vscode-badge variant="tab-header-counter" slot="content-after">${counts[tab]}</vscode-badge>
        </vscode-tab-header>`,
      )}
      <vscode-tab-panel data-tab="references">${referencesTab(model, input)}</vscode-tab-panel>
      <vscode-tab-panel data-tab="entities">${entitiesTab(model, actions)}</vscode-tab-panel>
      <vscode-tab-panel data-tab="data">${dataTab(model, ui, actions)}</vscode-tab-panel>
      <vscode-tab-panel data-tab="annotations">${annotationsTab(input.annotations ?? null, ui.annotationFilter, actions)}</vscode-tab-panel>
    </vscode-tabs>
  `;
}
