/** `marginalia library DIR`: the index as JSON, the evidence table as JSON Lines and CSV. */
import { describe, expect, test } from 'vitest';
import { main, type CliIo } from '../../../src/cli/run.js';

const DIR = 'test/fixtures/workspace/library';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), readFile: () => new Uint8Array() };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('marginalia library', () => {
  test('--jsonl writes one evidence row per line, with document and offsets', async () => {
    const { code, stdout, stderr } = await run(['library', DIR, '--jsonl']);
    expect([code, stderr]).toEqual([0, '']);
    const rows = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const first = rows[0]!;
    expect(first).toMatchObject({ ligand: 'Itraconazole', target: 'CYP3A4', measure: 'Km', value: 3.9, unit: 'nM', p_value: null, uri: 'osp-itraconazole-pbpk-evaluation-report.md', line: 76 });
    expect(new Set(rows.map((r) => r.uri))).toEqual(new Set(['osp-itraconazole-pbpk-evaluation-report.md', 'osp-sildenafil-pbpk-evaluation-report.md', 'osp-verapamil-input-data-section.md']));
  });

  test('--json writes documents, entities across them and the works they share', async () => {
    const { code, stdout } = await run(['library', DIR, '--json']);
    expect(code).toBe(0);
    const index = JSON.parse(stdout) as { documents: { path: string }[]; entities: { id: string; documents: number }[]; works: { firstAuthor: string }[]; evidence: unknown[] };
    expect(index.documents.map((d) => d.path)).toEqual(['osp-itraconazole-pbpk-evaluation-report.md', 'osp-sildenafil-pbpk-evaluation-report.md', 'osp-verapamil-input-data-section.md']);
    expect(index.entities.find((e) => e.id === 'target:cyp3a4')?.documents).toBe(3);
    expect(index.works.map((w) => w.firstAuthor)).toContain('Nishimura');
  });

  test('--csv writes the same rows as CSV; a missing folder is a clear error', async () => {
    const jsonl = (await run(['library', DIR, '--jsonl'])).stdout.trimEnd().split('\n');
    const csv = (await run(['library', DIR, '--csv'])).stdout.trimEnd().split('\r\n');
    expect(csv.length).toBe(jsonl.length + 1);
    expect(await run(['library', 'no/such/folder', '--csv'])).toEqual({ code: 2, stdout: '', stderr: 'marginalia: cannot read no/such/folder: no such directory\n' });
    expect((await run(['library', DIR])).code).toBe(2);
  });
});
