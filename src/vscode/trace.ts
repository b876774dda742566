/**
 * Start-up marks for `npm run bench -- --first-highlight --trace`: the Node entry point sets a
 * sink when MARGINALIA_TRACE names a file; without one, marking costs a call and nothing else.
 */
let sink: ((label: string) => void) | undefined;

export function setTraceSink(write: ((label: string) => void) | undefined): void {
  sink = write;
}

/** Records that `label` happened now (when tracing). */
export function mark(label: string): void {
  sink?.(label);
}
