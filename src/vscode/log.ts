/**
 * The "Marginalia" output channel. Everything that goes wrong in the editor features is logged
 * here instead of thrown, and the first error of a session is also shown to the user once.
 */
import * as vscode from 'vscode';

export interface Logger extends vscode.Disposable {
  /** For routine events (shown when the channel's log level is Debug). */
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  /** Logs an error; the first one of the session also shows a notification. */
  error(context: string, error: unknown): void;
  /** Brings the output channel into view (absent in test doubles). */
  show?(): void;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

export function createLogger(): Logger {
  const channel = vscode.window.createOutputChannel('Marginalia', { log: true });
  let shown = false;
  return {
    debug: (message) => channel.debug(message),
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error(context, error) {
      channel.error(`${context}: ${describe(error)}`);
      if (shown) return;
      shown = true;
      void vscode.window
        .showErrorMessage(`Marginalia: ${context}. Details are in the "Marginalia" output.`, 'Show Output')
        .then((choice) => choice && channel.show(true), () => undefined);
    },
    show: () => channel.show(true),
    dispose: () => channel.dispose(),
  };
}

/**
 * Runs a provider body; an exception is logged and becomes `undefined`, so that no document can
 * make a provider throw into VS Code.
 */
export async function guarded<T>(log: Logger, what: string, run: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    log.error(what, error);
    return undefined;
  }
}
