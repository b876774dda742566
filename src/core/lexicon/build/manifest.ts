/** The machine-readable manifest of raw sources (`../sources.json`) and the check of each file. */
import manifest from '../sources.json';

export interface SourceFile {
  readonly id: string;
  readonly file: string;
  readonly repository: string;
  readonly path: string;
  readonly commit: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly title: string;
  readonly version: string;
  readonly licence: string;
  readonly attribution: string;
  readonly provenance: string;
}

export const SOURCE_FILES: readonly SourceFile[] = manifest.sources;

export function sourceFile(id: string): SourceFile {
  const s = SOURCE_FILES.find((f) => f.id === id);
  if (!s) throw new Error(`no source "${id}" in sources.json`);
  return s;
}

/** Throws unless `actual` (hex sha256 of the bytes read) is the one the manifest records. */
export function verify(source: SourceFile, actual: string): void {
  if (actual !== source.sha256) {
    throw new Error(`${source.file}: sha256 ${actual} is not the recorded ${source.sha256} (${source.repository}@${source.commit}:${source.path})`);
  }
}
