/**
 * markdown-it set up as VS Code 1.100's preview sets it up (extensions/markdown-language-features
 * `markdownEngine.ts`): markdown-it 12.3.2 with `html: true`, linkify without fuzzy links, the
 * plugins of extensions (here Marginalia's and markdown-math's KaTeX), front matter, and the
 * `data-line` source map. `render` passes the renderer the env the preview passes.
 */
import katex from '@vscode/markdown-it-katex';
import MarkdownIt from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import type Token from 'markdown-it/lib/token';
import { analyze } from '../../../src/core/analyze.js';
import { indexAnalysis } from '../../../src/core/query.js';
import type { PreviewSettings } from '../../../src/vscode/preview/decorate.js';
import { markdownItPlugin, type PreviewDocument } from '../../../src/vscode/preview/plugin.js';

export const allHighlights: PreviewSettings = { highlight: { ligand: true, target: true, chemical: false, citation: true } };

export interface Engine {
  readonly md: MarkdownIt;
  parse(text: string): Token[];
  /** Renders `text` as the preview renders a document, marked from its analysis. */
  render(text: string): string;
  /** Renders without a document (as `markdown.api.render` does for a string): never marked. */
  renderPlain(text: string): string;
}

export function vscodeMarkdownIt(plugins: ((md: MarkdownIt) => MarkdownIt)[]): MarkdownIt {
  let md: MarkdownIt = new MarkdownIt({ html: true, highlight: (str: string): string => md.utils.escapeHtml(str) });
  md.linkify.set({ fuzzyLink: false });
  for (const plugin of plugins) md = plugin(md);
  // As the preview does: front matter's block rule, at a lower precedence than the plugins'.
  let rule: unknown;
  frontMatter({ block: { ruler: { before: (_a: unknown, _b: unknown, r: unknown) => { rule = r; } } } } as never, () => {});
  md.block.ruler.before('fence', 'front_matter', rule as never, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.core.ruler.push('source_map_data_attribute', (state: { tokens: Token[] }) => {
    for (const token of state.tokens) {
      if (token.map && token.type !== 'inline') {
        token.attrSet('data-line', String(token.map[0]));
        token.attrJoin('class', 'code-line');
        token.attrJoin('dir', 'auto');
      }
    }
  });
  md.set({ breaks: false, linkify: true, typographer: false });
  return md;
}

/** An engine whose documents are analysed by Marginalia's core, once per text. */
export function engine(settings: PreviewSettings | undefined = allHighlights): Engine {
  const analysed = new Map<string, PreviewDocument>();
  const documentFor = (env: unknown): PreviewDocument | undefined => {
    const text = (env as { text?: string } | undefined)?.text;
    if (text === undefined) return undefined;
    let document = analysed.get(text);
    if (!document) analysed.set(text, (document = { text, index: indexAnalysis(analyze(text)) }));
    return document;
  };
  const errors: unknown[] = [];
  const md = vscodeMarkdownIt([
    markdownItPlugin({ settings: () => settings, documentFor, error: (_m, e) => errors.push(e) }),
    (m) => m.use(katex, { enableFencedBlocks: true, globalGroup: true, macros: {} }),
  ]);
  const renderWith = (text: string, env: object) => {
    const html = md.renderer.render(md.parse(text, {}), md.options, env);
    if (errors.length) throw errors[0];
    return html;
  };
  return {
    md,
    parse: (text) => md.parse(text, {}),
    render: (text) => renderWith(text, { text }),
    renderPlain: (text) => renderWith(text, {}),
  };
}
