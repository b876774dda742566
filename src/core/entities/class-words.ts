/**
 * Names of drug classes that a database lists as a gene's alias (HGNC: "statin" for EEF1A2):
 * written in small letters as an ordinary noun ("statins", "statin-like molecules") the word
 * names the class, not the gene, unless a gene word follows it (`../lexicon/class-words.json`,
 * `../lexicon/gene-context.json`).
 */
import classes from '../lexicon/class-words.json';
import context from '../lexicon/gene-context.json';
import type { LexiconEntry } from './lexicon.js';

const WORDS = new Set(classes.words);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const GENE_AFTER = new RegExp(`^ (?:${[...context.afterShort].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'u');

/**
 * Whether a database target match written `written` (then `after`) is a drug-class noun: small
 * letters (a capital first at most), its first word a class word or its plural, no gene word after.
 */
export function isClassWordAlias(entry: LexiconEntry, written: string, after: string): boolean {
  if (entry.kind !== 'target' || !entry.fromDatabase) return false;
  if (!/^\p{L}[\p{Ll}\s-]*$/u.test(written)) return false;
  const first = written.toLowerCase().split(/[\s-]/u)[0]!;
  if (!WORDS.has(first) && !(first.endsWith('s') && WORDS.has(first.slice(0, -1)))) return false;
  if (entry.name.toLowerCase() === written.toLowerCase()) return false;
  return !GENE_AFTER.test(after);
}
