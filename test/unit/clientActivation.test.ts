/**
 * The bundled client (dist/client.js) activated with a stand-in for the `vscode` module, as the extension starts
 * for a plain-text document: it opens a `.txt` cable as a cable, leaves notes alone, loads the parser only for a
 * `.txt` file, and loads the language client (and starts a server) only when a cable needs it.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { ROOT } from '../helpers';

const DIST = path.join(ROOT, 'dist');
const loadBundle = Module.createRequire(__filename);
const CHUNKS = ['client.js', 'client-detect.js', 'client-lsp.js'].map((f) => path.join(DIST, f));

interface FakeDocument {
  readonly uri: { readonly path: string; toString(): string };
  languageId: string;
  readonly isClosed: boolean;
  getText(): string;
  positionAt(offset: number): number;
}

function document(file: string, languageId: string, text: string): FakeDocument {
  return { uri: { path: file, toString: () => `file://${file}` }, languageId, isClosed: false, getText: () => text, positionAt: (offset) => offset };
}

/**
 * A stand-in for the editor around the language status item: the active editor's document, the listeners the client
 * registers, and the item it creates. With it the language client "starts" and answers `cable/status` with
 * `statusOf(uri)`.
 */
interface FakeEditor {
  active?: FakeDocument;
  item?: { text: string; detail?: string };
  readonly listeners: { open: ((doc: FakeDocument) => void)[]; activeEditor: (() => void)[] };
  statusOf(uri: string): unknown;
}

/** Puts back the module loader an activation with an editor left replaced. */
let restoreLoader: (() => void) | undefined;

/** Activates a fresh copy of dist/client.js with these documents open; says what it did and which chunks it loaded. */
async function activate(docs: FakeDocument[], settings: Record<string, unknown> = {}, workspaceFiles: number | Record<string, string> = 0, editor?: FakeEditor) {
  const switched: string[] = [];
  const read: string[] = [];
  const searched: string[] = [];
  const disposable = { dispose: () => {} };
  const vscode = {
    Position: class {},
    Range: class {},
    EventEmitter: class {
      event = () => disposable;
      fire() {}
      dispose() {}
    },
    commands: { registerCommand: () => disposable },
    LanguageStatusSeverity: { Information: 0, Warning: 1, Error: 2 },
    languages: {
      registerDocumentDropEditProvider: () => disposable,
      createLanguageStatusItem: () => {
        const item = { text: '', dispose: () => {} };
        if (editor) editor.item = item;
        return item;
      },
      setTextDocumentLanguage: async (doc: FakeDocument, languageId: string) => {
        switched.push(`${path.basename(doc.uri.path)} ${languageId}`);
        return doc;
      },
    },
    window: {
      showErrorMessage: () => undefined,
      createTreeView: () => disposable,
      registerWebviewPanelSerializer: () => disposable,
      get activeTextEditor() {
        return editor?.active ? { document: editor.active } : undefined;
      },
      onDidChangeActiveTextEditor: (listener: () => void) => {
        editor?.listeners.activeEditor.push(listener);
        return disposable;
      },
      onDidChangeTextEditorVisibleRanges: () => disposable,
      onDidChangeTextEditorSelection: () => disposable,
    },
    workspace: {
      textDocuments: docs,
      workspaceFolders: [{ uri: { path: '/ws' } }],
      findFiles: async (glob: string) => {
        searched.push(glob);
        return typeof workspaceFiles === 'number' ? Array.from({ length: workspaceFiles }, () => ({ path: '/ws/09VALLETTA412.txt' })) : Object.keys(workspaceFiles).map((file) => ({ path: file }));
      },
      fs: {
        readFile: async (uri: { path: string }) => {
          read.push(uri.path);
          return new TextEncoder().encode((workspaceFiles as Record<string, string>)[uri.path]);
        },
      },
      // `settings` names the cable settings by their keys alone (`detectTextFiles`), others in full (`files.associations`).
      getConfiguration: (section: string) => ({ get: (key: string) => (section === 'cable' && key in settings ? settings[key] : `${section}.${key}` in settings ? settings[`${section}.${key}`] : defaults[`${section}.${key}`]) }),
      onDidOpenTextDocument: (listener: (doc: FakeDocument) => void) => {
        editor?.listeners.open.push(listener);
        return disposable;
      },
      onDidChangeTextDocument: () => disposable,
      onDidCloseTextDocument: () => disposable,
      onDidChangeWorkspaceFolders: () => disposable,
      onDidChangeConfiguration: () => disposable,
    },
  };
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  const required: string[] = [];
  loader._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return vscode;
    if (request === './client-lsp.js') {
      required.push(request);
      // The server is not started here: the language client is only seen being loaded, or, with an editor, answers
      // the status request.
      if (editor) return { startLanguageClient: async () => ({ sendRequest: async (_method: string, params: { textDocument: { uri: string } }) => editor.statusOf(params.textDocument.uri) }) };
      return { startLanguageClient: () => new Promise(() => {}) };
    }
    if (request.startsWith('./client-')) required.push(request);
    return load.call(this, request, ...rest);
  };
  try {
    for (const chunk of CHUNKS) delete require.cache[chunk];
    // Loaded as VS Code loads it, a CommonJS bundle.
    const client = loadBundle(path.join(DIST, 'client.js')) as { activate(context: { subscriptions: unknown[]; workspaceState: unknown }): void };
    client.activate({ subscriptions: [], workspaceState: { get: () => undefined, update: async () => {} } });
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    // With an editor, the language client may be loaded later, on an event the test fires: the stand-in stays until
    // the test ends.
    if (editor) restoreLoader = () => (loader._load = load);
    else loader._load = load;
  }
  return { switched, searched, required, read };
}

/** The settings' defaults, as VS Code gives them from the manifest. */
const defaults: Record<string, unknown> = Object.fromEntries(
  Object.entries(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties as Record<string, { default: unknown }>).map(([k, v]) => [k, v.default]),
);

const cable = fs.readFileSync(path.join(ROOT, 'test/vscode/workspace/b7e2c91f04.txt'), 'utf8');
const notes = 'Reading notes\n\nTAGS and SUBJECT lines are checked by the reviewers.\n';

describe('client bundle: activation', () => {
  before(function () {
    this.timeout(120_000);
    if (!CHUNKS.every((f) => fs.existsSync(f))) execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  });
  afterEach(() => {
    restoreLoader?.();
    restoreLoader = undefined;
  });
  after(() => {
    for (const chunk of CHUNKS) delete require.cache[chunk];
  });

  it('opens a hash-named .txt cable as a cable and leaves notes alone, without the language client', async () => {
    const done = await activate([document('/ws/000_4e0f164468ec0923.txt', 'plaintext', cable), document('/ws/notes.txt', 'plaintext', notes)]);
    assert.deepEqual(done.switched, ['000_4e0f164468ec0923.txt cable']);
    assert.deepEqual(done.required, ['./client-detect.js']);
    // No cable in the workspace: the index globs are looked for, and nothing starts.
    assert.deepEqual(done.searched, ['**/*.cable', '**/[0-9][0-9][A-Z]*[0-9].txt', '**/[0-9][0-9][A-Z]*[0-9]_[a-z].txt', '**/[12][09][0-9][0-9][A-Z]*[0-9].txt', '**/[12][09][0-9][0-9][A-Z]*[0-9]_[a-z].txt']);
  });

  it('sets back to plain text a .txt file opened as a cable by a name only shaped like an id, or a VZCZC first line, whose text is no cable', async () => {
    // VS Code's globs take these names (`[A-Z]*` is a capital and then anything) and its firstLine pattern this text.
    const vzczcNotes = 'VZCZC lines open the transmission header; see the notes below.\n\nAsk which copies keep it.\n';
    const done = await activate([document('/ws/2021Report2.txt', 'cable', notes), document('/ws/10K filing 2019.txt', 'cable', notes), document('/ws/header notes.txt', 'cable', vzczcNotes)]);
    assert.deepEqual(done.switched, ['2021Report2.txt plaintext', '10K filing 2019.txt plaintext', 'header notes.txt plaintext']);
    // No server starts for them.
    assert.deepEqual(done.required, ['./client-detect.js']);
  });

  it('keeps as a cable a .txt file named by a cable id, one whose text reads as a cable, and any .txt file where files.associations chose the cable language', async () => {
    // An empty file named as a cable is one being written.
    const named = await activate([document('/ws/09PARIS1039.txt', 'cable', ''), document('/ws/2009PARIS1039.txt', 'cable', notes), document('/ws/05STATE226504_a.txt', 'cable', notes)]);
    assert.deepEqual(named.switched, []);
    assert.ok(named.required.includes('./client-lsp.js'));
    const reads = await activate([document('/ws/2021Report2.txt', 'cable', cable)]);
    assert.deepEqual(reads.switched, []);
    assert.ok(reads.required.includes('./client-lsp.js'));
    assert.deepEqual((await activate([document('/ws/2021Report2.txt', 'cable', notes)], { 'files.associations': { '*.txt': 'cable' } })).switched, []);
    assert.deepEqual((await activate([document('/ws/2021Report2.txt', 'cable', notes)], { detectTextFiles: false })).switched, []);
  });

  it('starts no server for a workspace whose only file the index globs match is notes under a name shaped like an id; reads such files, and starts it for one that reads as a cable', async () => {
    const notesOnly = await activate([document('/ws/notes.txt', 'plaintext', notes)], {}, { '/ws/2021Report2.txt': notes });
    assert.deepEqual(notesOnly.required, ['./client-detect.js']);
    assert.ok(notesOnly.read.length > 0 && notesOnly.read.every((f) => f === '/ws/2021Report2.txt'), notesOnly.read.join());
    // A user's glob for every .txt file, in an archive named by hashes: the cable among the notes starts it.
    const archive = await activate([document('/ws/notes.txt', 'plaintext', notes)], { 'index.include': ['**/*.txt'] }, { '/ws/README.txt': notes, '/ws/000_4e0f164468ec0923.txt': cable });
    assert.deepEqual(archive.required, ['./client-detect.js', './client-lsp.js']);
    assert.deepEqual(archive.read, ['/ws/README.txt', '/ws/000_4e0f164468ec0923.txt']);
    // A name that is a cable id is enough: nothing is read.
    const named = await activate([document('/ws/notes.txt', 'plaintext', notes)], {}, { '/ws/2021Report2.txt': notes, '/ws/2009PARIS1039.txt': '' });
    assert.deepEqual(named.required, ['./client-detect.js', './client-lsp.js']);
    assert.deepEqual(named.read, []);
  });

  it('a file set back to plain text and then set to a cable by hand stays a cable, and the server starts for it', async () => {
    const report = document('/ws/2021Report2.txt', 'cable', notes);
    const editor: FakeEditor = { active: report, listeners: { open: [], activeEditor: [] }, statusOf: () => null };
    const done = await activate([report], {}, 0, editor);
    assert.deepEqual(done.switched, ['2021Report2.txt plaintext']);
    assert.deepEqual(done.required, ['./client-detect.js']);
    // VS Code closes and opens it again as plain text, then again as a cable when the user picks the language.
    report.languageId = 'plaintext';
    for (const listener of editor.listeners.open) listener(report);
    report.languageId = 'cable';
    for (const listener of editor.listeners.open) listener(report);
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(done.switched, ['2021Report2.txt plaintext']);
    assert.deepEqual(done.required, ['./client-detect.js', './client-lsp.js']);
  });

  it('loads neither the parser nor the language client for plain text that is no .txt file', async () => {
    const done = await activate([document('/Untitled-1', 'plaintext', cable)]);
    assert.deepEqual(done.switched, []);
    assert.deepEqual(done.required, []);
  });

  it('with cable.detectTextFiles off switches nothing and loads nothing', async () => {
    const done = await activate([document('/ws/000_4e0f164468ec0923.txt', 'plaintext', cable)], { detectTextFiles: false });
    assert.deepEqual(done.switched, []);
    assert.deepEqual(done.required, []);
  });

  it('starts the server at once when a cable is open, or when the workspace holds a file the index takes', async () => {
    assert.deepEqual((await activate([document('/ws/09VALLETTA412.cable', 'cable', cable)])).required, ['./client-lsp.js']);
    assert.deepEqual((await activate([document('/ws/notes.txt', 'plaintext', notes)], {}, 1)).required, ['./client-detect.js', './client-lsp.js']);
  });

  it('the language status follows a .txt file switched to a cable in the active editor, not the cable shown before it', async function () {
    this.timeout(10_000);
    const first = document('/ws/09VALLETTA412.cable', 'cable', cable);
    const statuses: Record<string, unknown> = {
      'file:///ws/09VALLETTA412.cable': { classification: 'SECRET', caveats: ['NOFORN'], id: '09VALLETTA412', paragraphs: 5 },
      'file:///ws/000_4e0f164468ec0923.txt': { classification: 'CONFIDENTIAL', caveats: [], id: '09NOWHERE17', paragraphs: 2 },
    };
    const editor: FakeEditor = { active: first, listeners: { open: [], activeEditor: [] }, statusOf: (uri) => statuses[uri] ?? null };
    await activate([first], {}, 0, editor);
    assert.match(editor.item?.text ?? '', /SECRET NOFORN/);
    // A hash-named file opens as plain text in a new editor, then VS Code closes and opens it again as a cable.
    const txt = document('/ws/000_4e0f164468ec0923.txt', 'plaintext', cable);
    editor.active = txt;
    for (const listener of editor.listeners.activeEditor) listener();
    txt.languageId = 'cable';
    for (const listener of editor.listeners.open) listener(txt);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(editor.item?.text, '$(shield) CONFIDENTIAL');
    assert.match(editor.item?.detail ?? '', /^09NOWHERE17 · 2 paragraphs$/);
  });
});
