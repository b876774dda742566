/** Reads lists of reference numbers such as `1, 3–5` or `¹,³⁻⁵`, with the span of every number. */
import type { CitationPart } from '../types.js';

/** Maps a UTF-16 code unit to its digit value, or -1. */
export type DigitOf = (code: number) => number;

export const asciiDigit: DigitOf = (c) => (c >= 48 && c <= 57 ? c - 48 : -1);

/** Unicode superscript digits: ⁰ ¹ ² ³ ⁴ … ⁹. */
export const superscriptDigit: DigitOf = (c) => {
  if (c === 0xb9) return 1;
  if (c === 0xb2) return 2;
  if (c === 0xb3) return 3;
  if (c === 0x2070) return 0;
  if (c >= 0x2074 && c <= 0x2079) return c - 0x2070;
  return -1;
};

export interface NumberSyntax {
  readonly digit: DigitOf;
  /** Characters joining the ends of a range (`12–15`). */
  readonly ranges: string;
  /** Characters separating items (`1, 3`). */
  readonly separators: string;
  /** Whether spaces may surround numbers and separators. */
  readonly spaces: boolean;
}

/** (The full-width comma of text typeset in CJK fonts separates too: `13，15`.) */
export const ASCII_SYNTAX: NumberSyntax = { digit: asciiDigit, ranges: '-–—−‐‑', separators: ',;，', spaces: true };
export const SUPERSCRIPT_SYNTAX: NumberSyntax = { digit: superscriptDigit, ranges: '⁻–-', separators: ',', spaces: false };

/** Reference numbers have at most four digits; a range may not span more than this many numbers. */
const MAX_DIGITS = 4;
const MAX_RANGE = 500;
const MAX_PARTS = 1000;

export interface NumberList {
  /** Offset after the last number read. */
  readonly end: number;
  readonly parts: CitationPart[];
}

/**
 * Reads `N (sep N | range N)*` at `pos` (not beyond `limit`). Returns null when no number starts
 * there, or when a range runs backwards or is implausibly long. Stops before a separator that is
 * not followed by a number.
 */
export function readNumberList(text: string, pos: number, limit: number, syntax: NumberSyntax): NumberList | null {
  const skip = (j: number): number => {
    if (!syntax.spaces) return j;
    while (j < limit && (text[j] === ' ' || text[j] === '\u00a0' || text[j] === '\t')) j++;
    return j;
  };
  const readInt = (j: number): { value: number; end: number } | null => {
    let value = 0;
    let k = j;
    while (k < limit) {
      const d = syntax.digit(text.charCodeAt(k));
      if (d < 0) break;
      value = value * 10 + d;
      k++;
      if (k - j > MAX_DIGITS) return null;
    }
    return k === j ? null : { value, end: k };
  };
  let i = skip(pos);
  const first = readInt(i);
  if (!first) return null;
  const parts: CitationPart[] = [{ number: first.value, start: i, end: first.end }];
  i = first.end;
  let lastWasRange = false;
  while (parts.length < MAX_PARTS) {
    let j = skip(i);
    const c = text[j];
    if (c === undefined || j >= limit) break;
    if (syntax.separators.includes(c)) {
      j = skip(j + 1);
      const n = readInt(j);
      if (!n) break;
      parts.push({ number: n.value, start: j, end: n.end });
      i = n.end;
      lastWasRange = false;
    } else if (syntax.ranges.includes(c)) {
      j = skip(j + 1);
      const n = readInt(j);
      if (!n || lastWasRange) break;
      const low = parts.pop()!;
      if (n.value < low.number || n.value - low.number > MAX_RANGE) return null;
      for (let v = low.number; v <= n.value; v++) parts.push({ number: v, start: low.start, end: n.end });
      i = n.end;
      lastWasRange = true;
    } else break;
  }
  return { end: i, parts };
}
