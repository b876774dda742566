/**
 * The first analyses, started when the bundle loads rather than when VS Code activates the
 * extension. Between the two, the extension host loads and activates the other extensions that
 * wait for the same event (a second or more on a busy machine). The documents shown then are
 * analysed at once (a small one on the host's thread, where its edits will be analysed; a large
 * one in the worker), the service's first request for each is answered with that analysis (see
 * AnalysisBackend.prime), and its highlights are put on as it arrives, before the activation if
 * that is later (early-highlights.ts).
 */
import * as vscode from 'vscode';
import type { Lexicon } from '../../core/entities/index.js';
import { Config } from '../config.js';
import { highlightEarly } from '../early-highlights.js';
import type { AnalysisBackend } from './backend.js';
import { readabilityOf } from './service.js';
import { mark } from '../trace.js';

export function primeShownDocuments(backend: AnalysisBackend, lexicon: Lexicon): void {
  const settings = Config.read();
  let primed = 0;
  for (const { document } of vscode.window.visibleTextEditors) {
    if (!readabilityOf(document, settings).readable) continue;
    const { version } = document;
    backend.prime?.({ uri: document.uri.toString(), version, text: document.getText(), lexicon })?.then(
      (analysis) => highlightEarly(document, version, analysis),
      () => undefined,
    );
    primed++;
  }
  mark(`primed ${primed} of ${vscode.window.visibleTextEditors.length} shown documents`);
}
