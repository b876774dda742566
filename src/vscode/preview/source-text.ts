/**
 * The document's text as markdown-it reads it. markdown-it first turns `\r\n` and `\r` into `\n`
 * and NUL into U+FFFD, so its offsets are the document's minus the carriage returns dropped
 * before them; its token maps give lines of that text.
 */
import { partitionPoint } from '../../core/sorted.js';

export interface SourceText {
  /** The text markdown-it parses. */
  readonly src: string;
  readonly lineCount: number;
  /** Offset in {@link src} of the first character of `line` (0-based). */
  lineStart(line: number): number;
  /** Offset in {@link src} just after the last character of `line`, before its `\n`. */
  lineEnd(line: number): number;
  /** A document offset in {@link src}; undefined between the `\r` and `\n` of a CRLF. */
  toSrc(offset: number): number | undefined;
}

export function sourceText(text: string): SourceText {
  // Document offsets of the `\r`s markdown-it drops (those followed by `\n`), in order.
  const dropped: number[] = [];
  for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) dropped.push(i);
  const src = text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  const starts = [0];
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) starts.push(i + 1);

  /** How many dropped `\r`s lie before document offset `offset`. */
  function droppedBefore(offset: number): number {
    return partitionPoint(dropped, (at) => at < offset);
  }

  return {
    src,
    lineCount: starts.length,
    lineStart: (line) => starts[Math.min(Math.max(line, 0), starts.length - 1)]!,
    lineEnd: (line) => (line + 1 < starts.length ? starts[line + 1]! - 1 : src.length),
    toSrc(offset) {
      if (offset < 0 || offset > text.length) return undefined;
      const before = droppedBefore(offset);
      if (before > 0 && dropped[before - 1] === offset - 1) return undefined;
      return offset - before;
    },
  };
}
