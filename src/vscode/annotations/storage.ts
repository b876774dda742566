/**
 * Where a document's annotations are kept, and reading and writing them with
 * `vscode.workspace.fs` (so it works in the web extension host too):
 * `<workspace folder>/.marginalia/annotations/<document path>.json`, or beside a document that
 * is in no workspace folder. A missing file means no annotations yet; a damaged one is reported
 * and never written over; a file changed by someone else since it was read is merged, not lost.
 */
import * as vscode from 'vscode';
import { parseAnnotations, serializeAnnotations, type Annotation } from '../../core/annotations/index.js';

export interface AnnotationLocation {
  /** The annotation file. */
  readonly file: vscode.Uri;
  /** How the file names the document (its path relative to the workspace folder, or its name). */
  readonly source: string;
}

/** The annotation file of a document, or undefined for a document that has no place on disk (untitled). */
export function annotationLocation(document: vscode.Uri): AnnotationLocation | undefined {
  if (document.scheme === 'untitled') return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(document);
  if (folder) {
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    const relative = document.path.startsWith(base) ? document.path.slice(base.length) : document.path.slice(document.path.lastIndexOf('/') + 1);
    const parts = relative.split('/').filter((p) => p && p !== '.' && p !== '..');
    if (parts.length === 0) return undefined;
    parts[parts.length - 1] = `${parts[parts.length - 1]}.json`;
    return { file: vscode.Uri.joinPath(folder.uri, '.marginalia', 'annotations', ...parts), source: relative };
  }
  const name = document.path.slice(document.path.lastIndexOf('/') + 1);
  if (!name) return undefined;
  const directory = document.with({ path: document.path.slice(0, document.path.lastIndexOf('/')) || '/' });
  return { file: vscode.Uri.joinPath(directory, '.marginalia', 'annotations', `${name}.json`), source: name };
}

export type StoredAnnotations =
  | { readonly kind: 'missing' }
  | { readonly kind: 'ok'; readonly annotations: readonly Annotation[]; readonly text: string }
  | { readonly kind: 'damaged'; readonly problem: string; readonly text: string | null };

function isMissing(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');
}

/** Reads the annotation file. */
export async function readStored(file: vscode.Uri): Promise<StoredAnnotations> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(file);
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    return { kind: 'damaged', problem: `cannot be read (${error instanceof Error ? error.message : String(error)})`, text: null };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'damaged', problem: 'is not UTF-8 text', text: null };
  }
  const parsed = parseAnnotations(text);
  return parsed.kind === 'ok' ? { kind: 'ok', annotations: parsed.annotations, text } : { kind: 'damaged', problem: parsed.problem, text };
}

export type WriteResult =
  | { readonly kind: 'written'; readonly text: string; readonly merged: readonly Annotation[] }
  | { readonly kind: 'refused'; readonly problem: string };

/**
 * Writes `annotations` to the file, unless the file changed since `known` (the text last read or
 * written, null when there was no file): then annotations it holds that we neither have nor
 * deleted are kept (returned in `merged`), and a file that became damaged is left alone.
 */
export async function writeStored(
  location: AnnotationLocation,
  annotations: readonly Annotation[],
  known: string | null,
  deleted: ReadonlySet<string>,
): Promise<WriteResult> {
  const current = await readStored(location.file);
  const currentText = current.kind === 'missing' ? null : current.text;
  let merged: Annotation[] = [];
  if (currentText !== known) {
    if (current.kind === 'damaged') return { kind: 'refused', problem: current.problem };
    if (current.kind === 'ok') {
      const ours = new Set(annotations.map((a) => a.id));
      merged = current.annotations.filter((a) => !ours.has(a.id) && !deleted.has(a.id));
    }
  }
  const text = serializeAnnotations([...annotations, ...merged], location.source);
  if (text === currentText) return { kind: 'written', text, merged };
  await vscode.workspace.fs.writeFile(location.file, new TextEncoder().encode(text));
  return { kind: 'written', text, merged };
}

/** Moves a damaged file aside (`….damaged-<time>.json`) so a new one can be started; returns the copy. */
export async function setAsideDamaged(location: AnnotationLocation, now: Date): Promise<vscode.Uri> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = location.file.with({ path: location.file.path.replace(/\.json$/, `.damaged-${stamp}.json`) });
  await vscode.workspace.fs.rename(location.file, aside, { overwrite: false });
  return aside;
}
