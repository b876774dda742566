/**
 * Notes as VS Code comment threads (the Comments API): one thread per annotation with a note,
 * its range moved by us whenever the annotation moves (the API does not track ranges). New notes
 * start as an empty thread on the selection; the reader writes the note in markdown and saves it.
 */
import * as vscode from 'vscode';
import type { PlacedAnnotation } from '../../core/annotations/index.js';

export const commentControllerId = 'marginalia.annotations';

/** A note as a comment; `id` is its annotation's. */
export class NoteComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  readonly author: vscode.CommentAuthorInformation = { name: 'Note' };
  readonly contextValue = 'marginalia.note';
  body: vscode.MarkdownString;
  label: string | undefined;

  constructor(
    readonly id: string,
    readonly uri: string,
    public note: string,
    tags: readonly string[],
    public thread: vscode.CommentThread,
  ) {
    this.body = NoteComment.markdown(note);
    this.label = tags.length > 0 ? tags.map((t) => `#${t}`).join(' ') : undefined;
  }

  /** Document text may be in the note: shown as markdown without commands, HTML or theme icons. */
  static markdown(note: string): vscode.MarkdownString {
    const markdown = new vscode.MarkdownString(note, false);
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return markdown;
  }
}

export class NoteThreads implements vscode.Disposable {
  private readonly controller = vscode.comments.createCommentController(commentControllerId, 'Marginalia notes');
  /** Threads of saved notes, by document and annotation id. */
  private readonly threads = new Map<string, Map<string, vscode.CommentThread>>();

  constructor() {
    // Notes are added with "Marginalia: Add Note", not with the gutter's "+".
    this.controller.commentingRangeProvider = undefined;
    this.controller.options = { prompt: 'Write a note (markdown)…', placeHolder: 'Write a note (markdown)…' };
  }

  /** An empty thread on the selection, for the reader to write a new note in. */
  draft(document: vscode.TextDocument, range: vscode.Range): vscode.CommentThread {
    const thread = this.controller.createCommentThread(document.uri, range, []);
    thread.canReply = true;
    thread.contextValue = 'marginalia.draft';
    thread.label = 'New note';
    thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    return thread;
  }

  /** Shows the notes of a document where their annotations now are; orphans get no thread. */
  sync(document: vscode.TextDocument, placed: readonly PlacedAnnotation[]): number {
    const uri = document.uri.toString();
    const current = this.threads.get(uri) ?? new Map<string, vscode.CommentThread>();
    this.threads.set(uri, current);
    const keep = new Set<string>();
    for (const { annotation, placement } of placed) {
      if (annotation.note === null || placement.kind !== 'anchored') continue;
      keep.add(annotation.id);
      const range = new vscode.Range(document.positionAt(placement.start), document.positionAt(placement.end));
      let thread = current.get(annotation.id);
      if (!thread) {
        thread = this.controller.createCommentThread(document.uri, range, []);
        thread.canReply = false;
        thread.contextValue = 'marginalia.saved';
        thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
        current.set(annotation.id, thread);
      } else if (!thread.range || !thread.range.isEqual(range)) {
        thread.range = range;
      }
      const existing = thread.comments[0] as NoteComment | undefined;
      if (!existing || existing.note !== annotation.note || existing.label !== (annotation.tags.length > 0 ? annotation.tags.map((t) => `#${t}`).join(' ') : undefined)) {
        if (existing?.mode === vscode.CommentMode.Editing) continue;
        thread.comments = [new NoteComment(annotation.id, uri, annotation.note, annotation.tags, thread)];
      }
      thread.label = annotation.tags.length > 0 ? `Note · ${annotation.tags.join(', ')}` : 'Note';
    }
    for (const [id, thread] of current) {
      if (keep.has(id)) continue;
      thread.dispose();
      current.delete(id);
    }
    return current.size;
  }

  /** Removes every thread of a closed document. */
  clear(uri: string): void {
    const current = this.threads.get(uri);
    if (!current) return;
    for (const thread of current.values()) thread.dispose();
    this.threads.delete(uri);
  }

  /** Opens the thread of a note (the one just written, so the reader sees it saved). */
  expand(uri: string, id: string): void {
    const thread = this.threads.get(uri)?.get(id);
    if (thread) thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
  }

  count(uri: string): number {
    return this.threads.get(uri)?.size ?? 0;
  }

  dispose(): void {
    for (const uri of [...this.threads.keys()]) this.clear(uri);
    this.controller.dispose();
  }
}
