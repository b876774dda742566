/**
 * Tokens of a reference entry's plain text: words, numbers and single punctuation marks, each
 * with its span in the plain text and whether white space precedes it. Stretches taken by
 * identifiers are left out; the token after one is marked as following a break.
 */

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Span in the plain text. */
  readonly start: number;
  readonly end: number;
  /** White space (or a left-out identifier) before the token. */
  readonly space: boolean;
}

/**
 * Letters, marks and digits, and the spacing accents a PDF's text layer leaves beside the letter
 * they belong to (`J¨urgen`, `Mart´ın`, `Gon¸calo`): they stay inside the word.
 */
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}\u00a8\u00b4\u00b8\u02c6\u02c7\u02d8-\u02dd]/u;
const DIGIT = /[0-9]/;
/** Joiners kept inside a word when letters stand on both sides: `Lees-Marshment`, `O'Brien`, `D’Hondt`. */
const JOINERS = new Set(["'", '’', '-', '‐', '‑']);

/** A capitalised name run into one to three capitals (`HerreroM`, `López-i-GelatsF`, `BoerIJM`). */
const GLUED_INITIALS = /^(\p{Lu}(?:\p{Ll}{0,2}['’]?\p{Lu})?[\p{Ll}'’]+(?:[-‐]\p{L}[\p{Ll}'’]*)*)(\p{Lu}{1,3})$/u;

/** The full-width punctuation of CJK typesetting (and of the OCR of papers set in it), read as its ASCII mark. */
const FULL_WIDTH: Readonly<Record<string, string>> = { '，': ',', '；': ';', '．': '.', '：': ':', '（': '(', '）': ')', '！': '!', '？': '?', '、': ',' };

export function tokenize(text: string, masked: readonly (readonly [number, number])[]): Token[] {
  const tokens: Token[] = [];
  let m = 0;
  let space = false;
  let i = 0;
  while (i < text.length) {
    while (m < masked.length && masked[m]![1] <= i) m++;
    const mask = masked[m];
    if (mask && mask[0] <= i) {
      i = mask[1];
      space = true;
      continue;
    }
    const c = text[i]!;
    if (c === ' ') {
      space = true;
      i++;
      continue;
    }
    const stop = mask ? mask[0] : text.length;
    if (LETTER_OR_DIGIT.test(c)) {
      let k = i + 1;
      for (;;) {
        while (k < stop && LETTER_OR_DIGIT.test(text[k]!)) k++;
        // A joiner after a letter continues the word (`Lees-Marshment`); after a digit (`1021-33`, `R4921-R4924`) it does not.
        if (k + 1 < stop && JOINERS.has(text[k]!) && LETTER_OR_DIGIT.test(text[k + 1]!) && !DIGIT.test(text[k - 1]!)) {
          k++;
          continue;
        }
        break;
      }
      const word = text.slice(i, k);
      const glued = GLUED_INITIALS.exec(word);
      if (glued) {
        // `HerreroM`, `ThorntonPK`: a family name and its initials with the space between them lost.
        const split = i + glued[1]!.length;
        tokens.push({ kind: 'word', text: glued[1]!, start: i, end: split, space });
        tokens.push({ kind: 'word', text: glued[2]!, start: split, end: k, space: false });
      } else tokens.push({ kind: /^\d+$/.test(word) ? 'number' : 'word', text: word, start: i, end: k, space });
      i = k;
    } else {
      const ascii = FULL_WIDTH[c];
      if (ascii !== undefined) {
        tokens.push({ kind: 'punct', text: ascii, start: i, end: i + 1, space });
        i++;
        // A full-width mark carries its own spacing: what follows it stands apart.
        space = ascii !== '(';
        continue;
      }
      // A surrogate pair is one mark.
      const len = c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) < 0xdc00 && i + 1 < text.length ? 2 : 1;
      tokens.push({ kind: 'punct', text: text.slice(i, i + len), start: i, end: i + len, space });
      i += len;
    }
    space = false;
  }
  return tokens;
}
