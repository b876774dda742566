/**
 * Keeps the annotations of every open document Marginalia reads: loads them when the document
 * opens and anchors them in its text; follows the editor's edits (the Comments API and
 * decorations do not track ranges for us); re-anchors from the selectors when the text changed
 * outside the editor (a reload from disk leaves the document not dirty); saves them when they
 * change and when the document is saved. A damaged file is reported once and never written.
 */
import * as vscode from 'vscode';
import {
  annotationsOf,
  createAnnotation,
  describeRange,
  followEdit,
  placeAll,
  updateAnnotation,
  type Annotation,
  type AnnotationChanges,
  type AnnotationColour,
  type PlacedAnnotation,
} from '../../core/annotations/index.js';
import type { Logger } from '../log.js';
import { annotationLocation, readStored, setAsideDamaged, writeStored, type AnnotationLocation } from './storage.js';

export type DocumentStatus =
  | { readonly kind: 'ready' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'damaged'; readonly problem: string }
  /** No place on disk to keep them (an untitled document). */
  | { readonly kind: 'unstorable' };

export interface DocumentAnnotations {
  readonly uri: string;
  readonly status: DocumentStatus;
  readonly placed: readonly PlacedAnnotation[];
  readonly file: vscode.Uri | undefined;
}

interface State {
  uri: string;
  location: AnnotationLocation | undefined;
  status: DocumentStatus;
  placed: PlacedAnnotation[];
  /** The file's text as last read or written (null: no file yet). */
  known: string | null;
  deleted: Set<string>;
  /** The document version the ranges fit. */
  version: number;
  loading: Promise<void> | undefined;
  saving: Promise<void>;
}

export interface NewAnnotationRequest {
  readonly colour: AnnotationColour;
  readonly tags?: readonly string[];
  readonly note?: string | null;
}

export class AnnotationManager implements vscode.Disposable {
  private readonly states = new Map<string, State>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with a document's uri whenever its annotations or their places change. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly isRead: (document: vscode.TextDocument) => boolean,
    private readonly log: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.load(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => {
        const state = this.states.get(d.uri.toString());
        if (state && state.status.kind === 'ready' && state.placed.length > 0) void this.save(state);
      }),
    );
    // Annotation files changed by another tool (a checkout, a merge, a hand edit) are read again:
    // when the file system reports it, and, as file events can be late or missing (remote and
    // virtual file systems, exhausted watchers), whenever the reader comes back to the document.
    const watcher = vscode.workspace.createFileSystemWatcher('**/.marginalia/annotations/**/*.json');
    const revisit = (document: vscode.TextDocument | undefined) => {
      const file = document && this.states.get(document.uri.toString())?.location?.file;
      if (file) void this.onFileChanged(file);
    };
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => revisit(editor?.document)),
      vscode.window.onDidChangeWindowState((window) => window.focused && revisit(vscode.window.activeTextEditor?.document)),
      watcher,
      watcher.onDidChange((file) => void this.onFileChanged(file)),
      watcher.onDidCreate((file) => void this.onFileChanged(file)),
      watcher.onDidDelete((file) => void this.onFileChanged(file)),
    );
    for (const document of vscode.workspace.textDocuments) void this.load(document);
  }

  private async onFileChanged(file: vscode.Uri): Promise<void> {
    const key = file.toString();
    const state = [...this.states.values()].find((s) => s.location?.file.toString() === key);
    if (!state || state.loading || state.status.kind === 'unstorable') return;
    await state.saving;
    const stored = await readStored(file);
    const text = stored.kind === 'missing' ? null : stored.text;
    // Our own write, or nothing new.
    if (text === state.known || this.states.get(state.uri) !== state) return;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === state.uri);
    if (!document) return;
    // Replaced at once (no loading state in between), anchored in the text as it is now.
    if (stored.kind === 'damaged') {
      state.status = { kind: 'damaged', problem: stored.problem };
      state.known = stored.text;
      state.placed = [];
      void this.reportDamaged(state, stored.problem);
    } else {
      state.known = text;
      state.deleted.clear();
      state.placed = placeAll(document.getText(), stored.kind === 'ok' ? stored.annotations : []);
      state.status = { kind: 'ready' };
    }
    this.changed.fire(state.uri);
  }

  /** The annotations of a document (loading them first if needed). */
  async get(document: vscode.TextDocument): Promise<DocumentAnnotations | undefined> {
    const state = this.states.get(document.uri.toString()) ?? (await this.load(document), this.states.get(document.uri.toString()));
    if (state?.loading) await state.loading;
    return state ? this.view(state) : undefined;
  }

  /** What is known now, without loading. */
  peek(uri: string): DocumentAnnotations | undefined {
    const state = this.states.get(uri);
    return state ? this.view(state) : undefined;
  }

  private view(state: State): DocumentAnnotations {
    return { uri: state.uri, status: state.status, placed: state.placed, file: state.location?.file };
  }

  private async load(document: vscode.TextDocument, force = false): Promise<void> {
    if (!this.isRead(document)) return;
    const uri = document.uri.toString();
    const existing = this.states.get(uri);
    if (existing && !force) return existing.loading;
    const location = annotationLocation(document.uri);
    const state: State = existing ?? { uri, location, status: { kind: 'loading' }, placed: [], known: null, deleted: new Set(), version: document.version, loading: undefined, saving: Promise.resolve() };
    this.states.set(uri, state);
    if (!location) {
      state.status = { kind: 'unstorable' };
      this.changed.fire(uri);
      return;
    }
    state.status = { kind: 'loading' };
    state.loading = (async () => {
      try {
        const stored = await readStored(location.file);
        if (this.states.get(uri) !== state) return;
        if (stored.kind === 'damaged') {
          state.status = { kind: 'damaged', problem: stored.problem };
          state.known = stored.text;
          state.placed = [];
          void this.reportDamaged(state, stored.problem);
        } else {
          state.known = stored.kind === 'ok' ? stored.text : null;
          state.placed = placeAll(document.getText(), stored.kind === 'ok' ? stored.annotations : []);
          state.version = document.version;
          state.status = { kind: 'ready' };
          const orphans = state.placed.filter((p) => p.placement.kind === 'orphan').length;
          if (orphans > 0) this.log.info(`${orphans} annotation(s) of ${document.uri.path} could not be placed in its text; they are listed as orphans`);
        }
      } catch (error) {
        this.log.error(`Could not read the annotations of ${document.uri.path}`, error);
        state.status = { kind: 'damaged', problem: error instanceof Error ? error.message : String(error) };
      } finally {
        state.loading = undefined;
        this.changed.fire(uri);
      }
    })();
    return state.loading;
  }

  /** Drops what is held in memory and reads the file again, as after reloading the window. */
  async reload(document: vscode.TextDocument): Promise<void> {
    this.states.delete(document.uri.toString());
    await this.load(document);
  }

  private forget(uri: string): void {
    if (this.states.delete(uri)) this.changed.fire(uri);
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    const state = this.states.get(event.document.uri.toString());
    if (!state || state.status.kind !== 'ready' || event.contentChanges.length === 0) return;
    const text = event.document.getText();
    if (!event.document.isDirty && event.reason === undefined) {
      // The text now is what is on disk, changed outside the editor: find every annotation
      // again from its selectors (the ranges VS Code's diff implies are not to be trusted).
      state.placed = placeAll(text, annotationsOf(state.placed));
    } else {
      const changes = event.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
      state.placed = followEdit(state.placed, changes, text);
      // An undo may bring back the text of an annotation an edit deleted: look for it again.
      if (event.reason !== undefined && state.placed.some((p) => p.placement.kind === 'orphan')) {
        const again = placeAll(text, state.placed.filter((p) => p.placement.kind === 'orphan').map((p) => p.annotation));
        const found = new Map(again.filter((p) => p.placement.kind === 'anchored').map((p) => [p.annotation.id, p]));
        state.placed = state.placed.map((p) => found.get(p.annotation.id) ?? p);
      }
    }
    state.version = event.document.version;
    this.changed.fire(state.uri);
  }

  private async reportDamaged(state: State, problem: string): Promise<void> {
    const file = state.location?.file;
    if (!file) return;
    const open = 'Open the File';
    const anew = 'Set It Aside and Start Anew';
    const choice = await vscode.window.showErrorMessage(
      `Marginalia: the annotations file ${vscode.workspace.asRelativePath(file)} ${problem.startsWith('not') || problem.startsWith('is') || problem.startsWith('cannot') ? problem : `is damaged: ${problem}`}. It is left as it is; no annotation of this document is saved until it is fixed.`,
      open,
      anew,
    );
    if (choice === open) await vscode.window.showTextDocument(file);
    else if (choice === anew) await this.startAnew(state.uri);
  }

  /** Moves a damaged file aside and starts an empty one (the reader's explicit choice). */
  async startAnew(uri: string): Promise<vscode.Uri | undefined> {
    const state = this.states.get(uri);
    if (!state?.location || state.status.kind !== 'damaged') return undefined;
    const aside = await setAsideDamaged(state.location, this.clock());
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    this.states.delete(uri);
    if (document) await this.load(document);
    void vscode.window.showInformationMessage(`Marginalia: the damaged file was kept as ${vscode.workspace.asRelativePath(aside)}.`);
    return aside;
  }

  /** Why annotations of this document cannot be changed now, or undefined when they can. */
  private refusal(state: State | undefined): string | undefined {
    if (!state) return 'Marginalia does not read this document.';
    switch (state.status.kind) {
      case 'ready':
        return undefined;
      case 'loading':
        return 'its annotations are still being read.';
      case 'unstorable':
        return 'save the document first: its annotations are kept beside it.';
      case 'damaged':
        return `its annotations file is damaged (${state.status.problem}); fix it or set it aside first.`;
    }
  }

  private async ready(document: vscode.TextDocument): Promise<State> {
    await this.get(document);
    const state = this.states.get(document.uri.toString());
    const refusal = this.refusal(state);
    if (refusal) throw new AnnotationError(refusal);
    return state!;
  }

  private newId(): string {
    return `urn:uuid:${globalThis.crypto.randomUUID()}`;
  }

  /** Annotates `[start, end)` of the document. */
  async create(document: vscode.TextDocument, start: number, end: number, request: NewAnnotationRequest): Promise<Annotation> {
    const state = await this.ready(document);
    const text = document.getText();
    const annotation = createAnnotation({ id: this.newId(), now: this.clock().toISOString(), target: describeRange(text, start, end), colour: request.colour, tags: request.tags ?? [], note: request.note ?? null });
    state.placed = [...state.placed, { annotation, placement: { kind: 'anchored', start, end, method: 'position' } }];
    this.changed.fire(state.uri);
    await this.save(state);
    return annotation;
  }

  async update(document: vscode.TextDocument, id: string, changes: AnnotationChanges): Promise<Annotation | undefined> {
    const state = await this.ready(document);
    let updated: Annotation | undefined;
    state.placed = state.placed.map((p) => (p.annotation.id === id ? { ...p, annotation: (updated = updateAnnotation(p.annotation, changes, this.clock().toISOString())) } : p));
    if (!updated) return undefined;
    this.changed.fire(state.uri);
    await this.save(state);
    return updated;
  }

  async remove(document: vscode.TextDocument, id: string): Promise<boolean> {
    const state = await this.ready(document);
    const before = state.placed.length;
    state.placed = state.placed.filter((p) => p.annotation.id !== id);
    if (state.placed.length === before) return false;
    state.deleted.add(id);
    this.changed.fire(state.uri);
    await this.save(state);
    return true;
  }

  /** Finds the document holding an annotation. */
  find(id: string): { uri: string; item: PlacedAnnotation } | undefined {
    for (const state of this.states.values()) {
      const item = state.placed.find((p) => p.annotation.id === id);
      if (item) return { uri: state.uri, item };
    }
    return undefined;
  }

  private save(state: State): Promise<void> {
    // One write at a time per document, each with the latest annotations.
    state.saving = state.saving.then(async () => {
      if (!state.location || state.status.kind !== 'ready') return;
      try {
        const result = await writeStored(state.location, annotationsOf(state.placed), state.known, state.deleted);
        if (result.kind === 'refused') {
          state.status = { kind: 'damaged', problem: result.problem };
          this.changed.fire(state.uri);
          void this.reportDamaged(state, result.problem);
          return;
        }
        state.known = result.text;
        if (result.merged.length > 0) {
          const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === state.uri);
          if (document) state.placed = [...state.placed, ...placeAll(document.getText(), result.merged)];
          this.changed.fire(state.uri);
        }
      } catch (error) {
        this.log.error(`Could not save the annotations of ${state.uri}`, error);
        void vscode.window.showErrorMessage(`Marginalia: could not save the annotations (${error instanceof Error ? error.message : String(error)}).`);
      }
    });
    return state.saving;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** A request the reader must be told about (not a bug). */
export class AnnotationError extends Error {}
