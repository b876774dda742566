/**
 * What the suites in both extension hosts (Node and web worker) share: the extension's id, the
 * sample guide's name, waiting without timers piling up, and the contributed commands. Imports
 * only `vscode`, so it bundles for the web worker too.
 */
import * as vscode from 'vscode';

export const extensionId = 'marginalia.marginalia';
export const guideName = 'sigma1-receptor-nmda-ion-channels.md';

/**
 * Waits are hang guards, not speed limits: a loaded two-core CI machine runs the workbench several
 * times slower than a quiet one, so every wait is this many times its nominal length.
 */
export const PATIENCE = 3;

/** Polls `condition` every 100 ms; false when it is still not met after `timeoutMs` × PATIENCE. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs * PATIENCE;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/** The commands the manifest contributes that are not registered (activates the extension first). */
export async function unregisteredCommands(): Promise<string[]> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) return ['(extension not installed)'];
  await extension.activate();
  const contributed: string[] = (extension.packageJSON.contributes?.commands ?? []).map((command: { command: string }) => command.command);
  if (contributed.length === 0) return ['(no commands contributed)'];
  const registered = new Set(await vscode.commands.getCommands(true));
  return contributed.filter((command) => !registered.has(command));
}

/**
 * Runs `work` while a 10 ms ticker watches the thread, and returns its result with the longest
 * time the thread was blocked beyond the tick.
 */
export async function whileWatchingThread<T>(work: () => Promise<T>): Promise<{ result: T; worstLag: number }> {
  let worstLag = 0;
  let last = Date.now();
  const ticker = setInterval(() => {
    const now = Date.now();
    worstLag = Math.max(worstLag, now - last - 10);
    last = now;
  }, 10);
  try {
    const result = await work();
    // Let an overdue tick run before stopping: the result's promise settles ahead of timers.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { result, worstLag };
  } finally {
    clearInterval(ticker);
  }
}
