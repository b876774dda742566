/** Where HTML tables end: the first `</table>` at or after an offset. */
import type { Span } from '../types.js';

const TABLE_CLOSE = /<\/table\s*>/gi;

/**
 * Finds the first `</table>` at or after an offset, scanning only from there. Tables are read in
 * order, so a scan's answer is kept for the following tables: an unclosed table does not make
 * each later one rescan the rest of the document.
 */
export class TableCloses {
  private scannedFrom = -1;
  private found: Span | null = null;

  constructor(private readonly text: string) {}

  /** The first `</table>` starting at or after `at`, or null when none follows. */
  firstAtOrAfter(at: number): Span | null {
    // The last answer holds from where its scan began up to the close it found (or to the end).
    const known = this.scannedFrom >= 0 && at >= this.scannedFrom && (!this.found || at <= this.found.start);
    if (!known) {
      TABLE_CLOSE.lastIndex = at;
      const m = TABLE_CLOSE.exec(this.text);
      this.scannedFrom = at;
      this.found = m ? { start: m.index, end: m.index + m[0].length } : null;
    }
    return this.found;
  }
}
