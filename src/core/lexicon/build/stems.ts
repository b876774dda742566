/**
 * Drug-name stems: the suffixes of International Nonproprietary Names that mark a drug's class
 * (`-olol`: beta-adrenoceptor antagonist), from the hand-written list `../stems.json` (our own
 * words, not a copy of any published stem list). They classify a drug name no list holds.
 */

export interface DrugStem {
  /** The suffix, lower case, without its hyphen ("olol"). */
  readonly stem: string;
  /** The class of drug the suffix marks. */
  readonly class: string;
}

/** The hand-written stem file: `stems` as `[suffix, class]` pairs. */
export interface StemFile {
  readonly stems: readonly (readonly string[])[];
  /** Chemical endings (`[ending, class]`), kept whatever ordinary words end in them. */
  readonly endings?: readonly (readonly string[])[];
  /** Words of biology and medicine with a chemical ending that name no chemical. */
  readonly ordinaryWords?: readonly string[];
}

/**
 * The chemical endings with their exceptions: every word of the frequency list of at least
 * `minLength` letters that ends in one, and the file's own ordinary words.
 */
export function usableEndings(
  file: StemFile,
  words: ReadonlyMap<string, number>,
  minLength: number,
): { endings: DrugStem[]; exceptions: string[] } {
  const endings = readStems({ stems: file.endings ?? [] });
  const exceptions = new Set(file.ordinaryWords ?? []);
  for (const w of words.keys()) if (w.length >= minLength && endings.some((e) => w.endsWith(e.stem))) exceptions.add(w);
  return { endings, exceptions: [...exceptions].sort() };
}

/** The stems of the hand-written file, lower case, each once (first class kept); malformed rows skipped. */
export function readStems(file: StemFile): DrugStem[] {
  const out = new Map<string, string>();
  for (const [raw = '', cls = ''] of file.stems) {
    const stem = raw.trim().toLowerCase().replace(/^-/, '');
    if (!/^[a-z]+$/.test(stem) || !cls.trim() || out.has(stem)) continue;
    out.set(stem, cls.trim());
  }
  return [...out].map(([stem, cls]) => ({ stem, class: cls }));
}

/**
 * The stems a matcher may use: at least `minLength` letters, and ending few ordinary words
 * (at most `maxWords` of the frequency list end in it), so that a word ending in it is rarely
 * English. Returns the kept stems and the ordinary words that end in one (exceptions).
 */
export function usableStems(
  stems: readonly DrugStem[],
  words: ReadonlyMap<string, number>,
  minLength: number,
  maxWords: number,
): { stems: DrugStem[]; exceptions: string[] } {
  const kept: DrugStem[] = [];
  const exceptions = new Set<string>();
  for (const s of stems) {
    if (s.stem.length < minLength) continue;
    const ending = [...words.keys()].filter((w) => w.length > s.stem.length && w.endsWith(s.stem));
    if (ending.length > maxWords) continue;
    kept.push(s);
    for (const w of ending) exceptions.add(w);
  }
  kept.sort((a, b) => (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0));
  return { stems: kept, exceptions: [...exceptions].sort() };
}
