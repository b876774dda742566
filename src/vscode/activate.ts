/**
 * Wires every editor feature to one analysis service. Shared by the Node and the web entry
 * points, which differ only in where the analysis runs (the backend). A feature that fails to
 * start is logged and skipped; the others still work.
 */
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { builtinLexicon } from '../core/entities/index.js';
import { createInProcessBackend, type AnalysisBackend } from './analysis/backend.js';
import { previewAnnotations, registerAnnotations, type AnnotationsFeature } from './annotations/index.js';
import { createAnalysisService, type AnalysisService, type LexiconSource } from './analysis/service.js';
import { ConfigWatcher } from './config.js';
import { registerDiagnostics, registerQuickFixes } from './diagnostics.js';
import { registerHighlights } from './highlights.js';
import { registerHover } from './hover/provider.js';
import { registerLexiconActions } from './lexicon/code-actions.js';
import { registerLexicon } from './lexicon/index.js';
import { createLogger, type Logger } from './log.js';
import { registerDefinition } from './navigation/definition.js';
import type { LibraryHost } from './library/host.js';
import { registerLibrary, type LibraryApi } from './library/index.js';
import { registerLibraryUnavailable } from './library/unavailable.js';
import { registerJumpCommands } from './navigation/jumps.js';
import { registerReferences } from './navigation/references.js';
import { registerSymbols } from './navigation/symbols.js';
import { registerPanel } from './panel/index.js';
import { registerPreview, type PreviewFeature } from './preview/index.js';
import type { ReferenceFormatter } from './references/export.js';
import { registerStatusBar } from './statusBar.js';
import { firstAnalyses } from './startup.js';
import { mark } from './trace.js';

export interface MarginaliaPlatform {
  /**
   * Where the analysis runs on this platform (in process, or a worker: the context gives the
   * extension's location to find the worker script).
   */
  createBackend(context: vscode.ExtensionContext): AnalysisBackend;
  /** The reference formatter (citation-js), loaded on first export. */
  loadReferenceFormatter(): Promise<ReferenceFormatter>;
  /** What the workspace library needs (a worker, a store); without it there is no library. */
  libraryHost?(context: vscode.ExtensionContext): LibraryHost;
}

/** What the extension exports from `activate` (for other extensions and tests). */
export interface MarginaliaApi {
  readonly service: AnalysisService;
  /** Settles once the database lexicon has been read and laid on (or could not be). */
  readonly databaseLexicon: Promise<void>;
  /** The markdown-it plugin VS Code's markdown preview loads (`contributes.markdown.markdownItPlugins`). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  /** The workspace library, where the platform runs one. */
  readonly library?: LibraryApi;
}

function start(log: Logger, feature: string, register: () => vscode.Disposable | void): vscode.Disposable | undefined {
  try {
    return register() ?? undefined;
  } catch (error) {
    log.error(`Could not start ${feature}`, error);
    return undefined;
  }
}

/**
 * Registers the language providers for the languages in `marginalia.languages`, again whenever
 * that setting changes.
 */
function languageFeatures(config: ConfigWatcher, log: Logger, register: (selector: vscode.DocumentSelector) => vscode.Disposable[]): vscode.Disposable {
  let current: vscode.Disposable[] = [];
  const registerAll = () => {
    current.forEach((d) => d.dispose());
    current = [];
    try {
      current = register(config.current.selector);
    } catch (error) {
      log.error('Could not register the language features', error);
    }
  };
  registerAll();
  const subscription = config.onDidChange((aspects) => aspects.has('languages') && registerAll());
  return { dispose: () => [subscription, ...current].forEach((d) => d.dispose()) };
}

/** The workspace lexicon (and its commands); the built-in lexicon if that cannot start. */
function workspaceLexicon(context: vscode.ExtensionContext, log: Logger, databaseAfter: Promise<void>): LexiconSource {
  try {
    return registerLexicon(context, databaseAfter);
  } catch (error) {
    log.error('Could not load the workspace lexicon', error);
    return { current: () => builtinLexicon(), onDidChange: () => ({ dispose() {} }) };
  }
}

/** The platform's backend; the in-process one if it cannot start (e.g. no worker). */
function backendFor(context: vscode.ExtensionContext, platform: MarginaliaPlatform, log: Logger): AnalysisBackend {
  try {
    return platform.createBackend(context);
  } catch (error) {
    log.error('Could not start the analysis worker; analysing in the extension host instead', error);
    return createInProcessBackend();
  }
}

export function activateMarginalia(context: vscode.ExtensionContext, platform: MarginaliaPlatform): MarginaliaApi {
  const log = createLogger();
  const config = new ConfigWatcher();
  context.subscriptions.push(log, config);

  let startDeferred = () => {};
  const deferred = new Promise<void>((resolve) => (startDeferred = resolve));
  const lexicon = workspaceLexicon(context, log, deferred);
  const service = createAnalysisService({ backend: backendFor(context, platform, log), config, lexicon, log });
  context.subscriptions.push(service);

  let annotations: AnnotationsFeature | undefined;
  start(log, 'the annotations', () => (annotations = registerAnnotations(service, log)));
  if (annotations) context.subscriptions.push(annotations);
  const features: (vscode.Disposable | undefined)[] = [
    languageFeatures(config, log, (selector) => [
      registerHover(selector, service, log),
      registerDefinition(selector, service, log),
      registerReferences(selector, service, log),
      registerSymbols(selector, service, log),
      registerQuickFixes(selector, service, log),
      registerLexiconActions(selector, service, log),
    ]),
    start(log, 'the highlights', () => registerHighlights(service, config, log)),
    start(log, 'the status bar', () => registerStatusBar(service, config, log)),
    start(log, 'the diagnostics', () => registerDiagnostics(service, config, log)),
    start(log, 'the navigation commands', () => registerJumpCommands(service, log)),
    // registerPanel adds its own disposables to the context.
    start(log, 'the side panel', () => void registerPanel(context, service, () => platform.loadReferenceFormatter(), annotations?.manager)),
  ];
  for (const feature of features) if (feature) context.subscriptions.push(feature);
  let library: LibraryApi | undefined;
  if (platform.libraryHost) {
    const host = platform.libraryHost(context);
    start(log, 'the library', () => void (library = registerLibrary(context, host, service, lexicon, () => config.current.selector, log)));
  } else start(log, 'the library commands', () => void context.subscriptions.push(registerLibraryUnavailable()));
  let preview: PreviewFeature | undefined;
  start(log, 'the markdown preview', () => (preview = registerPreview(service, config, log, annotations && previewAnnotations(annotations.manager))));
  if (preview) context.subscriptions.push(preview);
  // The database lexicon (and so the library's indexing) waits for the first highlights.
  void firstAnalyses(service).finally(startDeferred);
  log.info('Marginalia is active');
  mark('activated');
  // Without the preview feature, the preview renders as if Marginalia were not installed.
  return {
    service,
    databaseLexicon: lexicon.database ?? Promise.resolve(),
    extendMarkdownIt: (md) => (preview ? preview.extendMarkdownIt(md) : md),
    ...(library ? { library } : {}),
  };
}
