/**
 * Marks an analysed document in markdown-it's tokens: reference entries get an id (and a link
 * back to the marker the reader came from), citation markers link to their entries, ligand and
 * target mentions carry their entity, and a hidden element at the end holds the cards' content.
 * Pure: the analysis, the document's text and markdown-it's tokens in, new tokens out (the input
 * tokens are never changed: VS Code's preview caches them).
 */
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token';
import type { AnalysisIndex } from '../../core/query.js';
import { partitionPoint } from '../../core/sorted.js';
import type { Span } from '../../core/types.js';
import { previewCards } from './cards.js';
import { escapeAttribute, TOKEN, type MarkMeta } from './html.js';
import { layoutInlines, type InlineLayout } from './inline-layout.js';
import { copyToken, cutAtOrAfter, place, withInserts, type Cut, type Insert, type Placement } from './marks.js';
import { CLASSES, PREVIEW } from './model.js';
import { sourceText } from './source-text.js';

export interface PreviewSettings {
  /** `marginalia.highlight.*`: kinds turned off keep their links and cards, not their colours. */
  readonly highlight: Readonly<Record<'ligand' | 'target' | 'chemical' | 'citation', boolean>>;
}

/** One of the reader's annotations to mark, in document offsets (placed in the current text). */
export interface PreviewAnnotation {
  readonly start: number;
  readonly end: number;
  /** One of the eight annotation colours (`src/core/annotations/model.ts`). */
  readonly colour: string;
}

/** A placed mark, in the offsets of the text markdown-it reads (`sourceText(text).src`). */
export interface PlacedMark {
  readonly kind: 'entry' | 'anchor' | 'citation' | 'part' | 'entity' | 'annotation';
  readonly from: number;
  readonly to: number;
}

export interface Decorated {
  readonly tokens: Token[];
  /** Every mark placed; a mark's tokens carry its index here (`MarkMeta.mark`). */
  readonly marks: readonly PlacedMark[];
  /** The hidden element holding the cards (empty when nothing was marked). */
  readonly trailer: string;
  readonly counts: { readonly entities: number; readonly citations: number; readonly links: number; readonly entries: number };
}

type Attrs = [string, string][];

/** Accepted ranges of one kind in one inline, disjoint and sorted. */
class Layer {
  private readonly ranges: Span[] = [];

  /** Ranges of this layer that intersect `[from, to)` without one holding the other. */
  crosses(from: number, to: number): boolean {
    for (let i = partitionPoint(this.ranges, (r) => r.end <= from); i < this.ranges.length && this.ranges[i]!.start < to; i++) {
      const r = this.ranges[i]!;
      const holds = r.start <= from && r.end >= to;
      const held = from <= r.start && to >= r.end;
      if (!holds && !held) return true;
    }
    return false;
  }

  add(from: number, to: number): void {
    const last = this.ranges[this.ranges.length - 1];
    if (!last || last.start <= from) this.ranges.push({ start: from, end: to });
    else {
      const at = this.ranges.findIndex((r) => r.start > from);
      this.ranges.splice(at, 0, { start: from, end: to });
    }
  }
}

/** What is being placed in one inline token. */
class InlineMarks {
  readonly inserts: Insert[] = [];
  private readonly layers = new Map<string, Layer>();

  constructor(readonly layout: InlineLayout) {}

  /** Accepts the range in `layer` unless it crosses a range of any layer. */
  accept(layer: string, p: Placement): boolean {
    for (const other of this.layers.values()) if (other.crosses(p.from, p.to)) return false;
    let own = this.layers.get(layer);
    if (!own) this.layers.set(layer, (own = new Layer()));
    own.add(p.from, p.to);
    return true;
  }
}

export function decorate(md: MarkdownIt, tokens: readonly Token[], text: string, index: AnalysisIndex, settings: PreviewSettings, annotations: readonly PreviewAnnotation[] = []): Decorated {
  const { analysis } = index;
  const source = sourceText(text);
  const layouts = layoutInlines(md, tokens, source).filter((l) => l.units.length > 0);
  const marks = layouts.map((layout) => new InlineMarks(layout));
  const TokenClass = (md.core.State.prototype as unknown as { Token: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token }).Token;
  const placedMarks: PlacedMark[] = [];

  /** The inline token whose source holds `[from, to)`, or (with `touching`) the first that meets it. */
  function inlineAt(from: number, to: number, touching = false): InlineMarks | undefined {
    const lo = partitionPoint(marks, (m) => m.layout.units[m.layout.units.length - 1]!.end <= from);
    const found = marks[lo];
    if (!found) return undefined;
    const units = found.layout.units;
    if (touching) return units[0]!.start < to ? found : undefined;
    return units[0]!.start <= from && units[units.length - 1]!.end >= to ? found : undefined;
  }

  const srcSpan = (span: Span): [number, number] | undefined => {
    const from = source.toSrc(span.start);
    const to = source.toSrc(span.end);
    return from === undefined || to === undefined || to <= from ? undefined : [from, to];
  };

  function wrap(target: InlineMarks, p: Placement, kind: PlacedMark['kind'], tag: 'span' | 'a', attrs: Attrs): MarkMeta {
    const n = placedMarks.push({ kind, from: p.from, to: p.to }) - 1;
    const open = new TokenClass(TOKEN.open, tag, 1);
    open.attrs = attrs;
    open.meta = { mark: n } satisfies MarkMeta;
    const close = new TokenClass(TOKEN.close, tag, -1);
    const meta: MarkMeta = { mark: n };
    close.meta = meta;
    const span = p.to - p.from;
    target.inserts.push({ at: p.start, token: open, span, order: n }, { at: p.end, token: close, span, order: n });
    return meta;
  }

  function anchor(target: InlineMarks, at: Cut, offset: number, attrs: Attrs): void {
    const n = placedMarks.push({ kind: 'anchor', from: offset, to: offset }) - 1;
    const token = new TokenClass(TOKEN.anchor, 'span', 0);
    token.attrs = attrs;
    token.meta = { mark: n } satisfies MarkMeta;
    target.inserts.push({ at, token, span: 0, order: n });
  }

  // Reference entries first: they hold the markers and names inside them.
  const anchored = new Set<number>();
  const backs = new Map<number, MarkMeta>();
  for (const reference of analysis.references) {
    if (anchored.has(reference.number)) continue; // a repeated number links to its first entry
    const range = srcSpan(reference);
    const target = range && inlineAt(range[0], range[1], true);
    if (!range || !target) continue;
    const attrs: Attrs = [['class', CLASSES.entry], ['id', PREVIEW.entryId(reference.number)], [PREVIEW.entryAttribute, String(reference.number)], ['tabindex', '-1']];
    const placed = place(target.layout, range[0], range[1], true);
    if (placed && target.accept('entry', placed)) {
      backs.set(reference.number, wrap(target, placed, 'entry', 'span', attrs));
    } else {
      // The entry's text cannot be wrapped (its HTML does not nest): an empty element at its start.
      const start = cutAtOrAfter(target.layout, range[0]);
      if (!start) continue;
      anchor(target, start, range[0], attrs);
    }
    anchored.add(reference.number);
  }

  // Citation markers: a link to the entry, or (grouped markers) a link on each number.
  const placedCitations = new Set<number>();
  let links = 0;
  analysis.citations.forEach((citation, i) => {
    // A key the reference list does not hold (pandoc citekeys without a list) has no entry to show.
    if (citation.numbers.length === 0) return;
    const range = srcSpan(citation);
    const target = range && inlineAt(range[0], range[1]);
    const placed = range && target && place(target.layout, range[0], range[1]);
    if (!target || !placed || !target.accept('citation', placed)) return;
    placedCitations.add(i);
    const numbers = [...new Set(citation.numbers)];
    const classes = [CLASSES.mark, CLASSES.citation, ...(settings.highlight.citation ? [] : [CLASSES.plain])].join(' ');
    const attrs: Attrs = [['class', classes], ['id', PREVIEW.citationId(i)], [PREVIEW.citesAttribute, numbers.join(' ')]];
    // One link per distinct span of digits whose number has an entry in the page.
    const parts = new Map<string, { span: [number, number]; number: number }>();
    for (const part of citation.parts) {
      const span = srcSpan(part);
      const key = span && `${span[0]}:${span[1]}`;
      if (span && key && !parts.has(key) && anchored.has(part.number)) parts.set(key, { span, number: part.number });
    }
    const linkable = !placed.inLink && !placed.holdsLink;
    const only = parts.size === 1 ? [...parts.values()][0]! : undefined;
    if (linkable && only) {
      wrap(target, placed, 'citation', 'a', [...attrs, ['href', `#${PREVIEW.entryId(only.number)}`]]);
      links++;
      return;
    }
    const partLinks: [Placement, number][] = [];
    if (linkable) {
      for (const { span, number } of parts.values()) {
        const part = place(target.layout, span[0], span[1]);
        if (part && target.accept('part', part)) partLinks.push([part, number]);
      }
    }
    // Focusable itself only when no link inside or around it is.
    wrap(target, placed, 'citation', 'span', partLinks.length || placed.inLink || placed.holdsLink ? attrs : [...attrs, ['tabindex', '0']]);
    for (const [part, number] of partLinks) {
      wrap(target, part, 'part', 'a', [['class', CLASSES.part], ['href', `#${PREVIEW.entryId(number)}`]]);
      links++;
    }
  });

  // Each entry's back link returns to the first of its markers in the page (the script then
  // points it at the marker the reader followed).
  for (const reference of analysis.references) {
    const meta = backs.get(reference.number);
    const first = reference.citedBy.find((i) => placedCitations.has(i));
    if (meta && first !== undefined && !meta.back) meta.back = PREVIEW.citationId(first);
  }

  const entityIds = new Set<string>();
  let entities = 0;
  for (const mention of analysis.entities) {
    const range = srcSpan(mention);
    const target = range && inlineAt(range[0], range[1]);
    const placed = range && target && place(target.layout, range[0], range[1]);
    if (!target || !placed || !target.accept('entity', placed)) continue;
    const kindClass = CLASSES[mention.kind];
    const classes = [CLASSES.mark, kindClass, ...(settings.highlight[mention.kind] ? [] : [CLASSES.plain])].join(' ');
    wrap(target, placed, 'entity', 'span', [['class', classes], [PREVIEW.entityAttribute, mention.id], ['tabindex', '0']]);
    entityIds.add(mention.id);
    entities++;
  }

  // The reader's annotations last, one span per paragraph (inline) they cover, shrunk to where
  // they can wrap without breaking the marks already placed (a crossing one is left unmarked).
  for (const annotation of annotations) {
    const range = srcSpan(annotation);
    if (!range || !/^[a-z]+$/.test(annotation.colour)) continue;
    for (const target of marks) {
      const units = target.layout.units;
      const from = Math.max(range[0], units[0]!.start);
      const to = Math.min(range[1], units[units.length - 1]!.end);
      if (to <= from) continue;
      const placed = place(target.layout, from, to, true);
      if (placed && placed.to > placed.from && target.accept('annotation', placed)) {
        wrap(target, placed, 'annotation', 'span', [['class', `${CLASSES.annotation} ${CLASSES.annotation}-${annotation.colour}`]]);
      }
    }
  }

  const out = [...tokens];
  for (const m of marks) {
    if (m.inserts.length === 0) continue;
    const inline = m.layout.token;
    out[m.layout.index] = copyToken(inline, { children: withInserts(inline.children ?? [], m.inserts) });
  }
  const counts = { entities, citations: placedCitations.size, links, entries: anchored.size };
  if (placedMarks.length === 0) return { tokens: out, marks: placedMarks, trailer: '', counts };
  const cards = previewCards(index, entityIds, anchored);
  const trailer = `<div id="${PREVIEW.dataId}" hidden ${PREVIEW.cardsAttribute}="${escapeAttribute(JSON.stringify(cards))}"></div>\n`;
  return { tokens: out, marks: placedMarks, trailer, counts };
}
