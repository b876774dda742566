/**
 * The remark processor for one chunk: remark-parse with GFM and math, less the syntax extensions
 * that cannot match in it. Each GFM construct needs a character the chunk may lack (a table a
 * `|`, strikethrough a `~`, a footnote `[^`, a task `[ ]`, an e-mail autolink `@`, a web one
 * `www.` or `http(s)://`), yet micromark tries it at every line or word start (the e-mail autolink
 * at every alphanumeric word): a chunk without the character parses to the same tree without it,
 * faster.
 */
import type { Extension } from 'micromark-util-types';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Root, RootContent } from 'mdast';

/** A GFM feature: the micromark constructs it adds (by name) and when a chunk may hold it. */
interface Feature {
  readonly constructs: readonly string[];
  readonly possible: (text: string) => boolean;
}

const FEATURES: readonly Feature[] = [
  { constructs: ['wwwAutolink', 'protocolAutolink'], possible: (t) => /www\.|https?:\/\//i.test(t) },
  { constructs: ['gfmFootnoteCall', 'gfmPotentialFootnoteCall', 'gfmFootnoteDefinition'], possible: (t) => t.includes('[^') },
  { constructs: ['strikethrough'], possible: (t) => t.includes('~') },
  { constructs: ['table'], possible: (t) => t.includes('|') },
  { constructs: ['tasklistCheck'], possible: (t) => /\[[\sxX]\]/.test(t) },
  // Tried at every word start, and never matched without an `@` in the source.
  { constructs: ['emailAutolink'], possible: (t) => t.includes('@') },
  // The autolink transform (no construct): it reads text after character references are decoded (`&#64;`), so `&` too.
  { constructs: [], possible: (t) => /[@&]|www\.|https?:\/\//i.test(t) },
];
const STRIKETHROUGH = 2;
const AUTOLINK_TRANSFORM = 6;
const MATH = FEATURES.length;

/** remark-gfm's own extensions, taken from a processor it configured (so they stay its version's). */
const gfmData = unified().use(remarkGfm).freeze().data();
const gfmSyntax = gfmData.micromarkExtensions![0] as Extension;
const gfmTrees = gfmData.fromMarkdownExtensions![0] as FromMarkdownExtension[];

type Constructs = Record<string, unknown>;

/** `extension` without the constructs named in `dropped` (and without `~` as an attention marker when strikethrough goes). */
function withoutConstructs(extension: Extension, dropped: ReadonlySet<string>, noTilde: boolean): Extension {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(extension)) {
    if (field === 'attentionMarkers') {
      const markers = (value as { null?: number[] }).null ?? [];
      const kept = noTilde ? markers.filter((code) => code !== 126) : markers;
      if (kept.length > 0) out[field] = { null: kept };
      continue;
    }
    const record: Constructs = {};
    for (const [code, constructs] of Object.entries(value as Constructs)) {
      const list = (Array.isArray(constructs) ? constructs : [constructs]) as { name?: string }[];
      const kept = list.filter((c) => !dropped.has(c.name ?? ''));
      if (kept.length > 0) record[code] = Array.isArray(constructs) ? kept : kept[0];
    }
    if (Object.keys(record).length > 0) out[field] = record;
  }
  return out as Extension;
}

type Transform = NonNullable<FromMarkdownExtension['transforms']>[number];

/**
 * The autolink literal transform's searches (URL, xmpp, mailto, email) all need an `@`, `www.` or
 * `http(s)://` in one text node's value (decoded, so unlike the chunk's test no `&` is needed).
 */
const LITERAL = /@|www\.|https?:\/\//i;

/** Whether `node` or a node below it is a text node whose value may hold an autolink literal (never inside a link, which the transform skips). */
function mayHoldLiteral(node: RootContent): boolean {
  if (node.type === 'text') return LITERAL.test(node.value);
  if (node.type === 'link' || node.type === 'linkReference' || !('children' in node)) return false;
  for (const child of node.children) if (mayHoldLiteral(child)) return true;
  return false;
}

/**
 * `transform` on the top-level blocks that may hold a literal only: it walks every node four times
 * (once per search), and it only splits text nodes inside a block, so the tree comes out the same.
 */
function scopedTransform(transform: Transform): Transform {
  return (tree) => {
    const children = tree.children.filter(mayHoldLiteral);
    if (children.length === 0) return undefined;
    // The transform changes the tree in place (it returns nothing): the blocks are the tree's own.
    transform(children.length === tree.children.length ? tree : { ...tree, children });
    return undefined;
  };
}

const processors = new Map<number, Processor<Root>>();

function processorFor(mask: number): Processor<Root> {
  let processor = processors.get(mask);
  if (processor) return processor;
  const dropped = new Set(FEATURES.flatMap((f, i) => (mask & (1 << i) ? [] : f.constructs)));
  const syntax = withoutConstructs(gfmSyntax, dropped, (mask & (1 << STRIKETHROUGH)) === 0);
  // Without autolinks, their tree transform (a search of every text node) has nothing to find;
  // with them, it searches only the blocks whose text may hold one.
  const trees = gfmTrees.map((e) => (e.transforms ? { ...e, transforms: mask & (1 << AUTOLINK_TRANSFORM) ? e.transforms.map(scopedTransform) : [] } : e));
  const base = unified()
    .use(remarkParse)
    .use(function subsetGfm(this: Processor) {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(syntax);
      (data.fromMarkdownExtensions ??= []).push(trees);
    });
  processor = (mask & (1 << MATH) ? base.use(remarkMath) : base) as unknown as Processor<Root>;
  processors.set(mask, processor);
  return processor;
}

/** The features `text` may hold, as a mask (bit i: FEATURES[i]; then math, which starts only at a `$`). */
export function featureMask(text: string): number {
  let mask = 0;
  FEATURES.forEach((f, i) => {
    if (f.possible(text)) mask |= 1 << i;
  });
  if (text.includes('$')) mask |= 1 << MATH;
  return mask;
}

/** Every feature on: remark-parse + remark-gfm + remark-math as configured by their plugins. */
export const ALL_FEATURES = (1 << (MATH + 1)) - 1;

/** The processor for `text`: its tree equals that of remark-parse + remark-gfm (+ remark-math with a `$`). */
export function processorForText(text: string): Processor<Root> {
  return processorFor(featureMask(text));
}

export function processorWith(mask: number): Processor<Root> {
  return processorFor(mask);
}
