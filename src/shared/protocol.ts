/**
 * The messages between the extension host and the side panel's webview: one discriminated union
 * per direction, and a runtime guard for each, used by the receiving side. A message that fails
 * its guard is dropped, so a compromised webview (or a bug) can never make the host act on a
 * malformed request, and the webview never renders a malformed model.
 *
 * Shared by `src/vscode/panel/` (Node or web worker) and `webview/` (browser): no DOM, no vscode.
 */

/** The panel's tabs. */
export type PanelTab = 'references' | 'entities' | 'data';
export const panelTabs: readonly PanelTab[] = ['references', 'entities', 'data'];

/** One sentence that cites a reference, cut around its marker so the marker can be highlighted. */
export interface PanelCitingSentence {
  /** Index of the marker in the analysis' citations. */
  readonly citation: number;
  /** 1-based line of the marker, for display. */
  readonly line: number;
  readonly before: string;
  readonly marker: string;
  readonly after: string;
  /** Where, inside `marker`, the number of this reference is written (for grouped markers). */
  readonly numberStart: number;
  readonly numberEnd: number;
}

/** An entry of the reference list as the panel shows it. */
export interface PanelReference {
  readonly number: number;
  /** Title when the core found one, else the entry text. */
  readonly title: string;
  readonly source: string | null;
  readonly year: number | null;
  readonly host: string | null;
  /** The whole entry text (searched by the filter, shown as a tooltip). */
  readonly text: string;
  /** Number of markers that cite this entry. */
  readonly cited: number;
  readonly duplicateOf: number | null;
  /** Numbers of later entries that list the same work. */
  readonly duplicates: readonly number[];
  readonly citations: readonly PanelCitingSentence[];
}

/** A ligand or target with its spellings in this document. */
export interface PanelEntity {
  readonly id: string;
  readonly kind: 'ligand' | 'target';
  readonly name: string;
  readonly class: string | null;
  readonly variants: readonly string[];
  readonly mentions: number;
}

/** One quantitative record as a table row. */
export interface PanelRecord {
  /** Index into the analysis' records. */
  readonly index: number;
  readonly ligand: string | null;
  readonly target: string | null;
  readonly measure: string | null;
  /** The value as written in normalised form, e.g. `6 μM`, `10–100 nM`, `163 ± 24 %`. */
  readonly value: string | null;
  /** Concentration in mol/L, when the value is one. */
  readonly molar: number | null;
  readonly effect: string | null;
  readonly context: string | null;
  readonly references: readonly number[];
  /** 1-based line of the source row. */
  readonly line: number;
}

/** What the panel shows for the active document. */
export interface PanelDocumentModel {
  readonly kind: 'document';
  readonly uri: string;
  readonly version: number;
  /** File name for the header. */
  readonly name: string;
  readonly references: readonly PanelReference[];
  readonly entities: readonly PanelEntity[];
  readonly records: readonly PanelRecord[];
}

/** The friendly state shown when the active editor is not a document Marginalia reads. */
export interface PanelEmptyModel {
  readonly kind: 'empty';
  readonly message: string;
}

export type PanelModel = PanelDocumentModel | PanelEmptyModel;

/** Why a highlight was sent; the webview scrolls for every reason but focuses only for `command`. */
export type HighlightReason = 'cursor' | 'hover' | 'command';

/** Messages from the extension host to the webview. */
export type HostMessage =
  | { readonly type: 'model'; readonly model: PanelModel }
  | {
      readonly type: 'highlight';
      readonly uri: string;
      /** Reference numbers to highlight; empty clears the highlight. */
      readonly numbers: readonly number[];
      readonly reason: HighlightReason;
    };

/** Messages from the webview to the extension host. */
export type WebviewMessage =
  | { readonly type: 'ready' }
  /** Reveal the reference entry in the editor. */
  | { readonly type: 'revealReference'; readonly uri: string; readonly number: number }
  /** Reveal a citation marker (a back-reference) in the editor. */
  | { readonly type: 'revealCitation'; readonly uri: string; readonly citation: number }
  /** Select the next (1) or previous (-1) mention of an entity after the editor's cursor. */
  | { readonly type: 'stepMention'; readonly uri: string; readonly entity: string; readonly direction: 1 | -1 }
  /** Reveal the source row of a record. */
  | { readonly type: 'revealRecord'; readonly uri: string; readonly record: number }
  | { readonly type: 'exportCsv' }
  /** A Content-Security-Policy violation seen in the webview (reported for diagnosis and tests). */
  | { readonly type: 'cspViolation'; readonly directive: string; readonly blocked: string };

// ---------------------------------------------------------------------------------------------
// Runtime guards

/** Longest string accepted from the webview for a uri or an id. */
const maxIdLength = 4096;

type Guard<T> = (value: unknown) => value is T;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString: Guard<string> = (value): value is string => typeof value === 'string';

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxIdLength;
}

/** A non-negative safe integer (indices, counts, lines, reference numbers). */
function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isNullable<T>(guard: Guard<T>): Guard<T | null> {
  return (value): value is T | null => value === null || guard(value);
}

function isArrayOf<T>(guard: Guard<T>): Guard<readonly T[]> {
  return (value): value is readonly T[] => Array.isArray(value) && value.every(guard);
}

const isFiniteNumber: Guard<number> = (value): value is number => typeof value === 'number' && Number.isFinite(value);

/** Checks that `value` has exactly the listed keys (so nothing unexpected rides along). */
function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && own.every((key) => keys.includes(key));
}

function isCitingSentence(value: unknown): value is PanelCitingSentence {
  return (
    isRecord(value) &&
    isCount(value.citation) &&
    isCount(value.line) &&
    isString(value.before) &&
    isString(value.marker) &&
    isString(value.after) &&
    isCount(value.numberStart) &&
    isCount(value.numberEnd) &&
    value.numberStart <= value.numberEnd &&
    value.numberEnd <= value.marker.length
  );
}

function isPanelReference(value: unknown): value is PanelReference {
  return (
    isRecord(value) &&
    isCount(value.number) &&
    isString(value.title) &&
    isNullable(isString)(value.source) &&
    isNullable(isCount)(value.year) &&
    isNullable(isString)(value.host) &&
    isString(value.text) &&
    isCount(value.cited) &&
    isNullable(isCount)(value.duplicateOf) &&
    isArrayOf(isCount)(value.duplicates) &&
    isArrayOf(isCitingSentence)(value.citations)
  );
}

function isPanelEntity(value: unknown): value is PanelEntity {
  return (
    isRecord(value) &&
    isString(value.id) &&
    (value.kind === 'ligand' || value.kind === 'target') &&
    isString(value.name) &&
    isNullable(isString)(value.class) &&
    isArrayOf(isString)(value.variants) &&
    isCount(value.mentions)
  );
}

function isPanelRecord(value: unknown): value is PanelRecord {
  const text = isNullable(isString);
  return (
    isRecord(value) &&
    isCount(value.index) &&
    text(value.ligand) &&
    text(value.target) &&
    text(value.measure) &&
    text(value.value) &&
    isNullable(isFiniteNumber)(value.molar) &&
    text(value.effect) &&
    text(value.context) &&
    isArrayOf(isCount)(value.references) &&
    isCount(value.line)
  );
}

/** Checks a panel model deeply (the webview renders nothing it has not checked). */
export function isPanelModel(value: unknown): value is PanelModel {
  if (!isRecord(value)) return false;
  if (value.kind === 'empty') return isString(value.message);
  return (
    value.kind === 'document' &&
    isShortString(value.uri) &&
    isCount(value.version) &&
    isString(value.name) &&
    isArrayOf(isPanelReference)(value.references) &&
    isArrayOf(isPanelEntity)(value.entities) &&
    isArrayOf(isPanelRecord)(value.records)
  );
}

/** Guard for messages the webview receives. */
export function isHostMessage(value: unknown): value is HostMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'model':
      return isPanelModel(value.model);
    case 'highlight':
      return (
        isShortString(value.uri) &&
        isArrayOf(isCount)(value.numbers) &&
        (value.reason === 'cursor' || value.reason === 'hover' || value.reason === 'command')
      );
    default:
      return false;
  }
}

/** Guard for messages the extension host receives: exact keys, bounded strings, safe integers. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
    case 'exportCsv':
      return hasOnlyKeys(value, ['type']);
    case 'revealReference':
      return hasOnlyKeys(value, ['type', 'uri', 'number']) && isShortString(value.uri) && isCount(value.number);
    case 'revealCitation':
      return hasOnlyKeys(value, ['type', 'uri', 'citation']) && isShortString(value.uri) && isCount(value.citation);
    case 'revealRecord':
      return hasOnlyKeys(value, ['type', 'uri', 'record']) && isShortString(value.uri) && isCount(value.record);
    case 'stepMention':
      return (
        hasOnlyKeys(value, ['type', 'uri', 'entity', 'direction']) &&
        isShortString(value.uri) &&
        isShortString(value.entity) &&
        (value.direction === 1 || value.direction === -1)
      );
    case 'cspViolation':
      return (
        hasOnlyKeys(value, ['type', 'directive', 'blocked']) &&
        isString(value.directive) &&
        value.directive.length <= maxIdLength &&
        isString(value.blocked) &&
        value.blocked.length <= maxIdLength
      );
    default:
      return false;
  }
}

/** Arguments of `marginalia.revealReference` (from the hover card's command link). */
export interface RevealReferenceArgs {
  readonly uri: string;
  readonly number: number;
}

/** Guard for `marginalia.revealReference`'s argument; extra keys are ignored (command links may add none). */
export function isRevealReferenceArgs(value: unknown): value is RevealReferenceArgs {
  return isRecord(value) && isShortString(value.uri) && isCount(value.number) && value.number > 0;
}
