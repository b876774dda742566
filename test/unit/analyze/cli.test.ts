import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { decodeText, main, type CliIo } from '../../../src/cli/run.js';
import { readDocument } from './golden.js';

function run(args: string[], files: Record<string, Uint8Array> = {}): { code: number; stdout: string; stderr: string } {
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
  if (typeof code !== 'number') throw new Error('expected a synchronous command');
  return { code, stdout, stderr };
}

/** Runs a command that may finish later (`references`). */
async function runAsync(args: string[], files: Record<string, Uint8Array> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), readFile: (file) => files[file]! };
  const code = await main(args, io);
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

  it('prints the reference list as BibTeX, RIS or CSL-JSON with `references FILE --format`', async () => {
    const expected = (ext: string) => readFileSync(new URL(`../../fixtures/export/review-numbered-references.${ext}`, import.meta.url), 'utf8');
    expect(await runAsync(['references', 'review.md', '--format', 'bibtex'], files)).toEqual({ code: 0, stdout: expected('bib'), stderr: '' });
    expect(await runAsync(['references', 'review.md', '--format=ris'], files)).toEqual({ code: 0, stdout: expected('ris'), stderr: '' });
    expect(await runAsync(['references', '--format', 'csl-json', 'review.md'], files)).toEqual({ code: 0, stdout: expected('json'), stderr: '' });
  });

  it('exits 2 when `references` has no format, an unknown one, or an option of `analyze`', () => {
    expect(run(['references', 'review.md'], files).stderr).toMatch(/^marginalia: missing --format \(bibtex, ris or csl-json\)/);
    expect(run(['references', 'review.md', '--format', 'endnote'], files)).toMatchObject({ code: 2, stdout: '' });
    expect(run(['references', 'review.md', '--format', 'endnote'], files).stderr).toMatch(/^marginalia: unknown format "endnote"/);
    expect(run(['references', 'review.md', '--format'], files).stderr).toMatch(/^marginalia: --format needs a value/);
    expect(run(['references', 'review.md', '--json'], files).stderr).toMatch(/^marginalia: unknown option "--json"/);
    expect(run(['--help']).stdout).toContain('marginalia references FILE --format bibtex|ris|csl-json');
  });

  it('reads invalid UTF-8 with replacement characters and drops a byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42]))).toBe('A\uFFFDB');
  });
});

describe('marginalia analyze --timeout', () => {
  it('fails with exit code 3 and says why when the analysis runs out of time', () => {
    const { code, stdout, stderr } = run(['analyze', 'review.md', '--timeout', '0'], files);
    expect([code, stdout]).toEqual([3, '']);
    expect(stderr).toBe(
      'marginalia: review.md: the analysis did not finish within 0 s (--timeout); nothing was printed. Try a longer --timeout, or look for deeply nested or very long lists and quotes.\n',
    );
  });

  it('prints the same analysis as without a limit when there is time', () => {
    const limited = run(['analyze', 'review.md', '--json', '--timeout=600'], files);
    expect(limited.code).toBe(0);
    expect(JSON.parse(limited.stdout)).toEqual(JSON.parse(run(['analyze', 'review.md', '--json'], files).stdout));
  });

  it('rejects a timeout that is not a number of seconds (exit code 2)', () => {
    const { code, stderr } = run(['analyze', 'review.md', '--timeout', 'soon'], files);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('marginalia: --timeout needs a number of seconds (got "soon")');
  });
});
