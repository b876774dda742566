/**
 * Numbers with units, errors, ranges and measures (IC50, Ki, …), found in the plain reading of every
 * block and mapped back to source offsets.
 */
import { withPlain, type DocBlock, type ParsedDocument } from '../parse/index.js';
import { plainIndex } from '../sorted.js';
import type { Quantity, Span } from '../types.js';
import { htmlPlain } from '../tables/html.js';
import { quantityAt } from './quantity.js';
import { isLogMeasure, scanQuantities, type ScannedQuantity } from './scan.js';
import { matchUnit, unitInfo } from './units.js';

export { moveQuantity } from './move.js';
export { formatMolar } from './format.js';
export { canonicalMeasure, isLogMeasure, scanQuantities, type ScannedQuantity } from './scan.js';
export { matchUnit, unitInfo, type UnitInfo, type UnitKind } from './units.js';

/** Every quantity of the document, sorted by start, not overlapping. Excluded spans (code, URLs) are skipped. */
export function findQuantities(doc: ParsedDocument): Quantity[] {
  const out: Quantity[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'code') continue;
    const excluded = sortedByStart(excludedSpans(block));
    // HTML keeps its entities in the plain reading (`10 &mu;M`); read them for the scan.
    const read = block.kind === 'html' ? decodeEntities(block) : block;
    for (const q of scanQuantities(read.plain.text)) {
      const span = sourceSpan(read, q.start, q.end);
      if (doc.text[span.end - 1] === '&') {
        // A quantity ending in a decoded entity (`5 &#37;`) ends after the entity's `;`.
        const semi = doc.text.slice(span.end, span.end + 10).indexOf(';');
        if (semi >= 0) span.end += semi + 1;
      }
      if (span.end <= span.start || readsExcluded(read, q.start, q.end, excluded)) continue;
      const previous = out[out.length - 1];
      if (previous && previous.end > span.start) continue;
      out.push(quantityAt(span.start, span.end, doc.text.slice(span.start, span.end), q));
    }
  }
  return out;
}

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z]{2,8});/g;

/** The block with HTML entities of its plain text decoded; each decoded character maps to its `&`. */
function decodeEntities(block: DocBlock): DocBlock {
  const { text, offsets } = block.plain;
  if (!text.includes('&')) return block;
  let out = '';
  const map: number[] = [];
  let last = 0;
  ENTITY.lastIndex = 0;
  for (let m = ENTITY.exec(text); m; m = ENTITY.exec(text)) {
    const decoded = htmlPlain(m[0]);
    if (decoded === m[0] || decoded.length === 0) continue;
    for (let i = last; i < m.index; i++) {
      out += text[i];
      map.push(offsets[i]!);
    }
    for (let k = 0; k < decoded.length; k++) map.push(offsets[m.index]!);
    out += decoded;
    last = m.index + m[0].length;
  }
  for (let i = last; i < text.length; i++) {
    out += text[i];
    map.push(offsets[i]!);
  }
  map.push(offsets[text.length]!);
  return withPlain(block, { text: out, offsets: Int32Array.from(map) });
}

/** Options for {@link parseQuantity}: what a table header says about its column. */
export interface QuantityDefaults {
  /** Unit for a bare number (a column headed `Ki (nM)`). */
  readonly unit?: string | null;
  /** Measure for a quantity that names none (a column headed `IC50`). */
  readonly measure?: string | null;
}

/**
 * Reads the first quantity of a short string, such as a table cell's plain text: `"1 μ M"`,
 * `"IC50 = 6 μM"`, `"163 ± 24% (Interaction)"`. With `defaults`, a bare number takes the column's
 * unit and measure (`"12 ± 3"` under `Ki (nM)`). Offsets index `text`. Returns null when the string
 * holds no quantity.
 */
export function parseQuantity(text: string, defaults: QuantityDefaults = {}): Quantity | null {
  const scanned = scanQuantities(text)[0] ?? (defaults.unit || isLogMeasure(defaults.measure ?? null) ? bareNumber(text, defaults) : null);
  if (!scanned) return null;
  const q = quantityAt(scanned.start, scanned.end, text.slice(scanned.start, scanned.end), scanned);
  return q.measure === null && (defaults.measure ?? null) !== null ? { ...q, measure: defaults.measure! } : q;
}

const BARE = /(?<![\p{L}\p{N}.])([-−+]?)(\d+(?:,\d{3}(?!\d))*(?:\.\d+)?)(?:[ \u00a0]*(?:±|\+\/-)[ \u00a0]*(\d+(?:\.\d+)?))?/u;

/** A number (± error) whose unit comes from the column header. */
function bareNumber(text: string, defaults: QuantityDefaults): ScannedQuantity | null {
  const m = BARE.exec(text);
  if (!m) return null;
  const value = (m[1] === '-' || m[1] === '−' ? -1 : 1) * Number(m[2]!.replace(/,/g, ''));
  const measure = defaults.measure ?? null;
  const unit = defaults.unit ? unitInfo(defaults.unit) ?? null : null;
  const molar = unit?.molarExponent != null ? value / 10 ** unit.molarExponent : isLogMeasure(measure) ? 10 ** -value : null;
  return {
    start: m.index,
    end: m.index + m[0].length,
    measure,
    value,
    valueMax: null,
    error: m[3] !== undefined ? Number(m[3]) : null,
    unit: unit?.unit ?? defaults.unit ?? null,
    molar,
    molarMax: null,
  };
}

/** Reads a unit as written in a header (`nM`, `µM`, `%`) into its normalised spelling. */
export function normaliseUnit(written: string): string | null {
  const m = matchUnit(written.trim(), 0);
  return m && m.end === written.trim().length ? m.unit : null;
}

/** Spans in order of start (the same array when already so: most blocks have none or a few in order). */
function sortedByStart(spans: readonly Span[]): readonly Span[] {
  for (let i = 1; i < spans.length; i++) if (spans[i]!.start < spans[i - 1]!.start) return [...spans].sort((a, b) => a.start - b.start);
  return spans;
}

/**
 * True when a character of plain `[start, end)` comes from an excluded span. Tags inside the
 * quantity (`IC<sub>50</sub> of 5 μM`) are excluded but give no characters, so they do not count.
 */
function readsExcluded(block: DocBlock, start: number, end: number, excluded: readonly Span[]): boolean {
  if (excluded.length === 0) return false;
  for (let i = start; i < end; i++) {
    const at = block.plain.offsets[i]!;
    let lo = 0;
    let hi = excluded.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = excluded[mid]!;
      if (at < x.start) hi = mid - 1;
      else if (at >= x.end) lo = mid + 1;
      else return true;
    }
  }
  return false;
}

/**
 * HTML blocks are excluded whole by the parser (their tags are not prose), but the text between
 * the tags is read; only the tags stay excluded, and they never reach the plain text.
 */
function excludedSpans(block: DocBlock): readonly Span[] {
  if (block.kind !== 'html') return block.excluded;
  return block.excluded.filter((x) => !(x.start <= block.start && x.end >= block.end));
}

/**
 * The source span of plain `[start, end)`. A bound that falls inside rendered math moves to the
 * math's edge when only blanks of the math lie beyond it, so `$\text{IC}_{50} = 6 \mu\text{M}$`
 * is covered whole rather than cut inside a command.
 */
export function sourceSpan(block: DocBlock, start: number, end: number): { start: number; end: number } {
  const offsets = block.plain.offsets;
  let s = offsets[start]!;
  let e = offsets[end - 1]! + 1;
  const ms = mathAround(block.math, s);
  if (ms && s > ms.start && onlyBlanksMapped(block, ms.start, s)) s = ms.start;
  const me = mathAround(block.math, e - 1);
  if (me && e < me.end && onlyBlanksMapped(block, e, me.end)) e = me.end;
  return { start: s, end: e };
}

/** The math span holding source offset `at` (spans are sorted and disjoint). */
function mathAround(math: readonly Span[], at: number): Span | undefined {
  let lo = 0;
  let hi = math.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = math[mid]!;
    if (at < m.start) hi = mid - 1;
    else if (at >= m.end) lo = mid + 1;
    else return m;
  }
  return undefined;
}

/** True when every plain character that comes from source `[from, to)` is blank (offsets ascend). */
function onlyBlanksMapped(block: DocBlock, from: number, to: number): boolean {
  const { text, offsets } = block.plain;
  for (let i = plainIndex(block.plain, from); i < text.length && offsets[i]! < to; i++) if (text[i]!.trim() !== '') return false;
  return true;
}
