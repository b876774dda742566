/**
 * Author lists as reference strings write them, split into people with family and given names:
 * "Bergk, V., Haefeli, W. E. & Martin- Facklam, M.", "O. Ambacher, B. Foutz, and M. Stutzmann",
 * "Lakoff, George and Mark Johnson", "Jusczyk, Peter W.; Cutler, Anne", "Kenakin T, Lee KA".
 * Used to rebuild benchmark gold from tagged strings; the analysis never uses it.
 */
import type { GoldAuthor } from '../gold.js';

/** Initials only: "V.", "W. E.", "R.J.J.", "JM", "K-A". */
const INITIALS = /^(?:\p{Lu}\.?\s*-?\s*){1,4}$/u;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'dos', 'das', 'ten', 'ter', 'bin', 'al', 'el']);
const SUFFIXES = /^(?:jr|sr|ii|iii|iv)\.?$/i;

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** One person written whole ("O. Ambacher", "Ilya Baran", "Bohringer H.", "Kenakin T", "Ludwig van Beethoven"). */
function wholeName(s: string): GoldAuthor {
  // A name broken at a line end stays one word: "Mur- phy".
  const words = s.replace(/(\p{L})- (?=\p{Ll})/gu, '$1-\u0000').split(' ').map((w) => w.replace('\u0000', ' '));
  while (words.length > 1 && SUFFIXES.test(words[words.length - 1]!)) words.pop();
  // Family name first, initials after it (Vancouver).
  let end = words.length;
  while (end > 1 && INITIALS.test(words[end - 1]!)) end--;
  if (end < words.length) return { family: words.slice(0, end).join(' '), given: words.slice(end).join(' ') };
  // Given names first: the family is the last word with the particles before it.
  let begin = words.length - 1;
  while (begin > 1 && PARTICLES.has(words[begin - 1]!.toLowerCase())) begin--;
  if (begin === 0) return { family: s, given: null };
  return { family: words.slice(begin).join(' '), given: words.slice(0, begin).join(' ') };
}

/** A capitalised given name or names, initials allowed: "George", "Sandra R.", "Carl Jonas Love", "H. Igor". */
const GIVEN = /^(?:\p{Lu}[\p{Ll}'’-]*\.?\s*)+$/u;
const ONE_GIVEN = /^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.?)*$/u;

/**
 * Whether `p, next` is one person written family name first. Initials after a name always are
 * ("Bergk, V."); a one-word name before given names is ("Lakoff, George", "Borges, Jorge Luis");
 * a longer name only before a single given name ("Del Rey, Lester"), or before given names when
 * the list is just these two pieces ("White, Eugene Nelson"). A name that starts or ends with
 * initials is a whole person ("O. Ambacher", "Govoni F.").
 */
function familyThenGiven(p: string, next: string, onlyTwo: boolean): boolean {
  if (INITIALS.test(p) || SUFFIXES.test(next)) return false;
  const words = p.split(' ');
  if (words.length > 1 && (INITIALS.test(words[0]!) || INITIALS.test(words[words.length - 1]!))) return false;
  if (INITIALS.test(next)) return true;
  if (!GIVEN.test(next)) return false;
  return words.length === 1 || ONE_GIVEN.test(next) || onlyTwo;
}

/** Splits an author list into people; a group author or a single word is a family name alone. */
export function splitAuthorList(written: string): GoldAuthor[] {
  let s = clean(written)
    .replace(/^(?:by)\s+/i, '')
    .replace(/[\s,]*(?:et al\.?|and others|\.\.\.|…)\s*[.,;:]*$/i, '')
    .replace(/[\s,;:]+$/, '')
    .replace(/(?<!(?:^|[\s.-])\p{Lu})\.$/u, ''); // "Nichols, Bill." ends the list; "M." is an initial
  // Ditto marks (———) stand for the previous entry's authors: nothing is written here.
  if (s === '' || /^[\p{Pd}_\s.]+$/u.test(s)) return [];
  s = s.replace(/\s*(?:,\s*)?(?:&|\band\b|\bund\b|\bet\b|\by\b)\s+/g, ' ; ');
  const semicolons = s.includes(';');
  const parts = s.split(semicolons ? /\s*;\s*/ : /\s*,\s*/).map(clean).filter((p) => p !== '');
  const people: GoldAuthor[] = [];
  /** Reads `parts` (comma-separated pieces) into people, pairing "Family, Given" where it reads so. */
  const read = (pieces: readonly string[], onlyTwo: boolean) => {
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k]!;
      const next = pieces[k + 1];
      if (SUFFIXES.test(p)) continue; // "Hershey, Robert, Jr."
      if (next !== undefined && familyThenGiven(p, next, onlyTwo)) {
        people.push({ family: p, given: next });
        k++;
      } else people.push(wholeName(p));
    }
  };
  if (semicolons) for (const part of parts) read(part.split(/\s*,\s*/), false);
  else read(parts, parts.length === 2);
  return people.filter((p) => p.family !== '');
}
