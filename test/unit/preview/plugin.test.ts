/**
 * The markdown-it plugin as the preview uses it: it marks only renders of an analysed document,
 * follows the settings, decorates a version's tokens once, and renders as without it on failure.
 */
import type Token from 'markdown-it/lib/token';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { indexAnalysis, type AnalysisIndex } from '../../../src/core/query.js';
import type { PreviewSettings } from '../../../src/vscode/preview/decorate.js';
import { markdownItPlugin, type PreviewSource } from '../../../src/vscode/preview/plugin.js';
import { read } from './documents.js';
import { engine, vscodeMarkdownIt } from './engine.js';

const text = read('test/fixtures/documents/review-numbered-references.md');
const index = indexAnalysis(analyze(text));

function withSource(source: Partial<PreviewSource> & { settings(): PreviewSettings | undefined }) {
  const errors: string[] = [];
  const md = vscodeMarkdownIt([markdownItPlugin({ documentFor: () => ({ text, index }), error: (m) => errors.push(m), ...source })]);
  const plain = vscodeMarkdownIt([]);
  return { md, errors, plain: plain.renderer.render(plain.parse(text, {}), plain.options, {}) };
}

const on: PreviewSettings = { highlight: { ligand: true, target: true, chemical: false, citation: true } };

describe('the markdown-it plugin', () => {
  test('with marginalia.preview.enabled off, the preview renders as without Marginalia', () => {
    const { md, plain } = withSource({ settings: () => undefined });
    expect(md.renderer.render(md.parse(text, {}), md.options, {})).toBe(plain);
  });

  test('a render without a document (markdown.api.render of a string) is not marked', () => {
    const e = engine();
    expect(e.renderPlain(text)).not.toContain('marginalia');
    expect(e.render(text)).toContain('marginalia-citation');
  });

  test('a kind whose highlight is off keeps its marks, links and cards, without its colour', () => {
    const { md } = withSource({ settings: () => ({ highlight: { ligand: false, target: true, chemical: false, citation: false } }) });
    const html = md.renderer.render(md.parse(text, {}), md.options, {});
    const classes = (kind: string) => [...html.matchAll(new RegExp(`class="(marginalia-mark marginalia-${kind}[^"]*)"`, 'g'))].map((m) => m[1]);
    expect(new Set(classes('ligand'))).toEqual(new Set(['marginalia-mark marginalia-ligand marginalia-plain']));
    expect(new Set(classes('target'))).toEqual(new Set(['marginalia-mark marginalia-target']));
    expect(classes('ligand').length).toBe(index.analysis.entities.filter((m) => m.kind === 'ligand').length);
    expect(html).toContain('<span class="marginalia-mark marginalia-citation marginalia-plain" id="marginalia-cite-0" data-marginalia-cites="1 3">[<a class="marginalia-part" href="#marginalia-ref-1">1</a>, <a class="marginalia-part" href="#marginalia-ref-3">3</a>]</span>');
  });

  test("the same version's tokens are marked once, however often the preview renders them", () => {
    let reads = 0;
    const counted = new Proxy(index, { get: (target, key) => (key === 'analysis' && reads++, Reflect.get(target, key)) }) as AnalysisIndex;
    const { md } = withSource({ settings: () => on, documentFor: () => ({ text, index: counted }) });
    const tokens: Token[] = md.parse(text, {});
    const first = md.renderer.render(tokens, md.options, {});
    const afterFirst = reads;
    expect(md.renderer.render(tokens, md.options, {})).toBe(first);
    expect(reads).toBe(afterFirst);
    expect(afterFirst).toBeGreaterThan(0);
  });

  test('a failure while marking is logged and the page renders as without Marginalia', () => {
    const broken = { ...index, get analysis(): never { throw new Error('broken analysis'); } } as AnalysisIndex;
    const { md, errors, plain } = withSource({ settings: () => on, documentFor: () => ({ text, index: broken }) });
    expect(md.renderer.render(md.parse(text, {}), md.options, {})).toBe(plain);
    expect(errors).toEqual(['Could not mark the preview']);
  });

  test('extending the same markdown-it twice changes nothing more', () => {
    const { md } = withSource({ settings: () => on });
    const plugin = markdownItPlugin({ settings: () => on, documentFor: () => ({ text, index }), error: () => {} });
    const once = md.renderer.render(md.parse(text, {}), md.options, {});
    expect(plugin(plugin(md)) === md).toBe(true);
    const html = md.renderer.render(md.parse(text, {}), md.options, {});
    expect(html).toBe(once);
    expect(html.match(/id="marginalia-preview-data"/g)).toHaveLength(1);
  });
});
