// Every gold file (corpus and benchmarks) checked against its document, as `npm run eval -- --validate` does.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateAll } from '../../eval/evaluate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('gold annotations', () => {
  it('are all sound: spans in range with their text, fields well-formed, refs existing, digests matching', () => {
    const { files, problems } = validateAll(root);
    expect(problems).toEqual([]);
    expect(files).toBeGreaterThanOrEqual(82); // the benchmark documents (test and devel), plus the corpus gold
  });
});
