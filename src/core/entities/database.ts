/**
 * The database layer of the lexicon: the compiled files of `../lexicon/compiled/` (HGNC, DrugBank
 * open vocabulary, IUPHAR/BPS Guide to Pharmacology, drug-name stems; built by `npm run lexicon:build`)
 * laid over a base lexicon. Their keys are stored already normalised, so loading is parsing and
 * filling two maps: the keys, and the first word of every key with the most words a key starting
 * with it has (the matcher looks up word n-grams only after a first word that starts one).
 *
 * Loading is the host's business (a file read, `vscode.workspace.fs`, fetch); this module only
 * turns the files' texts into a lexicon, synchronously.
 */
import type { EntityIdentifiers, EntityKind } from '../types.js';
import { geneFamilies } from './family-roots.js';
import { nameFamilies } from './name-roots.js';
import { overLigand, writtenForms } from './written-forms.js';
import affixes from '../lexicon/affixes.json';
import type { LexiconEntry } from './lexicon.js';
import { StartFilter } from './start-filter.js';

/** The compiled files, in the order they are laid on (later files add to earlier entries). */
export const DATABASE_FILES = ['hgnc.json', 'drugbank.json', 'gtopdb.json', 'stems.json'] as const;

/** What a compiled file says of itself. */
export interface DatabaseMeta {
  /** The source's short name (`hgnc`, `drugbank`, `gtopdb`, `stems`). */
  readonly source?: string;
  readonly title: string;
  readonly version: string;
  readonly licence: string;
  readonly attribution: string;
  readonly provenance: string;
}

/** The suffix stems of drug names (hand-written, `../lexicon/stems.json`) and their classes. */
export interface StemIndex {
  /** Stem → the class of drug it marks. */
  readonly stems: ReadonlyMap<string, string>;
  /** Stem lengths, longest first. */
  readonly lengths: readonly number[];
  /** Ordinary words that end in a stem and are no drug. */
  readonly exceptions: ReadonlySet<string>;
  /** Chemical endings (-one, -ine, …) → class; they classify words of at least `endingMinLength` letters. */
  readonly endings: ReadonlyMap<string, string>;
  readonly endingLengths: readonly number[];
  readonly endingMinLength: number;
  /** Words with a chemical ending that are no chemical. */
  readonly endingExceptions: ReadonlySet<string>;
  readonly provenance: string;
}

/**
 * Sorted lines of one string (UTF-16 code-unit order), searched in place: loading makes one
 * string and an array of where its lines start, not a string per key.
 */
export class SortedLines {
  private readonly at: Int32Array;

  constructor(readonly text: string) {
    let n = text.length === 0 ? 0 : 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    this.at = new Int32Array(n + 1);
    let line = 0;
    if (n > 0) this.at[line++] = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.at[line++] = i + 1;
    this.at[n] = text.length + 1;
  }

  get length(): number {
    return this.at.length - 1;
  }

  /** The index of the line equal to `key`, or -1. */
  find(key: string): number {
    const text = this.text;
    let lo = 0;
    let hi = this.at.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.at[mid]!;
      const e = this.at[mid + 1]! - 1;
      const n = Math.min(e - s, key.length);
      let d = 0;
      for (let i = 0; i < n && d === 0; i++) d = text.charCodeAt(s + i) - key.charCodeAt(i);
      if (d === 0) d = e - s - key.length;
      if (d < 0) lo = mid + 1;
      else if (d > 0) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** The first line from `from` on that does not sort before `key` (`length` when none). */
  seek(key: string, from: number): number {
    let lo = from;
    let hi = this.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(mid, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether line `line` is `key`. */
  equals(line: number, key: string): boolean {
    return line < this.at.length - 1 && this.at[line + 1]! - 1 - this.at[line]! === key.length && this.compare(line, key) === 0;
  }

  /** Whether line `line` begins with `key` (or is it). */
  startsWith(line: number, key: string): boolean {
    return line < this.at.length - 1 && this.text.startsWith(key, this.at[line]!) && this.at[line + 1]! - 1 - this.at[line]! >= key.length;
  }

  /** Line `line` against `key`, in `find`'s order: negative when the line sorts first. */
  private compare(line: number, key: string): number {
    const text = this.text;
    const s = this.at[line]!;
    const e = this.at[line + 1]! - 1;
    const n = Math.min(e - s, key.length);
    for (let i = 0; i < n; i++) {
      const d = text.charCodeAt(s + i) - key.charCodeAt(i);
      if (d !== 0) return d;
    }
    return e - s - key.length;
  }
}

/**
 * One compiled file's key index, searched by binary search: `keys` match in any case, `cased` as
 * written; `owners` give each key's record, `entryOf` each record's entry.
 */
export interface KeyIndex {
  readonly keys: SortedLines;
  readonly owners: ArrayLike<number>;
  readonly cased: SortedLines;
  readonly casedOwners: ArrayLike<number>;
  readonly entryOf: Int32Array;
  /** First words of keys, and the most words of a key starting with each. */
  readonly starts: SortedLines;
  readonly startWords: readonly number[];
  /** Each record's kind (`l`, `t`, `c`). */
  readonly kinds: string;
}

/** The database layer's matching structures (entries are indices into the lexicon's entries). */
export interface DatabaseIndex {
  /** One per compiled file, in load order (a later file's key adds to an earlier's). */
  readonly indices: readonly KeyIndex[];
  readonly stems: StemIndex | null;
  /**
   * Weak spellings of targets as written (gene symbols that are words or too short to stand
   * alone: CAT, AR) → the entry; a spelling two targets claim is left out. Context decides.
   */
  readonly weakTargets: ReadonlyMap<string, number>;
  /** Gene family roots no key holds (ATF, RXR, RAS) → the family's entry (`./family-roots.ts`). */
  readonly families: ReadonlyMap<string, number>;
  /** The family roots a ligand's or chemical's key also spells (RAS): read as the family where the root is read. */
  readonly familiesOverLigands: ReadonlySet<string>;
  /** Family nouns of approved names no key holds (collagen, cyclin e) → the family's entry (`./name-roots.ts`). */
  readonly nameFamilies: ReadonlyMap<string, number>;
  readonly files: readonly DatabaseMeta[];
  /** Where the host loaded the files from (a path or URL), so that a worker can load them too. */
  readonly location: string | null;
}

/** A compiled file: one array per field of its records (see `../lexicon/build/compile.ts`). */
interface CompiledFile {
  readonly format: number;
  readonly meta: DatabaseMeta;
  readonly classes?: readonly string[];
  readonly ids?: readonly string[];
  readonly kinds?: string;
  readonly names?: readonly string[];
  readonly classOf?: readonly number[];
  readonly identifiers?: readonly string[];
  readonly extends?: readonly (readonly [number, string])[];
  readonly keys?: string;
  readonly owners?: readonly number[];
  readonly cased?: string;
  readonly casedOwners?: readonly number[];
  readonly starts?: string;
  readonly startWords?: readonly number[];
  readonly stems?: readonly (readonly [string, string])[];
  readonly exceptions?: readonly string[];
  readonly weak?: readonly (readonly [number, readonly string[]])[];
  readonly endings?: readonly (readonly [string, string])[];
  readonly endingMinLength?: number;
  readonly endingExceptions?: readonly string[];
}

/** The format of the compiled files this code reads (`npm run lexicon:build` writes it). */
export const DATABASE_FORMAT = 3;

const KINDS: Readonly<Record<string, EntityKind>> = { l: 'ligand', t: 'target', c: 'chemical' };
/** The Guide to Pharmacology's ligand type of peptides and proteins (not approved as drugs), as the build classes them. */
const PEPTIDE = 'peptide';
const NONE: readonly string[] = [];

/** `key=value|key=value` as identifiers. */
export function parseIdentifiers(packed: string): EntityIdentifiers {
  const ids: Record<string, string> = {};
  if (!packed) return ids;
  for (const pair of packed.split('|')) {
    const at = pair.indexOf('=');
    if (at > 0) ids[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return ids;
}

/** An entry made from a database record; its identifiers are unpacked when first read. */
class DatabaseEntry implements LexiconEntry {
  readonly synonyms = NONE;
  readonly related = NONE;
  readonly source = 'lexicon' as const;
  readonly fromDatabase = true;
  private ids: EntityIdentifiers | string;

  constructor(
    readonly id: string,
    readonly kind: EntityKind,
    readonly name: string,
    readonly cls: string | null,
    packed: EntityIdentifiers | string,
    readonly provenance: string,
  ) {
    this.ids = packed;
  }

  get class(): string | null {
    return this.cls;
  }

  get identifiers(): EntityIdentifiers {
    if (typeof this.ids === 'string') this.ids = parseIdentifiers(this.ids);
    return this.ids;
  }
}

/**
 * The base entries with the database files laid on: new entries appended, entries a record
 * extends copied with its identifiers (a hand-curated entry keeps its name and class). Returns
 * the entries and the key indices. Files of another format are skipped.
 */
export function layDatabase(
  base: readonly LexiconEntry[],
  texts: readonly string[],
  location: string | null,
): { entries: LexiconEntry[]; index: DatabaseIndex; byId: Map<string, number> } {
  const entries = base.slice();
  const byId = new Map<string, number>();
  entries.forEach((e, i) => byId.set(e.id, i));
  const indices: KeyIndex[] = [];
  const files: DatabaseMeta[] = [];
  let stems: StemIndex | null = null;
  const weakTargets = new Map<string, number>();
  const claimed = new Set<string>();
  const symbols = new Map<string, number>();
  let symbolsProvenance = '';
  let hgncKeys: { text: string; owners: ArrayLike<number>; entryOf: Int32Array } | null = null;
  /** Ligand entries that are a gene's product (a peptide named by the gene's symbol) → the gene's entry. */
  const products = new Map<number, number>();
  for (const text of texts) {
    const file = JSON.parse(text) as CompiledFile;
    if (file.format !== DATABASE_FORMAT) continue;
    files.push(file.meta);
    if (file.stems) {
      stems = stemIndex(file);
      continue;
    }
    const provenance = file.meta.provenance;
    const classes = file.classes ?? [];
    const ids = file.ids ?? NONE;
    const kinds = file.kinds ?? '';
    const names = file.names ?? NONE;
    const classOf = file.classOf ?? [];
    const packed = file.identifiers ?? NONE;
    const extending = new Map(file.extends ?? []);
    const entryOf = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const target = extending.get(i);
      const extended = target === undefined ? undefined : byId.get(target);
      const cls = classOf[i]! >= 0 ? classes[classOf[i]!]! : null;
      if (extended === undefined) {
        entryOf[i] = entries.length;
        byId.set(ids[i]!, entries.length);
        entries.push(new DatabaseEntry(ids[i]!, KINDS[kinds[i]!] ?? 'ligand', names[i]!, cls, packed[i]!, provenance));
        continue;
      }
      entryOf[i] = extended;
      const old = entries[extended]!;
      const identifiers = { ...parseIdentifiers(packed[i]!), ...old.identifiers };
      const prov = old.provenance.includes(provenance) ? old.provenance : `${old.provenance}; ${provenance}`;
      // A later file names and classes an entry an earlier file made; a hand-curated entry keeps its own.
      if (old.fromDatabase) entries[extended] = new DatabaseEntry(old.id, old.kind, names[i] || old.name, cls ?? old.class, identifiers, prov);
      else entries[extended] = { ...old, identifiers, provenance: prov };
    }
    if (file.meta.source === 'gtopdb' && symbols.size > 0) geneProducts(names, kinds, classOf, classes, entryOf, entries, symbols, products);
    if (file.meta.source === 'hgnc') {
      symbolsProvenance = provenance;
      for (let i = 0; i < ids.length; i++) if (kinds[i] === 't') symbols.set(names[i]!, entryOf[i]!);
      hgncKeys = { text: file.keys ?? '', owners: file.owners ?? [], entryOf };
    }
    for (const [record, spellings] of file.weak ?? []) {
      if (kinds[record] !== 't') continue;
      const entry = entryOf[record]!;
      for (const spelling of spellings) {
        const other = weakTargets.get(spelling);
        // Two claimants: the gene whose approved symbol it is keeps it; else neither.
        const own = `target:${spelling.toLowerCase()}`;
        if (other === undefined && !claimed.has(spelling)) weakTargets.set(spelling, entry);
        else if (other !== undefined && other !== entry && entries[other]!.id !== own) {
          if (entries[entry]!.id === own) weakTargets.set(spelling, entry);
          else weakTargets.delete(spelling);
          claimed.add(spelling);
        }
      }
    }
    indices.push({
      keys: new SortedLines(file.keys ?? ''),
      owners: file.owners ?? [],
      cased: new SortedLines(file.cased ?? ''),
      casedOwners: file.casedOwners ?? [],
      entryOf,
      starts: new SortedLines(file.starts ?? ''),
      startWords: file.startWords ?? [],
      kinds,
    });
  }
  if (products.size > 0) for (const k of indices) for (let i = 0; i < k.entryOf.length; i++) k.entryOf[i] = products.get(k.entryOf[i]!) ?? k.entryOf[i]!;
  const families = new Map<string, number>();
  const nouns = new Map<string, number>();
  const overLigands = new Set<string>();
  const index: DatabaseIndex = { indices, stems, weakTargets, families, familiesOverLigands: overLigands, nameFamilies: nouns, files, location };
  // A drug's abbreviation spelled like a family root (RAS) does not hide the family: the family wins there.
  const held = (root: string): number | undefined => databaseEntry(index, root.toLowerCase(), root);
  const known = (root: string): boolean => {
    const entry = held(root);
    return byId.has(`target:${root.toLowerCase()}`) || (entry !== undefined && entries[entry]!.kind === 'target') || weakTargets.has(root);
  };
  for (const family of geneFamilies(symbols, known)) {
    if (held(family.root) !== undefined) overLigands.add(family.root);
    const classes = new Set(family.entries.map((e) => entries[e]!.class));
    const shown = family.members.length > 4 ? `${family.members.slice(0, 4).join(', ')}…` : family.members.join(', ');
    const cls = classes.size === 1 && [...classes][0] ? `${[...classes][0]} (gene family: ${shown})` : `gene family: ${shown}`;
    const id = `target:${family.root.toLowerCase()}`;
    byId.set(id, entries.length);
    families.set(family.root, entries.length);
    entries.push(new DatabaseEntry(id, 'target', family.root, cls, '', `${symbolsProvenance} (approved symbols ${shown} share the root ${family.root})`));
  }
  if (hgncKeys) {
    const keys = hgncKeys;
    const knownNoun = (root: string): boolean => byId.has(`target:${root.replace(/ /g, '-')}`) || databaseEntry(index, root, root) !== undefined;
    for (const family of nameFamilies(keys.text, (line) => keys.entryOf[keys.owners[line]!]!, knownNoun)) {
      const id = `target:${family.root.replace(/ /g, '-')}`;
      const classes = new Set(family.entries.map((e) => entries[e]!.class));
      const cls = classes.size === 1 && [...classes][0] ? `${[...classes][0]} (protein family)` : 'protein family';
      byId.set(id, entries.length);
      nouns.set(family.root, entries.length);
      entries.push(new DatabaseEntry(id, 'target', family.root, cls, '', `${symbolsProvenance} (${family.entries.length} approved names begin with ${family.root}: ${family.example}…)`));
    }
  }
  return { entries, index, byId };
}

/**
 * The Guide to Pharmacology's peptides named by a gene's approved symbol (IL-6 for IL6, VIP, G-CSF
 * for CSF3's alias written closed up): the gene's product, read as the gene's target (a document
 * that gives one as a medicine reads it as the ligand: `./ligand-uses.ts`). Approved peptide drugs stay ligands.
 */
function geneProducts(
  names: readonly string[],
  kinds: string,
  classOf: readonly number[],
  classes: readonly string[],
  entryOf: Int32Array,
  entries: readonly LexiconEntry[],
  symbols: ReadonlyMap<string, number>,
  out: Map<number, number>,
): void {
  for (let i = 0; i < names.length; i++) {
    if (kinds[i] !== 'l' || classes[classOf[i]!] !== PEPTIDE) continue;
    const entry = entries[entryOf[i]!]!;
    if (!entry.fromDatabase || entry.kind !== 'ligand') continue;
    const gene = symbols.get(names[i]!.replace(/[-\s]/gu, '').toUpperCase());
    if (gene !== undefined) out.set(entryOf[i]!, gene);
  }
}

/** The entry a database key names for text whose folded form is `f`, written `written` (an exact-case key wins). */
export function databaseEntry(index: DatabaseIndex, f: string, written: string): number | undefined {
  for (const k of index.indices) {
    const at = k.cased.find(written);
    if (at >= 0) return k.entryOf[k.casedOwners[at]!];
  }
  for (const k of index.indices) {
    const at = k.keys.find(f);
    if (at >= 0) return k.entryOf[k.owners[at]!];
  }
  return undefined;
}

/** The most words of a database key that starts with the folded word `word` (0: none). */
function startWords(index: DatabaseIndex, word: string): number {
  let max = 0;
  for (const k of index.indices) {
    const at = k.starts.find(word);
    if (at >= 0 && k.startWords[at]! > max) max = k.startWords[at]!;
  }
  return max;
}

function stemIndex(file: CompiledFile): StemIndex {
  const stems = new Map<string, string>();
  for (const [stem, cls] of file.stems ?? []) stems.set(stem, cls);
  const lengths = [...new Set([...stems.keys()].map((s) => s.length))].sort((a, b) => b - a);
  const endings = new Map<string, string>(file.endings ?? []);
  const endingLengths = [...new Set([...endings.keys()].map((s) => s.length))].sort((a, b) => b - a);
  return {
    stems,
    lengths,
    exceptions: new Set(file.exceptions ?? []),
    endings,
    endingLengths,
    endingMinLength: file.endingMinLength ?? Infinity,
    endingExceptions: new Set(file.endingExceptions ?? []),
    provenance: file.meta.provenance,
  };
}

/** Letters and digits (ASCII fast; others by Unicode class). */
export function isWordCode(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /[\p{L}\p{N}]/u.test(text[i]!);
}

/** A database key match in a block's text: start, end (in the folded text) and its entry. */
export interface DatabaseMatch {
  readonly start: number;
  readonly end: number;
  readonly entry: number;
}

/**
 * Every database key in a block's folded match text (`cased`: the same, case kept),
 * word-aligned: at each word that starts a key, the n-grams of up to that key's word count are
 * looked up. Matches may overlap.
 */
export function databaseMatches(folded: string, cased: string, index: DatabaseIndex, pat?: string): DatabaseMatch[] {
  const out: DatabaseMatch[] = [];
  // Word starts and ends, found once.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < folded.length; ) {
    if (!isWordCode(folded, i)) {
      i++;
      continue;
    }
    const s = i;
    while (i < folded.length && isWordCode(folded, i)) i++;
    starts.push(s);
    ends.push(i);
  }
  const filter = matcherOf(index).filter;
  const probe = new Int32Array(index.indices.length * 2);
  for (let w = 0; w < starts.length; w++) {
    // Most words start no key: the filter says so from the text, before any word is cut out.
    const before = out.length;
    if (filter.has(folded, starts[w]!, ends[w]!)) {
      const first = folded.slice(starts[w]!, ends[w]!);
      ngrams(folded, cased, index, starts, ends, w, w, first, cased.slice(starts[w]!, ends[w]!), out, probe);
    }
    // A word no key matches may be a symbol, a family root or a family noun by its written form.
    if (out.length === before) writtenForms(folded, cased, pat ?? cased, starts, ends, w, index, out);
    else overLigand(cased, starts[w]!, ends[w]!, index, out, before);
    if (pat !== undefined)
      for (const [last, f, c] of closedUp(pat, folded, cased, starts, ends, w)) {
        const n = out.length;
        ngrams(folded, cased, index, starts, ends, w, last, f, c, out, probe);
        // Closed up, the words may spell a family's root (NF - kappa B as NFKB).
        const family = out.length === n && last > w ? index.families.get(c) : undefined;
        if (family !== undefined) out.push({ start: starts[w]!, end: ends[last]!, entry: family });
      }
  }
  return out;
}

/** N-grams (in cased form) whose outcome a matcher keeps: words and phrases recur in a document and across documents. */
const STEPS_KEPT = 16_384;

/**
 * What matching keeps of a database index, made on the first match (not at load: a session may
 * never match): the filter of first words, each recent first word's most words, and recent
 * n-grams' outcomes ({@link seekKeys}: the entry and the probe after), so that a word or phrase
 * seen before costs one hash look-up. The outcome of an n-gram does not depend on the n-grams
 * sought before it, so a kept one is the one seeking would give. When full, the kept are dropped.
 */
class Matcher {
  readonly filter = new StartFilter();
  private readonly firsts = new Map<string, number>();
  private readonly steps = new Map<string, number>();
  private readonly stepFolded: string[] = [];
  /** Per kept n-gram: its entry (-1: none), then its probe. */
  private readonly stepData: Int32Array;
  private readonly width: number;

  constructor(private readonly index: DatabaseIndex) {
    for (const k of index.indices) this.filter.addLines(k.starts.text);
    this.width = 1 + 2 * index.indices.length;
    this.stepData = new Int32Array(STEPS_KEPT * this.width);
  }

  /** {@link startWords}, kept. */
  startWords(f: string): number {
    let max = this.firsts.get(f);
    if (max === undefined) {
      if (this.firsts.size >= STEPS_KEPT) this.firsts.clear();
      this.firsts.set(f, (max = startWords(this.index, f)));
    }
    return max;
  }

  /** {@link seekKeys}, kept. */
  seek(f: string, c: string, probe: Int32Array): number {
    const width = this.width;
    const kept = this.steps.get(c);
    if (kept !== undefined && this.stepFolded[kept] === f) {
      const at = kept * width;
      for (let i = 1; i < width; i++) probe[i - 1] = this.stepData[at + i]!;
      return this.stepData[at]!;
    }
    const entry = seekKeys(this.index, f, c, probe);
    if (this.steps.size >= STEPS_KEPT) {
      this.steps.clear();
      this.stepFolded.length = 0;
    }
    const slot = this.steps.size;
    this.steps.set(c, slot);
    this.stepFolded[slot] = f;
    const at = slot * width;
    this.stepData[at] = entry;
    for (let i = 1; i < width; i++) this.stepData[at + i] = probe[i - 1]!;
    return entry;
  }
}

const matchers = new WeakMap<DatabaseIndex, Matcher>();

function matcherOf(index: DatabaseIndex): Matcher {
  let m = matchers.get(index);
  if (!m) matchers.set(index, (m = new Matcher(index)));
  return m;
}

/** Most words read closed up as one (IL - 1 beta as IL1B, I kappa B alpha as IKBA). */
const MAX_CLOSED = 4;

/**
 * The words from `w` read closed up as one word, where they are a symbol's parts written apart or
 * spelled out: a number after a hyphen (IRF-1 as IRF1), a Greek letter written as a word or a sign
 * (TNF-alpha, IFN gamma, TNFα as TNFA, IFNG). Each reading: the last word it takes, folded and cased.
 */
function closedUp(pat: string, folded: string, cased: string, starts: readonly number[], ends: readonly number[], w: number): [number, string, string][] {
  const out: [number, string, string][] = [];
  const word0 = greekRead(cased.slice(starts[w]!, ends[w]!));
  let f = word0 ?? folded.slice(starts[w]!, ends[w]!);
  let c = word0 ?? cased.slice(starts[w]!, ends[w]!);
  if (word0 !== null) out.push([w, f.toLowerCase(), c]);
  for (let k = w + 1; k < starts.length && k - w < MAX_CLOSED; k++) {
    const from = ends[k - 1]!;
    const to = starts[k]!;
    const gap = pat.slice(from, to);
    if (gap !== '-' && gap !== ' - ' && gap !== ' ') break;
    const written = cased.slice(to, ends[k]!);
    const greek = greekRead(written);
    if (greek !== null) {
      c += greek;
      f += greek.toLowerCase();
    } else if (gap === ' ' && /^\p{Lu}$/u.test(written) && k > w && greekRead(cased.slice(starts[k - 1]!, ends[k - 1]!)) !== null) {
      // A capital after a Greek letter written as a word belongs to it (NF - kappa B as NFKB).
      c += written;
      f += written.toLowerCase();
    } else if (gap !== ' ' && numberedAfterHyphen(pat, from, to)) {
      c += written;
      f += folded.slice(to, ends[k]!);
    } else break;
    out.push([k, f, c]);
    // Mouse-style symbols write the letter small (Ifng).
    if (greek !== null && /\p{Ll}/u.test(c.slice(0, -greek.length))) out.push([k, f, c.slice(0, -greek.length) + greek.toLowerCase()]);
  }
  return out;
}

const GREEK: Readonly<Record<string, string>> = affixes.greekLetters.letters;
const GREEK_WORD = new RegExp(`^(\\d{0,2})(${Object.keys(GREEK).sort((x, y) => y.length - x.length).join('|')})(\\d{0,2}[A-Za-z]?)$`, 'iu');

/** A word that is (or begins or ends with) a Greek letter as its Latin capital (alpha2 → A2, 1beta → 1B, TNFα → TNFA), else null. */
export function greekRead(word: string): string | null {
  const m = GREEK_WORD.exec(word);
  if (m) return `${m[1]}${GREEK[m[2]!.toLowerCase()]}${m[3]}`;
  const sign = /^(\p{L}[\p{L}\p{N}]*?)([α-ω])(\d{0,2})$/u.exec(word);
  if (sign && GREEK[sign[2]!]) return `${sign[1]}${GREEK[sign[2]!]}${sign[3]}`;
  return null;
}

/**
 * The keys among the n-grams from word `w` whose first words, up to `last`, read as `f` (folded)
 * and `c` (cased). An n-gram is extended only while some key of some index begins with it:
 * `probe` holds, per index, where the cased and folded n-grams stand in its sorted keys (-1: no
 * key begins with them), so that each longer n-gram is sought only from there on.
 */
function ngrams(folded: string, cased: string, index: DatabaseIndex, starts: readonly number[], ends: readonly number[], w: number, last: number, f: string, c: string, out: DatabaseMatch[], probe: Int32Array): void {
  const m = matcherOf(index);
  if (!m.filter.has(f, 0, f.length)) return;
  const start = starts[w]!;
  const max = m.startWords(f);
  probe.fill(0);
  for (let n = 0; n < max && last + n < starts.length; n++) {
    const at = last + n;
    const end = ends[at]!;
    if (n > 0) {
      const from = ends[at - 1]!;
      const to = starts[at]!;
      const gap = gapOf(folded, from, to);
      if (gap === null) break;
      f += gap + folded.slice(to, end);
      c += gap + cased.slice(to, end);
    }
    const entry = m.seek(f, c, probe);
    if (entry >= 0) out.push({ start, end, entry });
    if (!someLeft(probe)) break;
  }
}

/** Whether some index has a key that begins with the n-gram sought and is longer. */
function someLeft(probe: Int32Array): boolean {
  for (let i = 0; i < probe.length; i++) if (probe[i]! >= 0) return true;
  return false;
}

/**
 * {@link databaseEntry} for an n-gram that may grow (-1: none), and the probe moved on: each index's
 * slot left where its keys reach `c` (cased, even slots) and `f` (folded, odd), or -1 when none of
 * its keys is longer and begins with them, so that no longer n-gram can be one of them.
 */
function seekKeys(index: DatabaseIndex, f: string, c: string, probe: Int32Array): number {
  let casedEntry = -1;
  let foldedEntry = -1;
  const ks = index.indices;
  for (let i = 0; i < ks.length; i++) {
    const k = ks[i]!;
    if (probe[2 * i]! >= 0) {
      const at = k.cased.seek(c, probe[2 * i]!);
      const exact = k.cased.equals(at, c);
      if (exact && casedEntry < 0) casedEntry = k.entryOf[k.casedOwners[at]!]!;
      probe[2 * i] = k.cased.startsWith(exact ? at + 1 : at, c) ? at : -1;
    }
    if (probe[2 * i + 1]! >= 0) {
      const at = k.keys.seek(f, probe[2 * i + 1]!);
      const exact = k.keys.equals(at, f);
      if (exact && foldedEntry < 0) foldedEntry = k.entryOf[k.owners[at]!]!;
      probe[2 * i + 1] = k.keys.startsWith(exact ? at + 1 : at, f) ? at : -1;
    }
  }
  return casedEntry >= 0 ? casedEntry : foldedEntry;
}
/** A hyphen (spaced or not) between a letter and a number of at most two digits and a letter: the number of a symbol. */
function numberedAfterHyphen(pat: string, from: number, to: number): boolean {
  const gap = pat.slice(from, to);
  if (gap !== '-' && gap !== ' - ') return false;
  if (!/\p{L}/u.test(pat[from - 1] ?? '')) return false;
  return /^\d{1,2}[A-Za-z]?(?![\p{L}\p{N}])/u.test(pat.slice(to, to + 4));
}

/** Longest gap between two words of one name (more is a table cell or a line apart). */
const MAX_GAP = 4;

/**
 * What separates two words, as keys store it: one space for spaces, other characters without
 * the spaces around them; null when the words cannot belong to one name (a tab, a long gap).
 */
function gapOf(text: string, from: number, to: number): string | null {
  if (to - from === 1) return text[from] === '\t' ? null : text[from]!;
  if (to - from > MAX_GAP) return null;
  let out = '';
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (ch === '\t') return null;
    if (ch !== ' ') out += ch;
  }
  return out || ' ';
}

/** The drug-name stem class of a word no lexicon holds (a suffix stem, not an ordinary word), else null. */
export function stemClass(word: string, stems: StemIndex): { stem: string; class: string } | null {
  const lower = word.toLowerCase();
  if (stems.exceptions.has(lower)) return null;
  for (const length of stems.lengths) {
    // The stem must leave a root of at least three letters.
    if (lower.length < length + 3) continue;
    const stem = lower.slice(-length);
    const cls = stems.stems.get(stem);
    if (cls !== undefined) return { stem, class: cls };
  }
  return null;
}

/** The chemical class a long word no lexicon holds has by its ending (-one, -ine, …), else null. */
export function endingClass(word: string, stems: StemIndex): { stem: string; class: string } | null {
  if (word.length < stems.endingMinLength) return null;
  const lower = word.toLowerCase();
  if (stems.endingExceptions.has(lower) || stems.exceptions.has(lower)) return null;
  for (const length of stems.endingLengths) {
    const stem = lower.slice(-length);
    const cls = stems.endings.get(stem);
    if (cls !== undefined) return { stem, class: cls };
  }
  return null;
}
