/**
 * The preview's hover cards say what the editor's cards say, and what travels with the rendered
 * page is data: escaped attribute values, names and values of the plugin's own, payloads as text.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { indexAnalysis } from '../../../src/core/query.js';
import { citationCard, entityCard as editorEntityCard } from '../../../src/vscode/hover/cards.js';
import { entityCard, previewCards } from '../../../src/vscode/preview/cards.js';
import { decorate } from '../../../src/vscode/preview/decorate.js';
import { PREVIEW, type PreviewCards } from '../../../src/vscode/preview/model.js';
import { documents, openingTags, read, textOf } from './documents.js';
import { allHighlights, engine } from './engine.js';

const plain = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const guide = read('seeds/sigma1-receptor-nmda-ion-channels.md');
const index = indexAnalysis(analyze(guide));
const { md, render } = engine();

/** The card content a rendered page carries. */
function cardsOf(html: string): PreviewCards {
  const match = new RegExp(`<div id="${PREVIEW.dataId}" hidden ${PREVIEW.cardsAttribute}="([^"]*)"></div>`).exec(html);
  expect(match, 'the page holds its cards').not.toBeNull();
  return JSON.parse(textOf(match![1]!)) as PreviewCards;
}

describe('cards say what the editor cards say', () => {
  const ids = [...new Set(index.analysis.entities.map((m) => m.id))];

  test.each(ids)('%s', (id) => {
    const editor = plain(editorEntityCard(index, index.mentionsOf(id)[0]!));
    const card = entityCard(index, id)!;
    const [header, ...rest] = editor.split('\n\n');
    expect(header).toBe(`**${card.name}** — ${card.kind}  \n${card.summary}`);
    const table = card.records ? [`| ${card.records.header.join(' | ')} |`, `| ${card.records.header.map(() => '---').join(' | ')} |`, ...card.records.rows.map((row) => `| ${row.join(' | ')} |`)].join('\n') : null;
    const details = [
      card.identifiers.map((i) => (i.url ? `[${i.label}](${i.url})` : i.label)).join(' · '),
      card.related,
      card.source,
    ].filter(Boolean).join('  \n');
    expect(rest).toEqual(table ? [table, details] : [details]);
  });

  test("(+)-pentazocine's card holds both of its records", () => {
    const card = entityCard(index, 'ligand:plus-pentazocine')!;
    expect(card.name).toBe('(+)-pentazocine');
    expect(card.kind).toBe('ligand · sigma-1 receptor agonist');
    expect(card.summary).toBe('Written here as “(+)-Pentazocine”, “(+)-pentazocine” · mentioned 3 times · 2 records');
    expect(card.records!.rows).toEqual([
      ['NMDA receptor', '1 μM', 'Potentiation (+56.5 ± 4.87%)', 'Rat Hippocampal CA1 Pyramidal Cells', '[4] The sigma-1 receptor modulates…', 'table 1'],
      ['high-voltage-activated Ca2+ channels', 'IC50 = 61 μM (pIC50 4.21)', 'Inhibition', 'Rat Superior Cervical Ganglion Neurons', '[21] journals.physiology.org', 'table 1'],
    ]);
  });

  test("a marker's entries: the text and notes of the editor's citation card", () => {
    const hit = index.citationAt(guide.indexOf('[4][10][16]') + 1)!;
    const editor = plain(citationCard(index, hit, 'file:///guide.md')).split('\n\n---\n\n');
    const cards = previewCards(index, [], new Set([4, 10, 16]));
    hit.citation.numbers.forEach((n, i) => {
      const reference = cards.references[String(n)]!;
      const [first, notes] = editor[i]!.split('  \n');
      expect(first).toBe(`**[${n}]** ${reference.text}`);
      expect(notes).toBe(`_${reference.notes}_`);
      expect(reference.anchored).toBe(true);
    });
    expect(cards.references['10']!.notes).toBe('cited 4 times · same work as [4]');
  });
});

describe('what the page carries is data', () => {
  const OUR_ATTRIBUTES = new Set(['class', 'id', 'href', 'tabindex', 'title', 'aria-label', 'hidden', PREVIEW.entityAttribute, PREVIEW.citesAttribute, PREVIEW.entryAttribute, PREVIEW.cardsAttribute]);
  const VALUE: Record<string, RegExp> = {
    id: /^marginalia-(ref|cite)-\d+$|^marginalia-preview-data$/,
    href: /^#marginalia-(ref|cite)-\d+$/,
    tabindex: /^-?[01]$/,
    class: /^marginalia-[a-z]+( marginalia-[a-z]+)*$/,
    [PREVIEW.citesAttribute]: /^\d+( \d+)*$/,
    [PREVIEW.entryAttribute]: /^\d+$/,
    [PREVIEW.entityAttribute]: /^[a-z0-9:._+-]+$/,
  };

  test.each(documents().filter((d) => /hostile|workspace/.test(d.name) && d.text.trim()).map((d) => [d.name, d.text]))('%s: every element the plugin adds is its own, with values of its own', (_name, text) => {
    const html = render(text);
    const ours = openingTags(html).filter((tag) => /class="marginalia-|id="marginalia-/.test(tag));
    expect(ours.length).toBeGreaterThan(0);
    for (const tag of ours) {
      expect(tag).toMatch(/^<(span|a|div) /);
      for (const [, name, value] of tag.matchAll(/ ([a-z-]+)(?:="([^"]*)")?/g)) {
        expect(OUR_ATTRIBUTES.has(name!), `${name} in ${tag}`).toBe(true);
        if (name === PREVIEW.cardsAttribute) expect(value).not.toMatch(/[<>"]/);
        else if (VALUE[name!]) expect(value, `${name} in ${tag}`).toMatch(VALUE[name!]!);
      }
    }
  });

  test("script-payloads.md: the payloads travel as the cards' text, never as markup of the plugin's", () => {
    const text = read('test/fixtures/hostile/script-payloads.md');
    const html = render(text);
    const cards = cardsOf(html);
    expect(cards.references['1']!.text).toBe("Smith J. <script>alert('reference-title')</script> Channel pharmacology. J Pharm. 2019. doi:10.1000/xyz1");
    expect(cards.references['4']!.text).toContain('<svg onload=alert(\'reference-svg\')></svg>');
    // With the plugin's marks rendered empty the page is the page without the plugin (mapping.test.ts):
    // every element not the plugin's is the preview's own rendering of the document.
    expect(openingTags(html).filter((t) => /marginalia/.test(t) && !/^<(span|a|div) (class|id)="marginalia-/.test(t))).toEqual([]);
  });

  test('an entity id holding markup (from a workspace lexicon) stays an escaped attribute value', () => {
    const text = 'Haloperidol blocks the receptor.\n';
    const analysis = analyze(text);
    const id = 'ligand:x" onmouseover="alert(1)"><img src=x onerror=alert(2)>';
    const forged = { ...analysis, entities: analysis.entities.map((m) => ({ ...m, id })), entityInfo: { [id]: { ...Object.values(analysis.entityInfo)[0]!, id, name: '<b>name</b>' } } };
    const d = decorate(md, md.parse(text, {}), text, indexAnalysis(forged), allHighlights);
    const html = md.renderer.render(d.tokens, md.options, {}) + d.trailer;
    expect(html).toContain('data-marginalia-entity="ligand:x&quot; onmouseover=&quot;alert(1)&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"');
    expect(openingTags(html).map((t) => t.slice(0, 5))).toEqual(['<p da', '<span', '<div ']);
    expect(cardsOf(html).entities[id]!.name).toBe('<b>name</b>');
  });

  test('ids of entities cannot reach the prototype of the cards', () => {
    const cards = previewCards(index, ['__proto__', 'constructor'], new Set());
    expect(Object.getPrototypeOf(cards.entities)).toBeNull();
    expect(Object.keys(cards.entities)).toEqual([]);
  });
});
