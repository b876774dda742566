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
  /** The key a keyed entry opens with (`**Begg 1982** Begg, E., …`), which the text cites it by. */
  readonly key?: string;
}

/** A keyed entry's bold key: `**Begg 1982** `, `**DrugBank DB00379** `. */
const KEY = /^[ \t]*\*\*([^*\n]{1,80}?)\*\*[ \t]+(?=\S)/;

/** The entry `[start, end)` opened by a bold key, or null. */
export function keyedEntry(text: string, start: number, end: number): RawEntry | null {
  const m = KEY.exec(text.slice(start, Math.min(end, start + 100)));
  if (!m) return null;
  const keyStart = start + m[0].indexOf('**') + 2;
  return { start, end, contentStart: start + m[0].length, labelStart: keyStart, labelEnd: keyStart + m[1]!.length, number: null, key: m[1]!.trim() };
}

/**
 * `[12] `, `12. `, `12) `, `(12) ` at the start of an entry's text, or the number as a converter's
 * link to itself: `[12](#block-3-0). `, `[\\[12\\]](#page-9-1) `. OCR may drop the space before
 * the first name or part (`1.Hollander`, `(2)Eswarakumar`, `4.(a)`) and write the full-width forms (`13．`, `(7）`).
 */
const WRITTEN_LABEL = /^(?:\[(\d{1,4})\]|[(（](\d{1,4})[)）]|(\d{1,4})[.)．）]|\[(?:\\?\[)?(\d{1,4})(?:\\?\])?\]\(#[^()\s]{0,80}\)[.)]?)(?=\s|$|\p{Lu}|\((?:[a-z]|\d{1,2})\))[ \t]*/u;

/**
 * Empty HTML anchors that PDF converters put before an entry (`<span id="page-12-0"></span>`), and
 * the back-link to the citing text that wikis put there (`[**^**](#cite_ref-1)`, `^`).
 */
const ANCHOR = /^[ \t]*(?:(?:<(?:span|a)\b[^<>]{0,200}>[ \t]*<\/(?:span|a)>|\[\*{0,2}\^\*{0,2}\]\(#[^()\s]{0,200}\)|\^(?=[ \t]))[ \t]*)+/i;

function anchorLength(text: string, from: number, end: number): number {
  if (text[from] !== '<' && text[from] !== '[' && text[from] !== '^' && text[from] !== ' ' && text[from] !== '\t') return 0;
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
      const contentStart = item.contentStart + anchorLength(text, item.contentStart, end);
      out.push({ start: item.start, end, contentStart, labelStart: item.markerStart, labelEnd: item.markerEnd - 1, number: item.ordinal });
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
  const keyed = keyedEntry(text, at, end);
  if (keyed) return { ...keyed, start };
  const head = WRITTEN_LABEL.exec(text.slice(at, Math.min(end, at + 100)));
  if (head) {
    const digits = head[1] ?? head[2] ?? head[3] ?? head[4]!;
    const labelStart = at + head[0].indexOf(digits);
    return { start, end, contentStart: at + head[0].length, labelStart, labelEnd: labelStart + digits.length, number: Number(digits) };
  }
  // The converter's anchor before the text is not part of the entry.
  return { start, end, contentStart: at, labelStart: markerStart, labelEnd: markerEnd, number: null };
}

/** Where one entry of a paragraph starts, before its end is known. */
interface EntryStart {
  readonly start: number;
  readonly number: number | null;
  readonly labelStart: number;
  readonly labelEnd: number;
  readonly contentStart: number;
  /** A label OCR damaged (`(1o)`, `(n)`): numbered from its neighbours, or dropped. */
  readonly damaged?: boolean;
}

/**
 * A label whose digits OCR read as letters — `(1o)` for 10, `(n)` for 11, `(2o)` for 20 — before
 * a name. Its number is taken from the labels around it, never from its letters.
 */
const DAMAGED_LABEL = /^[(（]((?=[0-9]*[oOlIin|])[0-9oOlIin|]{1,3})[)）][ \t]*(?=\p{Lu}[\p{L}'’-]+\s?[,，])/u;

/**
 * The entries of a paragraph: each line starting with a written label opens an entry; other lines
 * continue it. Without labels, each line that opens like an author list ("Smith, J." / "Smith J,")
 * opens an entry when at least two lines do; otherwise the paragraph is one entry. A numbered
 * paragraph whose numbering skips a number is looked into for the missing label inside a line,
 * where a conversion ran two entries together (`…2297-300. 7.Eckhardt, M.; …`).
 */
export function paragraphEntries(block: DocBlock, text: string): RawEntry[] {
  const lines = block.lines;
  const starts: EntryStart[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lead = /^[ \t]*/.exec(line.text)![0].length;
    const indent = lead + anchorLength(line.text, 0, line.text.length);
    const head = WRITTEN_LABEL.exec(line.text.slice(indent, indent + 100));
    if (head) {
      const digits = head[1] ?? head[2] ?? head[3] ?? head[4]!;
      const labelStart = line.start + indent + head[0].indexOf(digits);
      starts.push({ start: line.start + lead, number: Number(digits), labelStart, labelEnd: labelStart + digits.length, contentStart: line.start + indent + head[0].length });
      continue;
    }
    const damaged = DAMAGED_LABEL.exec(line.text.slice(indent, indent + 100));
    if (damaged) {
      const labelStart = line.start + indent + 1;
      starts.push({ start: line.start + lead, number: null, labelStart, labelEnd: labelStart + damaged[1]!.length, contentStart: line.start + indent + damaged[0].length, damaged: true });
    }
  }
  if (!starts.some((s) => s.number !== null)) {
    starts.length = 0;
    const keyed = keyedEntry(text, block.start, trimEnd(text, block.start, block.end));
    if (keyed) return [keyed];
    const authorLines = lines.filter((l) => AUTHOR_START.test(l.text)).length;
    if (authorLines < 2) {
      const s = block.start;
      return [{ start: s, end: trimEnd(text, s, block.end), contentStart: s, labelStart: s, labelEnd: s, number: null }];
    }
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (i > 0 && !AUTHOR_START.test(line.text)) continue;
      const at = line.start + /^[ \t]*/.exec(line.text)![0].length;
      starts.push({ start: at, number: null, labelStart: at, labelEnd: at, contentStart: at });
    }
    return entriesFrom(starts, text, block);
  }
  // Text before the first label (a lead-in line) is not part of the list.
  return entriesFrom(numberDamaged(starts), text, block);
}

/** Damaged labels numbered from the labels around them when they fill the gap exactly; others dropped (their line continues an entry). */
function numberDamaged(starts: readonly EntryStart[]): EntryStart[] {
  const out: EntryStart[] = [];
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k]!;
    if (!s.damaged) {
      out.push(s);
      continue;
    }
    let run = k;
    while (run < starts.length && starts[run]!.damaged) run++;
    const before = out[out.length - 1]?.number;
    const after = starts[run]?.number;
    if (before != null && after != null && after - before === run - k + 1) {
      for (let j = k; j < run; j++) out.push({ ...starts[j]!, number: before + 1 + (j - k), damaged: false });
    }
    k = run - 1;
  }
  return out;
}

/**
 * The label of entry `n` inside an entry's text, after a space, a line break or a full stop, before
 * a name or a part (`7.Eckhardt, M.`, `(2)Eswarakumar,V.P.`, `4.(a) Villhauer`).
 */
function inlineLabel(n: number): RegExp {
  return new RegExp(String.raw`(?<=[\s.;,，；])(?:[(（](${n})[)）]|(${n})[.．])[ \t]*(?=\p{Lu}[\p{L}'’-]+\s?[,，]|\([a-z]\))`, 'gu');
}

/**
 * Entries a conversion ran together, split again: where the numbering skips a number (or the
 * block's last entry ends), the missing label is looked for inside the entry — at the start of a
 * line the list item took in, or inside a line (`…2297-300. 7.Eckhardt, M.; …`).
 */
export function splitRunTogether(entries: readonly RawEntry[], text: string): RawEntry[] {
  if (!entries.some((e) => e.number !== null && e.label === undefined)) return [...entries];
  const out: RawEntry[] = [];
  for (let k = 0; k < entries.length; k++) {
    let e = entries[k]!;
    const next = entries[k + 1];
    while (e.number !== null && e.label === undefined && e.key === undefined && (next?.number == null || next.number > e.number + 1)) {
      const re = inlineLabel(e.number + 1);
      re.lastIndex = e.contentStart;
      const m = re.exec(text);
      if (!m || m.index >= e.end) break;
      const digits = m[1] ?? m[2]!;
      const labelStart = m.index + m[0].indexOf(digits);
      out.push({ ...e, end: trimEnd(text, e.start, m.index) });
      e = { start: m.index, end: e.end, number: e.number + 1, labelStart, labelEnd: labelStart + digits.length, contentStart: m.index + m[0].length };
    }
    out.push(e);
  }
  return out;
}

/** Opens like an author list: "Smith, J.", "Smith J,", "van der Berg, A.", "A. Smith". */
export const AUTHOR_START = /^[ \t]*(?:(?:\p{Ll}{1,4}\s)*\p{Lu}[\p{L}'’-]+(?:,\s+\p{Lu}\.|\s\p{Lu}{1,3}[,.])|\p{Lu}\.\s?\p{Lu})/u;

/** Each entry runs from its start to the next one's. */
function entriesFrom(starts: readonly EntryStart[], text: string, block: DocBlock): RawEntry[] {
  return starts.map((s, k) => {
    const next = starts[k + 1];
    const end = trimEnd(text, s.start, next ? next.start : block.end);
    return { start: s.start, end, contentStart: s.contentStart, labelStart: s.labelStart, labelEnd: s.labelEnd, number: s.number };
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
