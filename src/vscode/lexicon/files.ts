/**
 * Which workspace lexicon files apply, and reading them through `vscode.workspace.fs` (so that
 * virtual workspaces work too). In Restricted Mode, files outside the workspace are ignored.
 */
import * as vscode from 'vscode';
import { parseUserLexicon, type UserLexiconEntry, type UserLexiconExclusion } from '../../core/entities/index.js';

/** The default lexicon of a workspace folder. */
export const DEFAULT_LEXICON_PATH = ['.marginalia', 'lexicon.json'] as const;

export interface LexiconFileEntries {
  readonly uri: vscode.Uri;
  /** How the file is named in messages and provenance, e.g. "docs/.marginalia/lexicon.json". */
  readonly origin: string;
  readonly entries: readonly UserLexiconEntry[];
  /** Spellings the file says are not entities. */
  readonly exclusions: readonly UserLexiconExclusion[];
  readonly errors: readonly string[];
}

interface Candidate {
  readonly uri: vscode.Uri;
  /** Named in `marginalia.lexicon.files` (a missing file is then worth a warning). */
  readonly configured: boolean;
}

/** The lexicon files of every workspace folder: the default one, then those the setting names. */
export function lexiconFiles(): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  const add = (uri: vscode.Uri, configured: boolean): void => {
    const key = uri.toString();
    if (seen.has(key)) return;
    if (!vscode.workspace.isTrusted && !insideWorkspace(uri)) return;
    seen.add(key);
    out.push({ uri, configured });
  };
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const configured = vscode.workspace.getConfiguration('marginalia', folder.uri).get<unknown>('lexicon.files');
    if (Array.isArray(configured)) {
      for (const path of configured) if (typeof path === 'string' && path.trim()) add(resolve(folder.uri, path.trim()), true);
    }
    add(vscode.Uri.joinPath(folder.uri, ...DEFAULT_LEXICON_PATH), false);
  }
  return out;
}

function resolve(folder: vscode.Uri, path: string): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return vscode.Uri.parse(path);
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return folder.scheme === 'file' ? vscode.Uri.file(path) : folder.with({ path: path.replace(/\\/g, '/') });
  return vscode.Uri.joinPath(folder, ...path.split(/[\\/]+/).filter((p) => p && p !== '.'));
}

/** Whether a file lies inside one of the workspace folders. */
export function insideWorkspace(uri: vscode.Uri): boolean {
  const normal = vscode.Uri.joinPath(uri, '.');
  return (vscode.workspace.workspaceFolders ?? []).some((f) => {
    if (f.uri.scheme !== normal.scheme || f.uri.authority !== normal.authority) return false;
    const root = f.uri.path.endsWith('/') ? f.uri.path : `${f.uri.path}/`;
    return normal.path.startsWith(root);
  });
}

/** Reads and parses the files that exist. Never throws; problems come back as errors. */
export async function readLexiconFiles(candidates: readonly Candidate[]): Promise<LexiconFileEntries[]> {
  const decoder = new TextDecoder('utf-8');
  const results: LexiconFileEntries[] = [];
  for (const { uri, configured } of candidates) {
    const origin = vscode.workspace.asRelativePath(uri, true);
    let text: string;
    try {
      text = decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      const missing = error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
      if (configured) results.push({ uri, origin, entries: [], exclusions: [], errors: [missing ? `${origin}: file not found` : `${origin}: cannot be read (${String(error)})`] });
      continue;
    }
    const parsed = parseUserLexicon(text, origin);
    results.push({ uri, origin, entries: parsed.entries, exclusions: parsed.exclusions, errors: parsed.errors });
  }
  return results;
}
