/**
 * The persisted index is an optimisation, never a source of truth: a shard that is corrupt,
 * truncated, of an old format or made with another lexicon is discarded (and deleted), and only
 * summaries that check out are reused.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { checksum, compactSummary, decodeShard, encodeShard, expandSummary, SHARD_VERSION, summariseDocument, type DocumentSummary } from '../../../src/core/library/index.js';
import { contentHash } from '../../../src/node/library/hash.js';
import { LibraryStore } from '../../../src/node/library/store.js';

const FILE = 'test/corpus/docs/osp-verapamil-input-data-section.md';
const bytes = readFileSync(FILE);
const hash = contentHash(bytes);
let summary: DocumentSummary;
const LEXICON = 'lexicon-2026.11+database';

beforeAll(() => {
  const text = bytes.toString('utf8');
  summary = summariseDocument(text, analyze(text));
});

/** Edits the summary of line 2 (the only document) and recomputes its checksum and the header's length, as a forger would. */
function reseal(shard: string, edit: (summary: Record<string, unknown[] | unknown>) => void): string {
  const [header, line] = [shard.slice(0, shard.indexOf('\n')), shard.slice(shard.indexOf('\n') + 1)];
  const [hashOf, parsed] = JSON.parse(line.slice(line.indexOf('\t') + 1)) as [string, Record<string, unknown>];
  edit(parsed);
  const json = JSON.stringify([hashOf, parsed]);
  const newLine = `${checksum(json)}\t${json}`;
  const h = { ...JSON.parse(header), length: newLine.length };
  return `${JSON.stringify(h)}\n${newLine}`;
}

describe('a shard', () => {
  test('decodes to the summaries it was encoded from', () => {
    const decoded = decodeShard(encodeShard(LEXICON, new Map([[hash, summary]])), LEXICON);
    expect('summaries' in decoded && [...decoded.summaries].map(([h, s]) => [h, expandSummary(s)])).toEqual([[hash, summary]]);
  });

  test('is discarded when a byte changed, when truncated, or when it is not a shard', () => {
    const shard = encodeShard(LEXICON, new Map([[hash, summary]]));
    const at = shard.indexOf('"mentions":') + '"mentions":'.length;
    const flipped = `${shard.slice(0, at)}${shard[at] === '9' ? '8' : '9'}${shard.slice(at + 1)}`;
    expect(flipped).not.toBe(shard);
    expect(decodeShard(flipped, LEXICON)).toEqual({ problem: 'corrupt' });
    expect(decodeShard(shard.slice(0, shard.length - 10), LEXICON)).toEqual({ problem: 'corrupt' });
    expect(decodeShard('', LEXICON)).toEqual({ problem: 'corrupt' });
    expect(decodeShard('{"magic":"marginalia-library"\n{}', LEXICON)).toEqual({ problem: 'corrupt' });
  });

  test('is discarded when made by an older format or with another lexicon', () => {
    const shard = encodeShard(LEXICON, new Map([[hash, summary]]));
    expect(decodeShard(shard.replace(`"version":${SHARD_VERSION}`, '"version":0'), LEXICON)).toEqual({ problem: 'old-version' });
    expect(decodeShard(shard, 'lexicon-2027.01')).toEqual({ problem: 'other-lexicon' });
  });

  test('with a valid checksum but a summary of the wrong shape is not trusted', () => {
    const shard = encodeShard(LEXICON, new Map([[hash, summary]]));
    // A record starting at offset -1: a row of the records' columns, its numbers alongside.
    const bad = reseal(shard, (body) => {
      (body.records as unknown[]).push(-1, 0, 0, 0, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0);
      (body.numbers as unknown[]).push(null, null, null, null, null, null);
    });
    expect(decodeShard(bad, LEXICON)).toEqual({ problem: 'corrupt' });
    const noFormat = reseal(shard, (body) => {
      body.format = 0;
    });
    expect(decodeShard(noFormat, LEXICON)).toEqual({ problem: 'corrupt' });
    // A record naming a ligand past the end of the parties, or a string past the end of the table.
    const records = (s: string) => (JSON.parse(s.slice(s.indexOf('\t') + 1)) as [string, { records: number[]; strings: string[]; parties: number[] }])[1];
    const noParty = reseal(shard, (body) => {
      (body.records as number[])[4] = records(shard).parties.length;
    });
    expect(decodeShard(noParty, LEXICON)).toEqual({ problem: 'corrupt' });
    const noString = reseal(shard, (body) => {
      (body.records as number[])[6] = records(shard).strings.length;
    });
    expect(decodeShard(noString, LEXICON)).toEqual({ problem: 'corrupt' });
    expect(decodeShard(reseal(shard, () => undefined), LEXICON)).not.toHaveProperty('problem');
  });
});

describe('the store', () => {
  const dirs: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'marginalia-library-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('reopens what it wrote', async () => {
    const dir = folder();
    const store = new LibraryStore(dir, LEXICON);
    store.put(hash, summary);
    await store.flush();
    const reopened = new LibraryStore(dir, LEXICON);
    expect(await reopened.load()).toEqual({ summaries: 1, discarded: [] });
    expect(expandSummary(reopened.get(hash)!)).toEqual(summary);
  });

  test('deletes a corrupt shard on load and keeps nothing of it', async () => {
    const dir = folder();
    const store = new LibraryStore(dir, LEXICON);
    store.put(hash, summary);
    await store.flush();
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file!), readFileSync(path.join(dir, file!), 'utf8').slice(0, 500));
    const reopened = new LibraryStore(dir, LEXICON);
    expect(await reopened.load()).toEqual({ summaries: 0, discarded: [{ file, problem: 'corrupt' }] });
    expect(reopened.get(hash)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  test('discards the whole index when the lexicon changed', async () => {
    const dir = folder();
    const store = new LibraryStore(dir, LEXICON);
    store.put(hash, summary);
    await store.flush();
    const reopened = new LibraryStore(dir, 'another-lexicon');
    expect((await reopened.load()).discarded.map((d) => d.problem)).toEqual(['other-lexicon']);
    expect(reopened.get(hash)).toBeUndefined();
  });

  test('adopting an equal summary rewrites nothing', async () => {
    const dir = folder();
    const store = new LibraryStore(dir, LEXICON);
    store.put(hash, summary);
    await store.flush();
    const [file] = readdirSync(dir);
    const before = statSync(path.join(dir, file!)).mtimeMs;
    const reopened = new LibraryStore(dir, LEXICON);
    await reopened.load();
    const copy = compactSummary(structuredClone(summary));
    reopened.adopt(hash, copy);
    await reopened.flush();
    expect(reopened.get(hash)).toBe(copy);
    expect(statSync(path.join(dir, file!)).mtimeMs).toBe(before);
    expect(readdirSync(dir)).toEqual([file]);
  });

  test('forgets the summaries of content no document has any more', async () => {
    const dir = folder();
    const store = new LibraryStore(dir, LEXICON);
    store.put(hash, summary);
    store.retain(new Set());
    await store.flush();
    expect(readdirSync(dir)).toEqual([]);
  });
});
