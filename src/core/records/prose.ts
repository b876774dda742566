/**
 * Records stated in sentences, read by a few patterns over a sentence's ligand and target mentions
 * and its quantities:
 *
 * - a measure with its value: "X inhibited Y with an IC50 of 7.79 ± 1.73 μM", "X (Ki = 1.4 nM)",
 *   "Ki values of 1.4 nM (X) and 27 nM (Z)", "IC50 values of 3 and 5 μM for X and Z, respectively";
 * - a concentration and the effect it had: "X (10 μM) reduced Y by 40%", "X inhibited Y by 45% at 10 μM";
 * - an effect alone: "X reduced Y by 40%".
 *
 * The ligand comes from the sentence, or from the sentence before when the sentence refers back to
 * it ("it", "this compound"); the target from the sentence; the references from its markers.
 */
import { numberedCompounds } from './compound-labels.js';
import type { DocBlock } from '../parse/index.js';
import { canonicalMeasure, scanQuantities, unitInfo, type ScannedQuantity } from '../quantities/index.js';
import type { Citation, DataRecord, EffectDirection, EntityMention, RecordEntityRef, RecordRelation } from '../types.js';
import { directionOf } from './effect.js';
import { makeRecord } from './record.js';
import { sentencesOf, sourceOf, type Placed, type Sentence } from './sentences.js';
import { pValueOf, standardType } from './standard.js';
import { unique } from './references.js';
import { relationIn } from './value.js';
import vocabulary from './vocabulary.json';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ANAPHORA = new RegExp(`(?<![\\p{L}])(?:${vocabulary.anaphora.map(escape).join('|')})(?![\\p{L}])`, 'iu');
/** A measure right before a number: `MIC of`, `IC50 values were`, `Ki =`. */
const MEASURE_BEFORE =
  /(?<![\p{L}\p{N}])(p?g?(?:IC|EC|ED|LD|GI|CC|AC)_?(?:50|90)_?|p?K_?[idbmIDB]_?|pA2|E ?max|MIC)(?:[,_.]\s*u\b)?(?:\s*\([^()\d]{3,40}\))?[\s()\[\]*]*(?:values?\s*)?(?:(?:for|at|against|on)\s+[^.;:()\d]{1,60}?\s+(?=of\b)|(?:of|for|in)\s+(?:(?!\d+(?:\.\d+)?\s)[^\s.;:()=]+\s+){1,10}?(?=(?:was|were|is|are)\b))?(?::\s*[^\s=,;:]{1,20}\s*=\s*)?(?:(?:estimate\s+)?(?:of|were|was|=|:|are|is|from|ranging\s+from|≈|~|∼|<|>|≤|≥)\s*)?(?:(?:estimated|determined|calculated|found)\s+(?:to\s+be|as|at)\s*)?(?:(?:approximately|about|~)\s*)?$/u;
/** `Emax` and a unitless number (or a parenthesised list of them) right after it. */
const BARE_EFFICACY = /(?<![\p{L}\p{N}])(E\s?_?max)_?\s*(?:values?\s+|estimates?\s+)?(?:(?:of|=|:|was|were|is|are)\s*)?(?:\(\s*)?(\d+(?:\.\d+)?(?:\s*,\s*\d+(?:\.\d+)?)*)(?!\d|\.\d)/gu;
/** What may sit between two values of one list: a parenthesised name, a "for X", and a comma or conjunction. */
const LIST_GAP = /^\s*(?:\([^()]{0,60}\)|(?:for|at|against|on|with|in)\s+[^,;.()]{1,40}?)?\s*(?:,|;|and|or|vs\.?|versus|,\s*and|,\s*or)\s*$/;
/** A labelled value of a list: "IC50: WT/WT = 69.74 μM and KO = 91.80 μM". */
const LABELLED_GAP = /^\s*(?:,|;|and|vs\.?)?\s*(?:and\s+)?[^\s=,;:()]{1,20}\s*=\s*$/;
/** A value compared with the one before: "46.3 μM, which is similar to that of CYP2C9 (31.7 μM)". */
const COMPARED_GAP = /^\)?[^.;()\d]{0,60}?\bthat\s+(?:of|for)\s+[^.;()]{1,30}?\s*\(\s*$/;
/** A gap that names whose the next value of a list is: "470 nM, followed by mesembrine 7800 nM". */
const NAMED_GAP = /^\s*,?\s*(?:followed\s+by|then|and|or)\s+[^,;.()\d=]{1,40}?\s+$/;
const BARE_BEFORE = /(\d+(?:\.\d+)?)(?:\s*(?:±|\+\/-)\s*(\d+(?:\.\d+)?))?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)$/;
const PAREN_OPEN = /^\s*[([]\s*(?:for\s+|with\s+|of\s+)?$/;
const PAREN_CLOSE = /^\s*[)\]]/;
const INSIDE_PAREN = /^\s*[([][^()[\]]{0,30}$/;
const MEASURE_OF = /^[_\s]*(?:values?\s+)?(?:of|for)\s+(?:the\s+)?$/;
const FOR_LIGAND = /^\s*,?\s*(?:for|of|with|by)\s+(?:the\s+)?(?:compound|ligand|drug|inhibitor|agonist|antagonist)?\s*$/;
const TARGET_AFTER = /^\s*[)\]]?\s*,?\s*(?:(?:at|on|for|against|towards?|to|of|in|over)\s+)(?:the\s+)?(?:(?:human|rat|mouse|murine|recombinant|cloned|native|wild-type|inhibition\s+of|binding\s+to)\s+)*$/;
const EFFECT_LEAD = /(?:by|to|of|reached|was|were|a|an)\s*(?:approximately\s+|about\s+|~\s*|[<>≤≥]\s*|(?:more|less)\s+than\s+)?$/;
const AT_CONCENTRATION = /^\s*,?\s*at\s+(?:a\s+concentration\s+of\s+)?$/;
const LIGAND_AT = /^\s*(?:[([]\s*|,?\s*at\s+(?:a\s+concentration\s+of\s+)?|concentrations?\s+of\s+)$/;
const BEFORE_LIGAND = /^\s*(?:of\s+)?$/;
/** An effect clause is short: a longer gap between the concentration and the effect is another clause. */
const MAX_EFFECT_GAP = 120;

/** A quantity of the sentence, in the block's plain coordinates. */
interface Q extends ScannedQuantity {
  readonly written: string;
  /** Where the measure named before the value ends, when it is not tied to the value (`IC50 of X was 3 μM`). */
  readonly measureEnd?: number;
  /** Where the gap that names this value's ligand starts ("…, followed by X 7800 nM"): its ligand is named there or unknown. */
  readonly namedFrom?: number;
}

type Mention = Placed<EntityMention>;

/** The records a block's sentences state. `entities` and `citations` are the document's, sorted by start. */
export function proseRecords(block: DocBlock, entities: readonly EntityMention[], citations: readonly Citation[], subject: EntityMention | null = null): DataRecord[] {
  const out: DataRecord[] = [];
  let previous: Mention | null = null;
  for (const sentence of sentencesOf(block, entities, citations)) {
    const records = sentenceRecords(block, sentence, previous, subject);
    for (const r of records) out.push(r.record);
    const ligands = sentence.mentions.filter((m) => m.item.kind === 'ligand');
    previous = records.length ? records[records.length - 1]!.ligand : ligands.length && new Set(ligands.map((m) => m.item.id)).size === 1 ? ligands[0]! : null;
  }
  return out;
}

/** True when a block may state records: it holds a digit and a ligand mention. */
export function mayStateRecords(block: DocBlock, hasLigand: boolean): boolean {
  return hasLigand && /\d/.test(block.plain.text) && (block.kind === 'paragraph' || block.kind === 'list' || block.kind === 'blockquote');
}

function quantitiesOf(text: string, from: number, to: number): Q[] {
  const sentence = text.slice(from, to);
  const found: Q[] = [];
  for (const q of scanQuantities(sentence)) {
    const placed = { ...q, start: q.start + from, end: q.end + from, written: sentence.slice(q.start, q.end) };
    // Bare numbers of a list share the unit of the last one: "3.2 and 5.1 μM".
    const listed: Q[] = [];
    let before = q.start;
    for (let k = 0; k < 6; k++) {
      const m = BARE_BEFORE.exec(sentence.slice(Math.max(0, before - 40), before));
      if (!m || !q.unit || q.valueMax !== null) break;
      const at = before - m[0].length;
      const value = Number(m[1]);
      const scale = q.molar !== null && q.value !== 0 ? q.molar / q.value : null;
      const numberEnd = m[2] !== undefined ? m[0].lastIndexOf(m[2]) + m[2].length : m[1]!.length;
      listed.unshift({ start: at + from, end: at + numberEnd + from, measure: null, value, valueMax: null, error: m[2] !== undefined ? Number(m[2]) : null, unit: q.unit, molar: scale !== null ? value * scale : null, molarMax: null, written: m[0].trim() });
      before = at;
    }
    const previous = found[found.length - 1];
    for (const l of listed) if (!previous || previous.end <= l.start) found.push(l);
    found.push(placed);
  }
  // Efficacies written as bare numbers (a fold of maximal induction): "Emax estimate of 9", "Emax (7, 9, 10)".
  BARE_EFFICACY.lastIndex = 0;
  for (let m = BARE_EFFICACY.exec(sentence); m; m = BARE_EFFICACY.exec(sentence)) {
    let at = m.index + m[0].length - m[2]!.length;
    for (const piece of m[2]!.split(',')) {
      const lead = piece.length - piece.trimStart().length;
      const number = piece.trim();
      const start = at + lead + from;
      const end = start + number.length;
      at += piece.length + 1;
      if (found.some((q) => q.start < end && start < q.end)) continue;
      found.push({ start, end, measure: 'Emax', value: Number(number), valueMax: null, error: null, unit: null, molar: null, molarMax: null, written: number });
    }
  }
  found.sort((a, b) => a.start - b.start);
  // A measure named before a list, or before a quantity the scanner does not tie it to.
  for (let i = 0; i < found.length; i++) {
    const q = found[i]!;
    if (q.measure !== null) continue;
    const window = Math.max(from, q.start - 100);
    const m = MEASURE_BEFORE.exec(text.slice(window, q.start));
    if (m) found[i] = { ...q, measure: canonicalMeasure(m[1]!.replace(/_/g, '')), measureEnd: window + m.index + m[1]!.length };
  }
  // A value of a list takes the measure of the one before it.
  for (let i = 1; i < found.length; i++) {
    const q = found[i]!;
    const p = found[i - 1]!;
    if (q.measure !== null || p.measure === null) continue;
    const gap = text.slice(p.end, q.start);
    const named = NAMED_GAP.test(gap);
    if (named || LIST_GAP.test(gap) || LABELLED_GAP.test(gap) || COMPARED_GAP.test(gap)) found[i] = { ...q, measure: p.measure, ...(p.measureEnd !== undefined ? { measureEnd: p.measureEnd } : {}), ...(named ? { namedFrom: p.end } : {}) };
  }
  return found;
}

function kindOf(q: Q): string | undefined {
  return q.unit ? unitInfo(q.unit)?.kind : undefined;
}

/** A value a measure may have: a concentration, a dose, a percent (Emax, inhibition), or no unit for a p-measure. */
function isMeasureValue(q: Q): boolean {
  if (q.measure === null) return false;
  if (q.unit === null) return /^p[A-Z]/.test(q.measure) || q.measure === 'Emax';
  const kind = kindOf(q);
  // A percent is the value of an efficacy (Emax) only: "Km … 578.83%" is a relative change, not a Km.
  return kind === 'concentration' || kind === 'mass-concentration' || kind === 'dose' || (kind === 'percent' && PERCENT_MEASURES.has(q.measure));
}

const PERCENT_MEASURES = new Set(['Emax', 'inhibition']);

function isConcentration(q: Q): boolean {
  const kind = kindOf(q);
  return q.measure === null && (kind === 'concentration' || kind === 'mass-concentration' || kind === 'dose');
}

function isEffectSize(q: Q): boolean {
  const kind = kindOf(q);
  return q.measure === null && (kind === 'percent' || kind === 'fold');
}

interface Found {
  readonly record: DataRecord;
  readonly ligand: Mention;
}

function sentenceRecords(block: DocBlock, s: Sentence, previous: Mention | null, subject: EntityMention | null): Found[] {
  const text = block.plain.text;
  const between = (a: number, b: number): string => (b >= a ? text.slice(a, b) : '');
  const numbered = numberedCompounds(text, s.start, s.end, (i) => block.plain.offsets[i] ?? block.end).filter((n) => !s.mentions.some((m) => m.start < n.end && n.start < m.end));
  let ligands = [...s.mentions.filter((m) => m.item.kind === 'ligand'), ...numbered].sort((a, b) => a.start - b.start);
  const targets = s.mentions.filter((m) => m.item.kind === 'target');
  // A measure stated with no ligand named ("IC50 values were 8.1 μM for WT") is the document's subject's.
  let unnamed: Mention | null = null;
  if (ligands.length === 0) {
    // "It inhibited …", "this compound …": the ligand of the sentence before.
    const anaphor = previous ? ANAPHORA.exec(between(s.start, s.end)) : null;
    if (anaphor && previous) {
      const at = s.start + anaphor.index;
      ligands = [{ item: previous.item, start: at, end: at + anaphor[0].length }];
    } else if (subject) unnamed = { item: subject, start: s.start, end: s.start };
    else return [];
  }
  const qs = quantitiesOf(text, s.start, s.end).filter((q) => !s.mentions.some((m) => m.start < q.end && q.start < m.end && m.start > q.start));
  if (qs.length === 0) return [];
  const used = new Set<Q>();
  const out: Found[] = [];

  const measured = qs.filter(isMeasureValue);
  // "… 3 and 5 μM for X and Z, respectively": values and ligands paired in order.
  const respectively = /\brespectively\b/i.test(between(s.start, s.end)) && measured.length >= 2 && ligands.length === measured.length ? ligands : null;

  const ligandFor = (q: Q, k: number): Mention | null => {
    if (respectively) return respectively[k] ?? null;
    const from = q.namedFrom;
    if (from !== undefined) return ligands.find((m) => m.start >= from && m.end <= q.start) ?? null;
    const after = ligands.find((m) => m.start >= q.end && PAREN_OPEN.test(between(q.end, m.start)) && PAREN_CLOSE.test(between(m.end, m.end + 3)));
    if (after) return after;
    const inParen = [...ligands].reverse().find((m) => m.end <= q.start && INSIDE_PAREN.test(between(m.end, q.start)));
    if (inParen) return inParen;
    const forLigand = ligands.find((m) => m.start >= q.end && FOR_LIGAND.test(between(q.end, m.start)));
    if (forLigand) return forLigand;
    // "The IC50 value of 8-MOP in coumarin metabolism was 0.19 μM": the ligand the measure is said of.
    const end = q.measureEnd;
    const ofLigand = end !== undefined ? ligands.find((m) => m.start >= end && m.end <= q.start && MEASURE_OF.test(between(end, m.start))) : undefined;
    if (ofLigand) return ofLigand;
    // Else the ligand named before the value (a ligand after it, not tied to it, is a substrate or a comparator).
    return [...ligands].reverse().find((m) => m.end <= q.start) ?? null;
  };
  const targetFor = (q: { start: number; end: number }, ligand: Mention): Mention | null => {
    const after = targets.find((t) => t.start >= q.end && TARGET_AFTER.test(between(q.end, t.start)));
    if (after) return after;
    const floor = ligand.end <= q.start ? ligand.end : s.start;
    const before = [...targets].reverse().find((t) => t.end <= q.start && t.start >= floor);
    if (before) return before;
    return new Set(targets.map((t) => t.item.id)).size === 1 ? targets[0]! : null;
  };
  const references = unique(s.citations.flatMap((c) => c.item.numbers));
  const span = sourceOf(block, s.start, s.end);
  const emit = (ligand: Mention, target: Mention | null, measure: string | null, q: Q | null, effect: DataRecord['effect'], cell: { start: number; end: number }): void => {
    const relation: RecordRelation | null = q ? relationIn(text, q.start, q.end) ?? '=' : null;
    const source = sourceOf(block, cell.start, cell.end);
    out.push({
      ligand,
      record: makeRecord({
        start: span.start,
        end: span.end,
        ligand: ref(ligand.item),
        target: target ? ref(target.item) : null,
        measure,
        value: q?.value ?? null,
        valueMax: q?.valueMax ?? null,
        unit: q?.unit ?? null,
        molar: q?.molar ?? null,
        effect,
        context: null,
        references,
        table: null,
        extra: {},
        relation,
        error: q?.error ?? null,
        errorKind: null,
        n: null,
        standardType: standardType(measure),
        pValue: pValueOf(measure, relation, q?.value ?? null, q?.molar ?? null),
        origin: 'prose',
        cell: { start: source.start, end: source.end, text: block.plain.text.slice(cell.start, cell.end) },
      }),
    });
  };

  // A measure with its value.
  measured.forEach((q, k) => {
    const ligand = unnamed ?? ligandFor(q, k);
    if (!ligand) return;
    used.add(q);
    emit(ligand, targetFor(q, ligand), q.measure, q, null, q);
  });

  // A concentration and the effect it had; an effect alone (said of a ligand the sentence names).
  for (const e of unnamed ? [] : qs) {
    const led = EFFECT_LEAD.test(between(Math.max(s.start, e.start - 20), e.start)) || /^\s*(?:inhibition|increase|decrease|reduction|potentiation)/i.test(between(e.end, e.end + 16));
    if (used.has(e) || !isEffectSize(e) || !led) continue;
    const concentration = concentrationFor(e, qs, used, ligands, between);
    const ligand = concentration?.ligand ?? subjectOf(e, ligands, between);
    if (!ligand) continue;
    // The verb sits between the concentration and the effect ("X (10 μM) reduced Y by 40%"), else between the ligand and the effect ("X inhibited Y by 45% at 10 μM").
    const from = concentration && concentration.q.end <= e.start ? concentration.q.end : Math.min(ligand.end, e.start);
    const verb = between(from, e.start) + between(e.end, e.end + 16);
    const direction: EffectDirection = directionOf(verb);
    if (direction === null || direction === 'binding' || direction === 'no-effect') continue;
    used.add(e);
    if (concentration) used.add(concentration.q);
    const phrase = { start: Math.min(ligand.start >= s.start ? ligand.start : e.start, concentration?.q.start ?? e.start, e.start), end: concentration ? Math.max(concentration.q.end, e.end) : e.end };
    // A percent inhibition is the measure "inhibition" (ChEMBL's Inhibition), written after the value or as the verb.
    const measure = /^\s*inhibition/i.test(between(e.end, e.end + 12)) || (direction === 'inhibition' && e.unit === '%') ? 'inhibition' : null;
    const target = targetFor({ start: e.start, end: e.end }, ligand);
    const effect = { direction, value: e.value, error: e.error, unit: e.unit, text: between(phrase.start, phrase.end) };
    emit(ligand, target, measure, concentration?.q ?? null, effect, phrase);
  }
  return out;
}

/** The concentration a ligand was used at for effect `e`: "X (10 μM) reduced …", "X at 10 μM …", "… by 45% at 10 μM". */
function concentrationFor(e: Q, qs: readonly Q[], used: ReadonlySet<Q>, ligands: readonly Mention[], between: (a: number, b: number) => string): { q: Q; ligand: Mention } | null {
  for (const c of qs) {
    if (used.has(c) || !isConcentration(c)) continue;
    if (c.end <= e.start) {
      if (e.start - c.end > MAX_EFFECT_GAP) continue;
      const before = [...ligands].reverse().find((m) => m.end <= c.start && LIGAND_AT.test(between(m.end, c.start)));
      if (before) return { q: c, ligand: before };
      const after = ligands.find((m) => m.start >= c.end && m.end <= e.start && BEFORE_LIGAND.test(between(c.end, m.start)));
      if (after) return { q: c, ligand: after };
    } else if (c.start >= e.end && AT_CONCENTRATION.test(between(e.end, c.start))) {
      const subject = [...ligands].reverse().find((m) => m.end <= e.start && e.start - m.end <= MAX_EFFECT_GAP);
      if (subject) return { q: c, ligand: subject };
    }
  }
  return null;
}

/** The ligand an effect is said of: the nearest ligand before it, within one clause. */
function subjectOf(e: Q, ligands: readonly Mention[], between: (a: number, b: number) => string): Mention | null {
  const subject = [...ligands].reverse().find((m) => m.end <= e.start);
  if (!subject || e.start - subject.end > MAX_EFFECT_GAP || /[;:]/.test(between(subject.end, e.start))) return null;
  return subject;
}

function ref(m: EntityMention): RecordEntityRef {
  // A compound named by its number has no entity id.
  return { text: m.text, id: m.id === '' ? null : m.id, start: m.start, end: m.end };
}
