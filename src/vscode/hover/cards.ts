/**
 * The markdown of the hover cards: ligand or target, citation marker, quantity. Pure functions of
 * an analysis; every piece of document text is escaped (see ../markdown.ts).
 */
import type { AnalysisIndex, CitationHit } from '../../core/query.js';
import { identifierLinks as databaseLinks, type IdentifierLink } from '../../core/identifiers.js';
import { formatMolar, isLogMeasure } from '../../core/quantities/index.js';
import { isReferenceLinkUrl, referenceLinks as workLinks } from '../../core/references/open.js';
import type { DataRecord, EntityIdentifiers, EntityInfo, EntityMention, EntitySource, Quantity, Reference } from '../../core/types.js';
import { commandLink, escapeMarkdown, externalLink, markdownTable, shorten, tableCell } from '../markdown.js';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const TWO_DECIMALS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const SOURCE_LABEL: Readonly<Record<EntitySource, string>> = {
  lexicon: 'built-in lexicon',
  workspace: 'workspace lexicon',
  pattern: 'nomenclature pattern',
  table: "the document's own table",
  abbreviation: 'an abbreviation the document defines',
};

export function times(n: number, one: string, many = `${one}s`): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}

/** Short title of a reference, for table cells and lists. */
export function shortTitle(reference: Reference, max = 48): string {
  return shorten(reference.title ?? reference.source ?? reference.host ?? reference.text, max);
}

/** The entity's identifiers, each with the address of its database entry where it is well-formed. */
export function identifierEntries(kind: EntityInfo['kind'], ids: EntityIdentifiers): IdentifierLink[] {
  return databaseLinks(kind, ids);
}

/** Identifier link-outs; values that do not look like the identifier they claim are shown unlinked. */
function identifierLinks(kind: EntityInfo['kind'], ids: EntityIdentifiers): string[] {
  return databaseLinks(kind, ids).map((l) => (l.url ? externalLink(l.label, l.url) : escapeMarkdown(l.label)));
}

function formatAmount(value: number | null, valueMax: number | null, unit: string | null): string {
  if (value === null) return '';
  const amount = valueMax !== null ? `${NUMBER.format(value)}–${NUMBER.format(valueMax)}` : NUMBER.format(value);
  return unit ? `${amount} ${unit}` : amount;
}

/** "IC50 = 61 μM", "Ki > 10,000 nM", "Ki = 0.06 ± 0.01 nM (pKi 10.22)", "1 μM", "10–100 μM". */
export function recordAmount(record: DataRecord): string {
  let amount = formatAmount(record.value, record.valueMax, record.unit);
  if (amount && record.error !== null) {
    const [number, ...unit] = amount.split(' ');
    amount = [`${number} ± ${NUMBER.format(record.error)}${record.errorKind ? ` (${record.errorKind})` : ''}`, ...unit].join(' ');
  }
  const relation = record.relation && record.relation !== '=' ? record.relation : '=';
  let text = record.measure && amount ? `${record.measure} ${relation} ${amount}` : record.measure ?? (amount && relation !== '=' ? `${relation} ${amount}` : amount);
  if (record.pValue !== null && record.measure && !isLogMeasure(record.measure)) text += ` (p${record.standardType ?? record.measure} ${TWO_DECIMALS.format(record.pValue)})`;
  if (record.n !== null) text += `, n = ${record.n}`;
  return text;
}

/** Where a record was read: its table, a flattened table or a sentence. */
export function recordOrigin(record: DataRecord): string {
  if (record.origin === 'prose') return 'text';
  if (record.origin === 'flattened') return 'flattened table';
  return record.table === null ? 'table' : `table ${record.table + 1}`;
}

/** The effect as the document writes it, or built from its parts when it has no text. */
export function recordEffect(record: DataRecord): string {
  const effect = record.effect;
  if (!effect) return '';
  if (effect.text.trim()) return effect.text;
  const amount = effect.value === null ? '' : `${NUMBER.format(effect.value)}${effect.error !== null ? ` ± ${NUMBER.format(effect.error)}` : ''}${effect.unit ?? ''}`;
  return [effect.direction ?? '', amount].filter(Boolean).join(' ');
}

/** "[21] journals.physiology.org": a record's reference as its cell names it. */
export function recordReferenceLabel(index: AnalysisIndex, n: number): string {
  const reference = index.reference(n);
  return reference ? `[${n}] ${shortTitle(reference, 32)}` : `[${n}]`;
}

function recordReferences(index: AnalysisIndex, numbers: readonly number[]): string {
  if (numbers.length === 0) return '—';
  return numbers.map((n) => escapeMarkdown(recordReferenceLabel(index, n))).join('; ');
}

/** The other side of a record: the entity's canonical name, or the text as written. */
export function counterpart(index: AnalysisIndex, ref: DataRecord['ligand']): string {
  if (!ref) return '';
  const info = ref.id ? index.analysis.entityInfo[ref.id] : undefined;
  return info?.name ?? ref.text;
}

/** The table of every record of an entity, seen from the entity's side; each row links to where it was read. */
function recordsTable(index: AnalysisIndex, info: EntityInfo, records: readonly DataRecord[], uri: string | undefined): string {
  const otherIsTarget = info.kind === 'ligand';
  const numberOf = new Map(index.analysis.records.map((r, i) => [r, i + 1]));
  const rows = records.map((record) => {
    const other = otherIsTarget ? record.target : record.ligand;
    const number = numberOf.get(record);
    const origin = tableCell(recordOrigin(record), 20);
    // A record whose both sides are this entity is rare, but then the other side is itself.
    return [
      tableCell(counterpart(index, other), 40),
      tableCell(recordAmount(record), 48),
      tableCell(recordEffect(record), 48),
      tableCell(record.context, 48),
      recordReferences(index, record.references),
      uri && number ? commandLink(recordOrigin(record), 'marginalia.goToRecord', { uri, number }, 'Go to the cell or sentence this number was read from') : origin,
    ];
  });
  return markdownTable([otherIsTarget ? 'Target' : 'Ligand', 'Measure', 'Effect', 'Context', 'References', 'From'], rows);
}

/** Hover card of a ligand or target. */
export function entityCard(index: AnalysisIndex, mention: EntityMention, uri?: string): string {
  const info = index.analysis.entityInfo[mention.id];
  const name = info?.name ?? mention.name;
  const kind = info?.kind ?? mention.kind;
  const mentions = index.mentionsOf(mention.id).length || info?.mentions || 0;
  const variants = info?.variants.length ? info.variants : [mention.text];
  const records = index.recordsFor(mention.id);
  // Hovers are short: the records come right after two header lines, the details after them.
  const header = [
    `**${escapeMarkdown(name)}** — ${escapeMarkdown(kind)}${info?.class ? ` · ${escapeMarkdown(info.class)}` : ''}`,
    `Written here as ${variants.map((v) => `“${escapeMarkdown(v)}”`).join(', ')} · mentioned ${times(mentions, 'time')} · ${times(records.length, 'record')}`,
  ];
  const parts = [header.join('  \n')];
  if (records.length) parts.push(recordsTable(index, info ?? fallbackInfo(mention), records, uri));

  if (info) {
    const details: string[] = [];
    const links = identifierLinks(kind, info.identifiers);
    if (links.length) details.push(links.join(' · '));
    const related = info.related.map((id) => index.analysis.entityInfo[id]?.name).filter((n): n is string => !!n);
    if (related.length) details.push(`Related in this document: ${related.map(escapeMarkdown).join(', ')}`);
    details.push(`Source: ${escapeMarkdown(entitySource(info))}`);
    parts.push(details.join('  \n'));
  }
  return parts.join('\n\n');
}

/** Where the knowledge of an entity came from, for the card's last line. */
export function entitySource(info: EntityInfo): string {
  return info.provenance || SOURCE_LABEL[info.source] || info.source;
}

/** What is known of an entity when the analysis has no info for it (never in practice). */
export function fallbackInfo(mention: EntityMention): EntityInfo {
  return {
    id: mention.id, kind: mention.kind, name: mention.name, class: null, identifiers: {}, source: mention.source,
    provenance: '', related: [], variants: [mention.text], mentions: 1,
  };
}

function referenceLinks(uri: string, number: number): string {
  return [
    commandLink('Show in side panel', 'marginalia.revealReference', { uri, number }, 'Reveal this reference in the Marginalia side panel'),
    commandLink('Go to entry', 'marginalia.goToReference', { uri, number }, 'Go to the entry in the reference list'),
  ].join(' · ');
}

/** Links to open the work: its DOI, PubMed, PMC or arXiv page, or a title search; built and validated in the core. */
export function referenceUrls(reference: Reference): { label: string; url: string }[] {
  return workLinks(reference.fields)
    .filter((link) => isReferenceLinkUrl(link.url))
    .map((link) => ({ label: link.label, url: link.url }));
}

/** How often an entry is cited and what it duplicates: "cited 4 times", "same work as [4]", … */
export function referenceNoteParts(index: AnalysisIndex, reference: Reference): string[] {
  const n = reference.number;
  const notes = [`cited ${times(reference.citedBy.length, 'time')}`];
  if (reference.duplicateOf !== null) notes.push(`same work as [${reference.duplicateOf}]`);
  const later = index.analysis.references.filter((r) => r.duplicateOf === n).map((r) => `[${r.number}]`);
  if (later.length) notes.push(`listed again as ${later.join(', ')}`);
  return notes;
}

/** What is known about one entry: how often it is cited, its duplicates, the links. */
function referenceNotes(index: AnalysisIndex, reference: Reference, uri: string): string[] {
  const links = referenceUrls(reference).map(({ label, url }) => externalLink(label, url));
  return [`_${referenceNoteParts(index, reference).join(' · ')}_`, [referenceLinks(uri, reference.number), ...links].join(' · ')];
}

/** Hover card of an entry's number in the reference list. */
export function referenceCard(index: AnalysisIndex, reference: Reference, uri: string): string {
  return [`**[${reference.number}]** in the reference list`, ...referenceNotes(index, reference, uri)].join('  \n');
}

/** Hover card of a citation marker: every reference it cites. */
export function citationCard(index: AnalysisIndex, hit: CitationHit, uri: string): string {
  const numbers = [...new Set(hit.citation.numbers)];
  const blocks = numbers.map((n) => {
    const reference = index.reference(n);
    if (!reference) return `**[${n}]** — _no entry with this number in the reference list_`;
    return [`**[${n}]** ${escapeMarkdown(reference.text)}`, ...referenceNotes(index, reference, uri)].join('  \n');
  });
  return blocks.join('\n\n---\n\n');
}

/** The p-form of a molar measure (`IC50` → `pIC50`). */
function logMeasureName(measure: string | null): string {
  return measure ? `p${measure}` : 'p';
}

/** Hover card of a quantity, or undefined when there is nothing to add to what is written. */
export function quantityCard(quantity: Quantity): string | undefined {
  if (quantity.molar === null && quantity.measure === null) return undefined;
  const amount = formatAmount(quantity.value, quantity.valueMax, quantity.unit);
  const error = quantity.error !== null ? ` ± ${NUMBER.format(quantity.error)}${quantity.unit ? ` ${quantity.unit}` : ''}` : '';
  const written = `${quantity.measure ? `${quantity.measure} ` : ''}${quantity.measure && amount ? '= ' : ''}${amount}${error}`;
  const lines = [`**${escapeMarkdown(written)}**`];
  if (quantity.molar !== null && quantity.molar > 0) {
    if (isLogMeasure(quantity.measure)) {
      lines.push(escapeMarkdown(`${quantity.measure} ${NUMBER.format(quantity.value)} stands for ${formatMolar(quantity.molar)}`));
    } else {
      const range = quantity.molarMax !== null ? `${formatMolar(quantity.molar)} to ${formatMolar(quantity.molarMax)}` : formatMolar(quantity.molar);
      const p = quantity.measure ? `${logMeasureName(quantity.measure)} ${TWO_DECIMALS.format(-Math.log10(quantity.molar))}` : '';
      lines.push(escapeMarkdown([range, p].filter(Boolean).join(' · ')));
    }
  }
  return lines.join('  \n');
}
