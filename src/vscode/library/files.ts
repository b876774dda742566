/**
 * Which files the library reads: markdown files of the workspace folders, minus what
 * `files.exclude` and `search.exclude` hide (VS Code's own glob matching decides, through
 * `findFiles`).
 */
import * as vscode from 'vscode';

export const LIBRARY_GLOB = '**/*.{md,markdown}';

/** The patterns switched on in `files.exclude` and `search.exclude`, as one glob (null: none). */
export function excludeGlob(scope?: vscode.Uri): string | null {
  const patterns = new Set<string>();
  for (const section of ['files', 'search']) {
    const setting = vscode.workspace.getConfiguration(section, scope).get<Record<string, unknown>>('exclude') ?? {};
    // A `{ when: … }` value is conditional on a sibling file; it is left to VS Code's searches.
    for (const [pattern, on] of Object.entries(setting)) if (on === true) patterns.add(pattern);
  }
  if (patterns.size === 0) return null;
  return `{${[...patterns].map((p) => p.replace(/[{}]/g, '')).join(',')}}`;
}

export async function libraryFiles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const files = await vscode.workspace.findFiles(LIBRARY_GLOB, excludeGlob(), undefined, token);
  return files.sort((a, b) => a.toString().localeCompare(b.toString()));
}

/** Whether one file belongs in the library (for file watcher events). */
export async function isLibraryFile(uri: vscode.Uri): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || !/\.(md|markdown)$/i.test(uri.path)) return false;
  const relative = vscode.workspace.asRelativePath(uri, false);
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, relative.replace(/[[\]{}*?]/g, '[$&]')), excludeGlob(uri), 1);
  return found.length > 0;
}
