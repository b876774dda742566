/**
 * Off-thread analysis: large documents go to the worker and come back exactly as an in-process
 * analysis; stale versions are dropped; a worker stuck on a stale version is ended and replaced;
 * the user's lexicon reaches the worker; a real worker_threads worker runs the bundled script.
 */
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { builtinLexicon, withUserEntries } from '../../../src/core/entities/index.js';
import { AnalysisCancelled, createInProcessBackend } from '../../../src/vscode/analysis/backend.js';
import { createWorkerBackend, describeLexicon, type AnalysisWorker } from '../../../src/vscode/analysis/worker-backend.js';
import { WorkerAnalyser } from '../../../src/worker/analyser.js';
import type { WorkerRequest, WorkerResponse } from '../../../src/worker/protocol.js';
import { root } from '../robustness/corpus.js';

const guide = readFileSync(path.join(root, 'seeds', 'sigma1-receptor-nmda-ion-channels.md'), 'utf8');

/** A worker that runs the real worker code in this thread, answering after `delayMs`. */
function fakeWorker(log: { spawned: number; terminated: number; posted: WorkerRequest[] }, delayMs = 0): AnalysisWorker {
  log.spawned++;
  const analyser = new WorkerAnalyser();
  let listener: ((m: WorkerResponse) => void) | undefined;
  let alive = true;
  return {
    post(message) {
      log.posted.push(message);
      setTimeout(() => {
        const response = alive ? analyser.handle(message) : undefined;
        if (response && alive) listener?.(JSON.parse(JSON.stringify(response)) as WorkerResponse);
      }, delayMs);
    },
    onMessage: (l) => void (listener = l),
    onError: () => undefined,
    terminate() {
      alive = false;
      log.terminated++;
    },
  };
}

const lexicon = builtinLexicon();
const request = (version: number, text = guide, uri = 'file:///guide.md') => ({ uri, version, text, lexicon });

describe('worker backend', () => {
  test('a document above the threshold is analysed by the worker, exactly as in process', async () => {
    const log = { spawned: 0, terminated: 0, posted: [] as WorkerRequest[] };
    const backend = createWorkerBackend({ spawn: () => fakeWorker(log), inProcess: createInProcessBackend(), threshold: 1000 });
    const analysis = await backend.analyse(request(1));
    expect(log.posted.map((m) => m.type)).toEqual(['analyse']);
    expect(JSON.stringify(analysis)).toBe(JSON.stringify(analyze(guide)));
    backend.dispose();
  });

  test('a document below the threshold stays in process', async () => {
    const log = { spawned: 0, terminated: 0, posted: [] as WorkerRequest[] };
    const backend = createWorkerBackend({ spawn: () => fakeWorker(log), inProcess: createInProcessBackend(), threshold: guide.length + 1 });
    await backend.analyse(request(1));
    expect(log.spawned).toBe(0);
    backend.dispose();
  });

  test('a small document primed at start-up is analysed in process, and the first request for it takes that analysis', async () => {
    const log = { spawned: 0, terminated: 0, posted: [] as WorkerRequest[] };
    let inProcessCalls = 0;
    const inner = createInProcessBackend();
    const inProcess = { ...inner, analyse: (r: Parameters<typeof inner.analyse>[0]) => (inProcessCalls++, inner.analyse(r)) };
    const backend = createWorkerBackend({ spawn: () => fakeWorker(log), inProcess, threshold: guide.length + 1 });
    const primedRequest = request(1);
    backend.prime!(primedRequest);
    const analysis = await backend.analyse(primedRequest);
    expect([log.spawned, inProcessCalls]).toEqual([0, 1]);
    expect(JSON.stringify(analysis)).toBe(JSON.stringify(analyze(guide)));
    backend.dispose();
  });

  test('a large document primed at start-up goes to the worker; a request for another version is analysed afresh', async () => {
    const log = { spawned: 0, terminated: 0, posted: [] as WorkerRequest[] };
    const backend = createWorkerBackend({ spawn: () => fakeWorker(log), inProcess: createInProcessBackend(), threshold: 1000, patienceMs: 10_000 });
    backend.prime!(request(1));
    const v2 = await backend.analyse(request(2, `${guide}\n\nMore text.`));
    expect(v2.length).toBe(guide.length + 12);
    expect(log.posted.map((m) => (m.type === 'analyse' ? `${m.uri.slice(8)}@${m.version}` : m.type))).toEqual(['guide.md@1', 'guide.md@2']);
    backend.dispose();
  });

  test('a newer version cancels the older one still waiting; only the newest is analysed after the running one', async () => {
    const log = { spawned: 0, terminated: 0, posted: [] as WorkerRequest[] };
    const backend = createWorkerBackend({ spawn: () => fakeWorker(log, 20), inProcess: createInProcessBackend(), threshold: 1000, patienceMs: 10_000 });
    const other = backend.analyse(request(1, guide, 'file:///other.md'));
    const v1 = backend.analyse(request(1));
    const v2 = backend.analyse(request(2));
    const v3 = backend.analyse(request(3, `${guide}\n\nMore text.`));
    await expect(v1).rejects.toBeInstanceOf(AnalysisCancelled);
    await expect(v2).rejects.toBeInstanceOf(AnalysisCancelled);
    expect((await v3).length).toBe(guide.length + 12);
    await other;
    expect(log.posted.map((m) => (m.type === 'analyse' ? `${m.uri.slice(8)}@${m.version}` : m.type))).toEqual(['other.md@1', 'guide.md@3']);
    backend.dispose();
  });

  test('a worker still busy with a stale version after the patience is ended and a new one takes the newest', async () => {
    const log = { spawned: 0, terminated: 0, posted: [] as WorkerRequest[] };
    const backend = createWorkerBackend({ spawn: () => fakeWorker(log, log.spawned === 0 ? 5_000 : 0), inProcess: createInProcessBackend(), threshold: 1000, patienceMs: 50 });
    const v1 = backend.analyse(request(1));
    await new Promise((r) => setTimeout(r, 10));
    const v2 = backend.analyse(request(2));
    await expect(v1).rejects.toBeInstanceOf(AnalysisCancelled);
    expect((await v2).length).toBe(guide.length);
    expect([log.spawned, log.terminated]).toEqual([2, 1]);
    backend.dispose();
  });

  test("the user's lexicon entries reach the worker once, and the worker's analysis uses them", async () => {
    const user = withUserEntries(lexicon, [{ name: 'Zorblatide', kind: 'ligand', synonyms: ['ZBT-7'] }], '.marginalia/lexicon.json');
    const text = `${guide}\n\nZorblatide (ZBT-7) blocked the channel.\n`;
    const log = { spawned: 0, terminated: 0, posted: [] as WorkerRequest[] };
    const backend = createWorkerBackend({ spawn: () => fakeWorker(log), inProcess: createInProcessBackend(), threshold: 1000 });
    const first = await backend.analyse({ uri: 'file:///u.md', version: 1, text, lexicon: user });
    await backend.analyse({ uri: 'file:///u.md', version: 2, text, lexicon: user });
    expect(JSON.stringify(first)).toBe(JSON.stringify(analyze(text, { lexicon: user })));
    expect(first.entities.filter((e) => e.source === 'workspace').map((e) => e.text)).toEqual(['Zorblatide', 'ZBT-7']);
    const sent = log.posted.map((m) => (m.type === 'analyse' ? m.lexicon.groups?.map((g) => [g.origin, g.entries.map((e) => e.name)]) : undefined));
    expect(sent).toEqual([[['.marginalia/lexicon.json', ['Zorblatide']]], undefined]);
    expect(describeLexicon(lexicon).groups).toEqual([]);
    backend.dispose();
  });
});

describe('exclusions in the worker', () => {
  test("the workspace's exclusions reach the worker, whose analysis drops those mentions as in process", async () => {
    const user = withUserEntries(lexicon, [], '.marginalia/lexicon.json', [{ name: 'haloperidol', kind: 'ligand' }]);
    const log = { spawned: 0, terminated: 0, posted: [] as WorkerRequest[] };
    const backend = createWorkerBackend({ spawn: () => fakeWorker(log), inProcess: createInProcessBackend(), threshold: 1000 });
    const analysed = await backend.analyse({ uri: 'file:///x.md', version: 1, text: guide, lexicon: user });
    expect(JSON.stringify(analysed)).toBe(JSON.stringify(analyze(guide, { lexicon: user })));
    expect(analyze(guide, { lexicon }).entities.some((e) => e.text.toLowerCase() === 'haloperidol')).toBe(true);
    expect(analysed.entities.some((e) => e.text.toLowerCase() === 'haloperidol')).toBe(false);
    expect(describeLexicon(user).groups).toEqual([{ origin: '.marginalia/lexicon.json', entries: [], exclusions: [{ name: 'haloperidol', kind: 'ligand' }] }]);
    backend.dispose();
  });
});

describe('library summaries in the worker', () => {
  const summarise = (analyser: WorkerAnalyser, id: number, text: string, uri?: string) =>
    analyser.handle({ type: 'summarise', id, text, lexicon: describeLexicon(lexicon), ...(uri ? { uri } : {}) }) as WorkerResponse;

  test('a file re-indexed after each edit gets the summary a cold analysis gives', () => {
    const analyser = new WorkerAnalyser();
    let text = guide;
    for (let k = 0; k < 3; k++) {
      text += `\nAn added sentence ${k}: haloperidol bound the sigma-1 receptor with a Ki of ${k + 2} nM.\n`;
      const kept = summarise(analyser, k, text, 'file:///guide.md');
      const cold = summarise(new WorkerAnalyser(), k, text);
      expect(kept.type).toBe('summary');
      expect(JSON.stringify(kept.type === 'summary' && kept.summary)).toBe(JSON.stringify(cold.type === 'summary' && cold.summary));
    }
  });
});

describe('worker_threads worker (the bundled dist/worker.js script)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marginalia-worker-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('analyses off the thread and answers with the same analysis', async () => {
    const script = path.join(dir, 'worker.js');
    await esbuild.build({ entryPoints: [path.join(root, 'src/worker/node.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error' });
    const spawn = (): AnalysisWorker => {
      const w = new Worker(script);
      return {
        post: (m) => w.postMessage(m),
        onMessage: (l) => void w.on('message', l),
        onError: (l) => void w.on('error', l),
        terminate: () => void w.terminate(),
      };
    };
    const backend = createWorkerBackend({ spawn, inProcess: createInProcessBackend(), threshold: 1000 });
    const analysis = await backend.analyse(request(1));
    expect(JSON.stringify(analysis)).toBe(JSON.stringify(analyze(guide)));
    backend.dispose();
  });
});
