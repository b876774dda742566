/**
 * A memo keyed by text that forgets what analyses stopped using, so that memory stays
 * proportional to the current version of the document. Each entry records the last analysis
 * (generation) that used it; a sweep drops the entries the last analysis did not use, but only
 * once they outnumber the used ones, so that a lookup is a single map access and most sweeps
 * cost nothing.
 */
interface Entry<T> {
  readonly value: T;
  used: number;
}

export class TextMemo<T> {
  private entries = new Map<string, Entry<T>>();
  private generation = 0;
  /** Entries used since the last sweep. */
  private used = 0;
  private context: unknown;

  /**
   * Declares what, besides each key, the remembered values depend on; a different context empties
   * the memo (cheaper than putting the context into every key). Strings compare by value, other
   * values (a lexicon) by identity.
   */
  useContext(context: unknown): void {
    if (context !== this.context) this.clear();
    this.context = context;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.used !== this.generation) {
      entry.used = this.generation;
      this.used++;
    }
    return entry.value;
  }

  set(key: string, value: T): void {
    const known = this.entries.get(key);
    if (known?.used !== this.generation) this.used++;
    this.entries.set(key, { value, used: this.generation });
  }

  /** Ends one analysed version; entries it did not use are forgotten once they outnumber those it did. */
  sweep(): void {
    if (this.entries.size > 2 * this.used + SLACK) {
      for (const [key, entry] of this.entries) if (entry.used !== this.generation) this.entries.delete(key);
    }
    this.generation++;
    this.used = 0;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  /** Entries remembered (used or not). */
  get size(): number {
    return this.entries.size;
  }
}

/** Unused entries tolerated beyond the used ones before a sweep drops them. */
const SLACK = 64;
