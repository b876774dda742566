/**
 * The author list at the start of an entry, read by the name shapes of the common styles:
 *
 * - family first, initials undotted or dotted, comma-separated (Vancouver: `Smith JA, Lee K.`);
 * - family, comma, given (APA, Harvard, Nature, ACS, Chicago: `Smith, J. A., & Lee, K.`,
 *   `Goodman, Judith C.; Brown, Natasha`), later names possibly given first (`Stravinsky, Igor, and Robert Craft`);
 * - initials first (IEEE, RSC, physics: `J. T. Hecht, Y. Wang, and S. P. Daiger`);
 * - full names given first (`Jennifer Lees-Marshment, Brian Conley, and Kenneth Cosgrove.`).
 *
 * Each shape is tried from the first token; the reading that ends where an author list ends
 * (a full stop before the title, a year, a quoted title) and reads furthest wins.
 */
import type { Token } from './tokens.js';
import { EDITOR_WORDS, JOURNAL_WORDS, LOWER, lower, MONTHS, PARTICLES, SUFFIXES, UPPER, isYear } from './words.js';

/** One author: token indices of the whole name, of the family name and of the given names (`given` null when none). */
export interface AuthorTokens {
  readonly from: number;
  readonly to: number;
  readonly family: readonly [number, number];
  readonly given: readonly [number, number] | null;
}

export interface AuthorList {
  readonly authors: readonly AuthorTokens[];
  /** Token index after the list (and after its closing "et al." and punctuation). */
  readonly end: number;
  /** Whether the list ends as author lists end. */
  readonly clean: boolean;
}

type Name = { family: [number, number]; given: [number, number] | null; end: number } | null;

const word = (t: Token | undefined): boolean => t !== undefined && t.kind === 'word';
const punct = (t: Token | undefined, chars: string): boolean => t !== undefined && t.kind === 'punct' && chars.includes(t.text);
const capital = (t: Token | undefined): boolean => word(t) && UPPER.test(t!.text);
/** A single capital (or a two-letter transliterated initial: `Ch`, `Th`, `Yu`) standing for a given name. */
const initialLetter = (t: Token | undefined): boolean => word(t) && /^(?:\p{Lu}|\p{Lu}\p{Ll})$/u.test(t!.text);
/** Undotted Vancouver initials: `J`, `JA`, `JAB`. */
const packedInitials = (t: Token | undefined): boolean => word(t) && /^\p{Lu}{1,4}$/u.test(t!.text);

/** `J.`, `J. A.`, `J.A.`, `J.-P.`, `J-P.`: dotted initials from `i`; the index after them, or -1. */
function dottedInitials(tokens: readonly Token[], i: number): number {
  let k = i;
  let count = 0;
  for (;;) {
    const t = tokens[k];
    // A two-letter initial (`Ch.`, `Yu.`) only before another initial: `Li.` at a name's end is a family name.
    const twoLetters = t !== undefined && t.text.length === 2 && !(word(tokens[k + 2]) && /^\p{Lu}$/u.test(tokens[k + 2]!.text) && punct(tokens[k + 3], '.')) && !punct(tokens[k + 2], '-‐');
    if (!initialLetter(t) || twoLetters || !punct(tokens[k + 1], '.') || tokens[k + 1]!.space) {
      // `J-P.` is one word.
      if (word(t) && /^\p{Lu}[-‐]\p{Lu}$/u.test(t!.text) && punct(tokens[k + 1], '.')) {
        k += 2;
        count++;
        continue;
      }
      break;
    }
    k += 2;
    count++;
    // `J.-P.`
    if (punct(tokens[k], '-‐') && !tokens[k]!.space && initialLetter(tokens[k + 1]) && punct(tokens[k + 2], '.')) k += 3;
  }
  return count > 0 ? k : -1;
}

/** A family name from `i`: particles, then a capitalised word; a word broken at a line end (`Mur- phy`) is joined. */
function familyName(tokens: readonly Token[], i: number, maxWords: number): number {
  let k = i;
  // `van der Berg`, `Van der Burght`, `de la Cruz`: particles (a first one maybe capitalised) before the name.
  while (word(tokens[k]) && PARTICLES.has(lower(tokens[k])) && (LOWER.test(tokens[k]!.text) || (k === i && word(tokens[k + 1]) && PARTICLES.has(lower(tokens[k + 1])))) && capitalOrParticle(tokens[k + 1])) k++;
  // Particles written capitalised ("Van Dyke", "De Luca") are words of the name.
  if (!capital(tokens[k]) || isYear(tokens[k])) return -1;
  k++;
  let words = 1;
  for (;;) {
    // `Mur- phy`: a hyphen at a line end inside the name.
    if (punct(tokens[k], '-‐') && !tokens[k]!.space && word(tokens[k + 1]) && tokens[k + 1]!.space) {
      k += 2;
      continue;
    }
    if (words < maxWords && capital(tokens[k]) && tokens[k]!.space && !packedInitials(tokens[k]) && !punct(tokens[k + 1], '.')) {
      k++;
      words++;
      continue;
    }
    break;
  }
  return k;
}

function capitalOrParticle(t: Token | undefined): boolean {
  return capital(t) || (word(t) && PARTICLES.has(lower(t)));
}

/** `Jr`, `Jr.`, `III` after a name. */
function suffix(tokens: readonly Token[], i: number): number {
  let k = i;
  if (punct(tokens[k], ',') && word(tokens[k + 1]) && SUFFIXES.has(lower(tokens[k + 1]))) k++;
  if (word(tokens[k]) && SUFFIXES.has(lower(tokens[k]))) {
    k++;
    if (punct(tokens[k], '.') && !tokens[k]!.space) k++;
    return k;
  }
  return i;
}

/** `Smith JA`, `van der Berg AB`, `Bykov A.M.`, `Garcia Marquez G`. */
function vancouverName(tokens: readonly Token[], i: number): Name {
  const familyEnd = familyName(tokens, i, 3);
  if (familyEnd < 0) return null;
  // `Christopoulos A. Signalling`: one initial, then the full stop that ends the list.
  const t = tokens[familyEnd];
  const listEnd = packedInitials(t) && punct(tokens[familyEnd + 1], '.') && word(tokens[familyEnd + 2]) && !(initialLetter(tokens[familyEnd + 2]) && punct(tokens[familyEnd + 3], '.'));
  let end = listEnd ? -1 : dottedInitials(tokens, familyEnd);
  if (end < 0 && packedInitials(tokens[familyEnd]) && !punct(tokens[familyEnd + 1], '.') ) end = familyEnd + 1;
  else if (end < 0 && packedInitials(tokens[familyEnd]) && punct(tokens[familyEnd + 1], '.')) end = familyEnd + 1;
  if (end < 0) {
    // `Garcia Marquez G` with the initials swallowed as a family word.
    return null;
  }
  return { family: [i, familyEnd], given: [familyEnd, end], end: suffix(tokens, end) };
}

/** `Smith, J. A.`, `Goodman, Judith C.`, `Nichols, Bill`, `Hershey, Robert D., Jr.` */
function invertedName(tokens: readonly Token[], i: number): Name {
  const familyEnd = familyName(tokens, i, 3);
  if (familyEnd < 0 || !punct(tokens[familyEnd], ',')) return null;
  const g = familyEnd + 1;
  let end = dottedInitials(tokens, g);
  // `Pratt, H. Douglas; Bruner, …`: a full given name after the initial, where a semicolon, which only separates names, follows.
  if (end > 0 && capital(tokens[end]) && !isYear(tokens[end]) && !JOURNAL_WORDS.has(lower(tokens[end])) && punct(tokens[end + 1], ';')) end++;
  if (end < 0) {
    // Full given names, perhaps with initials: `Judith C.`, `David Houston`, `Elena V. M.`
    let k = g;
    let names = 0;
    while (names < 3 && capital(tokens[k]) && !packedInitialsOnly(tokens, k) && !isYear(tokens[k]) && !JOURNAL_WORDS.has(lower(tokens[k]))) {
      k++;
      names++;
      const more = dottedInitials(tokens, k);
      if (more > 0) {
        k = more;
        break;
      }
    }
    // `Andrade, Mário de`: a particle written after the given names.
    if (names > 0 && word(tokens[k]) && PARTICLES.has(lower(tokens[k])) && LOWER.test(tokens[k]!.text) && !capital(tokens[k + 1])) k++;
    if (names === 0) {
      // `Smith, JA` (Vancouver initials after a comma).
      if (packedInitials(tokens[g])) k = g + 1 + (punct(tokens[g + 1], '.') && !tokens[g + 1]!.space ? 1 : 0);
      else return null;
    }
    end = k;
  }
  return { family: [i, familyEnd], given: [g, end], end: suffix(tokens, end) };
}

/** A word of capitals that is not a given name (`JA`) unless followed by a full stop. */
function packedInitialsOnly(tokens: readonly Token[], k: number): boolean {
  return /^\p{Lu}{2,4}$/u.test(tokens[k]!.text);
}

/** `J. T. Hecht`, `A.-B. van Author`. */
function initialsFirstName(tokens: readonly Token[], i: number): Name {
  let g = dottedInitials(tokens, i);
  // `AM Trinkoff`, `G Courties`: undotted initials before a family name written in lower case after its capital.
  // (`P F Lindholm`: each initial a word of its own.)
  if (g < 0) {
    let k = i;
    while (k - i < 3 && word(tokens[k]) && /^\p{Lu}{1,3}$/u.test(tokens[k]!.text) && !punct(tokens[k + 1], '.') && (k === i || /^\p{Lu}$/u.test(tokens[k]!.text))) k++;
    if (k > i && capital(tokens[k]) && /\p{Ll}/u.test(tokens[k]!.text)) g = k;
  }
  if (g < 0) return null;
  const familyEnd = familyName(tokens, g, 2);
  if (familyEnd < 0) return null;
  // `J. Med. Chem.`: a journal abbreviation, not a name.
  if (punct(tokens[familyEnd], '.') && !tokens[familyEnd]!.space && JOURNAL_WORDS.has(lower(tokens[familyEnd - 1]))) return null;
  return { family: [g, familyEnd], given: [i, g], end: suffix(tokens, familyEnd) };
}

/** `Jennifer Lees-Marshment`, `Robert Craft`, `Mu Li`: given names, then the family name. */
function givenFirstName(tokens: readonly Token[], i: number): Name {
  let k = i;
  let given = 0;
  for (;;) {
    const dotted = dottedInitials(tokens, k);
    if (dotted > 0) {
      k = dotted;
      given++;
      continue;
    }
    // A given name is followed by another name word, never by punctuation; an undotted middle initial (`Adi L Tarca`,
    // `Peter J Liu`, never the journal's `J`) too.
    const middle = given > 0 && word(tokens[k]) && /^\p{Lu}{1,3}$/u.test(tokens[k]!.text);
    if (capital(tokens[k]) && (middle || !packedInitials(tokens[k])) && capitalOrParticle(tokens[k + 1]) && given < 3 && (middle || !JOURNAL_WORDS.has(lower(tokens[k])))) {
      k++;
      given++;
      continue;
    }
    break;
  }
  if (given === 0) return null;
  const familyEnd = familyName(tokens, k, 1);
  if (familyEnd < 0 || JOURNAL_WORDS.has(lower(tokens[familyEnd - 1]))) return null;
  return { family: [k, familyEnd], given: [i, k], end: suffix(tokens, familyEnd) };
}

/** "et al.", "and others", "et al" after a list (with its comma); the index after, or `i`. */
function etAl(tokens: readonly Token[], i: number): number {
  let k = i;
  if (punct(tokens[k], ',;')) k++;
  const a = lower(tokens[k]);
  const b = lower(tokens[k + 1]);
  if ((a === 'et' && (b === 'al' || b === 'alii' || b === 'alia')) || (a === 'and' && b === 'others')) {
    k += 2;
    if (punct(tokens[k], '.') && !tokens[k]!.space) k++;
    return k;
  }
  if (a === 'etal') return k + 1 + (punct(tokens[k + 1], '.') ? 1 : 0);
  return i;
}

/** The separator between two names from `i`: `,` `;` `&` `and` `, and` `; &`; the index after, whether it closes the list ("and"), or null. */
function separator(tokens: readonly Token[], i: number, allowed: string): { next: number; last: boolean } | null {
  let k = i;
  let sawMark = false;
  if (punct(tokens[k], allowed)) {
    k++;
    sawMark = true;
    // `Surcel HM,, Ilonen J`: a doubled comma is one separator.
    if (punct(tokens[k], ',') && punct(tokens[k - 1], ',')) k++;
  }
  const t = tokens[k];
  const w = lower(t);
  // `y`, `e`, `et`, `und` join names only in lower case and before a name (`Y. Ota` is a name).
  const foreign = (w === 'y' || w === 'e' || w === 'et' || w === 'und') && LOWER.test(t!.text) && !punct(tokens[k + 1], '.') && w + lower(tokens[k + 1]) !== 'etal';
  if (punct(t, '&') || w === 'and' || foreign) return { next: k + 1, last: true };
  return sawMark ? { next: k, last: false } : null;
}

/**
 * `Sasayama, D. Hattori, K. Teraishi, T.`, `Heinrichs, SC. Koob, GF.`: names written one after the
 * other, each closed by its initials' full stop. Read on only when the next name has that shape too.
 */
function juxtaposed(tokens: readonly Token[], name: NonNullable<Name>, i: number): { next: number; last: boolean } | null {
  const closedByInitial = (n: Name): boolean => n !== null && n.given !== null && n.given[1] === n.end && punct(tokens[n.end - 1], '.') && /^\p{Lu}{1,3}$/u.test(tokens[n.end - 2]?.text ?? '');
  if (!closedByInitial(name) || !capital(tokens[i]) || !tokens[i]!.space) return null;
  return closedByInitial(invertedName(tokens, i)) ? { next: i, last: false } : null;
}

/** Whether an author's given names are written in full (`Bown, Nicola`). */
function fullGiven(tokens: readonly Token[], a: AuthorTokens): boolean {
  return a.given !== null && word(tokens[a.given[0]]) && !initialLetter(tokens[a.given[0]]) && !packedInitials(tokens[a.given[0]]);
}

/** Whether an author's given names are all initials (`R. H. Bube`). */
function initialsOnly(tokens: readonly Token[], a: AuthorTokens): boolean {
  if (!a.given) return false;
  // (A two-letter initial is dotted, `Ch.`; undotted it is a name: `Iz Beltagy`.)
  for (let k = a.given[0]; k < a.given[1]; k++) if (word(tokens[k]) && (!initialLetter(tokens[k]) || (tokens[k]!.text.length === 2 && !punct(tokens[k + 1], '.')))) return false;
  return true;
}

type Shape = 'vancouver' | 'inverted' | 'initials-first' | 'given-first';

function readList(tokens: readonly Token[], start: number, shape: Shape): AuthorList | null {
  const authors: AuthorTokens[] = [];
  let i = start;
  let lastSeparatorAt = -1;
  const sepChars = shape === 'vancouver' ? ',;' : ',;';
  for (;;) {
    let name: Name = null;
    if (shape === 'vancouver') name = vancouverName(tokens, i);
    else if (shape === 'inverted') name = invertedName(tokens, i) ?? (authors.length > 0 ? initialsFirstName(tokens, i) ?? (fullGiven(tokens, authors[0]!) ? givenFirstName(tokens, i) : null) : null);
    else if (shape === 'initials-first') name = initialsFirstName(tokens, i);
    else name = authors.length > 0 && initialsOnly(tokens, authors[0]!) ? initialsFirstName(tokens, i) : givenFirstName(tokens, i) ?? initialsFirstName(tokens, i);
    if (!name) {
      if (authors.length === 0) return null;
      // The list ended at its last separator.
      return finish(tokens, authors, lastSeparatorAt, shape, false);
    }
    authors.push({ from: i, to: name.end, family: name.family, given: name.given });
    i = name.end;
    const afterEtAl = etAl(tokens, i);
    if (afterEtAl !== i) return finish(tokens, authors, afterEtAl, shape, true);
    const sep = separator(tokens, i, sepChars) ?? (shape === 'inverted' ? juxtaposed(tokens, name, i) : null);
    if (!sep) {
      const done = finish(tokens, authors, i, shape, false);
      // A title read as one more name (`Feferman, S., Transfinite Recursive Progressions of …`): end before it.
      if (!done.clean && authors.length > 1) {
        authors.pop();
        return finish(tokens, authors, lastSeparatorAt, shape, false);
      }
      return done;
    }
    lastSeparatorAt = i;
    if (sep.last) {
      const lastName =
        shape === 'vancouver' ? vancouverName(tokens, sep.next)
        : shape === 'inverted' ? invertedName(tokens, sep.next) ?? givenFirstName(tokens, sep.next) ?? initialsFirstName(tokens, sep.next)
        : shape === 'initials-first' ? initialsFirstName(tokens, sep.next)
        : givenFirstName(tokens, sep.next) ?? initialsFirstName(tokens, sep.next);
      if (!lastName) return finish(tokens, authors, i, shape, false);
      authors.push({ from: sep.next, to: lastName.end, family: lastName.family, given: lastName.given });
      const end = etAl(tokens, lastName.end);
      return finish(tokens, authors, end, shape, true);
    }
    i = sep.next;
  }
}

/** Closes a list at token `end`: takes its final full stop or comma, and judges whether it ends as author lists do. */
function finish(tokens: readonly Token[], authors: AuthorTokens[], end: number, shape: Shape, closedByWord: boolean): AuthorList {
  let k = end;
  const t = tokens[k];
  const next = tokens[k + 1];
  const last = authors[authors.length - 1]!;
  // The last name ends with a dotted initial (`Lee, K.`, `Bykov A.M.`): strong evidence of a name.
  const dotted = last.given !== null && last.given[1] === last.to && punct(tokens[last.to - 1], '.');
  let clean = false;
  if (t === undefined) clean = false;
  else if (punct(t, '.:')) {
    // (A title may open in lower case, `mT5: …`, after a list an "and" closed.)
    clean = next === undefined || !LOWER.test(next.text) || isYear(next) || (closedByWord && authors.length >= 2);
    k++;
  } else if (punct(t, ',;') && punct(next, '.')) {
    // `TH Goodship; HT Cook; F Fakhouri; . Title`: the list cut short, a full stop where "et al." was.
    clean = true;
    k += 2;
  } else if (punct(t, ',;')) {
    // A comma before the year (Harvard, ACS), a quoted title (IEEE) or, after "and", an initial or initials first, a title.
    const titleNext = capital(next) || punct(next, '"“‘\'«') || (dotted && word(next));
    // (Or the word that says the names are editors, before the year: `Kear, Janet, ed. (2005)`.)
    clean = isYear(next) || punct(next, '"“‘\'«`') || (EDITOR_WORDS.has(lower(next)) && punct(tokens[k + 2], '.') && (punct(tokens[k + 3], '(') || isYear(tokens[k + 3]))) || (punct(next, '(') && isYear(tokens[k + 2])) || (titleNext && (closedByWord || dotted || shape === 'initials-first' || middleInitial(tokens, last) || (shape === 'inverted' && last.given !== null && last.given[1] === end)));
    k++;
  } else if (punct(t, '(') && (isYear(next) || isYear(tokens[k + 2]) || isYear(tokens[k + 3]) || (MONTHS.has(lower(next)) && isYear(tokens[k + 4])))) clean = true;
  // `Ewing, David W. (ed.)`, `Smith J, Lee K, editors.`: the list names editors.
  else if (punct(t, '(') && EDITOR_WORDS.has(lower(next))) clean = true;
  else if (isYear(t)) clean = true;
  // `…, SmithP, et al Greenhouse gas…`: an "et al" without its full stop, then the title.
  else if (closedByWord && capital(t) && lower(tokens[k - 1]) === 'al') clean = true;
  else if (punct(t, '"“«‘`')) clean = shape !== 'vancouver';
  // A previous name's last initial took the full stop: `Wong M. 2007a.`, `Lee, K. Title`.
  else if (tokens[k - 1] && punct(tokens[k - 1], '.') && (capital(t) || word(t) || punct(t, '"“[')) && t.space) clean = closedByWord || shape !== 'vancouver' || last.given === null || last.given[1] !== end || !dottedGivenThenName(tokens, k);
  // A single "Word Word." is as likely a title as an author, unless a middle initial (`Lawrence A. Cunningham`) or a year follows.
  // (Or a quoted title, or a date in parentheses, follows: `Henry James, “Title,”`, `Mitchell Feigenbaum (July 1978)`.)
  const quoteNext = punct(t, ',') && punct(next, '"“‘\'«`');
  const dateNext = punct(t, '(') && (isYear(next) || isYear(tokens[k + 2]) || isYear(tokens[k + 3]));
  if (shape === 'given-first' && authors.length < 2 && !dateNext && !quoteNext && !isYear(t) && !middleInitial(tokens, last) && !(last.to - last.from === 2 && punct(t, '.:') && capital(next))) clean = false;
  return { authors, end: k, clean };
}

/** `Lawrence A. Cunningham`: dotted initials followed by a capitalised word are a given-first name, not `Family I.`. */
function dottedGivenThenName(tokens: readonly Token[], k: number): boolean {
  return capital(tokens[k]) && punct(tokens[k + 1], ',');
}

function middleInitial(tokens: readonly Token[], a: AuthorTokens): boolean {
  if (!a.given) return false;
  for (let k = a.given[0] + 1; k < a.given[1]; k++) if (initialLetter(tokens[k]) && /^\p{Lu}$/u.test(tokens[k]!.text)) return true;
  return false;
}

/** The author list that starts at token `start`, or null; with `anyEnd`, also one that does not end as author lists do (editors). */
export function readAuthors(tokens: readonly Token[], start: number, anyEnd = false): AuthorList | null {
  let best: AuthorList | null = null;
  for (const shape of ['inverted', 'vancouver', 'initials-first', 'given-first'] as const) {
    const list = readList(tokens, start, shape);
    if (!list || (!list.clean && !anyEnd)) continue;
    if (!best || list.end > best.end || (list.end === best.end && list.authors.length > best.authors.length)) best = list;
  }
  return best;
}
