/**
 * The command line, as a function of its arguments and I/O.
 * `marginalia analyze FILE [--json]`: prints the analysis of a markdown document, as JSON (exactly
 * the {@link Analysis} object, a public contract) or as a readable summary.
 * `marginalia references FILE --format bibtex|ris|csl-json`: prints its reference list in that format.
 * `marginalia library DIR --json|--jsonl|--csv`: indexes every markdown document under DIR and
 * prints the library (see `src/cli/library.ts`).
 * `--timeout S` bounds the analysis: chunks not parsed within S seconds are not parsed, and the
 * command fails with exit code 3 and a message saying so (nothing else is printed).
 * Exit codes: 0 success, 2 bad arguments or unreadable file, 3 the analysis ran out of time.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../core/analyze.js';
import { toCslItems } from '../core/references/csl.js';
import type { Analysis } from '../core/types.js';
import type { Lexicon } from '../core/entities/index.js';
import { fullLexicon } from '../node/lexicon.js';
import { parseLibraryArgs, runLibrary, type LibraryOptions } from './library.js';
/** The formats of `references` (the formatter itself, citation-js, is loaded only for that command). */
const REFERENCE_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
type ReferenceFormat = (typeof REFERENCE_FORMATS)[number];

const USAGE = `Usage: marginalia analyze FILE [--json] [--timeout SECONDS]
       marginalia references FILE --format bibtex|ris|csl-json [--timeout SECONDS]
       marginalia library DIR --json|--jsonl|--csv [--cache FOLDER]

  analyze      Analyses a markdown document: citation markers, reference list, tables,
               quantities, ligands and targets, sections and diagnostics.
  references   Prints the document's reference list as BibTeX, RIS or CSL-JSON (an entry that
               repeats an earlier one is printed once).

  library      Indexes every markdown document under DIR: the index as JSON (documents,
               entities across them, works cited by several), or every quantitative record
               as JSON Lines or CSV (the evidence table, with document and offsets).
               --cache FOLDER keeps the index there and reuses it for unchanged files.

  FILE         the markdown file to read (UTF-8), or - for standard input
  --json       print the analysis as JSON (the documented public format)
  --format F   the format of the reference list: bibtex, ris or csl-json
  --timeout S  give up after S seconds (exit code 3) instead of analysing for longer
  --help       show this help
`;

class UsageError extends Error {}

type Options = { readonly timeout: number | null } & (
  | { readonly command: 'analyze'; readonly file: string; readonly json: boolean }
  | { readonly command: 'references'; readonly file: string; readonly format: ReferenceFormat }
);

/** Exit code when the analysis did not finish within `--timeout`. */
export const EXIT_TIMEOUT = 3;

function parseArgs(args: readonly string[]): Options | LibraryOptions | 'help' {
  if (args.includes('--help') || args.includes('-h')) return 'help';
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError('missing command');
  if (command === 'library') return parseLibraryArgs(rest, (message) => new UsageError(message));
  if (command !== 'analyze' && command !== 'references') throw new UsageError(`unknown command "${command}"`);
  let json = false;
  let format: string | undefined;
  let timeout: number | null = null;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--json' && command === 'analyze') json = true;
    else if ((arg === '--format' || arg.startsWith('--format=')) && command === 'references') {
      format = arg === '--format' ? rest[++i] : arg.slice('--format='.length);
      if (format === undefined) throw new UsageError('--format needs a value: bibtex, ris or csl-json');
    } else if (arg === '--timeout' || arg.startsWith('--timeout=')) {
      const value = arg === '--timeout' ? rest[++i] : arg.slice('--timeout='.length);
      timeout = Number(value);
      if (value === undefined || value.trim() === '' || !Number.isFinite(timeout) || timeout < 0) {
        throw new UsageError(`--timeout needs a number of seconds (got ${value === undefined ? 'nothing' : `"${value}"`})`);
      }
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'missing FILE' : 'expected exactly one FILE');
  if (command === 'analyze') return { command, file: files[0]!, json, timeout };
  if (format === undefined) throw new UsageError('missing --format (bibtex, ris or csl-json)');
  if (!(REFERENCE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (bibtex, ris or csl-json)`);
  return { command, file: files[0]!, format: format as ReferenceFormat, timeout };
}

/** Decodes UTF-8, replacing invalid bytes with U+FFFD and dropping a BOM, as an editor shows the text. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** A readable summary of an analysis. */
export function summarise(a: Analysis, name: string): string {
  const lines: string[] = [];
  const uniqueEntities = Object.keys(a.entityInfo).length;
  lines.push(`${name}`);
  lines.push(
    `  ${a.citations.length} citation markers, ${a.references.length} references` +
      (a.referenceList ? ` (${a.referenceList.scheme})` : '') +
      `, ${a.entities.length} entity mentions (${uniqueEntities} entities), ${a.quantities.length} quantities,` +
      ` ${a.tables.length} tables, ${a.records.length} records, ${a.sections.length} sections, ${a.diagnostics.length} diagnostics`,
  );
  if (a.references.length > 0) {
    lines.push('', 'References:');
    for (const r of a.references) {
      const what = r.title ?? r.host ?? r.text;
      const dup = r.duplicateOf !== null ? ` [duplicate of ${r.duplicateOf}]` : '';
      lines.push(`  ${String(r.number).padStart(3)}. ${clip(what, 90)} — cited ${r.citedBy.length}×${dup}`);
    }
  }
  const duplicates = a.references.filter((r) => r.duplicateOf !== null);
  if (duplicates.length > 0) {
    const groups = new Map<number, number[]>();
    for (const r of duplicates) groups.set(r.duplicateOf!, [...(groups.get(r.duplicateOf!) ?? []), r.number]);
    lines.push('', 'Duplicates:');
    for (const [first, copies] of groups) lines.push(`  ${[first, ...copies].join(', ')}`);
  }
  if (a.records.length > 0) {
    lines.push('', 'Records:');
    lines.push('  ligand | target | measure | value | pValue | effect | context | refs | from');
    for (const r of a.records) {
      const relation = r.relation && r.relation !== '=' ? `${r.relation} ` : '';
      const value =
        r.value === null ? '' : `${relation}${r.value}${r.valueMax !== null ? `–${r.valueMax}` : ''}${r.error !== null ? ` ± ${r.error}` : ''}${r.unit ? ` ${r.unit}` : ''}`;
      const from = r.origin === 'table' && r.table !== null ? `table ${r.table + 1}` : r.origin;
      lines.push(
        `  ${[r.ligand?.text ?? '', r.target?.text ?? '', r.measure ?? '', value, r.pValue ?? '', clip(r.effect?.text ?? '', 40), clip(r.context ?? '', 40), r.references.join(','), from].join(' | ')}`,
      );
    }
  }
  if (a.diagnostics.length > 0) {
    lines.push('', 'Diagnostics:');
    for (const d of a.diagnostics) lines.push(`  ${d.severity.padEnd(11)} ${d.code.padEnd(19)} @${d.start}  ${d.message}`);
  }
  return lines.join('\n') + '\n';
}

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

/** Where the command line writes and reads (replaceable in tests). */
export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly readFile: (file: string) => Uint8Array;
  /** The lexicon to analyse with (the hand-curated one when absent). */
  readonly lexicon?: () => Lexicon;
}

const nodeIo: CliIo = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readFile: (file) => readFileSync(file === '-' ? 0 : file),
  // dist/cli.js reads the database layer from dist/lexicon/ beside it.
  lexicon: () => fullLexicon(),
};

/** Runs the command line; returns the exit code (once the references are written, for `references`). */
export function main(args: readonly string[], io: CliIo = nodeIo): number | Promise<number> {
  const started = performance.now();
  let options: Options | LibraryOptions | 'help';
  try {
    options = parseArgs(args);
  } catch (e) {
    io.stderr(`marginalia: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (options.command === 'library') return runLibrary(options, io);
  let text: string;
  try {
    text = decodeText(io.readFile(options.file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    io.stderr(`marginalia: cannot read ${options.file}: ${reason}\n`);
    return 2;
  }
  const lexicon = io.lexicon?.();
  const deadline = options.timeout === null ? undefined : started + options.timeout * 1000;
  const analysis = analyze(text, { ...(lexicon ? { lexicon } : {}), ...(deadline !== undefined ? { deadline } : {}) });
  if (deadline !== undefined && performance.now() > deadline) {
    const name = options.file === '-' ? '(stdin)' : options.file;
    io.stderr(
      `marginalia: ${name}: the analysis did not finish within ${options.timeout} s (--timeout); ` +
        `nothing was printed. Try a longer --timeout, or look for deeply nested or very long lists and quotes.\n`,
    );
    return EXIT_TIMEOUT;
  }
  if (options.command === 'references') {
    const items = toCslItems(analysis.references.filter((r) => r.duplicateOf === null));
    const format = options.format;
    return import('../export/references.js').then(({ formatReferences }) => {
      io.stdout(formatReferences(items, format));
      return 0;
    });
  }
  io.stdout(options.json ? `${JSON.stringify(analysis, null, 2)}\n` : summarise(analysis, options.file === '-' ? '(stdin)' : options.file));
  return 0;
}
