import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { goldenFiles, project, readDocument, readGolden, writeGolden } from './golden.js';

describe('whole documents match their reviewed golden results', () => {
  for (const file of goldenFiles()) {
    it(`analyses ${file.replace('.expected.json', '')} as recorded`, () => {
      const golden = readGolden(file);
      const actual = project(analyze(readDocument(golden.document)));
      if (process.env.MARGINALIA_UPDATE_GOLDEN === '1') writeGolden(file, { ...golden, expected: actual });
      else expect(actual).toEqual(golden.expected);
    });
  }

  it('has a golden file for the sample guide and for at least four documents of other conventions', () => {
    expect(goldenFiles().length).toBeGreaterThanOrEqual(5);
  });
});
