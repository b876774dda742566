/**
 * Writes the start-up marks (../vscode/trace.ts) to the file MARGINALIA_TRACE names, one
 * `epoch-ms label` a line, for `npm run bench -- --first-highlight --trace`.
 */
import { appendFileSync } from 'node:fs';
import { setTraceSink } from '../vscode/trace.js';

/** VS Code's own marks in its extension host (vs/base/common/performance keeps them here). */
interface PerformanceMarks {
  getMarks(): readonly { name: string; startTime: number }[];
}

export function traceToFile(file: string | undefined): void {
  if (!file) return;
  const write = (ms: number, label: string) => appendFileSync(file, `${Math.round(ms)} ${label}\n`);
  write(performance.timeOrigin, 'extension host process started');
  setTraceSink((label) => write(Date.now(), label));
}

/** Adds VS Code's extension-host marks so far (its start-up steps, when each extension loaded and activated). */
export function traceVscodeMarks(file: string | undefined): void {
  const marks = (globalThis as { MonacoPerformanceMarks?: PerformanceMarks }).MonacoPerformanceMarks;
  if (!file || !marks) return;
  for (const m of marks.getMarks()) appendFileSync(file, `${Math.round(m.startTime)} vscode ${m.name}\n`);
}
