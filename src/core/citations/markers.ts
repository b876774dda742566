/**
 * Numeric citation markers, each read at the character that can open it:
 * `[4]`, `[4][10][16]`, `[12–15]`, `[1, 3]`, `^[7]`, `^{[1][2]}`, `^{12}`, `[\[1,2\]](#page-3-0)`,
 * `[1](#ref-1)`, `<sup>12</sup>`, `$^{12}$`, `\(^{2,3}\)`, `\textsuperscript{4–6}`, `¹²`, `¹,⁶`, `³⁻⁵`.
 */
import { balanced } from '../text/brackets.js';
import type { CitationPart, CitationStyle } from '../types.js';
import { ASCII_SYNTAX, readNumberList, SUPERSCRIPT_SYNTAX, superscriptDigit } from './numbers.js';

export interface MarkerMatch {
  readonly start: number;
  readonly end: number;
  readonly parts: CitationPart[];
  readonly style: CitationStyle;
  readonly label?: string;
}

/** What a matcher needs to know besides the text. */
export interface MarkerContext {
  readonly text: string;
  /** End of the block being scanned: no marker runs past it. */
  readonly limit: number;
  /** Numbers of the reference list's entries. */
  readonly known: ReadonlySet<number>;
}

/** Anchors of figures, tables, equations and sections: `[1](#Tab1)` is a link to Table 1, not a citation. */
const NOT_CITED_ANCHOR = /^(?:tab|table|fig|figure|eq|equation|sec|section|app|appendix|supp|suppl|box|scheme)[-_.:]?\d/i;
/** Longest link destination read after a link-wrapped marker. */
const MAX_ANCHOR = 300;
/** Spaces allowed between adjacent bracket groups (`[4] [10]`). */
const MAX_GROUP_GAP = 2;

/**
 * A number that cannot be a reference number: zero, or four digits (a year such as `[2025]`)
 * when the list has no entry with that number.
 */
function implausible(parts: readonly CitationPart[], ctx: MarkerContext): boolean {
  return parts.some((p) => p.number === 0 || (p.number >= 1000 && !ctx.known.has(p.number)));
}

/** `[2,500]`: a number with a thousands separator, unless the list really has those entries. */
function thousandsSeparated(text: string, start: number, end: number, parts: readonly CitationPart[], ctx: MarkerContext): boolean {
  return /^\[\d{1,3}(?:,\d{3})+\]$/.test(text.slice(start, end)) && !parts.every((p) => ctx.known.has(p.number));
}

interface Group {
  readonly end: number;
  readonly parts: CitationPart[];
  readonly link: boolean;
  /** A link holding the first numbers of a group split over several links (`[\[26](#…)`). */
  readonly open: boolean;
  /** The link ends with a range's dash (`[\[1–](#…)`): the range's end follows it. */
  readonly dash: boolean;
}

/** One bracket group at `pos`: `[1,3–5]`, `[\[1\]](#anchor)` or `[1](#anchor)`. */
function readGroup(ctx: MarkerContext, pos: number, continued = false): Group | null {
  const { text, limit } = ctx;
  if (text[pos] !== '[') return null;
  let i = pos + 1;
  let inner = '';
  if (text.startsWith('\\[', i)) inner = '\\]';
  else if (text[i] === '[') inner = ']';
  if (inner) i += inner === '\\]' ? 2 : 1;
  if (text[i] === '^') return null;
  // A later link of a split group may open with the comma: `[,15\]](#…)`.
  if (continued && !inner && (text[i] === ',' || text[i] === ';')) i++;
  while (text[i] === ' ' && i < pos + 4) i++;
  const list = readNumberList(text, i, limit, ASCII_SYNTAX);
  if (!list) return null;
  i = list.end;
  while (text[i] === ' ') i++;
  // `[\[1–](#…)3]`: a link holding a range's first number and its dash, the rest after it.
  const dash = inner !== '' && DASHES_AND_HYPHEN.includes(text[i] ?? '') && text[i + 1] === ']' && text[i + 2] === '(';
  if (dash) i++;
  let closed = false;
  if (inner && text.startsWith(inner, i)) {
    i += inner.length;
    closed = true;
  } else if (text.startsWith('\\]', i) && (text[i + 2] === ']' || (/[.,;]/.test(text[i + 2] ?? '') && text[i + 3] === ']'))) {
    // The last link of a group split over several links: `[3\]](#…)`, `[28\].](#…)` (the sentence's full stop inside).
    i += text[i + 2] === ']' ? 2 : 3;
    closed = true;
  } else if (!dash && (text[i] === ',' || text[i] === ';')) {
    // A link holding the first numbers of a split group: `[\[2,](#…)`.
    i++;
  }
  if (text[i] !== ']') return null;
  i++;
  // Unbalanced inner brackets are only a marker when the link supplies the other half.
  const split = (inner !== '' && !closed) || (inner === '' && closed) || dash || text[i - 2] === ',' || text[i - 2] === ';';
  if (split && text[i] !== '(') return null;
  if (implausible(list.parts, ctx) || thousandsSeparated(text, pos, i, list.parts, ctx)) return null;
  const open = inner !== '' && !closed;
  if (text[i] !== '(') return { end: i, parts: list.parts, link: false, open, dash };
  // A link: only an in-document anchor makes it a citation; `[3](https://…)` is an ordinary link.
  if (text[i + 1] !== '#') return null;
  const stop = Math.min(limit, i + MAX_ANCHOR);
  for (let k = i + 2; k < stop; k++) {
    const c = text[k]!;
    if (c === ')') return NOT_CITED_ANCHOR.test(text.slice(i + 2, k)) ? null : { end: k + 1, parts: list.parts, link: true, open, dash };
    if (c === ' ' || c === '\n' || c === '\r' || c === '(') return null;
  }
  return null;
}

/** Dashes that join the two links of a split range; `e` is an en dash read wrongly by OCR (`[\[26](#…)e[28\]](#…)`). */
const RANGE_JOINERS = '-–—−‐‑e';
const DASHES = '–—−‐‑';
const DASHES_AND_HYPHEN = '-–—−‐‑';

/** Adjacent groups `[4][10][16]`, `[4] [10]`, `[1]^[2]`, and the links of a split group (`[\[26](#…)–[28\]](#…)`) as one run. */
function readGroups(ctx: MarkerContext, pos: number): { end: number; parts: CitationPart[]; link: boolean } | null {
  const first = readGroup(ctx, pos);
  if (!first) return null;
  const parts = [...first.parts];
  let end = first.end;
  let open = first.open || first.dash;
  let lastDash = first.dash;
  for (;;) {
    let j = end;
    while (j < end + MAX_GROUP_GAP && ctx.text[j] === ' ') j++;
    if (ctx.text[j] === '^' && ctx.text[j + 1] === '[') j++;
    // A split group's links may be joined by a dash (a range) or a comma.
    let range = false;
    // (Closed groups too, by a true dash: `[[4]](#…)–[[8]](#…)`.)
    const joiner = ctx.text[j] ?? '';
    // (Or a dash written as a superscript between closed links: `[3](#b3)^–^[5](#b5)`.)
    if (!open && j === end && joiner === '^' && DASHES.includes(ctx.text[j + 1] ?? '') && ctx.text[j + 2] === '^' && ctx.text[j + 3] === '[') {
      range = true;
      j += 3;
    } else if (ctx.text[j + 1] === '[' && (open ? joiner !== '[' && RANGE_JOINERS.includes(joiner) : j === end && DASHES.includes(joiner))) {
      range = true;
      j++;
    } else if (open && (ctx.text[j] === ',' || ctx.text[j] === ';')) {
      j++;
      while (ctx.text[j] === ' ' && j < end + 4) j++;
    }
    if (open && !range && j === end && isDigitAt(ctx.text, j)) {
      // The group goes on outside the links: `[\[6,](#…)7]`, `[\[1–](#…)3]`, `[\[1,](#…)14[,15\]](#…)`.
      const bare = readNumberList(ctx.text, j, ctx.limit, ASCII_SYNTAX);
      if (!bare) break;
      const joined = lastDash ? expandRange(parts, bare.parts) : [...parts, ...bare.parts];
      if (!joined) break;
      const link = ctx.text[bare.end] === ']' ? null : ctx.text[bare.end] === '[' ? readGroup(ctx, bare.end, true) : null;
      // Nothing closes the numbers after the link: they are not part of the marker.
      if (ctx.text[bare.end] !== ']' && !link) break;
      parts.splice(0, parts.length, ...joined);
      lastDash = false;
      if (!link) {
        end = bare.end + 1;
        open = false;
        break;
      }
      parts.push(...link.parts);
      end = link.end;
      open = link.open;
      continue;
    }
    const next = ctx.text[j] === '[' ? readGroup(ctx, j) : null;
    if (!next) break;
    if (range) {
      const low = parts[parts.length - 1]!;
      const high = next.parts[0]!;
      if (high.number <= low.number || high.number - low.number > 500) break;
      parts.pop();
      for (let v = low.number; v <= high.number; v++) parts.push({ number: v, start: low.start, end: high.end });
      parts.push(...next.parts.slice(1));
    } else parts.push(...next.parts);
    end = next.end;
    open = next.open || next.dash || (open && !next.link);
    lastDash = next.dash;
  }
  // A link left open is only a marker when the rest of its group was found.
  if (lastDash) return null;
  return { end, parts, link: first.link };
}

/** `parts` whose last number opens a range that `rest` closes, the range expanded; null when it runs backwards. */
function expandRange(parts: readonly CitationPart[], rest: readonly CitationPart[]): CitationPart[] | null {
  const low = parts[parts.length - 1];
  const high = rest[0];
  if (!low || !high || high.number <= low.number || high.number - low.number > 500) return null;
  const out = parts.slice(0, -1);
  for (let v = low.number; v <= high.number; v++) out.push({ number: v, start: low.start, end: high.end });
  return [...out, ...rest.slice(1)];
}

/** Markers opened by `[`. */
export function bracketMarker(ctx: MarkerContext, pos: number): MarkerMatch | null {
  const run = readGroups(ctx, pos);
  if (!run) return null;
  return { start: pos, end: run.end, parts: run.parts, style: run.link ? 'link' : 'bracket' };
}

/** Markers opened by `^`: `^[7]`, `^{[1][2]}`, `^{12}`. */
export function caretMarker(ctx: MarkerContext, pos: number): MarkerMatch | null {
  const { text, limit } = ctx;
  if (isDigitAt(text, pos + 1)) return pandocSuperscript(ctx, pos);
  if (text[pos + 1] === '[') {
    const run = readGroups(ctx, pos + 1);
    return run ? { start: pos, end: run.end, parts: run.parts, style: 'superscript' } : null;
  }
  if (text[pos + 1] !== '{') return null;
  let i = pos + 2;
  while (text[i] === ' ') i++;
  let parts: CitationPart[];
  if (text[i] === '[') {
    const run = readGroups(ctx, i);
    if (!run) return null;
    parts = run.parts;
    i = run.end;
  } else {
    if (chemicalOrUnitBefore(text, pos)) return null;
    const list = readNumberList(text, i, limit, ASCII_SYNTAX);
    if (!list || implausible(list.parts, ctx)) return null;
    parts = list.parts;
    i = list.end;
  }
  while (text[i] === ' ') i++;
  if (text[i] !== '}') return null;
  return { start: pos, end: i + 1, parts, style: 'superscript' };
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Pandoc's superscript `^1,3^`, `^20–22^` (the chemistry of `Ca^2+^` has a sign, not a closing caret). */
function pandocSuperscript(ctx: MarkerContext, pos: number): MarkerMatch | null {
  const { text, limit } = ctx;
  if (chemicalOrUnitBefore(text, pos)) return null;
  const list = readNumberList(text, pos + 1, limit, ASCII_SYNTAX);
  if (!list || text[list.end] !== '^' || implausible(list.parts, ctx)) return null;
  return { start: pos, end: list.end + 1, parts: list.parts, style: 'superscript' };
}

/** Reads `[`? numbers `]`? at `pos`, for markers inside `<sup>`, `$^{…}$` and `\textsuperscript{…}`. */
function readBareList(ctx: MarkerContext, pos: number): { end: number; parts: CitationPart[] } | null {
  const { text, limit } = ctx;
  let i = pos;
  while (text[i] === ' ') i++;
  const bracketed = text[i] === '[';
  if (bracketed) i++;
  const list = readNumberList(text, i, limit, ASCII_SYNTAX);
  if (!list || implausible(list.parts, ctx)) return null;
  i = list.end;
  while (text[i] === ' ') i++;
  if (bracketed) {
    if (text[i] !== ']') return null;
    i++;
  }
  while (text[i] === ' ') i++;
  return { end: i, parts: list.parts };
}

const SUP_OPEN = /<sup\s*>(?:\s*<a\s[^<>]{0,300}>)?/iy;
const SUP_CLOSE = /(?:<\/a>\s*)?<\/sup\s*>/iy;

/** `<sup>12</sup>`, `<sup>1,2</sup>`, `<sup><a href="#r1">1</a></sup>`. */
export function htmlSupMarker(ctx: MarkerContext, pos: number): MarkerMatch | null {
  const { text } = ctx;
  SUP_OPEN.lastIndex = pos;
  const open = SUP_OPEN.exec(text);
  if (!open) return null;
  if (chemicalOrUnitBefore(text, pos) && !namedNumberBefore(text, pos)) return null;
  const list = readBareList(ctx, pos + open[0].length);
  if (!list) return null;
  SUP_CLOSE.lastIndex = list.end;
  const close = SUP_CLOSE.exec(text);
  if (!close) return null;
  return { start: pos, end: list.end + close[0].length, parts: list.parts, style: 'html-sup' };
}

/**
 * A compound's number written bold or plain under the superscript that cites (`the inhibitor
 * $\mathbf { 1 } ^ { 3 }$`, `the hybrid $2 ^ { 4 }$`, `${ \pmb 5 } ^ { 7 }$`): the number a
 * paper gives a named compound, so only after a word. Ten is a power's base (`$10 ^ { 6 }$`).
 */
const COMPOUND_BASE = /(?:\{\s*)?(?:\\(?:mathbf|pmb|boldsymbol|textbf|bf|mathrm)\s*)?(?:\{\s*)?([1-9]\d?)\s*\}?\s*\}?\s*(?=\^)/y;

/** `$^{12}$`, `${}^{1,2}$`, `$^{[3]}$`, and the citation over a compound's number (`$\mathbf { 1 } ^ { 3 }$`). */
export function mathMarker(ctx: MarkerContext, pos: number): MarkerMatch | null {
  const { text } = ctx;
  let i = pos + 1;
  while (text[i] === ' ') i++;
  if (text.startsWith('{}', i)) i += 2;
  else if (text[i] !== '^' && /\p{L}\p{Ll}{2} ?$/u.test(text.slice(Math.max(0, pos - 4), pos))) {
    COMPOUND_BASE.lastIndex = i;
    const base = COMPOUND_BASE.exec(text);
    if (base && base[1] !== '10' && balanced(base[0], '{', '}')) i += base[0].length;
  }
  if (text[i] !== '^') return null;
  if (chemicalOrUnitBefore(text, pos)) return null;
  const list = superscriptList(ctx, i + 1);
  if (!list || text[list.end] !== '$') return null;
  return { start: pos, end: list.end + 1, parts: list.parts, style: 'superscript' };
}

/** The numbers after a `^`, braced or not (`^{2,3}`, `^12`), and the offset after them and any spaces. */
function superscriptList(ctx: MarkerContext, at: number): { parts: MarkerMatch['parts']; end: number } | null {
  const { text } = ctx;
  let i = at;
  while (text[i] === ' ') i++;
  const braced = text[i] === '{';
  if (braced) i++;
  const list = readBareList(ctx, i);
  if (!list) return null;
  i = list.end;
  if (braced) {
    if (text[i] !== '}') return null;
    i++;
  }
  while (text[i] === ' ') i++;
  return { parts: list.parts, end: i };
}

/** `\(^{2,3}\)` and `\textsuperscript{4–6}`. */
export function latexMarker(ctx: MarkerContext, pos: number): MarkerMatch | null {
  const { text } = ctx;
  if (text.startsWith('\\textsuperscript{', pos)) {
    if (chemicalOrUnitBefore(text, pos)) return null;
    const list = readBareList(ctx, pos + '\\textsuperscript{'.length);
    if (!list || text[list.end] !== '}') return null;
    return { start: pos, end: list.end + 1, parts: list.parts, style: 'superscript' };
  }
  if (!text.startsWith('\\(', pos)) return null;
  let i = pos + 2;
  while (text[i] === ' ') i++;
  if (text[i] !== '^') return null;
  if (chemicalOrUnitBefore(text, pos)) return null;
  const list = superscriptList(ctx, i + 1);
  if (!list || !text.startsWith('\\)', list.end)) return null;
  return { start: pos, end: list.end + 2, parts: list.parts, style: 'superscript' };
}

/** `¹²`, `¹,⁶`, `³⁻⁵` — but not charges (`Ca²⁺`, `SO₄²⁻`), powers (`10⁶`, `cm²`) or element superscripts. */
export function unicodeMarker(ctx: MarkerContext, pos: number): MarkerMatch | null {
  const { text, limit } = ctx;
  if (pos > 0 && superscriptDigit(text.charCodeAt(pos - 1)) >= 0) return null;
  if (chemicalOrUnitBefore(text, pos)) return null;
  const list = readNumberList(text, pos, limit, SUPERSCRIPT_SYNTAX);
  if (!list || implausible(list.parts, ctx)) return null;
  const after = text[list.end];
  if (after === '⁺' || after === '⁻' || after === '+' || after === '−') return null;
  if (isotopeSymbolAt(text, list.end)) return null;
  return damagedSuperscript(ctx, pos, list.end, list.parts) ?? { start: pos, end: list.end, parts: list.parts, style: 'unicode-superscript' };
}

/**
 * A superscript number OCR half read: its first digit as an apostrophe (`'²` for ¹², `' ²` for
 * ¹ ²) or its last as a plain digit (`²7` for ²⁷). Read so only when the list has the numbers.
 */
function damagedSuperscript(ctx: MarkerContext, pos: number, end: number, parts: readonly CitationPart[]): MarkerMatch | null {
  const { text, known } = ctx;
  if (parts.length !== 1) return null;
  const part = parts[0]!;
  const written = String(part.number);
  // `²7 Thus`: plain digits straight after, then a break.
  const tail = /^(\d{1,2})(?=$|[\s.,;:)\]]|\p{Lu}\p{Ll})/u.exec(text.slice(end, end + 4));
  if (tail && known.has(Number(written + tail[1]!)) && !chemicalOrUnitBefore(text, pos)) {
    const number = Number(written + tail[1]!);
    return { start: pos, end: end + tail[1]!.length, parts: [{ number, start: pos, end: end + tail[1]!.length }], style: 'unicode-superscript' };
  }
  // `polymorphism,'²`: an apostrophe right after the word or its punctuation.
  const glued = text[pos - 1] === "'" && pos >= 2 && /\S/.test(text[pos - 2]!);
  const spaced = text[pos - 1] === ' ' && text[pos - 2] === "'" && pos >= 3 && /\S/.test(text[pos - 3]!);
  if (glued && known.has(Number(`1${written}`))) {
    const number = Number(`1${written}`);
    return { start: pos - 1, end, parts: [{ number, start: pos - 1, end }], style: 'unicode-superscript' };
  }
  if (spaced && known.has(1) && known.has(part.number)) {
    return { start: pos - 2, end, parts: [{ number: 1, start: pos - 2, end: pos - 1 }, part], style: 'unicode-superscript' };
  }
  return null;
}

/** An element symbol right after a superscript mass number: `[³H]`, `¹²⁵I-`, `¹⁴C`. */
function isotopeSymbolAt(text: string, pos: number): boolean {
  const m = /^([A-Z][a-z]?)(?![a-z])/.exec(text.slice(pos, pos + 3));
  return m !== null && ELEMENTS.has(m[1]!);
}

/**
 * True when the digits before `pos` end a name or a year rather than a power's base: a version or
 * model name (`deepseek-v3.2`, `GPT5.2`, `sto-3g`), a year (`from 2024<sup>11</sup>`), or a version
 * after a word (`Claude Haiku 4.5<sup>33</sup>`). A tag states its superscript, so the only
 * question is whether a power can be meant; `10<sup>6</sup>`, `2<sup>n</sup>` and `cm<sup>2</sup>` stay powers.
 */
function namedNumberBefore(text: string, pos: number): boolean {
  let k = pos;
  while (k > 0 && pos - k < 40 && /[\p{L}\p{N}.\-]/u.test(text[k - 1]!)) k--;
  const token = text.slice(k, pos).replace(/^[.-]+/, '');
  if (/^(?:1[5-9]|20)\d\d$/.test(token)) return true;
  // Letters before the digits: an identifier, unless the token is a chemical formula (`SO4`, whose superscript is a charge).
  if (/^[^\d]*\p{L}[^\d]*\d/u.test(token)) return !chemicalFormula(token);
  // `Haiku 4.5`: a decimal after a capitalised word names a version.
  return /^\d+\.\d+$/.test(token) && /\p{Lu}\p{L}+ $/u.test(text.slice(Math.max(0, k - 20), k));
}

/** `SO4`, `Fe3O4`, `CO2`: element symbols with counts. */
function chemicalFormula(token: string): boolean {
  const parts = token.match(/[A-Z][a-z]?\d*/g);
  return parts !== null && parts.join('') === token && parts.every((p) => ELEMENTS.has(p.replace(/\d+$/, '')));
}

/** Chemical element symbols: a superscript right after one is a charge or an isotope, not a citation. */
const ELEMENTS = new Set(
  ('H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr ' +
    'Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt ' +
    'Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr').split(' '),
);
/** Units that take squares and cubes (`cm²`, `μm³`, `s⁻¹`), and statistics written with one (`r²`, `χ²`). */
const POWERED_UNITS = new Set(['r', 'R', 'χ', 'm', 'cm', 'mm', 'μm', 'µm', 'nm', 'km', 'dm', 'ft', 'in', 's', 'ms', 'min', 'h', 'L', 'mL', 'g', 'kg', 'mol', 'Å', 'Å']);
const SUBSCRIPT_OR_SIGN = /[₀-₉⁺⁻⁰¹²³⁴-⁹^_]/;

/**
 * True when a superscript at `pos` follows a number (a power), a subscript or charge (`SO₄²⁻`),
 * or a word that is an element symbol (`Ca²`) or a unit (`cm²`).
 */
export function chemicalOrUnitBefore(text: string, pos: number): boolean {
  const prev = text[pos - 1];
  if (prev === undefined) return false;
  if (/[0-9]/.test(prev) || SUBSCRIPT_OR_SIGN.test(prev)) return true;
  let k = pos;
  while (k > 0 && pos - k < 8 && /[\p{L}]/u.test(text[k - 1]!)) k--;
  if (k === pos) return false;
  const word = text.slice(k, pos);
  return ELEMENTS.has(word) || POWERED_UNITS.has(word);
}
