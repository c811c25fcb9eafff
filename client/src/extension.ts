/**
 * The VS Code side: activation, the LanguageClient that starts the bundled
 * server, and two commands. Everything a cable means is answered by the
 * server (lsp-sample layout); this file only connects the two, and shows the
 * classification the server reads as language status.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { cableLabel, cableTooltip, groupCollection, GROUPINGS, isGrouping, type CollectionEntry, type CollectionNode, type Grouping } from './collection';

let client: LanguageClient | undefined;

/** Restarts the server when it dies, and tells the user the first time only. */
class RestartOnce implements ErrorHandler {
  #told = false;
  #restarts: number[] = [];

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.#restarts = this.#restarts.filter((t) => now - t < 3 * 60_000);
    this.#restarts.push(now);
    if (!this.#told) {
      this.#told = true;
      void vscode.window.showWarningMessage('The cable language server stopped unexpectedly and was restarted.');
    }
    // Give up at the fifth crash in three minutes, as the default handler does (it restarts four times).
    return this.#restarts.length >= 5 ? { action: CloseAction.DoNotRestart } : { action: CloseAction.Restart };
  }
}

/** What the extension's `activate` returns: the Cables view's data, for the test-electron suite. */
export interface CableExtensionApi {
  /** The Cables view's provider, which hands out its tree. */
  readonly collection: CollectionProvider;
}

export async function activate(context: vscode.ExtensionContext): Promise<CableExtensionApi> {
  // The server is bundled next to this file by esbuild.mjs.
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('Cable', { log: true });
  const clientOptions: LanguageClientOptions = {
    // Any scheme: untitled documents and virtual workspaces work too, the server only reads text.
    documentSelector: [{ language: 'cable' }],
    synchronize: { configurationSection: 'cable' },
    outputChannel: output,
    errorHandler: new RestartOnce(),
  };
  client = new LanguageClient('cable', 'Cable', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('cable.goToParagraph', goToParagraph),
    vscode.commands.registerCommand('cable.showCitingCables', showCitingCables),
    vscode.commands.registerCommand('cable.goToBanner', goToBanner),
    vscode.commands.registerCommand('cable.newCable', newCable),
  );
  // Registered before the server starts, which says `cable/indexed` as soon as it has read the workspace.
  const collection = new CollectionProvider(client, context.workspaceState);
  context.subscriptions.push(collection, ...collectionView(collection));
  await client.start();
  context.subscriptions.push(...classificationStatus(client), ...detectCablesInTextFiles(client));
  return { collection };
}

/** The context key that shows the Cables view: set while the workspace index holds a cable. */
const HAS_CABLES = 'cable.collection.hasCables';
/** Where the grouping chosen is kept, per workspace. */
const GROUPING_KEY = 'cable.collection.grouping';

/**
 * The Cables view's data: the collection of the workspace index (`cable/collection`), grouped as chosen. The
 * server says when the index has changed, after a pass over files (`cable/indexed`) or an open cable's edit
 * (`cable/collectionChanged`); the view asks again once these have stopped coming for a moment, and only when
 * it is shown (VS Code asks a hidden view for nothing), so that a pass over thousands of files refreshes it once.
 */
export class CollectionProvider implements vscode.TreeDataProvider<CollectionNode>, vscode.Disposable {
  readonly #client: LanguageClient;
  readonly #state: vscode.Memento;
  readonly #changed = new vscode.EventEmitter<CollectionNode | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  #top: Promise<CollectionNode[]> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(languageClient: LanguageClient, state: vscode.Memento) {
    this.#client = languageClient;
    this.#state = state;
    const changed = (p: { count?: number } | undefined) => {
      if (typeof p?.count === 'number') void vscode.commands.executeCommand('setContext', HAS_CABLES, p.count > 0);
      this.#refreshSoon();
    };
    this.#subscriptions.push(languageClient.onNotification('cable/indexed', changed), languageClient.onNotification('cable/collectionChanged', changed));
  }

  /** The grouping chosen for this workspace (by date at first). */
  get grouping(): Grouping {
    const kept = this.#state.get<unknown>(GROUPING_KEY);
    return isGrouping(kept) ? kept : 'date';
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    await this.#state.update(GROUPING_KEY, grouping);
    this.refresh();
  }

  /** Asks the server again the next time the view shows its top level. */
  refresh(): void {
    this.#top = undefined;
    this.#changed.fire(undefined);
  }

  #refreshSoon(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.refresh();
    }, 300);
  }

  getChildren(node?: CollectionNode): vscode.ProviderResult<CollectionNode[]> {
    if (node) return node.kind === 'group' ? [...node.children] : [];
    this.#top ??= this.#load();
    return this.#top;
  }

  async #load(): Promise<CollectionNode[]> {
    let entries: CollectionEntry[] = [];
    try {
      entries = await this.#client.sendRequest<CollectionEntry[]>('cable/collection');
    } catch {
      // The server restarting: it says `cable/indexed` again once it has read the workspace.
      return [];
    }
    void vscode.commands.executeCommand('setContext', HAS_CABLES, entries.length > 0);
    return groupCollection(entries, this.grouping);
  }

  getTreeItem(node: CollectionNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.key;
      item.description = String(node.count);
      item.tooltip = `${node.label}: ${node.count} cable${node.count === 1 ? '' : 's'}`;
      item.contextValue = 'cableGroup';
      return item;
    }
    const { entry } = node;
    const uri = vscode.Uri.parse(entry.uri);
    const item = new vscode.TreeItem(cableLabel(entry), vscode.TreeItemCollapsibleState.None);
    item.id = node.key;
    item.resourceUri = uri;
    item.iconPath = vscode.ThemeIcon.File;
    item.description = entry.subject ?? '';
    item.tooltip = cableTooltip(entry);
    item.contextValue = 'cable';
    item.command = { title: 'Open Cable', command: 'vscode.open', arguments: [uri] };
    return item;
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    for (const s of this.#subscriptions) s.dispose();
    this.#changed.dispose();
  }
}

/** The Cables view in the Explorer and its title bar's "Group Cables By…". */
function collectionView(provider: CollectionProvider): vscode.Disposable[] {
  const view = vscode.window.createTreeView('cable.collection', { treeDataProvider: provider, showCollapseAll: true });
  const groupBy = async () => {
    const current = provider.grouping;
    const pick = await vscode.window.showQuickPick(
      GROUPINGS.map((g) => ({ label: g.label, description: g.grouping === current ? 'current' : undefined, grouping: g.grouping })),
      { placeHolder: 'Group the Cables view by' },
    );
    if (pick) await provider.setGrouping(pick.grouping);
  };
  return [view, vscode.commands.registerCommand('cable.collection.groupBy', groupBy), vscode.commands.registerCommand('cable.collection.refresh', () => provider.refresh())];
}

/** How much of a text file's start the server is asked about: a cable's header, banner and fields come first. */
const DETECTION_PREFIX = 65_536;

/**
 * Opens a `.txt` file as a cable when the server finds that its text reads as one (`cable/readsAsCable`,
 * the check `cablelint` makes on `.txt` files), where `filenamePatterns` and `firstLine` cannot tell: a
 * name not shaped like a cable id (an archive named by hashes) and blank lines before the header. A file
 * the user then sets to another language keeps it: VS Code reports that change as the document closed and
 * opened again at once, while the URI is still in `switched`; a file really closed is looked at afresh when
 * opened again.
 */
function detectCablesInTextFiles(languageClient: LanguageClient): vscode.Disposable[] {
  const switched = new Set<string>();
  const consider = async (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    if (doc.languageId !== 'plaintext' || !doc.uri.path.toLowerCase().endsWith('.txt') || switched.has(key)) return;
    if (!vscode.workspace.getConfiguration('cable', doc).get<boolean>('detectTextFiles', true)) return;
    const text = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(DETECTION_PREFIX)));
    let reads = false;
    try {
      reads = await languageClient.sendRequest<boolean>('cable/readsAsCable', { text });
    } catch {
      // The server restarting: the file stays as it is.
    }
    if (!reads || doc.isClosed || doc.languageId !== 'plaintext' || switched.has(key)) return;
    switched.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(doc, 'cable');
    } catch {
      // Closed meanwhile.
    }
  };
  for (const doc of vscode.workspace.textDocuments) void consider(doc);
  return [
    vscode.workspace.onDidOpenTextDocument((doc) => void consider(doc)),
    // A language change closes and opens the document in one go: forget the URI only if it stays closed.
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      setTimeout(() => {
        if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) switched.delete(key);
      }, 0);
    }),
  ];
}

/** What the server's `cable/status` request answers (server/src/features/status.ts). */
interface CableStatus {
  readonly classification?: string;
  readonly caveats: readonly string[];
  readonly id?: string;
  readonly date?: string;
  readonly paragraphs: number;
  readonly bannerRange?: { start: { line: number; character: number } };
}

/** The last status shown, for "Cable: Go to Banner". */
let shownStatus: { uri: string; status: CableStatus } | undefined;

/**
 * The language status item (the `{}` beside "Cable" in the status bar, which the user may pin):
 * the classification of the cable in the active editor as its banner and caveat lines give it,
 * with its id, date and paragraph count. It follows the active editor and, shortly after, edits.
 */
function classificationStatus(languageClient: LanguageClient): vscode.Disposable[] {
  const item = vscode.languages.createLanguageStatusItem('cable.classification', { language: 'cable' });
  item.name = 'Cable classification';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const update = async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'cable') return;
    const ask = ++asked;
    let status: CableStatus | null = null;
    try {
      status = await languageClient.sendRequest<CableStatus | null>('cable/status', { textDocument: { uri: doc.uri.toString() } });
    } catch {
      // The server restarting: the next edit or editor change asks again.
    }
    // A newer request has been sent meanwhile: its answer is the one to show.
    if (ask !== asked) return;
    shownStatus = status ? { uri: doc.uri.toString(), status } : undefined;
    // An empty or binary document, or one the server does not hold yet: nothing to show.
    if (!status) {
      item.text = '$(shield) —';
      item.detail = 'No cable text yet';
      item.command = undefined;
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const details = [status.id, status.date, `${status.paragraphs} paragraph${status.paragraphs === 1 ? '' : 's'}`].filter(Boolean);
    if (status.classification) {
      item.text = `$(shield) ${[status.classification, ...status.caveats].join(' ')}`;
      item.severity = vscode.LanguageStatusSeverity.Information;
      item.command = { title: 'Go to Banner', command: 'cable.goToBanner' };
    } else {
      item.text = '$(shield) No banner';
      // The missing banner is a finding (CBL010) too; the item only says what the cable gives.
      item.severity = vscode.LanguageStatusSeverity.Warning;
      item.command = undefined;
    }
    item.detail = details.join(' · ');
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update(), 300);
  };
  void update();
  return [
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) later();
    }),
    { dispose: () => timer && clearTimeout(timer) },
  ];
}

/**
 * "Cable: New Cable" (also in File > New File…): an untitled cable holding the whole-cable snippet,
 * its fields to fill in one after another with Tab.
 */
async function newCable(): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'cable' });
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'cable', name: 'Cable with transmission header' });
}

/** "Cable: Go to Banner": the caret to the banner of the cable the language status describes. */
function goToBanner(): void {
  const editor = vscode.window.activeTextEditor;
  const at = shownStatus && editor?.document.uri.toString() === shownStatus.uri ? shownStatus.status.bannerRange?.start : undefined;
  if (!editor || !at) {
    void vscode.window.showInformationMessage('This cable has no banner.');
    return;
  }
  const position = new vscode.Position(at.line, at.character);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Flattens document symbols. */
function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children)]);
}

/** "Cable: Go to Paragraph…": a quick pick of the paragraphs in the outline. */
async function goToParagraph(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'cable') return;
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri)) ?? [];
  const paragraphs = flatten(symbols).filter((s) => s.name.startsWith('¶'));
  // An empty quick pick would say only "0 Results".
  if (paragraphs.length === 0) {
    void vscode.window.showInformationMessage('This cable has no numbered paragraphs.');
    return;
  }
  const pick = await vscode.window.showQuickPick(
    paragraphs.map((p) => ({ label: p.name, description: p.detail, symbol: p })),
    { placeHolder: 'Go to paragraph', matchOnDescription: true },
  );
  if (!pick) return;
  const at = pick.symbol.selectionRange.start;
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(pick.symbol.range, vscode.TextEditorRevealType.AtTop);
}

/**
 * "Cable: Show Cables Citing This One": references on the banner, in the references view. The banner's
 * code lens ("Cited by 2 cables") runs it with the URI of its document, which a visible editor shows.
 */
async function showCitingCables(uri?: string): Promise<void> {
  const editor = typeof uri === 'string' ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri) : vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'cable') return;
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri)) ?? [];
  const banner = symbols.find((s) => s.kind === vscode.SymbolKind.File);
  if (!banner) {
    void vscode.window.showInformationMessage('This cable has no banner, so it has no id to be cited by.');
    return;
  }
  const position = banner.selectionRange.start;
  const locations = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, position)) ?? [];
  // The references view shows nothing at all for no locations: say so instead.
  if (locations.length === 0) {
    void vscode.window.showInformationMessage(`No cable in the workspace cites ${banner.detail || 'this one'}.`);
    return;
  }
  await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, position, locations);
}
