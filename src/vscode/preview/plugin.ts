/**
 * The markdown-it plugin VS Code's preview loads (`extendMarkdownIt`). It changes nothing of how
 * markdown-it parses: it wraps the renderer, so that each render (which knows its document; the
 * preview's token cache does not) marks the tokens of a document whose current version has been
 * analysed. Anything else, or any failure, renders exactly as without the plugin.
 */
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token';
import type { AnalysisIndex } from '../../core/query.js';
import { decorate, type Decorated, type PreviewAnnotation, type PreviewSettings } from './decorate.js';
import { installRules } from './html.js';

/** What a render is for: the document's text and the analysis of exactly that text. */
export interface PreviewDocument {
  readonly text: string;
  readonly index: AnalysisIndex;
  /** The reader's annotations placed in `text`. */
  readonly annotations?: readonly PreviewAnnotation[];
}

export interface PreviewSource {
  /** The settings, or undefined when `marginalia.preview.enabled` is off. */
  settings(): PreviewSettings | undefined;
  /** The analysed document a render is for (`env` is what the preview passes to the renderer). */
  documentFor(env: unknown): PreviewDocument | undefined;
  error(message: string, error: unknown): void;
}

interface Cached {
  readonly index: AnalysisIndex;
  readonly settings: string;
  readonly decorated: Decorated;
}

const extended = new WeakSet<object>();

export function markdownItPlugin(source: PreviewSource): (md: MarkdownIt) => MarkdownIt {
  return (md) => {
    if (extended.has(md)) return md;
    extended.add(md);
    installRules(md);
    // The preview re-renders the same (cached) tokens when nothing changed: decorate them once.
    const cache = new WeakMap<Token[], Cached>();
    const render = md.renderer.render;
    md.renderer.render = function (this: MarkdownIt['renderer'], tokens, options, env) {
      let decorated: Decorated | undefined;
      try {
        const settings = source.settings();
        const document = settings && source.documentFor(env);
        if (settings && document) {
          const key = JSON.stringify([settings, document.annotations ?? []]);
          const cached = cache.get(tokens);
          if (cached && cached.index === document.index && cached.settings === key) decorated = cached.decorated;
          else {
            decorated = decorate(md, tokens, document.text, document.index, settings, document.annotations);
            cache.set(tokens, { index: document.index, settings: key, decorated });
          }
        }
      } catch (error) {
        source.error('Could not mark the preview', error);
        decorated = undefined;
      }
      if (!decorated) return render.call(this, tokens, options, env);
      return render.call(this, decorated.tokens, options, env) + decorated.trailer;
    };
    return md;
  };
}
