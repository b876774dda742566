/**
 * The grammar of gene and protein names (`../lexicon/gene-grammar.json`), beyond what the lexicon
 * spells whole:
 * - a target's name with a head noun that is the gene or its product ("p53 protein", "TP53 gene")
 *   or with a Greek-letter member ("PKC zeta", "interferon-alpha") is one mention;
 * - a known name with a head that names a target of its own ("EGF receptor", "retinol binding
 *   protein") is a target related to the name, when the whole is not known;
 * - a symbol no lexicon knows, written with a word that says it is a gene ("E1A protein", "HMG20
 *   mRNA"), is a target, and so is every other mention of it in the document;
 * - immunoglobulin classes (IgG, IgA1) and enzyme names (-ase: "luciferase", "chloramphenicol
 *   acetyltransferase", "RNA polymerase II") are targets by their form.
 * Each reading is one more candidate: the leftmost-longest choice decides between them.
 */
import data from '../lexicon/gene-grammar.json';
import type { Alias, ScannedBlock } from './abbreviations.js';
import type { Candidate, EntityDef } from './candidates.js';
import type { EntityRegistry } from './context.js';
import { lookupName } from './lexicon.js';
import { receptorOf } from './receptor-names.js';
import { partitionPoint } from '../sorted.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (list: readonly string[]): string => [...list].sort((a, b) => b.length - a.length).map(escape).join('|');
const END = '(?![\\p{L}\\p{N}])';
const JOIN = '(?: |-| - )';

const SAME_HEAD = new RegExp(`^ (?:${words(data.sameHeads.words)})${END}`, 'u');
const NEW_HEAD = new RegExp(`^${JOIN}(?:${words(data.newHeads.words)})${END}`, 'u');
const SYMBOL_HEAD = new RegExp(`^ (?:${words(data.symbolHeads.words)})${END}`, 'u');
const CONFIRMER = new RegExp(`^ (?:${words(data.symbolConfirmers.words)})${END}`, 'u');
const CAPS_CONFIRMER = new RegExp(`^ (?:${words(data.symbolConfirmers.capsOnly.words)})${END}`, 'u');
const JOINED_CONFIRMER = /^ (?:receptors?|kinases?)(?![\p{L}\p{N}])/u;
const ISOFORM = new RegExp(`^${JOIN}(?:${words(data.isoformSuffix.words)})${END}`, 'u');
const NOT_SYMBOL = new RegExp(data.notSymbols.pattern, 'u');
/** A word that may be a symbol, with a number written after a hyphen (EBNA-3, IL - 2). */
const SYMBOL = /(?<![\p{L}\p{N}\-'])(\p{L}[\p{L}\p{N}]*(?:(?:-| - )\p{N}{1,2}\p{L}?)?)(?![\p{L}\p{N}]|-\p{L})/gu;
const IG = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${data.immunoglobulins.pattern})${END}`, 'gu');
const ENZYME = new RegExp(`(?<![\\p{L}\\p{N}])\\p{L}[\\p{L}\\p{N}]*${data.enzymes.ending}${END}`, 'gu');
const IG_REAGENT_BEFORE = new RegExp(data.immunoglobulins.reagentBefore, 'iu');
const IG_REAGENT_AFTER = new RegExp(data.immunoglobulins.reagentAfter, 'iu');
const IG_REAGENT_SENTENCE = new RegExp(`(?<![\\p{L}])${data.immunoglobulins.reagentSentence}`, 'iu');
const NOT_ENZYME_ENDING = new RegExp(data.enzymes.notEndings.pattern, 'u');
const BARE = new RegExp(`(?<![\\p{L}\\p{N}\\-'])(?:${data.bareSymbols.pattern})(?![\\p{L}\\p{N}_<^₀-₉⁺⁻+−]|-\\p{L}|\\*)`, 'gu');
const FORMULA = new RegExp(data.bareSymbols.formula, 'u');
const HEAD_PHRASE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words(data.headPhrases.heads)})${END}`, 'gu');
/** One word before a head, as written (hyphenated and slashed parts kept: proliferator - activated, V1a / V2). */
const HEAD_MODIFIER = /([\p{L}\p{N}]+(?:(?:-| - |\/| \/ )[\p{L}\p{N}]+)*) $/u;
const HEAD_STOP = new Set([...data.headPhrases.stopWords, ...data.formNames.functionWords, ...data.formNames.genericWords]);
const NOT_MODIFIER = new RegExp(data.headPhrases.notModifier, 'u');
const LOWER_NUMBERED = new RegExp(`(?<![\\p{L}\\p{N}\\-'./])(${data.lowercaseNumbered.pattern})(?![\\p{L}\\p{N}_<^₀-₉⁺⁻+−]|-\\p{L}|\\*|\\.\\p{N})`, 'gu');
const LOWER_SENTENCE = new RegExp(`(?<![\\p{L}])${data.lowercaseNumbered.sentenceWords}(?![\\p{L}])`, 'iu');
const NOT_LOWER_NUMBERED = new Set(data.lowercaseNumbered.notSymbols);
const GLUED_GREEK = new RegExp(`(?<![\\p{L}\\p{N}\\-'])(?:${data.gluedGreek.pattern})(?![\\p{L}\\p{N}]|-\\p{L})`, 'gu');
const BARE_NOT = new RegExp(data.bareSymbols.notSymbols, 'u');
const BARE_NOT_AFTER = new RegExp(data.bareSymbols.notAfter, 'u');
const LOWER = new RegExp(`(?<![\\p{L}\\p{N}\\-])(${data.lowercaseSymbols.pattern}) (?:${words(data.lowercaseSymbols.confirmers)})${END}`, 'gu');
const NOT_LOWER = new Set(data.lowercaseSymbols.notSymbols);
const FORM_NAMES = data.formNames.patterns.map((source) => new RegExp(`(?<![\\p{L}\\p{N}\\-])(?:${source})${END}`, 'gu'));
const LEADING_WORD = /^(\p{Ll}+) /u;
const FORM_FUNCTION = new RegExp(`^(?:${data.formNames.functionWords.join('|')})$`, 'u');
const FORM_GENERIC = new RegExp(`^(?:${data.formNames.genericWords.join('|')})$`, 'u');
const GENERIC = new Set(data.enzymes.generic.map((w) => w.toLowerCase()));
const NOT_ENZYME = new Set(data.enzymes.notEnzymes);
const MEMBER = new RegExp(`^${data.enzymes.member}`, 'u');
/** The word written before an enzyme word that may be part of its name, and where it starts. */
const MODIFIER = /(\p{L}[\p{L}\p{N}]*(?:(?:-| - )\p{N}{1,2})?)(?: |-| - )$/u;

/** Symbol-shaped: two capitals, a capital and a digit, or a small letter before a capital (pRb); no run of three small letters. */
export function symbolShaped(word: string): boolean {
  // Every shape needs a capital: most words have none (checked without a regular expression).
  if (!mayHoldCapital(word)) return false;
  const letters = word.replace(/[\s-]/g, '');
  if (letters.length < 2 || /\p{Ll}{3}/u.test(letters)) return false;
  return /\p{Lu}.*\p{Lu}/u.test(letters) || (/\p{Lu}/u.test(letters) && /\p{N}/u.test(letters)) || /\p{Ll}\p{Lu}/u.test(letters);
}

/** Whether `word` holds an ASCII capital or a character beyond ASCII (which may be one). */
export function mayHoldCapital(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return true;
  }
  return false;
}

/** Adds the candidates the grammar of gene and protein names reads in a block (and the symbols it learns, to `aliases`). */
export function geneGrammar(scan: ScannedBlock, registry: EntityRegistry, aliases: Map<string, Alias>): void {
  const { pat } = scan;
  const found: Candidate[] = [];
  const target = (start: number, end: number, name: string, how: string, related: readonly string[]): EntityDef => {
    const known = lookupName(registry.lexicon, name);
    if (known !== undefined && registry.lexicon.entries[known]!.kind === 'target') return registry.entry(known);
    return registry.pattern({ start, end, kind: 'target', canonical: name, pattern: how, class: null, related });
  };
  for (const c of scan.candidates) {
    if (!c.entity || c.entity.kind === 'chemical') continue;
    let end = c.end;
    let entity = c.entity;
    if (entity.kind === 'target') {
      const iso = ISOFORM.exec(pat.slice(end, end + 12));
      if (iso) {
        end += iso[0].length;
        entity = target(c.start, end, pat.slice(c.start, end), `a Greek letter after ${c.entity.name}`, [c.entity.id]);
        found.push({ start: c.start, end, entity, source: entity.source === 'pattern' ? 'pattern' : 'lexicon' });
      }
      const head = SAME_HEAD.exec(pat.slice(end, end + 16));
      if (head) found.push({ ...c, end: end + head[0].length, entity });
    }
    const head = NEW_HEAD.exec(pat.slice(c.end, c.end + 24));
    if (head && !/^(?: |-| - )?receptors?$/u.test(pat.slice(c.start, c.end).slice(-9).trim())) {
      const e = c.end + head[0].length;
      const name = pat.slice(c.start, e);
      // A target of a receptor family named with the head "receptor" is that receptor, not a new target.
      const itself = c.entity.kind === 'target' && /receptor/i.test(c.entity.class ?? '') && /receptors?$/u.test(head[0]);
      const t = itself ? c.entity : (namedReceptor(registry, c.entity, head[0], name) ?? target(c.start, e, name, `a head noun after ${c.entity.name}`, [c.entity.id]));
      found.push({ start: c.start, end: e, entity: t, source: t.source === 'pattern' ? 'pattern' : 'lexicon' });
    }
  }
  const covered = (start: number, end: number): boolean => scan.candidates.some((c) => c.start < end && start < c.end) || found.some((c) => c.start < end && start < c.end);
  symbols(pat, registry, aliases, found, covered);
  lowercaseSymbols(pat, registry, aliases, found, covered);
  immunoglobulins(pat, registry, found, covered);
  bareSymbols(pat, registry, found, covered);
  // Spans indexed once each: a long block may hold thousands of these forms.
  gluedGreek(pat, registry, found, () => new SpanIndex([...scan.candidates, ...found]));
  lowercaseNumbered(pat, registry, found, () => new SpanIndex([...scan.candidates, ...found]));
  // A form name may hold a shorter name (v-Src holds Src): only a reading that crosses its edges blocks it.
  const crosses = (start: number, end: number): boolean =>
    [...scan.candidates, ...found].some((c) => c.start < end && start < c.end && (c.start < start || c.end > end));
  formNames(pat, registry, found, crosses);
  headPhrases(pat, registry, found, [...scan.candidates, ...found]);
  enzymes(pat, scan.candidates, registry, found, target);
  for (const c of found) scan.candidates.push(c);
}

/** The receptor the databases name after a ligand ("EGF receptor" → EGFR), where no lexicon knows the whole as written. */
function namedReceptor(registry: EntityRegistry, named: EntityDef, head: string, whole: string): EntityDef | undefined {
  if (!/receptors?$/u.test(head)) return undefined;
  const c = registry.lexicon;
  if (lookupName(c, whole) !== undefined) return undefined;
  const at = c.byId.get(named.id);
  const receptor = at === undefined ? undefined : receptorOf(c, at);
  return receptor === undefined ? undefined : registry.entry(receptor);
}

function symbols(pat: string, registry: EntityRegistry, aliases: Map<string, Alias>, found: Candidate[], covered: (s: number, e: number) => boolean): void {
  SYMBOL.lastIndex = 0;
  for (let m = SYMBOL.exec(pat); m; m = SYMBOL.exec(pat)) {
    const symbol = m[1]!;
    if (!symbolShaped(symbol)) continue;
    const start = m.index;
    const end = start + symbol.length;
    const rest = pat.slice(end, end + 24);
    const binding = NEW_HEAD.exec(rest);
    if (binding && /binding/u.test(binding[0]) && !/^[a-z]{0,3}(?:DNA|RNA)$/u.test(symbol)) {
      // The symbol is what the protein binds (TATA-binding protein): the whole is the target, not the symbol.
      if (covered(start, end + binding[0].length)) continue;
      const name = pat.slice(start, end + binding[0].length);
      const entity = registry.pattern({ start, end: end + binding[0].length, kind: 'target', canonical: name, pattern: 'a binding protein named by what it binds', class: null, related: [] });
      found.push({ start, end: end + binding[0].length, entity, source: 'pattern' });
      continue;
    }
    if (NOT_SYMBOL.test(symbol.replace(/ - /g, '-'))) continue;
    if (/^\p{Lu}+$/u.test(symbol) && !CAPS_CONFIRMER.test(rest)) continue;
    const same = SYMBOL_HEAD.exec(rest);
    const joined = same ? null : JOINED_CONFIRMER.exec(rest);
    if (!same && !joined && !CONFIRMER.test(rest)) continue;
    if (covered(start, end)) continue;
    if (joined) {
      const name = pat.slice(start, end + joined[0].length);
      const entity = registry.pattern({ start, end: end + joined[0].length, kind: 'target', canonical: name, pattern: 'a symbol and a head noun', class: null, related: [] });
      found.push({ start, end: end + joined[0].length, entity, source: 'pattern' });
      continue;
    }
    const entity = registry.pattern({ start, end, kind: 'target', canonical: symbol.replace(/ - /g, '-'), pattern: 'a symbol written as a gene or its product', class: null, related: [] });
    found.push({ start, end: same ? end + same[0].length : end, entity, source: 'pattern' });
    if (same) found.push({ start, end, entity, source: 'pattern' });
    if (symbol.length >= 3 && !aliases.has(symbol)) aliases.set(symbol, { text: symbol, entity, source: 'pattern' });
  }
}

/** Three small letters written before "genes" or "operon" (the lux genes): a bacterial gene symbol, a target everywhere in the document. */
function lowercaseSymbols(pat: string, registry: EntityRegistry, aliases: Map<string, Alias>, found: Candidate[], covered: (s: number, e: number) => boolean): void {
  LOWER.lastIndex = 0;
  for (let m = LOWER.exec(pat); m; m = LOWER.exec(pat)) {
    const symbol = m[1]!;
    const start = m.index;
    const end = start + symbol.length;
    LOWER.lastIndex = end;
    if (NOT_LOWER.has(symbol) || covered(start, end)) continue;
    const entity = registry.pattern({ start, end, kind: 'target', canonical: symbol, pattern: 'a bacterial gene symbol', class: null, related: [] });
    found.push({ start, end, entity, source: 'pattern' });
    if (!aliases.has(symbol)) aliases.set(symbol, { text: symbol, entity, source: 'pattern', asWritten: true });
  }
}

function immunoglobulins(pat: string, registry: EntityRegistry, found: Candidate[], covered: (s: number, e: number) => boolean): void {
  IG.lastIndex = 0;
  for (let m = IG.exec(pat); m; m = IG.exec(pat)) {
    const start = m.index;
    const end = start + m[0].length;
    if (covered(start, end)) continue;
    if (IG_REAGENT_BEFORE.test(pat.slice(Math.max(0, start - 32), start)) || IG_REAGENT_AFTER.test(pat.slice(end, end + 16))) continue;
    if (IG_REAGENT_SENTENCE.test(sentenceAround(pat, start, end))) continue;
    const entity = registry.pattern({ start, end, kind: 'target', canonical: m[0], pattern: 'an immunoglobulin class', class: 'immunoglobulin', related: [] });
    found.push({ start, end, entity, source: 'pattern' });
  }
}

type TargetOf = (start: number, end: number, name: string, how: string, related: readonly string[]) => EntityDef;

function enzymes(pat: string, candidates: readonly Candidate[], registry: EntityRegistry, found: Candidate[], target: TargetOf): void {
  ENZYME.lastIndex = 0;
  for (let m = ENZYME.exec(pat); m; m = ENZYME.exec(pat)) {
    const word = m[0];
    if (word.length < data.enzymes.minLength || NOT_ENZYME.has(word.toLowerCase()) || NOT_ENZYME_ENDING.test(word)) continue;
    let start = m.index;
    let end = start + word.length;
    const over = candidates.filter((c) => c.start < end && m!.index < c.end);
    // A name the lexicon reads over the word (a drug that is an enzyme, a gene's name) stays as it is read.
    if (over.some((c) => !c.entity || c.entity.kind !== 'target' || c.start < m!.index || c.end > end)) continue;
    const mod = MODIFIER.exec(pat.slice(Math.max(0, start - 40), start));
    if (mod) {
      const at = start - mod[0].length;
      const before = candidates.find((c) => c.entity && c.end === at + mod[1]!.length && c.start <= at);
      if (before) start = before.start;
      else if (symbolShaped(mod[1]!) || /^(?:protein|reverse)$/iu.test(mod[1]!)) start = at;
    }
    if (start === m.index && GENERIC.has(word.toLowerCase())) continue;
    const member = MEMBER.exec(pat.slice(end, end + 8));
    if (member) end += member[0].length;
    const name = pat.slice(start, end);
    const entity = over.length > 0 && start === m.index && end === m.index + word.length ? over[0]!.entity! : target(start, end, name, 'an enzyme name (-ase)', []);
    found.push({ start, end, entity, source: entity.source === 'pattern' ? 'pattern' : 'lexicon' });
  }
}

/** Symbols whose form alone says gene (HNF1, E1A, lacZ): targets where nothing else reads them. */
function bareSymbols(pat: string, registry: EntityRegistry, found: Candidate[], covered: (s: number, e: number) => boolean): void {
  BARE.lastIndex = 0;
  for (let m = BARE.exec(pat); m; m = BARE.exec(pat)) {
    const symbol = m[0];
    const start = m.index;
    const end = start + symbol.length;
    if (FORMULA.test(symbol) || NOT_SYMBOL.test(symbol) || BARE_NOT.test(symbol) || covered(start, end) || BARE_NOT_AFTER.test(pat.slice(end, end + 16))) continue;
    const entity = registry.pattern({ start, end, kind: 'target', canonical: symbol, pattern: 'a gene symbol by its form', class: null, related: [] });
    found.push({ start, end, entity, source: 'pattern' });
  }
}

/** A protein head noun with the words that qualify it (thyroid hormone receptor, LDL receptor): one target. */
/**
 * Spans sorted by start, asked which cross a range's edges and which known name ends where: a
 * block may hold thousands of candidates, and each head is asked once.
 */
class SpanIndex {
  private readonly spans: readonly Candidate[];
  private readonly longest: number;
  private readonly ends = new Map<number, number>();

  constructor(candidates: readonly Candidate[]) {
    this.spans = [...candidates].sort((a, b) => a.start - b.start);
    this.longest = this.spans.reduce((m, c) => Math.max(m, c.end - c.start), 0);
    for (const c of this.spans) if (c.entity !== null && !this.ends.has(c.end)) this.ends.set(c.end, c.start);
  }

  /** Whether a span overlaps [start, end) and reaches outside it. */
  crosses(start: number, end: number): boolean {
    for (let i = this.firstNear(start); i < this.spans.length && this.spans[i]!.start < end; i++) {
      const c = this.spans[i]!;
      if (c.start < end && start < c.end && (c.start < start || c.end > end)) return true;
    }
    return false;
  }

  /** Whether a span overlaps [start, end). */
  overlaps(start: number, end: number): boolean {
    for (let i = this.firstNear(start); i < this.spans.length && this.spans[i]!.start < end; i++) if (start < this.spans[i]!.end) return true;
    return false;
  }

  /** The first span that may reach `start`: none before it is longer than the longest. */
  private firstNear(start: number): number {
    const from = start - this.longest;
    return partitionPoint(this.spans, (c) => c.start < from);
  }

  /** Where the known name that ends at `end` starts (-1: none). */
  namedBefore(end: number): number {
    return this.ends.get(end) ?? -1;
  }
}

function headPhrases(pat: string, registry: EntityRegistry, found: Candidate[], candidates: readonly Candidate[]): void {
  HEAD_PHRASE.lastIndex = 0;
  let spans: SpanIndex | null = null;
  for (let m = HEAD_PHRASE.exec(pat); m; m = HEAD_PHRASE.exec(pat)) {
    const end = m.index + m[0].length;
    let start = m.index;
    let taken = 0;
    let plain = true;
    for (let n = 0; n < data.headPhrases.maxWords; n++) {
      // A name the lexicon reads ends here: right before the head, the head goes with it (newHeads);
      // further back, the phrase begins with it (a ligand, then a word, then the head).
      spans ??= new SpanIndex(candidates);
      const name = pat[start - 1] === ' ' ? spans.namedBefore(start - 1) : -1;
      if (name >= 0) {
        if (taken > 0) {
          start = name;
          taken++;
          plain = false;
        }
        break;
      }
      const w = HEAD_MODIFIER.exec(pat.slice(Math.max(0, start - 48), start));
      if (!w) break;
      const word = w[1]!;
      if (HEAD_STOP.has(word.toLowerCase()) || NOT_MODIFIER.test(word) || /^\p{N}+$/u.test(word)) break;
      start -= w[0].length;
      taken++;
      if (!/^\p{Ll}+$/u.test(word)) plain = false;
    }
    if (taken === 0 || (plain && taken < data.headPhrases.minPlainWords)) continue;
    spans ??= new SpanIndex(candidates);
    if (spans.crosses(start, end)) continue;
    const name = pat.slice(start, end);
    const entity = registry.pattern({ start, end, kind: 'target', canonical: name.replace(/ - /g, '-'), pattern: 'a head noun with the words that qualify it', class: null, related: [] });
    found.push({ start, end, entity, source: 'pattern' });
  }
}

/** Small letters and a number (cdc2, spt10) in a sentence about genes or their products: a model organism's gene symbol. */
function lowercaseNumbered(pat: string, registry: EntityRegistry, found: Candidate[], index: () => SpanIndex): void {
  LOWER_NUMBERED.lastIndex = 0;
  let spans: SpanIndex | null = null;
  for (let m = LOWER_NUMBERED.exec(pat); m; m = LOWER_NUMBERED.exec(pat)) {
    const symbol = m[1]!;
    const start = m.index;
    const end = start + symbol.length;
    if (NOT_LOWER_NUMBERED.has(/^\p{L}+/u.exec(symbol)![0])) continue;
    spans ??= index();
    if (spans.overlaps(start, end)) continue;
    if (!LOWER_SENTENCE.test(sentenceAround(pat, start, end))) continue;
    const entity = registry.pattern({ start, end, kind: 'target', canonical: symbol, pattern: 'a model organism gene symbol', class: null, related: [] });
    found.push({ start, end, entity, source: 'pattern' });
  }
}

/** A symbol with a Greek letter closed up as a word (TNFalpha, IkappaB): the member the lexicon spells, else a target by its form. */
function gluedGreek(pat: string, registry: EntityRegistry, found: Candidate[], index: () => SpanIndex): void {
  GLUED_GREEK.lastIndex = 0;
  let spans: SpanIndex | null = null;
  for (let m = GLUED_GREEK.exec(pat); m; m = GLUED_GREEK.exec(pat)) {
    const start = m.index;
    const end = start + m[0].length;
    // The matches of one expression do not overlap: the spans before the first stand for all.
    spans ??= index();
    if (spans.overlaps(start, end)) continue;
    const known = lookupName(registry.lexicon, m[0]);
    const entity =
      known !== undefined && registry.lexicon.entries[known]!.kind === 'target'
        ? registry.entry(known)
        : registry.pattern({ start, end, kind: 'target', canonical: m[0], pattern: 'a symbol with a Greek letter', class: null, related: [] });
    found.push({ start, end, entity, source: entity.source === 'pattern' ? 'pattern' : 'lexicon' });
  }
}

/** Names whose written form says protein or gene (p21ras, c-fos, factor VIII, platelet-activating factor). */
function formNames(pat: string, registry: EntityRegistry, found: Candidate[], crosses: (s: number, e: number) => boolean): void {
  for (const re of FORM_NAMES) {
    re.lastIndex = 0;
    for (let m = re.exec(pat); m; m = re.exec(pat)) {
      let start = m.index;
      const end = start + m[0].length;
      // Leading function words are not part of the name; a generic adjective (risk factor) makes it no name.
      let generic = false;
      for (let w = LEADING_WORD.exec(pat.slice(start, end)); w; w = LEADING_WORD.exec(pat.slice(start, end))) {
        if (FORM_GENERIC.test(w[1]!)) generic = true;
        else if (!FORM_FUNCTION.test(w[1]!)) break;
        start += w[0].length;
      }
      if (generic || crosses(start, end)) continue;
      const name = pat.slice(start, end);
      const entity = registry.pattern({ start, end, kind: 'target', canonical: name.replace(/ - /g, '-'), pattern: 'a protein or gene name by its form', class: null, related: [] });
      found.push({ start, end, entity, source: 'pattern' });
    }
  }
}

/** Farthest a sentence is sought on each side of a span (a block may be one long line: the cost stays linear). */
const SENTENCE_REACH = 1000;

/** The sentence around a span: from the last sentence end before it to the next after it (within reach). */
function sentenceAround(pat: string, start: number, end: number): string {
  const low = Math.max(0, start - SENTENCE_REACH);
  const before = pat.slice(low, start);
  const from = low + Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1;
  const high = Math.min(pat.length, end + SENTENCE_REACH);
  const stop = pat.slice(end, high).search(/\.(?:\s|$)|\n/u);
  return pat.slice(from, stop < 0 ? high : end + stop);
}
