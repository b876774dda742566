// Generates realistic markdown documents of a given size for the benchmark: the sample guide and
// the test fixtures, repeated with mutations (renumbered citations, varied numbers, shuffled
// paragraphs, extra tables and lists), followed by one reference list covering every citation.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const REFERENCE_HEADING = /^(?:#{1,6}\s*)?(?:references|bibliography)\s*$/im;

/** A small deterministic random generator, so every run measures the same documents. */
export function random(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Splits a document at its reference heading into body and entries (`- 12. …` or `12. …` lines). */
function splitReferences(text) {
  const m = REFERENCE_HEADING.exec(text);
  if (!m) return { body: text, entries: [] };
  const body = text.slice(0, m.index);
  const entries = [];
  for (const line of text.slice(m.index + m[0].length).split(/\r?\n/)) {
    const e = /^\s*(?:[-*]\s+)?(\d{1,4})[.)]\s+(.*)$/.exec(line);
    if (e) entries.push({ number: Number(e[1]), text: e[2] });
  }
  return { body, entries };
}

/** Markdown files under `dir` (recursively), except hostile ones. */
function markdownFiles(dir) {
  const out = [];
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      // library/ holds copies of corpus documents (the library's integration tests), not more variety.
      if (name !== 'hostile' && name !== 'library') out.push(...markdownFiles(full));
    } else if (name.endsWith('.md')) out.push(full);
  }
  return out;
}

/** The source documents: the sample guide first, then the fixtures. */
export function sources(root) {
  const seeds = markdownFiles(path.join(root, 'seeds'));
  const fixtures = markdownFiles(path.join(root, 'test', 'fixtures'));
  return [...seeds, ...fixtures].map((file) => ({ file, ...splitReferences(readFileSync(file, 'utf8')) }));
}

/** Shifts every bracketed citation number of `text` by `offset` (`[3]` → `[3+offset]`). */
function renumber(text, offset) {
  return text.replace(/\[(\d{1,3})\]/g, (_, n) => `[${Number(n) + offset}]`);
}

/** Varies the numbers of a paragraph a little so copies are not identical. */
function vary(paragraph, rand) {
  return paragraph.replace(/\b(\d+(?:\.\d+)?)(\s?(?:μM|µM|nM|mM|%|mV|ms|pA))/g, (_, n, unit) => {
    const v = Number(n) * (0.5 + rand());
    return `${v.toFixed(n.includes('.') ? 2 : 0)}${unit}`;
  });
}

function shuffleSome(items, rand) {
  const out = items.slice();
  for (let k = 0; k < out.length / 8; k++) {
    const i = Math.floor(rand() * out.length);
    const j = Math.min(out.length - 1, i + 1);
    // Swap neighbouring paragraphs only: lists and tables stay next to their captions most of the time.
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A generated data table in the style of extracted reviews. */
function table(k, rand, offset) {
  const rows = [];
  for (let r = 0; r < 4 + Math.floor(rand() * 6); r++) {
    const value = (rand() * 100).toFixed(1);
    rows.push(`| compound-${k}-${r} | channel-${r % 3} | IC50 = ${value} μM | ${(rand() * 50).toFixed(0)} ± ${(rand() * 9).toFixed(0)}% | [${offset + 1 + (r % 5)}] |`);
  }
  return [`Table ${k}: Generated measurements, part ${k}`, '', '| Ligand | Target | Potency | Effect | Ref |', '|---|---|---|---|---|', ...rows].join('\n');
}

/**
 * A document of at least `bytes` UTF-16 units: copies of the sources' bodies, each with its
 * citations renumbered to its own block of references, then a reference list of every entry.
 */
export function generateDocument(root, bytes, seed = 1) {
  const rand = random(seed);
  const docs = sources(root).filter((d) => d.body.trim());
  const parts = [];
  const references = [];
  let size = 0;
  let offset = 0;
  let copy = 0;
  while (size < bytes) {
    const doc = docs[copy % docs.length];
    const paragraphs = shuffleSome(doc.body.split(/\n[ \t]*\n/), rand).map((p) => vary(renumber(p, offset), rand));
    if (copy % 3 === 2) paragraphs.splice(Math.floor(paragraphs.length / 2), 0, table(copy, rand, offset));
    const chunk = `## Part ${copy + 1}\n\n${paragraphs.join('\n\n')}\n\n`;
    parts.push(chunk);
    size += chunk.length;
    const count = doc.entries.length ? Math.max(...doc.entries.map((e) => e.number)) : 0;
    for (const e of doc.entries) references.push(`${e.number + offset}. ${e.text}`);
    offset += count;
    copy++;
  }
  return `${parts.join('')}References\n\n${references.join('\n')}\n`;
}

/** A paragraph to paste: prose with citations and a quantity. */
export function pastedParagraph(n) {
  return `A pasted note ${n}: the blocker reduced the current by 42 ± 5% at 10 μM (IC50 = 3.2 μM), as reported before.[1][2] Later work disagreed.[3]`;
}
