// The evaluation of `npm run eval`, run in-process: no total may drop more than 0.01 below
// test/corpus/FLOOR.json. A gain is kept by raising the floor (`npm run eval -- --update-floor`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../eval/evaluate.js';
import { belowFloor, floorFigures, readFloor, TOLERANCE } from '../../eval/floor.js';
import { summarise } from '../../eval/summary.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('accuracy floor (test/corpus/FLOOR.json)', () => {
  it('keeps every total within 0.01 of its floor', () => {
    const floor = readFloor(root);
    expect(floor, 'test/corpus/FLOOR.json is missing: run npm run eval -- --update-floor').not.toBeNull();
    const summary = summarise(evaluate(root));
    expect(summary.problems, 'gold files failed validation').toEqual([]);
    const current = floorFigures(summary);
    console.log(Object.entries(current).map(([k, v]) => `${k} ${v ?? '—'} (floor ${floor!.figures[k] ?? '—'})`).join('\n'));
    expect(belowFloor(floor!, summary), `a total dropped more than ${TOLERANCE} below its floor`).toEqual([]);
  });
});

describe('reading the floor', () => {
  const summary = (f1: number | null) => ({ split: 'test' as const, seconds: 0, problems: [], sets: [{ name: 'bench', title: '', scored: 1, withoutGold: [], published: [], analysisSeconds: 0, references: { total: { gold: 1, system: 1, foundGold: 1, correctSystem: 1, precision: f1, recall: f1, f1 }, macroF1: f1, documents: [], top: { misses: [], wrong: [], falsePositives: [] } } }] });
  const floor = { about: '', split: 'test' as const, figures: { 'bench.references.f1': 0.5, 'gone.fields.f1': 0.9 } };

  it('passes a figure that rose or fell by at most 0.01, and one the floor does not measure here', () => {
    expect(belowFloor(floor, summary(0.9))).toEqual([]);
    expect(belowFloor(floor, summary(0.4901))).toEqual([]);
  });

  it('fails a figure more than 0.01 below its floor, or no longer measured', () => {
    expect(belowFloor(floor, summary(0.48))).toEqual(['bench.references.f1: 0.48 is below its floor 0.5 (by 0.0200)']);
    expect(belowFloor(floor, summary(null))).toEqual(['bench.references.f1: floor 0.5, now nothing is measured']);
  });
});
