/**
 * Digits glued to the word before them — superscripts a conversion flattened: `organisms1`,
 * `factors4–7`, `unfavourable13, 14`, `cells.12`, `et al.3`. Plausible only against a numbered
 * reference list, so the scanner looks for them only then; a candidate must follow a lower-case
 * word (names that end in digits are capitalised or mixed: Notch1, GluN2B, DND41, IL-6) or the
 * punctuation closing one, cite numbers the list has, and stand before a break. The document-wide
 * step ({@link acceptGlued}) then keeps the candidates that fit how the document cites.
 */
import type { Citation, CitationPart } from '../types.js';
import words from './glued.json';
import abbreviations from '../text/abbreviations.json';
import type { MarkerContext, MarkerMatch } from './markers.js';
import { ASCII_SYNTAX, readNumberList } from './numbers.js';

/** Words a number extends into a name or a label (`day7`, `sigma1`, `Fig.2`). */
export const NUMBERED: ReadonlySet<string> = new Set([...words.numbered, ...abbreviations.abbreviations]);
/**
 * Of those, the ones a number still labels across a full stop or comma: abbreviations (`Fig.2`,
 * `Ref.3`). After any other word the mark closes it (`several inhibitors.12`, `models,4`): a label
 * is written against its word or a space away (`inhibitor 12`, `day7`), not after its punctuation.
 */
const ABBREVIATED: ReadonlySet<string> = new Set(abbreviations.abbreviations);
/** Words a number before them counts or locates (`at6 position`): that number is not glued to the word before. */
const COUNTED: ReadonlySet<string> = new Set(words.counted);
/** Letters of the shortest word a glued number may follow. */
const MIN_WORD = 3;
/** How far beyond the highest number cited so far a glued number may first appear. */
const MAX_JUMP = 10;
/** How many times more superscript markers than numbers in parentheses make the parentheses labels, not citations. */
const SUPERSCRIPT_MAJORITY = 3;
/** Share of the list cited by other markers above which glued digits are not how the document cites. */
const OTHER_STYLE_SHARE = 0.5;

const LETTER = /\p{L}/u;
const LOWER_LETTER = /\p{Ll}/u;
/** Punctuation that may close the word a number is glued after (`organisms.1`, `al.,2`). */
const CLOSING = new Set(['.', ',', ')', ';', ':', '’', '"', '”']);
/**
 * What may follow a glued number: a break, never a letter, digit, unit or operator; a full stop
 * may run into the next sentence where OCR lost the space (`condition2.Thus`).
 */
const AFTER = /^(?:$|[\s]|[.,;:)\]’"”](?:$|[\s)\]])|\.\p{Lu}\p{Ll})/u;
/** OCR's reading of a superscript's last digit: `'` for ¹, `°` for ⁰ (`cancers.2' Unfortunately` cites 21). */
const DAMAGED_LAST_DIGIT: Readonly<Record<string, string>> = { "'": '1', '°': '0' };

/**
 * Glued candidates whose reading depends on the order the document cites in, decided by
 * {@link acceptGlued}: a number after a capitalised word (`Linagliptin13`), a citation only when
 * it is the next number cited for the first time; and digits after an `l` that OCR may have read
 * for a 1 (`strategyl1`, `valuel2`), read as 11 and 12 when those are the next first citations.
 */
export const ORDERED = new WeakMap<MarkerMatch, { readonly capitalised: boolean; readonly oneRead?: MarkerMatch }>();
/** {@link ORDERED} for the citations made from those candidates. */
export const ORDERED_CITATIONS = new WeakMap<Citation, { readonly capitalised: boolean; readonly oneRead?: Citation }>();

/** Whether `text[pos]` starts digits glued to a lower-case word, or to the punctuation after one. */
function gluedAfterWord(text: string, pos: number): boolean {
  let k = pos - 1;
  const prev = text[k];
  if (prev === undefined) return false;
  if (CLOSING.has(prev)) {
    k--;
    // `al.,2`: two marks.
    if (text[k] === '.' || text[k] === ')') k--;
    if (k < 0 || !(LETTER.test(text[k]!) || text[k] === ')')) return false;
    if (text[k] === ')') return true;
  } else if (!LOWER_LETTER.test(prev)) return false;
  const wordEnd = k + 1;
  while (k >= 0 && LETTER.test(text[k]!)) k--;
  const word = text.slice(k + 1, wordEnd);
  // Before the word: a space, a bracket or a quote; not a hyphen or digit (`IL-6`, `5-HT2`).
  const before = text[k];
  if (before !== undefined && !/[\s("'‘“[/]/.test(before)) return false;
  // (A formula or an acronym closed by a bracket — `XYZ)8` — is not a word.)
  if (CLOSING.has(prev)) return word.length >= 2 && !/\p{Lu}/u.test(word.slice(1)) && !ABBREVIATED.has(word.toLowerCase());
  return word.length >= MIN_WORD && !/\p{Lu}/u.test(word) && !NUMBERED.has(word.toLowerCase());
}

/** Numbers the list has, up to the first it lacks (`organisms1, 50 patients` cites 1 only), and where they end. */
function knownPrefix(parts: readonly CitationPart[], known: ReadonlySet<number>): { parts: CitationPart[]; end: number } | null {
  const kept: CitationPart[] = [];
  let end = -1;
  for (const p of parts) {
    if (!known.has(p.number)) break;
    kept.push(p);
    end = Math.max(end, p.end);
  }
  return kept.length > 0 ? { parts: kept, end } : null;
}

/**
 * Numbers set loose after a sentence's full stop, as a conversion flattens a trailing
 * superscript with spaces: `transfusions. 1 2 3 4 5 6 7 This`, `inflammation. 11 Neutrophils`.
 * Only before the next sentence (a capital) or the end of the block.
 */
export function looseMarker(ctx: MarkerContext, pos: number): MarkerMatch | null {
  const { text, limit, known } = ctx;
  if (known.size === 0 || text[pos - 1] !== ' ' || !/[\p{L})][.!?]$/u.test(text.slice(Math.max(0, pos - 3), pos - 1))) return null;
  const parts: CitationPart[] = [];
  let i = pos;
  let end = pos;
  for (;;) {
    const list = readNumberList(text, i, limit, ASCII_SYNTAX);
    if (!list) break;
    const kept = knownPrefix(list.parts, known);
    if (!kept || kept.end !== list.end) return null;
    parts.push(...kept.parts);
    end = list.end;
    // `1 2 3`: the next number after one space.
    if (text[end] === ' ' && /[0-9]/.test(text[end + 1] ?? '')) i = end + 1;
    else break;
  }
  if (parts.length === 0) return null;
  const after = text.slice(end, end + 2);
  if (!(end >= limit || /^\s*$/.test(text.slice(end, Math.min(limit, end + 2))) || /^ \p{Lu}/u.test(after))) return null;
  return { start: pos, end, parts, style: 'glued' };
}

/** A capitalised word of lower-case letters right before `pos` (`Linagliptin13`), not one that numbers things. */
function afterCapitalisedWord(text: string, pos: number): boolean {
  const m = /(?:^|[\s(“"‘'])(\p{Lu}\p{Ll}{3,})$/u.exec(text.slice(Math.max(0, pos - 40), pos));
  return m !== null && !NUMBERED.has(m[1]!.toLowerCase());
}

/**
 * `…HCC.25 Most`, `…(Figure 1C).25 The`: digits after a sentence's full stop that closes an
 * acronym or a parenthesis, before the next sentence.
 */
function afterSentenceStop(text: string, pos: number): boolean {
  if (text[pos - 1] !== '.') return false;
  if (text[pos - 2] === ')') return true;
  return /(?:^|\s)\p{Lu}{2,6}$/u.test(text.slice(Math.max(0, pos - 9), pos - 1));
}

/** A glued citation at `pos` (a digit), or null. */
export function gluedMarker(ctx: MarkerContext, pos: number): MarkerMatch | null {
  const { text, limit, known } = ctx;
  if (known.size === 0) return null;
  const afterWord = gluedAfterWord(text, pos);
  const capitalised = !afterWord && afterCapitalisedWord(text, pos);
  if (!afterWord && !capitalised && !/[.][0-9]/.test(text.slice(pos - 1, pos + 1))) return null;
  const list = readNumberList(text, pos, limit, ASCII_SYNTAX);
  if (!list) return null;
  // Keep the numbers up to the first the list lacks: `organisms1, 50 patients` cites 1 only.
  const parts: CitationPart[] = [];
  let end = pos;
  for (const p of list.parts) {
    if (!known.has(p.number)) break;
    parts.push(p);
    end = Math.max(end, p.end);
  }
  if (parts.length === 0) return null;
  // A range cut in the middle (`4–70` with 70 unknown) is not a citation.
  if (parts[parts.length - 1]!.end !== end || (end !== list.end && /[-–—−‐‑]/.test(text.slice(end, end + 2)))) return null;
  if (!afterWord && !capitalised) {
    if (!afterSentenceStop(text, pos)) return null;
    return /^ \p{Lu}/u.test(text.slice(end, end + 2)) ? { start: pos, end, parts, style: 'glued' } : damagedAfterSentence(ctx, pos, end, parts);
  }
  // `metabolism.7FGFR4`: after a sentence's full stop (closing a lower-case word) the next sentence may start straight after the digits.
  const after = AFTER.test(text.slice(end, end + 3)) || (/\p{Ll}{3}\.$/u.test(text.slice(Math.max(0, pos - 4), pos)) && /^\p{Lu}/u.test(text[end] ?? ''));
  if (!after) return afterWord ? damagedAfterSentence(ctx, pos, end, parts) : null;
  // `at6 position`: a number the next word counts or locates.
  const next = /^ (\p{Ll}+)/u.exec(text.slice(end, end + 16));
  if (next && COUNTED.has(next[1]!)) return null;
  const match: MarkerMatch = { start: pos, end, parts, style: 'glued' };
  if (capitalised) ORDERED.set(match, { capitalised: true });
  else if (text[pos - 1] === 'l' && parts.length === 1 && known.has(Number(`1${text.slice(pos, end)}`))) {
    const number = Number(`1${text.slice(pos, end)}`);
    ORDERED.set(match, { capitalised: false, oneRead: { start: pos - 1, end, parts: [{ number, start: pos - 1, end }], style: 'glued' } });
  }
  return match;
}

/**
 * A number glued after a sentence's full stop whose last digit OCR read as a mark (`.2'`, `.3°`),
 * before the next sentence: the digits with the mark read as its digit, when the list has it.
 */
function damagedAfterSentence(ctx: MarkerContext, pos: number, end: number, parts: readonly CitationPart[]): MarkerMatch | null {
  const { text, known } = ctx;
  const digit = DAMAGED_LAST_DIGIT[text[end] ?? ''];
  if (digit === undefined || parts.length !== 1 || text[pos - 1] !== '.' || !/^ \p{Lu}/u.test(text.slice(end + 1, end + 3))) return null;
  const number = Number(text.slice(pos, end) + digit);
  if (!known.has(number)) return null;
  return { start: pos, end: end + 1, parts: [{ number, start: pos, end: end + 1 }], style: 'glued' };
}

/** The styles of a superscript that survived conversion. */
export const SUPERSCRIPT_STYLES: ReadonlySet<string> = new Set(['superscript', 'unicode-superscript', 'html-sup']);

/** Markers read only when they fit how the whole document cites: glued digits and numbers in parentheses. */
const loose = (c: Citation): boolean => c.style === 'glued' || c.style === 'parenthesis';

/**
 * The citations with only the glued candidates that fit how the document cites: none when other
 * markers already cite most of the list, and otherwise those whose new numbers come in about the
 * order first citations do (a number far beyond any cited so far is a name's digits: `hsp70`).
 */
export function acceptGlued(citations: readonly Citation[], entries: number): readonly Citation[] {
  if (!citations.some(loose)) return citations;
  const other = new Set<number>();
  // Superscripts that survived the conversion are the same style as the digits it flattened.
  for (const c of citations) if (!loose(c) && !SUPERSCRIPT_STYLES.has(c.style)) for (const n of c.numbers) other.add(n);
  const otherStyle = other.size >= OTHER_STYLE_SHARE * entries;
  // A document that cites by superscripts (kept or flattened) labels compounds and items with numbers in parentheses.
  const parenthesised = citations.filter((c) => c.style === 'parenthesis').length;
  const raised = citations.filter((c) => c.style === 'glued' || SUPERSCRIPT_STYLES.has(c.style)).length;
  const superscriptDocument = parenthesised * SUPERSCRIPT_MAJORITY < raised;
  const seen = new Set<number>();
  let high = 0;
  const out: Citation[] = [];
  for (let c of citations) {
    if (loose(c)) {
      if (otherStyle) continue;
      if (c.style === 'parenthesis' && superscriptDocument) continue;
      const ordered = ORDERED_CITATIONS.get(c);
      if (ordered?.oneRead && seen.has(c.numbers[0]!) && ordered.oneRead.numbers[0] === high + 1) c = ordered.oneRead;
      else if (ordered?.capitalised && !(high > 0 && c.numbers.every((n) => !seen.has(n)) && Math.min(...c.numbers) === high + 1)) continue;
      const fresh = c.numbers.filter((n) => !seen.has(n));
      if (fresh.length > 0 && Math.min(...fresh) > high + MAX_JUMP) continue;
    }
    out.push(c);
    for (const n of c.numbers) {
      seen.add(n);
      if (n > high) high = n;
    }
  }
  return out;
}

/**
 * Numbers in parentheses, the Vancouver convention of many journals: `variant (9).`,
 * `hypothesis” (13,15-17).`, `cases (18-21)`. Only after a word (an enumeration's `(1)` opens a
 * clause and a capital follows it), never after `Eq.`, `Fig.`, `step`.
 */
export function parenthesisMarker(ctx: MarkerContext, pos: number): MarkerMatch | null {
  const { text, limit, known } = ctx;
  if (known.size === 0 || text[pos - 1] !== ' ') return null;
  // The word before: letters (maybe closed by a quote or bracket), not a label that numbers things.
  let k = pos - 2;
  while (k >= 0 && /[’"”)\]%]/.test(text[k]!)) k--;
  const wordEnd = k + 1;
  while (k >= 0 && LETTER.test(text[k]!)) k--;
  const word = text.slice(k + 1, wordEnd);
  if (word.length === 0 && wordEnd === pos - 1) return null;
  if (NUMBERED.has(word.toLowerCase().replace(/\.$/, ''))) return null;
  const list = readNumberList(text, pos + 1, limit, ASCII_SYNTAX);
  if (!list || text[list.end] !== ')') return null;
  if (!list.parts.every((p) => known.has(p.number))) return null;
  const end = list.end + 1;
  const after = text.slice(end, end + 2);
  if (!(end >= limit || /^[.,;:)\]]/.test(after) || /^\s*$/.test(text.slice(end, Math.min(limit, end + 2))) || /^ \p{Ll}/u.test(after))) return null;
  return { start: pos, end, parts: list.parts, style: 'parenthesis' };
}
