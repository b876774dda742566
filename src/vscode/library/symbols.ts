/** Workspace symbols (Ctrl+T): entities and references across the library. */
import * as vscode from 'vscode';
import type { Library } from '../../core/library/index.js';

export function registerLibrarySymbols(library: () => Library): vscode.Disposable {
  return vscode.languages.registerWorkspaceSymbolProvider({
    provideWorkspaceSymbols(query) {
      return library()
        .symbols(query)
        .map((s) => {
          const start = new vscode.Position(s.at.line, s.at.character);
          const location = new vscode.Location(vscode.Uri.parse(s.uri), new vscode.Range(start, start.translate(0, s.kind === 'entity' ? s.at.end - s.at.start : 0)));
          const kind = s.kind === 'reference' ? vscode.SymbolKind.String : vscode.SymbolKind.Constant;
          return new vscode.SymbolInformation(s.name, kind, s.detail, location);
        });
    },
  });
}
