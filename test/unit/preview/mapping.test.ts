/**
 * The preview plugin's mapping of analysis offsets onto markdown-it's tokens, with the real
 * markdown-it 12.3.2 set up as VS Code's preview sets it up (KaTeX math, front matter, linkify,
 * `data-line`), on the sample guide, every fixture, the hostile files and rebuilt benchmark
 * documents.
 */
import type Token from 'markdown-it/lib/token';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { indexAnalysis, type AnalysisIndex } from '../../../src/core/query.js';
import { decorate, type Decorated } from '../../../src/vscode/preview/decorate.js';
import { TOKEN, type MarkMeta } from '../../../src/vscode/preview/html.js';
import { sourceText } from '../../../src/vscode/preview/source-text.js';
import { documents, read, textOf } from './documents.js';
import { allHighlights, engine } from './engine.js';
import { cpuMs } from '../../support/cpu-time.js';

const e = engine();
const { md } = e;

interface Rendered {
  readonly text: string;
  readonly index: AnalysisIndex;
  readonly tokens: Token[];
  readonly env: object;
  readonly decorated: Decorated;
}

function decorated(text: string, vscodeTokens?: Token[]): Rendered {
  const env = {};
  const tokens = vscodeTokens ?? md.parse(text, env);
  const index = indexAnalysis(analyze(text));
  return { text, index, tokens, env, decorated: decorate(md, tokens, text, index, allHighlights) };
}

/** Renders with the plugin's own tokens rendered by `rules` (the plugin's rules otherwise). */
function renderWith(tokens: Token[], rules?: { open: (meta: MarkMeta) => string; close: (meta: MarkMeta) => string; anchor: (meta: MarkMeta) => string }): string {
  const saved = { open: md.renderer.rules[TOKEN.open], close: md.renderer.rules[TOKEN.close], anchor: md.renderer.rules[TOKEN.anchor] };
  if (rules) {
    md.renderer.rules[TOKEN.open] = (t, i) => rules.open(t[i]!.meta as MarkMeta);
    md.renderer.rules[TOKEN.close] = (t, i) => rules.close(t[i]!.meta as MarkMeta);
    md.renderer.rules[TOKEN.anchor] = (t, i) => rules.anchor(t[i]!.meta as MarkMeta);
  }
  try {
    return md.renderer.render(tokens, md.options, {});
  } finally {
    Object.assign(md.renderer.rules, { [TOKEN.open]: saved.open, [TOKEN.close]: saved.close, [TOKEN.anchor]: saved.anchor });
  }
}

const empty = { open: () => '', close: () => '', anchor: () => '' };
const sentinels = { open: (m: MarkMeta) => `\u27e6${m.mark}\u27e7`, close: (m: MarkMeta) => `\u27e6/${m.mark}\u27e7`, anchor: (m: MarkMeta) => `\u27e6${m.mark}/\u27e7` };

/** The HTML inside each mark, by mark number. */
function insides(tokens: Token[]): Map<number, string> {
  const html = renderWith(tokens, sentinels);
  const found = new Map<number, string>();
  for (const match of html.matchAll(/\u27e6(\d+)\u27e7/g)) {
    const n = Number(match[1]);
    const end = html.indexOf(`\u27e6/${n}\u27e7`, match.index);
    found.set(n, html.slice(match.index + match[0].length, end).replace(/\u27e6\/?\d+\/?\u27e7/g, ''));
  }
  return found;
}

const all = documents();

describe('marks are added to the preview and nothing else changes', () => {
  test.each(all.map((d) => [d.name, d.text]))('%s: with the marks rendered empty, the page is byte for byte the page without the plugin', (_name, text) => {
    const { decorated: d } = decorated(text);
    expect(renderWith(d.tokens, empty)).toBe(e.renderPlain(text));
  });

  test.each(all.map((d) => [d.name, d.text]))("%s: the preview's cached tokens are left as they were", (_name, text) => {
    const tokens = md.parse(text, {});
    const before = JSON.stringify(tokens);
    decorated(text, tokens);
    expect(JSON.stringify(tokens)).toBe(before);
  });
});

describe('every mark holds exactly the text of its source range', () => {
  test.each(all.map((d) => [d.name, d.text]))('%s', (_name, text) => {
    const r = decorated(text);
    const src = sourceText(text).src;
    const inside = insides(r.decorated.tokens);
    const wrapped = r.decorated.marks.filter((m) => m.kind !== 'anchor');
    expect(inside.size).toBe(wrapped.length);
    r.decorated.marks.forEach((mark, n) => {
      if (mark.kind === 'anchor') return;
      // The source range rendered on its own (block syntax at line starts dropped, as the block rules drop it).
      const slice = src.slice(mark.from, mark.to).replace(/\n[ \t>]*/g, '\n');
      expect(textOf(inside.get(n)!), `${mark.kind} ${JSON.stringify(slice)}`).toBe(textOf(md.renderInline(slice, r.env)));
    });
  });

  test('each mark of an entity or a marker is at the offsets the analysis gives, in a document with CRLF endings', () => {
    const text = read('test/fixtures/documents/pdf-superscripts-crlf.md');
    const r = decorated(text);
    const source = sourceText(text);
    const entities = r.decorated.marks.filter((m) => m.kind === 'entity').map((m) => [m.from, m.to]);
    expect(entities).toEqual(r.index.analysis.entities.map((m) => [source.toSrc(m.start), source.toSrc(m.end)]));
    const citations = r.decorated.marks.filter((m) => m.kind === 'citation').map((m) => [m.from, m.to]);
    expect(citations).toEqual(r.index.analysis.citations.map((c) => [source.toSrc(c.start), source.toSrc(c.end)]));
  });
});

describe('the sample guide', () => {
  const text = read('seeds/sigma1-receptor-nmda-ion-channels.md');
  const r = decorated(text);
  const html = renderWith(r.decorated.tokens) + r.decorated.trailer;

  test('every ligand, target and marker is marked, and every entry has one anchor', () => {
    const { analysis } = r.index;
    expect(r.decorated.counts).toEqual({ entities: analysis.entities.length, citations: analysis.citations.length, links: 99, entries: 26 });
    // 201 names and 7 salts and ions (KCl, NaCl, CO₂, Ca²⁺, Mg²⁺…) read as other chemicals by the element grammar.
    expect(analysis.entities.length).toBe(208);
    expect(analysis.citations.length).toBe(59);
    const anchors = [...html.matchAll(/ id="marginalia-ref-(\d+)"/g)].map((m) => Number(m[1]));
    expect(anchors).toEqual([...new Set(analysis.references.map((ref) => ref.number))]);
  });

  test('`^{[1][2]}` is one marker with a link on each number', () => {
    expect(html).toContain('functions.<span class="marginalia-mark marginalia-citation" id="marginalia-cite-0" data-marginalia-cites="1 2">^{[<a class="marginalia-part" href="#marginalia-ref-1">1</a>][<a class="marginalia-part" href="#marginalia-ref-2">2</a>]}</span>');
  });

  test('`[21]` links to the element holding entry 21, whose back link returns to the first marker citing it', () => {
    expect(html).toContain('<a class="marginalia-mark marginalia-citation" id="marginalia-cite-34" data-marginalia-cites="21" href="#marginalia-ref-21">[21]</a>');
    expect(html).toContain('<span class="marginalia-entry" id="marginalia-ref-21" data-marginalia-entry="21" tabindex="-1">journals.physiology.org [journals.physiology.org]\u00a0<a class="marginalia-back" href="#marginalia-cite-23" title="Back to the citation" aria-label="Back to the citation">↩</a></span>');
  });

  test("a row of the tab-separated table marks (+)-Pentazocine and leaves the KaTeX math of `$\\text{IC}_{50} = 61 \\mu\\text{M}$` as it was", () => {
    const row = html.split('\n').find((line) => line.includes('(+)-Pentazocine') && line.includes('61'))!;
    expect(row.startsWith('<span class="marginalia-mark marginalia-target" data-marginalia-entity="target:hva-cav-channels" tabindex="0">High-Voltage Activated Ca^{2+} Current</span>\t<span class="marginalia-mark marginalia-ligand" data-marginalia-entity="ligand:plus-pentazocine" tabindex="0">(+)-Pentazocine</span>\t<span class="katex">')).toBe(true);
    const math = md.renderInline('$\\text{IC}_{50} = 61 \\mu\\text{M}$');
    expect(row).toContain(math);
  });

  test('(+)-Pentazocine is marked wherever it is written, with its entity', () => {
    const marks = [...html.matchAll(/<span class="marginalia-mark marginalia-ligand" data-marginalia-entity="ligand:plus-pentazocine" tabindex="0">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(marks).toEqual(['(+)-Pentazocine', '(+)-Pentazocine', '(+)-pentazocine']);
  });
});

describe('artefacts of converted documents', () => {
  const render = (name: string) => {
    const r = decorated(read(name));
    return renderWith(r.decorated.tokens);
  };

  test('HTML tables: nothing inside an HTML block is marked; `Na<sub>v</sub>1.5` and `<sup>13</sup>` in prose are', () => {
    const text = read('test/fixtures/tables/ion-channel-blockers-html.md');
    const html = render('test/fixtures/tables/ion-channel-blockers-html.md');
    expect(html).toContain('<span class="marginalia-mark marginalia-target" data-marginalia-entity="target:scn5a" tabindex="0">Na<sub>v</sub>1.5</span> current');
    // Reference 13 has no entry: the marker is focusable for its card, but links nowhere.
    expect(html).toContain('earlier.<span class="marginalia-mark marginalia-citation" id="marginalia-cite-0" data-marginalia-cites="13" tabindex="0"><sup>13</sup></span>');
    const table = text.slice(text.indexOf('<table>'), text.indexOf('</table>') + 8);
    expect(html).toContain(table);
  });

  test("converter links (`[\\[1\\]](#page-12-0)`) keep their own link, inside the marker's mark", () => {
    const html = render('test/fixtures/documents/marker-pdf-links.md');
    expect(html).toContain('<span class="marginalia-mark marginalia-citation" id="marginalia-cite-0" data-marginalia-cites="1"><a href="#page-12-0">[1]</a></span>');
    expect(html).toContain('<span class="marginalia-mark marginalia-citation" id="marginalia-cite-1" data-marginalia-cites="2 3"><a href="#page-12-1">[2,</a> <a href="#page-12-2">3]</a></span>');
    expect(html).toContain('<sup><span class="marginalia-mark marginalia-citation" id="marginalia-cite-2" data-marginalia-cites="4"><a href="#ref-4">4</a></span></sup>');
    expect(html).toContain('<li data-line="11" class="code-line" dir="auto"><span class="marginalia-entry" id="marginalia-ref-1" data-marginalia-entry="1" tabindex="-1"><span id="page-12-0"></span>[1] A. Author');
  });

  test('glued Unicode superscripts and CRLF line endings: `channels¹,⁶` links each number', () => {
    const html = render('test/fixtures/documents/pdf-superscripts-crlf.md');
    expect(html).toContain('N-type channels<span class="marginalia-mark marginalia-citation" id="marginalia-cite-1" data-marginalia-cites="1 6"><a class="marginalia-part" href="#marginalia-ref-1">¹</a>,<a class="marginalia-part" href="#marginalia-ref-6">⁶</a></span> and');
    expect(html).toContain('<a class="marginalia-mark marginalia-citation" id="marginalia-cite-2" data-marginalia-cites="3 4 5" href="#marginalia-ref-3">³⁻⁵</a>');
  });

  test('footnote definitions read as one paragraph: each entry is wrapped where it starts', () => {
    const html = render('test/fixtures/documents/footnotes-gfm.md');
    expect(html).toContain('<p data-line="13" class="code-line" dir="auto"><span class="marginalia-entry" id="marginalia-ref-1" data-marginalia-entry="1" tabindex="-1">[^1]: Halberstadt AL');
    expect(html).toContain('\n<span class="marginalia-entry" id="marginalia-ref-2" data-marginalia-entry="2" tabindex="-1">[^2]: Leysen JE');
    expect(html).toContain('affinity<a class="marginalia-mark marginalia-citation" id="marginalia-cite-0" data-marginalia-cites="1" href="#marginalia-ref-1">[^1]</a>');
  });

  test('block quotes, lists, emphasis, entities, code spans, links, autolinks, escaped table pipes and CRLF', () => {
    const text = [
      '> **Haloperidol** blocks the D2 receptor [1].',
      '> - Aripiprazole &amp; `clozapine` in a quoted list [2]',
      '',
      '1. An item on *quinpirole* with a [link](https://example.org "t") [3].',
      '   A continued line: [clozapine](#x) [1, 3].',
      '',
      '| Ligand | Target |',
      '|---|---|',
      '| Sulpiride \\| raclopride | D3 receptor [2] |',
      '',
      'See <https://example.org/a> for spiperone.[4]',
      '',
      '## References',
      '',
      '1. Smith J. Haloperidol binding. 2019.',
      '2. Doe A. Receptor binding. 2020.',
      '3. Roe B. Title. 2018.',
      '4. Poe C. Methods. 2017.',
      '',
    ].join('\r\n');
    const r = decorated(text);
    const html = renderWith(r.decorated.tokens);
    const ligand = (id: string, written: string) => `<span class="marginalia-mark marginalia-ligand" data-marginalia-entity="ligand:${id}" tabindex="0">${written}</span>`;
    const cite = (i: number, n: number) => `<a class="marginalia-mark marginalia-citation" id="marginalia-cite-${i}" data-marginalia-cites="${n}" href="#marginalia-ref-${n}">[${n}]</a>`;
    expect(html).toContain(`<strong>${ligand('haloperidol', 'Haloperidol')}</strong> blocks the <span class="marginalia-mark marginalia-target" data-marginalia-entity="target:drd2" tabindex="0">D2 receptor</span> ${cite(0, 1)}.`);
    expect(html).toContain(`${ligand('aripiprazole', 'Aripiprazole')} &amp; <code>clozapine</code> in a quoted list ${cite(1, 2)}`);
    expect(html).toContain(`An item on <em>${ligand('quinpirole', 'quinpirole')}</em> with a <a href="https://example.org" title="t">link</a> ${cite(2, 3)}.`);
    expect(html).toContain(`<a href="#x">${ligand('clozapine', 'clozapine')}</a> <span class="marginalia-mark marginalia-citation" id="marginalia-cite-3" data-marginalia-cites="1 3">[<a class="marginalia-part" href="#marginalia-ref-1">1</a>, <a class="marginalia-part" href="#marginalia-ref-3">3</a>]</span>`);
    expect(html).toContain(`<td>${ligand('sulpiride', 'Sulpiride')} | ${ligand('raclopride', 'raclopride')}</td>`);
    expect(html).toContain(`See <a href="https://example.org/a">https://example.org/a</a> for ${ligand('spiperone', 'spiperone')}.${cite(5, 4)}`);
  });
});

describe('what cannot be placed exactly is left unmarked', () => {
  test("with markdown-it's typographer on, a paragraph whose text it rewrites keeps no marks; the others keep theirs", () => {
    const text = 'Haloperidol (c) blocks D2 receptors -- strongly [1].\n\nHaloperidol blocks D2 receptors [1].\n\nReferences\n\n1. Smith J. Title. 2019.\n';
    const typographic = engine();
    typographic.md.set({ typographer: true });
    const index = indexAnalysis(analyze(text));
    const d = decorate(typographic.md, typographic.md.parse(text, {}), text, index, allHighlights);
    const html = typographic.md.renderer.render(d.tokens, typographic.md.options, {});
    const [first, second] = html.split('\n');
    expect(first).toBe('<p data-line="0" class="code-line" dir="auto">Haloperidol © blocks D2 receptors – strongly [1].</p>');
    expect(second).toContain('data-marginalia-entity="ligand:haloperidol"');
    expect(second).toContain('href="#marginalia-ref-1"');
  });

  test('a mark whose range would cross a link, emphasis or an HTML element is not placed', () => {
    // An analysis that claims spans across markup (no real analysis does): each is refused.
    const text = 'The *haloperidol effect* and [linked text](#x) and <b>bold</b> text [1].\n\nReferences\n\n1. Smith J. Title. 2019.\n';
    const index = indexAnalysis(analyze(text));
    const at = (s: string, len: number) => ({ start: text.indexOf(s), end: text.indexOf(s) + len });
    const forged = ['*halo', 'ed text](#x) and', '<b>bold', 'effect* and'].map((s, k) => ({
      ...at(s, s.length), kind: 'ligand' as const, text: s, id: `ligand:forged-${k}`, name: 'forged', source: 'lexicon' as const,
    }));
    const forgedIndex = indexAnalysis({ ...index.analysis, entities: forged.sort((a, b) => a.start - b.start) });
    const d = decorate(md, md.parse(text, {}), text, forgedIndex, allHighlights);
    expect(d.counts.entities).toBe(0);
    expect(d.counts.citations).toBe(1);
  });
});

// Bounds in CPU time (test/support/cpu-time.ts): they tell a hang from a slow run on a loaded
// machine; speed itself is the bench's.
describe('generated shapes are placed in bounded time', () => {
  test('100,000 citation markers in 2,000 paragraphs are all placed', () => {
    const paragraphs: string[] = [];
    for (let p = 0; p < 2_000; p++) paragraphs.push(Array.from({ length: 50 }, (_, k) => `Finding ${p * 50 + k} was reported.[${((p * 50 + k) % 400) + 1}]`).join(' '));
    const references = Array.from({ length: 300 }, (_, i) => `${i + 1}. Author ${i + 1}. A title. J Pharm. 2019.`);
    const text = `${paragraphs.join('\n\n')}\n\nReferences\n\n${references.join('\n')}\n`;
    const tokens = md.parse(text, {});
    const index = indexAnalysis(analyze(text));
    const { ms, value: d } = cpuMs(() => decorate(md, tokens, text, index, allHighlights));
    expect(d.counts.citations).toBe(100_000);
    expect(d.counts.entries).toBe(300);
    expect(ms).toBeLessThan(10_000);
  });

  test('a 2 MB single line is placed in bounded time', () => {
    const text = 'The blocker inhibits the receptor [1] at 3 μM and the channel (IC50 = 12 nM). '.repeat(27_000);
    const tokens = md.parse(text, {});
    const index = indexAnalysis(analyze(text));
    const { ms, value: d } = cpuMs(() => decorate(md, tokens, text, index, allHighlights));
    expect(ms).toBeLessThan(10_000);
    expect(d.counts.citations).toBe(27_000);
  });
});
