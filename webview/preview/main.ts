/**
 * The preview script Marginalia contributes to VS Code's markdown preview
 * (`contributes.markdown.previewScripts`): hover cards on marked ligands, targets and citation
 * markers (on hover and on keyboard focus), and the way back from a reference entry to the marker
 * the reader followed. It reads what the plugin left in the page again after every
 * `vscode.markdown.updateContent`, when the preview replaces or patches its content.
 */
import { CLASSES, PREVIEW, type PreviewCards } from '../../src/vscode/preview/model.js';
import { cardContent, readCards } from './card.js';

const SHOW_DELAY_MS = 300;
const HIDE_DELAY_MS = 250;
const MARK_SELECTOR = `.${CLASSES.mark}`;

/** The cards' JSON last read, and what it holds. */
let cardsJson: string | null = null;
let cards: PreviewCards | null = null;
let card: HTMLElement | null = null;
/** The mark the card is shown for. */
let anchor: Element | null = null;
let showTimer: ReturnType<typeof setTimeout> | undefined;
let hideTimer: ReturnType<typeof setTimeout> | undefined;
/** Set while the script moves the focus itself, so that no card opens for it. */
let movingFocus = false;
/** For each entry the reader reached from a marker: that marker's id. */
const cameFrom = new Map<string, string>();

/**
 * The cards of the content shown now. Read when needed: this script may run before the preview
 * puts its first content in the page, and the content changes on every update.
 */
function currentCards(): PreviewCards | null {
  const json = document.getElementById(PREVIEW.dataId)?.getAttribute(PREVIEW.cardsAttribute) ?? null;
  if (json !== cardsJson) {
    cardsJson = json;
    cards = readCards(json);
  }
  return cards;
}

/** After the preview replaced or patched its content. */
function load(): void {
  if (anchor && !anchor.isConnected) hide();
  for (const [entryId, markerId] of cameFrom) {
    const back = backLinkOf(document.getElementById(entryId));
    if (back && document.getElementById(markerId)) back.setAttribute('href', `#${markerId}`);
  }
}

function cardElement(): HTMLElement {
  if (card?.isConnected) return card;
  card = document.createElement('div');
  card.className = CLASSES.card;
  card.id = 'marginalia-card';
  card.setAttribute('role', 'tooltip');
  card.hidden = true;
  card.addEventListener('mouseenter', () => clearTimeout(hideTimer));
  card.addEventListener('mouseleave', () => scheduleHide());
  document.body.append(card);
  return card;
}

function place(target: HTMLElement, mark: Element): void {
  const rect = mark.getBoundingClientRect();
  const margin = 8;
  target.style.maxWidth = `${Math.max(200, Math.min(720, window.innerWidth - 2 * margin))}px`;
  target.style.left = '0px';
  target.style.top = '0px';
  const { width, height } = target.getBoundingClientRect();
  const below = rect.bottom + 4;
  const above = rect.top - 4 - height;
  const top = below + height <= window.innerHeight - margin || above < margin ? below : above;
  const left = Math.min(Math.max(margin, rect.left), Math.max(margin, window.innerWidth - width - margin));
  target.style.left = `${left + window.scrollX}px`;
  target.style.top = `${top + window.scrollY}px`;
}

function show(mark: Element): void {
  clearTimeout(showTimer);
  clearTimeout(hideTimer);
  const shown = currentCards();
  if (!shown) return;
  const content = cardContent(shown, mark);
  if (!content) return;
  const target = cardElement();
  target.replaceChildren(...content);
  target.hidden = false;
  anchor?.removeAttribute('aria-describedby');
  anchor = mark;
  (focusableIn(mark) ?? mark).setAttribute('aria-describedby', target.id);
  place(target, mark);
}

function hide(): void {
  clearTimeout(showTimer);
  clearTimeout(hideTimer);
  if (card) {
    card.hidden = true;
    card.replaceChildren();
  }
  anchor?.removeAttribute('aria-describedby');
  anchor = null;
}

function scheduleHide(): void {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => {
    const focused = document.activeElement;
    if (card?.matches(':hover') || (focused && card?.contains(focused))) return;
    if (anchor && focused && anchor.contains(focused)) return;
    hide();
  }, HIDE_DELAY_MS);
}

function markOf(node: EventTarget | null): Element | null {
  return node instanceof Element ? node.closest(MARK_SELECTOR) : null;
}

function focusableIn(mark: Element): HTMLElement | null {
  if (mark instanceof HTMLElement && (mark.tabIndex >= 0 || mark instanceof HTMLAnchorElement)) return mark;
  return mark.querySelector<HTMLElement>('a[href], [tabindex]') ?? (mark.closest('a[href]') as HTMLElement | null);
}

function backLinkOf(entry: Element | null): HTMLAnchorElement | null {
  return entry?.querySelector<HTMLAnchorElement>(`a.${CLASSES.back}`) ?? null;
}

/** The entry element holding the element a fragment link points at. */
function entryHolding(id: string): HTMLElement | null {
  const target = document.getElementById(id);
  if (!target) return null;
  return (target.closest(`.${CLASSES.entry}`) as HTMLElement | null) ?? (target.classList.contains(CLASSES.entry) ? target : null);
}

function flash(element: Element | null): void {
  // An empty anchor (an entry whose text could not be wrapped) flashes its block.
  const shown = element && element.textContent === '' ? element.parentElement : element;
  if (!shown) return;
  shown.classList.remove('marginalia-flash');
  void (shown as HTMLElement).offsetWidth;
  shown.classList.add('marginalia-flash');
  setTimeout(() => shown.classList.remove('marginalia-flash'), 1600);
}

/** Moves the focus without scrolling (the webview scrolls to fragment links itself) and without a card. */
function moveFocus(element: HTMLElement | null): void {
  if (!element) return;
  movingFocus = true;
  try {
    element.focus({ preventScroll: true });
  } finally {
    movingFocus = false;
  }
}

/**
 * Brings `element` into view on the next frame if the webview did not scroll to it: VS Code
 * 1.100 scrolls to any fragment link's target itself, later releases only to headings.
 */
function ensureInView(element: Element): void {
  requestAnimationFrame(() => {
    const rect = element.getBoundingClientRect();
    if (rect.bottom <= 0 || rect.top >= window.innerHeight) element.scrollIntoView({ block: 'center' });
  });
}

function fragmentOf(link: Element): string | null {
  const href = link.getAttribute('href');
  if (!href || !href.startsWith('#') || href.length < 2) return null;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
  if (!link) return;
  const id = fragmentOf(link);
  if (!id) return;
  if (link.classList.contains(CLASSES.back)) {
    hide();
    const marker = document.getElementById(id);
    if (marker) {
      moveFocus(focusableIn(marker));
      flash(marker);
      ensureInView(marker);
    }
    return;
  }
  // A marker's link (or a link in its card): the entry's back link will return to this marker.
  const marker = link.closest(`.${CLASSES.citation}`) ?? (card?.contains(link) && anchor?.matches(`.${CLASSES.citation}`) ? anchor : null);
  const entry = entryHolding(id);
  if (!marker?.id || !entry) return;
  hide();
  cameFrom.set(entry.id, marker.id);
  backLinkOf(entry)?.setAttribute('href', `#${marker.id}`);
  moveFocus(entry);
  flash(entry);
  ensureInView(entry);
});

document.addEventListener('mouseover', (event) => {
  const mark = markOf(event.target);
  if (!mark) return;
  clearTimeout(hideTimer);
  if (mark === anchor) return;
  clearTimeout(showTimer);
  showTimer = setTimeout(() => show(mark), SHOW_DELAY_MS);
});

document.addEventListener('mouseout', (event) => {
  const mark = markOf(event.target);
  if (!mark) return;
  const to = event.relatedTarget;
  if (to instanceof Node && (mark.contains(to) || card?.contains(to))) return;
  clearTimeout(showTimer);
  if (mark === anchor) scheduleHide();
});

document.addEventListener('focusin', (event) => {
  if (movingFocus) return;
  const mark = markOf(event.target);
  if (mark) show(mark);
  else if (!(event.target instanceof Node && card?.contains(event.target))) hide();
});

document.addEventListener('focusout', (event) => {
  const to = event.relatedTarget;
  if (to instanceof Node && (card?.contains(to) || anchor?.contains(to))) return;
  if (markOf(event.target) === anchor) scheduleHide();
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && anchor) hide();
});

window.addEventListener('vscode.markdown.updateContent', load);
window.addEventListener('resize', () => hide());
load();
