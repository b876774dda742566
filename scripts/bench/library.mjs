// `npm run bench` — the library: a generated library of real-looking papers indexed as the
// extension does it (files read and hashed on the main thread, summarised in worker threads
// running dist/worker.js's code with the full lexicon, summaries persisted in shards), with the
// main thread's event-loop delay measured throughout. Run in a child process of its own:
//   node scripts/bench.mjs --library [--docs N]
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NODE_MODULE } from '../eval/bundle.mjs';
import { random, sources } from './corpus.mjs';

const MB = 1024 * 1024;
/** About 60 KB per paper: 1,000 papers ≈ 60 MB, as the scale aim says. */
const PAPER_BYTES = 60 * 1024;

/** Runs sliced work with the library's pause; its total time and the longest slice between pauses. */
async function inSlices(slicer, run) {
  const pause = slicer();
  let longestMs = 0;
  let from = performance.now();
  const start = from;
  await run(() => {
    const waiting = pause();
    if (!waiting) return undefined;
    longestMs = Math.max(longestMs, performance.now() - from);
    return waiting.then(() => void (from = performance.now()));
  });
  const end = performance.now();
  return { totalMs: end - start, longestMs: Math.max(longestMs, end - from) };
}

export const LIBRARY_AIM = { throughputMBs: 0.8, blockedMs: 50, reopenMs: 3000, reindexMs: 300, memoryMb: 600 };

/** Names a pharmacology library shares across papers (ligands and targets of the built-in lexicon). */
const LIGANDS = ['haloperidol', 'ifenprodil', 'ketamine', 'memantine', 'fluvoxamine', 'donepezil', 'verapamil', 'itraconazole', 'rifampicin', 'morphine'];
const TARGETS = ['GluN2B', 'sigma-1 receptor', 'dopamine D2 receptor', 'hERG', 'CYP3A4', 'mu opioid receptor', 'NMDA receptor', 'P-glycoprotein'];
const MEASURES = [['IC50', 'nM'], ['Ki', 'nM'], ['EC50', 'μM'], ['IC50', 'μM']];

function renumber(text, offset) {
  return text.replace(/\[(\d{1,3})\]/g, (_, n) => `[${Number(n) + offset}]`);
}

function vary(paragraph, rand) {
  return paragraph.replace(/\b(\d+(?:\.\d+)?)(\s?(?:μM|µM|nM|mM|%|mV|ms|pA))/g, (_, n, unit) => `${(Number(n) * (0.5 + rand())).toFixed(n.includes('.') ? 2 : 0)}${unit}`);
}

function dataTable(k, rand, offset) {
  const rows = [];
  for (let r = 0; r < 4 + Math.floor(rand() * 5); r++) {
    const [measure, unit] = MEASURES[Math.floor(rand() * MEASURES.length)];
    const ligand = LIGANDS[Math.floor(rand() * LIGANDS.length)];
    const target = TARGETS[Math.floor(rand() * TARGETS.length)];
    rows.push(`| ${ligand} | ${target} | ${measure} = ${(rand() * 900 + 1).toFixed(1)} ${unit} | [${offset + 1 + (r % 5)}] |`);
  }
  return [`Table ${k}: Potencies reported`, '', '| Ligand | Target | Potency | Ref |', '|---|---|---|---|', ...rows].join('\n');
}

/** Paper `i` of the library: source bodies from a rotating start, shuffled and varied, a data table, a reference list. */
function paper(docs, i) {
  const rand = random(i + 1);
  const parts = [`# Generated paper ${i + 1}\n\n`];
  const references = [];
  let size = 0;
  let offset = 0;
  for (let copy = 0; size < PAPER_BYTES; copy++) {
    const doc = docs[(i + copy) % docs.length];
    const paragraphs = doc.body.split(/\n[ \t]*\n/).map((p) => vary(renumber(p, offset), rand));
    if (copy === 0) paragraphs.splice(Math.min(3, paragraphs.length), 0, dataTable(i, rand, offset));
    const chunk = `${paragraphs.join('\n\n')}\n\n`;
    parts.push(chunk);
    size += chunk.length;
    const count = doc.entries.length ? Math.max(...doc.entries.map((e) => e.number)) : 0;
    for (const e of doc.entries) references.push(`${e.number + offset}. ${e.text}`);
    offset += count;
  }
  return `${parts.join('')}## References\n\n${references.join('\n')}\n`;
}

export function generateLibrary(root, dir, count) {
  const docs = sources(root).filter((d) => d.body.trim() && !/hostile/.test(d.file));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `batch-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    const text = paper(docs, i);
    writeFileSync(path.join(folder, `paper-${String(i).padStart(5, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/** Bundles the library modules and the analysis worker as the extension ships them. */
export async function bundleLibrary(root, dir) {
  const common = { ...NODE_MODULE, absWorkingDir: root };
  const library = path.join(dir, 'library.mjs');
  await esbuild.build({
    ...common,
    stdin: {
      contents: `export * from './src/core/library/index.ts'; export { LibraryStore } from './src/node/library/store.ts'; export { contentHash } from './src/node/library/hash.ts'; export { markdownFiles } from './src/node/library/folder.ts'; export { builtinLexicon } from './src/core/entities/index.ts';`,
      resolveDir: root,
      sourcefile: 'bench-library.ts',
      loader: 'ts',
    },
    outfile: library,
  });
  const worker = path.join(dir, 'worker.cjs');
  await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/worker/node.ts')], format: 'cjs', outfile: worker });
  return { library, worker };
}

/** A pool of summarising workers, as the extension's library worker (one per core here). */
function workerPool(script, size, lexiconDir, lexiconKey) {
  const workers = [];
  for (let i = 0; i < size; i++) {
    const w = new Worker(script);
    const pending = new Map();
    w.on('message', (m) => {
      const job = pending.get(m.id);
      pending.delete(m.id);
      if (m.type === 'summary') job.resolve(m.summary);
      else job.reject(new Error(m.message));
    });
    workers.push({ w, pending, busy: 0 });
  }
  let id = 1;
  return {
    /** With `uri`, as the extension re-indexes a changed file: always the same worker, which keeps its chunks. */
    summarise(text, uri) {
      const slot = uri === undefined ? workers.reduce((a, b) => (b.busy < a.busy ? b : a)) : workers[0];
      slot.busy++;
      const n = id++;
      return new Promise((resolve, reject) => {
        slot.pending.set(n, {
          resolve: (s) => (slot.busy--, resolve(s)),
          reject: (e) => (slot.busy--, reject(e)),
        });
        slot.w.postMessage({ type: 'summarise', id: n, text, lexicon: { key: lexiconKey, groups: [], database: lexiconDir }, ...(uri === undefined ? {} : { uri }) });
      });
    },
    close: () => Promise.all(workers.map(({ w }) => w.terminate())),
  };
}

/**
 * Indexes `dir` as the extension's indexer does: read (async), hash, reuse the stored summary or
 * summarise in a worker, add to the library, persist. `concurrency` documents are in flight.
 */
/** The longest synchronous sections of the main thread's indexing work, in ms (hash, add to the library, flush). */
const longest = { hash: 0, set: 0, flush: 0 };

async function indexAll(lib, files, dir, pool, store, library, concurrency) {
  const { readFile } = await import('node:fs/promises');
  let next = 0;
  let analysed = 0;
  const live = new Set();
  async function lane() {
    while (next < files.length) {
      const file = files[next++];
      const bytes = await readFile(path.join(dir, file));
      const hashStarted = performance.now();
      const hash = lib.contentHash(bytes);
      longest.hash = Math.max(longest.hash, performance.now() - hashStarted);
      live.add(hash);
      const kept = store.get(hash);
      const summary = kept ?? (await pool.summarise(new TextDecoder().decode(bytes)));
      const started = performance.now();
      // One object for the library and the store, as the extension keeps it.
      library.set(file, hash, summary);
      if (!kept) {
        store.put(hash, summary);
        analysed++;
      }
      longest.set = Math.max(longest.set, performance.now() - started);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  store.retain(live);
  const flushStarted = performance.now();
  await store.flush();
  longest.flush = Math.max(longest.flush, performance.now() - flushStarted);
  return analysed;
}

function heapMb() {
  global.gc?.();
  global.gc?.();
  // Typed arrays keep their contents outside the JS heap: counted too.
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / MB;
}

/** Runs in the child: prints one JSON line of figures. */
export async function libraryChild({ libraryPath, workerPath, dir, cache, lexiconDir, workers, copies = 10 }) {
  const lib = await import(pathToFileURL(libraryPath).href);
  const lexiconKey = 'bench';
  const files = lib.markdownFiles(dir);
  const bytes = files.reduce((n, f) => n + readFileSync(path.join(dir, f)).length, 0);
  const out = { documents: files.length, bytes, workers };

  // First index, cold, with the event loop watched.
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const pool = workerPool(workerPath, workers, lexiconDir, lexiconKey);
  // The first summary also reads the database lexicon: warm up on a small text, as the extension's worker does once.
  await pool.summarise('# warm-up\n\nhaloperidol');
  // The machine's own scheduling delay with nothing to do (other processes share the cores): the
  // yardstick for the delay measured while indexing.
  const idle = monitorEventLoopDelay({ resolution: 5 });
  idle.enable();
  await new Promise((resolve) => setTimeout(resolve, 5000));
  idle.disable();
  out.idleMaxBlockedMs = idle.max / 1e6;
  out.idleP99BlockedMs = idle.percentile(99) / 1e6;
  const heapBefore = heapMb();
  let library = new lib.Library();
  let store = new lib.LibraryStore(cache, lexiconKey);
  delay.enable();
  let t = performance.now();
  let cpu = process.cpuUsage();
  let elu = performance.eventLoopUtilization();
  out.analysed = await indexAll(lib, files, dir, pool, store, library, workers * 2);
  out.firstIndexMs = performance.now() - t;
  // Load-independent figures: CPU of the whole process (workers included) and of the main thread alone.
  cpu = process.cpuUsage(cpu);
  out.cpuSecondsPerMB = (cpu.user + cpu.system) / 1e6 / (bytes / MB);
  out.mainThreadBusyMs = performance.eventLoopUtilization(elu).active;
  delay.disable();
  out.maxBlockedMs = delay.max / 1e6;
  out.longest = { ...longest };
  out.p99BlockedMs = delay.percentile(99) / 1e6;
  out.entities = library.entities().length;
  out.records = library.evidence(null).length;
  out.sharedWorks = library.sharedWorks().length;
  store = undefined;
  out.indexHeapMb = heapMb() - heapBefore;

  // Reopening: a fresh library and store from the shards, every file read and hashed again.
  library = undefined;
  const heapEmpty = heapMb();
  const reopenDelay = monitorEventLoopDelay({ resolution: 5 });
  reopenDelay.enable();
  t = performance.now();
  library = new lib.Library();
  store = new lib.LibraryStore(cache, lexiconKey);
  const loaded = await store.load();
  const reanalysed = await indexAll(lib, files, dir, pool, store, library, workers * 2);
  out.reopenMs = performance.now() - t;
  reopenDelay.disable();
  out.reopenMaxBlockedMs = reopenDelay.max / 1e6;
  out.reopenReanalysed = reanalysed;
  out.reopenLoaded = loaded.summaries;
  out.reopenHeapMb = heapMb() - heapEmpty;

  // One changed file: re-read, hash, summarise, replace, persist its shard.
  const changed = files[Math.floor(files.length / 2)];
  const full = path.join(dir, changed);
  const times = [];
  for (let k = 0; k < 5; k++) {
    writeFileSync(full, `${readFileSync(full, 'utf8')}\nAn added sentence ${k}: haloperidol bound the sigma-1 receptor with a Ki of ${k + 2} nM.\n`);
    t = performance.now();
    const bytes = readFileSync(full);
    const hash = lib.contentHash(bytes);
    const summary = await pool.summarise(new TextDecoder().decode(bytes), changed);
    library.set(changed, hash, summary);
    store.put(hash, summary);
    await store.flush();
    times.push(performance.now() - t);
  }
  // The first change is analysed cold (the worker keeps the file's chunks from then on); the median is what editing costs.
  out.reindexFirstMs = times[0];
  out.reindexMs = times.sort((a, b) => a - b)[2];
  out.evidenceMs = (() => {
    const s = performance.now();
    library.evidence({ entity: 'target:cyp3a4' });
    return performance.now() - s;
  })();
  await pool.close();

  // Ten times the library: the real summaries copied (as distinct objects, as a worker would hand
  // them over: structured clones), under new paths and hashes, into one library of 10× the
  // documents; the heap it keeps (no analysis re-run).
  const sources = library.list();
  library = undefined;
  store = undefined;
  const heapBase = heapMb();
  let big = new lib.Library();
  for (let c = 0; c < copies; c++) {
    for (const d of sources) big.set(`copy-${c}/${d.uri}`, `${c}-${d.hash}`, structuredClone(d.compact));
  }
  out.scaledDocuments = big.size;
  out.scaledHeapMb = heapMb() - heapBase;
  t = performance.now();
  out.scaledEntities = big.entities().length;
  out.scaledEntitiesMs = performance.now() - t;
  t = performance.now();
  out.scaledEvidence = big.evidence({ entity: 'target:cyp3a4' }).length;
  out.scaledEvidenceMs = performance.now() - t;
  t = performance.now();
  out.scaledWorks = big.sharedWorks().length;
  out.scaledWorksMs = performance.now() - t;
  // One document replaced: only the works its entries touch are grouped again, in slices as the Library view does.
  const one = sources[Math.floor(sources.length / 2)];
  big.set(`copy-0/${one.uri}`, 'changed', structuredClone(one.compact));
  ({ totalMs: out.scaledRegroupMs, longestMs: out.scaledRegroupSliceMs } = await inSlices(lib.slicer, (pause) => big.sharedWorksSliced(pause)));
  // The first grouping of the whole library, as the view runs it: the longest time the thread is held.
  const fresh = new lib.Library();
  for (const d of big.list()) fresh.set(d.uri, d.hash, d.compact);
  ({ longestMs: out.scaledWorksSliceMs } = await inSlices(lib.slicer, (pause) => fresh.sharedWorksSliced(pause)));
  big = undefined;
  process.stdout.write(JSON.stringify(out));
}
