/**
 * Product names the document itself introduces (`../lexicon/product-context.json`): a name marked
 * as a trade mark (Name®, Name™, or the "Name?" a converter leaves for the sign) or an unmarked
 * capitalised name no lexicon knows, read as a ligand where the phrase beside it says it is given
 * or applied as a substance ("treated with Name™", "25 mg Name", "Name or placebo"). A marked
 * name with no such phrase (software, an instrument) stays unread. The document then knows the
 * name as that ligand everywhere, as it knows an abbreviation it defines.
 */
import data from '../lexicon/product-context.json';
import type { Alias, ScannedBlock } from './abbreviations.js';
import type { EntityRegistry } from './context.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (list: readonly string[]): string => [...list].sort((a, b) => b.length - a.length).map(escape).join('|');

const MARKS = words(data.marks);
const LOST = escape(data.lostMark);
/** A name: a capital, then letters and digits, hyphenated parts allowed (PK-Sim, Opti-MEM). */
const NAME = '\\p{Lu}[\\p{L}\\p{N}]*(?:-[\\p{L}\\p{N}]+)*';
/** Name® or Name™; or Name? where a sentence goes on after it (the lost sign, not a question). */
const MARKED = new RegExp(`(?<![\\p{L}\\p{N}-])(${NAME})(?:${MARKS}|${LOST}(?=[ ,;:)\\-]\\p{Ll}|[,;:)\\-]| \\())`, 'gu');
/** An unmarked capitalised name (Name, Name-1): read only beside a strong dosing phrase. */
const PLAIN = new RegExp(`(?<![\\p{L}\\p{N}-])(\\p{Lu}\\p{Ll}{3,}[\\p{L}\\p{N}]*)(?![\\p{L}\\p{N}]|-\\p{N})`, 'gu');
const AMOUNT = data.amount;
const FORM = '(?: (?:capsules?|tablets?))?(?: of)?';
const BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:(?:${words(data.before)})(?: ${AMOUNT}${FORM})?|${AMOUNT}${FORM}) (?:\\(|the )?$`, 'iu');
const STRONG_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words(data.strongBefore)}|${AMOUNT}${FORM}) (?:\\(|the )?$`, 'iu');
const AFTER = new RegExp(`^\\)?(?:(?:${words(data.after.filter((w) => w.startsWith('-')))})| (?:${words(data.after.filter((w) => !w.startsWith('-')))})(?![\\p{L}\\p{N}])| ${AMOUNT}(?![\\p{L}\\p{N}]))`, 'iu');
const STRONG_AFTER = new RegExp(`^\\)?(?:(?:${words(data.strongAfter.filter((w) => w.startsWith('-')))})| (?:${words(data.strongAfter.filter((w) => !w.startsWith('-')))})(?![\\p{L}\\p{N}])| ${AMOUNT}(?![\\p{L}\\p{N}]))`, 'iu');
const NOT_NAMES = new Set(data.notNames);
const MARK_SIGNS = new Set([...data.marks, data.lostMark]);

/** Adds ligand candidates for the product names a block's phrases say are given as substances, and their aliases. */
export function findProductNames(scan: ScannedBlock, registry: EntityRegistry, aliases: Map<string, Alias>): void {
  const { pat } = scan;
  const found = new Map<string, { start: number; end: number }[]>();
  const covered = (start: number, end: number): boolean => scan.candidates.some((c) => c.start < end && start < c.end);
  const given = (start: number, end: number, strong: boolean): boolean => {
    const before = pat.slice(Math.max(0, start - 60), start);
    const markEnd = MARK_SIGNS.has(pat[end] ?? '') ? end + 1 : end;
    const after = pat.slice(markEnd, markEnd + 40);
    return strong ? STRONG_BEFORE.test(before) || STRONG_AFTER.test(after) : BEFORE.test(before) || AFTER.test(after);
  };
  MARKED.lastIndex = 0;
  const marked = new Set<string>();
  for (let m = MARKED.exec(pat); m; m = MARKED.exec(pat)) {
    const name = m[1]!;
    if (!NOT_NAMES.has(name) && !covered(m.index, m.index + name.length)) marked.add(name);
  }
  // A marked name is given where any of its mentions in the block has a dosing phrase beside it.
  for (const name of marked) {
    const at = mentionsOf(pat, name);
    if (at.some((s) => given(s, s + name.length, false))) found.set(name, at.map((s) => ({ start: s, end: s + name.length })));
  }
  PLAIN.lastIndex = 0;
  for (let m = PLAIN.exec(pat); m; m = PLAIN.exec(pat)) {
    const name = m[1]!;
    if (found.has(name) || NOT_NAMES.has(name) || aliases.has(name)) continue;
    const end = m.index + name.length;
    if (covered(m.index, end) || !given(m.index, end, true)) continue;
    found.set(name, mentionsOf(pat, name).map((s) => ({ start: s, end: s + name.length })));
  }
  for (const [name, spans] of found) {
    const entity = registry.pattern({ start: spans[0]!.start, end: spans[0]!.end, kind: 'ligand', canonical: name, pattern: 'a product name given as a substance', class: null, related: [] });
    for (const s of spans) if (!covered(s.start, s.end)) scan.candidates.push({ start: s.start, end: s.end, entity, source: 'pattern' });
    if (!aliases.has(name)) aliases.set(name, { text: name, entity, source: 'pattern', asWritten: true });
  }
}

/** Where `name` is written as a whole word in `pat`. */
function mentionsOf(pat: string, name: string): number[] {
  const out: number[] = [];
  const word = /[\p{L}\p{N}]/u;
  for (let at = pat.indexOf(name); at >= 0; at = pat.indexOf(name, at + 1)) {
    if (word.test(pat[at - 1] ?? '') || word.test(pat[at + name.length] ?? '')) continue;
    out.push(at);
  }
  return out;
}
