/**
 * The plain reading of one reference entry: what a reader sees once markdown emphasis, link
 * syntax, HTML tags, escapes and entities are gone and white space is collapsed, with the source
 * offset of every character. Link destinations are kept apart (they may hold the DOI or PMID),
 * and the database links reference lists append (`[PubMed](…)`, `[Google Scholar]`) are dropped
 * from the text but keep their destinations.
 */

/** A link destination written in the entry, with its span in the entry's source. */
export interface Destination {
  readonly url: string;
  readonly start: number;
  readonly end: number;
  /** Whether the link's label is a database word (`[PubMed]`, `[DOI]`): the link is not the work's own URL. */
  readonly database: boolean;
}

export interface EntryPlain {
  readonly text: string;
  /** `offsets[i]` is the source offset of `text[i]`. */
  readonly offsets: readonly number[];
  /** `ends[i]` is the source offset after `text[i]` (after a whole entity or escape). */
  readonly ends: readonly number[];
  readonly destinations: readonly Destination[];
}

/** Labels of the links that databases add after an entry; neither title nor citation. */
export const DATABASE_LABEL =
  /^(?:cross ?ref|pubmed|pub ?med central|google scholar|pmc free article|ref list|doi|free full text|full text|abstract|web of science|scopus|europe ?pmc|pmc|article|link|pdf|html|view article|free article|medline|isi|cas|wos)$/i;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** Where a bare URL or DOI starts: its characters are copied as written (no emphasis is read inside). */
const VERBATIM_START = /^(?:https?:\/\/|www\.|10\.\d{4,9}\/)/i;

interface Link {
  readonly open: number;
  readonly close: number;
  readonly destStart: number;
  readonly destEnd: number;
  readonly end: number;
  readonly database: boolean;
}

/** Markdown links `[label](dest)` / `[label](dest "title")` of the source, outermost only. */
function findLinks(source: string): Map<number, Link> {
  const links = new Map<number, Link>();
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '[' || source[i - 1] === '\\' || source[i - 1] === '!') continue;
    let depth = 0;
    let close = -1;
    for (let k = i + 1; k < source.length && k - i < 2000; k++) {
      const c = source[k];
      if (c === '\\') {
        k++;
        continue;
      }
      if (c === '[') depth++;
      else if (c === ']') {
        if (depth === 0) {
          close = k;
          break;
        }
        depth--;
      }
    }
    if (close < 0 || source[close + 1] !== '(') continue;
    const destStart = close + 2;
    let k = destStart;
    while (k < source.length && !/[\s()]/.test(source[k]!)) k++;
    const destEnd = k;
    while (source[k] === ' ') k++;
    if (source[k] === '"') {
      const q = source.indexOf('"', k + 1);
      if (q < 0) continue;
      k = q + 1;
    }
    if (source[k] !== ')' || destEnd === destStart) continue;
    const label = source.slice(i + 1, close).replace(/\\/g, '').trim();
    links.set(i, { open: i, close, destStart, destEnd, end: k + 1, database: DATABASE_LABEL.test(label) });
    i = close;
  }
  return links;
}

/** Whether `_` at `i` delimits emphasis (it sits at a word's edge, not inside `snake_case`). */
function emphasisUnderscore(source: string, i: number): boolean {
  const before = source[i - 1] ?? ' ';
  const after = source[i + 1] ?? ' ';
  return !(/[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after));
}

/** Reads the plain text of an entry's source. */
export function plainEntry(source: string): EntryPlain {
  const links = findLinks(source);
  const text: string[] = [];
  const offsets: number[] = [];
  const ends: number[] = [];
  const destinations: Destination[] = [];
  /** Offsets where a link's label ends and its `](dest)` must be skipped. */
  const closes = new Map<number, Link>();
  const push = (ch: string, at: number, end = at + 1): void => {
    if (/\s/.test(ch)) {
      if (text.length === 0 || text[text.length - 1] === ' ') return;
      text.push(' ');
    } else text.push(ch);
    offsets.push(at);
    ends.push(end);
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const link = links.get(i);
    if (link) {
      destinations.push({ url: source.slice(link.destStart, link.destEnd), start: link.destStart, end: link.destEnd, database: link.database });
      if (link.database) {
        i = link.end;
        continue;
      }
      closes.set(link.close, link);
      i++;
      continue;
    }
    const closing = closes.get(i);
    if (closing) {
      i = closing.end;
      continue;
    }
    if (c === '\\' && i + 1 < source.length && /[[\]()*_`\\#<>!.-]/.test(source[i + 1]!)) {
      push(source[i + 1]!, i, i + 2);
      i += 2;
      continue;
    }
    if (c === '<') {
      const tag = /^<\/?[a-z][a-z0-9]*(?:\s[^<>]{0,300})?\/?>/i.exec(source.slice(i, i + 320));
      if (tag) {
        i += tag[0].length;
        continue;
      }
      const auto = /^<(https?:\/\/[^<>\s]{1,1000})>/i.exec(source.slice(i, i + 1010));
      if (auto) {
        for (let k = 1; k < auto[0].length - 1; k++) push(source[i + k]!, i + k);
        i += auto[0].length;
        continue;
      }
    }
    if (c === '&') {
      const entity = /^&(#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,8});/i.exec(source.slice(i, i + 12));
      if (entity) {
        const name = entity[1]!;
        const ch = name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : ENTITIES[name.toLowerCase()];
        if (ch !== undefined) {
          push(ch, i, i + entity[0].length);
          i += entity[0].length;
          continue;
        }
      }
    }
    if (c === '*' || (c === '_' && emphasisUnderscore(source, i))) {
      i++;
      continue;
    }
    if ((c === 'h' || c === 'H' || c === 'w' || c === '1') && VERBATIM_START.test(source.slice(i, i + 16))) {
      let k = i;
      while (k < source.length && !/[\s<>]/.test(source[k]!) && !(source[k] === ']' && closes.has(k)) && !(source[k] === ')' && !source.slice(i, k).includes('('))) {
        push(source[k]!, k);
        k++;
      }
      i = k;
      continue;
    }
    push(c, i);
    i++;
  }
  while (text.length > 0 && text[text.length - 1] === ' ') {
    text.pop();
    offsets.pop();
    ends.pop();
  }
  return { text: text.join(''), offsets, ends, destinations };
}
