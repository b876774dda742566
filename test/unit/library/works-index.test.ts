/**
 * The works index regroups only around what changed, and always agrees with grouping the whole
 * library from scratch: checked on real corpus documents added, replaced, removed and re-added.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { referencesOf } from '../../../src/core/library/compact.js';
import { Library, sharedWorks, summariseDocument, type DocumentSummary } from '../../../src/core/library/index.js';

const DOCS = ['osp-itraconazole-pbpk-evaluation-report.md', 'osp-verapamil-input-data-section.md', 'osp-sildenafil-pbpk-evaluation-report.md'];
const summaries = new Map<string, DocumentSummary>();

beforeAll(() => {
  for (const d of DOCS) {
    const text = readFileSync(`test/corpus/docs/${d}`, 'utf8');
    summaries.set(d, summariseDocument(text, analyze(text)));
  }
});

/** Grouping the library's current documents from scratch. */
function fromScratch(lib: Library) {
  return sharedWorks(lib.list().map((d) => [d.uri, referencesOf(d.compact)] as const));
}

const shape = (works: ReturnType<typeof fromScratch>) => works.map((w) => [w.key, w.title, w.year, w.citations.map((c) => `${c.uri}#${c.reference.number}`)]);

test('after every change the works equal a grouping from scratch', async () => {
  const lib = new Library();
  const [a, b, c] = DOCS as [string, string, string];
  lib.set(a, 'h1', summaries.get(a)!);
  expect(lib.sharedWorks()).toEqual([]);
  lib.set(c, 'h2', summaries.get(c)!);
  expect(lib.computedWorks).toBeUndefined();
  const two = lib.sharedWorks();
  expect(two.length).toBeGreaterThan(0);
  expect(shape(two)).toEqual(shape(fromScratch(lib)));
  expect(lib.computedWorks).toBe(two);
  // The same document under a second name: every work it lists is now shared by it too.
  lib.set('copy.md', 'h1', summaries.get(a)!);
  lib.set(b, 'h3', summaries.get(b)!);
  expect(shape(await lib.sharedWorksSliced(() => Promise.resolve()))).toEqual(shape(fromScratch(lib)));
  // Replacing a document with one that lists nothing dissolves what it joined.
  lib.set(c, 'h4', { ...summaries.get(c)!, references: [] });
  expect(shape(lib.sharedWorks())).toEqual(shape(fromScratch(lib)));
  lib.delete('copy.md');
  expect(shape(lib.sharedWorks())).toEqual(shape(fromScratch(lib)));
  expect(lib.sharedWorks()).toEqual([]);
  lib.set(c, 'h2', summaries.get(c)!);
  expect(shape(lib.sharedWorks())).toEqual(shape(two));
});

test('a change made while a sliced grouping waits is picked up by the next one', async () => {
  const lib = new Library();
  for (const d of DOCS) lib.set(d, d, summaries.get(d)!);
  let pauses = 0;
  const grouping = lib.sharedWorksSliced(() => {
    if (++pauses === 2) lib.set('copy.md', 'x', summaries.get(DOCS[0]!)!);
    return new Promise((resolve) => setTimeout(resolve, 0));
  });
  const first = await grouping;
  expect(pauses).toBeGreaterThan(2);
  expect(lib.computedWorks).toBeUndefined();
  expect(shape(lib.sharedWorks())).toEqual(shape(fromScratch(lib)));
  expect(first.length).toBeLessThan(lib.sharedWorks().length);
});
