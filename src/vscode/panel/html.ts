/** The side panel's HTML shell: strict CSP, one script with a fresh nonce, styles from files. */
import * as vscode from 'vscode';

/** Folders the webview may load from (its `localResourceRoots`). */
export function panelResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [
    vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
    vscode.Uri.joinPath(extensionUri, 'dist', 'codicons'),
    vscode.Uri.joinPath(extensionUri, 'media'),
  ];
}

/** A random nonce for one load of the webview (Web Crypto exists in Node 20 and web workers). */
export function createNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The Content-Security-Policy of the panel: nothing but our script (by nonce), styles, fonts and images. */
export function panelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
  ].join('; ');
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Where the page is shown: the side bar (tabs) or the editor area (the records as a wide table). */
export type PanelLayout = 'side' | 'wide';

/** A webview page: the CSP, style sheets and one script by nonce, all from the extension's files; no document text. */
export interface WebviewPage {
  readonly title: string;
  /** Style sheets, each a path in the extension, with an optional element id. */
  readonly styles: readonly { readonly path: readonly string[]; readonly id?: string }[];
  /** The script, a path in the extension. */
  readonly script: readonly string[];
  readonly bodyAttributes?: string;
  readonly label: string;
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce: string, page: WebviewPage): string {
  const asset = (path: readonly string[]) => escapeAttribute(webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString());
  const styles = page.styles.map((s) => `<link rel="stylesheet"${s.id ? ` id="${escapeAttribute(s.id)}"` : ''} href="${asset(s.path)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(panelCsp(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeAttribute(page.title)}</title>
</head>
<body${page.bodyAttributes ? ` ${page.bodyAttributes}` : ''}>
<main id="app" aria-label="${escapeAttribute(page.label)}"></main>
<script nonce="${nonce}" src="${asset(page.script)}"></script>
</body>
</html>`;
}

/** The page loaded into the webview. It holds no document text; the model arrives as a message. */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce = createNonce(), layout: PanelLayout = 'side'): string {
  return webviewHtml(webview, extensionUri, nonce, {
    title: 'Marginalia',
    styles: [{ path: ['dist', 'codicons', 'codicon.css'], id: 'vscode-codicon-stylesheet' }, { path: ['media', 'panel.css'] }],
    script: ['dist', 'webview', 'main.js'],
    bodyAttributes: `data-layout="${layout}"`,
    label: layout === 'wide' ? 'Marginalia: the quantitative records of the document' : 'Marginalia: references, entities and data of the active document',
  });
}
