/**
 * Tables a converter ran into one paragraph: `CompoundChemical structureIC50 ± S.D. (μM)A >50B
 * 13.89 ± 2.70C 7.79 ± 1.73…`. Read only where the header makes the shape clear: a word naming
 * the compounds, then one or more headers naming a measure (and its unit), then items of a label
 * followed by one value per measure header, back to back to the paragraph's end.
 */
import type { DocBlock } from '../parse/index.js';
import { plainIndex } from '../sorted.js';
import type { Citation, DataRecord, EntityMention, RecordEntityRef } from '../types.js';
import { headerErrorKind, headerMeasure, headerUnit } from './columns.js';
import { makeRecord } from './record.js';
import { inSpan } from './spans.js';
import { pValueOf, standardType } from './standard.js';
import { unique } from './references.js';
import { isQualifier, readValue } from './value.js';
import vocabulary from './vocabulary.json';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const capitalised = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
/** A word naming the compounds, written as a header: capitalised, maybe glued to the next header. */
const LIGAND_HEADER = new RegExp(
  `(?<![\\p{L}])(?:${vocabulary.columns.ligand.map((w) => escape(capitalised(w))).sort((a, b) => b.length - a.length).join('|')})(?=[\\p{Lu}\\s]|$)`,
  'u',
);
/** A measure header: `IC50 ± S.D. (μM)`, `Ki (nM)`, `% Inhibition`; glued to the words around it. */
const MEASURE_HEADER =
  /(?<![\p{Lu}\p{N}])(?:p?(?:IC|EC|ED|LD|GI|CC)50|p?K[idb]|pA2|Emax|MIC|%\s*[Ii]nhibition|Inhibition\s*\(%\))(?:\s*(?:±|\+\/-)\s*(?:S\.?D\.?|S\.?E\.?M\.?|S\.?E\.?))?(?:\s*\([^()]{1,14}\)|,\s*[^\s,()]{1,6})?/uy;
const NUMBER = String.raw`(?:[<>≤≥~∼]\s*)?[-−]?\d+(?:,\d{3})*(?:\.\d+)?(?:\s*(?:±|\+\/-)\s*\d+(?:\.\d+)?)?`;
const QUALIFIER = String.raw`(?:n\.d\.|N\.D\.|ND|Nd|NA|n\.a\.|NT|—|–)`;
/** A value: preceded by a blank (or glued to the header), followed by a blank, the end, or the next label's capital. */
const VALUE = String.raw`(?:${NUMBER}|${QUALIFIER})(?=\s|$|[\p{Lu}(])`;
/** Searched from where the header ends: a label, then a value per header. */
function itemPattern(values: number): RegExp {
  const rest = String.raw`(?:\s+(${VALUE}))`.repeat(values - 1);
  return new RegExp(String.raw`\s*([\p{L}\d(][^<>≤≥~∼±\n]{0,60}?)\s+(${VALUE})${rest}`, 'uy');
}
const MIN_ITEMS = 3;

interface Header {
  readonly measure: string | null;
  readonly unit: string | null;
  readonly errorKind: string | null;
}

/**
 * The records of a paragraph that reads as a flattened table, else null (the paragraph is prose).
 * `entities` and `citations` are those of the whole document, sorted by start.
 */
export function flattenedRecords(block: DocBlock, entities: readonly EntityMention[], citations: readonly Citation[]): DataRecord[] | null {
  if (block.kind !== 'paragraph') return null;
  const text = block.plain.text;
  const ligandWord = LIGAND_HEADER.exec(text);
  if (!ligandWord) return null;
  // Headers follow the compound word within a few words ("Chemical structure" between is fine).
  const headers: Header[] = [];
  let at = ligandWord.index + ligandWord[0].length;
  let searchFrom = at;
  for (let tries = 0; tries < 60 && searchFrom < text.length && searchFrom - at <= 60; tries++, searchFrom++) {
    MEASURE_HEADER.lastIndex = searchFrom;
    const m = MEASURE_HEADER.exec(text);
    if (!m) continue;
    let end = MEASURE_HEADER.lastIndex;
    headers.push(readHeader(m[0]));
    for (;;) {
      const blanks = /^\s*/.exec(text.slice(end))![0].length;
      MEASURE_HEADER.lastIndex = end + blanks;
      const next = MEASURE_HEADER.exec(text);
      if (!next) break;
      headers.push(readHeader(next[0]));
      end = MEASURE_HEADER.lastIndex;
    }
    at = end;
    break;
  }
  if (headers.length === 0 || !headers.some((h) => h.unit || h.measure)) return null;

  const item = itemPattern(headers.length);
  const items: Array<{ label: [number, number]; values: Array<[number, number]> }> = [];
  for (let pos = at; pos < text.length; ) {
    item.lastIndex = pos;
    const m = item.exec(text);
    if (!m) break;
    const labelStart = m.index + m[0].indexOf(m[1]!);
    const values: Array<[number, number]> = [];
    let cursor = labelStart + m[1]!.length;
    for (let k = 2; k < m.length; k++) {
      const found = text.indexOf(m[k]!, cursor);
      values.push([found, found + m[k]!.length]);
      cursor = found + m[k]!.length;
    }
    items.push({ label: [labelStart, labelStart + m[1]!.length], values });
    pos = item.lastIndex;
  }
  const rest = text.slice(items.length ? items[items.length - 1]!.values.at(-1)![1] : at).trim();
  if (items.length < MIN_ITEMS || rest.length > 0) return null;

  const source = (a: number, b: number): { start: number; end: number } => ({ start: block.plain.offsets[a]!, end: block.plain.offsets[b - 1]! + 1 });
  const target = targetBefore(block, entities, source(0, Math.max(1, ligandWord.index)));
  const records: DataRecord[] = [];
  for (const it of items) {
    const label = source(it.label[0], it.label[1]);
    const itemSpan = { start: label.start, end: source(it.values.at(-1)![0], it.values.at(-1)![1]).end };
    const ligand = ligandOf(label, text.slice(it.label[0], it.label[1]), entities);
    const references = unique(inSpan(citations, itemSpan).flatMap((c) => c.numbers));
    it.values.forEach(([a, b], k) => {
      const written = text.slice(a, b);
      const header = headers[k]!;
      if (isQualifier(written)) return;
      const value = readValue(written, { unit: header.unit, measure: header.measure });
      if (!value) return;
      const cell = source(a, b);
      records.push(
        makeRecord({
          start: itemSpan.start,
          end: itemSpan.end,
          ligand,
          target,
          measure: value.measure,
          value: value.value,
          valueMax: value.valueMax,
          unit: value.unit,
          molar: value.molar,
          effect: null,
          context: null,
          references,
          table: null,
          extra: {},
          relation: value.relation,
          error: value.error,
          errorKind: value.error !== null ? header.errorKind : null,
          n: value.n,
          standardType: standardType(value.measure),
          pValue: pValueOf(value.measure, value.relation, value.value, value.molar),
          origin: 'flattened',
          cell: { start: cell.start, end: cell.end, text: written },
        }),
      );
    });
  }
  return records;
}

function readHeader(text: string): Header {
  return { measure: headerMeasure(text), unit: headerUnit(text), errorKind: headerErrorKind(text) };
}

/** The ligand mention over the label, else the label as written. */
function ligandOf(span: { start: number; end: number }, written: string, entities: readonly EntityMention[]): RecordEntityRef {
  const mention = inSpan(entities, span).find((m) => m.kind === 'ligand');
  if (mention) return { text: mention.text, id: mention.id, start: mention.start, end: mention.end };
  return { text: written, id: null, start: span.start, end: span.end };
}

/** The one target named in the paragraph before its header (a caption run into it), else null. */
function targetBefore(block: DocBlock, entities: readonly EntityMention[], before: { start: number; end: number }): RecordEntityRef | null {
  const span = { start: block.start, end: before.end };
  if (plainIndex(block.plain, span.end) === 0) return null;
  const targets = inSpan(entities, span).filter((m) => m.kind === 'target');
  if (new Set(targets.map((m) => m.id)).size !== 1) return null;
  const m = targets[0]!;
  return { text: m.text, id: m.id, start: m.start, end: m.end };
}
