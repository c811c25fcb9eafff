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

/** Activates a fresh copy of dist/client.js with these documents open; says what it did and which chunks it loaded. */
async function activate(docs: FakeDocument[], settings: Record<string, unknown> = {}, workspaceFiles = 0, editor?: FakeEditor) {
  const switched: string[] = [];
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
        return Array.from({ length: workspaceFiles }, () => ({}));
      },
      getConfiguration: () => ({ get: (key: string) => (key in settings ? settings[key] : defaults[`cable.${key}`]) }),
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
    loader._load = load;
  }
  return { switched, searched, required };
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
