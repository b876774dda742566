import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../eval/cli.js';
import { evaluate } from '../../eval/evaluate.js';
import { summarise } from '../../eval/summary.js';

// A small corpus in a temporary folder: one document with gold, one without, one with broken gold.
const doc = [
  '# Results',
  '',
  'Haloperidol binds the dopamine D2 receptor [1]. Its effects were reviewed [1–2].',
  '',
  '# References',
  '',
  '1. Smith J, Lee KA. Sigma-1 receptors and NMDA currents. J Neurosci. 2017;37(4):1021-1033.',
  '2. Brown P. Dopamine receptors. Pharmacol Rev. 2015;67:1-20.',
  '',
].join('\n');
const at = (s: string) => ({ start: doc.indexOf(s), end: doc.indexOf(s) + s.length, text: s });
const entry1 = doc.slice(doc.indexOf('1. Smith'), doc.indexOf('\n', doc.indexOf('1. Smith')));
const entry2 = doc.slice(doc.indexOf('2. Brown'), doc.indexOf('\n', doc.indexOf('2. Brown')));
const gold = {
  document: 'docs/mini.md',
  sha256: createHash('sha256').update(doc).digest('hex'),
  annotator: 'unit test',
  regions: [{ start: 0, end: doc.indexOf('# References'), label: 'Results' }],
  referenceList: { scheme: 'numeric' },
  references: [
    { id: '1', ...at(entry1), fields: { authors: [{ family: 'Smith', given: 'J' }, { family: 'Lee', given: 'KA' }], year: '2017', title: 'Sigma-1 receptors and NMDA currents', container: 'J Neurosci', volume: '37', issue: '4', pages: '1021-1033' } },
    { id: '2', ...at(entry2), fields: { authors: [{ family: 'Brown', given: 'P' }], year: '2015', title: 'Dopamine receptors', container: 'Pharmacol Rev', volume: '67', pages: '1-20' } },
  ],
  citations: [
    { ...at('[1]'), refs: ['1'] },
    { ...at('[1–2]'), refs: ['1', '2'] },
  ],
  entities: [
    { ...at('Haloperidol'), kind: 'ligand' },
    { ...at('dopamine D2 receptor'), kind: 'target' },
  ],
  records: [],
};

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'marginalia-eval-test-'));
  mkdirSync(path.join(root, 'test', 'corpus', 'docs'), { recursive: true });
  mkdirSync(path.join(root, 'test', 'corpus', 'gold'), { recursive: true });
  writeFileSync(path.join(root, 'test', 'corpus', 'docs', 'mini.md'), doc);
  writeFileSync(path.join(root, 'test', 'corpus', 'gold', 'mini.json'), JSON.stringify(gold));
  writeFileSync(path.join(root, 'test', 'corpus', 'docs', 'unannotated.md'), 'No gold yet.\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = main(args, root, { stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
  return { code, out, err };
}

describe('npm run eval on a small corpus', () => {
  it('scores the documents that have gold and lists the others', () => {
    const summary = summarise(evaluate(root));
    const corpus = summary.sets.find((s) => s.name === 'corpus')!;
    expect(corpus.scored).toBe(1);
    expect(corpus.withoutGold).toEqual(['unannotated']);
    expect(corpus.citations!.total).toMatchObject({ gold: 3, system: 3, foundGold: 3, f1: 1 });
    expect(corpus.references!.total).toMatchObject({ gold: 2, foundGold: 2, f1: 1 });
    expect(corpus.fields!.perField.year).toMatchObject({ gold: 2, foundGold: 2 });
  });

  it('validates every gold file and says which one is broken', () => {
    expect(run(['--validate'])).toEqual({ code: 0, out: '1 gold file(s) checked: no problem\n', err: '' });
    writeFileSync(path.join(root, 'test', 'corpus', 'gold', 'unannotated.json'), JSON.stringify({ ...gold, document: 'docs/unannotated.md' }));
    const r = run(['--validate']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('test/corpus/gold/unannotated.json: sha256: is');
    expect(r.out).toContain('test/corpus/gold/unannotated.json: references[0] (1): span');
    // The evaluation scores the sound file and reports the broken one.
    const e = run(['--json']);
    expect(e.code).toBe(1);
    expect(JSON.parse(e.out).sets[0].scored).toBe(1);
    rmSync(path.join(root, 'test', 'corpus', 'gold', 'unannotated.json'));
  });

  it('lists one document’s misses and false positives with --doc', () => {
    const r = run(['--doc', 'mini']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('== Findings in corpus/mini');
    expect(run(['--doc', 'nothing']).code).toBe(2);
    const json = JSON.parse(run(['--doc', 'corpus/mini', '--json']).out);
    expect(Object.keys(json.findings)).toEqual(['corpus/mini']);
  });

  it('refuses unknown options', () => {
    expect(run(['--fast']).code).toBe(2);
  });
});
