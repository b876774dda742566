import { describe, expect, test } from 'vitest';
import { isHostMessage, isPanelModel, isRevealReferenceArgs, isWebviewMessage } from '../../../src/shared/protocol.js';
import { buildPanelModel } from '../../../src/vscode/panel/model.js';
import { reviewAnalysis, reviewText } from './review-analysis.js';

const uri = 'file:///work/review.md';

describe('messages from the webview (checked by the extension host)', () => {
  test('accepts every well-formed request', () => {
    const valid = [
      { type: 'ready' },
      { type: 'exportCsv' },
      { type: 'openDataTable' },
      { type: 'revealReference', uri, number: 21 },
      { type: 'revealCitation', uri, citation: 0 },
      { type: 'revealRecord', uri, record: 4 },
      { type: 'stepMention', uri, entity: 'ligand:compound-a', direction: 1 },
      { type: 'stepMention', uri, entity: 'ligand:compound-a', direction: -1 },
      { type: 'cspViolation', directive: 'style-src-elem', blocked: 'inline' },
    ];
    expect(valid.filter((m) => !isWebviewMessage(m))).toEqual([]);
  });

  test('rejects hostile or malformed messages', () => {
    const hostile: unknown[] = [
      null,
      undefined,
      'ready',
      42,
      [],
      [{ type: 'ready' }],
      {},
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'ready', extra: 'payload' },
      { type: 'revealReference', uri, number: '21' },
      { type: 'revealReference', uri, number: 2.5 },
      { type: 'revealReference', uri, number: -1 },
      { type: 'revealReference', uri, number: Number.NaN },
      { type: 'revealReference', uri, number: Number.POSITIVE_INFINITY },
      { type: 'revealReference', uri, number: 2 ** 60 },
      { type: 'revealReference', uri: '', number: 1 },
      { type: 'revealReference', uri: 'x'.repeat(5000), number: 1 },
      { type: 'revealReference', uri: { toString: () => uri }, number: 1 },
      { type: 'revealReference', number: 1 },
      { type: 'revealReference', uri, number: 1, command: 'evil' },
      { type: 'revealCitation', uri, citation: null },
      { type: 'revealRecord', uri },
      { type: 'stepMention', uri, entity: 'x', direction: 2 },
      { type: 'stepMention', uri, entity: '', direction: 1 },
      { type: 'stepMention', uri, entity: 7, direction: 1 },
      { type: 'cspViolation', directive: 'x'.repeat(5000), blocked: '' },
      JSON.parse('{"type":"ready","__proto__":{"polluted":true}}'),
      Object.assign(Object.create({ type: 'ready' }), {}),
    ];
    expect(hostile.filter((m) => isWebviewMessage(m))).toEqual([]);
  });
});

describe('messages from the extension host (checked by the webview)', () => {
  const model = buildPanelModel(reviewAnalysis, { uri, version: 1, name: 'review.md', text: reviewText });

  test('accepts a model built from an analysis, an empty state and a highlight', () => {
    expect(isHostMessage({ type: 'model', model })).toBe(true);
    expect(isHostMessage({ type: 'model', model: { kind: 'empty', message: 'Open a markdown document.' } })).toBe(true);
    expect(isHostMessage({ type: 'highlight', uri, numbers: [12, 13], reason: 'cursor' })).toBe(true);
    expect(isHostMessage({ type: 'highlight', uri, numbers: [], reason: 'command' })).toBe(true);
  });

  test('rejects a model with a wrong field anywhere in it', () => {
    const broken = [
      { ...model, kind: 'other' },
      { ...model, references: [{ ...model.references[0]!, number: '1' }] },
      { ...model, references: [{ ...model.references[0]!, citations: [{ citation: 0, line: 1, before: 1, marker: '', after: '' }] }] },
      { ...model, entities: [{ ...model.entities[0]!, kind: 'gene' }] },
      { ...model, records: [{ ...model.records[0]!, molar: Number.NaN }] },
      { ...model, records: 'none' },
      { kind: 'empty' },
    ];
    expect(broken.filter((m) => isPanelModel(m))).toEqual([]);
    expect(isHostMessage({ type: 'highlight', uri, numbers: [-1], reason: 'cursor' })).toBe(false);
    expect(isHostMessage({ type: 'highlight', uri, numbers: [1], reason: 'script' })).toBe(false);
    expect(isHostMessage({ type: 'eval', code: 'alert(1)' })).toBe(false);
  });
});

describe('arguments of marginalia.revealReference', () => {
  test('needs a uri string and a positive integer number', () => {
    expect(isRevealReferenceArgs({ uri, number: 12 })).toBe(true);
    expect([
      undefined,
      [{ uri, number: 12 }],
      { uri, number: 0 },
      { uri, number: '12' },
      { uri: 12, number: 12 },
      { number: 12 },
      { uri, number: 1.5 },
    ].filter((args) => isRevealReferenceArgs(args))).toEqual([]);
  });
});
