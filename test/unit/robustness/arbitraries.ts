/** Random documents for the property tests: markdown made of the constructs the extractors read, and mutated real documents. */
import fc from 'fast-check';
import type { CorpusDocument } from './corpus.js';

/** Constructs of extracted literature and of markdown, including broken ones. */
export const PIECES = [
  'The blocker', ' inhibits ', 'the receptor', ' channel', ' (AB)', ' antagonist', 'agonist ', 'Kv1.3', 'K_v1.3', 'Ca^{2+}', 'GABA_A',
  '[1]', '[2][3]', '[4–6]', '[1, 3]', '^{[1][2]}', '^[7]', '$^{12}$', '\\(^{2,3}\\)', '\\textsuperscript{4–6}', '¹²', '¹,⁶', '³⁻⁵', '<sup>12</sup>',
  '[\\[1,2\\]](#page-3-0)', '[^3]', '[^note]', '(Smith et al., 2017)', 'IC50 = 6 μM', '$\\text{IC}_{50} = 6 \\mu\\text{M}$', '10 μ M', '3.2 ± 0.4 nM',
  '10-100 μM', 'pIC50 7.2', '42%', '\\sim 10,000 \\times g', '5 mg/kg', '-70 mV', '\n', '\n\n', '\r\n', '\r', '\t', '  ', '    code\n', '# ', '## Methods\n',
  '- ', '* ', '1. ', '12) ', '> ', '>> ', '```', '```js\n', '~~~', '$$', '$', '\\', '|', '| a | b |\n|---|---|\n| 1 | 2 |\n', '|---|', '<table><tr><td>',
  '</td></tr></table>', '<div>', '<!--', '-->', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))',
  '[run](command:workbench.action.terminal.new)', '![i](https://example.invalid/t.png)', '&lt;script&gt;', '&#60;svg onload=alert(1)&#62;',
  'References\n', 'Bibliography\n\n', '1. Smith J. A title. J Pharm. 2019. doi:10.1000/xyz\n', '[^3]: Doe A. Notes. 2020.\n', 'Table 1: Values\n',
  'Ligand\tTarget\tIC50\n', 'x\ty\t3 μM\n', '😀', '𝛼', '\u0000', '\u200b', '\ufeff', '\ud800', '\udc00', 'é', 'İ', 'ß', 'Ω', 'µ', 'μ',
];

const piece = fc.constantFrom(...PIECES);
/** Any UTF-16 unit, lone surrogates included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const unicode = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: anyUnit, maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 4 }));

/** Random markdown: a few dozen pieces, words and stray unicode. */
export const markdown: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: piece }, { weight: 2, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 1, arbitrary: unicode }), { maxLength: 40 })
  .map((parts) => parts.join(''));

export type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'swap'; readonly a: number; readonly b: number }
  | { readonly kind: 'crlf' };

const at = fc.double({ min: 0, max: 1, noNaN: true });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: fc.oneof(piece, unicode, markdown) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.nat(80) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap' as const), a: at, b: at }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'crlf' as const }) },
);

export function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'insert': {
      const i = Math.floor(m.at * text.length);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'delete': {
      const i = Math.floor(m.at * text.length);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'swap': {
      const lines = text.split('\n');
      const a = Math.floor(m.a * lines.length);
      const b = Math.floor(m.b * lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
  }
}

/** A window of a real document (the sample or a fixture), mutated a few times. */
export function mutatedDocument(documents: readonly CorpusDocument[], maxLength = 400): fc.Arbitrary<string> {
  return fc
    .record({
      doc: fc.nat(documents.length - 1),
      from: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 0, max: maxLength }),
      mutations: fc.array(mutation, { maxLength: 5 }),
    })
    .map(({ doc, from, length, mutations }) => {
      const source = documents[doc]!.text;
      const start = Math.floor(from * Math.max(0, source.length - length));
      return mutations.reduce(mutate, source.slice(start, start + length));
    });
}
