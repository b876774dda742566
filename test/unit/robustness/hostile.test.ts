/**
 * The hostile corpus (test/fixtures/hostile/ and shapes generated here): markup and `command:`
 * links in every place a document can put them, and documents of hostile size and shape. The
 * analysis completes in bounded time, stays well-formed, and the hover cards built from it hold
 * the payloads only as escaped text: no HTML, no image, no link but https and Marginalia's own
 * commands.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Link, Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { indexAnalysis } from '../../../src/core/query.js';
import type { Analysis } from '../../../src/core/types.js';
import { citationCard, entityCard, quantityCard } from '../../../src/vscode/hover/cards.js';
import { hoverCommands } from '../../../src/vscode/markdown.js';
import { mutate, mutation } from './arbitraries.js';
import { root, runs } from './corpus.js';
import { violations } from './invariants.js';
import { cpuMs } from '../../support/cpu-time.js';

const dir = path.join(root, 'test', 'fixtures', 'hostile');
const fixtures = readdirSync(dir).filter((n) => n.endsWith('.md')).sort().map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
const PAYLOAD = /<script|<img|<svg|<iframe|onerror|onload|onmouseover|javascript:|command:|&lt;|&#60;|!\[/gi;
const hoverMarkdown = unified().use(remarkParse).use(remarkGfm);
let payloads = 0;
let cases = 0;
let cards = 0;

/** Every hover card the analysis can show: one per citation, mention and quantity. */
function allCards(analysis: Analysis): string[] {
  const index = indexAnalysis(analysis);
  const out: string[] = [];
  analysis.citations.forEach((_, i) => {
    const hit = index.citationAt(analysis.citations[i]!.start);
    if (hit) out.push(citationCard(index, hit, 'file:///hostile.md'));
  });
  for (const m of analysis.entities) out.push(entityCard(index, m));
  for (const q of analysis.quantities) out.push(quantityCard(q) ?? '');
  return out;
}

/** What in rendered hover markdown could act: raw HTML, images, links other than https or our commands. */
function unsafeParts(markdown: string): string[] {
  const out: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'html') out.push(`html: ${node.value}`);
    if (node.type === 'image' || node.type === 'imageReference') out.push(`image: ${node.type === 'image' ? node.url : node.identifier}`);
    if (node.type === 'definition') out.push(`definition: ${node.url}`);
    if (node.type === 'link') {
      const url = (node as Link).url;
      const own = hoverCommands.some((c) => url.startsWith(`command:${c}?`));
      if (!own && !/^https:\/\//.test(url)) out.push(`link: ${url}`);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(hoverMarkdown.parse(markdown));
  return out;
}

/** Checks one hostile text end to end; returns what went wrong. */
function attack(text: string): string[] {
  cases++;
  payloads += (text.match(PAYLOAD) ?? []).length;
  const analysis = analyze(text);
  const problems = violations(analysis, text);
  for (const card of allCards(analysis)) {
    cards++;
    problems.push(...unsafeParts(card));
  }
  for (const r of analysis.references) if (r.url !== null && !/^https?:\/\//i.test(r.url)) problems.push(`reference ${r.number} url ${r.url}`);
  return problems;
}

/** CPU milliseconds to analyse `text`, checking the invariants on the way. */
function timed(text: string): { ms: number; analysis: Analysis } {
  const { ms, value: analysis } = cpuMs(() => analyze(text));
  expect(violations(analysis, text)).toEqual([]);
  cases++;
  return { ms, analysis };
}

// Bounds in CPU time that tell a hang (minutes) from a slow run; CPU time does not stretch when
// other jobs load the machine, as the wall clock does. Speed itself is measured by
// `npm run bench -- --hostile`, not here.
const MS_PER_MB = 15_000;
const HANG_MS = 30_000;
const bound = (text: string) => Math.max(HANG_MS, (text.length / 1_048_576) * MS_PER_MB);

describe('hostile documents', () => {
  test.each(fixtures.map((f) => [f.name, f.text] as const))('%s: analysed, well-formed, hover cards inert', (_, text) => {
    expect(attack(text)).toEqual([]);
    expect(attack(text.replace(/\r?\n/g, '\r\n'))).toEqual([]);
  });

  test('markup in reference titles, cells, ligand names and headings is kept as data, not interpreted', () => {
    const analysis = analyze(fixtures.find((f) => f.name === 'script-payloads.md')!.text);
    expect(analysis.references.map((r) => r.number)).toEqual([1, 2, 3, 4]);
    expect(analysis.references[0]!.text).toContain("<script>alert('reference-title')</script>");
    expect(analysis.tables[0]!.rows[0]!.cells[0]!.text).toBe("<script>alert('cell')</script>-amine");
  });

  test('mutated hostile documents: still well-formed with inert hover cards', () => {
    fc.assert(
      fc.property(fc.nat(fixtures.length - 1), fc.array(mutation, { maxLength: 4 }), (i, mutations) => {
        expect(attack(mutations.reduce(mutate, fixtures[i]!.text))).toEqual([]);
      }),
      { numRuns: runs(300), seed: Number(process.env.MARGINALIA_PROPERTY_SEED) || undefined },
    );
  });
});

describe('hostile sizes and shapes', () => {
  test('an empty document gives an empty analysis', () => {
    const { analysis } = timed('');
    expect([analysis.length, analysis.citations.length, analysis.references.length, analysis.sections.length]).toEqual([0, 0, 0, 0]);
  });

  test('a binary file and invalid UTF-8 opened as text: analysed without error', () => {
    const bytes = Buffer.alloc(64 * 1024);
    let s = 7;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
    for (const text of [bytes.toString('utf8'), bytes.toString('latin1'), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]).toString('utf8'), '\u0000'.repeat(1000), '\ud800\udc00\ud800x\udfff']) {
      expect(timed(text).ms).toBeLessThan(bound(text));
    }
  });

  test('a 2 MB single line is analysed in bounded time', () => {
    const text = 'The blocker inhibits the receptor [1] at 3 μM and the channel (IC50 = 12 nM). '.repeat(27_000);
    const { ms, analysis } = timed(text);
    expect(ms).toBeLessThan(bound(text));
    expect(analysis.length).toBe(text.length);
  });

  test('10,000 nested lists and 10,000 nested block quotes degrade to plain text instead of hanging', () => {
    // Lines short enough (< 20,000 characters) to reach remark, whose container parsing is
    // quadratic in the depth: unguarded, 10,000 nested list items took over a minute.
    const shapes = [`${'- '.repeat(9_990)}x [1]`, `${'* '.repeat(9_000)}y [1]`, `${'>'.repeat(10_000)} x [1]`, `${'1. '.repeat(6_000)}y [1]`, `${'> - '.repeat(4_000)}z [1]`];
    for (const shape of shapes) {
      const text = `${shape}\n\nAfter it, a paragraph cites [2].\n`;
      const { ms, analysis } = timed(text);
      expect(ms).toBeLessThan(HANG_MS);
      expect(analysis.citations.map((c) => c.text)).toEqual(['[1]', '[2]']);
    }
  });

  test('100,000 citation markers are all found, each resolved or reported', () => {
    const paragraphs: string[] = [];
    for (let p = 0; p < 2_000; p++) {
      const sentences = Array.from({ length: 50 }, (_, k) => `Finding ${p * 50 + k} was reported.[${((p * 50 + k) % 400) + 1}]`);
      paragraphs.push(sentences.join(' '));
    }
    const references = Array.from({ length: 300 }, (_, i) => `${i + 1}. Author ${i + 1}. A title. J Pharm. 2019.`);
    const text = `${paragraphs.join('\n\n')}\n\nReferences\n\n${references.join('\n')}\n`;
    const { ms, analysis } = timed(text);
    expect(ms).toBeLessThan(bound(text));
    expect(analysis.citations.length).toBe(100_000);
    expect(new Set(analysis.diagnostics.filter((d) => d.code === 'missing-reference').map((d) => d.number)).size).toBe(100);
  });

  test('unclosed code fences, math and HTML tables are analysed in bounded time', () => {
    for (const text of ['```\n' + 'code [1]\n'.repeat(5_000), '$$\n' + 'x^2 [1]\n'.repeat(5_000), '<table><tr><td>\n' + 'cell [1]\n'.repeat(6_000), '~~~\n'.repeat(3_000)]) {
      expect(timed(text).ms).toBeLessThan(bound(text));
    }
  });

  afterAll(() => {
    console.log(`hostile: ${payloads} payloads in ${cases} documents tried, ${cards} hover cards rendered; none got through`);
  });
});
