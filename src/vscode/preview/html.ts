/**
 * How the plugin's tokens render. Tag and attribute names are the plugin's own constants (checked
 * again here); every attribute value is escaped, whatever it holds.
 */
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token';
import { CLASSES } from './model.js';

export const TOKEN = {
  open: 'marginalia_open',
  close: 'marginalia_close',
  /** An empty element carrying an entry's id, where the entry's text cannot be wrapped. */
  anchor: 'marginalia_anchor',
} as const;

const TAGS = new Set(['span', 'a']);
const ATTRIBUTE_NAME = /^[a-z][a-z-]*$/;

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attributes(token: Token): string {
  return (token.attrs ?? [])
    .filter(([name]) => ATTRIBUTE_NAME.test(name))
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
}

/** What the plugin's tokens carry. */
export interface MarkMeta {
  /** The mark's number among those placed in one render (see `Decorated.marks`). */
  readonly mark: number;
  /** On an entry's closing token: id of the marker its back link returns to (the script updates it). */
  back?: string | null;
}

function backLink(target: string): string {
  return `<a class="${CLASSES.back}" href="#${escapeAttribute(target)}" title="Back to the citation" aria-label="Back to the citation">↩</a>`;
}

export function installRules(md: MarkdownIt): void {
  md.renderer.rules[TOKEN.open] = (tokens, idx) => {
    const token = tokens[idx]!;
    return TAGS.has(token.tag) ? `<${token.tag}${attributes(token)}>` : '';
  };
  md.renderer.rules[TOKEN.close] = (tokens, idx) => {
    const token = tokens[idx]!;
    if (!TAGS.has(token.tag)) return '';
    const back = (token.meta as MarkMeta | null)?.back;
    return `${back ? `\u00a0${backLink(back)}` : ''}</${token.tag}>`;
  };
  md.renderer.rules[TOKEN.anchor] = (tokens, idx) => `<span${attributes(tokens[idx]!)}></span>`;
}
