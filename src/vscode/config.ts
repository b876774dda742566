/**
 * A typed snapshot of the `marginalia.*` settings, and which parts of the extension a settings
 * change concerns.
 */
import * as vscode from 'vscode';
import type { DiagnosticCode, EntityKind } from '../core/types.js';

/** What a settings change requires. */
export type ConfigAspect = 'languages' | 'highlights' | 'diagnostics' | 'analysis' | 'lexicon';

const SECTIONS: Readonly<Record<ConfigAspect, string>> = {
  languages: 'marginalia.languages',
  highlights: 'marginalia.highlight',
  diagnostics: 'marginalia.diagnostics',
  analysis: 'marginalia.analysis',
  lexicon: 'marginalia.lexicon',
};

/** Codes that can be turned off (`read-as-plain-text` is always shown: the reader must know). */
const DIAGNOSTIC_SETTING: Readonly<Partial<Record<DiagnosticCode, string>>> = {
  'missing-reference': 'missingReference',
  'uncited-reference': 'uncitedReference',
  'duplicate-reference': 'duplicateReference',
};

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function positiveNumber(value: unknown, fallback: number, minimum: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(minimum, value) : fallback;
}

export class Config {
  /** Language ids of the documents Marginalia reads. */
  readonly languages: readonly string[];
  readonly highlight: Readonly<Record<'ligands' | 'targets' | 'chemicals' | 'citations', boolean>>;
  /** `subtle`: thin underlines and markers in the link colour; `vivid`: tinted backgrounds. */
  readonly highlightStyle: 'subtle' | 'vivid';
  readonly diagnostics: Readonly<Partial<Record<DiagnosticCode, boolean>>>;
  readonly maxDocumentSizeMB: number;
  readonly debounceMs: number;

  private constructor(settings: vscode.WorkspaceConfiguration) {
    const languages = settings.get<unknown>('languages');
    this.languages = Array.isArray(languages) ? languages.filter((l): l is string => typeof l === 'string') : ['markdown'];
    this.highlight = {
      ligands: bool(settings.get('highlight.ligands'), true),
      targets: bool(settings.get('highlight.targets'), true),
      chemicals: bool(settings.get('highlight.chemicals'), false),
      citations: bool(settings.get('highlight.citations'), true),
    };
    this.highlightStyle = settings.get('highlight.style') === 'vivid' ? 'vivid' : 'subtle';
    const diagnostics: Partial<Record<DiagnosticCode, boolean>> = {};
    for (const [code, key] of Object.entries(DIAGNOSTIC_SETTING)) diagnostics[code as DiagnosticCode] = bool(settings.get(`diagnostics.${key!}`), true);
    this.diagnostics = diagnostics;
    this.maxDocumentSizeMB = positiveNumber(settings.get('analysis.maxDocumentSizeMB'), 10, 0.1);
    this.debounceMs = positiveNumber(settings.get('analysis.debounceMs'), 250, 0);
  }

  static read(): Config {
    return new Config(vscode.workspace.getConfiguration('marginalia'));
  }

  /** The aspects a configuration change touches (empty when it is not about Marginalia). */
  static affected(event: vscode.ConfigurationChangeEvent): Set<ConfigAspect> {
    const aspects = new Set<ConfigAspect>();
    for (const [aspect, section] of Object.entries(SECTIONS)) if (event.affectsConfiguration(section)) aspects.add(aspect as ConfigAspect);
    return aspects;
  }

  /** A selector of the documents Marginalia reads, for registering providers. */
  get selector(): vscode.DocumentSelector {
    return this.languages.map((language) => ({ language }));
  }

  highlights(kind: EntityKind | 'citation'): boolean {
    if (kind === 'chemical') return this.highlight.chemicals;
    return kind === 'ligand' ? this.highlight.ligands : kind === 'target' ? this.highlight.targets : this.highlight.citations;
  }

  get maxDocumentChars(): number {
    return this.maxDocumentSizeMB * 1024 * 1024;
  }
}

/** Holds the current {@link Config} and tells listeners which aspects changed. */
export class ConfigWatcher implements vscode.Disposable {
  private snapshot = Config.read();
  private readonly emitter = new vscode.EventEmitter<ReadonlySet<ConfigAspect>>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      const aspects = Config.affected(event);
      if (aspects.size === 0) return;
      this.snapshot = Config.read();
      this.emitter.fire(aspects);
    });
  }

  get current(): Config {
    return this.snapshot;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
