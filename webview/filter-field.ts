/** The search field each tab of the panel filters its list with. */
import { html, type TemplateResult } from 'lit';

export interface FilterField {
  readonly className: string;
  readonly placeholder: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
}

export function filterField(field: FilterField): TemplateResult {
  return html`<vscode-textfield
    class=${field.className}
    type="search"
    placeholder=${field.placeholder}
    aria-label=${field.label}
    .value=${field.value}
    @input=${(event: Event) => field.onInput((event.target as HTMLInputElement).value)}
  >
    <vscode-icon slot="content-before" name="filter" aria-hidden="true"></vscode-icon>
  </vscode-textfield>`;
}
