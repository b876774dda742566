/** What a table's caption, note and lead say of all its values: unit, measure, error kind, target, ligand. */
import { parseQuantity } from '../quantities/index.js';
import type { EntityMention, RecordEntityRef, Table } from '../types.js';
import { headerErrorKind, headerMeasure, headerUnit } from './columns.js';
import { onlyMention, ref } from './mentions.js';
import { inSpan } from './spans.js';
import vocabulary from './vocabulary.json';

/** What the caption and the note under a table say of all its values. */
export interface TableDefaults {
  readonly unit: string | null;
  readonly measure: string | null;
  readonly errorKind: string | null;
  readonly target: RecordEntityRef | null;
  /** The one ligand the caption, or else the heading or paragraph right above the table, names. */
  readonly ligand: RecordEntityRef | null;
  /** The substrate a caption names beside an inhibitor ("… of X on coumarin 7-hydroxylase activity"): the ligand of Km values. */
  readonly substrate: RecordEntityRef | null;
}

/** What the caption and the note say: a unit, a measure, an error kind, a single target. */
export function tableDefaults(table: Table, entities: readonly EntityMention[], subject: RecordEntityRef | null = null): TableDefaults {
  const texts = [table.caption ?? '', table.note?.text ?? ''];
  let unit: string | null = null;
  let measure: string | null = null;
  let errorKind: string | null = null;
  for (const text of texts) {
    unit ??= headerUnit(text) ?? unitInWords(text);
    measure ??= headerMeasure(text);
    errorKind ??= headerErrorKind(text);
  }
  const caption = table.captionStart !== null && table.captionEnd !== null ? { start: table.captionStart, end: table.captionEnd } : null;
  const target = caption ? onlyMention(entities, caption, 'target') : null;
  const pair = caption && table.caption ? substrateAndInhibitor(table.caption, inSpan(entities, caption)) : null;
  const ligand = (caption && onlyMention(entities, caption, 'ligand')) ?? pair?.inhibitor ?? (table.lead ? leadLigand(table.lead, entities, subject) : null);
  return { unit: unit === '%' ? null : unit, measure, errorKind, target, ligand, substrate: pair?.substrate ?? null };
}

const SUBSTRATE_AFTER = new RegExp(`^\\s*(?:\\S+\\s+)?(?:[\\p{N}\\p{Lu}]+-)?(?:${vocabulary.substrateWords.words.join('|')})`, 'iu');

/**
 * A caption naming two ligands, one of them as the substrate of an activity: the substrate and the
 * other (the inhibitor), or null.
 */
function substrateAndInhibitor(caption: string, mentions: readonly EntityMention[]): { substrate: RecordEntityRef; inhibitor: RecordEntityRef } | null {
  const ligands = mentions.filter((m) => m.kind === 'ligand');
  if (new Set(ligands.map((m) => m.id)).size !== 2) return null;
  const substrates = ligands.filter((m) => {
    const at = caption.indexOf(m.text);
    return at >= 0 && SUBSTRATE_AFTER.test(caption.slice(at + m.text.length, at + m.text.length + 40));
  });
  if (new Set(substrates.map((m) => m.id)).size !== 1) return null;
  const substrate = substrates[0]!;
  const inhibitor = ligands.find((m) => m.id !== substrate.id)!;
  return { substrate: ref(substrate), inhibitor: ref(inhibitor) };
}

/**
 * The ligand the lead above a table names. A lead that is one name holding a mention
 * (`Hydroxy-Itraconazole` around `Itraconazole`), or holding the name of a ligand the document
 * names elsewhere (`R-norverapamil` in a document about verapamil), names that compound, not the one
 * it contains.
 */
function leadLigand(lead: NonNullable<Table['lead']>, entities: readonly EntityMention[], subject: RecordEntityRef | null): RecordEntityRef | null {
  const mention = onlyMention(entities, lead, 'ligand');
  const oneName = !/\s/.test(lead.text);
  if (mention) return !oneName || mention.text === lead.text ? mention : { text: lead.text, id: null, start: lead.start, end: lead.end };
  const name = lead.text.toLowerCase();
  const holds = (text: string): boolean => text.length >= MIN_NAME && name.includes(text.toLowerCase());
  const holdsLigand = oneName && ((subject !== null && holds(subject.text)) || entities.some((m) => m.kind === 'ligand' && holds(m.text)));
  return holdsLigand ? { text: lead.text, id: null, start: lead.start, end: lead.end } : null;
}

/** Ligand names shorter than this are too short to say a one-name lead holds them. */
const MIN_NAME = 4;

/** `expressed in nM`, `values in μM`. */
function unitInWords(text: string): string | null {
  const m = /\b(?:in|as)\s+(\S{1,8}?)[\s.,;)]/.exec(`${text} `);
  if (!m) return null;
  const q = parseQuantity(`1 ${m[1]}`);
  return q?.unit && q.molar !== null ? q.unit : null;
}
