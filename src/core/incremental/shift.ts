/**
 * Moves extractor results between absolute offsets and offsets relative to their block, so that a
 * result memoised for a block's text can be reused wherever that text now sits.
 *
 * Every numeric field named `start`, `end` or ending in `Start`/`End` is an offset (the convention
 * of `../types.ts`); nested objects and arrays are shifted too. Other numbers are left alone.
 */
const OFFSET_KEY = /^(?:start|end|.+Start|.+End)$/;

// Results have few distinct field names: classify each once rather than testing the pattern per value.
const offsetKeys = new Map<string, boolean>();
function isOffsetKey(key: string): boolean {
  let known = offsetKeys.get(key);
  if (known === undefined) offsetKeys.set(key, (known = OFFSET_KEY.test(key)));
  return known;
}

/** A deep copy of `value` with every offset moved by `by`. */
export function shiftOffsets<T>(value: T, by: number): T {
  if (by === 0) return value;
  return shift(value, by) as T;
}

function shift(value: unknown, by: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shift(v, by));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key in source) {
    const v = source[key];
    if (typeof v === 'number' && isOffsetKey(key)) out[key] = v + by;
    else if (v !== null && typeof v === 'object') out[key] = shift(v, by);
    else out[key] = v;
  }
  return out;
}
