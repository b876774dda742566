/**
 * What waits until the first highlights are on the screen: reading and laying on the database
 * lexicon (hundreds of milliseconds of parsing on the extension host's thread, then a second
 * analysis of every open document) and with it the library's indexing, which waits for that
 * lexicon. Done sooner, they would hold back the first analysis and the message that carries
 * its highlights to the editor.
 */
import * as vscode from 'vscode';
import type { AnalysisService } from './analysis/service.js';

/** However long the first analyses take (a large document, a slow machine), the rest starts after this. */
const AT_MOST_MS = 3000;

/** Settles once the documents shown when the extension started are analysed (or AT_MOST_MS has passed). */
export async function firstAnalyses(service: AnalysisService): Promise<void> {
  const shown = [...new Set(vscode.window.visibleTextEditors.map((e) => e.document))].filter((d) => service.readability(d).readable);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, AT_MOST_MS)));
  // A failed or cancelled first analysis must not keep the rest waiting (nor go unhandled).
  await Promise.race([Promise.all(shown.map((d) => service.get(d).catch(() => undefined))), cap]);
  clearTimeout(timer);
  // One more turn, so that the highlights' message leaves before a long task blocks the thread.
  await new Promise((resolve) => setTimeout(resolve, 0));
}
