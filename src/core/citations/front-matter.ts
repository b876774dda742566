/**
 * Superscripts that are not citations although written like them: the affiliation marks of an
 * author list (`A. Smith<sup>1</sup>, B. Jones<sup>2</sup>`, `Jane Doe $^{1}$ and John Roe $^{2}$`)
 * and the marks that open an affiliation or a table footnote line (`<sup>1</sup>Department of …`,
 * `¹ Measured at 37 °C`). Both are read from the block alone.
 */
import type { CitationStyle, Span } from '../types.js';

const SUPERSCRIPTS: ReadonlySet<CitationStyle> = new Set(['html-sup', 'superscript', 'unicode-superscript']);

/** One name of an author list: capitalised words and initials, maybe particles (`van der Berg`) and a mark (`*`, `†`). */
const NAME = String.raw`(?:(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.(?:-?\p{Lu}\.)*|(?:van|von|de|der|den|del|della|di|da|du|dos|le|la|ter|ten|bin|al|el)\b)\s*){1,6}[*†‡§#¶]*`;
const AUTHOR_LIST = new RegExp(String.raw`^\s*${NAME}(?:\s*(?:,|;|&|\band\b|,\s*and\b)\s*${NAME})*\s*$`, 'u');

/**
 * An author and affiliation block written as one paragraph (`Yuhui Zhang<sup>1</sup>, …
 * <sup>1</sup>Stanford University, <sup>2</sup>OpenAI`): many marks, and words that are nearly
 * all capitalised (names and institutions), where prose citing many works has mostly lower case.
 */
function nameBlock(names: string, marks: number): boolean {
  if (marks < 3) return false;
  const words = names.replace(/\S+@\S+|https?:\/\/\S+/g, ' ').match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (words.length < 4) return false;
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !/^(?:and|of|de|der|la|le|van|von|du|di|the|for|at|in|und|et)$/.test(w)).length;
  return lower / words.length < 0.15;
}

/** Names an opening author list holds before a mark, at the least, for the mark to be one of its affiliation marks. */
const MIN_NAMES_BEFORE = 3;
/** A name, then a comma or `and`: the author list goes on after a mark. */
const NAME_FOLLOWS = new RegExp(String.raw`^\s*,?\s*(?:\p{Lu}[\p{L}'’-]*\.?\s*){1,4}(?:,|\band\b)`, 'u');

/**
 * Whether `m` stands inside the author list that opens its block, with the list going on after it
 * (`Jinfeng Luo,^ Zhengchao Tu,² Yong Xu, …` before the affiliations in one paragraph). OCR leaves
 * the other marks as letters after the commas (`Cheng Mo,ab Zhang Zhang`); they go with the tags.
 * Prose that names authors before a citation (`Smith, Jones and Lee¹ showed`) goes on in lower case.
 */
function insideOpeningAuthorList(text: string, blockStart: number, m: Marked, sups: readonly Marked[]): boolean {
  if (m.start - blockStart > 600 || !NAME_FOLLOWS.test(text.slice(m.end, m.end + 80))) return false;
  let before = '';
  let at = blockStart;
  for (const other of sups) {
    if (other.start >= m.start) break;
    before += `${text.slice(at, other.start)} `;
    at = other.end;
  }
  before += text.slice(at, m.start);
  const names = before
    .replace(/,(?:\p{Ll}{1,3}|[\^*†‡§#¶]+)(?=\s)/gu, ',')
    .replace(/\\([*_†‡§#¶])/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/[\s,]+$/, '');
  return AUTHOR_LIST.test(names) && names.split(/,|\band\b|&|;/).length >= MIN_NAMES_BEFORE;
}

interface Marked extends Span {
  readonly style: CitationStyle;
}

/** Whether `text[lineStart, at)` holds nothing but white space, a list marker or emphasis. */
function opensLine(text: string, at: number, lineStart: number): boolean {
  return /^[\s>*_+-]*$/.test(text.slice(lineStart, at));
}

/**
 * The marks among `found` (markers of one block, in order) that are not citations: every
 * superscript of a block that is an author list, and superscripts that open a line followed by text.
 */
export function frontMatterMarks(text: string, block: { start: number; end: number; lines: readonly Span[] }, found: readonly Marked[]): Set<Marked> {
  const out = new Set<Marked>();
  const sups = found.filter((m) => SUPERSCRIPTS.has(m.style));
  if (sups.length === 0) return out;
  // An author list: what remains without the superscripts is names only.
  if (block.end - block.start < 2000) {
    let rest = '';
    let at = block.start;
    for (const m of sups) {
      rest += `${text.slice(at, m.start)} `;
      at = m.end;
    }
    rest += text.slice(at, block.end);
    // Marks that are not read as markers (`<sup>2,*</sup>`, `$^{a}$`) go with the tags.
    // (So do images, an ORCID icon after a name, and the backslash of an escaped mark: `\\*`.)
    const names = rest
      .replace(/!\[[^\]\n]{0,100}\]\([^()\s]{0,300}\)/g, ' ')
      .replace(/\\([*_†‡§#¶])/g, '$1')
      .replace(/<sup\b[^<>]{0,100}>[^<>]{0,40}<\/sup\s*>|\$\^\{[^{}$]{0,40}\}\$|\^\{[^{}]{0,40}\}/gi, ' ')
      .replace(/<[^<>]{0,200}>/g, ' ').replace(/[*_]{2,}|(?<!\p{L})[*_]|[*_](?!\p{L})/gu, ' ').replace(/\s+/g, ' ');
    if (AUTHOR_LIST.test(names) || nameBlock(names, sups.length)) {
      for (const m of sups) out.add(m);
      return out;
    }
  }
  // Marks inside the author list a block opens with, before the affiliations.
  for (const m of sups) if (insideOpeningAuthorList(text, block.start, m, sups)) out.add(m);
  // A mark opening a line before the text it labels.
  let line = 0;
  for (const m of sups) {
    while (line + 1 < block.lines.length && block.lines[line + 1]!.start <= m.start) line++;
    const start = block.lines[line]?.start ?? block.start;
    const end = Math.min(block.lines[line]?.end ?? block.end, m.end + 3);
    // Text must follow on the same line: the mark labels it.
    if (opensLine(text, m.start, start) && /^[ \t]*[^\s.,;:)]/.test(text.slice(m.end, end))) out.add(m);
  }
  return out;
}
