/**
 * Records of the blocks outside tables: a paragraph that reads as a flattened table, else the
 * sentences of paragraphs, lists and block quotes.
 */
import { namesNumberedCompound } from './compound-labels.js';
import type { DocBlock, ParsedDocument } from '../parse/index.js';
import type { Citation, DataRecord, EntityMention, Table } from '../types.js';
import { flattenedRecords } from './flattened.js';
import { mayStateRecords, proseRecords } from './prose.js';
import { firstInSpan } from './spans.js';
import { subjectMention } from './subject.js';

/** The records one block states. `entities` and `citations` are the document's, sorted by start. */
export function blockRecords(block: DocBlock, entities: readonly EntityMention[], citations: readonly Citation[], subject: EntityMention | null = null): DataRecord[] {
  return flattenedRecords(block, entities, citations) ?? proseRecords(block, entities, citations, subject);
}

/** Whether a block holds a ligand mention (a binary search into the sorted mentions). */
export function holdsLigand(block: DocBlock, entities: readonly EntityMention[]): boolean {
  for (let i = firstInSpan(entities, block); i < entities.length && entities[i]!.start < block.end; i++) {
    if (entities[i]!.kind === 'ligand' && entities[i]!.end > block.start) return true;
  }
  return false;
}

const MEASURE_WORD = /(?<![\p{L}\p{N}])(?:p?(?:IC|EC|ED|GI|CC)_?50|p?K_?[idbm])(?![\p{L}])/u;

/** What a block's text allows, remembered per parsed block (the same object while its chunk is unchanged). */
interface BlockShape {
  /** Prose that may state records: a paragraph, list or block quote holding a digit. */
  readonly prose: boolean;
  /** A paragraph that may be a flattened table (its compounds may be labels no recogniser knows). */
  readonly flattened: boolean;
  /** Prose naming a measure (`IC50`, `Ki`): it may state the document's subject's values without naming it. */
  readonly measured: boolean;
}
const shapeOf = new WeakMap<DocBlock, BlockShape>();

function shape(block: DocBlock, origin: DocBlock): BlockShape {
  let known = shapeOf.get(origin);
  if (!known) {
    const text = block.plain.text;
    const digit = /\d/.test(text);
    const prose = digit && mayStateRecords(block, true);
    known = {
      prose,
      flattened: digit && block.kind === 'paragraph' && /(?:IC|EC|ED|GI|CC)50|K[idb]\b|MIC|[Ii]nhibition/.test(text),
      measured: prose && MEASURE_WORD.test(text),
    };
    shapeOf.set(origin, known);
  }
  return known;
}

/**
 * Whether `block` may state records, and lies outside every table (tables' own blocks are read as
 * tables). `origin` is the block as parsed (`doc.origins[b]`), on which what its text allows is remembered.
 */
export function readsBlock(block: DocBlock, entities: readonly EntityMention[], inTable: (block: DocBlock) => boolean, origin: DocBlock = block, subject: EntityMention | null = null): boolean {
  const { prose, flattened, measured } = shape(block, origin);
  if (!prose && !flattened) return false;
  return !inTable(block) && (flattened || (subject !== null && measured) || holdsLigand(block, entities) || (measured && namesNumberedCompound(block.plain.text)));
}

/** A test of "is this block inside a table?" for tables sorted by start. */
export function tableCover(tables: readonly Table[]): (block: DocBlock) => boolean {
  let t = 0;
  return (block) => {
    while (t < tables.length && tables[t]!.end <= block.start) t++;
    const table = tables[t];
    return !!table && table.start < block.end && block.start < table.end;
  };
}

/** Every block's records, in document order (blocks must be asked in order for `tableCover`). */
export function documentBlockRecords(doc: ParsedDocument, tables: readonly Table[], entities: readonly EntityMention[], citations: readonly Citation[]): DataRecord[] {
  const inTable = tableCover(tables);
  const subject = subjectMention(entities);
  const out: DataRecord[] = [];
  doc.blocks.forEach((block, b) => {
    if (!readsBlock(block, entities, inTable, doc.origins?.[b], subject)) return;
    for (const r of blockRecords(block, entities, citations, subject)) out.push(r);
  });
  return out;
}

/** Table records and block records in one list, by start (ties keep tables first). */
export function mergeRecords(fromTables: readonly DataRecord[], fromBlocks: readonly DataRecord[]): DataRecord[] {
  if (fromBlocks.length === 0) return fromTables.slice();
  const out: DataRecord[] = [];
  let i = 0;
  let j = 0;
  while (i < fromTables.length || j < fromBlocks.length) {
    const a = fromTables[i];
    const b = fromBlocks[j];
    if (a && (!b || a.start <= b.start)) {
      out.push(a);
      i++;
    } else {
      out.push(b!);
      j++;
    }
  }
  return out;
}
