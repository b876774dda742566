/**
 * A two-generation memo keyed by text: what one analysis used survives into the next, what it did
 * not use is forgotten one analysis later. The same policy as the parser's chunk cache, so memory
 * stays proportional to the current version of the document.
 */
export class TextMemo<T> {
  private current = new Map<string, T>();
  private previous = new Map<string, T>();
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
    let hit = this.current.get(key);
    if (hit === undefined) {
      hit = this.previous.get(key);
      if (hit !== undefined) this.current.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: T): void {
    this.current.set(key, value);
  }

  /** Forgets entries not used since the last sweep (call once per analysed version). */
  sweep(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
  }

  get size(): number {
    return this.current.size;
  }
}
