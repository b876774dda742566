/**
 * The light bulb for the lexicon: "Add … as Ligand/Target" on a selection or on a name-like word
 * Marginalia did not recognise, and "Not a ligand/target" on a mention it got wrong. Each action
 * runs a command that edits the workspace lexicon at once (no prompt), so a reader fixes what
 * they see with Ctrl+. and Enter; the analysis follows the file's change.
 */
import * as vscode from 'vscode';
import type { EntityKind } from '../../core/types.js';
import type { AnalysisService } from '../analysis/service.js';
import { guarded, type Logger } from '../log.js';
import { addName, asName, excludeName, lexiconUriFor, type LexiconEdit } from './edit.js';

export const ADD_NAME_COMMAND = 'marginalia.addNameToLexicon';
export const EXCLUDE_NAME_COMMAND = 'marginalia.excludeFromLexicon';

/** A word that looks like a name (not a plain lower-case word): a capital after its first letter, a digit, or a Greek letter. */
const NAME_LIKE = /^(?=.*(?:\p{N}|\p{Script=Greek}|.\p{Lu}))[\p{L}\p{N}][\p{L}\p{N}+\-′'(),]*[\p{L}\p{N}+)]$/u;
/** The characters of a name-like word, for `getWordRangeAtPosition`. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}+\-′']*[\p{L}\p{N}+]|[\p{L}\p{N}]/u;

const kindTitle: Record<EntityKind, string> = { ligand: 'Ligand', target: 'Target', chemical: 'Chemical' };

function shortened(name: string): string {
  return name.length > 40 ? `${name.slice(0, 39)}…` : name;
}

/** What the two commands take: the document (for its workspace folder), the name and the kind. */
interface LexiconArguments {
  readonly uri: string;
  readonly name: string;
  readonly kind: EntityKind;
}

function lexiconArguments(value: unknown): LexiconArguments | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { uri, name, kind } = value as Record<string, unknown>;
  if (typeof uri !== 'string' || typeof name !== 'string' || !asName(name)) return undefined;
  if (kind !== 'ligand' && kind !== 'target' && kind !== 'chemical') return undefined;
  return { uri, name: asName(name)!, kind };
}

export class LexiconCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly service: AnalysisService,
    private readonly log: Logger,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, _context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[] | undefined> {
    return guarded(this.log, 'Lexicon code actions failed', async () => {
      const analysed = await this.service.get(document, token);
      if (!analysed || token.isCancellationRequested || analysed.version !== document.version) return undefined;
      const uri = document.uri.toString();
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      const mention = analysed.index.entityAt(start);
      const actions: vscode.CodeAction[] = [];
      // On a highlight (the cursor in it, or the selection within it): it may be wrong.
      if (mention && end <= mention.end) {
        const title = `Not a ${mention.kind}: "${shortened(mention.text)}"`;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.command = { command: EXCLUDE_NAME_COMMAND, title, arguments: [{ uri, name: mention.text, kind: mention.kind }] };
        actions.push(action);
        return actions;
      }
      let name: string | null = null;
      if (!range.isEmpty) {
        // A selection over a recognised name of the same text adds nothing new.
        name = asName(document.getText(range));
        if (name && mention && mention.start === start && mention.end === end) name = null;
      } else if (!mention) {
        const word = document.getWordRangeAtPosition(range.start, WORD);
        const text = word && document.getText(word);
        if (text && NAME_LIKE.test(text)) name = text;
      }
      if (!name) return undefined;
      for (const kind of ['ligand', 'target'] as const) {
        const title = `Add "${shortened(name)}" as ${kindTitle[kind]}`;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.command = { command: ADD_NAME_COMMAND, title, arguments: [{ uri, name, kind }] };
        actions.push(action);
      }
      return actions;
    });
  }
}

export function registerLexiconActions(selector: vscode.DocumentSelector, service: AnalysisService, log: Logger): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(selector, new LexiconCodeActions(service, log), LexiconCodeActions.metadata);
}

interface Reloadable {
  reload(): Promise<void>;
}

/** The commands behind the actions; they validate their arguments (a command can be called by anyone). */
export function registerLexiconActionCommands(lexicon: Reloadable): vscode.Disposable[] {
  const run = (edit: (uri: vscode.Uri, args: LexiconArguments) => Promise<LexiconEdit>) => async (value: unknown): Promise<boolean> => {
    const args = lexiconArguments(value);
    if (!args) return false;
    try {
      const uri = lexiconUriFor(vscode.Uri.parse(args.uri));
      if (!uri) {
        void vscode.window.showWarningMessage('Open a folder to keep a workspace lexicon.');
        return false;
      }
      const result = await edit(uri, args);
      if (result.done) await lexicon.reload();
      void (result.done ? vscode.window.showInformationMessage(result.message) : vscode.window.showWarningMessage(result.message));
      return result.done;
    } catch (error) {
      void vscode.window.showErrorMessage(`Marginalia could not change the workspace lexicon: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };
  return [
    vscode.commands.registerCommand(ADD_NAME_COMMAND, run((uri, args) => addName(uri, args.name, args.kind))),
    vscode.commands.registerCommand(EXCLUDE_NAME_COMMAND, run((uri, args) => excludeName(uri, args.name, args.kind))),
  ];
}
