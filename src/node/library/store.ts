/**
 * The persisted library index: summaries in shards of a folder (the extension's workspace
 * storage, or any folder for the CLI), keyed by content hash, for one lexicon key. A shard that
 * fails to decode (corrupt, old format, other lexicon) is deleted and its documents re-indexed.
 * Writes go to a temporary file renamed into place, so a crash never leaves half a shard.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compactSummary, decodeLine, encodeLine, isCompact, shardLines, shardText, slicer, type CompactSummary, type DocumentSummary, type Pause, type ShardProblem } from '../../core/library/index.js';

/** Shards per index: a change rewrites 1/64th of it. */
const SHARDS = 64;

const shardOf = (hash: string): number => parseInt(hash.slice(0, 4), 16) % SHARDS;
const shardFile = (n: number): string => `shard-${String(n).padStart(2, '0')}.mlib`;

export interface LoadReport {
  readonly summaries: number;
  /** Shards discarded, with why. */
  readonly discarded: readonly { readonly file: string; readonly problem: ShardProblem }[];
}

export class LibraryStore {
  private readonly shards: Map<string, CompactSummary>[] = Array.from({ length: SHARDS }, () => new Map());
  private readonly dirty = new Set<number>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly folder: string,
    private readonly lexicon: string,
  ) {}

  /**
   * Reads every shard; untrustworthy ones are deleted. Lines are decoded in slices (`pause`
   * between them), so that a large index does not hold up the thread that opens it.
   */
  async load(pause: Pause = slicer()): Promise<LoadReport> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return { summaries: 0, discarded: [] };
    }
    const discarded: { file: string; problem: ShardProblem }[] = [];
    let summaries = 0;
    for (const name of names) {
      const match = /^shard-(\d\d)\.mlib$/.exec(name);
      if (!match) continue;
      const n = Number(match[1]);
      const file = path.join(this.folder, name);
      let decoded: { summaries: Map<string, CompactSummary> } | { problem: ShardProblem };
      try {
        decoded = n < SHARDS ? await this.decode(await readFile(file, 'utf8'), pause) : { problem: 'old-version' };
      } catch {
        decoded = { problem: 'corrupt' };
      }
      if ('problem' in decoded) {
        discarded.push({ file: name, problem: decoded.problem });
        await rm(file, { force: true });
        continue;
      }
      // A summary filed under the wrong shard was not written by this store: not trusted either.
      if ([...decoded.summaries.keys()].some((hash) => shardOf(hash) !== n)) {
        discarded.push({ file: name, problem: 'corrupt' });
        await rm(file, { force: true });
        continue;
      }
      this.shards[n] = decoded.summaries;
      summaries += decoded.summaries.size;
    }
    return { summaries, discarded };
  }

  private async decode(text: string, pause: Pause): Promise<{ summaries: Map<string, CompactSummary> } | { problem: ShardProblem }> {
    const opened = shardLines(text, this.lexicon);
    if ('problem' in opened) return opened;
    const summaries = new Map<string, CompactSummary>();
    for (const line of opened.lines) {
      await pause();
      const entry = decodeLine(line);
      if (!entry) return { problem: 'corrupt' };
      summaries.set(entry[0], entry[1]);
    }
    return { summaries };
  }

  get(hash: string): CompactSummary | undefined {
    return this.shards[shardOf(hash)]!.get(hash);
  }

  put(hash: string, summary: DocumentSummary | CompactSummary): void {
    const n = shardOf(hash);
    if (this.shards[n]!.get(hash) === summary) return;
    this.shards[n]!.set(hash, isCompact(summary) ? summary : compactSummary(summary));
    this.dirty.add(n);
  }

  /**
   * Keeps `summary` in place of an equal one already held (the library's compact copy), so that
   * one object serves both; nothing is rewritten.
   */
  adopt(hash: string, summary: CompactSummary): void {
    const shard = this.shards[shardOf(hash)]!;
    if (shard.has(hash)) shard.set(hash, summary);
  }

  /** Forgets every summary whose hash is not in `live` (documents deleted or changed). */
  retain(live: ReadonlySet<string>): void {
    this.shards.forEach((shard, n) => {
      for (const hash of shard.keys()) {
        if (!live.has(hash)) {
          shard.delete(hash);
          this.dirty.add(n);
        }
      }
    });
  }

  /** Writes the shards that changed, encoding one document at a time (`pause` between them). */
  flush(pause: Pause = slicer()): Promise<void> {
    // One flush at a time: two would write the same temporary files.
    const run = this.flushing.then(() => this.write(pause));
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private async write(pause: Pause): Promise<void> {
    if (this.dirty.size === 0) return;
    await mkdir(this.folder, { recursive: true });
    const pending = [...this.dirty];
    this.dirty.clear();
    for (const n of pending) {
      const file = path.join(this.folder, shardFile(n));
      const shard = this.shards[n]!;
      if (shard.size === 0) {
        await rm(file, { force: true });
        continue;
      }
      const lines: string[] = [];
      for (const [hash, summary] of [...shard]) {
        await pause();
        lines.push(encodeLine(hash, summary));
      }
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, shardText(this.lexicon, lines));
      await rename(temporary, file);
    }
  }
}
