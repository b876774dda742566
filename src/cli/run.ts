/**
 * The command line, as a function of its arguments and I/O.
 * `marginalia analyze FILE [--json]`: prints the analysis of a markdown document, as JSON (exactly
 * the {@link Analysis} object, a public contract) or as a readable summary.
 * Exit codes: 0 success, 2 bad arguments or unreadable file.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../core/analyze.js';
import type { Analysis } from '../core/types.js';

const USAGE = `Usage: marginalia analyze FILE [--json]

Analyses a markdown document: citation markers, reference list, tables, quantities,
ligands and targets, sections and diagnostics.

  FILE      the markdown file to read (UTF-8), or - for standard input
  --json    print the analysis as JSON (the documented public format)
  --help    show this help
`;

class UsageError extends Error {}

interface Options {
  readonly file: string;
  readonly json: boolean;
}

function parseArgs(args: readonly string[]): Options | 'help' {
  if (args.includes('--help') || args.includes('-h')) return 'help';
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError('missing command');
  if (command !== 'analyze') throw new UsageError(`unknown command "${command}"`);
  let json = false;
  const files: string[] = [];
  for (const arg of rest) {
    if (arg === '--json') json = true;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'missing FILE' : 'expected exactly one FILE');
  return { file: files[0]!, json };
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
    lines.push('  ligand | target | measure | value | effect | context | refs');
    for (const r of a.records) {
      const value = r.value === null ? '' : `${r.value}${r.valueMax !== null ? `–${r.valueMax}` : ''}${r.unit ? ` ${r.unit}` : ''}`;
      lines.push(
        `  ${[r.ligand?.text ?? '', r.target?.text ?? '', r.measure ?? '', value, r.effect?.text ?? '', clip(r.context ?? '', 40), r.references.join(',')].join(' | ')}`,
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
}

const nodeIo: CliIo = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readFile: (file) => readFileSync(file === '-' ? 0 : file),
};

/** Runs the command line; returns the exit code. */
export function main(args: readonly string[], io: CliIo = nodeIo): number {
  let options: Options | 'help';
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
  let text: string;
  try {
    text = decodeText(io.readFile(options.file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    io.stderr(`marginalia: cannot read ${options.file}: ${reason}\n`);
    return 2;
  }
  const analysis = analyze(text);
  io.stdout(options.json ? `${JSON.stringify(analysis, null, 2)}\n` : summarise(analysis, options.file === '-' ? '(stdin)' : options.file));
  return 0;
}
