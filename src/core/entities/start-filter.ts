/**
 * A filter of the first words of the database keys: a bit set (two bits a word, a Bloom filter)
 * that says of most words which start no key that they start none, from the word's place in the
 * block's text, without cutting it out or searching the sorted keys. A word it lets through may
 * still start none (about one in a hundred): the sorted keys decide. It never turns away a word
 * that starts a key.
 */

/** Bits of the set (2^21: 256 KiB; for some 100,000 first words, under 1% let through wrongly). */
const BITS_LOG = 21;
const MASK = (1 << BITS_LOG) - 1;

export class StartFilter {
  private readonly bits = new Int32Array(1 << (BITS_LOG - 5));

  /** Adds every line of `text` (lines separated by `\n`). */
  addLines(text: string): void {
    let from = 0;
    while (from < text.length) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      this.add(hashOf(text, from, to));
      from = to + 1;
    }
  }

  /** Whether `text[from, to)` may be a first word. */
  has(text: string, from: number, to: number): boolean {
    const h = hashOf(text, from, to);
    const a = h & MASK;
    const b = h >>> (32 - BITS_LOG);
    return (this.bits[a >>> 5]! & (1 << (a & 31))) !== 0 && (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }

  private add(h: number): void {
    const a = h & MASK;
    const b = h >>> (32 - BITS_LOG);
    this.bits[a >>> 5] = (this.bits[a >>> 5] ?? 0) | (1 << (a & 31));
    this.bits[b >>> 5] = (this.bits[b >>> 5] ?? 0) | (1 << (b & 31));
  }
}

/** FNV-1a over UTF-16 units, mixed at the end so that both halves of the hash vary. */
function hashOf(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
