import { readFileSync } from 'node:fs';

/** A fixture of the lexicon build (test/fixtures/lexicon-build/). */
export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/lexicon-build/${name}`, import.meta.url), 'utf8');
}
