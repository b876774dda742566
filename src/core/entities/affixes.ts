/**
 * The grammar of derived names: what is written beside a known name and makes one name with it
 * (`../lexicon/affixes.json`). A ligand's salt or form ("X hydrochloride", "X N-oxide") and its
 * stereo descriptor ("d,l-X") are the same substance; a metabolite prefix ("4-hydroxy-X") names
 * a new ligand related to it; an allele or variant mark ("GENE*2", "GENE^V123E^") and a phospho
 * prefix ("pGENE") are mentions of the same target.
 * Each widened reading is one more candidate: the leftmost-longest choice prefers it.
 */
import affixes from '../lexicon/affixes.json';
import type { Candidate, EntityDef } from './candidates.js';
import type { EntityRegistry } from './context.js';
import { lookupName } from './lexicon.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

/** The heads that make a ligand's name, with its subtype label, the name of its own target. */
const LIGAND_HEADS = new RegExp(`(?:${affixes.targetHeads.ligandHeads.join('|')})$`, 'iu');

/** Words after a salt word that make it the head of another name ("X sodium channel"). */
const NOT_SALT_AFTER = /^ (?:channels?|currents?|influx|efflux|transport\w*|pumps?|ions?|levels?|concentrations?|overload|entry|signal\w*|homeostasis|exchangers?|intake|load|retention|excretion)(?![\p{L}\p{N}])/iu;

interface Compiled {
  readonly suffix: RegExp;
  readonly prefix: RegExp;
  readonly stereo: ReadonlySet<string>;
  readonly targetSuffixes: readonly RegExp[];
  readonly phospho: RegExp;
  readonly head: RegExp;
  readonly conjuncts: RegExp;
}

let compiled: Compiled | undefined;

const HYPHEN = '(?:-| - )';

function grammar(): Compiled {
  if (compiled) return compiled;
  const locant = `(?:${alternatives(affixes.ligandPrefixes.locants)})`;
  const word = `(?:${alternatives(affixes.ligandPrefixes.words)})`;
  const stereo = `(?:${alternatives(affixes.stereoPrefixes.words).replace(/,/g, ' ?, ?')})`;
  compiled = {
    suffix: new RegExp(`^ (?:${alternatives(affixes.ligandSuffixes.words)})(?![\\p{L}\\p{N}])`, 'iu'),
    // One or more "locants-word-" or "stereo-" parts, ending at the name, after a word boundary.
    // Hyphens and commas may stand between spaces, as tokenised text writes them (d , l - X).
    prefix: new RegExp(`(?:^|(?<=[^\\p{L}\\p{N}\\-]))((?:(?:${locant}(?: ?, ?${locant})*${HYPHEN})?${word}${HYPHEN}|${stereo}${HYPHEN}|${locant}${HYPHEN}(?=$))+)$`, 'iu'),
    stereo: new Set(affixes.stereoPrefixes.words.map((w) => w.toLowerCase())),
    targetSuffixes: affixes.targetSuffixes.patterns.map((p) => new RegExp(`^(?:${p})`, 'u')),
    head: new RegExp(`^ (?:(?:${affixes.targetHeads.subtype}) )?(?:${alternatives(affixes.targetHeads.words)})(?![\\p{L}\\p{N}])`, 'iu'),
    conjuncts: new RegExp(`(?:^|(?<=[^\\p{L}\\p{N}\\-]))((?:[\\p{L}\\p{N}]+-,? )+(?:${alternatives(affixes.coordination.joiners)}) )$`, 'u'),
    phospho: new RegExp(`(?<![\\p{L}\\p{N}\\-])(?:${alternatives(affixes.targetPrefixes.words)})([A-Z][A-Za-z0-9]{2,15})(?![\\p{L}\\p{N}])`, 'gu'),
  };
  return compiled;
}

/** Candidates for the derived names around a block's lexicon and pattern candidates (appended to `out`). */
export function affixCandidates(pat: string, out: Candidate[], registry: EntityRegistry): void {
  const g = grammar();
  const found: Candidate[] = [];
  for (const c of out) {
    if (!c.entity || c.entity.kind === 'chemical') continue;
    if (headed(pat, c, registry, g, found)) continue;
    if (c.entity.kind === 'ligand') ligandAffixes(pat, c, c.entity, registry, g, found);
    else if (c.entity.kind === 'target') targetSuffix(pat, c, c.entity, registry, g, found);
  }
  phosphoForms(pat, registry, g, found);
  for (const c of out) {
    if (c.entity?.kind !== 'target') continue;
    const start = conjunctsStart(pat, c.start, g);
    if (start < c.start) found.push({ ...c, start });
  }
  for (const c of found) out.push(c);
}

/**
 * A known name and a head noun (X receptor, X D2 receptors): one target mention where the whole
 * is a known target's name (the ligand's receptor is then a target; "X" alone stays a ligand);
 * conjuncts before it that share the head (X- and Y-…) join the mention.
 */
function headed(pat: string, c: Candidate, registry: EntityRegistry, g: Compiled, found: Candidate[]): boolean {
  const m = g.head.exec(pat.slice(c.end, c.end + 40));
  if (!m) return false;
  const end = c.end + m[0].length;
  const known = lookupName(registry.lexicon, pat.slice(c.start, end));
  if (known === undefined || registry.lexicon.entries[known]!.kind !== 'target') {
    // A ligand's receptor or transporter that no list names ("X transporter", "X 2A receptor") is still a target: the ligand's.
    if (c.entity!.kind !== 'ligand' || !LIGAND_HEADS.test(m[0])) return false;
    const name = pat.slice(c.start, end);
    found.push({ start: conjunctsStart(pat, c.start, g), end, entity: registry.pattern({ start: c.start, end, kind: 'target', canonical: name, pattern: `${c.entity!.name} and a head noun`, class: null, related: [c.entity!.id] }), source: 'pattern' });
    return true;
  }
  const target = registry.entry(known);
  found.push({ start: conjunctsStart(pat, c.start, g), end, entity: target, source: target.source === 'workspace' ? 'workspace' : 'lexicon', sourceOfEntity: true });
  return true;
}

/** Where conjuncts sharing a target's head begin ("X- and " before "Y-… receptors"), else `start`. */
function conjunctsStart(pat: string, start: number, g: Compiled): number {
  const before = pat.slice(Math.max(0, start - 40), start);
  // Conjuncts hold a hyphen and end in a joiner and a space: most names have neither before them.
  if (!before.endsWith(' ') || !before.includes('-')) return start;
  const conj = g.conjuncts.exec(before);
  return conj ? start - conj[1]!.length : start;
}

function ligandAffixes(pat: string, c: Candidate, entity: EntityDef, registry: EntityRegistry, g: Compiled, found: Candidate[]): void {
  let end = c.end;
  for (let m = g.suffix.exec(pat.slice(end, end + 40)); m && !NOT_SALT_AFTER.test(pat.slice(end + m[0].length, end + m[0].length + 24)); m = g.suffix.exec(pat.slice(end, end + 40))) end += m[0].length;
  if (pat[c.start - 1] !== '-' && !pat.slice(Math.max(0, c.start - 3), c.start).endsWith(' - ')) {
    if (end > c.end) found.push({ ...c, end });
    return;
  }
  const m = g.prefix.exec(pat.slice(Math.max(0, c.start - 48), c.start));
  if (!m) {
    if (end > c.end) found.push({ ...c, end });
    return;
  }
  const start = c.start - m[1]!.length;
  const parts = m[1]!.replace(/ ?- ?$/, '').split(/ ?- ?/).map((p) => p.replace(/ /g, ''));
  // Only stereo descriptors: the same substance. A metabolite prefix: a new ligand derived from it.
  if (parts.every((p) => g.stereo.has(p.toLowerCase()))) {
    found.push({ ...c, start, end });
    return;
  }
  const name = pat.slice(start, c.end);
  const known = lookupName(registry.lexicon, name);
  const derived = known !== undefined
    ? registry.entry(known)
    : registry.pattern({ start, end: c.end, kind: 'ligand', canonical: name, pattern: `derived name: ${m[1]} before ${entity.name}`, class: entity.class, related: [entity.id] });
  found.push({ start, end, entity: derived, source: known !== undefined ? c.source : 'pattern' });
}

/** "-4", "-4B", "-4D3" after a symbol: the numbered member, when the symbol and number written together are a known target. */
const NUMBERED = /^-(\d{1,2}[A-Z]?\d{0,2})(?![\p{L}\p{N}])/u;

function targetSuffix(pat: string, c: Candidate, entity: EntityDef, registry: EntityRegistry, g: Compiled, found: Candidate[]): void {
  const rest = pat.slice(c.end, c.end + 24);
  const numbered = NUMBERED.exec(rest);
  if (numbered) {
    // GENE-4D3 names an isoform of GENE4D: the longest known member the written number begins.
    let index: number | undefined;
    for (let n = numbered[1]!.length; n > 0 && index === undefined; n--) {
      const at = lookupName(registry.lexicon, `${pat.slice(c.start, c.end)}${numbered[1]!.slice(0, n)}`);
      if (at !== undefined && registry.lexicon.entries[at]!.kind === 'target') index = at;
    }
    if (index !== undefined) {
      const member = registry.entry(index);
      found.push({ start: c.start, end: c.end + numbered[0].length, entity: member, source: member.source === 'workspace' ? 'workspace' : 'lexicon', sourceOfEntity: true });
      return;
    }
  }
  // Ranges and lists of numbered members: GENE1–4, GENE1–GENE11, GENE2/3/4.
  const written = pat.slice(c.start, c.end);
  const letters = /^(\p{L}+)\d/u.exec(written);
  if (letters && /\d[A-Z]?$/.test(written) && !written.includes('.')) {
    // A slash lists numbers only (GENE1/GENE2 are two names written whole); a dash spans a range.
    const range = rangeAfter(letters[1]!).exec(rest);
    if (range) {
      found.push({ ...c, end: c.end + range[0].length, entity });
      return;
    }
  }
  for (const [i, re] of g.targetSuffixes.entries()) {
    // A dotted number names a variant only after a symbol ending in a digit ("GENE2.1").
    if (affixes.targetSuffixes.patterns[i]!.startsWith('\\.') && !/\d$/.test(pat.slice(c.start, c.end))) continue;
    const m = re.exec(rest);
    if (m) {
      found.push({ ...c, end: c.end + m[0].length, entity });
      return;
    }
  }
}

/** The expression of numbered members after a symbol whose letters are `letters`, by letters (made once each: building one costs more than running it). */
const ranges = new Map<string, RegExp>();

function rangeAfter(letters: string): RegExp {
  let range = ranges.get(letters);
  if (!range) {
    range = new RegExp(`^(?:(?:/|-(?=\\d)|–(?:${escape(letters)})?)\\d{1,2}[A-Z]?)+(?![\\p{L}\\p{N}]|\\.\\d)`, 'u');
    // A document names few symbols' letters; a bound keeps a long session's map small.
    if (ranges.size >= 1024) ranges.clear();
    ranges.set(letters, range);
  }
  return range;
}

function phosphoForms(pat: string, registry: EntityRegistry, g: Compiled, found: Candidate[]): void {
  g.phospho.lastIndex = 0;
  for (let m = g.phospho.exec(pat); m; m = g.phospho.exec(pat)) {
    const index = lookupName(registry.lexicon, m[1]!);
    if (index === undefined || registry.lexicon.entries[index]!.kind !== 'target') continue;
    const entity = registry.entry(index);
    found.push({ start: m.index, end: m.index + m[0].length, entity, source: entity.source === 'workspace' ? 'workspace' : 'lexicon', sourceOfEntity: true });
  }
}
