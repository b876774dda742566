/**
 * Real documents for the property tests: the sample guide and every markdown fixture (hostile ones
 * included), read from the project's own files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...markdownFiles(full));
    else if (name.endsWith('.md')) out.push(full);
  }
  return out;
}

export interface CorpusDocument {
  readonly name: string;
  readonly text: string;
}

/** The sample guide first, then the fixtures in path order. */
export function corpus(): CorpusDocument[] {
  const files = [...markdownFiles(path.join(root, 'seeds')), ...markdownFiles(path.join(root, 'test', 'fixtures'))];
  return files.map((file) => ({ name: path.relative(root, file), text: readFileSync(file, 'utf8') }));
}

/** How many cases a property runs: `base` by default, scaled by `MARGINALIA_PROPERTY_RUNS` (a total, relative to 10,000). */
export function runs(base: number): number {
  const wanted = Number(process.env.MARGINALIA_PROPERTY_RUNS);
  if (!Number.isFinite(wanted) || wanted <= 0) return base;
  return Math.max(1, Math.round((base * wanted) / 10_000));
}
