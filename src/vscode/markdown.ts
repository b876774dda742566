/**
 * Building markdown for hovers from untrusted document text. Everything that comes from a
 * document (or a workspace lexicon) goes through {@link escapeMarkdown}; only links we build
 * ourselves, to validated https addresses or to Marginalia's own commands, are left as markup.
 * No `vscode` import: the cards are plain strings, so they can be tested anywhere.
 */

/** Every ASCII punctuation character: CommonMark lets a backslash escape each of them. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Escapes text for markdown: no emphasis, links, autolinks, HTML, entities, code, math, theme
 * icons or table cells can come out of it. Line breaks become spaces (a card never needs the
 * document's own layout, and a line break would end a table row).
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(PUNCTUATION, '\\$&');
}

/** Shortens text to at most `max` characters, on a word boundary when one is near. */
export function shorten(text: string, max: number): string {
  const clean = String(text).replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** One cell of a markdown table: escaped, shortened, never empty (an empty cell reads as "—"). */
export function tableCell(text: string | null | undefined, max = 60): string {
  const value = text == null ? '' : shorten(text, max);
  return value === '' ? '—' : escapeMarkdown(value);
}

/** A markdown table; `rows` are already escaped cells. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header.map(escapeMarkdown)), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The commands a hover may link to; the MarkdownString enables exactly these. */
export const hoverCommands = ['marginalia.revealReference', 'marginalia.goToReference', 'marginalia.goToRecord'] as const;
export type HoverCommand = (typeof hoverCommands)[number];

/** Arguments of {@link hoverCommands}: a document we analysed and a reference number (or, for records, the record's 1-based number). */
export interface ReferenceCommandArgs {
  readonly uri: string;
  readonly number: number;
}

/** A `command:` link with its arguments JSON-encoded as VS Code expects (an array of arguments). */
export function commandLink(label: string, command: HoverCommand, args: ReferenceCommandArgs, title?: string): string {
  const query = encodeURIComponent(JSON.stringify([{ uri: args.uri, number: args.number }]));
  const tooltip = title ? ` "${title.replace(/["\\]/g, '')}"` : '';
  return `[${escapeMarkdown(label)}](command:${command}?${query}${tooltip})`;
}

/** A link to an https address we built from a validated identifier. */
export function externalLink(label: string, url: string): string {
  if (!/^https:\/\/[A-Za-z0-9.-]+\/[A-Za-z0-9._~:/?#@!$&'*+,;=%-]*$/.test(url) || /[()\s]/.test(url)) return escapeMarkdown(label);
  return `[${escapeMarkdown(label)}](${url})`;
}

/** Validates the arguments of a reference command, wherever they come from. */
export function isReferenceCommandArgs(value: unknown): value is ReferenceCommandArgs {
  if (typeof value !== 'object' || value === null) return false;
  const { uri, number } = value as Record<string, unknown>;
  return (
    typeof uri === 'string' && uri.length > 0 && uri.length <= 4096 && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri) &&
    typeof number === 'number' && Number.isInteger(number) && number > 0 && number <= 1_000_000
  );
}
