/**
 * The panel's templates. Every piece of document text goes through a lit text binding (escaped),
 * never through innerHTML; event handlers are bound in templates, never inline attributes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { panelTabs, type PanelCitingSentence, type PanelDocumentModel, type PanelEntity, type PanelModel, type PanelRecord, type PanelReference, type PanelTab } from '../src/shared/protocol.js';
import { formatMolar, recordColumns, referenceGroups, sortRecords, type RecordColumn } from './lists.js';
import type { UiState } from './ui-state.js';

/** What the templates may ask for; main.ts turns these into state changes and messages. */
export interface Actions {
  selectTab(tab: PanelTab): void;
  setFilter(filter: string): void;
  toggleExpanded(number: number): void;
  revealReference(number: number): void;
  revealCitation(citation: number): void;
  stepMention(entity: string, direction: 1 | -1): void;
  revealRecord(record: number): void;
  sortBy(column: RecordColumn): void;
  exportCsv(): void;
}

export interface ViewInput {
  readonly model: PanelModel | null;
  readonly ui: UiState;
  /** Reference numbers highlighted because of the editor (cursor, hover, command). */
  readonly highlighted: ReadonlySet<number>;
  readonly actions: Actions;
}

const columnTitles: Record<RecordColumn, string> = {
  ligand: 'Ligand',
  target: 'Target',
  measure: 'Measure',
  value: 'Value',
  molar: 'Molar',
  effect: 'Effect',
  context: 'Context',
  references: 'Refs',
};

/** Enter and Space activate an element that is not a native button. */
function onActivate(action: () => void) {
  return (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  };
}

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
      <vscode-textfield
        class="filter"
        type="search"
        placeholder="Filter by number, title or source"
        aria-label="Filter references by number, title or source"
        .value=${ui.filter}
        @input=${(event: Event) => actions.setFilter((event.target as HTMLInputElement).value)}
      >
        <vscode-icon slot="content-before" name="filter" aria-hidden="true"></vscode-icon>
      </vscode-textfield>
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
  return html`${section('Ligands', 'ligand')}${section('Targets', 'target')}`;
}

function cellText(record: PanelRecord, column: RecordColumn): string {
  switch (column) {
    case 'molar':
      return record.molar === null ? '' : formatMolar(record.molar);
    case 'references':
      return record.references.map((n) => `[${n}]`).join('');
    default:
      return record[column] ?? '';
  }
}

function dataTab(model: PanelDocumentModel, ui: UiState, actions: Actions): TemplateResult {
  const rows = sortRecords(model.records, ui.sort);
  const ariaSort = (column: RecordColumn) =>
    ui.sort?.column === column ? (ui.sort.descending ? 'descending' : 'ascending') : 'none';
  return html`
    <div class="toolbar">
      <span class="summary">${plural(model.records.length, 'record')}</span>
      <vscode-button secondary icon="export" ?disabled=${model.records.length === 0} @click=${() => actions.exportCsv()}>Export CSV</vscode-button>
    </div>
    ${model.records.length === 0
      ? html`<p class="empty-list">No quantitative data found in this document's tables.</p>`
      : html`<div class="table-wrap">
          <table class="records" aria-label="Quantitative records">
            <thead>
              <tr>
                ${recordColumns.map(
                  (column) => html`<th scope="col" aria-sort=${ariaSort(column)}>
                    <button class="sort" @click=${() => actions.sortBy(column)} aria-label=${`Sort by ${columnTitles[column]}`}>
                      ${columnTitles[column]}
                      <span
                        class=${`codicon ${ui.sort?.column === column ? (ui.sort.descending ? 'codicon-arrow-down' : 'codicon-arrow-up') : 'codicon-blank'}`}
                        aria-hidden="true"
                      ></span>
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
                  aria-label=${`Record on line ${record.line}: go to its row in the document`}
                  @click=${() => actions.revealRecord(record.index)}
                  @keydown=${onActivate(() => actions.revealRecord(record.index))}
                >
                  ${recordColumns.map((column) => html`<td class=${`col-${column}`}>${cellText(record, column)}</td>`)}
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
  const counts: Record<PanelTab, number> = {
    references: model.references.length,
    entities: model.entities.length,
    data: model.records.length,
  };
  const titles: Record<PanelTab, string> = { references: 'References', entities: 'Entities', data: 'Data' };
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
    </vscode-tabs>
  `;
}
