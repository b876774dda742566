import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { decodeText, main, type CliIo } from '../../../src/cli/run.js';
import { readDocument } from './golden.js';

function run(args: string[], files: Record<string, Uint8Array> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readFile: (file) => {
      const bytes = files[file];
      if (!bytes) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      return bytes;
    },
  };
  const code = main(args, io);
  return { code, stdout, stderr };
}

const review = readDocument('review-numbered-references.md');
const files = { 'review.md': new TextEncoder().encode(review) };

describe('marginalia command line', () => {
  it('prints exactly the analysis as JSON with --json', () => {
    const { code, stdout, stderr } = run(['analyze', 'review.md', '--json'], files);
    expect([code, stderr]).toEqual([0, '']);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(analyze(review))));
  });

  it('prints a readable summary with references, duplicates and diagnostics', () => {
    const { code, stdout } = run(['analyze', 'review.md'], files);
    expect(code).toBe(0);
    expect(stdout).toContain('6 citation markers, 8 references (numeric)');
    expect(stdout).toContain('  6. Dopamine D3 receptor ligands: binding and function — cited 2× [duplicate of 1]');
    expect(stdout).toContain('Duplicates:\n  1, 6\n');
    expect(stdout).toContain('Reference 9 is cited but not in the reference list');
  });

  it('prints help and exits 0', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: marginalia analyze FILE \[--json\]/);
  });

  it('exits 2 with a clear message for a missing file or bad arguments', () => {
    expect(run(['analyze', 'nope.md'])).toMatchObject({ code: 2, stdout: '', stderr: 'marginalia: cannot read nope.md: no such file\n' });
    expect(run([])).toMatchObject({ code: 2 });
    expect(run(['analyse', 'x.md']).stderr).toMatch(/^marginalia: unknown command "analyse"/);
    expect(run(['analyze', 'a.md', '--yaml']).stderr).toMatch(/^marginalia: unknown option "--yaml"/);
    expect(run(['analyze']).stderr).toMatch(/^marginalia: missing FILE/);
  });

  it('reads invalid UTF-8 with replacement characters and drops a byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42]))).toBe('A\uFFFDB');
  });
});
