/**
 * A block's plain text cut into sentences, with the ligand and target mentions and citation
 * markers of each placed in plain coordinates. A marker written right after a full stop
 * (`…earlier.¹³`, `…surface.[12]`) ends the sentence it follows and belongs to it.
 */
import type { DocBlock } from '../parse/index.js';
import { plainIndex } from '../sorted.js';
import { isSentenceEnd } from '../text/sentences.js';
import type { Citation, EntityMention } from '../types.js';
import { inSpan } from './spans.js';

/** A token of a sentence: where it sits in the block's plain text. */
export interface Placed<T> {
  readonly item: T;
  readonly start: number;
  readonly end: number;
}

export interface Sentence {
  /** Plain-text bounds in the block. */
  readonly start: number;
  readonly end: number;
  readonly mentions: readonly Placed<EntityMention>[];
  readonly citations: readonly Placed<Citation>[];
}

/** Source span of plain `[start, end)`. */
export function sourceOf(block: DocBlock, start: number, end: number): { start: number; end: number } {
  const offsets = block.plain.offsets;
  return { start: offsets[start]!, end: end > start ? offsets[end - 1]! + 1 : offsets[start]! };
}

function place<T extends { start: number; end: number }>(block: DocBlock, items: readonly T[]): Placed<T>[] {
  return items.map((item) => ({ item, start: plainIndex(block.plain, item.start), end: Math.max(plainIndex(block.plain, item.end), plainIndex(block.plain, item.start) + 1) }));
}

/** The sentences of a block; hard boundaries at list items and blank lines. */
export function sentencesOf(block: DocBlock, mentions: readonly EntityMention[], citations: readonly Citation[]): Sentence[] {
  const text = block.plain.text;
  const placedMentions = place(block, inSpan(mentions, block));
  const placedCitations = place(block, inSpan(citations, block));
  const hard = new Set<number>(block.items.map((item) => plainIndex(block.plain, item.contentStart)));
  const citationAt = new Map<number, number>();
  for (const c of placedCitations) citationAt.set(c.start, c.end);
  const cuts: Array<[number, number]> = [];
  let start = 0;
  const cut = (end: number): void => {
    let a = start;
    let b = end;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) cuts.push([a, b]);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (hard.has(i) && i > start) cut(i);
    if (text[i] === '\n' && text[i + 1] === '\n') {
      cut(i);
      continue;
    }
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    // A marker glued to the full stop: the sentence ends after it.
    const marker = citationAt.get(i + 1);
    if (marker !== undefined && (marker >= text.length || /\s/.test(text[marker]!))) {
      cut(marker);
      i = marker - 1;
      continue;
    }
    if (isSentenceEnd(text, i)) cut(i + 1);
  }
  cut(text.length);
  // Mentions and markers are in order: hand them out to the sentences in one pass.
  let m = 0;
  let c = 0;
  return cuts.map(([a, b]) => {
    while (m < placedMentions.length && placedMentions[m]!.start < a) m++;
    while (c < placedCitations.length && placedCitations[c]!.start < a) c++;
    const mentions: Placed<EntityMention>[] = [];
    const markers: Placed<Citation>[] = [];
    for (; m < placedMentions.length && placedMentions[m]!.start < b; m++) mentions.push(placedMentions[m]!);
    for (; c < placedCitations.length && placedCitations[c]!.start < b; c++) markers.push(placedCitations[c]!);
    return { start: a, end: b, mentions, citations: markers };
  });
}
