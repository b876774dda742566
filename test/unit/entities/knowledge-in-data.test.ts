import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { read } from './helpers.js';

/** Every name and synonym of the lexicon data (and the non-entity list) of at least five characters. */
function lexiconNames(): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(new URL('../../../src/core/lexicon/', import.meta.url)).filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(read(`src/core/lexicon/${file}`)) as { entries?: { name: string; synonyms?: string[] }[]; names?: string[] };
    for (const e of data.entries ?? []) for (const n of [e.name, ...(e.synonyms ?? [])]) names.add(n);
    for (const n of data.names ?? []) names.add(n);
  }
  return [...names].filter((n) => n.length >= 5);
}

function sources(dir: string): string[] {
  return readdirSync(new URL(`../../../${dir}/`, import.meta.url), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${dir}/${f}`);
}

const standsAlone = (text: string, at: number, length: number) => !/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[at + length] ?? '');

describe('knowledge lives in data', () => {
  it('keeps every lexicon name out of the recogniser code', () => {
    const names = lexiconNames();
    expect(names.length).toBeGreaterThan(2000);
    const found: string[] = [];
    for (const file of [...sources('src/core/entities'), ...sources('src/vscode/lexicon')]) {
      const code = read(file).toLowerCase();
      for (const name of names) {
        const key = name.toLowerCase();
        for (let at = code.indexOf(key); at >= 0; at = code.indexOf(key, at + 1)) {
          if (standsAlone(code, at, key.length)) {
            found.push(`${file}: ${name}`);
            break;
          }
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('keeps the sample guide’s names out of the recogniser code', () => {
    for (const file of [...sources('src/core/entities'), ...sources('src/vscode/lexicon')]) {
      expect(read(file), file).not.toMatch(/\b(?:pentazocine|SKF|haloperidol|PRE-084|GluN|Sigma-1|S1R|NMDA|DMT|ASIC|PSD-95)/i);
    }
  });
});
