/**
 * What one block says on its own: its lexicon and pattern matches, the abbreviations it defines
 * and the entities these name. Depends only on the block's plain text and the lexicon, so it can
 * be remembered by that text; the document-wide steps (first definition wins, aliases, tables)
 * replay it in document order.
 */
import type { Alias, ScannedBlock } from './abbreviations.js';
import { findAbbreviations } from './abbreviations.js';
import { affixCandidates } from './affixes.js';
import { findWeakTargets } from './weak-context.js';
import { findProductNames } from './product-names.js';
import { findProductGuards } from './product-guards.js';
import { geneGrammar } from './gene-grammar.js';
import { formulaCandidates } from './formulas.js';
import { enzymeCandidates } from './enzyme-names.js';
import { type BlockText, blockText } from './block-text.js';
import type { Candidate, EntityDef } from './candidates.js';
import { EntityRegistry, type RegistryJournal } from './context.js';
import { type CompiledLexicon, lookupName } from './lexicon.js';

export interface BlockReading {
  readonly scanned: BlockText;
  /**
   * Lexicon, pattern and long-form candidates. Their entities are as this block alone defines
   * them: resolve them by id in the document's registry.
   */
  readonly candidates: readonly Candidate[];
  /** What the lexicon and pattern matches did to a registry (the document replays all blocks' first). */
  readonly matched: RegistryJournal;
  /** What the abbreviation definitions then did. */
  readonly defined: RegistryJournal;
  /** Spellings the block defines, in order (the first definition in the document wins). */
  readonly aliases: readonly Alias[];
}

/** Reads one block's plain text on its own. */
export function readBlock(text: string, lexicon: CompiledLexicon): BlockReading {
  const registry = new EntityRegistry(lexicon);
  const scanned = blockText(text, lexicon);
  const scan: ScannedBlock = { pat: scanned.pat, folded: scanned.folded, candidates: [] };
  lexiconCandidates(scanned, scan.candidates, registry);
  patternCandidates(scanned, scan.candidates, registry);
  affixCandidates(scanned.pat, scan.candidates, registry);
  formulaCandidates(scanned.pat, scan.candidates, registry);
  enzymeCandidates(scanned.pat, scan.candidates, registry);
  const aliases = new Map<string, Alias>();
  // Product names first: the spellings they claim are no entity's in this document.
  findProductGuards(scan, lexicon, aliases);
  geneGrammar(scan, registry, aliases);
  const matched = registry.journalFrom(0);
  spreadPatternNames(scanned, scan.candidates, aliases);
  findAbbreviations(scan, registry, aliases);
  findWeakTargets(scan, registry, aliases);
  findProductNames(scan, registry, aliases);
  return { scanned, candidates: scan.candidates, matched, defined: registry.journalFrom(matched.length), aliases: [...aliases.values()] };
}

function lexiconCandidates(scanned: BlockText, out: Candidate[], registry: EntityRegistry): void {
  const c = registry.lexicon;
  for (const hit of scanned.lexiconHits) {
    if (hit.entry < 0) {
      out.push({ start: hit.start, end: hit.end, entity: null, source: 'lexicon' });
      continue;
    }
    const source = c.entries[hit.entry]!.source === 'workspace' ? 'workspace' : 'lexicon';
    if (hit.stereo) {
      const { def, derived } = registry.stereo(hit.stereo.sign, hit.entry);
      out.push({ start: hit.stereo.start, end: hit.end, entity: def, source: derived ? 'pattern' : source });
    } else out.push({ start: hit.start, end: hit.end, entity: registry.entry(hit.entry), source });
  }
}

/** A name read by its form where the form is trustworthy is a spelling of the whole document. */
function spreadPatternNames(scanned: BlockText, candidates: readonly Candidate[], aliases: Map<string, Alias>): void {
  const spreading = new Set(scanned.patternHits.filter((h) => h.spreads).map((h) => `${h.start}:${h.end}`));
  if (spreading.size === 0) return;
  for (const candidate of candidates) {
    if (candidate.source !== 'pattern' || !candidate.entity || !spreading.has(`${candidate.start}:${candidate.end}`)) continue;
    const text = scanned.pat.slice(candidate.start, candidate.end);
    if (!aliases.has(text)) aliases.set(text, { text, entity: candidate.entity, source: 'pattern' });
  }
}

function patternCandidates(scanned: BlockText, out: Candidate[], registry: EntityRegistry): void {
  const c = registry.lexicon;
  for (const hit of scanned.patternHits) {
    let entity: EntityDef | undefined;
    let known: number | undefined;
    if (hit.code !== undefined) {
      known = c.codes.get(hit.code);
      const base = hit.sign && hit.baseCode ? c.codes.get(hit.baseCode) : undefined;
      if (known === undefined && base !== undefined) entity = registry.stereo(hit.sign!, base).def;
    } else known = lookupName(c, hit.canonical) ?? lookupName(c, scanned.pat.slice(hit.start, hit.end));
    if (known !== undefined) {
      entity = registry.entry(known);
      out.push({ start: hit.start, end: hit.end, entity, source: entity.source === 'workspace' ? 'workspace' : 'lexicon', sourceOfEntity: true });
    } else out.push({ start: hit.start, end: hit.end, entity: entity ?? registry.pattern(hit), source: 'pattern' });
  }
}
