/**
 * Pandoc citekeys: `[@smith2017]`, `[@doi:10.1038/nrd1234; @pmid:23180789]`,
 * `[see @smith2017, pp. 3–4; also -@lee2016]`. A key resolves to a keyed entry with the same key;
 * otherwise the citation is reported unresolved, with its keys as written.
 */
import type { CitationPart } from '../types.js';
import type { MarkerMatch } from './markers.js';

/** Longest bracket read as a group of citekeys. */
const MAX_GROUP = 600;
/**
 * `@` then a letter, digit or `_`, then key characters; a key's last character is not punctuation
 * (pandoc's rule), so `@smith2017.` ends before the full stop. It opens an item or follows a space.
 */
const KEY = /(?<=^|[\s;[-])@([\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_/])?)/gu;

/** The citekey group at `pos` (its `[`), or null when the bracket is not one. */
export function citekeyMarker(text: string, pos: number, limit: number, keys: ReadonlyMap<string, number>): MarkerMatch | null {
  const stop = Math.min(limit, pos + MAX_GROUP);
  let close = -1;
  for (let k = pos + 1; k < stop; k++) {
    const c = text[k];
    if (c === ']') {
      close = k;
      break;
    }
    if (c === '[' || c === '\n') return null;
  }
  // `[@key](…)` and `[@key][ref]` are links, `[@key]:` a definition.
  if (close < 0 || /[([:]/.test(text[close + 1] ?? '')) return null;
  const inner = text.slice(pos + 1, close);
  if (!inner.includes('@')) return null;
  const written: string[] = [];
  const parts: CitationPart[] = [];
  let offset = pos + 1;
  for (const item of inner.split(';')) {
    KEY.lastIndex = 0;
    const m = KEY.exec(item);
    // Every item of a pandoc citation holds a key: `[contact me @ home]` is not one.
    if (!m) return null;
    const key = m[1]!;
    written.push(`@${key}`);
    const number = keys.get(key.toLowerCase());
    if (number !== undefined) parts.push({ number, start: offset + m.index, end: offset + m.index + m[0].length });
    offset += item.length + 1;
  }
  return { start: pos, end: close + 1, parts, style: 'citekey', label: written.join('; ') };
}
