/**
 * Length-preserving normalisation of text for matching names: every output unit stands for the
 * input unit at the same index, so a match in the normalised text is a match in the original.
 */

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
  '⁺': '+', '⁻': '-', '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7',
  '₈': '8', '₉': '9', '₊': '+', '₋': '-',
};

/** Hyphens, dashes and the minus sign all read as `-`. */
const DASHES = /[\u2010-\u2015\u2212\uFE63\uFF0D]/;
/** Every non-ASCII space reads as a plain space (tabs and line breaks stay: they separate cells and lines). */
const SPACES = /[\u00A0\u2000-\u200B\u202F\u205F\u3000]/;

/**
 * The text patterns are written against: dashes unified to `-`, spaces to ` `, super- and
 * subscript digits to ASCII, the micro sign to μ, final ς to σ, curly quotes to `'`.
 */
export function patternText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (code < 128) continue;
    let rep: string | undefined;
    if (DASHES.test(ch)) rep = '-';
    else if (SPACES.test(ch)) rep = ' ';
    else if (ch === 'µ') rep = 'μ';
    else if (ch === 'ς') rep = 'σ';
    else if (ch === '’' || ch === '‘' || ch === '′') rep = "'";
    else rep = SUPERSCRIPTS[ch];
    if (rep === undefined || rep === ch) continue;
    out += text.slice(from, i) + rep;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * The text names are matched in: {@link patternText} with hyphens and line breaks read as spaces
 * (so `L-type` matches `L type`), except the sign in a stereo descriptor `(-)`, which becomes `−`.
 * With `fold`, letters are lower-cased one unit at a time.
 */
export function matchText(pattern: string, fold: boolean): string {
  const spaced = pattern.replace(/\(-\)|[-\n\r]/g, (m) => (m.length === 3 ? '(−)' : ' '));
  if (!fold) return spaced;
  const lower = spaced.toLowerCase();
  // Whole-string lower-casing is fast; fall back to one unit at a time when it changes the length.
  if (lower.length === spaced.length) return lower.includes('ς') ? lower.replace(/ς/g, 'σ') : lower;
  const chars = new Array<string>(spaced.length);
  for (let i = 0; i < spaced.length; i++) {
    const ch = spaced[i]!;
    const l = ch.toLowerCase();
    chars[i] = l.length === 1 ? l : ch;
  }
  return chars.join('');
}

/** Normalises a name the way {@link matchText} normalises text. */
export function nameKey(name: string, fold: boolean): string {
  return matchText(patternText(name.trim()), fold);
}

const WORD = /[\p{L}\p{N}]/u;

/** Whether the unit at `i` is a letter or digit (false outside the string). */
export function isWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD.test(text[i]!);
}

/** A match at [start, end) stands alone: no letter or digit glued to a word-like edge. */
export function atBoundaries(text: string, start: number, end: number): boolean {
  if (start > 0 && isWordChar(text, start) && isWordChar(text, start - 1)) return false;
  if (end < text.length && isWordChar(text, end - 1) && isWordChar(text, end)) return false;
  return true;
}

/** A stable, URL-safe id part: lower case, runs of other characters as `-`. */
export function slug(name: string): string {
  const s = patternText(name)
    .toLowerCase()
    .replace(/\(\+\)/g, 'plus-')
    .replace(/\((?:-|−)\)/g, 'minus-')
    .replace(/\(±\)/g, 'rac-')
    .replace(/[^\p{L}\p{N}.]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return s || 'unnamed';
}

/**
 * Short names with a capital letter (up to five units) and all-capital symbols of up to six letters
 * must match exactly as written: folded, many of them are ordinary words.
 */
export function isCaseSensitive(name: string): boolean {
  if (!/\p{Lu}/u.test(name)) return false;
  if (name.length <= 5) return true;
  const letters = name.replace(/[^\p{L}]/gu, '');
  return letters.length <= 6 && letters === letters.toUpperCase();
}
