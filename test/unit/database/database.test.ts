/**
 * The database layer laid on the built-in lexicon (src/core/lexicon/compiled/): what it finds in
 * prose, what it keeps out, the sample guide read with it, incremental analysis with it, and the
 * worker reading it itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { DATABASE_FILES, builtinLexicon, withDatabase } from '../../../src/core/entities/index.js';
import { identifierLinks } from '../../../src/core/identifiers.js';
import { ChunkCache } from '../../../src/core/parse/index.js';
import { fullLexicon } from '../../../src/node/lexicon.js';
import { createInProcessBackend } from '../../../src/vscode/analysis/backend.js';
import { createWorkerBackend } from '../../../src/vscode/analysis/worker-backend.js';
import { WorkerAnalyser } from '../../../src/worker/analyser.js';
import type { WorkerResponse } from '../../../src/worker/protocol.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const dir = path.join(root, 'src/core/lexicon/compiled');
const lexicon = fullLexicon(dir);
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

function mentions(text: string) {
  const a = analyze(text, { lexicon });
  return a.entities.map((m) => [m.text, m.kind, m.source, a.entityInfo[m.id]!.class]);
}

describe('the database layer', () => {
  it('finds drugs, genes and chemicals no hand-curated entry names, with their class', () => {
    expect(mentions('Cetuximab and zorifertinib target EGFR; KRAS and the dopamine receptor D2 were measured in sodium chloride.')).toEqual([
      ['Cetuximab', 'ligand', 'lexicon', 'antibody'],
      ['zorifertinib', 'ligand', 'lexicon', 'synthetic organic'],
      ['EGFR', 'target', 'lexicon', 'receptor tyrosine kinase (ErbB1)'],
      ['KRAS', 'target', 'lexicon', 'RAS subfamily (enzyme)'],
      ['dopamine receptor D2', 'target', 'lexicon', 'dopamine receptor (D2-like, Gi/o-coupled)'],
      ['sodium chloride', 'chemical', 'lexicon', null],
    ]);
  });

  it('keeps gene symbols that are words or formulas, and very common words, from standing alone (a formula is a chemical)', () => {
    expect(mentions('The CAT and SET of MAX at REST: water, alcohol and CO2 had an IMPACT on the PC.')).toEqual([['CO2', 'chemical', 'pattern', 'inorganic formula']]);
  });

  it('matches gene symbols by case, and in the mouse style', () => {
    expect(mentions('Sp1 and SP1 bind; sp1 does not.').map((m) => m[0])).toEqual(['Sp1', 'SP1']);
  });

  it('reads words split by spaced hyphens as the name they spell', () => {
    expect(mentions('5 - FU and c - fos').map((m) => m[0])).toEqual(['5 - FU', 'c - fos']);
  });

  it('classes an unknown drug name by its drug-name stem, not an English word ending alike', () => {
    const a = analyze('Patients took quapivolol or bexotinib; a pistol and April were not drugs.', { lexicon });
    expect(a.entities.map((m) => [m.text, m.id, m.source, a.entityInfo[m.id]!.class, a.entityInfo[m.id]!.provenance])).toEqual([
      ['quapivolol', 'ligand:quapivolol', 'pattern', 'beta-adrenoceptor antagonist', 'nomenclature pattern: drug-name stem -olol (Marginalia drug-name stems)'],
      ['bexotinib', 'ligand:bexotinib', 'pattern', 'tyrosine kinase inhibitor', 'nomenclature pattern: drug-name stem -tinib (Marginalia drug-name stems)'],
    ]);
  });

  it('gives identifiers and provenance, the hand-curated entry first', () => {
    const a = analyze('Propranolol was used.', { lexicon });
    const info = a.entityInfo['ligand:propranolol']!;
    expect(info.provenance).toBe('built-in lexicon 2026.11 (ligands-monoamine); DrugBank open vocabulary (2026-04); IUPHAR/BPS Guide to Pharmacology 2024.1');
    expect(identifierLinks(info.kind, info.identifiers).map((l) => [l.label, l.url])).toEqual([
      ['PubChem CID 4946', 'https://pubchem.ncbi.nlm.nih.gov/compound/4946'],
      ['IUPHAR/BPS 564', 'https://www.guidetopharmacology.org/GRAC/LigandDisplayForward?ligandId=564'],
      ['DrugBank DB00571', 'https://go.drugbank.com/drugs/DB00571'],
      ['CAS 525-66-6', 'https://commonchemistry.cas.org/detail?cas_rn=525-66-6'],
    ]);
  });

  it('shows an identifier of the wrong form without a link', () => {
    expect(identifierLinks('ligand', { drugbank: 'DB1', pubchem: 'javascript:alert(1)' })).toEqual([
      { label: 'PubChem CID javascript:alert(1)', url: null },
      { label: 'DrugBank DB1', url: null },
    ]);
  });

  it('reads the sample guide as the hand-curated lexicon does, adding only chemicals', () => {
    const text = read('seeds/sigma1-receptor-nmda-ion-channels.md');
    const key = (m: { start: number; text: string; id: string; source: string }) => `${m.start} ${m.text} ${m.id} ${m.source}`;
    const small = analyze(text).entities.map(key);
    const full = analyze(text, { lexicon }).entities;
    expect(full.filter((m) => !small.includes(key(m))).map((m) => [m.text, m.kind])).toEqual(Array(6).fill(['calcium', 'chemical']));
    expect(small.filter((k) => !full.map(key).includes(k))).toEqual([]);
  });

  it('analyses incrementally as cold with the database layer', () => {
    const text = read('seeds/sigma1-receptor-nmda-ion-channels.md');
    const cache = new ChunkCache();
    analyze(text, { lexicon, cache });
    let current = text;
    for (const insert of [' imatinib ', ' KRAS ', ' quapivolol ']) {
      const at = current.indexOf('\n\n', current.length / 3) + 2;
      current = current.slice(0, at) + insert + current.slice(at);
      expect(JSON.stringify(analyze(current, { lexicon, cache }))).toBe(JSON.stringify(analyze(current, { lexicon })));
    }
  });

  it('skips compiled files of another format and loads without them', () => {
    const lex = withDatabase(builtinLexicon(), ['{"format": 0, "meta": {}}'], null);
    expect(lex.entries.length).toBe(builtinLexicon().entries.length);
    expect(lex.database!.indices).toEqual([]);
  });
});

describe('the worker and the database layer', () => {
  it('reads the files once from the location the host names and analyses with them', async () => {
    const reads: string[] = [];
    const analyser = new WorkerAnalyser(async (location, files) => {
      reads.push(location);
      return files.map((f) => readFileSync(path.join(location, f), 'utf8'));
    });
    const text = 'Imatinib inhibits KRAS signalling.';
    const spec = { key: 'builtin:2026.11+database', database: dir };
    const first = (await analyser.handle({ type: 'analyse', id: 1, uri: 'a', version: 1, text, lexicon: spec })) as WorkerResponse;
    const second = (await analyser.handle({ type: 'analyse', id: 2, uri: 'b', version: 1, text, lexicon: spec })) as WorkerResponse;
    expect(reads).toEqual([dir]);
    expect(first.type === 'result' && first.analysis.entities.map((m) => m.text)).toEqual(['Imatinib', 'KRAS']);
    expect(second.type === 'result' && JSON.stringify(second.analysis)).toBe(JSON.stringify(analyze(text, { lexicon })));
    expect(DATABASE_FILES).toEqual(['hgnc.json', 'drugbank.json', 'gtopdb.json', 'stems.json']);
  });

  it('analyses with the hand-curated lexicon when the files cannot be read, and tries again later', async () => {
    let calls = 0;
    const analyser = new WorkerAnalyser(async () => {
      calls++;
      throw new Error('gone');
    });
    const spec = { key: 'builtin:2026.11+database', database: '/nowhere' };
    const response = (await analyser.handle({ type: 'analyse', id: 1, uri: 'a', version: 1, text: 'KRAS', lexicon: spec })) as WorkerResponse;
    expect(response.type === 'result' && response.analysis.entities).toEqual([]);
    await analyser.handle({ type: 'analyse', id: 2, uri: 'a', version: 2, text: 'KRAS', lexicon: spec });
    expect(calls).toBe(2);
  });
});

describe('the worker backend and the database layer', () => {
  it('sends the database files once per worker to a worker that cannot read them, and its analysis uses them', async () => {
    const posted: string[] = [];
    const analyser: WorkerAnalyser = new WorkerAnalyser((location): Promise<string[]> => analyser.sentDatabase(location, 5000));
    let listener: ((m: WorkerResponse) => void) | undefined;
    const worker = {
      post(message: Parameters<WorkerAnalyser['handle']>[0]) {
        posted.push(message.type === 'database' ? `database ${message.texts?.length}` : message.type);
        void Promise.resolve(analyser.handle(message)).then((r) => r && listener?.(r));
      },
      onMessage: (l: (m: WorkerResponse) => void) => void (listener = l),
      onError: () => undefined,
      terminate: () => undefined,
    };
    const reads: string[] = [];
    const backend = createWorkerBackend({
      spawn: () => worker,
      inProcess: createInProcessBackend(),
      threshold: 10,
      databaseTexts: async (location) => {
        reads.push(location);
        return DATABASE_FILES.map((f) => readFileSync(path.join(location, f), 'utf8'));
      },
    });
    const text = 'Imatinib inhibits KRAS signalling in these cells.';
    const first = await backend.analyse({ uri: 'file:///a.md', version: 1, text, lexicon });
    await backend.analyse({ uri: 'file:///a.md', version: 2, text: `${text} Again.`, lexicon });
    expect(first.entities.map((m) => m.text)).toEqual(['Imatinib', 'KRAS']);
    expect([posted, reads]).toEqual([['analyse', 'database 4', 'analyse'], [dir]]);
    backend.dispose();
  });
});
