/**
 * Placing marks (a source range each) among an inline token's children, and rebuilding the
 * children with the marks' tokens inserted. A mark is placed only where its range starts and ends
 * exactly at a cut between (or inside) children it can wrap without breaking the nesting of
 * links, emphasis or inline HTML; anything else is left unmarked.
 */
import type Token from 'markdown-it/lib/token';
import { partitionPoint } from '../../core/sorted.js';
import type { InlineLayout, Unit } from './inline-layout.js';

/** A position among the children: before child `child`, or inside a text child at `offset`. */
export interface Cut {
  readonly child: number;
  readonly offset: number;
}

export interface Placement {
  readonly start: Cut;
  readonly end: Cut;
  /** The source range, snapped when asked. */
  readonly from: number;
  readonly to: number;
  /** Whether the range lies inside a link, or holds one: then a mark may not be a link itself. */
  readonly inLink: boolean;
  readonly holdsLink: boolean;
}

/** Index of the first unit ending after `offset` (units are in source order). */
function unitAfter(units: readonly Unit[], offset: number): number {
  return partitionPoint(units, (unit) => unit.end <= offset);
}

/** Index of the last unit starting before `offset`. */
function unitBefore(units: readonly Unit[], offset: number): number {
  return partitionPoint(units, (unit) => unit.start < offset) - 1;
}

const before = (u: Unit): Cut => ({ child: u.child, offset: u.kind === 'text' ? u.from : 0 });
const after = (u: Unit): Cut => (u.kind === 'text' ? { child: u.child, offset: u.to } : { child: u.child + 1, offset: 0 });

/**
 * Where `[from, to)` can be wrapped. With `snap`, the range shrinks to the nearest cuts inside it
 * (for reference entries, whose ranges include list markers); otherwise it must fall on cuts.
 */
export function place(layout: InlineLayout, from: number, to: number, snap = false): Placement | undefined {
  const { units } = layout;
  let k = unitAfter(units, from);
  let j = unitBefore(units, to);
  if (k >= units.length || j < 0 || k > j) return undefined;
  const first = units[k]!;
  const last = units[j]!;
  let start: Cut;
  if (first.start === from || (snap && first.start > from)) start = before(first);
  else if (first.linear && first.start < from) start = { child: first.child, offset: first.from + (from - first.start) };
  else if (snap && ++k <= j) start = before(units[k]!);
  else return undefined;
  let end: Cut;
  if (last.end === to || (snap && last.end < to)) end = after(last);
  else if (last.linear && last.end > to) end = { child: last.child, offset: last.from + (to - last.start) };
  else if (snap && --j >= k) end = after(units[j]!);
  else return undefined;
  if (k > j) return undefined;

  // The units wholly inside must open and close in order; the cut units are text.
  const open: string[] = [];
  let holdsLink = false;
  for (let u = k; u <= j; u++) {
    const unit = units[u]!;
    if (unit.kind === 'open') {
      open.push(unit.tag);
      if (unit.tag === 'a') holdsLink = true;
    } else if (unit.kind === 'close' && open.pop() !== unit.tag) return undefined;
  }
  if (open.length > 0) return undefined;
  let depth = 0;
  for (let u = 0; u < k; u++) {
    const unit = units[u]!;
    if (unit.tag === 'a') depth += unit.kind === 'open' ? 1 : unit.kind === 'close' ? -1 : 0;
  }
  const snappedFrom = snap ? Math.max(from, units[k]!.start) : from;
  const snappedTo = snap ? Math.min(to, units[j]!.end) : to;
  return { start, end, from: snappedFrom, to: snappedTo, inLink: depth > 0, holdsLink };
}

/** The first cut at or after `offset` (where an empty element can go). */
export function cutAtOrAfter(layout: InlineLayout, offset: number): Cut | undefined {
  const { units } = layout;
  const k = unitAfter(units, offset);
  const unit = units[k];
  if (!unit) return undefined;
  if (unit.start >= offset) return before(unit);
  if (unit.linear) return { child: unit.child, offset: unit.from + (offset - unit.start) };
  const next = units[k + 1];
  return next ? before(next) : after(unit);
}

/** A token to insert at a cut. Among inserts at one cut, closes come first, inner ones first. */
export interface Insert {
  readonly at: Cut;
  readonly token: Token;
  /** Length of the mark's source range: outer marks open first and close last. */
  readonly span: number;
  /** Order of the mark among all placed ones, to break ties between marks of equal range. */
  readonly order: number;
}

function compare(a: Insert, b: Insert): number {
  if (a.at.child !== b.at.child) return a.at.child - b.at.child;
  if (a.at.offset !== b.at.offset) return a.at.offset - b.at.offset;
  const phase = (i: Insert) => (i.token.nesting === -1 ? 0 : 1);
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  // Closes: inner (shorter, later) first. Opens: outer (longer, earlier) first.
  if (phase(a) === 0) return a.span - b.span || b.order - a.order;
  return b.span - a.span || a.order - b.order;
}

/** A copy of a token (the token cache of VS Code's preview keeps the originals). */
export function copyToken(token: Token, changes: Partial<Token>): Token {
  return Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token, changes);
}

/** The children with `inserts` in place; text children are split where a cut falls inside them. */
export function withInserts(children: readonly Token[], inserts: readonly Insert[]): Token[] {
  const sorted = [...inserts].sort(compare);
  const out: Token[] = [];
  let n = 0;
  for (let i = 0; i <= children.length; i++) {
    const child = children[i];
    let offset = 0;
    while (n < sorted.length && sorted[n]!.at.child === i) {
      const insert = sorted[n++]!;
      if (child && insert.at.offset > offset) {
        out.push(copyToken(child, { content: child.content.slice(offset, insert.at.offset) }));
        offset = insert.at.offset;
      }
      out.push(insert.token);
    }
    if (!child) break;
    if (offset === 0) out.push(child);
    else if (offset < child.content.length) out.push(copyToken(child, { content: child.content.slice(offset) }));
  }
  return out;
}
