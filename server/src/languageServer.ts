/**
 * The cable language server, for Node and the browser alike. Wiring only: every answer comes from the pure
 * core and the features. The entries start it on a connection with a {@link ServerHost}: `server.ts` over
 * stdio, node IPC or a socket with Node's file system, `browserServer.ts` in a web worker with none.
 */
import {
  type CancellationToken,
  CodeActionKind,
  DocumentHighlightKind,
  Command,
  CompletionItemKind,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  MarkupKind,
  MessageType,
  PositionEncodingKind,
  ResponseError,
  WatchKind,
  SelectionRange,
  ShowMessageNotification,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type WorkspaceFolder,
  type WorkspaceFoldersChangeEvent,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type Connection,
  type FileSystemWatcher,
  type Disposable,
  type Diagnostic,
  type DocumentSymbol,
  type SymbolInformation,
  type DidChangeConfigurationParams,
  type DocumentLink,
  type InlayHint,
  type InitializeParams,
  type Location,
  type LocationLink,
  type WorkDoneProgressServerReporter,
  type WorkspaceEdit,
  type Range,
  type SemanticTokens,
  type SemanticTokensDelta,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { modify, applyEdits as applyJsonEdits } from 'jsonc-parser';
import { DEFAULT_CONFIG, globsNamePassedOver, isIgnored, isPassedOverFolder, matchesGlob, parseConfig, parseRuleOverrides, resolveConfig, type CableLintConfig } from './core/config';
import { CONFIG_NAMES, isConfigFile, NearestConfig } from './configFiles';
import { lintCable } from './core/lint';
import type { Cable, Position, RefItem } from './core/model';
import { parseCable, readsAsCable } from './core/parse/index';
import { ruleByIdOrName } from './core/rules/index';
import type { Finding, ParagraphCopy } from './core/rules/types';
import { clampPosition, contains, looksBinary, range } from './core/text';
import { diagnosticOf, findingsAt, FIX_ALL_KIND, getFixAll, getQuickFixes } from './features/codeActions';
import { getCompletionList, resolveCompletionItem } from './features/completion';
import { binaryDiagnostic, caretAfterEdit, shownWhileTyping, toDiagnostic } from './features/diagnostics';
import { defaultDictionaries, mergeDictionaries, type Dictionaries } from './features/dictionaries';
import { loadUserDictionaries } from './core/userDictionary';
import { flattenDocumentSymbols, getDocumentSymbols } from './features/documentSymbols';
import { getDropCitations } from './features/drop';
import { getFoldingRanges } from './features/folding';
import { getOnTypeFormattingEdits } from './features/onTypeFormatting';
import { getHover, toPlainText } from './features/hover';
import { getInlayHints } from './features/inlayHints';
import { getCitedParagraphAt, getCitedRangeAt, getDocumentHighlights, getInTextDefinition, paragraphsSeparatedAt, refItemsAt } from './features/references';
import { getRenameEdits, prepareRename } from './features/rename';
import { getSelectionRanges } from './features/selectionRanges';
import { cablePlace, getIncomingCalls, getOutgoingCalls, prepareCallHierarchy, rangesCiting } from './features/callHierarchy';
import { getCableStatus } from './features/status';
import { getPreview, PREVIEW_LARGE_LINES } from './features/preview';
import { SemanticTokenResults } from './features/semanticTokenResults';
import { getSemanticTokensInRange, SEMANTIC_LEGEND } from './features/semanticTokens';
import type { IndexedCable } from './features/types';
import { CableIndex, collectionEntry, idFromFileName, indexKey, indexedParagraphCopy, packParagraphMentions, rangesNamingParagraph, shownChanged, paragraphMarkerRange, summarize, tagRange } from './workspace/cableIndex';
import { findCitedParagraphs } from './core/mentions';
import { citedId, fileNameKind } from './core/id';
import { extractHeader, extractLine, extractRecord, EXTRACT_FIELDS, type ExtractFormat } from './cli/extract';
import { jsonEqual, type DirectoryEntry, type HostFiles, type ServerHost } from './host';
import { REFUSED_REQUEST, type RefusedRequestParams } from './lifecycle';
import { askClient, isListFilesResult, MAX_FILE_BYTES, pathBelow, READ_BATCH, readFilesAnswer, type ListFilesParams, type ReadFilesParams } from './workspace/clientFiles';

/**
 * Starts the language server on `connection`, reading files (`.cablelint.jsonc`, user dictionaries, the workspace's
 * closed cables) through `host`, and listens.
 */
export function startLanguageServer(connection: Connection, host: ServerHost): void {
  /** The host's file system; only code that runs for a workspace root asks for it, and a host without one has none. */
  const files = (): HostFiles => {
    if (!host.files) throw new Error('This host reads no files.');
    return host.files;
  };
  /**
   * Where each open document's last edit left the caret, on the line where findings that may only say the line is
   * unfinished wait (`shownWhileTyping`); none once the document is saved, and none for a document just opened.
   */
  const typingLines = new Map<string, Position>();
  /** The open documents whose writer has paused on the line being typed ({@link HELD_RELEASE_MS}), until the next edit. */
  const pausedTyping = new Set<string>();
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(doc, changes, version) {
      pausedTyping.delete(doc.uri);
      const caret = guard('edit', undefined, () => caretAfterEdit(doc.getText(), changes));
      if (caret === undefined) typingLines.delete(doc.uri);
      else typingLines.set(doc.uri, caret);
      return TextDocument.update(doc, changes, version);
    },
  });

  /** Settings from the editor (`cable.*`), with defaults for those a client does not give. */
  interface Settings {
    rules: Record<string, string>;
    validateRun: 'onType' | 'onSave';
    /** Which files get diagnostics: the open documents, or every workspace cable file as well (read from disk while closed). */
    validateScope: 'openFiles' | 'workspace';
    largeFileThreshold: number;
    indexInclude: string[];
    indexExclude: string[];
    /** Whether a cable's banner gets a code lens counting the workspace cables that cite it. */
    codeLensCitingCables: boolean;
    /** Whether a REF item's citation of a workspace cable gets an inlay hint with its subject. */
    inlayHintsRefSubjects: boolean;
    /** Whether the DE line's routing indicator gets an inlay hint with its plain-language address, when the dictionary knows it. */
    inlayHintsRoutingIndicators: boolean;
    /** How many closed cable files are read through the client, for folders the server cannot read itself (`cable/listFiles`). */
    maxFilesThroughClient: number;
    /** Whether Enter under a numbered paragraph writes the next one's number (`textDocument/onTypeFormatting`). */
    paragraphNumbersOnEnter: boolean;
    /** Whether Enter at the end of a lettered REF item writes the next item's letter (`textDocument/onTypeFormatting`). */
    refLettersOnEnter: boolean;
    /** Whether Enter at the end of a dash list's item writes the next item's dashes (`textDocument/onTypeFormatting`). */
    dashItemsOnEnter: boolean;
  }

  const DEFAULT_SETTINGS: Settings = {
    rules: {},
    validateRun: 'onType',
    validateScope: 'openFiles',
    largeFileThreshold: 2_000_000,
    indexInclude: ['**/*.cable', '**/[0-9][0-9][A-Z]*[0-9].txt', '**/[0-9][0-9][A-Z]*[0-9]_[a-z].txt', '**/[12][09][0-9][0-9][A-Z]*[0-9].txt', '**/[12][09][0-9][0-9][A-Z]*[0-9]_[a-z].txt'],
    indexExclude: ['**/node_modules/**', '**/.git/**'],
    codeLensCitingCables: true,
    inlayHintsRefSubjects: true,
    inlayHintsRoutingIndicators: true,
    maxFilesThroughClient: 2000,
    paragraphNumbersOnEnter: true,
    refLettersOnEnter: true,
    dashItemsOnEnter: true,
  };

  let settings: Settings = DEFAULT_SETTINGS;
  let hasConfigurationCapability = false;
  let hasWatchedFilesRegistration = false;
  /** Whether the client reads a watcher's glob as a pattern under a base URI (`relativePatternSupport`, LSP 3.17). */
  let hasRelativePatterns = false;
  let hasWorkDoneProgress = false;
  /** Whether the client tells of workspace folders added and removed after start. */
  let hasWorkspaceFolders = false;
  let workspaceRoots: string[] = [];
  /**
   * Whether the client reads files for the server (`cable/readFile`), as it offers in `initializationOptions.readFiles`:
   * asked only for folders the host cannot read (every folder in the browser, a virtual one under Node), for
   * `.cablelint.jsonc` and user dictionaries.
   */
  let clientReadsFiles = false;
  /**
   * Whether the client also lists and reads the workspace's cable files for the index (`cable/listFiles`,
   * `cable/readFiles`; `workspace/clientFiles.ts`), as it offers in `initializationOptions.listFiles`.
   */
  let clientListsFiles = false;
  /** The URIs of the workspace folders the host cannot read, under which the client reads files for the server. */
  let clientRoots: string[] = [];
  /**
   * Whether the client runs `editor.action.triggerSuggest` as a completion item's command, as VS Code's offers in
   * `initializationOptions.suggestAgain`: an item with another list after it (a field's keyword) then opens that list.
   */
  let clientSuggestsAgain = false;
  /**
   * Whether the client has its own `cable.showCitingCables`, the command the banner's code lens runs, as VS Code's offers in
   * `initializationOptions.showCitingCables`: it lists the citing cables in its references view.
   */
  let clientShowsCiting = false;
  /** Whether the client opens a document the server names (`window/showDocument`), as it declares in `window.showDocument.support`. */
  let canShowDocument = false;
  /** Whether the client applies a workspace edit that creates a file (`documentChanges` with a `create` operation). */
  let canCreateFiles = false;
  /** Whether the client takes completion items with insert-replace edits. */
  let hasInsertReplaceSupport = false;
  /** The client resolves a completion item's documentation when it shows the item. */
  let hasLazyDocumentation = false;
  /** Whether the client takes completion items whose text is a snippet. */
  let hasSnippetSupport = false;
  /** Whether the client shows a completion item's `labelDetails` (LSP 3.17); without it they go in its `detail`. */
  let hasLabelDetailsSupport = false;
  /** Whether the client asks `textDocument/prepareRename` before a rename. */
  let hasPrepareRename = false;
  /** Whether the client takes Go to Definition's answer as `LocationLink`s (`definition.linkSupport`), with the range the cursor was on and the target's selection. */
  let hasDefinitionLinks = false;
  /** Whether the client applies a workspace edit given as `documentChanges` (versioned document edits). */
  let hasDocumentChanges = false;
  /** Whether the client takes code actions as literals (`codeActionLiteralSupport`); one that does not takes commands only. */
  let hasCodeActionLiterals = false;
  /** Whether the client applies a workspace edit the server sends (`workspace/applyEdit`). */
  let canApplyEdit = false;
  /**
   * The command a code action becomes for a client that takes no code action literals: run (`workspace/executeCommand`),
   * it sends the action's edit (its first argument) back to be applied (`workspace/applyEdit`), labelled with its title (the second).
   */
  const APPLY_EDIT_COMMAND = 'cable.applyCodeActionEdit';
  /**
   * The command the banner's code lens runs in a client that has no `cable.showCitingCables` of its own but opens the
   * documents the server names (Neovim 0.11 declares it; 0.7 does not): run (`workspace/executeCommand`) with the
   * document's URI, it opens the cable citing it (`window/showDocument`), or asks which of several (`window/showMessageRequest`).
   */
  const OPEN_CITING_COMMAND = 'cable.openCitingCable';
  /** True when the banner's code lens runs {@link OPEN_CITING_COMMAND}, the server's, rather than the client's own command. */
  const serverOpensCiting = () => !clientShowsCiting && canShowDocument;
  /**
   * The views a client shows from the index, the dictionaries and the settings, with the request that asks it to fetch them again:
   * what they show of other cables changes without an edit to the document that shows it, and VS Code asks again by itself
   * only for the document edited.
   */
  const REFRESH_REQUESTS = { codeLens: 'workspace/codeLens/refresh', inlayHints: 'workspace/inlayHint/refresh' } as const;
  type View = keyof typeof REFRESH_REQUESTS;
  /** The views the client asks for again when the server says they changed (their `refreshSupport`). */
  const refreshable = new Set<View>();
  /** Whether hovers go out as plain text: the client's hover `contentFormat` does not put Markdown first, or names no format. */
  let hoverPlainText = true;
  /** Whether completion items' documentation goes out as plain text: their `documentationFormat` does not put Markdown first, or, naming none, hovers go so. */
  let completionPlainText = true;
  /** Whether the client takes the outline as a tree (`hierarchicalDocumentSymbolSupport`); one that does not gets a flat list. */
  let hasHierarchicalSymbols = false;
  /** The symbol kinds the client shows (`symbolKind.valueSet`; File to Array when it names none, LSP 3.17). */
  let symbolKinds: ReadonlySet<number> = new Set();
  /** The completion item kinds the client shows (`completionItemKind.valueSet`; Text to Reference when it names none, LSP 3.17). */
  let completionKinds: ReadonlySet<number> = new Set();
  /**
   * Whether the settings and `.cablelint.jsonc` have been read. Until then no document is validated, so that
   * none shows findings under the defaults first (a rule the workspace raises to an error as a warning).
   */
  let configured = false;
  /** How long the first diagnostics wait for the client's answers to the settings request and the watcher registration. */
  const SETTINGS_WAIT_MS = 3000;
  /**
   * The workspace's configuration: the `.cablelint.jsonc` (or `.json`) at the root of the first workspace folder that has
   * one, else the one read through the client; undefined for none. A document with no configuration file at or above its
   * folder in its workspace folder takes it (a document in another folder, or in none).
   */
  let rootConfig: ConfigInUse | undefined;
  let configPath: string | undefined;
  /**
   * The configuration file read through the client (its URI and text as read), for "Disable rule in this file" in a
   * folder the client reads for the server; undefined when none was.
   */
  let clientConfig: { uri: string; text: string } | undefined;
  /** The configuration files read from disk, by path, each read once until the watcher says it changed. */
  const configsRead = new Map<string, ConfigInUse | null>();
  /**
   * The nearest configuration file at or above a folder, looked for up to the root of the workspace folder that holds it
   * (never above it: a file there is no more the editor's than today), each folder looked at once until a configuration
   * file is created or deleted, or a workspace folder added or removed.
   */
  const nearestConfigs = new NearestConfig(
    { exists: (p) => files().exists(p), join: (a, b) => host.path.join(a, b), dirname: (p) => host.path.dirname(p) },
    (folder) => workspaceRoots.includes(folder),
  );
  /** The TAG codes of no user dictionary. */
  const NO_TAGS: ReadonlySet<string> = new Set();
  /** Whether a configuration read (since the start) named a user dictionary that gives TAGS. */
  let userTagsRead = false;
  /** The built-in dictionaries, for a document that takes no configuration file. */
  let builtInDictionaries: Dictionaries | undefined;
  const index = new CableIndex();
  /**
   * Whether the index is being read from nothing: from the start until the first pass over the workspace ends, and again
   * while a pass under new index globs reads it. A request whose answer asks it meanwhile waits (`afterIndexBuilt`).
   */
  let indexEmptied = true;
  /** How many workspace folders added after the start are being walked into the index. */
  let foldersBeingRead = 0;
  /** Whether the index is being built: read from nothing, or taking in a folder added to the workspace. */
  const indexBuilding = (): boolean => indexEmptied || foldersBeingRead > 0;
  /** The requests waiting for the index to be built, each resolved once. */
  const indexWaiters = new Set<() => void>();
  /**
   * How long a request waits for the index to be built at most: 5,000 cables take about 2 s (4 s with
   * `cable.validate.scope: "workspace"`), so only a collection of tens of thousands is answered from part of it.
   */
  const INDEX_WAIT_MS = 10_000;

  // Parse once per document version and hand the tree to every feature. A binary document is parsed too,
  // so that the outline, folding and hover answer as for any text, but no rule runs on it.
  interface Parsed {
    version: number;
    /** The user dictionaries' TAG codes the parse read as known TAGS on a wrapped TAGS line ({@link userTagsFor}). */
    userTags: ReadonlySet<string>;
    cable: Cable;
    binary: boolean;
    findings?: Finding[];
  }
  const parsed = new Map<string, Parsed>();
  const largeLogged = new Set<string>();

  /**
   * The parse of `doc` at its version under the user dictionaries its configuration names: parsed again when either
   * changed. A configuration read again with the same TAG codes keeps the parse (compared only when the set is another).
   */
  function parsedFor(doc: TextDocument): Parsed {
    const hit = parsed.get(doc.uri);
    const userTags = userTagsFor(doc.uri);
    if (hit && hit.version === doc.version) {
      if (hit.userTags === userTags) return hit;
      if (sameCodes(hit.userTags, userTags)) {
        hit.userTags = userTags;
        return hit;
      }
    }
    const text = doc.getText();
    const entry: Parsed = { version: doc.version, userTags, cable: parseCable(text, { userTags }).cable, binary: looksBinary(text) };
    parsed.set(doc.uri, entry);
    return entry;
  }

  /**
   * The TAG codes of the user dictionaries the configuration of the document at `uri` names ({@link NO_TAGS} for none):
   * looked up only once a configuration read has named a dictionary with TAGS, so that without one a parse asks nothing.
   */
  function userTagsFor(uri: string): ReadonlySet<string> {
    return userTagsRead ? (configFor(uri)?.userTags ?? NO_TAGS) : NO_TAGS;
  }

  /** Whether two sets of TAG codes hold the same codes. */
  function sameCodes(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
    if (a.size !== b.size) return false;
    for (const code of a) if (!b.has(code)) return false;
    return true;
  }

  function cableFor(doc: TextDocument): Cable {
    return parsedFor(doc).cable;
  }

  function relativePath(uri: string): string {
    const u = URI.parse(uri);
    const fsPath = u.fsPath;
    for (const root of workspaceRoots) {
      if (fsPath.startsWith(root + host.path.sep)) return host.path.relative(root, fsPath).split(host.path.sep).join('/');
    }
    // A folder the client reads files under (the browser, a virtual folder): the path below the folder's, which the `overrides` globs match.
    return pathBelow(clientRoots, uri) ?? host.path.basename(fsPath);
  }

  /**
   * A configuration file read: the configuration, its folder on disk (whose paths its globs see; undefined for one read
   * through the client, whose globs see the path below the client folder), and its dictionaries merged into the built-in
   * ones, with their TAG codes, which the rules count as known (CBL044).
   */
  interface ConfigInUse {
    readonly config: CableLintConfig;
    readonly folder: string | undefined;
    readonly dictionaries: Dictionaries;
    readonly userTags: ReadonlySet<string>;
  }

  /**
   * The path of the configuration file nearest to the document at `uri`: at or above its folder, up to the root of the
   * workspace folder read from disk that holds it; undefined for a document in no such folder (the client's folders included).
   */
  function nearestConfigPath(uri: string): string | undefined {
    if (!host.files) return undefined;
    const u = URI.parse(uri);
    if (u.scheme !== 'file' || rootOf(u.fsPath) === undefined) return undefined;
    return nearestConfigs.find(host.path.dirname(u.fsPath));
  }

  /** The configuration the document at `uri` takes: the nearest file's, else the workspace's ({@link rootConfig}); undefined for none. */
  function configFor(uri: string): ConfigInUse | undefined {
    const nearest = nearestConfigPath(uri);
    return (nearest !== undefined ? readConfigAt(nearest) : undefined) ?? rootConfig;
  }

  /**
   * The path of the document at `uri` that the globs of a configuration in `folder` see: from that folder, else (for one
   * read through the client, or the workspace's for a document in another workspace folder) from its workspace folder.
   */
  function configRelativePath(uri: string, folder: string | undefined): string {
    if (folder !== undefined) {
      const fsPath = URI.parse(uri).fsPath;
      if (fsPath.startsWith(folder.endsWith(host.path.sep) ? folder : folder + host.path.sep)) return host.path.relative(folder, fsPath).split(host.path.sep).join('/');
    }
    return relativePath(uri);
  }

  /** The configuration file at `path` on disk, read the first time it is asked for; undefined when it cannot be read. */
  function readConfigAt(path: string): ConfigInUse | undefined {
    let known = configsRead.get(path);
    if (known === undefined) {
      let text: string | undefined;
      try {
        text = files().readText(path);
      } catch {
        // Deleted since it was found, or unreadable: the workspace's configuration applies.
      }
      const folder = host.path.dirname(path);
      known = text === undefined ? null : takeConfig(text, host.path.basename(path), URI.file(path).toString(), path, folder, (rel) => files().readText(host.path.resolve(folder, rel)));
      configsRead.set(path, known);
      if (known) watchDictionaries(known.config.dictionaries.map((rel) => URI.file(host.path.resolve(folder, rel)).toString()));
    }
    return known ?? undefined;
  }

  /**
   * The configuration files read from disk that name the file at `u` as a user dictionary (their paths), or `through-client`
   * where the configuration read through the client names it; undefined for a file no configuration read names.
   */
  function namingConfigs(u: URI): string[] | 'through-client' | undefined {
    if (clientDictionaries.has(u.toString())) return 'through-client';
    if (u.scheme !== 'file') return undefined;
    const paths: string[] = [];
    for (const [path, read] of configsRead) {
      const folder = read?.folder;
      if (folder !== undefined && read!.config.dictionaries.some((rel) => host.path.resolve(folder, rel) === u.fsPath)) paths.push(path);
    }
    return paths.length > 0 ? paths : undefined;
  }

  /**
   * The user dictionaries a configuration read has named (their URIs), each watched from the first time it is named: a
   * client that registers watchers dynamically is asked to watch them too (the configuration files' own watchers see no
   * dictionary's edit), and one that does not is asked nothing, as before. Each has a registration of its own, so that a
   * dictionary no configuration names any more is no longer watched ({@link unwatchDictionaries}); until then its events
   * change nothing ({@link namingConfigs}).
   */
  const watchedDictionaries = new Map<string, Promise<Disposable | undefined>>();
  /** The dictionaries' URIs of the configuration read through the client, for its watched-file events. */
  let clientDictionaries: ReadonlySet<string> = new Set();

  /**
   * Asks the client to watch the dictionaries of `uris` not watched yet ({@link watchedDictionaries}), once the configuration
   * reading them is done.
   */
  function watchDictionaries(uris: readonly string[]): void {
    if (!hasWatchedFilesRegistration) return;
    for (const uri of uris) {
      if (watchedDictionaries.has(uri)) continue;
      const registration = Promise.resolve()
        .then(() => connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [dictionaryWatcher(uri)] }))
        .catch((e: unknown) => {
          connection.console.warn(`The client did not watch the user dictionary ${uri}: ${String(e)}`);
          return undefined;
        });
      watchedDictionaries.set(uri, registration);
    }
  }

  /**
   * Asks the client to stop watching each dictionary that no configuration read names any more (`"dictionaries"` edited
   * to name another, or its configuration deleted): the configurations of the open documents are read first, so that a
   * dictionary they still name keeps its registration. One read again later (for a closed cable) asks for it again.
   */
  function unwatchDictionaries(): void {
    if (watchedDictionaries.size === 0) return;
    for (const doc of documents.all()) configFor(doc.uri);
    const named = new Set(clientDictionaries);
    for (const read of configsRead.values()) {
      const folder = read?.folder;
      if (folder !== undefined) for (const rel of read!.config.dictionaries) named.add(URI.file(host.path.resolve(folder, rel)).toString());
    }
    for (const [uri, registration] of watchedDictionaries) {
      if (named.has(uri)) continue;
      watchedDictionaries.delete(uri);
      void registration.then((d) => d?.dispose());
    }
  }

  /**
   * The watcher of the dictionary at `uri`: its name under its folder for a client that reads relative patterns (VS Code's,
   * which then watches a folder outside the workspace too), else its name in any folder (`**`, a slash, the name), which a
   * client matches in its workspace folders; the events of another file of that name change nothing. A character that a
   * glob reads as syntax is matched by `?`, since LSP's globs define no escape.
   */
  function dictionaryWatcher(uri: string): FileSystemWatcher {
    const u = URI.parse(uri);
    const name = Utils.basename(u).replace(/[*?[\]{}!,\\]/g, '?');
    return hasRelativePatterns ? { globPattern: { baseUri: Utils.dirname(u).toString(), pattern: name } } : { globPattern: `**/${name}` };
  }

  /** The dictionaries hover, completion, inlay hints and the preview read for the document at `uri`: its configuration's. */
  function dictionariesFor(uri: string): Dictionaries {
    return configFor(uri)?.dictionaries ?? (builtInDictionaries ??= defaultDictionaries());
  }

  function findingsFor(doc: TextDocument): Finding[] {
    const hit = parsedFor(doc);
    if (hit.findings) return hit.findings;
    // A binary document has no findings, so no quick fix or Fix All edits it either.
    if (hit.binary) return (hit.findings = []);
    return (hit.findings = lintAt(doc.uri, hit.cable));
  }

  /** The findings of `cable`, the text of the file at `uri`, under the settings and `.cablelint.jsonc` for that file (open or not). */
  function lintAt(uri: string, cable: Cable): Finding[] {
    const extra = parseRuleOverrides(settings.rules).rules;
    const failures: string[] = [];
    // The file name goes with its text: CBL043 compares a name like 07PARIS2725.txt with the banner.
    const config = configFor(uri);
    // CBL054 reads the paragraphs of the cited cables the index holds.
    const findings = lintCable(cable, resolveConfig(config?.config ?? DEFAULT_CONFIG, configRelativePath(uri, config?.folder), extra), failures, { fileName: URI.parse(uri).path, userTags: config?.userTags ?? NO_TAGS, citedParagraphs });
    for (const f of failures) connection.console.error(`Check failed: ${f}`);
    return findings;
  }

  /** What the workspace index tells of the paragraphs of the cable `id` (CBL054), or undefined when it holds no such cable or can tell nothing. */
  function citedParagraphs(id: string): ParagraphCopy | undefined {
    const entry = index.peek(id);
    return entry && indexedParagraphCopy(entry);
  }

  /** A new, still empty cable is not a cable missing its banner, E.O. line and TAGS: it gets no diagnostics until it has text. */
  function isBlank(text: string): boolean {
    return /^\s*$/.test(text);
  }

  /**
   * True when the document is longer than `cable.largeFileThreshold`, said once per document in the output: the preview
   * shows only its first {@link PREVIEW_LARGE_LINES} lines, a page of HTML the editor would otherwise lay out whole.
   * Every other feature stays on. Those asked again at every caret move read only what is near the caret once the
   * document is parsed (selection ranges, Go to Definition and a hover read the in-text references of the caret's line;
   * highlights the whole text's, which the rules read too and which are kept for the cable: about 0.3 ms for 10 MB,
   * bench/tokens.mjs --in-process); rename reads the edited text once more when the user asks for it, which costs about
   * as much as the validation every edit brings (0.1 s for 1.6 MB, 0.4 s for 6.4 MB here); folding, which VS Code asks
   * for after every edit, takes the parse the diagnostics make and a few milliseconds more (bench/tokens.mjs); inlay
   * hints, asked after every edit too, take the parse and a few microseconds, looking only at the REF field and the DE
   * line in the range asked.
   */
  function isLarge(doc: TextDocument): boolean {
    const large = doc.getText().length > settings.largeFileThreshold;
    if (large && !largeLogged.has(doc.uri)) {
      largeLogged.add(doc.uri);
      connection.console.log(`${doc.uri} is larger than cable.largeFileThreshold (${settings.largeFileThreshold} characters): its preview shows the first ${PREVIEW_LARGE_LINES} lines of its text; every other feature stays on.`);
    }
    return large;
  }

  /** Documents at least this long (characters) are parsed for long enough that a request may be cancelled meanwhile. */
  const YIELD_AFTER_PARSE = 500_000;

  /**
   * Runs `feature` (`name` in the output, `fallback` when it fails, as {@link guard}) on the parse of `doc` for a request
   * the client may cancel (VS Code cancels semantic tokens, code lenses, folding, symbols and links as the user types on).
   * A request cancelled before it runs is answered with the library's cancelled error (`RequestCancelled`) and parses
   * nothing: the next edit's parse would replace it. After a parse made for the request of a document of
   * {@link YIELD_AFTER_PARSE} characters or more, the connection reads what came meanwhile (two turns of the event loop),
   * and a request cancelled then is answered so without the feature's work; the parse stays for the diagnostics. The
   * feature gets the parse made before that turn: the connection reads a cancellation at once, but queues an edit read
   * then behind this request, so `doc` is still the version parsed.
   */
  function unlessCancelled<T>(name: string, fallback: T, doc: TextDocument, token: CancellationToken, feature: (cable: Cable) => T): T | ResponseError<void> | Promise<T | ResponseError<void>> {
    if (token.isCancellationRequested) return cancelled();
    const hit = parsed.get(doc.uri);
    if ((hit && hit.version === doc.version) || doc.getText().length < YIELD_AFTER_PARSE) return guard(name, fallback, () => feature(cableFor(doc)));
    const cable = guard(name, undefined, () => cableFor(doc));
    if (!cable) return fallback;
    // Two turns: vscode-jsonrpc's reader hands on each message it reads in a turn of its own (its semaphore), so a
    // `$/cancelRequest` read in the first turn reaches the token only in the next one. One read behind another message
    // (an edit) reaches it a turn later still, after the feature has run.
    return host.yieldNow().then(() => host.yieldNow()).then(() => (token.isCancellationRequested ? cancelled() : guard(name, fallback, () => feature(cable))));
  }

  /** When the index is built, the requests waiting for it go on. */
  function indexMayBeBuilt(): void {
    if (!indexBuilding()) for (const resolve of [...indexWaiters]) resolve();
  }

  /** Resolves once the index is built, after {@link INDEX_WAIT_MS}, or when the client cancels the request, whichever comes first. */
  function waitForIndex(token: CancellationToken): Promise<void> {
    if (!indexBuilding()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        listener.dispose();
        indexWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, INDEX_WAIT_MS);
      const listener = token.onCancellationRequested(done);
      indexWaiters.add(done);
    });
  }

  /**
   * The answer of `run` to a request, made again once the index is built when `run` asked the index about the collection
   * while it was being built: a cable the index had not read yet would be answered as absent (a REF citation's hover
   * "Not in this workspace", no definition, a short list of references or symbols). A request the client cancels while
   * it waits is answered as cancelled; after {@link INDEX_WAIT_MS} it is answered from what the index holds then.
   */
  function afterIndexBuilt<T>(token: CancellationToken, run: () => T | ResponseError<void> | Promise<T | ResponseError<void>>): T | ResponseError<void> | Promise<T | ResponseError<void>> {
    if (!indexBuilding()) return run();
    const asked = index.asked;
    return Promise.resolve(run()).then((answer) =>
      index.asked === asked || answer instanceof ResponseError ? answer : waitForIndex(token).then(() => (token.isCancellationRequested ? cancelled() : run())),
    );
  }

  /** The answer to a request the client cancelled, which it drops. */
  function cancelled(): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
  }

  /** Runs a feature; a failure is logged and answered with `fallback`. */
  function guard<T>(name: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  }

  /** Whether a client's list of formats, in its order of preference, puts Markdown before plain text (eglot without markdown-mode lists only plain text). */
  function prefersMarkdown(formats: readonly string[] | undefined): boolean {
    return formats?.find((f) => f === MarkupKind.Markdown || f === MarkupKind.PlainText) === MarkupKind.Markdown;
  }

  /**
   * The kinds of symbols and completion items the outline and completion give that are past LSP's first eighteen, each
   * with the one of those a client that does not list it shows instead (LSP 3.17: a client that names no `valueSet`
   * knows only the first eighteen; one that gets another may drop the item or show no icon).
   */
  const SYMBOL_KIND_FALLBACK: ReadonlyMap<number, SymbolKind> = new Map([
    [SymbolKind.Key, SymbolKind.Field],
    [SymbolKind.Null, SymbolKind.Variable],
    [SymbolKind.EnumMember, SymbolKind.Constant],
    [SymbolKind.Event, SymbolKind.Constant],
  ]);
  const COMPLETION_KIND_FALLBACK: ReadonlyMap<number, CompletionItemKind> = new Map([
    [CompletionItemKind.EnumMember, CompletionItemKind.Value],
    [CompletionItemKind.Constant, CompletionItemKind.Value],
  ]);

  /** A document's outline as the client takes it: a tree, or a flat list, with kinds it knows. */
  function symbolsForClient(symbols: DocumentSymbol[], uri: string): DocumentSymbol[] | SymbolInformation[] {
    const known = (kind: SymbolKind): SymbolKind => (symbolKinds.has(kind) ? kind : (SYMBOL_KIND_FALLBACK.get(kind) ?? SymbolKind.Variable));
    const withKnownKinds = (list: DocumentSymbol[]): DocumentSymbol[] =>
      list.map((s) => ({ ...s, kind: known(s.kind), ...(s.children ? { children: withKnownKinds(s.children) } : {}) }));
    const allKnown = (list: readonly DocumentSymbol[]): boolean => list.every((s) => symbolKinds.has(s.kind) && allKnown(s.children ?? []));
    // VS Code and Neovim list every kind: their outline goes out as made.
    const tree = allKnown(symbols) ? symbols : withKnownKinds(symbols);
    return hasHierarchicalSymbols ? tree : flattenDocumentSymbols(tree, uri);
  }

  /** A completion item as the client takes it: a kind it knows, and its documentation in plain text unless it puts Markdown first. */
  function completionItemForClient(item: CompletionItem): CompletionItem {
    const kind = item.kind === undefined || completionKinds.has(item.kind) ? item.kind : (COMPLETION_KIND_FALLBACK.get(item.kind) ?? CompletionItemKind.Text);
    const doc = item.documentation;
    const markdown = typeof doc === 'object' && doc.kind === MarkupKind.Markdown;
    if (kind === item.kind && !(markdown && completionPlainText)) return item;
    return { ...item, kind, ...(markdown && completionPlainText ? { documentation: { kind: MarkupKind.PlainText, value: toPlainText(doc.value) } } : {}) };
  }

  // ---------------------------------------------------------------------------
  // Lifecycle

  connection.onInitialize((params: InitializeParams) => {
    const caps = params.capabilities;
    hasConfigurationCapability = !!caps.workspace?.configuration;
    hasWatchedFilesRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    hasRelativePatterns = !!caps.workspace?.didChangeWatchedFiles?.relativePatternSupport;
    hasWorkDoneProgress = !!caps.window?.workDoneProgress;
    hasWorkspaceFolders = !!caps.workspace?.workspaceFolders;
    canCreateFiles = !!caps.workspace?.workspaceEdit?.documentChanges && !!caps.workspace.workspaceEdit.resourceOperations?.includes('create');
    hasInsertReplaceSupport = !!caps.textDocument?.completion?.completionItem?.insertReplaceSupport;
    hasLazyDocumentation = !!caps.textDocument?.completion?.completionItem?.resolveSupport?.properties.includes('documentation');
    hasSnippetSupport = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
    hasLabelDetailsSupport = !!caps.textDocument?.completion?.completionItem?.labelDetailsSupport;
    hasPrepareRename = !!caps.textDocument?.rename?.prepareSupport;
    hasDefinitionLinks = !!caps.textDocument?.definition?.linkSupport;
    hasDocumentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    hasCodeActionLiterals = !!caps.textDocument?.codeAction?.codeActionLiteralSupport;
    canApplyEdit = !!caps.workspace?.applyEdit;
    refreshable.clear();
    if (caps.workspace?.codeLens?.refreshSupport) refreshable.add('codeLens');
    if (caps.workspace?.inlayHint?.refreshSupport) refreshable.add('inlayHints');
    // The formats come in the client's order of preference; eglot without markdown-mode lists only plain text.
    hoverPlainText = !prefersMarkdown(caps.textDocument?.hover?.contentFormat);
    // A client that names no documentation format (eglot) takes the one it takes for hovers (Markdown with markdown-mode).
    const documentationFormat = caps.textDocument?.completion?.completionItem?.documentationFormat;
    completionPlainText = documentationFormat ? !prefersMarkdown(documentationFormat) : hoverPlainText;
    hasHierarchicalSymbols = !!caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport;
    symbolKinds = new Set(caps.textDocument?.documentSymbol?.symbolKind?.valueSet ?? Array.from({ length: SymbolKind.Array }, (_, i) => i + 1));
    completionKinds = new Set(caps.textDocument?.completion?.completionItemKind?.valueSet ?? Array.from({ length: CompletionItemKind.Reference }, (_, i) => i + 1));
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    // A host without a file system (the browser) reads no folder: no `.cablelint.jsonc`, no closed files.
    workspaceRoots = host.files ? folders.map((f) => URI.parse(f.uri)).filter((u) => u.scheme === 'file').map((u) => u.fsPath) : [];
    // The folders it cannot read (all of them in the browser, a virtual one such as github.dev's `vscode-vfs:` under
    // Node) are read through a client that offers to: the configuration, and the closed cables where it lists them.
    const offered = params.initializationOptions as { readFiles?: unknown; listFiles?: unknown; suggestAgain?: unknown; showCitingCables?: unknown } | null | undefined;
    clientSuggestsAgain = offered?.suggestAgain === true;
    clientShowsCiting = offered?.showCitingCables === true;
    canShowDocument = caps.window?.showDocument?.support === true;
    clientReadsFiles = offered?.readFiles === true;
    clientListsFiles = clientReadsFiles && offered?.listFiles === true;
    clientRoots = clientReadsFiles ? folders.map((f) => URI.parse(f.uri)).filter((u) => !host.files || u.scheme !== 'file').map((u) => u.toString()) : [];
    const commands = [...(!hasCodeActionLiterals && canApplyEdit ? [APPLY_EDIT_COMMAND] : []), ...(serverOpensCiting() ? [OPEN_CITING_COMMAND] : [])];
    return {
      capabilities: {
        // Every position in and out is in UTF-16 code units, the encoding LSP requires every client to take; said
        // outright to a client that offers others first (Neovim and Helix 'utf-8', eglot 'utf-32'), which then converts.
        ...(caps.general?.positionEncodings ? { positionEncoding: PositionEncodingKind.UTF16 } : {}),
        // Saves are asked for: they validate under `cable.validate.run: "onSave"` and show the findings held back while a
        // line is typed. LSP 3.17: a client sends no `didSave` to a server whose sync options omit `save` (a bare
        // TextDocumentSyncKind, as this was, leaves it to each client: Neovim sent them, a strict client did not).
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentSymbolProvider: { label: 'Cable' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['(', ' ', '/'], resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        // A client that takes no code action literals gets each action as a command, which applies its edit; one without
        // a command of its own for the banner's code lens that opens documents runs the server's.
        ...(commands.length > 0 ? { executeCommandProvider: { commands } } : {}),
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: hasPrepareRename ? { prepareProvider: true } : true,
        documentLinkProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: { delta: true }, range: true },
        callHierarchyProvider: true,
        // Enter under a numbered paragraph writes the next one's number (VS Code asks only with editor.formatOnType on,
        // which the manifest's "[cable]" defaults turn on).
        documentOnTypeFormattingProvider: { firstTriggerCharacter: '\n' },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cable-language-server', version: '0.1.0' },
    };
  });

  // A request before initialize or after shutdown, which the entry's lifecycle strategy renamed (lifecycle.ts).
  connection.onRequest(REFUSED_REQUEST, (p: RefusedRequestParams) => new ResponseError(p.code, p.message));

  connection.onInitialized(async () => {
    if (host.limitations) connection.console.info(host.limitations);
    if (hasWorkspaceFolders) connection.workspace.onDidChangeWorkspaceFolders((e) => void changeFolders(e));
    // Each settled: a client that refuses the registration still has its settings waited for.
    const setup = Promise.allSettled([
      hasWatchedFilesRegistration
        ? connection.client.register(DidChangeWatchedFilesNotification.type, {
            // A folder deleted, moved or copied in is one event for the folder, which the file globs do not match. No
            // group with an empty branch (`.cablelint.json{,c}`), which LSP's globs do not define and a client's glob reader may refuse.
            watchers: [{ globPattern: '**/*.cable' }, { globPattern: '**/*.txt' }, { globPattern: '**/.cablelint.json' }, { globPattern: '**/.cablelint.jsonc' }, { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete }],
          })
        : undefined,
      loadSettings(),
    ]);
    // A client that never answers the registration or the settings request still gets diagnostics and an
    // index, under the default settings, and its own settings once they come.
    const answered = await Promise.race([setup.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), SETTINGS_WAIT_MS))]);
    await reloadFileConfig();
    // The documents opened meanwhile (an editor opens the file that started the server right away) get their first diagnostics now.
    configured = true;
    revalidateAll();
    if (!answered) {
      void setup.then(() => {
        revalidateAll();
        revalidateFiles();
      });
    }
    void readWorkspace();
  });

  connection.onDidChangeConfiguration(async (params) => {
    const before = settings;
    await loadSettings(params);
    revalidateAll();
    // New index globs: the workspace is indexed again under them, which reads and diagnoses every file they take.
    if (indexGlobs(settings) !== indexGlobs(before)) void reindex();
    // Closed files are read again only for what changes their diagnostics, not for every `cable.*` setting.
    else if (settings.validateScope !== before.validateScope || JSON.stringify(settings.rules) !== JSON.stringify(before.rules)) revalidateFiles();
    const views: View[] = [];
    if (settings.codeLensCitingCables !== before.codeLensCitingCables) views.push('codeLens');
    if (settings.inlayHintsRefSubjects !== before.inlayHintsRefSubjects || settings.inlayHintsRoutingIndicators !== before.inlayHintsRoutingIndicators) views.push('inlayHints');
    refresh(views);
  });

  /** The index's globs as one string, to tell when a settings change alters them. */
  function indexGlobs(s: Settings): string {
    return JSON.stringify([s.indexInclude, s.indexExclude, s.maxFilesThroughClient]);
  }

  /**
   * Reads the `cable` settings: asked with workspace/configuration, or, from a client that does not answer it
   * (Neovim 0.7), taken from the `cable` key of the settings a workspace/didChangeConfiguration `change` carries.
   */
  async function loadSettings(change?: DidChangeConfigurationParams): Promise<void> {
    if (!hasConfigurationCapability) {
      // Before any notification, the defaults stand.
      if (change) settings = settingsFrom((change.settings as { cable?: Record<string, unknown> } | null)?.cable ?? null);
      return;
    }
    try {
      settings = settingsFrom((await connection.workspace.getConfiguration('cable')) as Record<string, unknown> | null);
    } catch {
      settings = DEFAULT_SETTINGS;
    }
  }

  /** The settings of a `cable` section, its missing or invalid values at their defaults; warns of invalid rule overrides. */
  function settingsFrom(s: Record<string, unknown> | null): Settings {
    const result: Settings = {
      rules: ruleTable(s?.rules),
      validateRun: s?.validate && (s.validate as { run?: string }).run === 'onSave' ? 'onSave' : 'onType',
      validateScope: s?.validate && (s.validate as { scope?: string }).scope === 'workspace' ? 'workspace' : 'openFiles',
      largeFileThreshold: typeof s?.largeFileThreshold === 'number' ? s.largeFileThreshold : DEFAULT_SETTINGS.largeFileThreshold,
      indexInclude: globList((s?.index as { include?: unknown } | undefined)?.include, DEFAULT_SETTINGS.indexInclude),
      indexExclude: globList((s?.index as { exclude?: unknown } | undefined)?.exclude, DEFAULT_SETTINGS.indexExclude),
      codeLensCitingCables: (s?.codeLens as { citingCables?: unknown } | undefined)?.citingCables !== false,
      inlayHintsRefSubjects: (s?.inlayHints as { refSubjects?: unknown } | undefined)?.refSubjects !== false,
      inlayHintsRoutingIndicators: (s?.inlayHints as { routingIndicators?: unknown } | undefined)?.routingIndicators !== false,
      maxFilesThroughClient: clientFileLimit((s?.index as { maxFilesReadThroughEditor?: unknown } | undefined)?.maxFilesReadThroughEditor),
      paragraphNumbersOnEnter: (s?.paragraphNumbers as { onEnter?: unknown } | undefined)?.onEnter !== false,
      refLettersOnEnter: (s?.refLetters as { onEnter?: unknown } | undefined)?.onEnter !== false,
      dashItemsOnEnter: (s?.dashItems as { onEnter?: unknown } | undefined)?.onEnter !== false,
    };
    const { errors } = parseRuleOverrides(result.rules);
    for (const e of errors) connection.console.warn(`cable.rules: ${e}`);
    return result;
  }

  /**
   * `cable.rules`: an object of rule ids or names and their severities; none, with a warning, for anything else (a string
   * was read letter by letter, as `unknown rule "0"`).
   */
  function ruleTable(value: unknown): Record<string, string> {
    if (value === undefined || value === null) return {};
    if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, string>;
    connection.console.warn('cable.rules: must be an object of rule ids or names and their severities, such as { "CBL018": "off" }; ignored');
    return {};
  }

  /** `cable.index.include` or `exclude`: the strings of an array that are not empty; `fallback` for anything else (a glob alone, not in an array). */
  function globList(value: unknown, fallback: string[]): string[] {
    return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string' && g.length > 0) : fallback;
  }

  /** `cable.index.maxFilesReadThroughEditor`: a whole number of files, at least 0; the default for anything else. */
  function clientFileLimit(value: unknown): number {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : DEFAULT_SETTINGS.maxFilesThroughClient;
  }

  /** Reads `.cablelint.jsonc` from the first workspace root that has one, and says whether one had; a broken file gives diagnostics on it. */
  function loadFileConfig(): boolean {
    rootConfig = undefined;
    configPath = undefined;
    for (const root of workspaceRoots) {
      for (const name of CONFIG_NAMES) {
        const p = host.path.join(root, name);
        if (!files().exists(p)) continue;
        configPath = p;
        rootConfig = readConfigAt(p);
        return true;
      }
    }
    return false;
  }

  /**
   * Reads `.cablelint.jsonc` and the user dictionaries it names through the client (`cable/readFile`), from the first
   * workspace folder that has one, and says whether one had: for the folders the host cannot read, where the client
   * offered to read files.
   */
  async function loadFileConfigThroughClient(): Promise<boolean> {
    for (const root of clientRoots) {
      for (const name of CONFIG_NAMES) {
        const uri = Utils.joinPath(URI.parse(root), name).toString();
        const text = await readThroughClient(uri);
        if (text === undefined) continue;
        // The dictionaries are read before the configuration is used, which reads them synchronously.
        const read = new Map<string, string | undefined>();
        const dictionaryUris: string[] = [];
        for (const rel of parseConfig(text, name).config.dictionaries) {
          const dictionaryUri = Utils.joinPath(URI.parse(root), rel).toString();
          dictionaryUris.push(dictionaryUri);
          read.set(rel, await readThroughClient(dictionaryUri));
        }
        clientDictionaries = new Set(dictionaryUris);
        watchDictionaries(dictionaryUris);
        rootConfig = takeConfig(text, name, uri, `${uri} (read through the client)`, undefined, (rel) => {
          const t = read.get(rel);
          if (t === undefined) throw new Error('the client did not read it');
          return t;
        });
        clientConfig = { uri, text };
        return true;
      }
    }
    return false;
  }

  /**
   * The text of the file at `uri` as the client reads it (`cable/readFile`, optional: only a client that offered it is
   * asked); undefined when it has no such file, fails, or has not answered within {@link SETTINGS_WAIT_MS}.
   */
  async function readThroughClient(uri: string): Promise<string | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answer = connection.sendRequest<string | null>('cable/readFile', { uri }).catch(() => null);
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), SETTINGS_WAIT_MS)));
    const text = await Promise.race([answer, late]);
    clearTimeout(timer);
    return typeof text === 'string' ? text : undefined;
  }

  /**
   * Reads `text`, the configuration file `name` at `uri` (`label` in the output) in `folder` (undefined when read through
   * the client): its problems go out as diagnostics on it, and the dictionaries it names are read with `readDictionary`.
   */
  function takeConfig(text: string, name: string, uri: string, label: string, folder: string | undefined, readDictionary: (rel: string) => string): ConfigInUse {
    const { config, errors } = parseConfig(text, name);
    connection.console.log(`Using configuration ${label}`);
    const doc = TextDocument.create(uri, 'jsonc', 0, text);
    void connection.sendDiagnostics({
      uri: doc.uri,
      diagnostics: errors.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, message: e.message, severity: 1, source: 'cable' })),
    });
    // A notification, not connection.window.showWarningMessage, which sends window/showMessageRequest:
    // eglot and Neovim answer that request with a prompt that waits for the user to choose "OK".
    if (errors.length > 0) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Cable: ${errors.length} problem(s) in ${name}; see the Problems panel.` });
    const dictionaryErrors: string[] = [];
    const users = loadUserDictionaries(config.dictionaries, readDictionary, dictionaryErrors);
    for (const e of dictionaryErrors) connection.console.warn(e);
    if (users.some((u) => u.tags.length > 0)) userTagsRead = true;
    return { config, folder, dictionaries: users.length > 0 ? mergeDictionaries(defaultDictionaries(), users) : (builtInDictionaries ??= defaultDictionaries()), userTags: users.some((u) => u.tags.length > 0) ? new Set(users.flatMap((u) => u.tags.map((t) => t.code))) : NO_TAGS };
  }

  function useDefaultConfig(): void {
    rootConfig = undefined;
    connection.console.log('No .cablelint.jsonc found at the root of a workspace folder: using the default configuration where no folder has one.');
  }

  /**
   * Reads the configuration again: from the file system, else through the client for the folders it reads for the server
   * (every folder in the browser, a virtual one on the desktop), else the defaults.
   */
  async function reloadFileConfig(): Promise<void> {
    clientConfig = undefined;
    clientDictionaries = new Set();
    if (loadFileConfig() || (clientReadsFiles && (await loadFileConfigThroughClient()))) return;
    useDefaultConfig();
  }

  // ---------------------------------------------------------------------------
  // Validation: debounced while typing, stale runs dropped.

  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  function scheduleValidation(doc: TextDocument, delay: number): void {
    const old = timers.get(doc.uri);
    if (old) clearTimeout(old);
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (!current || current.version !== doc.version) return;
        validate(current);
      }, delay),
    );
  }

  /**
   * The findings held for the line being typed (`shownWhileTyping`) are shown once the writer pauses this long after an
   * edit, as well as on an edit elsewhere or a save: a line left unfinished is reported while the writer reads it over.
   */
  const HELD_RELEASE_MS = 2500;
  const releaseTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /** After an edit to `doc`, shows the findings held for the line being typed if no other edit follows within {@link HELD_RELEASE_MS}. */
  function scheduleRelease(doc: TextDocument): void {
    const old = releaseTimers.get(doc.uri);
    if (old) clearTimeout(old);
    releaseTimers.delete(doc.uri);
    if (!typingLines.has(doc.uri)) return;
    releaseTimers.set(
      doc.uri,
      setTimeout(() => {
        releaseTimers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (!current || current.version !== doc.version || !typingLines.has(doc.uri)) return;
        // The same version: validate sends the diagnostics only when a held finding was among them. The parts of the
        // cable still to come below the end of the text stay held (`shownWhileTyping`): a pause says nothing about them.
        pausedTyping.add(doc.uri);
        validate(current);
      }, HELD_RELEASE_MS),
    );
  }

  /**
   * What went out last for each open document: its version and diagnostics. A document is validated more than once
   * with nothing changed: opening it also fires a content change, which schedules a validation, and clients send
   * `workspace/didChangeConfiguration` as they start (VS Code, eglot, Neovim), which revalidates every document.
   */
  const published = new Map<string, { version: number; diagnostics: readonly Diagnostic[] }>();

  function validate(doc: TextDocument): void {
    if (!configured) return;
    // A binary document gets one diagnostic saying that it is not checked, as cablelint skips such a file.
    const diagnostics = isBlank(doc.getText()) ? [] : guard('validation', [], () => (parsedFor(doc).binary ? [binaryDiagnostic()] : shownWhileTyping(findingsFor(doc), parsedFor(doc).cable, typingLines.get(doc.uri)?.line, pausedTyping.has(doc.uri), typingLines.get(doc.uri)?.character).map((f) => toDiagnostic(f, doc.uri))));
    // The same diagnostics for the same version are not sent again; a new version always gets its own. Only a
    // revalidation of the same version is compared, so an edit costs no comparison (a 10 MB cable has thousands).
    const last = published.get(doc.uri);
    if (last && last.version === doc.version && jsonEqual(last.diagnostics, diagnostics)) return;
    published.set(doc.uri, { version: doc.version, diagnostics });
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  function revalidateAll(): void {
    for (const doc of documents.all()) revalidate(doc);
  }

  /** Validates `doc` again, its findings worked out anew (under changed settings or configuration). */
  function revalidate(doc: TextDocument): void {
    const hit = parsed.get(doc.uri);
    if (hit) hit.findings = undefined;
    validate(doc);
    // Parsed again under other user TAG codes (a dictionary changed): the index takes the TAGS the document reads now.
    if (configured && hit !== undefined && hit.version === doc.version && parsedFor(doc) !== hit) indexOpen(doc);
  }

  // ---------------------------------------------------------------------------
  // Diagnostics of closed files (`cable.validate.scope: "workspace"`): pushed with textDocument/publishDiagnostics,
  // which every client takes for any file, when the index reads a file from disk. Nothing of the file is kept but its URI.

  /**
   * The keys of the closed files whose diagnostics, read from disk, are showing, each with a digest of what was sent;
   * each is cleared when its file goes or the scope is "openFiles". A pass that finds the same diagnostics sends nothing:
   * a change to `.cablelint.jsonc` or a checkout that rewrites many files sends only the files whose findings changed.
   */
  const diagnosedOnDisk = new Map<string, string>();
  /** The keys of the open documents ({@link indexKey}): their diagnostics come from the editor's text, never from disk. */
  const openKeys = new Set<string>();

  /**
   * Under "workspace", publishes the diagnostics of the closed file `uri` read from disk; `cable` is undefined for a binary file.
   * A file `.cablelint.jsonc` ignores gets none while closed, as `cablelint` skips it (opened, it is checked, as before).
   */
  function diagnoseFile(uri: string, text: string, cable: Cable | undefined): void {
    if (!configured || settings.validateScope !== 'workspace') return;
    const key = indexKey(uri);
    if (openKeys.has(key)) return;
    const config = configFor(key);
    const diagnostics = isBlank(text) || isIgnored(config?.config ?? DEFAULT_CONFIG, configRelativePath(key, config?.folder)) ? [] : guard('validation', [], () => (cable ? lintAt(key, cable).map((f) => toDiagnostic(f, key)) : [binaryDiagnostic()]));
    // A clean file that showed nothing needs no message; thousands of them would be thousands of messages.
    if (diagnostics.length > 0) {
      const digest = host.digest(JSON.stringify(diagnostics));
      if (diagnosedOnDisk.get(key) === digest) return;
      diagnosedOnDisk.set(key, digest);
    } else if (!diagnosedOnDisk.delete(key)) return;
    void connection.sendDiagnostics({ uri: key, diagnostics });
  }

  /** Clears the diagnostics read from disk of the file `uri`, or with `under`, of every file in the folder `uri`. */
  function clearFileDiagnostics(uri: string, under = false): void {
    const key = indexKey(uri);
    const prefix = key.replace(/\/*$/, '/');
    for (const k of under ? [...diagnosedOnDisk.keys()].filter((d) => d.startsWith(prefix)) : [key]) {
      if (diagnosedOnDisk.delete(k)) void connection.sendDiagnostics({ uri: k, diagnostics: [] });
    }
  }

  /**
   * After a change of scope, settings or `.cablelint.jsonc`: under "workspace" every closed cable file is read again
   * (a pass like the index's, which stops an older one), under "openFiles" every diagnostic read from disk is cleared.
   */
  function revalidateFiles(): void {
    // Before the first pass has started (VS Code sends its settings as the server starts), that pass will do.
    if (!configured) return;
    if (settings.validateScope === 'workspace') void readWorkspace();
    else for (const key of [...diagnosedOnDisk.keys()]) clearFileDiagnostics(key);
  }

  documents.onDidOpen((e) => {
    const key = indexKey(e.document.uri);
    openKeys.add(key);
    // The editor's text takes over from the file's (none are read from disk before the settings are).
    diagnosedOnDisk.delete(key);
    validate(e.document);
    indexOpen(e.document);
  });
  documents.onDidChangeContent((e) => {
    unindexed.add(e.document.uri);
    if (collectionAsked) scheduleIndexEdits();
    if (settings.validateRun === 'onType') {
      scheduleValidation(e.document, 150);
      scheduleRelease(e.document);
    }
  });
  documents.onDidSave((e) => {
    // Saved, the document shows every finding, those of the line being typed too.
    const typing = typingLines.delete(e.document.uri);
    pausedTyping.delete(e.document.uri);
    if (settings.validateRun === 'onSave' || typing) validate(e.document);
    indexOpen(e.document);
  });
  documents.onDidClose((e) => {
    unindexed.delete(e.document.uri);
    openKeys.delete(indexKey(e.document.uri));
    // What the editor had unsaved is gone: the index goes back to the file on disk, or drops a document that has none.
    // Under "workspace", reading the file publishes its diagnostics from disk, which replace the editor's.
    const before = index.get(e.document.uri);
    indexFromDisk(e.document.uri);
    if (shownChanged(before, index.get(e.document.uri))) collectionEdited();
    parsed.delete(e.document.uri);
    published.delete(e.document.uri);
    typingLines.delete(e.document.uri);
    pausedTyping.delete(e.document.uri);
    largeLogged.delete(e.document.uri);
    for (const pending of [timers, releaseTimers]) {
      const t = pending.get(e.document.uri);
      if (t) clearTimeout(t);
      pending.delete(e.document.uri);
    }
    if (!diagnosedOnDisk.has(indexKey(e.document.uri))) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // ---------------------------------------------------------------------------
  // Features

  connection.onDocumentSymbol((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? unlessCancelled('documentSymbol', [], doc, token, (cable) => symbolsForClient(getDocumentSymbols(cable, idFromFileName(doc.uri)), doc.uri)) : [];
  });

  // `cable/status` (custom, optional): the classification, id and date the VS Code client shows as language status.
  connection.onRequest('cable/status', (p: { textDocument: { uri: string } }) => {
    const doc = documents.get(p.textDocument.uri);
    // A new, still empty cable has no status to show, as it has no diagnostics yet.
    if (!doc || isBlank(doc.getText())) return null;
    return guard('status', null, () => (parsedFor(doc).binary ? null : getCableStatus(cableFor(doc), doc.uri)));
  });

  // `cable/preview` (custom, optional): the VS Code client's preview of a cable, decoded (features/preview.ts). An unknown
  // URI is answered with null. Above cable.largeFileThreshold the text shown stops after PREVIEW_LARGE_LINES lines. The client
  // cancels a request an edit has made stale, which is then answered without the work (unlessCancelled).
  connection.onRequest('cable/preview', (p: { uri?: unknown }, token) => {
    const doc = typeof p?.uri === 'string' ? documents.get(p.uri) : undefined;
    if (!doc) return null;
    const maxLines = isLarge(doc) ? PREVIEW_LARGE_LINES : undefined;
    // The open cables edited are indexed (for the REF items' subjects) once the request is known not to be cancelled.
    return unlessCancelled('preview', null, doc, token, (cable) => {
      indexEdits();
      return getPreview(cable, { dictionaries: dictionariesFor(doc.uri), uri: doc.uri, citedCable: (item) => citedCables(item, cable, doc.uri)[0], maxLines });
    });
  });

  // `cable/dropCitations` (custom, optional): what the VS Code client's drop provider inserts where cable files are dropped
  // into a cable (features/drop.ts): REF items, a REF field, an in-text reference or citations, for the dropped files the
  // workspace index holds as cables. Null when none is one, and the editor inserts what it would have.
  connection.onRequest('cable/dropCitations', (p: { textDocument?: { uri?: unknown }; position?: unknown; uris?: unknown }, token) => {
    const doc = typeof p?.textDocument?.uri === 'string' ? documents.get(p.textDocument.uri) : undefined;
    const at = p?.position as { line?: unknown; character?: unknown } | undefined;
    if (!doc || !Array.isArray(p.uris) || typeof at?.line !== 'number' || typeof at.character !== 'number') return null;
    const position = { line: at.line, character: at.character };
    const uris = p.uris.filter((u): u is string => typeof u === 'string');
    // The files dropped may be cables the index has not read yet.
    const wait = indexBuilding() && uris.some((uri) => !index.get(uri)) ? waitForIndex(token) : undefined;
    const drop = () => unlessCancelled('dropCitations', null, doc, token, (cable) => {
      indexEdits();
      const dropped = uris.flatMap((uri) => index.get(uri) ?? []);
      return getDropCitations(cable, clampPosition(cable.lines, position), dropped, idFromFileName(doc.uri)) ?? null;
    });
    return wait ? wait.then(drop) : drop();
  });

  // `cable/collection` (custom, optional): every cable of the workspace index, for the VS Code client's Cables view.
  // A client that has asked once is told of open cables' edits that change what it shows (`cable/collectionChanged`).
  connection.onRequest('cable/collection', (_, token) => {
    collectionAsked = true;
    indexEdits();
    return afterIndexBuilt(token, () => guard('collection', [], () => Array.from(index.all(), collectionEntry)));
  });

  // `cable/extract` (custom, optional): the metadata record of every cable of the workspace index, as `cablelint extract`
  // prints them (the same fields, in CSV or JSON Lines), for the VS Code client's Export command. Open cables are read
  // as the editor has them, the others from disk; the work yields every 20 ms, so that other requests are answered.
  connection.onRequest('cable/extract', async (p: { format?: unknown }, token) => {
    const format: ExtractFormat = p?.format === 'csv' ? 'csv' : 'jsonl';
    // Every cable of the workspace, not those read so far.
    await waitForIndex(token);
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Export cancelled.');
    indexEdits();
    const open = new Map(documents.all().map((d) => [indexKey(d.uri), d]));
    const files = Array.from(index.all(), (e) => ({ uri: e.uri, file: relativePath(e.uri) })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const header = extractHeader(EXTRACT_FIELDS, format);
    const lines = header === undefined ? [] : [header];
    const skipped: string[] = [];
    // The closed cables of folders read through the client are read through it again, in batches, before the records are made.
    const throughClient = new Map<string, string | null>();
    const unopened = listsThroughClient() ? files.filter(({ uri }) => !open.has(indexKey(uri)) && pathBelow(clientRoots, uri) !== undefined).map(({ uri }) => uri) : [];
    await readBatchesThroughClient(unopened, (uri, text) => throughClient.set(uri, text), () => token.isCancellationRequested);
    let last = performance.now();
    for (const { uri, file } of files) {
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Export cancelled.');
      const text = open.get(indexKey(uri))?.getText() ?? readFromDisk(uri) ?? throughClient.get(uri) ?? undefined;
      const line = text === undefined || looksBinary(text) ? undefined : guard('extract', undefined, () => extractLine(extractRecord(file, parseCable(text, { userTags: userTagsFor(uri) }).cable), EXTRACT_FIELDS, format));
      if (line === undefined) skipped.push(file);
      else lines.push(line);
      if (performance.now() - last > 20) {
        await host.yieldNow();
        last = performance.now();
      }
    }
    return { text: lines.map((l) => `${l}\n`).join(''), count: files.length - skipped.length, skipped };
  });

  /** The text of the file at `uri` on disk; undefined when it is no file or cannot be read (gone since it was indexed). */
  function readFromDisk(uri: string): string | undefined {
    const u = URI.parse(uri);
    if (u.scheme !== 'file') return undefined;
    try {
      return files().readText(u.fsPath);
    } catch {
      return undefined;
    }
  }

  connection.onFoldingRanges((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    // On above cable.largeFileThreshold too: archivists fold a long file's cables and sections to find their way in it.
    return doc ? unlessCancelled('foldingRange', [], doc, token, getFoldingRanges) : [];
  });

  // Enter under a numbered paragraph: the next one's number on the new line, unless cable.paragraphNumbers.onEnter is off;
  // at the end of a lettered REF item, the next letter, unless cable.refLetters.onEnter is off; at the end of a dash
  // list's item, the next item's dashes, unless cable.dashItems.onEnter is off.
  // On above cable.largeFileThreshold too: once the edited text is parsed, it looks at the paragraphs or items around the caret.
  connection.onDocumentOnTypeFormatting((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    const options = { paragraphNumbers: settings.paragraphNumbersOnEnter, refLetters: settings.refLettersOnEnter, dashItems: settings.dashItemsOnEnter };
    if (!doc || (!options.paragraphNumbers && !options.refLetters && !options.dashItems)) return [];
    return unlessCancelled('onTypeFormatting', [], doc, token, (cable) => getOnTypeFormattingEdits(cable, clampPosition(cable.lines, p.position), p.ch, options));
  });

  connection.onSelectionRanges((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return p.positions.map((pos) => SelectionRange.create({ start: pos, end: pos }));
    // On above cable.largeFileThreshold too: each position's chain is found by binary search and its line's references.
    return unlessCancelled('selectionRange', [], doc, token, (cable) => getSelectionRanges(cable, p.positions.map((at) => clampPosition(cable.lines, at))));
  });

  // Hover and completion are cancelled as the caret moves or the user types on: a cancelled one parses nothing
  // (unlessCancelled), and the open cables edited are indexed (for a REF item's cited cable, or the cables a REF item
  // may cite) only once it goes on.
  connection.onHover((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return null;
    return afterIndexBuilt(token, () => unlessCancelled('hover', null, doc, token, (cable) => {
      indexEdits();
      return getHover(cable, clampPosition(cable.lines, p.position), { dictionaries: dictionariesFor(doc.uri), lookupCable: (id) => index.byId(id), indexBuilding: indexBuilding(), citingId: idFromFileName(doc.uri), plainText: hoverPlainText });
    }));
  });

  connection.onCompletion((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    // The items, or a list marked incomplete where the workspace's cables offered as a REF citation were cut short, which
    // makes the editor ask again as the user types.
    return doc ? afterIndexBuilt(token, () => unlessCancelled<CompletionItem[] | CompletionList>('completion', [], doc, token, (cable) => {
      const list = getCompletionList(cable, clampPosition(cable.lines, p.position), {
        dictionaries: dictionariesFor(doc.uri),
        insertReplace: hasInsertReplaceSupport,
        snippets: hasSnippetSupport,
        triggerCharacter: p.context?.triggerCharacter,
        // Asked for only after a REF item's letter, where the workspace's cables are offered as citations, and at the
        // signature's place, where the signatures of the post's other cables are.
        workspaceCables: () => {
          indexEdits();
          return index.all();
        },
        preferredCopy: (id) => index.peek(id),
        citingId: idFromFileName(doc.uri),
        documentUri: doc.uri,
        lazyDocumentation: hasLazyDocumentation,
        labelDetails: hasLabelDetailsSupport,
        suggestAgain: clientSuggestsAgain,
      });
      const items = list.items.map(completionItemForClient);
      return list.isIncomplete ? { ...list, items } : items;
    })) : [];
  });

  // A REF citation's documentation, left out of the list for a client that resolves it.
  connection.onCompletionResolve((item) => guard('completionResolve', item, () => completionItemForClient(resolveCompletionItem(item, (uri) => index.get(uri)))));

  connection.onCodeAction((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return [];
    const actions = codeActions(doc, p.range, p.context.diagnostics, p.context.only);
    if (hasCodeActionLiterals) return actions;
    // LSP 3.17: a client without code action literals takes commands only, and one that applies no edit the server sends none.
    return canApplyEdit ? actions.flatMap((a) => (a.edit ? [Command.create(a.title, APPLY_EDIT_COMMAND, a.edit, a.title)] : [])) : [];
  });

  connection.onExecuteCommand(async (p, token) => {
    if (p.command === OPEN_CITING_COMMAND && serverOpensCiting()) return openCiting(p.arguments?.[0], token);
    const [edit, title] = (p.arguments ?? []) as [WorkspaceEdit | undefined, unknown];
    if (p.command !== APPLY_EDIT_COMMAND || typeof edit !== 'object' || edit === null) return new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${p.command}, or no edit to apply.`);
    // The client may refuse the edit (a document changed since); the user sees its own message, if any.
    await connection.workspace.applyEdit({ label: typeof title === 'string' ? title : 'Cable fix', edit }).catch(() => undefined);
    return null;
  });

  /** The quick fixes, "Disable rule in this file" and Fix All for `range` of `doc`, of the kinds `only` asks for. */
  function codeActions(doc: TextDocument, range: Range, diagnostics: readonly Diagnostic[], only: readonly string[] | undefined): CodeAction[] {
    return guard('codeAction', [] as CodeAction[], () => {
      const findings = findingsFor(doc);
      const actions: CodeAction[] = [];
      if (!only || only.some((k) => k === CodeActionKind.QuickFix)) {
        actions.push(...getQuickFixes(doc.uri, findings, range, diagnostics));
        actions.push(...disableRuleActions(doc.uri, findings, range, diagnostics));
      }
      if (!only || only.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.Source)) {
        const fixAll = getFixAll(doc.uri, findings, cableFor(doc));
        if (fixAll) actions.push(fixAll);
      }
      return actions;
    });
  }

  /**
   * "Disable <rule> in this file" for each rule with a finding that touches `range` (the findings quick fixes are
   * offered for), tied to its diagnostics: an override in `.cablelint.jsonc`, created if missing.
   */
  function disableRuleActions(uri: string, findings: readonly Finding[], range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
    const target = configTarget(uri);
    if (!target) return [];
    const exists = target.text !== undefined;
    // Creating the file needs a client that can create one; editing it needs none.
    if (!exists && !canCreateFiles) return [];
    const text = target.text ?? '{\n}\n';
    const here = findingsAt(findings, range);
    // A rule the file turns off for this document already gets no second override: the `cable.rules` setting, which
    // comes after the file, keeps it on, or the server has not read the file since it changed (a client that watches
    // no files). Read from the text the override would go into, as it is now.
    const inFile = exists ? resolveConfig(parseConfig(text).config, target.path).rules : undefined;
    const ids = [...new Set(here.map((f) => f.id))].filter((id) => inFile?.get(id) !== 'off');
    return ids.map((id) => {
      const rule = ruleByIdOrName(id)!;
      // After the overrides the text holds (-1), not at the count the server read, which would replace one written since.
      const at = ['overrides', -1];
      const override = { files: [target.path], rules: { [id]: 'off' } };
      const formatted = modify(text, at, override, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
      // Formatting may rewrite the object or array the override goes into ("{ "rules": { … } }" on one line):
      // in the user's file, insert it unformatted then, so that nothing they wrote changes.
      const edits = !exists || formatted.every((e) => e.length === 0) ? formatted : modify(text, at, override, {});
      const configUri = target.uri;
      // An existing file gets jsonc-parser's own edits, so the rest of it stays as the user wrote it.
      const config = TextDocument.create(configUri, 'jsonc', 0, text);
      const tied = here.filter((f) => f.id === id).flatMap((f) => diagnosticOf(f, diagnostics) ?? []);
      const action: CodeAction = {
        title: `Disable ${id} ${rule.name} in this file`,
        kind: CodeActionKind.QuickFix,
        ...(tied.length > 0 ? { diagnostics: tied } : {}),
        edit: exists
          ? { changes: { [configUri]: edits.map((e) => ({ range: { start: config.positionAt(e.offset), end: config.positionAt(e.offset + e.length) }, newText: e.content })) } }
          : { documentChanges: [{ kind: 'create', uri: configUri }, { textDocument: { uri: configUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: applyJsonEdits(text, edits) }] }] },
      };
      return action;
    });
  }

  /**
   * The configuration file "Disable rule in this file" writes the override for the document at `uri` into, with its text
   * (undefined when it is to be created) and the document's path its globs see: the one the document takes, the nearest
   * at or above its folder in its workspace folder or the workspace's, read from disk (as it is now) or through the client
   * (as it was read, again whenever the watcher says it changed), else a new `.cablelint.jsonc` at the root of the
   * workspace folder read from disk that holds a `file` document (the first such folder for one in none), or of the folder
   * read through the client that holds the document (a virtual folder, the browser). Undefined for a document in no such folder.
   */
  function configTarget(uri: string): { uri: string; text: string | undefined; path: string } | undefined {
    // An untitled document, or one of another scheme outside the folders, gets no override: it has no path to match.
    if (URI.parse(uri).scheme !== 'file' && pathBelow(clientRoots, uri) === undefined) return undefined;
    const on = (file: string) => ({ uri: URI.file(file).toString(), text: files().exists(file) ? files().readText(file) : undefined });
    const nearest = nearestConfigPath(uri);
    if (nearest !== undefined) return { ...on(nearest), path: configRelativePath(uri, host.path.dirname(nearest)) };
    if (configPath) return { ...on(configPath), path: relativePath(uri) };
    if (clientConfig) return { ...clientConfig, path: relativePath(uri) };
    if (URI.parse(uri).scheme === 'file' && workspaceRoots[0]) {
      // Written since the configuration was read (no watcher told the server): edited as it is.
      return { ...on(host.path.join(rootOf(URI.parse(uri).fsPath) ?? workspaceRoots[0], '.cablelint.jsonc')), path: relativePath(uri) };
    }
    const root = clientRoots.find((r) => pathBelow([r], uri) !== undefined);
    return root === undefined ? undefined : { uri: Utils.joinPath(URI.parse(root), '.cablelint.jsonc').toString(), text: undefined, path: relativePath(uri) };
  }

  connection.onDefinition((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return null;
    indexEdits();
    return afterIndexBuilt(token, () => guard('definition', null, () => {
      const cable = cableFor(doc);
      const at = clampPosition(cable.lines, p.position);
      // "(ref A)", "para 5": links from the reference's text, as from a REF citation, to a client that takes them.
      const inText = getInTextDefinition(cable, doc.uri, at);
      if (inText) return definitionAnswer(inText.origin, inText.targets);
      // "REF A para 3", "para 5 of ref A": that paragraph of the cited cable (its banner when it has no such paragraph).
      const cited = getCitedParagraphAt(cable, at);
      if (cited) {
        return definitionAnswer(cited.range, citedCables(cited.item, cable, doc.uri).map((t) => {
          const marker = paragraphMarkerRange(t, cited.number);
          return marker ? { uri: t.uri, range: marker, selection: marker } : { uri: t.uri, ...bannerPlace(t) };
        }));
      }
      // The "through" of "REF A paras 3 through 5": the cited cable's paragraphs between its ends (4), as the separator of a
      // range of the cable's own goes to its paragraphs between, from the whole range; its banner when it has none of them.
      const citedRange = getCitedRangeAt(cable, at);
      if (citedRange?.rangeFrom) {
        const { rangeFrom: from, number: to } = citedRange;
        return definitionAnswer(from.range, citedCables(citedRange.item, cable, doc.uri).flatMap((t) => {
          const markers: { uri: string; range: Range; selection: Range }[] = [];
          for (let n = from.number + 1; n < to; n++) {
            const marker = paragraphMarkerRange(t, n);
            if (marker) markers.push({ uri: t.uri, range: marker, selection: marker });
          }
          return markers.length > 0 ? markers : [{ uri: t.uri, ...bannerPlace(t) }];
        }));
      }
      const item = cable.refs?.items.find((i) => contains(i.range, at));
      // A cable filed more than once (a copy in another folder) has a target per file, the preferred one first.
      const targets = item ? citedCables(item, cable, doc.uri) : [];
      return item ? definitionAnswer(item.range, targets.map((t) => ({ uri: t.uri, ...bannerPlace(t) }))) : null;
    }));
  });

  /**
   * Go to Definition's answer for the text at `origin` going to `targets`, each a range of a file and the part of it to
   * select: links to a client that takes them (`definition.linkSupport`), so that peek shows the banner and the editor
   * selects the id, else locations at the part to select; one location alone, null for none.
   */
  function definitionAnswer(origin: Range, targets: readonly { uri: string; range: Range; selection: Range }[]): Location | Location[] | LocationLink[] | null {
    if (hasDefinitionLinks) return targets.length > 0 ? targets.map((t) => ({ originSelectionRange: origin, targetUri: t.uri, targetRange: t.range, targetSelectionRange: t.selection })) : null;
    const locations = targets.map((t): Location => ({ uri: t.uri, range: t.selection }));
    return locations.length > 1 ? locations : (locations[0] ?? null);
  }

  /**
   * Where an indexed cable stands as the target of a citation: its banner (`range`; the first line of a cable without
   * one) and the id in it, post and serial (`selection`: `VALLETTA 000388`), as the call hierarchy places it.
   */
  function bannerPlace(entry: IndexedCable): { range: Range; selection: Range } {
    const p = entry.place;
    if (!p || p.length < 8) {
      const start = range(entry.bannerLine ?? 0, 0, 0);
      return { range: start, selection: start };
    }
    const at = (i: number): Range => ({ start: { line: p[i], character: p[i + 1] }, end: { line: p[i + 2], character: p[i + 3] } });
    return { range: at(0), selection: at(4) };
  }

  connection.onReferences((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return [];
    indexEdits();
    return afterIndexBuilt(token, () => guard('references', [] as Location[], () => {
      const cable = cableFor(doc);
      const at = clampPosition(cable.lines, p.position);
      const { includeDeclaration } = p.context;
      const id = cable.id ?? idFromFileName(doc.uri);
      // On the banner: where every workspace cable cites this one, after this cable's own id in its banner and the other
      // files holding it when the declaration is asked for.
      if (cable.banner && contains(cable.banner.range, at) && id) return citingOwn(cable, doc.uri, id, includeDeclaration);
      // On a REF item, or an in-text reference naming one ("(ref A)", "REF A", "reftel"; "(refs)" names them all), as Go
      // to Definition links the two: what Find References lists from each item. On the field's keyword ("REF:"), every
      // item, as the citation hierarchy starts there at every cited cable: the places citing each, this cable's included.
      const items = refItemsAt(cable, at);
      if (items.length > 0) return referencesToItems(cable, doc.uri, items, id, includeDeclaration);
      // On a paragraph of a cited cable ("para 5" of "REF A para 5"): that paragraph's marker in each file holding the
      // cable as the declaration, and every place in the workspace that names it, this one included.
      const citedParagraph = getCitedParagraphAt(cable, at);
      const citedParagraphId = citedParagraph && citedId(citedParagraph.item, id);
      if (citedParagraph && citedParagraphId) {
        const declarations = includeDeclaration ? paragraphDeclarations(citedParagraphId, citedParagraph.number) : [];
        return [...declarations, ...placesNamingParagraph(citedParagraphId, citedParagraph.number)];
      }
      // On the separator of a range of a cited cable's paragraphs (the "-" of "REF A paras 3-5"), as Go to Definition goes
      // from it to the paragraphs between its ends: what Find References lists from each of them (4), each place once.
      const citedRange = getCitedRangeAt(cable, at);
      const citedRangeId = citedRange?.rangeFrom && citedId(citedRange.item, id);
      if (citedRange?.rangeFrom && citedRangeId) {
        const declarations: Location[] = [];
        const places: Location[] = [];
        for (let n = citedRange.rangeFrom.number + 1; n < citedRange.number; n++) {
          if (includeDeclaration) declarations.push(...paragraphDeclarations(citedRangeId, n));
          places.push(...placesNamingParagraph(citedRangeId, n));
        }
        return [...declarations, ...onceEach(byPlace(places))];
      }
      // On a TAG: every workspace cable filed under it, at the TAG in its TAGS field (as the index keeps it), so that an
      // archivist gets the list in the references view. Its declaration, as a banner's is the cable's own id, is this
      // cable's TAG (wherever its field has it, as the highlights show it: `TAGS: PREL, ECON, PREL` from either PREL) and
      // the same TAG of the other files holding the cable, first when asked for; left out, the list is the other cables
      // filed under it, and VS Code goes straight to the only one.
      const tag = cable.tags?.tags.find((t) => t.role === 'code' && contains(t.token.range, at));
      if (tag) {
        const here = indexKey(doc.uri);
        const copies = new Set(id ? index.copiesOf(id).map((c) => indexKey(c.uri)) : []);
        const declarations: Location[] = cable.tags!.tags.filter((t) => t.role === 'code' && t.code === tag.code).map((t) => ({ uri: doc.uri, range: t.token.range }));
        const uses: Location[] = [];
        for (const c of index.tagged(tag.code)) {
          const key = indexKey(c.uri);
          if (key === here) continue;
          (copies.has(key) ? declarations : uses).push({ uri: c.uri, range: tagRange(c, tag.code) ?? range(c.bannerLine ?? 0, 0, 0) });
        }
        return includeDeclaration ? [...declarations, ...uses] : uses;
      }
      const highlights = getDocumentHighlights(cable, at);
      // A cable without a banner stands at its first line (its code lens's place): there, where nothing else is found.
      if (highlights.length === 0 && !cable.banner && id && contains(cablePlace(cable).range, at)) return citingOwn(cable, doc.uri, id, includeDeclaration);
      // A REF item or paragraph and the in-text references to it: the item or the paragraph's marker (the highlight
      // written to) is the declaration.
      const own: Location[] = highlights.filter((h) => includeDeclaration || h.kind !== DocumentHighlightKind.Write).map((h) => ({ uri: doc.uri, range: h.range }));
      // On a paragraph's marker, the other cables that name that paragraph of this one ("REF A para 5", "para 5 of
      // reftel", "REF A paras 3-5" for 4), after the same paragraph in this cable's other files when the declaration is asked.
      // On the separator of a range of its paragraphs ("-" of "paras 3-5"), what the markers of those between its ends list
      // (4), each place once, as from the separator of a cited range.
      if (!id) return own;
      const paragraph = cable.paragraphs.find((q) => contains(q.marker.range, at));
      const between = paragraph ? [] : paragraphsSeparatedAt(cable, at);
      if (!paragraph && between.length === 0) return own;
      const here = indexKey(doc.uri);
      const numbers = paragraph ? [paragraph.readAs] : [...new Set(between.map((q) => q.readAs))];
      const copies = includeDeclaration ? numbers.flatMap((n) => paragraphDeclarations(id, n)).filter((d) => indexKey(d.uri) !== here) : [];
      const places = numbers.flatMap((n) => placesNamingParagraph(id, n));
      return [...own, ...copies, ...(paragraph ? places : onceEach(byPlace(places)))];
    }));
  });

  /**
   * Find All References on the banner of `cable`, the document at `uri` holding the cable `id`: where the workspace
   * cables cite it, and first, with `includeDeclaration`, its id in its banner (its first line without one) and in the
   * banners of the other files holding it.
   */
  function citingOwn(cable: Cable, uri: string, id: string, includeDeclaration: boolean): Location[] {
    if (!includeDeclaration) return placesCiting(id);
    const here = indexKey(uri);
    return [{ uri, range: cablePlace(cable).selectionRange }, ...declarationsOf(id).filter((d) => indexKey(d.uri) !== here), ...placesCiting(id)];
  }

  /**
   * Find All References on the REF items `items` of `cable` (the document at `uri`, holding the cable `id`), or on an
   * in-text reference that names them: for an item that cites a cable, where every workspace cable, this one included
   * (its item and the references to it), cites that cable, with the cited cable's id in each file holding it as the
   * declaration; for one whose citation names no cable (a memorandum), the references to it in this cable, the item
   * itself the declaration. Of several items ("(refs)"), each place once, by file and then by place in it.
   */
  function referencesToItems(cable: Cable, uri: string, items: readonly RefItem[], id: string | undefined, includeDeclaration: boolean): Location[] {
    const declarations: Location[] = [];
    const places: Location[] = [];
    for (const item of items) {
      const cited = citedId(item, id);
      if (cited) {
        declarations.push(...declarationsOf(cited));
        places.push(...placesCiting(cited));
      } else {
        for (const h of getDocumentHighlights(cable, item.range.start)) (h.kind === DocumentHighlightKind.Write ? declarations : places).push({ uri, range: h.range });
      }
    }
    const ordered = items.length === 1 ? places : byPlace(places);
    return [...(includeDeclaration ? onceEach(declarations) : []), ...onceEach(ordered)];
  }

  /** `list` with each place once (the first), whatever spelling of its URI each gives. */
  function onceEach(list: readonly Location[]): Location[] {
    const seen = new Set<string>();
    return list.filter((l) => {
      const key = `${indexKey(l.uri)} ${l.range.start.line} ${l.range.start.character} ${l.range.end.line} ${l.range.end.character}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** `places` by file, then by place in the file (a stable sort: the same place keeps its order). */
  function byPlace(places: readonly Location[]): Location[] {
    return [...places].sort((a, b) => {
      const ka = indexKey(a.uri);
      const kb = indexKey(b.uri);
      return ka < kb ? -1 : ka > kb ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
    });
  }

  /** Paragraph `number` of the cable `id` as a declaration: its marker in each file holding the cable that has it (`index.copiesOf`). */
  function paragraphDeclarations(id: string, number: number): Location[] {
    return index.copiesOf(id).flatMap((c) => {
      const marker = paragraphMarkerRange(c, number);
      return marker ? [{ uri: c.uri, range: marker }] : [];
    });
  }

  /**
   * Where the workspace cables whose REF field cites the cable `id` name its paragraph `number` ("REF A para 5", "para 5
   * of ref A", "reftel para 5", the range "3-5" of "REF A paras 3-5" for 4), by file and then by place: a closed file's
   * from its index entry (`paragraphMentions`), an open document's from its text as the editor has it.
   */
  function placesNamingParagraph(id: string, number: number): Location[] {
    const places: Location[] = [];
    for (const entry of index.citing(id)) {
      const doc = documents.get(entry.uri);
      const packed = doc ? packParagraphMentions(findCitedParagraphs(cableFor(doc)), entry.id, entry.refs) : (entry.paragraphMentions ?? []);
      for (const r of rangesNamingParagraph(entry.refs, packed, id, number)) places.push({ uri: entry.uri, range: r });
    }
    return places;
  }

  /** The declarations of the cable `id` for Find All References: the id in the banner of each file holding it, the one named after it first (`index.copiesOf`). */
  function declarationsOf(id: string): Location[] {
    return index.copiesOf(id).map((c) => ({ uri: c.uri, range: bannerPlace(c).selection }));
  }

  connection.onDocumentHighlight((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    // On above cable.largeFileThreshold too: the whole text's references are read once a version, and the rules share them.
    return doc ? unlessCancelled('documentHighlight', [], doc, token, (cable) => getDocumentHighlights(cable, clampPosition(cable.lines, p.position))) : [];
  });

  // A position or a new name that cannot be renamed is answered with an error whose message the editor shows.
  connection.onPrepareRename((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return null;
    const result = guard('prepareRename', null, () => {
      const cable = cableFor(doc);
      return prepareRename(cable, clampPosition(cable.lines, p.position));
    });
    return result && 'reason' in result ? new ResponseError(LSPErrorCodes.RequestFailed, result.reason) : result;
  });

  connection.onRenameRequest((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return null;
    // Not limited by cable.largeFileThreshold (see isLarge): the user asked for it, and waits for it once.
    const result = guard('rename', null, () => {
      const hit = parsedFor(doc);
      return getRenameEdits(hit.cable, clampPosition(hit.cable.lines, p.position), p.newName, { userTags: hit.userTags });
    });
    if (!result) return null;
    if ('reason' in result) return new ResponseError(LSPErrorCodes.RequestFailed, result.reason);
    // A client that takes versioned edits applies them only to the version they were made for.
    const edit: WorkspaceEdit = hasDocumentChanges
      ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: result.edits }] }
      : { changes: { [doc.uri]: result.edits } };
    return edit;
  });

  // A code lens on the banner: "Cited by 3 cables", which runs the client's "Show Cables Citing This One" (VS Code's),
  // or the server's command that opens a citing cable (a client that opens documents); other clients show the count.
  connection.onCodeLens((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc || !settings.codeLensCitingCables) return [];
    // The open cables edited are indexed once the request is known not to be cancelled.
    return afterIndexBuilt(token, () => unlessCancelled('codeLens', [] as CodeLens[], doc, token, (cable) => {
      indexEdits();
      const id = cable.id ?? idFromFileName(doc.uri);
      if (!id) return [];
      const key = indexKey(doc.uri);
      // Cables, not files: a citing cable filed twice (`09PARIS708.txt` and PlusD's `2009PARIS708.txt`) counts once.
      const citing = new Set(index.citing(id).filter((c) => indexKey(c.uri) !== key && c.id !== id).map((c) => c.id ?? indexKey(c.uri))).size;
      if (citing === 0) return [];
      const title = `Cited by ${citing} cable${citing === 1 ? '' : 's'}`;
      // A cable without a banner, whose id its file name gives (a partial extract), is cited too: the lens stands at its
      // first line, where Go to Definition and the citation hierarchy place it.
      return [{ range: cablePlace(cable).range, command: { title, command: serverOpensCiting() ? OPEN_CITING_COMMAND : 'cable.showCitingCables', arguments: [doc.uri] } }];
    }));
  });

  /**
   * {@link OPEN_CITING_COMMAND} on the open document `uri`: opens the cable that cites it, at the first REF item citing
   * it (`window/showDocument`); of several, the one the user picks from a list of their ids and subjects
   * (`window/showMessageRequest`), as VS Code's references view lists them; none says so.
   */
  async function openCiting(uri: unknown, token: CancellationToken): Promise<null | ResponseError<void>> {
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc) return new ResponseError(ErrorCodes.InvalidParams, 'No open cable to list the citing cables of.');
    indexEdits();
    const citing = await afterIndexBuilt(token, () => guard('openCiting', [] as { cable: IndexedCable; at: Range }[], () => {
      const cable = cableFor(doc);
      const id = cable.id ?? idFromFileName(doc.uri);
      if (!id) return [];
      const key = indexKey(doc.uri);
      // One entry a cable, as the lens counts them: a cable filed twice opens from its first file.
      const byCable = new Map<string, { cable: IndexedCable; at: Range }>();
      for (const c of index.citing(id)) {
        const cableKey = c.id ?? indexKey(c.uri);
        if (indexKey(c.uri) === key || c.id === id || byCable.has(cableKey)) continue;
        byCable.set(cableKey, { cable: c, at: rangesCiting(c, id)[0] ?? range(c.bannerLine ?? 0, 0, 0) });
      }
      return [...byCable.values()];
    }));
    if (citing instanceof ResponseError) return citing;
    if (citing.length === 0) {
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: 'No cable in the workspace cites this one.' });
      return null;
    }
    const name = (c: IndexedCable) => `${c.id ?? Utils.basename(URI.parse(c.uri))}${c.subject ? `: ${c.subject}` : ''}`;
    let chosen = citing[0];
    if (citing.length > 1) {
      const actions = citing.map((c) => ({ title: name(c.cable) }));
      // The client's answer is the action picked, or null for none (a list dismissed).
      const picked = await connection.window.showInformationMessage(`Cited by ${citing.length} cables: open which one?`, ...actions).catch(() => undefined);
      const at = actions.findIndex((a) => a.title === picked?.title);
      if (at < 0) return null;
      chosen = citing[at];
    }
    await connection.window.showDocument({ uri: chosen.cable.uri, takeFocus: true, selection: chosen.at }).catch(() => undefined);
    return null;
  }

  // Inlay hints: a REF citation of a workspace cable gets its subject, the DE line's station its address.
  // On above cable.largeFileThreshold too: once the parse is made, they look only at the REF field and the DE line in the range.
  connection.languages.inlayHint.on((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc || (!settings.inlayHintsRefSubjects && !settings.inlayHintsRoutingIndicators)) return [];
    return afterIndexBuilt(token, () => unlessCancelled('inlayHint', [] as InlayHint[], doc, token, (cable) => {
      indexEdits();
      return getInlayHints(cable, p.range, {
        dictionaries: dictionariesFor(doc.uri),
        citedCable: (item) => citedCables(item, cable, doc.uri)[0],
        refSubjects: settings.inlayHintsRefSubjects,
        routingIndicators: settings.inlayHintsRoutingIndicators,
        plainText: hoverPlainText,
      });
    }));
  });

  /**
   * Where the workspace cables cite the cable `id`: each one's REF items citing it and its in-text references to them
   * ("(ref A)"), as the index keeps them (`rangesCiting`); the start of its banner line when it keeps none.
   */
  function placesCiting(id: string): Location[] {
    return index.citing(id).flatMap((c) => {
      const ranges = rangesCiting(c, id);
      return (ranges.length > 0 ? ranges : [range(c.bannerLine ?? 0, 0, 0)]).map((r) => ({ uri: c.uri, range: r }));
    });
  }

  /**
   * The workspace cables a REF item of `cable` (the document at `uri`) cites: every file holding it, the one named
   * after it first (`index.copiesOf`). Go to Definition offers them all; links and inlay hints take the first.
   */
  function citedCables(item: RefItem, cable: Cable, uri: string): IndexedCable[] {
    const cited = citedId(item, cable.id ?? idFromFileName(uri));
    return cited ? index.copiesOf(cited) : [];
  }

  /** After the index has changed: tells the client (`cable/indexed`), and asks it for the views that show other cables again. */
  function indexChanged(): void {
    void connection.sendNotification('cable/indexed', { count: index.size });
    refresh(['codeLens', 'inlayHints']);
    recheckCiting(true);
  }

  /**
   * Ids whose paragraphs changed in the index (`index.takeParagraphChanges`) since the closed files citing them were last
   * diagnosed from disk under "workspace": gathered through a pass over files, which may read a citing file before its cited one.
   */
  const paragraphsChangedFor = new Set<string>();

  /**
   * After the index changed what CBL054 reads of some cables (a cited cable indexed, read again with other paragraphs, or
   * dropped): validates again the open cables whose REF fields cite one of them, and with `closed` (after a pass, or files
   * changed on disk), under "workspace", reads again the closed files whose text names a paragraph of one of them.
   */
  function recheckCiting(closed = false): void {
    const changed = index.takeParagraphChanges();
    if (changed.size > 0) {
      for (const doc of documents.all()) if (index.get(doc.uri)?.refs.some((id) => changed.has(id))) revalidate(doc);
      if (settings.validateScope === 'workspace') for (const id of changed) paragraphsChangedFor.add(id);
    }
    if (!closed || paragraphsChangedFor.size === 0) return;
    const ids = new Set(paragraphsChangedFor);
    paragraphsChangedFor.clear();
    if (settings.validateScope !== 'workspace') return;
    for (const entry of index.citingParagraphsOf(ids)) if (!openKeys.has(indexKey(entry.uri))) indexFromDisk(entry.uri);
  }

  /**
   * Asks a client that can be asked for `views` again (code lenses, inlay hints), since what they show of other cables
   * or the settings may have changed (with a view turned off, it gets none, as it must once the setting changes).
   */
  function refresh(views: readonly View[]): void {
    for (const view of views) if (refreshable.has(view)) void connection.sendRequest(REFRESH_REQUESTS[view]).catch(() => undefined);
  }

  connection.onDocumentLinks((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return [];
    return afterIndexBuilt(token, () => unlessCancelled('documentLinks', [] as DocumentLink[], doc, token, (cable) => {
      indexEdits();
      const links: DocumentLink[] = [];
      for (const item of cable.refs?.items ?? []) {
        const target = citedCables(item, cable, doc.uri)[0];
        if (target) links.push({ range: item.citation.range, target: target.uri, tooltip: `${target.id}: ${target.subject ?? ''}` });
      }
      return links;
    }));
  });

  // Semantic tokens: the whole document with a result id, the edits since the last result (after an edit of a large
  // document, a few numbers instead of all its tokens), or the lines an editor shows (VS Code asks for them first).
  const tokenResults = new SemanticTokenResults();
  connection.languages.semanticTokens.on((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? unlessCancelled('semanticTokens', { data: [] }, doc, token, (cable) => tokenResults.full(doc.uri, cable)) : { data: [] };
  });
  connection.languages.semanticTokens.onDelta((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? unlessCancelled<SemanticTokens | SemanticTokensDelta>('semanticTokensDelta', { data: [] }, doc, token, (cable) => tokenResults.delta(doc.uri, cable, p.previousResultId)) : { data: [] };
  });
  connection.languages.semanticTokens.onRange((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? unlessCancelled('semanticTokensRange', { data: [] }, doc, token, (cable) => getSemanticTokensInRange(cable, p.range)) : { data: [] };
  });
  documents.onDidClose((e) => tokenResults.drop(e.document.uri));

  connection.onWorkspaceSymbol((p, token) => {
    indexEdits();
    return afterIndexBuilt(token, () => guard('workspaceSymbol', [], () => index.search(p.query)));
  });

  // ---------------------------------------------------------------------------
  // Call hierarchy: the citation graph, one step per request, from the index ("Callers Of" = cited by, "Calls From" = cites).

  connection.languages.callHierarchy.onPrepare((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return null;
    indexEdits();
    return afterIndexBuilt(token, () => guard('prepareCallHierarchy', null, () => {
      const cable = cableFor(doc);
      return prepareCallHierarchy(cable, doc.uri, clampPosition(cable.lines, p.position), index);
    }));
  });

  connection.languages.callHierarchy.onIncomingCalls((p, token) => {
    indexEdits();
    return afterIndexBuilt(token, () => guard('incomingCalls', null, () => getIncomingCalls(p.item, index)));
  });

  connection.languages.callHierarchy.onOutgoingCalls((p, token) => {
    indexEdits();
    return afterIndexBuilt(token, () => guard('outgoingCalls', null, () => getOutgoingCalls(p.item, index)));
  });

  // ---------------------------------------------------------------------------
  // Workspace index

  // A binary file is no cable: the index leaves it out (and drops it when a cable file turns binary),
  // so that no id, subject or citation is read from its bytes and its file name names no cable.
  function indexOpen(doc: TextDocument): void {
    guard('index', undefined, () => {
      const hit = parsedFor(doc);
      const before = index.get(doc.uri);
      const after = hit.binary ? undefined : summarize(doc.uri, hit.cable, idFromFileName(doc.uri), true);
      if (after) index.set(after);
      else index.delete(doc.uri);
      recheckCiting();
      const views: View[] = [];
      // An edit to the REF field or the banner changes what other open cables' code lenses count,
      if (before?.id !== after?.id || !jsonEqual(before?.refs, after?.refs)) views.push('codeLens');
      // and one to the subject, date, banner or TAGS what the inlay hints of the cables citing this one show.
      const shown = shownChanged(before, after);
      if (shown) views.push('inlayHints');
      refresh(views);
      if (shown) collectionEdited();
    });
  }

  /** Whether the client has sent `cable/collection`: only then are open cables' edits indexed as they come and announced. */
  let collectionAsked = false;
  let indexEditsTimer: ReturnType<typeof setTimeout> | undefined;

  /** Indexes the open cables edited once typing pauses, so that a changed id, subject or date reaches the Cables view. */
  function scheduleIndexEdits(): void {
    if (indexEditsTimer) clearTimeout(indexEditsTimer);
    indexEditsTimer = setTimeout(() => {
      indexEditsTimer = undefined;
      indexEdits();
    }, 400);
  }

  /**
   * An open cable (or a closed one going back to its file) changed what `cable/collection` answers for it: tells a
   * client that asks for the collection (`cable/collectionChanged`), which asks again. Passes over files say
   * `cable/indexed` instead.
   */
  function collectionEdited(): void {
    if (collectionAsked) void connection.sendNotification('cable/collectionChanged', { count: index.size });
  }

  /** Open documents changed since they were last indexed: indexed as the editor has them before the index answers. */
  const unindexed = new Set<string>();

  function indexEdits(): void {
    for (const uri of unindexed) {
      const doc = documents.get(uri);
      if (doc) indexOpen(doc);
    }
    unindexed.clear();
  }

  /** Indexes the file at `uri` as it is on disk when it is a workspace cable file, and drops it otherwise. */
  function indexFromDisk(uri: string): void {
    const u = URI.parse(uri);
    const rel = u.scheme === 'file' ? workspaceRelative(u.fsPath) : undefined;
    if (rel !== undefined && matches(rel) && files().exists(u.fsPath)) indexFile(u.fsPath);
    // A closed document of a folder read through the client: the file is read again, and stays indexed as the editor had it meanwhile.
    else if (rel === undefined && listsThroughClient() && clientIndexPath(uri) !== undefined) void readBackThroughClient([indexKey(uri)]);
    else index.delete(uri);
  }

  /** The workspace root that holds `fsPath`, or undefined. */
  function rootOf(fsPath: string): string | undefined {
    return workspaceRoots.find((r) => fsPath.startsWith(r + host.path.sep));
  }

  /** The path of `fsPath` relative to the workspace root that holds it, with `/`, or undefined. */
  function workspaceRelative(fsPath: string): string | undefined {
    const root = rootOf(fsPath);
    return root === undefined ? undefined : host.path.relative(root, fsPath).split(host.path.sep).join('/');
  }

  /**
   * Indexes the closed file at `fsPath` as it is on disk and, under "workspace", publishes its diagnostics from the
   * same reading and parse; neither the text nor the model is kept.
   */
  function indexFile(fsPath: string): void {
    try {
      const stat = files().stat(fsPath);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return;
      indexText(URI.file(fsPath).toString(), files().readText(fsPath), fsPath);
    } catch (error) {
      connection.console.warn(`Cannot index ${fsPath}: ${String(error)}`);
    }
  }

  /**
   * Indexes `text`, the closed file at `uri` (`name` in the output), read from disk or through the client, and under
   * "workspace" publishes its diagnostics from the same parse.
   */
  function indexText(uri: string, text: string, name: string): void {
    // A `.txt` file a glob such as `**/*.txt` takes in is indexed and diagnosed only if it reads as a cable, as `cablelint` walks.
    const mayBeOther = fileNameKind(name) === 'txt';
    if (looksBinary(text)) {
      index.delete(uri);
      connection.console.log(`Not indexed: ${name} is a binary file (contains NUL bytes).`);
      if (mayBeOther) clearFileDiagnostics(uri);
      else diagnoseFile(uri, text, undefined);
      return;
    }
    const { cable } = parseCable(text, { userTags: userTagsFor(uri) });
    if (mayBeOther && !readsAsCable(cable)) {
      index.delete(uri);
      clearFileDiagnostics(uri);
      return;
    }
    index.set(summarize(uri, cable, idFromFileName(uri)));
    diagnoseFile(uri, text, cable);
    recheckCiting();
  }

  /**
   * True when the index globs take the file at `rel`, its path from its workspace folder. A file under `node_modules` is
   * taken only when an include glob names that folder ({@link passesOver}); one under a dot-folder only when an include
   * glob names it already, since the globs are matched without `dot`.
   */
  function matches(rel: string): boolean {
    return matchesGlob(rel, settings.indexInclude, false) && !excluded(rel) && (namedByInclude().nodeModules || !`/${rel}`.includes('/node_modules/'));
  }

  let namedFor: readonly string[] | undefined;
  let named = { dot: false, nodeModules: false };

  /** Which folders the walk passes over by default the include globs name ({@link globsNamePassedOver}), read once for each setting. */
  function namedByInclude(): { dot: boolean; nodeModules: boolean } {
    if (namedFor !== settings.indexInclude) {
      namedFor = settings.indexInclude;
      named = globsNamePassedOver(namedFor);
    }
    return named;
  }

  /**
   * True when the walk does not enter the folder `name`: a dot-folder (`.git`, `.vscode`) or `node_modules`, as
   * `cablelint`'s walk passes them over, unless an include glob names such a folder. A workspace folder is walked whatever its name.
   */
  function passesOver(name: string): boolean {
    return isPassedOverFolder(name) && !(name === 'node_modules' ? namedByInclude().nodeModules : namedByInclude().dot);
  }

  /**
   * True when `cable.index.exclude` leaves out the file at `rel`, or with `folder`, every file under the folder at `rel`.
   * A glob that names a folder leaves out every file under it (`archive`, `drafts/`), as `files.exclude`, the editor's file
   * search (which lists the files of a folder read through the client) and `cablelint`'s `ignore` read it.
   */
  function excluded(rel: string, folder = false): boolean {
    return matchesGlob(folder ? `${rel}/x` : rel, settings.indexExclude, true, true);
  }

  /** Counts the passes over the workspace's files: a pass stops when a newer one has started, which reads every file again. */
  let passes = 0;

  /**
   * Reads every workspace cable file into the index, at start, and under "workspace" for its diagnostics too,
   * again whenever the scope, the rules or `.cablelint.jsonc` change.
   */
  async function readWorkspace(): Promise<void> {
    const pass = ++passes;
    try {
      await readWorkspacePass(pass);
    } finally {
      // A pass a newer one stopped leaves the index to that one.
      if (pass === passes) {
        indexEmptied = false;
        indexMayBeBuilt();
      }
    }
  }

  /** The pass `pass` of {@link readWorkspace}. */
  async function readWorkspacePass(pass: number): Promise<void> {
    // Folders read through the client only (the browser): the pass over the disk would read nothing.
    if (workspaceRoots.length === 0 && listsThroughClient()) return readClientFolders(pass);
    const checking = settings.validateScope === 'workspace';
    const files: string[] = [];
    for (const root of workspaceRoots) walk(root, root, files);
    const progress = await workDoneProgress();
    progress?.begin(checking ? 'Checking cables' : 'Indexing cables', 0, `${files.length} files`, false);
    const started = Date.now();
    const done = await indexFiles(files, (n) => progress?.report(Math.round((n / files.length) * 100), `${n} of ${files.length}`), () => pass !== passes);
    progress?.done();
    if (!done) return;
    connection.console.log(`${checking ? 'Indexed and checked' : 'Indexed'} ${files.length} cable files in ${Date.now() - started} ms.`);
    indexChanged();
    // A virtual folder beside the local ones (a desktop workspace of both).
    if (listsThroughClient()) await readClientFolders(pass);
  }

  /**
   * Indexes `files`, yielding every 50 files or 20 ms so that requests are answered meanwhile; an open document keeps
   * the editor's text. Returns false when `stop` said to stop.
   */
  async function indexFiles(files: readonly string[], report?: (done: number) => void, stop?: () => boolean): Promise<boolean> {
    let last = performance.now();
    for (let i = 0; i < files.length; i++) {
      // URI.file writes the index's spelling of the URI.
      if (!openKeys.has(URI.file(files[i]).toString())) indexFile(files[i]);
      if (i % 50 === 49 || performance.now() - last > 20) {
        report?.(i + 1);
        await host.yieldNow();
        if (stop?.()) return false;
        last = performance.now();
      }
    }
    return true;
  }

  function walk(root: string, dir: string, out: string[]): void {
    let entries: readonly DirectoryEntry[];
    try {
      entries = files().readDirectory(dir);
    } catch {
      return;
    }
    for (const e of entries) {
      const full = host.path.join(dir, e.name);
      const rel = host.path.relative(root, full).split(host.path.sep).join('/');
      if (e.isDirectory()) {
        if (!passesOver(e.name) && !excluded(rel, true)) walk(root, full, out);
      } else if (e.isFile() && matches(rel)) out.push(full);
    }
  }

  connection.onDidChangeWatchedFiles(async (p) => {
    /** The configuration files created, changed or deleted on disk. */
    const configsChanged: { path: string; deleted: boolean }[] = [];
    let configChanged = false;
    const folders: string[] = [];
    /** Files created or changed in folders read through the client. */
    const throughClient: string[] = [];
    // A file two watchers match comes twice.
    const seen = new Set<string>();
    for (const change of p.changes) {
      const u = URI.parse(change.uri);
      if (seen.has(`${change.type} ${u.toString()}`)) continue;
      seen.add(`${change.type} ${u.toString()}`);
      if (isConfigFile(u.fsPath)) {
        configChanged = true;
        if (u.scheme === 'file') configsChanged.push({ path: u.fsPath, deleted: change.type === FileChangeType.Deleted });
        continue;
      }
      // A user dictionary edited, created or deleted: the configurations naming it are read again, with it.
      const naming = namingConfigs(u);
      if (naming !== undefined) {
        configChanged = true;
        if (naming !== 'through-client') for (const path of naming) if (!configsChanged.some((c) => c.path === path)) configsChanged.push({ path, deleted: false });
      }
      const rel = u.scheme === 'file' ? workspaceRelative(u.fsPath) : undefined;
      if (change.type === FileChangeType.Deleted) {
        // A folder deleted or moved away is one event for the folder: every cable under it goes.
        const folder = !index.delete(change.uri) && (rel === undefined || !matches(rel));
        if (folder) index.deleteUnder(change.uri);
        clearFileDiagnostics(change.uri, folder);
        // The configuration files under a folder deleted go with it, without an event of their own.
        if (folder && u.scheme === 'file') {
          const prefix = u.fsPath.endsWith(host.path.sep) ? u.fsPath : u.fsPath + host.path.sep;
          for (const path of configsRead.keys()) if (path.startsWith(prefix)) configsChanged.push({ path, deleted: true });
          if (configsChanged.length > 0) configChanged = true;
        }
        continue;
      }
      if (openKeys.has(indexKey(change.uri))) continue;
      if (rel === undefined) {
        if (listsThroughClient() && clientIndexPath(change.uri) !== undefined) throughClient.push(indexKey(change.uri));
        continue;
      }
      if (matches(rel)) indexFile(u.fsPath);
      else if (!rel.split('/').some(passesOver) && !excluded(rel, true) && isDirectory(u.fsPath)) folders.push(u.fsPath);
    }
    if (configChanged) {
      // The configuration each open document takes before: those that take another one now, or one read again, are validated again.
      const before = new Map(documents.all().map((d) => [d.uri, configFor(d.uri)]));
      // The TAG codes of the user dictionaries each changed file named (none for a file not read yet, or created).
      const tagsBefore = configsChanged.map(({ path }) => configsRead.get(path)?.userTags ?? NO_TAGS);
      for (const { path, deleted } of configsChanged) {
        configsRead.delete(path);
        // A deleted file's problems are no longer there.
        if (deleted) void connection.sendDiagnostics({ uri: URI.file(path).toString(), diagnostics: [] });
      }
      // A file created or deleted changes which one is nearest to the folders below it.
      nearestConfigs.clear();
      await reloadFileConfig();
      for (const doc of documents.all()) if (configFor(doc.uri) !== before.get(doc.uri)) revalidate(doc);
      revalidateFiles();
      // Other TAG codes read a wrapped TAGS line otherwise: the closed cables are indexed again (under "workspace" the
      // pass revalidateFiles started does it).
      const tagsChanged = configsChanged.some(({ path }, k) => !sameCodes(tagsBefore[k], readConfigAt(path)?.userTags ?? NO_TAGS));
      if (tagsChanged && settings.validateScope !== 'workspace') void readWorkspace();
      unwatchDictionaries();
    }
    // A folder created, moved or copied in is one event for the folder: its cables are indexed like the workspace's.
    for (const folder of folders) {
      const files: string[] = [];
      walk(rootOf(folder)!, folder, files);
      await indexFiles(files);
    }
    if (throughClient.length > 0) await readBatchesThroughClient(throughClient, indexClientText);
    indexChanged();
  });

  /**
   * Walks the workspace again under changed index globs (`cable.index.include`/`exclude`), so
   * that a new glob takes effect without a reload: files the globs no longer take are dropped
   * (and their diagnostics read from disk cleared), and open documents keep the editor's text.
   */
  async function reindex(): Promise<void> {
    indexEmptied = true;
    for (const root of [...workspaceRoots.map((r) => URI.file(r).toString()), ...clientRoots]) {
      index.deleteUnder(root);
      clearFileDiagnostics(root, true);
    }
    for (const doc of documents.all()) indexOpen(doc);
    await readWorkspace();
  }

  /** A folder added to the workspace is indexed like the first ones; the cables of a folder removed leave the index. */
  async function changeFolders(e: WorkspaceFoldersChangeEvent): Promise<void> {
    // The search for each document's configuration stops at the root of its workspace folder.
    nearestConfigs.clear();
    for (const folder of e.removed) {
      const u = URI.parse(folder.uri);
      if (clientRoots.includes(u.toString())) {
        clientRoots = clientRoots.filter((r) => r !== u.toString());
        index.deleteUnder(u.toString());
        clearFileDiagnostics(u.toString(), true);
      }
      if (u.scheme !== 'file') continue;
      workspaceRoots = workspaceRoots.filter((r) => r !== u.fsPath);
      index.deleteUnder(u.toString());
      clearFileDiagnostics(u.toString(), true);
    }
    // Requests that ask the index about the collection wait while the folders added are read.
    foldersBeingRead++;
    let clientFolderAdded: boolean;
    try {
      clientFolderAdded = await readAddedFolders(e.added);
    } finally {
      foldersBeingRead--;
      indexMayBeBuilt();
    }
    indexChanged();
    // The pass lists every folder read through the client again, the new ones with the others.
    if (clientFolderAdded && listsThroughClient()) void readWorkspace();
  }

  /** Indexes the cable files of the workspace `folders` added that the host reads; true when one is read through the client. */
  async function readAddedFolders(folders: readonly WorkspaceFolder[]): Promise<boolean> {
    let clientFolderAdded = false;
    const files: string[] = [];
    for (const folder of folders) {
      const u = URI.parse(folder.uri);
      // A folder the host cannot read is read through a client that offered to.
      if (clientReadsFiles && (!host.files || u.scheme !== 'file') && !clientRoots.includes(u.toString())) {
        clientRoots.push(u.toString());
        clientFolderAdded = true;
      }
      if (u.scheme !== 'file' || !host.files || workspaceRoots.includes(u.fsPath)) continue;
      workspaceRoots.push(u.fsPath);
      walk(u.fsPath, u.fsPath, files);
    }
    await indexFiles(files);
    return clientFolderAdded;
  }

  // ---------------------------------------------------------------------------
  // Closed cables read through the client (`workspace/clientFiles.ts`), for the folders the host cannot read: every
  // folder in the browser, a virtual one (`vscode-vfs:`) under Node. Only a client that offered it is asked.

  /** Whether the index reads closed cables through the client: it offered to list them, and a folder needs it. */
  function listsThroughClient(): boolean {
    return clientListsFiles && clientRoots.length > 0;
  }

  /** What the views that show other cables know while closed cables are not indexed. */
  const OPEN_CABLES_ONLY = 'workspace symbols, REF links, citing-cable lenses, the Cables view and the metadata export know the open cables only';
  /** The messages about reading through the client already written to the output: each is written once. */
  const said = new Set<string>();

  function sayOnce(key: string, message: string): void {
    if (said.has(key)) return;
    said.add(key);
    connection.console.warn(message);
  }

  /** The path below a client folder of `uri`, when the index globs take it; undefined otherwise. */
  function clientIndexPath(uri: string): string | undefined {
    const rel = pathBelow(clientRoots, uri);
    return rel !== undefined && matches(rel) ? rel : undefined;
  }

  /**
   * Reads `uris` through the client in batches (`cable/readFiles`) and hands each text, or null for a file it could not
   * read, to `use`; stops early (false) when the client fails, answers wrongly, or `stop` says so.
   */
  async function readBatchesThroughClient(uris: readonly string[], use: (uri: string, text: string | null) => void, stop?: () => boolean, report?: (done: number) => void): Promise<boolean> {
    let last = performance.now();
    for (let i = 0; i < uris.length; i += READ_BATCH) {
      const batch = uris.slice(i, i + READ_BATCH);
      const params: ReadFilesParams = { uris: batch, maxBytes: MAX_FILE_BYTES };
      const read = await askClient(connection, 'cable/readFiles', params, readFilesAnswer(batch.length), SETTINGS_WAIT_MS, () =>
        sayOnce('read-late', `The editor has not read ${batch.length} cable files within ${SETTINGS_WAIT_MS / 1000} s; the index waits for them.`),
      );
      if (stop?.()) return false;
      if (!read.ok) {
        sayOnce('read-failed', `Closed cables are not read through the editor: it did not read them (${read.reason}); ${OPEN_CABLES_ONLY} and those read before.`);
        return false;
      }
      for (let k = 0; k < batch.length; k++) {
        use(batch[k], read.value[k]);
        // Parsing a batch of large cables takes a while: the requests waiting are answered in between.
        if (performance.now() - last > 20) {
          await host.yieldNow();
          if (stop?.()) return false;
          last = performance.now();
        }
      }
      report?.(Math.min(i + READ_BATCH, uris.length));
      await host.yieldNow();
      last = performance.now();
    }
    return true;
  }

  /**
   * A work-done progress for a pass over the workspace's files, or undefined, and the pass goes on without one: the client
   * takes none, answers `window/workDoneProgress/create` with an error (after which LSP 3.17 lets the server send no
   * progress on the token), or has not answered within {@link SETTINGS_WAIT_MS}.
   */
  async function workDoneProgress(): Promise<WorkDoneProgressServerReporter | undefined> {
    if (!hasWorkDoneProgress) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const created = connection.window.createWorkDoneProgress().catch(() => undefined);
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SETTINGS_WAIT_MS)));
    const progress = await Promise.race([created, late]);
    clearTimeout(timer);
    return progress;
  }

  /** Indexes the closed file `uri` from `text` read through the client; a file it could not read leaves the index. */
  function indexClientText(uri: string, text: string | null): void {
    if (openKeys.has(indexKey(uri))) return;
    if (text === null) {
      index.delete(uri);
      clearFileDiagnostics(uri);
      return;
    }
    guard('index', undefined, () => indexText(uri, text, uri));
  }

  /**
   * The pass of {@link readWorkspace} over the folders read through the client: it asks for the cable files
   * (`cable/listFiles`), at most `cable.index.maxFilesReadThroughEditor` of them, the first by URI when there are more
   * (which the output says), and reads them in batches, yielding between them; a newer pass stops it. A client that
   * fails, or does not answer, leaves the index with the open cables, which the output says once.
   */
  async function readClientFolders(pass: number): Promise<void> {
    const limit = settings.maxFilesThroughClient;
    if (limit === 0) {
      sayOnce('limit-0', `cable.index.maxFilesReadThroughEditor is 0: closed cables are not read through the editor; ${OPEN_CABLES_ONLY}.`);
      return;
    }
    const checking = settings.validateScope === 'workspace';
    const started = Date.now();
    // One more than the limit tells whether there are more.
    const params: ListFilesParams = { folders: clientRoots, include: settings.indexInclude, exclude: settings.indexExclude, maxResults: limit + 1 };
    const listed = await askClient(connection, 'cable/listFiles', params, isListFilesResult, SETTINGS_WAIT_MS, () =>
      sayOnce('list-late', `The editor has not listed the workspace's cable files within ${SETTINGS_WAIT_MS / 1000} s: closed cables are indexed once it does; until then ${OPEN_CABLES_ONLY}.`),
    );
    if (pass !== passes) return;
    if (!listed.ok) {
      sayOnce('list-failed', `Closed cables are not indexed: the editor did not list the workspace's cable files (${listed.reason}); ${OPEN_CABLES_ONLY}.`);
      return;
    }
    const uris = [...new Set(listed.value.uris.map(indexKey))].filter((u) => clientIndexPath(u) !== undefined).sort();
    if (uris.length > limit) {
      connection.console.warn(`The workspace has more than ${limit} cable files read through the editor (cable.index.maxFilesReadThroughEditor): the first ${limit} by URI of those the editor's file search listed are indexed, the others once opened.`);
      uris.length = limit;
    }
    const todo = uris.filter((u) => !openKeys.has(u));
    const progress = await workDoneProgress();
    progress?.begin(checking ? 'Checking cables' : 'Indexing cables', 0, `${todo.length} files read through the editor`, false);
    let unread = 0;
    const done = await readBatchesThroughClient(
      todo,
      (uri, text) => {
        if (text === null) unread++;
        indexClientText(uri, text);
      },
      () => pass !== passes,
      (n) => progress?.report(Math.round((n / todo.length) * 100), `${n} of ${todo.length}`),
    );
    progress?.done();
    if (pass !== passes) return;
    if (done) connection.console.log(`${checking ? 'Indexed and checked' : 'Indexed'} ${todo.length - unread} cable files read through the editor in ${Date.now() - started} ms${unread > 0 ? ` (${unread} could not be read)` : ''}.`);
    indexChanged();
  }

  /**
   * Reads the closed files `uris` through the client again (a file changed or created in a client folder, a document
   * closed there), and tells the client what changed in the index.
   */
  async function readBackThroughClient(uris: readonly string[]): Promise<void> {
    const before = uris.map((u) => index.get(u));
    await readBatchesThroughClient(uris, indexClientText);
    if (uris.some((u, i) => shownChanged(before[i], index.get(u)))) collectionEdited();
    indexChanged();
  }

  function isDirectory(fsPath: string): boolean {
    try {
      return files().stat(fsPath).isDirectory();
    } catch {
      return false;
    }
  }

  // Stay up whatever a request does.
  host.onUncaughtError((error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));

  documents.listen(connection);
  connection.listen();
}
