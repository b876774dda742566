/**
 * IOB files (token TAB tag, a blank line between sentences) rebuilt as documents: tokens joined by
 * single spaces, one sentence per paragraph, with the tagged mentions as entity gold.
 */

export interface Sentence {
  readonly tokens: readonly string[];
  readonly tags: readonly string[];
}

export function readIob(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (tokens.length > 0) sentences.push({ tokens, tags });
    tokens = [];
    tags = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const tab = line.lastIndexOf('\t');
    if (tab < 0) throw new Error(`not a token TAB tag line: ${JSON.stringify(line)}`);
    tokens.push(line.slice(0, tab));
    tags.push(line.slice(tab + 1));
  }
  flush();
  return sentences;
}

export interface BuiltMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface BuiltDocument {
  readonly text: string;
  readonly mentions: readonly BuiltMention[];
}

/**
 * One document from consecutive sentences. A mention starts at `B-` (or at an `I-` that follows
 * no mention, as conlleval reads it) and goes on over the `I-` tags after it.
 */
export function iobDocument(sentences: readonly Sentence[]): BuiltDocument {
  let text = '';
  const mentions: BuiltMention[] = [];
  sentences.forEach((s, k) => {
    if (k > 0) text += '\n\n';
    let open: { start: number; end: number } | null = null;
    const close = () => {
      if (open) mentions.push({ ...open, text: text.slice(open.start, open.end) });
      open = null;
    };
    s.tokens.forEach((token, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += token;
      const tag = s.tags[i]!;
      if (tag.startsWith('B-') || (tag.startsWith('I-') && open === null)) {
        close();
        open = { start, end: text.length };
      } else if (tag.startsWith('I-')) open!.end = text.length;
      else close();
    });
    close();
  });
  return { text: `${text}\n`, mentions };
}

/** Splits a list into `ceil(n / size)` runs of nearly equal length, in order. */
export function evenRuns<T>(items: readonly T[], size: number): T[][] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const runs: T[][] = [];
  for (let k = 0; k < count; k++) runs.push(items.slice(Math.floor((k * items.length) / count), Math.floor(((k + 1) * items.length) / count)));
  return runs;
}
