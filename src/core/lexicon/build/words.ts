/**
 * A general-English word-frequency list (`word count` per line, most frequent first; e.g.
 * hermitdave/FrequencyWords `en_50k.txt`, from OpenSubtitles): the rank of each word, used to
 * tell database names that are also ordinary words.
 */

/** Word (lower case) → rank (1 = most frequent). Only words of letters (and apostrophes) are kept. */
export function parseWordRanks(text: string): Map<string, number> {
  const ranks = new Map<string, number>();
  let rank = 0;
  for (const line of text.split(/\r?\n/)) {
    const word = line.split(' ')[0]?.toLowerCase();
    if (!word) continue;
    rank++;
    if (/^[\p{L}']+$/u.test(word) && !ranks.has(word)) ranks.set(word, rank);
  }
  return ranks;
}
