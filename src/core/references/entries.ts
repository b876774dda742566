/**
 * Splits the blocks of a reference list into entries: list items (`1. …`, `- 1. …`, `- […]`),
 * labelled lines of a paragraph (`[1] …`, `1) …`, running over several lines) and footnote
 * definitions (`[^3]: …`).
 */
import type { DocBlock } from '../parse/index.js';

/** One entry as found in the source, before its fields are read. */
export interface RawEntry {
  readonly start: number;
  readonly end: number;
  /** Where the entry's own text starts (after marker and number). */
  readonly contentStart: number;
  readonly labelStart: number;
  readonly labelEnd: number;
  /** The written number, or null for an unnumbered entry. */
  readonly number: number | null;
  /** Footnote label. */
  readonly label?: string;
}

/** `[12] `, `12. `, `12) `, `(12) ` at the start of an entry's text. */
const WRITTEN_LABEL = /^(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)])(?=\s|$)[ \t]*/;

/** Empty HTML anchors that PDF converters put before an entry: `<span id="page-12-0"></span>`. */
const ANCHOR = /^[ \t]*(?:<(?:span|a)\b[^<>]{0,200}>[ \t]*<\/(?:span|a)>[ \t]*)+/i;

function anchorLength(text: string, from: number, end: number): number {
  if (text[from] !== '<' && text[from] !== ' ' && text[from] !== '\t') return 0;
  return ANCHOR.exec(text.slice(from, Math.min(end, from + 600)))?.[0].length ?? 0;
}

/** The entries of one list block: its top-level items, with the number of `- 1. …` items read from the nested list. */
export function listEntries(block: DocBlock, text: string): RawEntry[] {
  const out: RawEntry[] = [];
  const items = block.items;
  let i = 0;
  while (i < items.length) {
    const item = items[i]!;
    let j = i + 1;
    while (j < items.length && items[j]!.start < item.end) j++;
    const nested = items[i + 1];
    const end = trimEnd(text, item.start, item.end);
    if (nested && nested.start < item.end && nested.markerStart === item.contentStart && nested.ordinal !== null) {
      // "- 1. Title": a bullet whose content is a one-item ordered list.
      out.push({ start: item.start, end, contentStart: nested.contentStart, labelStart: nested.markerStart, labelEnd: nested.markerEnd - 1, number: nested.ordinal });
    } else if (item.ordinal !== null) {
      out.push({ start: item.start, end, contentStart: item.contentStart, labelStart: item.markerStart, labelEnd: item.markerEnd - 1, number: item.ordinal });
    } else {
      out.push(labelledOrBare(text, item.start, end, item.contentStart, item.markerStart, item.markerEnd));
    }
    i = j;
  }
  return out;
}

/** An item whose text may itself start with a written label such as `[3]`. */
function labelledOrBare(text: string, start: number, end: number, contentStart: number, markerStart: number, markerEnd: number): RawEntry {
  const at = contentStart + anchorLength(text, contentStart, end);
  const head = WRITTEN_LABEL.exec(text.slice(at, Math.min(end, at + 12)));
  if (head) {
    const digits = head[1] ?? head[2] ?? head[3]!;
    const labelStart = at + head[0].indexOf(digits);
    return { start, end, contentStart: at + head[0].length, labelStart, labelEnd: labelStart + digits.length, number: Number(digits) };
  }
  return { start, end, contentStart, labelStart: markerStart, labelEnd: markerEnd, number: null };
}

/**
 * The entries of a paragraph: each line starting with a written label opens an entry; other lines
 * continue it. Without labels, each line that opens like an author list ("Smith, J." / "Smith J,")
 * opens an entry when at least two lines do; otherwise the paragraph is one entry.
 */
export function paragraphEntries(block: DocBlock, text: string): RawEntry[] {
  const lines = block.lines;
  const starts: { line: number; number: number | null; labelStart: number; labelEnd: number; contentStart: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = /^[ \t]*/.exec(line.text)![0].length + anchorLength(line.text, 0, line.text.length);
    const head = WRITTEN_LABEL.exec(line.text.slice(indent, indent + 12));
    if (head) {
      const digits = head[1] ?? head[2] ?? head[3]!;
      const labelStart = line.start + indent + head[0].indexOf(digits);
      starts.push({ line: i, number: Number(digits), labelStart, labelEnd: labelStart + digits.length, contentStart: line.start + indent + head[0].length });
    }
  }
  if (starts.length === 0) {
    const authorLines = lines.filter((l) => AUTHOR_START.test(l.text)).length;
    if (authorLines < 2) {
      const s = block.start;
      return [{ start: s, end: trimEnd(text, s, block.end), contentStart: s, labelStart: s, labelEnd: s, number: null }];
    }
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (i > 0 && !AUTHOR_START.test(line.text)) continue;
      const at = line.start + /^[ \t]*/.exec(line.text)![0].length;
      starts.push({ line: i, number: null, labelStart: at, labelEnd: at, contentStart: at });
    }
  }
  // Text before the first label (a lead-in line) is not part of the list.
  return paragraphEntriesFrom(starts, lines, text, block);
}

/** Opens like an author list: "Smith, J.", "Smith J,", "van der Berg, A.", "A. Smith". */
export const AUTHOR_START = /^[ \t]*(?:(?:\p{Ll}{1,4}\s)*\p{Lu}[\p{L}'’-]+(?:,\s+\p{Lu}\.|\s\p{Lu}{1,3}[,.])|\p{Lu}\.\s?\p{Lu})/u;

function paragraphEntriesFrom(
  starts: readonly { line: number; number: number | null; labelStart: number; labelEnd: number; contentStart: number }[],
  lines: DocBlock['lines'],
  text: string,
  block: DocBlock,
): RawEntry[] {
  return starts.map((s, k) => {
    const next = starts[k + 1];
    const lastLine = lines[(next ? next.line : lines.length) - 1]!;
    const start = lines[s.line]!.start + (/^[ \t]*/.exec(lines[s.line]!.text)![0].length);
    const end = trimEnd(text, start, Math.min(lastLine.end, block.end));
    return { start, end, contentStart: s.contentStart, labelStart: s.labelStart, labelEnd: s.labelEnd, number: s.number };
  });
}

/** A footnote definition `[^label]: text`. */
export function footnoteEntry(block: DocBlock, text: string, position: number): RawEntry {
  const label = block.label ?? '';
  const labelStart = block.start + 2;
  const labelEnd = Math.min(block.end, labelStart + label.length);
  const head = /^\[\^[^\]]*\]:[ \t]*/.exec(text.slice(block.start, Math.min(block.end, block.start + label.length + 8)));
  const numeric = /^\d{1,6}$/.test(label);
  return {
    start: block.start,
    end: trimEnd(text, block.start, block.end),
    contentStart: block.start + (head ? head[0].length : 0),
    labelStart,
    labelEnd,
    number: numeric ? Number(label) : position,
    label,
  };
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
