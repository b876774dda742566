/**
 * Registers the reader's annotations: the manager (load, follow, re-anchor, save), decorations,
 * note threads, and the commands (highlight, add, edit and delete notes, tags, colour, remove,
 * export). Commands take optional arguments (checked here) so tests and the panel can drive them
 * without the pickers.
 */
import * as vscode from 'vscode';
import {
  annotationAt,
  annotationColours,
  annotationsToJsonLd,
  annotationsToMarkdown,
  colourHex,
  isAnnotationColour,
  limits,
  normaliseTags,
  parseTagList,
  type AnnotationColour,
  type PlacedAnnotation,
} from '../../core/annotations/index.js';
import type { AnalysisService } from '../analysis/service.js';
import type { Logger } from '../log.js';
import { NoteComment, NoteThreads } from './comments.js';
import { createAnnotationDecorations } from './decorations.js';
import { AnnotationError, AnnotationManager, type DocumentAnnotations } from './manager.js';

export { AnnotationManager } from './manager.js';

/** The placed annotations of a document for the markdown preview's marks. */
export function previewAnnotations(manager: AnnotationManager): { annotationsOf(uri: string): { start: number; end: number; colour: AnnotationColour }[]; onDidChange: vscode.Event<string> } {
  return {
    annotationsOf(uri) {
      const view = manager.peek(uri);
      if (!view || view.status.kind !== 'ready') return [];
      return view.placed.flatMap(({ annotation, placement }) => (placement.kind === 'anchored' ? [{ start: placement.start, end: placement.end, colour: annotation.colour }] : []));
    },
    onDidChange: manager.onDidChange,
  };
}

/** What `marginalia._annotations` reports (for tests). */
export interface AnnotationsState {
  readonly uri: string;
  readonly status: DocumentAnnotations['status']['kind'];
  readonly file: string | undefined;
  readonly annotations: readonly {
    readonly id: string;
    readonly colour: AnnotationColour;
    readonly tags: readonly string[];
    readonly note: string | null;
    readonly exact: string;
    readonly placement: PlacedAnnotation['placement'];
  }[];
  /** Decorated ranges per colour in the first visible editor of the document. */
  readonly decorated: Readonly<Record<AnnotationColour, number>> | null;
  readonly threads: number;
}

const colourLabels: Record<AnnotationColour, string> = {
  yellow: 'Yellow',
  red: 'Red',
  green: 'Green',
  blue: 'Blue',
  purple: 'Purple',
  magenta: 'Magenta',
  orange: 'Orange',
  gray: 'Gray',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Optional arguments of the commands; anything malformed is ignored (the pickers ask instead). */
interface CommandArgs {
  readonly id?: string;
  readonly colour?: AnnotationColour;
  readonly tags?: readonly string[];
  readonly note?: string;
}

function readArgs(value: unknown): CommandArgs {
  if (!isObject(value)) return {};
  const args: { id?: string; colour?: AnnotationColour; tags?: string[]; note?: string } = {};
  if (typeof value.id === 'string' && value.id.length > 0 && value.id.length <= 500) args.id = value.id;
  if (isAnnotationColour(value.colour)) args.colour = value.colour;
  if (Array.isArray(value.tags) && value.tags.every((t) => typeof t === 'string')) args.tags = normaliseTags(value.tags as string[]);
  if (typeof value.note === 'string' && value.note.length <= limits.note) args.note = value.note;
  return args;
}

async function pickColour(title: string): Promise<AnnotationColour | undefined> {
  const picked = await vscode.window.showQuickPick(
    annotationColours.map((colour) => ({ label: colourLabels[colour], description: colourHex[colour], colour })),
    { title, placeHolder: 'Colour' },
  );
  return picked?.colour;
}

function selectionOf(editor: vscode.TextEditor | undefined): { document: vscode.TextDocument; start: number; end: number } | undefined {
  if (!editor || editor.selection.isEmpty) return undefined;
  const { document, selection } = editor;
  return { document, start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) };
}

/**
 * Documents that are files of their own: in a workspace folder, on disk or on a remote. Editors
 * VS Code makes of other things (the comment input, output, diffs' originals) are not annotated.
 */
function isAnnotatable(uri: vscode.Uri): boolean {
  if (uri.scheme === 'untitled') return true;
  return uri.scheme === 'file' || uri.scheme === 'vscode-remote' || vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

export interface AnnotationsFeature extends vscode.Disposable {
  readonly manager: AnnotationManager;
}

export function registerAnnotations(service: AnalysisService, log: Logger): AnnotationsFeature {
  const manager = new AnnotationManager((document) => isAnnotatable(document.uri) && service.readability(document).readable, log);
  const decorations = createAnnotationDecorations();
  const threads = new NoteThreads();
  const decorated = new Map<string, Record<AnnotationColour, number>>();

  const show = (uri: string) => {
    const view = manager.peek(uri);
    const placed = view?.status.kind === 'ready' ? view.placed : [];
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== uri) continue;
      decorated.set(uri, decorations.show(editor, placed));
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (document && view) threads.sync(document, placed);
    else threads.clear(uri);
  };

  /** Runs a command, telling the reader (not the log) when the request cannot be done. */
  const guarded = <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await run(...args);
      } catch (error) {
        if (error instanceof AnnotationError) void vscode.window.showWarningMessage(`Marginalia: ${error.message}`);
        else log.error('Annotation command failed', error);
        return undefined;
      }
    };

  /** The annotation named by `args.id`, else the one under the active editor's cursor. */
  const target = async (args: CommandArgs): Promise<{ document: vscode.TextDocument; item: PlacedAnnotation } | undefined> => {
    if (args.id) {
      const found = manager.find(args.id);
      const document = found && vscode.workspace.textDocuments.find((d) => d.uri.toString() === found.uri);
      return found && document ? { document, item: found.item } : undefined;
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const view = await manager.get(editor.document);
    const item = view && annotationAt(view.placed, editor.document.offsetAt(editor.selection.active));
    if (!item) void vscode.window.showInformationMessage('Marginalia: put the cursor in an annotation first.');
    return item ? { document: editor.document, item } : undefined;
  };

  const highlight = guarded(async (raw: unknown) => {
    const args = readArgs(raw);
    const selected = selectionOf(vscode.window.activeTextEditor);
    if (!selected) throw new AnnotationError('select the text to highlight first.');
    const colour = args.colour ?? (await pickColour('Highlight the selection'));
    if (!colour) return undefined;
    return (await manager.create(selected.document, selected.start, selected.end, { colour, tags: args.tags ?? [] })).id;
  });

  const addNote = guarded(async (raw: unknown) => {
    const args = readArgs(raw);
    const editor = vscode.window.activeTextEditor;
    const selected = selectionOf(editor);
    if (!selected || !editor) throw new AnnotationError('select the text to write a note on first.');
    if (args.note !== undefined) {
      return (await manager.create(selected.document, selected.start, selected.end, { colour: args.colour ?? 'yellow', tags: args.tags ?? [], note: args.note })).id;
    }
    await manager.get(selected.document).then((view) => {
      if (view?.status.kind !== 'ready') throw new AnnotationError('its annotations cannot be changed now.');
    });
    threads.draft(selected.document, new vscode.Range(editor.selection.start, editor.selection.end));
    return undefined;
  });

  const saveDraft = guarded(async (reply: vscode.CommentReply) => {
    const thread = reply?.thread;
    if (!thread?.range) return undefined;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === thread.uri.toString());
    if (!document) return undefined;
    const start = document.offsetAt(thread.range.start);
    const end = document.offsetAt(thread.range.end);
    thread.dispose();
    if (!reply.text.trim() || end <= start) return undefined;
    const created = await manager.create(document, start, end, { colour: 'yellow', note: reply.text });
    threads.expand(document.uri.toString(), created.id);
    return created.id;
  });

  const withComment = (run: (comment: NoteComment, document: vscode.TextDocument) => Promise<unknown>) =>
    guarded(async (comment: unknown) => {
      if (!(comment instanceof NoteComment)) return undefined;
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === comment.uri);
      return document ? run(comment, document) : undefined;
    });

  const setMode = (comment: NoteComment, mode: vscode.CommentMode) => {
    comment.mode = mode;
    comment.thread.comments = comment.thread.comments.map((c) => c);
  };

  const exportAnnotations = guarded(async (uriTarget: unknown, format: unknown) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new AnnotationError('open a document to export its annotations.');
    const document = editor.document;
    const view = await manager.get(document);
    if (!view || view.status.kind !== 'ready') throw new AnnotationError('this document has no annotations that can be exported.');
    let chosen = format === 'markdown' || format === 'jsonld' ? format : undefined;
    chosen ??= (
      await vscode.window.showQuickPick(
        [
          { label: 'Markdown', description: 'quotes, notes, tags and the references they cite', format: 'markdown' as const },
          { label: 'W3C JSON-LD', description: 'Web Annotation Data Model', format: 'jsonld' as const },
        ],
        { title: 'Export annotations' },
      )
    )?.format;
    if (!chosen) return undefined;
    const base = document.uri.path.replace(/\.[^./]*$/, '');
    // Only a real Uri is accepted as the target (never a string from a command link).
    const uri =
      uriTarget instanceof vscode.Uri
        ? uriTarget
        : await vscode.window.showSaveDialog({
            defaultUri: document.uri.with({ path: `${base}.annotations.${chosen === 'markdown' ? 'md' : 'jsonld'}` }),
            filters: chosen === 'markdown' ? { Markdown: ['md'] } : { 'JSON-LD': ['jsonld', 'json'] },
            title: 'Export annotations',
          });
    if (!uri) return undefined;
    const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
    const analysed = chosen === 'markdown' ? await service.get(document) : undefined;
    const text = document.getText();
    const content =
      chosen === 'markdown'
        ? annotationsToMarkdown(view.placed, text, name, analysed && analysed.version === document.version ? analysed.analysis : null)
        : annotationsToJsonLd(view.placed, document.uri.toString());
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    return uri;
  });

  const reveal = guarded(async (raw: unknown) => {
    const args = readArgs(raw);
    if (!args.id) return false;
    const found = manager.find(args.id);
    const document = found && vscode.workspace.textDocuments.find((d) => d.uri.toString() === found.uri);
    if (!found || !document || found.item.placement.kind !== 'anchored') return false;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Active, preview: false });
    const range = new vscode.Range(document.positionAt(found.item.placement.start), document.positionAt(found.item.placement.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  });

  const disposables: vscode.Disposable[] = [
    manager,
    decorations,
    threads,
    manager.onDidChange(show),
    vscode.window.onDidChangeVisibleTextEditors((editors) => new Set(editors.map((e) => e.document.uri.toString())).forEach(show)),
    vscode.workspace.onDidCloseTextDocument((d) => threads.clear(d.uri.toString())),
    vscode.commands.registerCommand('marginalia.highlight', highlight),
    vscode.commands.registerCommand('marginalia.addNote', addNote),
    vscode.commands.registerCommand('marginalia.saveNote', saveDraft),
    vscode.commands.registerCommand('marginalia.discardNote', (thread: unknown) => {
      if (thread && typeof (thread as vscode.CommentThread).dispose === 'function' && (thread as vscode.CommentThread).contextValue === 'marginalia.draft') (thread as vscode.CommentThread).dispose();
    }),
    vscode.commands.registerCommand('marginalia.editNote', withComment(async (comment) => setMode(comment, vscode.CommentMode.Editing))),
    vscode.commands.registerCommand(
      'marginalia.saveNoteEdit',
      withComment(async (comment, document) => {
        const text = typeof comment.body === 'string' ? comment.body : comment.body.value;
        setMode(comment, vscode.CommentMode.Preview);
        await manager.update(document, comment.id, { note: text });
      }),
    ),
    vscode.commands.registerCommand(
      'marginalia.cancelNoteEdit',
      withComment(async (comment) => {
        comment.body = NoteComment.markdown(comment.note);
        setMode(comment, vscode.CommentMode.Preview);
      }),
    ),
    vscode.commands.registerCommand('marginalia.deleteNote', withComment(async (comment, document) => manager.update(document, comment.id, { note: null }))),
    vscode.commands.registerCommand(
      'marginalia.tagAnnotation',
      guarded(async (raw: unknown) => {
        const args = readArgs(raw);
        const found = await target(args);
        if (!found) return undefined;
        let tags = args.tags;
        if (!tags) {
          const typed = await vscode.window.showInputBox({ title: 'Tags of the annotation', prompt: 'Separate tags with commas', value: found.item.annotation.tags.join(', ') });
          if (typed === undefined) return undefined;
          tags = parseTagList(typed);
        }
        return (await manager.update(found.document, found.item.annotation.id, { tags }))?.tags;
      }),
    ),
    vscode.commands.registerCommand(
      'marginalia.colourAnnotation',
      guarded(async (raw: unknown) => {
        const args = readArgs(raw);
        const found = await target(args);
        if (!found) return undefined;
        const colour = args.colour ?? (await pickColour('Colour of the annotation'));
        return colour ? (await manager.update(found.document, found.item.annotation.id, { colour }))?.colour : undefined;
      }),
    ),
    vscode.commands.registerCommand(
      'marginalia.removeAnnotation',
      guarded(async (raw: unknown) => {
        const found = await target(readArgs(raw));
        return found ? manager.remove(found.document, found.item.annotation.id) : false;
      }),
    ),
    vscode.commands.registerCommand('marginalia.exportAnnotations', exportAnnotations),
    vscode.commands.registerCommand('marginalia.revealAnnotation', reveal),
    vscode.commands.registerCommand('marginalia._annotations', async (uri: unknown): Promise<AnnotationsState | undefined> => {
      const document = typeof uri === 'string' ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : vscode.window.activeTextEditor?.document;
      const view = document && (await manager.get(document));
      if (!document || !view) return undefined;
      return {
        uri: view.uri,
        status: view.status.kind,
        file: view.file?.toString(),
        annotations: view.placed.map(({ annotation, placement }) => ({ id: annotation.id, colour: annotation.colour, tags: annotation.tags, note: annotation.note, exact: annotation.target.quote.exact, placement })),
        decorated: decorated.get(view.uri) ?? null,
        threads: threads.count(view.uri),
      };
    }),
    vscode.commands.registerCommand('marginalia._reloadAnnotations', async (uri: unknown) => {
      const document = typeof uri === 'string' ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
      if (!document) return false;
      threads.clear(document.uri.toString());
      await manager.reload(document);
      return true;
    }),
  ];
  const all = vscode.Disposable.from(...disposables);
  return { manager, dispose: () => all.dispose() };
}
