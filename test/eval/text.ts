/** A document read exactly as the command line reads it, with the digest its gold must carry. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decodeText } from '../../src/cli/run.js';

export interface DocumentText {
  readonly text: string;
  /** sha256 of the file's bytes, lower-case hex. */
  readonly sha256: string;
}

export function readDocument(file: string): DocumentText {
  const bytes = readFileSync(file);
  return { text: decodeText(bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
}
