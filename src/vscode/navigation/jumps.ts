/**
 * Commands that move the cursor: next / previous citation marker, next / previous mention of the
 * entity under the cursor (both wrap around), and `marginalia.goToReference` (hover links and
 * quick fixes), whose arguments are validated again here since a command can be called by anyone.
 */
import * as vscode from 'vscode';
import type { Span } from '../../core/types.js';
import type { AnalysisService } from '../analysis/service.js';
import type { Logger } from '../log.js';
import { isReferenceCommandArgs } from '../markdown.js';
import { rangeOf } from '../positions.js';

type Direction = 1 | -1;

/** The span after (or before) `offset` in spans sorted by start, wrapping around. */
function step<T extends Span>(spans: readonly T[], offset: number, direction: Direction): T | undefined {
  if (spans.length === 0) return undefined;
  if (direction === 1) return spans.find((s) => s.start > offset) ?? spans[0];
  for (let i = spans.length - 1; i >= 0; i--) if (spans[i]!.start < offset) return spans[i];
  return spans[spans.length - 1];
}

function select(editor: vscode.TextEditor, span: Span): void {
  const range = rangeOf(editor.document, span);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerJumpCommands(service: AnalysisService, log: Logger): vscode.Disposable {
  async function current(): Promise<{ editor: vscode.TextEditor; analysed: NonNullable<Awaited<ReturnType<AnalysisService['get']>>> } | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const analysed = await service.get(editor.document);
    if (!analysed || analysed.version !== editor.document.version) return undefined;
    return { editor, analysed };
  }

  async function citation(direction: Direction): Promise<boolean> {
    try {
      const at = await current();
      if (!at) return false;
      const offset = at.editor.document.offsetAt(at.editor.selection.start);
      const target = step(at.analysed.analysis.citations, offset, direction);
      if (!target) {
        void vscode.window.setStatusBarMessage('Marginalia: no citation markers in this document', 3000);
        return false;
      }
      select(at.editor, target);
      return true;
    } catch (error) {
      log.error('Could not move to the citation marker', error);
      return false;
    }
  }

  async function mention(direction: Direction): Promise<boolean> {
    try {
      const at = await current();
      if (!at) return false;
      const { index } = at.analysed;
      const offset = at.editor.document.offsetAt(at.editor.selection.start);
      const here = index.entityAt(offset);
      if (!here) {
        void vscode.window.setStatusBarMessage('Marginalia: put the cursor on a ligand or target first', 3000);
        return false;
      }
      const target = step(index.mentionsOf(here.id), here.start, direction);
      if (!target) return false;
      select(at.editor, target);
      return true;
    } catch (error) {
      log.error('Could not move to the mention', error);
      return false;
    }
  }

  async function goToReference(args: unknown): Promise<boolean> {
    try {
      // Command links pass their arguments as an array; other callers may pass the object.
      const value = Array.isArray(args) ? args[0] : args;
      if (!isReferenceCommandArgs(value)) {
        log.warn('marginalia.goToReference: ignored invalid arguments');
        return false;
      }
      // Only a document that is open (and so analysed) can be the target: a link never opens files.
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === value.uri);
      if (!document) return false;
      const analysed = await service.get(document);
      const reference = analysed?.version === document.version ? analysed.index.reference(value.number) : undefined;
      if (!reference) {
        void vscode.window.setStatusBarMessage(`Marginalia: no reference ${value.number} in this document`, 3000);
        return false;
      }
      const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
      select(editor, { start: reference.labelStart, end: reference.labelEnd });
      return true;
    } catch (error) {
      log.error('Could not go to the reference', error);
      return false;
    }
  }

  /** `marginalia.goToRecord` (hover links): selects the cell or sentence a record was read from. */
  async function goToRecord(args: unknown): Promise<boolean> {
    try {
      const value = Array.isArray(args) ? args[0] : args;
      if (!isReferenceCommandArgs(value)) {
        log.warn('marginalia.goToRecord: ignored invalid arguments');
        return false;
      }
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === value.uri);
      if (!document) return false;
      const analysed = await service.get(document);
      const record = analysed?.version === document.version ? analysed.index.analysis.records[value.number - 1] : undefined;
      if (!record) return false;
      const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
      select(editor, record.cell ?? record);
      return true;
    } catch (error) {
      log.error('Could not go to the record', error);
      return false;
    }
  }

  return vscode.Disposable.from(
    vscode.commands.registerCommand('marginalia.nextCitation', () => citation(1)),
    vscode.commands.registerCommand('marginalia.previousCitation', () => citation(-1)),
    vscode.commands.registerCommand('marginalia.nextMention', () => mention(1)),
    vscode.commands.registerCommand('marginalia.previousMention', () => mention(-1)),
    vscode.commands.registerCommand('marginalia.goToReference', (args: unknown) => goToReference(args)),
    vscode.commands.registerCommand('marginalia.goToRecord', (args: unknown) => goToRecord(args)),
  );
}
