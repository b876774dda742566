/**
 * Long work on a thread that must stay responsive (the extension host's), cut into slices: call
 * the returned function between steps; once `budgetMs` have passed since the last pause it
 * resolves on a later turn of the event loop, else at once (an already resolved promise).
 */
export type Pause = () => Promise<void> | undefined;

/** Slices of this long at most keep the event loop well under the 50 ms an editor may block. */
export const SLICE_MS = 10;

export function slicer(budgetMs = SLICE_MS): Pause {
  let since = Date.now();
  return () => {
    if (Date.now() - since < budgetMs) return undefined;
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        since = Date.now();
        resolve();
      }, 0),
    );
  };
}
