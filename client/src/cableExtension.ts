/**
 * The VS Code side, for the desktop and the browser alike: activation, the language client that starts the bundled
 * server when a cable needs it, and the commands. Everything a cable means is answered by the server (lsp-sample
 * layout); this file only connects the two, shows the classification the server reads as language status, keeps the
 * Cables view, and opens as cables the `.txt` files whose text reads as one (`detect.ts`). The entries differ only in
 * how they start the server: `extension.ts` in a Node process (`languageClient.ts`), `browserExtension.ts` in a web
 * worker.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient, Location as ProtocolLocation } from 'vscode-languageclient';
// In the desktop bundle it is bundled on its own and loaded on first use (esbuild.mjs): the extension starts for every
// plain-text document, and loads the parser only for a `.txt` file.
import { DETECTION_PREFIX, textReadsAsCable } from './detect';
import { NEW_CABLE_SNIPPET, newCableSnippet } from './newCable';
import snippets from '../../snippets/cable.json';
// Small and without the parser: bundled into dist/client.js itself.
import { fileNameKind } from '../../server/src/core/id';
// Without vscode (unit-tested): the Cables view's grouping and sorting.
import { cableLabel, cableTooltip, citationPicks, draggedUriList, groupCollection, GROUPINGS, isGrouping, type CollectionEntry, type CollectionNode, type Grouping } from './collection';
// "Cable: Open Preview": the webview of the decoded cable.
import { CablePreview } from './preview';

let client: LanguageClient | undefined;
let extensionContext: vscode.ExtensionContext | undefined;
let started: Promise<LanguageClient> | undefined;

/** What the extension's `activate` returns: the Cables view's data, for the test-electron suite. */
export interface CableExtensionApi {
  /** The Cables view's provider, which hands out its tree. */
  readonly collection: CollectionProvider;
  /** The cable preview, whose panel the suite looks for. */
  readonly preview: CablePreview;
}

/** The Cables view's provider, which takes the language client when the server starts. */
let collection: CollectionProvider | undefined;

/**
 * Starts the language server with its "Cable" output channel, which the extension disposes of with it;
 * `beforeStart` gets the client before it starts, to register for the notifications the server sends first.
 */
export type StartLanguageClient = (context: vscode.ExtensionContext, beforeStart: (client: LanguageClient) => void) => Promise<LanguageClient>;

/** How this entry starts the server, given to {@link activateCable}. */
let startLanguageClient: StartLanguageClient | undefined;

/** Activates the extension, starting the server with `start` when a cable first needs it. */
export function activateCable(context: vscode.ExtensionContext, start: StartLanguageClient): CableExtensionApi {
  extensionContext = context;
  startLanguageClient = start;
  collection = new CollectionProvider(context.workspaceState);
  const preview = new CablePreview(ensureServer);
  context.subscriptions.push(
    collection,
    preview,
    ...collectionView(collection),
    vscode.commands.registerCommand('cable.goToParagraph', goToParagraph),
    vscode.commands.registerCommand('cable.showCitingCables', showCitingCables),
    vscode.commands.registerCommand('cable.showCitationHierarchy', showCitationHierarchy),
    vscode.commands.registerCommand('cable.goToBanner', goToBanner),
    vscode.commands.registerCommand('cable.newCable', newCable),
    vscode.commands.registerCommand('cable.exportMetadata', exportMetadata),
    vscode.commands.registerCommand('cable.insertCitation', insertCitation),
    vscode.languages.registerDocumentDropEditProvider({ language: 'cable' }, { provideDocumentDropEdits: dropCitations }),
    ...startServerWhenNeeded(),
    ...detectCablesInTextFiles(),
  );
  return { collection, preview };
}

/**
 * The language server, started on first need. The extension also starts for any plain-text document
 * (`onLanguage:plaintext`), to find hash-named cables by their text; a user who only ever opens notes
 * gets no server process (and no "Cable" output channel).
 */
function ensureServer(): Promise<LanguageClient> {
  started ??= startServer(extensionContext!);
  return started;
}

async function startServer(context: vscode.ExtensionContext): Promise<LanguageClient> {
  client = await startLanguageClient!(context, (languageClient) => collection?.connect(languageClient));
  context.subscriptions.push(...classificationStatus(client));
  return client;
}

/**
 * Starts the server at once when a cable is open or the workspace holds a file the index takes
 * (`cable.index.include`, as the `workspaceContains` activation events find them: the index serves
 * Go to Symbol in Workspace before any cable is opened), else when a cable is opened (a `.cable` file,
 * a `.txt` file switched by {@link detectCablesInTextFiles}, a new cable, a language set by hand) or a
 * workspace folder holding cables is added.
 */
function startServerWhenNeeded(): vscode.Disposable[] {
  const start = () => {
    if (started) return;
    ensureServer().catch((error: unknown) => void vscode.window.showErrorMessage(`The cable language server could not start: ${String(error)}`));
    for (const listener of listeners.splice(0)) listener.dispose();
  };
  const listeners: vscode.Disposable[] = [
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.languageId === 'cable' && !misnamedAsCable(doc)) start();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void workspaceHoldsCables().then((yes) => yes && start())),
  ];
  if (vscode.workspace.textDocuments.some((doc) => doc.languageId === 'cable' && !misnamedAsCable(doc))) start();
  else void workspaceHoldsCables().then((yes) => yes && start());
  return [{ dispose: () => listeners.splice(0).forEach((l) => l.dispose()) }];
}

/**
 * Whether a workspace folder holds a file `cable.index.include` takes: one search per glob, of a few files at most,
 * and as the index takes them, a `.txt` file under a name that is no cable id's (`2021Report2.txt`, which the
 * default globs match; a hash-named cable under a glob the user set for every `.txt` file) only when its text reads as a cable.
 */
async function workspaceHoldsCables(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  const config = vscode.workspace.getConfiguration('cable');
  const exclude = config.get<string[]>('index.exclude', []);
  const excludeGlob = exclude.length === 0 ? undefined : exclude.length === 1 ? exclude[0] : `{${exclude.join(',')}}`;
  for (const glob of config.get<string[]>('index.include', [])) {
    let found: vscode.Uri[];
    try {
      found = await vscode.workspace.findFiles(glob, excludeGlob, FILES_LOOKED_AT);
    } catch {
      // A glob the search cannot read: the next one.
      continue;
    }
    if (found.some((uri) => !uri.path.toLowerCase().endsWith('.txt') || nameIsCableId(uri.path))) return true;
    for (const uri of found) if (await fileReadsAsCable(uri)) return true;
  }
  return false;
}

/** How many files of each index glob {@link workspaceHoldsCables} looks at. */
const FILES_LOOKED_AT = 20;

/** Whether the start of the file at `uri` reads as a cable; false when it cannot be read. */
async function fileReadsAsCable(uri: vscode.Uri): Promise<boolean> {
  try {
    // A character is at most 3 bytes of UTF-8 (4 for a pair of UTF-16 units).
    const bytes = await vscode.workspace.fs.readFile(uri);
    return textReadsAsCable(new TextDecoder().decode(bytes.subarray(0, DETECTION_PREFIX * 3)));
  } catch {
    return false;
  }
}

/**
 * Opens a `.txt` file as a cable when its text reads as one (`textReadsAsCable`, the core's check that
 * `cablelint` makes on `.txt` files, run in the client so that no server starts for notes), where
 * `filenamePatterns` and `firstLine` cannot tell: a name not shaped like a cable id (an archive named by
 * hashes) and blank lines before the header. The other way, a `.txt` file those took for a cable by a name that
 * only looks like an id's (`2021Report2.txt`: a glob's `*` takes any characters) or by a `VZCZC` first line, whose
 * text does not read as one, is set back to plain text ({@link misnamedAsCable}). A file the user then sets to
 * another language keeps it: VS Code reports that change as the document closed and opened again at once, while
 * the URI is still in `switched`; a file really closed is looked at afresh when opened again.
 */
function detectCablesInTextFiles(): vscode.Disposable[] {
  const consider = async (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    if (switched.has(key)) return;
    let to: 'cable' | 'plaintext';
    if (doc.languageId === 'plaintext' && doc.uri.path.toLowerCase().endsWith('.txt')) {
      if (!vscode.workspace.getConfiguration('cable', doc).get<boolean>('detectTextFiles', true)) return;
      if (!documentReadsAsCable(doc)) return;
      to = 'cable';
    } else if (misnamedAsCable(doc)) {
      to = 'plaintext';
    } else {
      return;
    }
    switched.add(key);
    try {
      // Opened as a cable, it starts the server.
      await vscode.languages.setTextDocumentLanguage(doc, to);
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

/**
 * True when a path's file name is a cable id's, as `cablelint` and the index read names: `09PARIS1039.txt`,
 * PlusD's `2009PARIS1039.txt` and `09PARIS1039_a.txt`, or any `*.cable`. The manifest's `filenamePatterns` and
 * `workspaceContains` globs are looser (a glob's `[A-Z]*` is a capital and then any characters), and take
 * `2021Report2.txt` too.
 */
function nameIsCableId(path: string): boolean {
  return fileNameKind(path) === 'cable';
}

/** The URIs of the documents whose language {@link detectCablesInTextFiles} set, until they are really closed. */
const switched = new Set<string>();

/**
 * Whether VS Code opened `doc` as a cable where `cablelint` and the index would not take it: a `.txt` file whose name
 * is not a cable id's and whose text does not read as a cable (`2021Report2.txt`, which the `filenamePatterns` globs
 * match; notes whose first line starts `VZCZC`). Not with `cable.detectTextFiles` off, nor where
 * `files.associations` names the cable language, a choice the user made; nor once its language was switched (a
 * user who sets it to a cable again by hand keeps it, and the server starts for it).
 */
function misnamedAsCable(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'cable' || switched.has(doc.uri.toString()) || !doc.uri.path.toLowerCase().endsWith('.txt') || nameIsCableId(doc.uri.path)) return false;
  if (!vscode.workspace.getConfiguration('cable', doc).get<boolean>('detectTextFiles', true)) return false;
  const associations = vscode.workspace.getConfiguration('files', doc).get<Record<string, string>>('associations') ?? {};
  if (Object.values(associations).includes('cable')) return false;
  return !documentReadsAsCable(doc);
}

/** What {@link documentReadsAsCable} read, by document and version: a document opened is asked about by two listeners. */
const readings = new WeakMap<vscode.TextDocument, { readonly version: number; readonly reads: boolean }>();

/** Whether the start of `doc` reads as a cable (`textReadsAsCable`), read once a version. */
function documentReadsAsCable(doc: vscode.TextDocument): boolean {
  const known = readings.get(doc);
  if (known && known.version === doc.version) return known.reads;
  const reads = textReadsAsCable(doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(DETECTION_PREFIX))));
  readings.set(doc, { version: doc.version, reads });
  return reads;
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
  #client: LanguageClient | undefined;
  readonly #state: vscode.Memento;
  readonly #changed = new vscode.EventEmitter<CollectionNode | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  #top: Promise<CollectionNode[]> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(state: vscode.Memento) {
    this.#state = state;
  }

  /**
   * Takes the language client as the server starts, before it runs: the server says `cable/indexed` as soon as it
   * has read the workspace. Until then the view lists nothing (and is hidden: no cable is known).
   */
  connect(languageClient: LanguageClient): void {
    this.#client = languageClient;
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
    if (!this.#client) return [];
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
    item.description = node.description;
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
  // A cable dragged from the view carries its file, as one from the Explorer does: dropped into a cable, it is cited.
  const dragAndDropController: vscode.TreeDragAndDropController<CollectionNode> = {
    dragMimeTypes: ['text/uri-list'],
    dropMimeTypes: [],
    handleDrag(nodes, dataTransfer) {
      const list = draggedUriList(nodes);
      if (list) dataTransfer.set('text/uri-list', new vscode.DataTransferItem(list));
    },
  };
  const view = vscode.window.createTreeView('cable.collection', { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true, dragAndDropController });
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

/** What the server's `cable/dropCitations` request answers (server/src/features/drop.ts). */
interface DropCitations {
  readonly text: string;
  readonly kind: 'refItems' | 'refField' | 'inTextReference' | 'citations';
}

/**
 * Cable files dropped into a cable (from the Explorer or the Cables view, with Shift held as VS Code asks for a drop
 * into an editor) go in as the server reads the drop's place (`cable/dropCitations`): the REF field's next items, a REF
 * field, an in-text reference to the items citing them, or their citations. Files the workspace index does not hold as
 * cables are left to the editor, which inserts their paths as for any file.
 */
async function dropCitations(document: vscode.TextDocument, position: vscode.Position, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<vscode.DocumentDropEdit | undefined> {
  const list = dataTransfer.get('text/uri-list');
  if (!list || !client) return undefined;
  // RFC 2483: a URI a line; lines opening with "#" are comments.
  const uris = (await list.asString())
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (uris.length === 0 || token.isCancellationRequested) return undefined;
  let answer: DropCitations | null = null;
  try {
    answer = await client.sendRequest<DropCitations | null>('cable/dropCitations', { textDocument: { uri: document.uri.toString() }, position: { line: position.line, character: position.character }, uris }, token);
  } catch {
    // Cancelled, or the server restarting: the editor's own drop.
    return undefined;
  }
  return answer ? new vscode.DocumentDropEdit(answer.text) : undefined;
}

/**
 * **Cable: Insert Citation…**, the keyboard's way to Drop to cite (as Markdown's "Insert Link to File in Workspace" is to its
 * drop): a quick pick of the workspace index's cables, several at once, which go in at the cursor as they would if dropped
 * there (`cable/dropCitations`): the REF field's next items, the field itself, an in-text reference or their citations.
 */
async function insertCitation(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'cable') {
    void vscode.window.showInformationMessage('Open a cable to insert a citation into.');
    return;
  }
  const languageClient = await ensureServer();
  const document = editor.document;
  let picks: ReturnType<typeof citationPicks>;
  try {
    picks = citationPicks(await languageClient.sendRequest<CollectionEntry[]>('cable/collection'), document.uri.toString());
  } catch {
    // The server restarting.
    return;
  }
  if (picks.length === 0) {
    void vscode.window.showInformationMessage('There is no other cable in the workspace to cite.');
    return;
  }
  const chosen = await vscode.window.showQuickPick(picks, { canPickMany: true, matchOnDescription: true, title: 'Insert Citation', placeHolder: 'Cables to cite at the cursor (type an id or words of a subject)' });
  // The editor the pick returns to, which may be another than the one it was opened over (a tab closed and reopened).
  const target = vscode.window.activeTextEditor;
  if (!chosen || chosen.length === 0 || target?.document !== document) return;
  // Asked again when the text changes before the answer comes: it was read from a text no longer there.
  for (let attempt = 0; attempt < 3; attempt++) {
    const position = target.selection.active;
    const version = document.version;
    let answer: DropCitations | null;
    try {
      answer = await languageClient.sendRequest<DropCitations | null>('cable/dropCitations', { textDocument: { uri: document.uri.toString() }, position: { line: position.line, character: position.character }, uris: chosen.map((p) => p.uri) });
    } catch {
      return;
    }
    if (!answer) {
      void vscode.window.showInformationMessage('None of these cables can be cited from this one: each is this cable, or has no year in its id.');
      return;
    }
    const text = answer.text;
    if (document.version === version) {
      await target.edit((edit) => edit.insert(position, text));
      return;
    }
  }
  void vscode.window.showInformationMessage('The cable kept changing while the citation was read; nothing was inserted. Try again.');
}

/** What the server's `cable/status` request answers (server/src/features/status.ts). */
interface CableStatus {
  readonly classification?: string;
  readonly caveats: readonly string[];
  readonly id?: string;
  readonly idFromFileName?: true;
  readonly date?: string;
  readonly paragraphs: number;
  readonly bannerRange?: { start: { line: number; character: number } };
}

/** The last status shown, for "Cable: Go to Banner". */
let shownStatus: { uri: string; status: CableStatus } | undefined;

/**
 * The language status item (the `{}` beside "Cable" in the status bar, which the user may pin):
 * the classification of the cable in the active editor as its banner and caveat lines give it,
 * with its id, date and paragraph count. It follows the active editor and, shortly after, edits and a document
 * the active editor shows becoming a cable.
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
    // A partial extract without a header gives no id: the file name's is shown, as the Cables view shows it, and said to be.
    const id = status.id && status.idFromFileName ? `${status.id} (from the file name)` : status.id;
    const details = [id, status.date, `${status.paragraphs} paragraph${status.paragraphs === 1 ? '' : 's'}`].filter(Boolean);
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
    // A `.txt` file opened as plain text and then switched to a cable (detectCablesInTextFiles) is closed and opened
    // again in the same editor, which fires no editor change: without this the item, shown again for the cable, kept
    // the last cable's classification and id. The server gets the document on the same event: ask shortly after.
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.languageId === 'cable' && doc.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) later();
    }),
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
  const editor = await vscode.window.showTextDocument(doc);
  // Dated now in UTC, the DE line's day of year with it (newCable.ts): the snippet's own variables give neither.
  await editor.insertSnippet(new vscode.SnippetString(newCableSnippet(snippets[NEW_CABLE_SNIPPET].body, new Date())));
}

/** What the server's `cable/extract` request answers. */
interface Extracted {
  readonly text: string;
  readonly count: number;
  readonly skipped: readonly string[];
}

/**
 * "Cable: Export Metadata of Workspace Cables…" (also in the Cables view's title bar): the records `cablelint extract`
 * prints, one per cable of the workspace index (open cables as edited), in CSV or JSON Lines, in an untitled
 * document the user saves where they like. `format` ("csv" or "jsonl") skips the question.
 */
async function exportMetadata(format?: unknown): Promise<void> {
  const chosen =
    format === 'csv' || format === 'jsonl'
      ? format
      : (await vscode.window.showQuickPick(
          [
            { label: 'CSV', description: 'one row per cable, under a header row', format: 'csv' },
            { label: 'JSON Lines', description: 'one JSON object per cable', format: 'jsonl' },
          ],
          { placeHolder: "Export the metadata of the workspace's cables as" },
        ))?.format;
  if (!chosen) return;
  const languageClient = await ensureServer();
  let result: Extracted;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Exporting cable metadata', cancellable: true }, (_, token) =>
      languageClient.sendRequest<Extracted>('cable/extract', { format: chosen }, token),
    );
  } catch {
    // Cancelled, or the server restarting.
    return;
  }
  if (result.count === 0 && result.skipped.length === 0) {
    void vscode.window.showInformationMessage('There is no cable in the workspace to export.');
    return;
  }
  // A CSV or JSON Lines language only where an extension or VS Code has one.
  const languages = await vscode.languages.getLanguages();
  const language = chosen === 'csv' ? (languages.includes('csv') ? 'csv' : 'plaintext') : languages.includes('jsonl') ? 'jsonl' : 'plaintext';
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: result.text, language }));
  if (result.skipped.length > 0) {
    const n = result.skipped.length;
    void vscode.window.showWarningMessage(`${n} cable file${n === 1 ? '' : 's'} could not be read and ${n === 1 ? 'is' : 'are'} not in the export: ${result.skipped.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}`);
  }
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

/** Stops the language server. */
export async function deactivateCable(): Promise<void> {
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
  // A cable open has started the server already; the symbols come from it.
  await ensureServer();
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
 * "Cable: Show Citation Hierarchy": VS Code's call hierarchy at the caret, which the server answers with the citation
 * graph ("Callers Of" lists the cables citing this one, "Calls From" the cables it cites). The references view shows
 * it as a tree in the side bar (`references-view.showCallHierarchy`, the built-in extension's command behind
 * Shift+Alt+H); without that extension, the editor's own peek (`editor.showCallHierarchy`).
 */
async function showCitationHierarchy(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'cable') return;
  await ensureServer();
  // The references view's command is registered only once that extension activates, which running it does, so it is
  // not listed by getCommands before: run it, and fall back when it is missing (the extension disabled).
  try {
    await vscode.commands.executeCommand('references-view.showCallHierarchy');
  } catch {
    await vscode.commands.executeCommand('editor.showCallHierarchy');
  }
}

/**
 * "Cable: Show Cables Citing This One": references on the banner, in the references view. The banner's
 * code lens ("Cited by 2 cables") runs it with the URI of its document, which a visible editor shows.
 */
async function showCitingCables(uri?: string): Promise<void> {
  const editor = typeof uri === 'string' ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri) : vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'cable') return;
  // A cable open has started the server already; the symbols come from it.
  const languageClient = await ensureServer();
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri)) ?? [];
  const banner = symbols.find((s) => s.kind === vscode.SymbolKind.File);
  // A cable without a banner may still be cited by the id its file name gives: the server answers at its first line.
  const position = banner ? banner.selectionRange.start : new vscode.Position(0, 0);
  // The citing places only: without the declaration, which VS Code's own reference command always asks for, and which
  // is the cable's own banner (and its other files').
  let locations: vscode.Location[];
  try {
    const found = await languageClient.sendRequest<ProtocolLocation[] | null>('textDocument/references', {
      textDocument: { uri: editor.document.uri.toString() },
      position: { line: position.line, character: position.character },
      context: { includeDeclaration: false },
    });
    locations = (await languageClient.protocol2CodeConverter.asReferences(found)) ?? [];
  } catch {
    // The server restarting.
    return;
  }
  // The references view shows nothing at all for no locations: say so instead.
  if (locations.length === 0) {
    void vscode.window.showInformationMessage(`No cable in the workspace cites ${banner?.detail || 'this one'}.`);
    return;
  }
  await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, position, locations);
}
