/**
 * Where sentences end in scientific prose: a full stop, question or exclamation mark followed by
 * white space, except the full stop of an abbreviation ("et al.", "e.g.", "Fig."). The
 * abbreviations are data (`abbreviations.json`).
 */
import data from './abbreviations.json';

const ABBREVIATIONS = new Set(data.abbreviations);
/** How far back from a full stop its word is read: the longest abbreviation and a character before it. */
const REACH = Math.max(...data.abbreviations.map((a) => a.length)) + 1;

/** Whether the full stop at `dot` ends an abbreviation. */
export function endsAbbreviation(text: string, dot: number): boolean {
  const before = text.slice(Math.max(0, dot - REACH), dot).toLowerCase();
  // The words before the full stop, with inner full stops ("e.g") and one inner space ("et al").
  const words = /(?:^|[^\p{L}.])((?:\p{L}+\.?)*\p{L}+)(?: (\p{L}+))?$/u.exec(before);
  if (!words) return false;
  return ABBREVIATIONS.has(words[2] === undefined ? words[1]! : `${words[1]} ${words[2]}`) || ABBREVIATIONS.has(words[2] ?? words[1]!);
}

/** Whether the character at `i` ends a sentence (an end mark followed by white space or the end of the text). */
export function isSentenceEnd(text: string, i: number): boolean {
  const ch = text[i];
  if (ch !== '.' && ch !== '!' && ch !== '?') return false;
  if (i + 1 < text.length && !/\s/.test(text[i + 1]!)) return false;
  return ch !== '.' || !endsAbbreviation(text, i);
}
