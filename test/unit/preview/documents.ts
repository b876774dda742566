/** The documents the preview's mapping is tested on, and ways of reading rendered HTML back. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { corpus, root, type CorpusDocument } from '../robustness/corpus.js';

export { root };

/** The sample guide, every fixture (hostile ones included) and a few benchmark documents of each set. */
export function documents(): CorpusDocument[] {
  const benchmarks = path.join(root, 'test/corpus/benchmarks');
  const rebuilt = ['anystyle', 'bc2gm', 'bc5cdr-chem'].flatMap((set) =>
    readdirSync(path.join(benchmarks, set, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .sort()
      .slice(0, 2)
      .map((name) => {
        const file = path.join(benchmarks, set, 'docs', name);
        return { name: path.relative(root, file), text: readFileSync(file, 'utf8') };
      }));
  return [...corpus(), ...rebuilt];
}

export function read(relative: string): string {
  return readFileSync(path.join(root, relative), 'utf8');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

/** The text a browser would show for an HTML fragment (tags dropped, entities decoded). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z0-9]+);/gi, (entity, name: string) => {
      if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
      return ENTITIES[name] ?? entity;
    });
}

/** The opening tags of an HTML fragment, in order. */
export function openingTags(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g)].map((m) => m[0]);
}
