import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { chunksFrom } from '../../../src/core/parse/chunks.js';
import { ALL_FEATURES, featureMask, processorForText } from '../../../src/core/parse/processors.js';

const full = unified().use(remarkParse).use(remarkGfm);
const fullMath = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
const reference = (text: string) => {
  const p = text.includes('$') ? fullMath : full;
  return p.runSync(p.parse(text));
};
const picked = (text: string) => {
  const p = processorForText(text);
  return p.runSync(p.parse(text));
};

const folders = ['test/corpus/docs', 'test/fixtures/documents'];
const documents = folders.flatMap((folder) =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(folder, f)),
);

describe('the processor picked for a chunk by the GFM syntax it may hold', () => {
  it('gives every chunk of the corpus and fixture documents the tree remark-gfm gives it', () => {
    let chunks = 0;
    for (const file of documents) {
      const text = readFileSync(file, 'utf8');
      for (const c of chunksFrom(text, 0)) {
        const chunk = text.slice(c.start, c.end);
        expect(picked(chunk), `${file} at ${c.start}`).toEqual(reference(chunk));
        chunks++;
      }
    }
    expect(chunks).toBeGreaterThan(500);
  });

  it('gives the tree remark-gfm gives to each construct written at its smallest', () => {
    const samples = [
      'mail me at a.b@example.org today',
      'see www.example.com and HTTPS://example.org/x',
      'an encoded at: a&#64;example.org',
      'an encoded at, a&#64;example.org, beside a link to https://example.org',
      'a web address www.example.org beside an encoded one: a&#x40;example.org',
      'mail a.b@example.org about [www.example.org](x) and (http://example.org/a).',
      'a call[^1].\n\n[^1]: the note',
      'struck ~~out~~ and ~one~',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '- [ ] open\n- [x] done\n- [X] done too',
      'inline $x^2$ and\n\n$$\ny\n$$',
      'plain words with _emphasis_ and **strong** and `code` only',
    ];
    for (const text of samples) expect(picked(text), text).toEqual(reference(text));
  });

  it('gives the tree remark-gfm gives when only some blocks hold autolink literals', () => {
    const text = [
      'a plain paragraph, then a list',
      '- an item with www.example.com\n  - nested, a.b@example.org and *HTTP://example.org/x*',
      '| mailto:a@example.org | plain |\n|---|---|\n| xmpp:a@example.org/r | [www.in.link](http://x) |',
      '> quoted https://example.org/a_(b).',
      'a decoded at: a&#64;example.org, and an escaped one: www\\.example.com',
      '[^1]: a note citing https://doi.org/10.1000/1',
      'last [www.linked.org][ref] words',
      '[ref]: https://example.org',
    ].join('\n\n');
    expect(picked(text)).toEqual(reference(text));
  });

  it('leaves out the constructs whose characters a chunk lacks', () => {
    expect(featureMask('plain words with _emphasis_ only')).toBe(0);
    expect(featureMask('| a |')).toBe(0b0001000);
    expect(featureMask('a@b.org http://b.org ~x~ [^1] [ ] $x$ |')).toBe(ALL_FEATURES);
    expect(featureMask('WWW.example.com')).toBe(0b1000001);
    // An e-mail address needs its `@` in the source; the transform reads decoded text (`&#64;`).
    expect(featureMask('mail a@b.org')).toBe(0b1100000);
    expect(featureMask('a&#64;b.org')).toBe(0b1000000);
  });
});
