/**
 * `npm run eval` (scripts/eval.mjs bundles this with the core and calls `main`).
 *   --json           one JSON object instead of the report
 *   --doc NAME       one document (NAME or SET/NAME), with every miss and false positive listed
 *   --validate       check every gold file; exit 1 on any problem
 *   --devel          score the benchmarks' development sets instead of their test sets
 *   --builtin-only   analyse with the hand-curated lexicon alone (no database layer)
 *   --save           also write the report to eval-results/latest.txt
 *   --update-floor   rewrite test/corpus/FLOOR.json with today's totals
 *   --top N          entries per top list (10)
 * Exit codes: 0 done, 1 gold problems (or --validate found some), 2 bad arguments.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate, findingsOf, validateAll } from './evaluate.js';
import { floorFigures, readFloor, writeFloor } from './floor.js';
import { findingLines, formatReport } from './report.js';
import { summarise } from './summary.js';

const USAGE = `Usage: npm run eval -- [--json] [--doc NAME] [--validate] [--devel] [--builtin-only] [--save] [--update-floor] [--top N]\n`;

interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

const nodeIo: Io = { stdout: (s) => void process.stdout.write(s), stderr: (s) => void process.stderr.write(s) };

interface Options {
  json: boolean;
  doc: string | undefined;
  validate: boolean;
  devel: boolean;
  builtinOnly: boolean;
  save: boolean;
  updateFloor: boolean;
  top: number;
}

function parse(args: readonly string[]): Options | string {
  const o: Options = { json: false, doc: undefined, validate: false, devel: false, builtinOnly: false, save: false, updateFloor: false, top: 10 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') o.json = true;
    else if (a === '--validate') o.validate = true;
    else if (a === '--devel') o.devel = true;
    else if (a === '--builtin-only') o.builtinOnly = true;
    else if (a === '--save') o.save = true;
    else if (a === '--update-floor') o.updateFloor = true;
    else if (a === '--doc' || a === '--top') {
      const v = args[++i];
      if (v === undefined) return `${a} needs a value`;
      if (a === '--doc') o.doc = v;
      else if (!/^\d+$/.test(v)) return '--top needs a number';
      else o.top = Number(v);
    } else return `unknown option "${a}"`;
  }
  if (o.updateFloor && (o.devel || o.doc)) return '--update-floor scores the test sets of every document: leave out --devel and --doc';
  return o;
}

export function main(args: readonly string[], root: string, io: Io = nodeIo): number {
  if (args.includes('--help')) {
    io.stdout(USAGE);
    return 0;
  }
  const options = parse(args);
  if (typeof options === 'string') {
    io.stderr(`eval: ${options}\n${USAGE}`);
    return 2;
  }
  if (options.validate) {
    const { files, problems } = validateAll(root);
    if (options.json) io.stdout(`${JSON.stringify({ files, problems })}\n`);
    else if (problems.length === 0) io.stdout(`${files} gold file(s) checked: no problem\n`);
    else io.stdout(`${files} gold file(s) checked, ${problems.length} problem(s):\n${problems.map((p) => `  ${p}\n`).join('')}`);
    return problems.length === 0 ? 0 : 1;
  }
  const evaluation = evaluate(root, { split: options.devel ? 'devel' : 'test', builtinOnly: options.builtinOnly, ...(options.doc ? { only: options.doc } : {}) });
  const summary = summarise(evaluation);
  const docs = evaluation.sets.flatMap((s) => s.documents);
  if (options.doc && docs.length === 0) {
    io.stderr(`eval: no scored document named "${options.doc}" (a document needs gold to be scored)\n`);
    return 2;
  }
  if (options.json) {
    const findings = options.doc ? Object.fromEntries(docs.map((d) => [`${d.set}/${d.name}`, findingsOf(d)])) : undefined;
    io.stdout(`${JSON.stringify({ ...summary, floor: floorFigures(summary), ...(findings ? { findings } : {}) })}\n`);
  } else {
    let text = formatReport(summary, { top: options.top, perDocument: options.doc !== undefined });
    if (options.doc) for (const d of docs) text += `${findingLines(`${d.set}/${d.name}`, findingsOf(d)).join('\n')}\n`;
    io.stdout(text);
    if (options.save) {
      const dir = path.join(root, 'eval-results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'latest.txt'), text);
    }
  }
  if (options.updateFloor) {
    const before = readFloor(root)?.figures ?? {};
    const floor = writeFloor(root, summary);
    const changed = Object.entries(floor.figures).filter(([k, v]) => before[k] !== v);
    io.stderr(`FLOOR.json: ${changed.length} figure(s) changed${changed.map(([k, v]) => `\n  ${k}: ${before[k] ?? 'none'} → ${v}`).join('')}\n`);
  }
  return summary.problems.length === 0 ? 0 : 1;
}
