/**
 * Edits of a workspace folder's `.marginalia/lexicon.json` (created when missing): a name added
 * as a ligand or target, or a spelling excluded. Each edit reads the file again first, keeps
 * whatever else it holds, and tells the caller what happened in words fit for a notification.
 */
import * as vscode from 'vscode';
import type { EntityKind } from '../../core/types.js';
import { DEFAULT_LEXICON_PATH } from './files.js';

/** Longest text taken as a name (a longer selection is a sentence, not a name). */
export const MAX_NAME_LENGTH = 200;

/** Whether the file changed, and what to tell the reader. */
export interface LexiconEdit {
  readonly done: boolean;
  readonly message: string;
}

/** The lexicon file of the folder holding `document` (or of the first folder); undefined without a folder. */
export function lexiconUriFor(document: vscode.Uri): vscode.Uri | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(document) ?? vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, ...DEFAULT_LEXICON_PATH) : undefined;
}

/** A selection or word as a lexicon name: white space collapsed; null when empty or too long. */
export function asName(text: string): string | null {
  const name = text.replace(/\s+/g, ' ').trim();
  return name && name.length <= MAX_NAME_LENGTH ? name : null;
}

const same = (a: unknown, b: string) => typeof a === 'string' && a.trim().toLowerCase() === b.toLowerCase();

function exclusionName(item: unknown): unknown {
  return typeof item === 'string' ? item : typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : undefined;
}

function exclusionKind(item: unknown): unknown {
  return typeof item === 'object' && item !== null ? (item as { kind?: unknown }).kind : undefined;
}

/** Adds `name` as an entry of `kind` (and lifts an exclusion of it as that kind). */
export async function addName(uri: vscode.Uri, name: string, kind: EntityKind, cls = ''): Promise<LexiconEdit> {
  const data = await readOrCreate(uri);
  const relative = vscode.workspace.asRelativePath(uri, true);
  if (!data) return { done: false, message: invalid(relative) };
  const entries = data.entries as unknown[];
  const exclude = Array.isArray(data.exclude) ? (data.exclude as unknown[]) : [];
  const lifted = exclude.filter((item) => same(exclusionName(item), name) && (exclusionKind(item) === undefined || exclusionKind(item) === kind));
  const exists = entries.some((e) => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === name && (e as { kind?: unknown }).kind === kind);
  if (exists && lifted.length === 0) return { done: false, message: `"${name}" is already a ${kind} in ${relative}.` };
  if (!exists) entries.push({ name, kind, ...(cls.trim() ? { class: cls.trim() } : {}) });
  if (lifted.length) data.exclude = exclude.filter((item) => !lifted.includes(item));
  await write(uri, data);
  return { done: true, message: `Added "${name}" as a ${kind} to ${relative}.` };
}

/** Records that `name` is not an entity of `kind` in this workspace. */
export async function excludeName(uri: vscode.Uri, name: string, kind: EntityKind): Promise<LexiconEdit> {
  const data = await readOrCreate(uri);
  const relative = vscode.workspace.asRelativePath(uri, true);
  if (!data) return { done: false, message: invalid(relative) };
  if (data.exclude !== undefined && !Array.isArray(data.exclude)) return { done: false, message: `"exclude" in ${relative} is not a list; fix it first.` };
  const exclude = (data.exclude as unknown[] | undefined) ?? [];
  if (exclude.some((item) => same(exclusionName(item), name) && (exclusionKind(item) === undefined || exclusionKind(item) === kind))) {
    return { done: false, message: `"${name}" is already excluded in ${relative}.` };
  }
  exclude.push({ name, kind });
  data.exclude = exclude;
  await write(uri, data);
  return { done: true, message: `"${name}" is no longer read as a ${kind} (excluded in ${relative}).` };
}

function invalid(relative: string): string {
  return `${relative} is not a valid lexicon (an object with an "entries" array); fix it before changing it.`;
}

async function write(uri: vscode.Uri, data: Record<string, unknown>): Promise<void> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`));
}

/** The file's JSON with an `entries` array, a new one when missing, or undefined when it is broken. */
async function readOrCreate(uri: vscode.Uri): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return { entries: [] };
  }
  try {
    const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      const record = data as Record<string, unknown>;
      if (record.entries === undefined) record.entries = [];
      if (Array.isArray(record.entries)) return record;
    }
  } catch {
    // Broken: the caller says so.
  }
  return undefined;
}
