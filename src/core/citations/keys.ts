/**
 * The keys keyed entries open with (`**Wei 1991** …`, `**Mexiletine, Drugs.com** …`), looked up
 * as the text writes them: in any case, and with or without the commas between their words
 * (`[Mexiletine Drugs.com](#5-references)`).
 */

/** A key folded for lookup: lower case, no commas or semicolons, single spaces. */
function foldKey(key: string): string {
  return key.toLowerCase().replace(/[,;]/g, ' ').replace(/\s+/g, ' ').trim();
}

const folded = new WeakMap<ReadonlyMap<string, number>, ReadonlyMap<string, number>>();

/** The entry number of the key `written`, or undefined. */
export function keyedNumber(keys: ReadonlyMap<string, number>, written: string): number | undefined {
  if (keys.size === 0) return undefined;
  const exact = keys.get(written.toLowerCase());
  if (exact !== undefined) return exact;
  let byFold = folded.get(keys);
  if (!byFold) {
    const m = new Map<string, number>();
    for (const [k, n] of keys) if (!m.has(foldKey(k))) m.set(foldKey(k), n);
    folded.set(keys, (byFold = m));
  }
  return byFold.get(foldKey(written));
}
