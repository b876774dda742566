/**
 * The Annotations tab: the reader's highlights and notes of the shown document, filtered by
 * colour, tag and text; a click reveals one in the editor; orphans (their text is gone) listed
 * apart with their quote and note. Every piece of text goes through lit text bindings.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { panelAnnotationColours, type PanelAnnotation, type PanelAnnotations } from '../src/shared/protocol.js';
import { annotationGroups, tagsInUse, type AnnotationFilter } from './annotation-list.js';
import { filterField } from './filter-field.js';

export interface AnnotationActions {
  revealAnnotation(id: string): void;
  setAnnotationFilter(filter: Partial<AnnotationFilter>): void;
}

function item(annotation: PanelAnnotation, actions: AnnotationActions): TemplateResult {
  const orphan = annotation.line === null;
  const body = html`<span class=${`swatch annotation-${annotation.colour}`} aria-hidden="true"></span>
    <span class="annotation-body">
      <span class="quote">${annotation.quote}</span>
      ${annotation.note ? html`<span class="annotation-note">${annotation.note}</span>` : nothing}
      ${annotation.tags.length > 0 ? html`<span class="annotation-tags">${annotation.tags.map((t) => html`<span class="tag">#${t}</span>`)}</span>` : nothing}
    </span>
    ${orphan ? nothing : html`<span class="line">line ${annotation.line}</span>`}`;
  return html`<li class=${`annotation${orphan ? ' orphan' : ''}`} data-annotation=${annotation.id} data-colour=${annotation.colour}>
    ${orphan
      ? html`<div class="annotation-row" title="Its text is no longer in the document">${body}</div>`
      : html`<button class="annotation-row" title=${`Go to this ${annotation.colour} annotation`} @click=${() => actions.revealAnnotation(annotation.id)}>${body}</button>`}
  </li>`;
}

export function annotationsTab(annotations: PanelAnnotations | null, filter: AnnotationFilter, actions: AnnotationActions): TemplateResult {
  if (!annotations) return html`<p class="empty-list">Reading the annotations…</p>`;
  if (annotations.problem) return html`<p class="notice" role="alert">${annotations.problem}</p>`;
  const { placed, orphans } = annotationGroups(annotations.items, filter);
  const tags = tagsInUse(annotations.items);
  const filtered = filter.colour !== null || filter.tag !== null || filter.text !== '';
  return html`
    <div class="toolbar annotation-toolbar">
      ${filterField({ className: 'annotation-text-filter', placeholder: 'Filter by quote, note or tag', label: 'Filter annotations by quote, note or tag', value: filter.text, onInput: (value) => actions.setAnnotationFilter({ text: value }) })}
    </div>
    <div class="colour-filter" role="group" aria-label="Filter by colour">
      ${panelAnnotationColours.map(
        (colour) => html`<button
          class=${`swatch-button annotation-${colour}${filter.colour === colour ? ' selected' : ''}`}
          aria-pressed=${filter.colour === colour ? 'true' : 'false'}
          aria-label=${`Only ${colour}`}
          title=${`Only ${colour}`}
          @click=${() => actions.setAnnotationFilter({ colour: filter.colour === colour ? null : colour })}
        ></button>`,
      )}
      ${tags.length > 0
        ? html`<select class="tag-filter" aria-label="Filter by tag" @change=${(event: Event) => actions.setAnnotationFilter({ tag: (event.target as HTMLSelectElement).value || null })}>
            <option value="" ?selected=${filter.tag === null}>All tags</option>
            ${tags.map((tag) => html`<option value=${tag} ?selected=${filter.tag === tag}>#${tag}</option>`)}
          </select>`
        : nothing}
      ${filtered ? html`<button class="link" @click=${() => actions.setAnnotationFilter({ colour: null, tag: null, text: '' })}>Clear</button>` : nothing}
    </div>
    ${annotations.items.length === 0
      ? html`<p class="empty-list">No annotations yet. Select text and run “Marginalia: Highlight” or “Marginalia: Add Note”.</p>`
      : placed.length === 0 && orphans.length === 0
        ? html`<p class="empty-list" role="status">No annotation matches the filter.</p>`
        : html`${placed.length > 0 ? html`<ol class="annotations" aria-label="Annotations">${repeat(placed, (a) => a.id, (a) => item(a, actions))}</ol>` : nothing}
          ${orphans.length > 0
            ? html`<section class="orphans" aria-labelledby="heading-orphans">
                <h2 id="heading-orphans">Orphans <span class="count">${orphans.length}</span></h2>
                <p class="meta">Their text is no longer in the document, or could not be found with confidence.</p>
                <ol class="annotations">${repeat(orphans, (a) => a.id, (a) => item(a, actions))}</ol>
              </section>`
            : nothing}`}
  `;
}
