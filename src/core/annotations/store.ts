/**
 * The annotation file of a document, in the W3C Web Annotation Data Model: an
 * AnnotationCollection whose page holds one Annotation per highlight or note. Each targets the
 * document with a TextQuoteSelector and a TextPositionSelector; the note is a markdown
 * TextualBody (purpose `commenting`), each tag a TextualBody (purpose `tagging`), the colour a
 * `styleClass` with its CSS in `stylesheet`. Written with sorted, stable fields so it diffs well.
 *
 * Reading is strict: a file that is not JSON, not a collection, or holds an annotation we cannot
 * read is *damaged*, so that the caller reports it and never writes over what it did not read.
 */
import { colourHex, isAnnotationColour, limits, normaliseTags, type Annotation, type AnnotationColour } from './model.js';

export const annotationContext = 'http://www.w3.org/ns/anno.jsonld';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function annotationJson(annotation: Annotation, source: string): { [key: string]: Json } {
  const body: Json[] = [];
  if (annotation.note !== null) body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: annotation.note });
  for (const tag of annotation.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  const { quote, position } = annotation.target;
  return {
    id: annotation.id,
    type: 'Annotation',
    motivation: annotation.motivation,
    created: annotation.created,
    modified: annotation.modified,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source,
      styleClass: annotation.colour,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
    stylesheet: { type: 'CssStylesheet', value: `.${annotation.colour} { background-color: ${colourHex[annotation.colour]}; }` },
  };
}

/** The collection of a document's annotations; `source` names the document (a relative path or an IRI). */
export function toCollection(annotations: readonly Annotation[], source: string): { [key: string]: Json } {
  return {
    '@context': annotationContext,
    type: 'AnnotationCollection',
    label: `Annotations of ${source}`,
    total: annotations.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: annotations.map((a) => annotationJson(a, source)) },
  };
}

/** The file's text: the collection as indented JSON with a final newline. */
export function serializeAnnotations(annotations: readonly Annotation[], source: string): string {
  return `${JSON.stringify(toCollection(annotations, source), null, 2)}\n`;
}

export type ParsedAnnotations =
  | { readonly kind: 'ok'; readonly annotations: readonly Annotation[] }
  | { readonly kind: 'damaged'; readonly problem: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

const isTime = (value: unknown): value is string => typeof value === 'string' && value.length <= 64 && !Number.isNaN(Date.parse(value));
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isBoundedString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

/** Reads one annotation, or says what is wrong with it. */
export function readAnnotation(value: unknown): Annotation | string {
  if (!isObject(value)) return 'an item is not an object';
  if (typeof value.id !== 'string' || value.id.length === 0 || value.id.length > 500) return 'an annotation has no id';
  const where = `annotation ${value.id}`;
  if (value.type !== 'Annotation') return `${where} is not of type Annotation`;
  if (!isTime(value.created) || !isTime(value.modified)) return `${where} lacks its created or modified time`;
  const target = asArray(value.target)[0];
  if (!isObject(target)) return `${where} has no target`;
  const selectors = asArray(target.selector).filter(isObject);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (!quote || !isBoundedString(quote.exact, limits.quote) || quote.exact.length === 0) return `${where} has no TextQuoteSelector with an exact quote`;
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  if (!isBoundedString(prefix, 10_000) || !isBoundedString(suffix, 10_000)) return `${where} has a prefix or suffix that is not text`;
  if (!position || !isCount(position.start) || !isCount(position.end) || position.end <= position.start) return `${where} has no valid TextPositionSelector`;
  const colour: AnnotationColour = isAnnotationColour(target.styleClass) ? target.styleClass : 'yellow';
  let note: string | null = null;
  const tags: string[] = [];
  for (const body of asArray(value.body)) {
    if (!isObject(body) || !isBoundedString(body.value, limits.note)) return `${where} has a body that is not text`;
    if (body.purpose === 'tagging') tags.push(body.value);
    else note = note === null ? body.value : `${note}\n\n${body.value}`;
  }
  if (note !== null && note.trim() === '') note = null;
  return {
    id: value.id,
    motivation: note === null ? 'highlighting' : 'commenting',
    created: value.created,
    modified: value.modified,
    colour,
    tags: normaliseTags(tags),
    note,
    target: { quote: { exact: quote.exact, prefix, suffix }, position: { start: position.start, end: position.end } },
  };
}

/** Reads an annotation file: a W3C AnnotationCollection (or a bare page or list of annotations). */
export function parseAnnotations(text: string): ParsedAnnotations {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { kind: 'damaged', problem: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  let items: unknown;
  if (Array.isArray(data)) items = data;
  else if (isObject(data) && data.type === 'AnnotationCollection') items = isObject(data.first) ? data.first.items ?? [] : data.first === undefined ? [] : undefined;
  else if (isObject(data) && data.type === 'AnnotationPage') items = data.items ?? [];
  if (!Array.isArray(items)) return { kind: 'damaged', problem: 'not a W3C AnnotationCollection' };
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  for (const item of items) {
    const read = readAnnotation(item);
    if (typeof read === 'string') return { kind: 'damaged', problem: read };
    if (ids.has(read.id)) return { kind: 'damaged', problem: `annotation ${read.id} appears twice` };
    ids.add(read.id);
    annotations.push(read);
  }
  return { kind: 'ok', annotations };
}
