/**
 * Builds what the side panel shows from an analysis: plain data, no `vscode` import, so it is
 * unit-tested directly and runs the same in the desktop and the web extension host.
 */
import type { Analysis, Citation, DataRecord, RecordEntityRef, Reference } from '../../core/types.js';
import { renderLatex } from '../../core/parse/latex.js';
import { identifierLinks } from '../../core/identifiers.js';
import { referenceLinks } from '../../core/references/open.js';
import { endsAbbreviation, isSentenceEnd } from '../../core/text/sentences.js';
import type {
  PanelCitingSentence,
  PanelDocumentModel,
  PanelEmptyModel,
  PanelEntity,
  PanelRecord,
  PanelReference,
} from '../../shared/protocol.js';

/** At most this many characters of a citing sentence on each side of its marker. */
const contextLimit = 240;

/** The document an analysis belongs to. */
export interface PanelSource {
  readonly uri: string;
  readonly version: number;
  /** File name shown in the panel's header. */
  readonly name: string;
  /** The analysed text (for citing sentences and line numbers). */
  readonly text: string;
}

/** Maps offsets to 1-based line numbers by binary search over the line starts. */
export function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Characters that end a sentence when followed by white space. */
const sentenceEnd = /[.!?]/;
/** Text ending a sentence: a full stop, maybe followed by the markers that cite it (`.[1][2]`, `.¹²`, `.^{3}`). */
const endsSentence = /[.!?](?:\[[^\]\s]{1,20}\]|\^\{[^}]{1,40}\}|\^\[[^\]]{1,20}\]|<sup>[^<]{1,20}<\/sup>|[\u00b9\u00b2\u00b3\u2070-\u2079\u207b,])*$/;
/** Characters that always bound a citing sentence: line breaks. */
const hardBoundary = /[\n\r]/;

/** Whether the white space at `i` follows an abbreviation's full stop ("et al. "), which ends no sentence. */
function afterAbbreviation(text: string, i: number): boolean {
  return text[i - 1] === '.' && endsAbbreviation(text, i - 1);
}

/** Collapses white space; table cell separators (tabs, pipes) become a middle dot. */
function tidy(text: string): string {
  return text.replace(/\s*[\t|]\s*/g, ' · ').replace(/\s+/g, ' ');
}

/**
 * The sentence around a marker, cut at sentence ends and line breaks (a table row is one
 * "sentence", its cells separated by ` · `). A marker written right after a full stop
 * (`…surface.[12]`) cites the sentence before it. `number` picks the part of a grouped marker
 * to emphasise.
 */
export function citingSentence(text: string, citation: Citation, line: number, index: number, number?: number): PanelCitingSentence {
  let start = citation.start;
  // Step over the full stop the marker follows, and over markers written side by side.
  let probe = start - 1;
  while (probe >= 0 && (sentenceEnd.test(text[probe]!) || text[probe] === ']' || text[probe] === ')')) probe--;
  for (let i = probe; i >= 0 && citation.start - i <= contextLimit * 4; i--) {
    const ch = text[i]!;
    if (hardBoundary.test(ch)) break;
    if (/\s/.test(ch) && endsSentence.test(text.slice(Math.max(0, i - 60), i)) && !afterAbbreviation(text, i)) break;
    start = i;
  }
  let end = citation.end;
  const followsSentence = citation.start > 0 && sentenceEnd.test(text[citation.start - 1]!);
  if (!followsSentence) {
    for (let i = citation.end; i < text.length && i - citation.end <= contextLimit * 4; i++) {
      const ch = text[i]!;
      if (hardBoundary.test(ch)) break;
      end = i + 1;
      if (isSentenceEnd(text, i)) break;
    }
  }
  let before = tidy(text.slice(start, citation.start).replace(/^\s*(?:\|\s*)?(?:[-*+]\s+|#{1,6}\s+|\d+[.)]\s+)?/, ''));
  let after = tidy(text.slice(citation.end, end)).replace(/(?:\s*·)+\s*$/, '').trimEnd();
  // Shorten at a word boundary so no word is shown cut.
  if (before.length > contextLimit) before = `…${before.slice(before.length - contextLimit).replace(/^\S*\s+/, '')}`;
  if (after.length > contextLimit) after = `${after.slice(0, contextLimit).replace(/\s+\S*$/, '')}…`;
  const part = citation.parts.find((p) => p.number === number);
  const marker = citation.text;
  let numberStart = 0;
  let numberEnd = marker.length;
  if (part && part.start >= citation.start && part.end <= citation.end && part.start <= part.end) {
    numberStart = part.start - citation.start;
    numberEnd = part.end - citation.start;
  }
  return { citation: index, line, before, marker, after, numberStart, numberEnd };
}

function referenceItem(reference: Reference, analysis: Analysis, text: string, lineOf: (offset: number) => number, duplicates: readonly number[]): PanelReference {
  const citations = reference.citedBy
    .filter((index) => analysis.citations[index] !== undefined)
    .map((index) => {
      const citation = analysis.citations[index]!;
      return citingSentence(text, citation, lineOf(citation.start), index, reference.number);
    });
  return {
    number: reference.number,
    title: reference.title ?? reference.text,
    source: reference.source,
    year: reference.year,
    host: reference.host,
    text: reference.text,
    cited: citations.length,
    duplicateOf: reference.duplicateOf,
    duplicates,
    citations,
    links: referenceLinks(reference.fields).map((link) => ({ kind: link.kind, label: link.label, url: link.url })),
  };
}

/** Formats a number for the table: up to 4 significant digits, no trailing zeros. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

/** The value of a record as one short string, e.g. `6 μM`, `10–100 nM`, `163 %`, `> 100 μM`, `0.06 ± 0.01 nM`. */
export function recordValue(record: Pick<DataRecord, 'value' | 'valueMax' | 'unit'> & Partial<Pick<DataRecord, 'relation' | 'error'>>): string | null {
  if (record.value === null) return null;
  let text = formatNumber(record.value);
  if (record.valueMax !== null) text += `–${formatNumber(record.valueMax)}`;
  if (record.error !== undefined && record.error !== null) text += ` ± ${formatNumber(record.error)}`;
  if (record.unit) text += record.unit === '%' ? '%' : ` ${record.unit}`;
  if (record.relation && record.relation !== '=') text = `${record.relation} ${text}`;
  return text;
}

/** LaTeX-style markup a name may be written with (`Ca^{2+}`, `$K_{v}1.3$`, `\\alpha`). */
const NAME_MARKUP = /[\^_{}$\\]/;

/** A name as a reader should see it: `Ca^{2+}` → `Ca2+`, `$\\alpha_{7}$` → `α7`; plain names as they are. */
export function plainName(text: string): string {
  if (!NAME_MARKUP.test(text)) return text;
  const rendered = renderLatex(text.replace(/\$/g, '')).text.replace(/\s+/g, ' ').trim();
  return rendered || text;
}

/** The side of a record as the hover shows it: the entity's canonical name, else the text as written, markup rendered. */
export function recordName(analysis: Analysis, ref: RecordEntityRef | null): string | null {
  if (!ref) return null;
  const info = ref.id ? analysis.entityInfo[ref.id] : undefined;
  return plainName(info?.name ?? ref.text);
}

function recordItem(analysis: Analysis, record: DataRecord, index: number, lineOf: (offset: number) => number): PanelRecord {
  return {
    index,
    ligand: recordName(analysis, record.ligand),
    target: recordName(analysis, record.target),
    measure: record.measure,
    value: recordValue(record),
    relation: record.relation,
    error: record.error !== null && Number.isFinite(record.error) ? record.error : null,
    unit: record.unit,
    pValue: record.pValue !== null && Number.isFinite(record.pValue) ? record.pValue : null,
    origin: record.origin,
    table: record.table === null ? null : record.table + 1,
    molar: record.molar !== null && Number.isFinite(record.molar) ? record.molar : null,
    effect: record.effect?.text ?? null,
    context: record.context,
    references: [...record.references],
    line: lineOf(record.start),
    cell: record.cell ? plainName(record.cell.text.replace(/\s+/g, ' ').trim()).slice(0, 200) : null,
  };
}

function entityItems(analysis: Analysis): PanelEntity[] {
  return Object.values(analysis.entityInfo)
    .map((info) => {
      const links = identifierLinks(info.kind, info.identifiers);
      return {
        id: info.id,
        kind: info.kind,
        name: plainName(info.name),
        class: info.class,
        variants: [...new Set(info.variants.map(plainName))],
        mentions: info.mentions,
        provenance: info.provenance,
        ...(links.length ? { links } : {}),
      };
    })
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** Builds the panel's model of one analysed document. */
export function buildPanelModel(analysis: Analysis, source: PanelSource): PanelDocumentModel {
  const lineOf = lineCounter(source.text);
  const duplicatesOf = new Map<number, number[]>();
  for (const reference of analysis.references) {
    if (reference.duplicateOf === null) continue;
    const list = duplicatesOf.get(reference.duplicateOf) ?? [];
    list.push(reference.number);
    duplicatesOf.set(reference.duplicateOf, list);
  }
  return {
    kind: 'document',
    uri: source.uri,
    version: source.version,
    name: source.name,
    references: analysis.references.map((reference) =>
      referenceItem(reference, analysis, source.text, lineOf, duplicatesOf.get(reference.number) ?? []),
    ),
    entities: entityItems(analysis),
    records: analysis.records.map((record, index) => recordItem(analysis, record, index, lineOf)),
  };
}

/**
 * The numbers of a marker that the cursor (or the selection `start`–`end`) points at: in
 * `[1][12][13]` the cursor on `12`, or `[12]` selected, means reference 12; a cursor between
 * two brackets means every number of the marker.
 */
export function pointedNumbers(citation: Citation, start: number, end = start): number[] {
  const parts = citation.parts.filter((part) =>
    start === end ? start >= part.start && start <= part.end : part.start < end && part.end > start,
  );
  return parts.length > 0 ? [...new Set(parts.map((part) => part.number))] : [...citation.numbers];
}

/** The friendly state for an editor Marginalia does not read (or no editor at all). */
export function emptyModel(reason: 'no-editor' | 'not-read' | 'too-large' | 'analysing', detail?: string, why?: string): PanelEmptyModel {
  switch (reason) {
    case 'no-editor':
      return { kind: 'empty', message: 'Open a markdown document to see its references, entities and data here.' };
    case 'not-read':
      return {
        kind: 'empty',
        message: `Marginalia does not read ${detail ?? 'this editor'}.${why ? ` ${why}` : ''} Open a markdown document to see its references, entities and data here.`,
      };
    case 'too-large':
      return { kind: 'empty', message: `${detail ?? 'This document'} is larger than marginalia.analysis.maxDocumentSizeMB, so it is not analysed.` };
    case 'analysing':
      return { kind: 'empty', message: 'Reading the document…' };
  }
}
