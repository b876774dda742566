/** The word lists of the reference grammar (words.json), as sets, and the predicates built on them. */
import words from './words.json';
import type { Token } from './tokens.js';

const set = (list: readonly string[]): ReadonlySet<string> => new Set(list);

export const PARTICLES = set(words.particles);
export const SUFFIXES = set(words.suffixes);
export const TITLE_ABBREVIATIONS = set(words.titleAbbreviations);
export const MONTHS = set(words.months);
export const VOLUME_WORDS = set(words.volumeWords);
export const ISSUE_WORDS = set(words.issueWords);
export const PAGE_WORDS = set(words.pageWords);
export const SUPPLEMENT_WORDS = set(words.supplementWords);
export const TAIL_WORDS = set(words.tailWords);
export const PUBLISHER_WORDS = set(words.publisherWords);
export const EDITOR_WORDS = set(words.editorWords);
export const JOURNAL_WORDS = set(words.journalWords);
export const PLACES = set(words.places);
export const CONTAINER_WORDS = set(words.containerWords);
/** Preprint servers, whose names start in lower case (`arXiv`): a sentence that opens with one is the container. */
export const PREPRINT_SERVERS = set(words.preprintServers);

/** The token's text in lower case, for the word lists. */
export function lower(t: Token | undefined): string {
  return t ? t.text.toLowerCase() : '';
}

export const UPPER = /^\p{Lu}/u;
export const LOWER = /^\p{Ll}/u;

/** A four-digit year of print (1500–2099), with the letter that tells two works of a year apart (`2015a`). */
export const YEAR = /^(1[5-9]\d\d|20\d\d)([a-z])?$/;

export function isYear(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'number' || t.kind === 'word') && YEAR.test(ocrDigits(t.text));
}

/** OCR's letters for digits in a year's last two places (`20o7`, `20l1`, `201O`), read as the digits. */
const OCR_YEAR = /^(?:1[5-9]|20)[\dolIO]{2}[a-z]?$/;

export function ocrDigits(text: string): string {
  if (!OCR_YEAR.test(text) || /^\d{4}/.test(text)) return text;
  return text.slice(0, 4).replace(/[oO]/g, '0').replace(/[lI]/g, '1') + text.slice(4);
}

/** Roman numerals as volume numbers (`XIX`). */
export const ROMAN = /^(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;
