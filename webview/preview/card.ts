/**
 * The hover cards of the markdown preview, built from the JSON the Marginalia plugin leaves in the
 * page. Everything from a document becomes text (`textContent`); the only attributes set are our
 * classes and hrefs that are either an https address or a link to an entry of this page.
 */
import { CLASSES, MISSING_ENTRY, PREVIEW, type CardLink, type EntityCard, type PreviewCards, type ReferenceCard } from '../../src/vscode/preview/model.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Reads the cards' JSON; null when it is missing or not ours. */
export function readCards(json: string | null): PreviewCards | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as Partial<PreviewCards> | null;
    if (!value || value.version !== 1 || typeof value.entities !== 'object' || typeof value.references !== 'object') return null;
    return value as PreviewCards;
  } catch {
    return null;
  }
}

/** The own property `key` of a record read from JSON (never an inherited one). */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

function link(label: string, href: string, className?: string): HTMLAnchorElement | Text {
  // Only addresses we would have built ourselves: https, or an entry of this page.
  if (!/^https:\/\/[A-Za-z0-9.-]+\//.test(href) && !/^#marginalia-ref-\d{1,7}$/.test(href)) return document.createTextNode(label);
  const a = element('a', className, label);
  a.setAttribute('href', href);
  return a;
}

/** Nodes joined by " · ". */
function joined(nodes: (Node | string)[]): Node[] {
  const out: Node[] = [];
  nodes.forEach((node, i) => {
    if (i > 0) out.push(document.createTextNode(' · '));
    out.push(typeof node === 'string' ? document.createTextNode(node) : node);
  });
  return out;
}

/** A line of links (an entry without an address is shown as text). */
function linksLine(links: unknown, leading: (Node | string)[] = []): HTMLElement | null {
  const nodes = [...leading, ...list(links).map((l) => {
    const { label, url } = (l ?? {}) as Partial<CardLink> & { url?: string | null };
    return url ? link(text(label), text(url)) : text(label);
  })];
  if (nodes.length === 0) return null;
  const line = element('div', 'marginalia-card-links');
  line.append(...joined(nodes));
  return line;
}

export function entityCard(card: EntityCard): HTMLElement[] {
  const title = element('div', 'marginalia-card-title');
  title.append(element('strong', undefined, text(card.name)), document.createTextNode(` — ${text(card.kind)}`));
  const parts: HTMLElement[] = [title, element('div', 'marginalia-card-summary', text(card.summary))];
  const records = card.records;
  if (records && Array.isArray(records.rows)) {
    const table = element('table', 'marginalia-card-records');
    const head = element('tr');
    for (const cell of list(records.header)) head.append(element('th', undefined, text(cell)));
    table.append(element('thead'), element('tbody'));
    table.tHead!.append(head);
    for (const row of records.rows) {
      const tr = element('tr');
      for (const cell of list(row)) tr.append(element('td', undefined, text(cell)));
      table.tBodies[0]!.append(tr);
    }
    const scroller = element('div', 'marginalia-card-table');
    scroller.append(table);
    parts.push(scroller);
  }
  const details = element('div', 'marginalia-card-details');
  const links = linksLine(card.identifiers);
  if (links) details.append(links);
  if (card.related) details.append(element('div', undefined, text(card.related)));
  details.append(element('div', 'marginalia-card-source', text(card.source)));
  parts.push(details);
  return parts;
}

function referenceBlock(n: number, reference: ReferenceCard | undefined): HTMLElement {
  const block = element('section', 'marginalia-card-entry');
  const head = element('div', 'marginalia-card-entry-text');
  head.append(element('strong', undefined, `[${n}]`));
  if (!reference) {
    head.append(document.createTextNode(' — '), element('em', undefined, MISSING_ENTRY));
    block.append(head);
    return block;
  }
  head.append(document.createTextNode(` ${text(reference.text)}`));
  block.append(head, element('div', 'marginalia-card-notes', text(reference.notes)));
  const goTo = reference.anchored ? [link('Go to entry', `#${PREVIEW.entryId(n)}`, 'marginalia-card-goto')] : [];
  const links = linksLine(reference.links, goTo);
  if (links) block.append(links);
  return block;
}

export function citationCard(cards: PreviewCards, numbers: readonly number[]): HTMLElement[] {
  return numbers.map((n) => referenceBlock(n, own(cards.references, String(n))));
}

/** The card's content for a mark: an entity's card, or the entries a marker cites. */
export function cardContent(cards: PreviewCards, mark: Element): HTMLElement[] | null {
  const entity = mark.getAttribute(PREVIEW.entityAttribute);
  if (entity !== null) {
    const card = own(cards.entities, entity);
    return card ? entityCard(card) : null;
  }
  const cites = mark.getAttribute(PREVIEW.citesAttribute);
  if (cites !== null) {
    const numbers = [...new Set(cites.split(' ').filter((n) => /^\d{1,7}$/.test(n)).map(Number))];
    return numbers.length ? citationCard(cards, numbers) : null;
  }
  return null;
}

export const CARD_CLASS = CLASSES.card;
