/**
 * Moves annotation ranges through text edits, as the editor reports them: VS Code's Comments API
 * and decorations do not track ranges for us. Text inserted right at either edge stays outside;
 * a range whose text is deleted entirely is gone (null), and the annotation becomes an orphan.
 */

/** One replacement of `[start, end)` of the old text by `text`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** The range after one change, or null when nothing of its text is left. */
export function transformRange(range: TextRange, change: TextChange): TextRange | null {
  const delta = change.text.length - (change.end - change.start);
  if (change.end <= range.start) {
    // Wholly before (an insertion at the range's start included): the range shifts.
    return { start: range.start + delta, end: range.end + delta };
  }
  if (change.start >= range.end) return range;
  // The change overlaps the range: what is left of the range's text, plus text typed inside it.
  const start = change.start < range.start ? change.start + change.text.length : range.start;
  const end = change.end > range.end ? change.start : range.end + delta;
  if (change.start < range.start && change.end > range.end) return null;
  return end > start ? { start, end } : null;
}

/**
 * The range after the changes of one edit, all given in the coordinates of the text before it
 * (as `TextDocumentChangeEvent.contentChanges` are). They do not overlap; applying them from the
 * last to the first keeps the earlier offsets valid.
 */
export function transformThrough(range: TextRange, changes: readonly TextChange[]): TextRange | null {
  const ordered = [...changes].sort((a, b) => b.start - a.start || b.end - a.end);
  let current: TextRange | null = range;
  for (const change of ordered) {
    if (!current) return null;
    current = transformRange(current, change);
  }
  return current;
}

/** Applies the changes of one edit to a text (for tests and for checking a mirror). */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  const ordered = [...changes].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const change of ordered) result = result.slice(0, change.start) + change.text + result.slice(change.end);
  return result;
}
