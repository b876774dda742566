/**
 * The messages between the extension host and the side panel's webview: one discriminated union
 * per direction, and a runtime guard for each, used by the receiving side. A message that fails
 * its guard is dropped, so a compromised webview (or a bug) can never make the host act on a
 * malformed request, and the webview never renders a malformed model.
 *
 * Shared by `src/vscode/panel/` (Node or web worker) and `webview/` (browser): no DOM, no vscode.
 */

import { isReferenceLinkUrl } from '../core/references/open.js';

/** The panel's tabs. */
export type PanelTab = 'references' | 'entities' | 'data' | 'annotations';
export const panelTabs: readonly PanelTab[] = ['references', 'entities', 'data', 'annotations'];

/** The reader's annotation colours (Zotero's eight), as `src/core/annotations/model.ts` names them. */
export const panelAnnotationColours = ['yellow', 'red', 'green', 'blue', 'purple', 'magenta', 'orange', 'gray'] as const;
export type PanelAnnotationColour = (typeof panelAnnotationColours)[number];

/** One of the reader's highlights or notes, as the Annotations tab lists it. */
export interface PanelAnnotation {
  readonly id: string;
  readonly colour: PanelAnnotationColour;
  readonly tags: readonly string[];
  /** The note in markdown, shown as plain text. */
  readonly note: string | null;
  readonly quote: string;
  /** 1-based line where it is placed; null for an orphan. */
  readonly line: number | null;
  readonly created: string;
}

/** The annotations of the shown document, sent apart from the model (they change without a new analysis). */
export interface PanelAnnotations {
  readonly uri: string;
  /** Why they cannot be shown (a damaged file, an untitled document), or null. */
  readonly problem: string | null;
  readonly items: readonly PanelAnnotation[];
}

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
  /** Where the work can be opened (DOI, PubMed, PMC, arXiv, or a title search), built by the core. */
  readonly links: readonly PanelReferenceLink[];
}

/** One way to open a reference's work; the host rebuilds the address from its own analysis when asked. */
export interface PanelReferenceLink {
  readonly kind: 'doi' | 'pubmed' | 'pmc' | 'arxiv' | 'search';
  readonly label: string;
  readonly url: string;
}

/** A database link of an entity, built and validated by the host (`src/core/identifiers.ts`). */
export interface PanelLink {
  readonly label: string;
  /** An https URL, or null when the identifier is shown without a link. */
  readonly url: string | null;
}

/** A ligand, target or other chemical with its spellings in this document. */
export interface PanelEntity {
  readonly id: string;
  readonly kind: 'ligand' | 'target' | 'chemical';
  readonly name: string;
  readonly class: string | null;
  readonly variants: readonly string[];
  readonly mentions: number;
  /** Where the name came from (e.g. "HGNC 2018-11-07; IUPHAR/BPS Guide to Pharmacology 2024.1"). */
  readonly provenance: string;
  /** Database identifiers as links, when the lexicon has any. */
  readonly links?: readonly PanelLink[];
}

/** One quantitative record as a table row. */
export interface PanelRecord {
  /** Index into the analysis' records. */
  readonly index: number;
  readonly ligand: string | null;
  readonly target: string | null;
  readonly measure: string | null;
  /** The value in normalised form with its relation and error, e.g. `6 μM`, `> 10,000 nM`, `0.06 ± 0.01 nM`, `10–100 nM`. */
  readonly value: string | null;
  /** `=`, `<`, `>`, `~`, `≤`, `≥`, or null without a value. */
  readonly relation: string | null;
  readonly error: number | null;
  readonly unit: string | null;
  /** −log10 molar (pIC50, pKi …) where defined. */
  readonly pValue: number | null;
  /** Where the record was read: `table`, `flattened` (a table run into a paragraph) or `prose`. */
  readonly origin: 'table' | 'flattened' | 'prose';
  /** 1-based number of its table, for table records. */
  readonly table: number | null;
  /** Concentration in mol/L, when the value is one. */
  readonly molar: number | null;
  readonly effect: string | null;
  readonly context: string | null;
  readonly references: readonly number[];
  /** 1-based line of the source row. */
  readonly line: number;
  /** The cell or phrase the value was read from, as plain text (shown when the record names no ligand or target). */
  readonly cell?: string | null;
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
    }
  | { readonly type: 'annotations'; readonly annotations: PanelAnnotations };

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
  /** Open the records as a full-width table in the editor area. */
  | { readonly type: 'openDataTable' }
  /** Export the reference list (BibTeX, RIS or CSL-JSON, chosen in the host). */
  | { readonly type: 'exportReferences' }
  /** Open a reference's work outside VS Code, by the kind of link. */
  | { readonly type: 'openReference'; readonly uri: string; readonly number: number; readonly kind: PanelReferenceLink['kind'] }
  /** Reveal one of the reader's annotations in the editor. */
  | { readonly type: 'revealAnnotation'; readonly uri: string; readonly id: string }
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

const linkKinds: readonly string[] = ['doi', 'pubmed', 'pmc', 'arxiv', 'search'];

function isLinkKind(value: unknown): value is PanelReferenceLink['kind'] {
  return typeof value === 'string' && linkKinds.includes(value);
}

function isPanelReferenceLink(value: unknown): value is PanelReferenceLink {
  return isRecord(value) && isLinkKind(value.kind) && isString(value.label) && value.label.length <= maxIdLength && isReferenceLinkUrl(value.url);
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
    isArrayOf(isCitingSentence)(value.citations) &&
    isArrayOf(isPanelReferenceLink)(value.links)
  );
}

function isPanelLink(value: unknown): value is PanelLink {
  return isRecord(value) && isString(value.label) && (value.url === null || (isString(value.url) && value.url.startsWith('https://')));
}

function isPanelEntity(value: unknown): value is PanelEntity {
  return (
    isRecord(value) &&
    isString(value.id) &&
    (value.kind === 'ligand' || value.kind === 'target' || value.kind === 'chemical') &&
    isString(value.provenance) &&
    (value.links === undefined || isArrayOf(isPanelLink)(value.links)) &&
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
    text(value.relation) &&
    isNullable(isFiniteNumber)(value.error) &&
    text(value.unit) &&
    isNullable(isFiniteNumber)(value.pValue) &&
    (value.origin === 'table' || value.origin === 'flattened' || value.origin === 'prose') &&
    isNullable(isCount)(value.table) &&
    isNullable(isFiniteNumber)(value.molar) &&
    text(value.effect) &&
    text(value.context) &&
    isArrayOf(isCount)(value.references) &&
    isCount(value.line) &&
    (value.cell === undefined || text(value.cell))
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

function isPanelAnnotation(value: unknown): value is PanelAnnotation {
  return (
    isRecord(value) &&
    isShortString(value.id) &&
    typeof value.colour === 'string' &&
    (panelAnnotationColours as readonly string[]).includes(value.colour) &&
    isArrayOf(isString)(value.tags) &&
    isNullable(isString)(value.note) &&
    isString(value.quote) &&
    isNullable(isCount)(value.line) &&
    isString(value.created)
  );
}

export function isPanelAnnotations(value: unknown): value is PanelAnnotations {
  return isRecord(value) && isShortString(value.uri) && isNullable(isString)(value.problem) && isArrayOf(isPanelAnnotation)(value.items);
}

/** Guard for messages the webview receives. */
export function isHostMessage(value: unknown): value is HostMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'model':
      return isPanelModel(value.model);
    case 'annotations':
      return isPanelAnnotations(value.annotations);
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
    case 'openDataTable':
    case 'exportReferences':
      return hasOnlyKeys(value, ['type']);
    case 'openReference':
      return hasOnlyKeys(value, ['type', 'uri', 'number', 'kind']) && isShortString(value.uri) && isCount(value.number) && isLinkKind(value.kind);
    case 'revealReference':
      return hasOnlyKeys(value, ['type', 'uri', 'number']) && isShortString(value.uri) && isCount(value.number);
    case 'revealCitation':
      return hasOnlyKeys(value, ['type', 'uri', 'citation']) && isShortString(value.uri) && isCount(value.citation);
    case 'revealRecord':
      return hasOnlyKeys(value, ['type', 'uri', 'record']) && isShortString(value.uri) && isCount(value.record);
    case 'revealAnnotation':
      return hasOnlyKeys(value, ['type', 'uri', 'id']) && isShortString(value.uri) && isShortString(value.id);
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
