/**
 * The workspace's closed cables read through the client (server/src/workspace/clientFiles.ts): the browser bundle
 * (dist/server.js where there is no Node, which has no file system) run in a stand-in for a web worker's global scope, as in
 * test/unit/webBundles.test.ts, with a client that answers `cable/listFiles` and `cable/readFiles` from a map of
 * invented files, or fails, or never answers; and the Node server (dist/server.js) in a virtual folder
 * (`vscode-vfs:`), which reads its `.cablelint.jsonc` and closed cables through the client the same way.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits } from '../../server/src/core/fix';
import { ROOT, runWebServer } from '../helpers';
import { CODE_ACTION_LITERALS, ensureBuilt, startServer } from './client';

const FOLDER = 'vscode-vfs://github/archive/cables';
const at = (name: string) => `${FOLDER}/${name}`;
const SAMPLE = fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09VALLETTA412.cable'), 'utf8');
/** An invented earlier cable that the Valletta sample cites as REF A (`REF: A. VALLETTA 388`). */
const CITED =
  'P 200900Z MAY 09\nFM AMEMBASSY VALLETTA\nTO RUEHC/SECSTATE WASHDC PRIORITY 3101\n\nC O N F I D E N T I A L VALLETTA 000388\n\nSIPDIS\n\nE.O. 12958: DECL: 05/20/2019\nTAGS: PREL MT\nSUBJECT: HARBOR AUTHORITY NAMES A NEW DIRECTOR\n\nClassified By: Ambassador Ruth Calloway for reasons 1.4 (b).\n\n¶1. (C) Text.\nCALLOWAY\n';
/** An invented cable numbered `n` from Tallinn, its subject naming the number. */
const tallinn = (n: number) =>
  `P 0${(n % 9) + 1}0900Z MAR 10\nFM AMEMBASSY TALLINN\nTO RUEHC/SECSTATE WASHDC 0${n}\n\nU N C L A S S I F I E D TALLINN 0000${String(n).padStart(2, '0')}\n\nE.O. 12958: N/A\nTAGS: ECON EN\nSUBJECT: FERRY NOTE NUMBER ${n}\n\n¶1. (U) Text.\nSMITH\n`;
const tallinnName = (n: number) => `10TALLINN${n}.cable`;

/** What the stand-in client answers a request with: a value, an error, or nothing ever. */
const NEVER = Symbol('never');
type Answer = unknown | Error | typeof NEVER;

interface Message {
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
}

/** The browser server in a stand-in worker scope, spoken to as an LSP client that answers its requests with `answer`. */
function startWorker(answer: (method: string, params: unknown) => Answer) {
  const posted: Message[] = [];
  const self: { onmessage?: (event: { data: unknown }) => void; addEventListener(): void; postMessage(message: Message): void } = {
    addEventListener: () => undefined,
    postMessage: (sent) => {
      // A worker's messages are copies (structured clones), made in this realm: the assertions compare them with its arrays.
      const message = JSON.parse(JSON.stringify(sent)) as Message;
      posted.push(message);
      if (message.method === undefined || message.id === undefined) return;
      const reply = answer(message.method, message.params);
      if (reply === NEVER) return;
      // Answered after the server's current turn, as a real client's answer comes.
      setTimeout(() => {
        const data = reply instanceof Error ? { jsonrpc: '2.0', id: message.id, error: { code: -32603, message: reply.message } } : { jsonrpc: '2.0', id: message.id, result: reply ?? null };
        self.onmessage!({ data });
      }, 1);
    },
  };
  const sandbox: Record<string, unknown> = { self, console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, TextEncoder, TextDecoder, performance };
  sandbox.globalThis = sandbox;
  runWebServer(sandbox);
  let nextId = 1000;
  const send = (data: object) => self.onmessage!({ data: { jsonrpc: '2.0', ...data } });
  /** The first message posted that `pick` takes, waited for up to `ms`. */
  const waitFor = async (what: string, pick: (m: Message) => boolean, ms = 10000): Promise<Message> => {
    const until = Date.now() + ms;
    for (;;) {
      const found = posted.find(pick);
      if (found) return found;
      if (Date.now() > until) throw new Error(`no ${what} within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return {
    posted,
    notify: (method: string, params: unknown) => send({ method, params }),
    /** Sends a request and waits up to `ms` for its reply. */
    async request<T>(method: string, params: unknown, ms?: number): Promise<T> {
      const id = nextId++;
      send({ id, method, params });
      return (await waitFor(`reply to ${method}`, (m) => m.id === id && m.method === undefined, ms)).result as T;
    },
    waitFor,
    /** The messages the server wrote to the output. */
    logs: () => posted.filter((m) => m.method === 'window/logMessage').map((m) => (m.params as { message: string }).message),
    /** The params of the requests of `method` the server sent. */
    asked: (method: string) => posted.filter((m) => m.method === method && m.id !== undefined).map((m) => m.params),
  };
}

type Worker = ReturnType<typeof startWorker>;

/** Initializes `worker` on the virtual folder, offering `initializationOptions`, with the `cable` settings `cable`, and opens the Valletta sample. */
async function initialize(worker: Worker, initializationOptions: object): Promise<void> {
  await worker.request('initialize', { processId: null, rootUri: FOLDER, workspaceFolders: [{ uri: FOLDER, name: 'cables' }], initializationOptions, capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { codeAction: CODE_ACTION_LITERALS } } });
  worker.notify('initialized', {});
  worker.notify('textDocument/didOpen', { textDocument: { uri: at('09VALLETTA412.cable'), languageId: 'cable', version: 1, text: SAMPLE } });
  await worker.waitFor('diagnostics of the open cable', (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === at('09VALLETTA412.cable'));
}

/** A client that lists and reads `files` (name → text) in the virtual folder, with the `cable` settings `cable`. */
function serving(files: Record<string, string>, cable: object = {}) {
  return (method: string, params: unknown): Answer => {
    if (method === 'workspace/configuration') return (params as { items: unknown[] }).items.map(() => cable);
    if (method === 'cable/listFiles') return { uris: Object.keys(files).map(at) };
    if (method === 'cable/readFiles') return (params as { uris: string[] }).uris.map((u) => files[u.slice(FOLDER.length + 1)] ?? null);
    return null;
  };
}

const OFFER = { readFiles: true, listFiles: true };
/** An invented cable with a finding (CBL026, a pilcrow artifact), for "Disable rule in this file". */
const ARTIFACT = fs.readFileSync(path.join(ROOT, 'test/fixtures/rules/cbl026-pilcrow-artifact.bad.cable'), 'utf8');

interface TextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}
interface DisableAction {
  title: string;
  edit: { changes?: Record<string, TextEdit[]>; documentChanges?: ({ kind: string; uri: string } | { textDocument: { uri: string }; edits: TextEdit[] })[] };
}
/** The JSON of a `.cablelint.jsonc` text, its line comments dropped. */
const configJson = (text: string): unknown => JSON.parse(text.replace(/\/\/.*$/gm, ''));
const symbolNames = async (worker: Worker, query: string, ms?: number) => (await worker.request<{ name: string }[]>('workspace/symbol', { query }, ms)).map((s) => s.name);

describe('closed cables read through the client', function () {
  this.timeout(30000);
  before(() => ensureBuilt());

  it('the browser server indexes the closed cables the client lists and reads: a workspace symbol finds one, and a REF to it links', async () => {
    const worker = startWorker(serving({ '09VALLETTA412.cable': SAMPLE, '09VALLETTA388.cable': CITED, 'notes.md': 'not a cable' }));
    await initialize(worker, OFFER);
    await worker.waitFor('cable/indexed', (m) => m.method === 'cable/indexed' && (m.params as { count: number }).count >= 2);
    assert.deepEqual(await symbolNames(worker, 'VALLETTA 388'), ['09VALLETTA388: HARBOR AUTHORITY NAMES A NEW DIRECTOR']);
    const links = await worker.request<{ target: string }[]>('textDocument/documentLink', { textDocument: { uri: at('09VALLETTA412.cable') } });
    assert.ok(links.some((l) => l.target === at('09VALLETTA388.cable')), JSON.stringify(links));
    // The open cable is not read through the client: the editor's text stands. The listing asks for the index globs.
    const read = worker.asked('cable/readFiles') as { uris: string[]; maxBytes: number }[];
    assert.deepEqual(read.map((p) => p.uris), [[at('09VALLETTA388.cable')]]);
    assert.equal(read[0].maxBytes, 50_000_000);
    const list = worker.asked('cable/listFiles') as { folders: string[]; include: string[]; exclude: string[]; maxResults: number }[];
    assert.deepEqual(list, [{ folders: [FOLDER], include: ['**/*.cable', '**/[0-9][0-9][A-Z]*[0-9].txt', '**/[0-9][0-9][A-Z]*[0-9]_[a-z].txt', '**/[12][09][0-9][0-9][A-Z]*[0-9].txt', '**/[12][09][0-9][0-9][A-Z]*[0-9]_[a-z].txt'], exclude: ['**/node_modules/**', '**/.git/**'], maxResults: 2001 }]);
    assert.ok(worker.logs().some((l) => /^Indexed 1 cable files read through the editor in \d+ ms\.$/.test(l)), worker.logs().join('\n'));
    // The metadata export reads the closed cable through the client again (the index keeps no text).
    const exported = await worker.request<{ text: string; count: number; skipped: string[] }>('cable/extract', { format: 'jsonl' });
    assert.deepEqual([exported.count, exported.skipped], [2, []]);
    assert.match(exported.text, /HARBOR AUTHORITY NAMES A NEW DIRECTOR/);
  });

  it('takes the index globs of the settings from an array, its strings that are not empty; the default for any other value', async () => {
    // A string was walked letter by letter as globs ("*" took in every file at the top), a number failed in picomatch.
    const worker = startWorker(serving({ '09VALLETTA388.cable': CITED, 'drafts/10TALLINN1.cable': tallinn(1) }, { index: { include: '**/*.cable', exclude: ['', 7, '**/drafts/**'] } }));
    await initialize(worker, OFFER);
    await worker.waitFor('cable/indexed', (m) => m.method === 'cable/indexed' && (m.params as { count: number }).count >= 2);
    const list = worker.asked('cable/listFiles') as { include: string[]; exclude: string[] }[];
    assert.deepEqual(list.map((l) => [l.include, l.exclude]), [[['**/*.cable', '**/[0-9][0-9][A-Z]*[0-9].txt', '**/[0-9][0-9][A-Z]*[0-9]_[a-z].txt', '**/[12][09][0-9][0-9][A-Z]*[0-9].txt', '**/[12][09][0-9][0-9][A-Z]*[0-9]_[a-z].txt'], ['**/drafts/**']]]);
    assert.deepEqual(await symbolNames(worker, 'VALLETTA 388'), ['09VALLETTA388: HARBOR AUTHORITY NAMES A NEW DIRECTOR']);
    assert.deepEqual(await symbolNames(worker, 'TALLINN'), []);
  });

  it('takes cable.rules from an object only, and says so of anything else rather than reading a string letter by letter', async () => {
    const worker = startWorker(serving({ '09VALLETTA388.cable': CITED }, { rules: 'CBL018' }));
    await initialize(worker, OFFER);
    await worker.waitFor('the warning', (m) => m.method === 'window/logMessage' && /cable\.rules: must be an object/.test((m.params as { message: string }).message));
    await worker.waitFor('cable/indexed', (m) => m.method === 'cable/indexed');
    assert.deepEqual(worker.logs().filter((l) => /unknown rule/.test(l)), []);
  });

  it('a client that offers to read files but not to list them is asked for no listing, and the index holds the open cables', async () => {
    const worker = startWorker(serving({ '09VALLETTA388.cable': CITED }));
    await initialize(worker, { readFiles: true });
    await worker.waitFor('cable/readFile of the configuration', (m) => m.method === 'cable/readFile');
    assert.deepEqual(await symbolNames(worker, 'VALLETTA'), ['09VALLETTA412: MALTESE HARBOR AUTHORITY SEEKS CLOSER COOPERATION ON MARITIME PATROLS']);
    assert.deepEqual([...worker.asked('cable/listFiles'), ...worker.asked('cable/readFiles')], []);
  });

  it('a client that answers the listing with an error leaves the server working with the open cables, and the output says so once', async () => {
    const settings: { index?: object } = {};
    const worker = startWorker((method, params) => (method === 'cable/listFiles' ? new Error('no search provider') : serving({}, settings)(method, params)));
    await initialize(worker, OFFER);
    await worker.waitFor('the log of the failure', (m) => m.method === 'window/logMessage' && /did not list/.test((m.params as { message: string }).message));
    assert.deepEqual(await symbolNames(worker, 'VALLETTA'), ['09VALLETTA412: MALTESE HARBOR AUTHORITY SEEKS CLOSER COOPERATION ON MARITIME PATROLS']);
    // A second pass (the index globs changed) fails again, and says nothing more.
    settings.index = { include: ['**/*.cable'] };
    worker.notify('workspace/didChangeConfiguration', { settings: null });
    const passes = () => worker.asked('cable/listFiles').length;
    for (let i = 0; i < 300 && passes() < 2; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(passes(), 2, 'a new pass under the new globs');
    await new Promise((r) => setTimeout(r, 50));
    const failures = worker.logs().filter((l) => /did not list/.test(l));
    assert.deepEqual(failures, ["Closed cables are not indexed: the editor did not list the workspace's cable files (no search provider); workspace symbols, REF links, citing-cable lenses, the Cables view and the metadata export know the open cables only."]);
  });

  it('a client that answers the reading with an error or the wrong shape: the open cables stay, the output says so once', async () => {
    for (const wrong of [new Error('fetch failed'), ['only one text for two files']]) {
      const files = { '09VALLETTA388.cable': CITED, [tallinnName(1)]: tallinn(1) };
      const worker = startWorker((method, params) => (method === 'cable/readFiles' ? wrong : serving(files)(method, params)));
      await initialize(worker, OFFER);
      await worker.waitFor('the log of the failure', (m) => m.method === 'window/logMessage' && /not read through the editor/.test((m.params as { message: string }).message));
      assert.deepEqual(await symbolNames(worker, 'VALLETTA'), ['09VALLETTA412: MALTESE HARBOR AUTHORITY SEEKS CLOSER COOPERATION ON MARITIME PATROLS']);
      assert.equal(worker.logs().filter((l) => /not read through the editor/.test(l)).length, 1);
    }
  });

  it('a client that never answers the listing: requests are answered meanwhile, and the output says once that it waits', async () => {
    const worker = startWorker((method, params) => (method === 'cable/listFiles' ? NEVER : serving({})(method, params)));
    await initialize(worker, OFFER);
    // The server waits up to 10 s for the index (INDEX_WAIT_MS), then answers from what it holds: a wait of 10 s here raced it.
    assert.deepEqual(await symbolNames(worker, 'VALLETTA', 20000), ['09VALLETTA412: MALTESE HARBOR AUTHORITY SEEKS CLOSER COOPERATION ON MARITIME PATROLS']);
    await worker.waitFor('the log of the wait', (m) => m.method === 'window/logMessage' && /has not listed/.test((m.params as { message: string }).message), 6000);
    const hover = await worker.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: at('09VALLETTA412.cable') }, position: { line: 17, character: 7 } });
    assert.ok(hover, 'hover on a TAG answered');
    assert.equal(worker.logs().filter((l) => /has not listed/.test(l)).length, 1);
  });

  it('reads at most cable.index.maxFilesReadThroughEditor files, the first by URI of those listed, in batches of 50, and says that there were more', async () => {
    const files: Record<string, string> = {};
    // Listed out of order: the first 60 by URI are read.
    for (let n = 70; n >= 1; n--) files[tallinnName(n)] = tallinn(n);
    const worker = startWorker(serving(files, { index: { maxFilesReadThroughEditor: 60 } }));
    await initialize(worker, OFFER);
    await worker.waitFor('cable/indexed', (m) => m.method === 'cable/indexed');
    const list = worker.asked('cable/listFiles') as { maxResults: number }[];
    assert.equal(list[0].maxResults, 61);
    const batches = (worker.asked('cable/readFiles') as { uris: string[] }[]).map((p) => p.uris);
    assert.deepEqual(batches.map((b) => b.length), [50, 10]);
    const expected = Object.keys(files).map(at).sort().slice(0, 60);
    assert.deepEqual(batches.flat(), expected);
    const indexed = await worker.request<{ uri: string }[]>('cable/collection', {});
    assert.equal(indexed.length, 61, 'the 60 read and the open sample');
    assert.ok(worker.logs().some((l) => l.startsWith('The workspace has more than 60 cable files read through the editor (cable.index.maxFilesReadThroughEditor)')), worker.logs().join('\n'));
  });

  it('with cable.index.maxFilesReadThroughEditor at 0, no file is listed or read, and the output says so', async () => {
    const worker = startWorker(serving({ '09VALLETTA388.cable': CITED }, { index: { maxFilesReadThroughEditor: 0 } }));
    await initialize(worker, OFFER);
    await worker.waitFor('the log', (m) => m.method === 'window/logMessage' && /maxFilesReadThroughEditor is 0/.test((m.params as { message: string }).message));
    assert.deepEqual([...worker.asked('cable/listFiles'), ...worker.asked('cable/readFiles')], []);
  });

  it('a cable closed in the virtual folder is read through the client again and stays indexed', async () => {
    const worker = startWorker(serving({ '09VALLETTA412.cable': SAMPLE, '09VALLETTA388.cable': CITED }));
    await initialize(worker, OFFER);
    await worker.waitFor('cable/indexed', (m) => m.method === 'cable/indexed');
    worker.notify('textDocument/didClose', { textDocument: { uri: at('09VALLETTA412.cable') } });
    const read = () => (worker.asked('cable/readFiles') as { uris: string[] }[]).map((p) => p.uris).flat();
    for (let i = 0; i < 200 && !read().includes(at('09VALLETTA412.cable')); i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(read().includes(at('09VALLETTA412.cable')), JSON.stringify(read()));
    assert.deepEqual(await symbolNames(worker, 'VALLETTA 412'), ['09VALLETTA412: MALTESE HARBOR AUTHORITY SEEKS CLOSER COOPERATION ON MARITIME PATROLS']);
  });

  it('a file created in the virtual folder is read through the client when the watcher says so, and a folder added is listed', async () => {
    const files: Record<string, string> = { '09VALLETTA388.cable': CITED };
    const worker = startWorker(serving(files));
    await initialize(worker, OFFER);
    await worker.waitFor('cable/indexed', (m) => m.method === 'cable/indexed');
    files[tallinnName(7)] = tallinn(7);
    worker.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: at(tallinnName(7)), type: 1 }] });
    await worker.waitFor('cable/indexed after the change', (m) => m.method === 'cable/indexed' && (m.params as { count: number }).count === 3);
    assert.deepEqual(await symbolNames(worker, 'FERRY'), ['10TALLINN7: FERRY NOTE NUMBER 7']);
    // A second virtual folder: the next listing names both.
    const other = 'vscode-vfs://github/archive/more';
    worker.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: other, name: 'more' }], removed: [] } });
    for (let i = 0; i < 300 && worker.asked('cable/listFiles').length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual((worker.asked('cable/listFiles') as { folders: string[] }[]).map((p) => p.folders), [[FOLDER], [FOLDER, other]]);
  });

  it('the browser server offers "Disable rule in this file", editing the .cablelint.jsonc it read through the client', async () => {
    const config = '{ "rules": { "CBL024": "warning" } }\n';
    const files = serving({});
    const worker = startWorker((method, params) => (method === 'cable/readFile' ? ((params as { uri: string }).uri === at('.cablelint.jsonc') ? config : null) : files(method, params)));
    await initialize(worker, OFFER);
    worker.notify('textDocument/didOpen', { textDocument: { uri: at('artifact.cable'), languageId: 'cable', version: 1, text: ARTIFACT } });
    const published = await worker.waitFor('diagnostics of the artifact', (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === at('artifact.cable'));
    const diag = (published.params as { diagnostics: { code: string; range: unknown }[] }).diagnostics.find((d) => d.code === 'CBL026')!;
    const actions = await worker.request<DisableAction[]>('textDocument/codeAction', { textDocument: { uri: at('artifact.cable') }, range: diag.range, context: { diagnostics: [diag] } });
    const disable = actions.find((a) => a.title === 'Disable CBL026 pilcrow-artifact in this file')!;
    assert.deepEqual(Object.keys(disable.edit.changes!), [at('.cablelint.jsonc')]);
    assert.deepEqual(configJson(applyEdits(config, disable.edit.changes![at('.cablelint.jsonc')])), { rules: { CBL024: 'warning' }, overrides: [{ files: ['artifact.cable'], rules: { CBL026: 'off' } }] });
  });

  describe('the Node server in a virtual folder', () => {
    /**
     * Starts the Node server on the virtual folder with `capabilities`, its `.cablelint.jsonc` read through the client as
     * `config()` answers (none when undefined), opens the CBL026 fixture there, and returns a function that asks for its
     * "Disable CBL026" action (undefined when none is offered).
     */
    async function inVirtualFolder(capabilities: object, config: () => string | undefined) {
      const answers = (method: string, params: unknown) => {
        if (method === 'cable/readFile') return (params as { uri: string }).uri === at('.cablelint.jsonc') ? (config() ?? null) : null;
        return serving({})(method, params);
      };
      const client = await startServer(undefined, capabilities, [], answers, { workspaceFolders: [{ uri: FOLDER, name: 'cables' }], initializationOptions: OFFER });
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: at('artifact.cable'), languageId: 'cable', version: 1, text: ARTIFACT } });
      const published = await client.waitFor<{ uri: string; diagnostics: { code: string; range: unknown }[] }>('textDocument/publishDiagnostics', (p) => p.uri === at('artifact.cable'));
      const diag = published.diagnostics.find((d) => d.code === 'CBL026')!;
      const disable = async () => {
        const actions = await client.connection.sendRequest<DisableAction[]>('textDocument/codeAction', { textDocument: { uri: at('artifact.cable') }, range: diag.range, context: { diagnostics: [diag] } });
        return actions.find((a) => a.title === 'Disable CBL026 pilcrow-artifact in this file');
      };
      return { client, disable };
    }

    it('offers "Disable rule in this file" as an edit of the .cablelint.jsonc read through the client, at its URI, and of its new text once the watcher says it changed', async () => {
      let config = '{ "rules": { "CBL024": "warning" } } // mine\n';
      const { client, disable } = await inVirtualFolder({}, () => config);
      try {
        const first = (await disable())!;
        assert.deepEqual(Object.keys(first.edit.changes!), [at('.cablelint.jsonc')]);
        const applied = applyEdits(config, first.edit.changes![at('.cablelint.jsonc')]);
        // The user's text stays as written, the comment too.
        assert.ok(applied.startsWith('{ "rules": { "CBL024": "warning" }') && applied.endsWith('} // mine\n'), applied);
        assert.deepEqual(configJson(applied), { rules: { CBL024: 'warning' }, overrides: [{ files: ['artifact.cable'], rules: { CBL026: 'off' } }] });
        // The file changes in the editor; the watcher tells the server, which reads it through the client again.
        config = '{\n  // Rules of the archive.\n  "rules": { "CBL024": "error" }\n}\n';
        const read = client.requests().filter((m) => m === 'cable/readFile').length;
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: at('.cablelint.jsonc'), type: 2 }] });
        await client.waitFor('window/logMessage', (m: { message: string }) => m.message === `Using configuration ${at('.cablelint.jsonc')} (read through the client)` && client.requests().filter((r) => r === 'cable/readFile').length > read);
        const second = (await disable())!;
        assert.deepEqual(configJson(applyEdits(config, second.edit.changes![at('.cablelint.jsonc')])), { rules: { CBL024: 'error' }, overrides: [{ files: ['artifact.cable'], rules: { CBL026: 'off' } }] });
      } finally {
        await client.stop();
      }
    });

    it('reads the user dictionary named by the .cablelint.jsonc read through the client again when the watcher says it changed, and asks to watch it', async () => {
      // Invented: a TAGS line wrapped onto the team's codes, which reads as TAGS only when the dictionary defines both.
      let dictionary = '{ "tags": [{ "code": "KLOC", "meaning": "A local program" }] }';
      const registered: { registrations: { registerOptions: { watchers: { globPattern: unknown }[] } }[] }[] = [];
      const answers = (method: string, params: unknown) => {
        if (method === 'client/registerCapability') registered.push(params as (typeof registered)[number]);
        if (method === 'cable/readFile') {
          const uri = (params as { uri: string }).uri;
          return uri === at('.cablelint.jsonc') ? '{ "dictionaries": ["./tags.json"] }' : uri === at('tags.json') ? dictionary : null;
        }
        return serving({})(method, params);
      };
      const client = await startServer(undefined, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } }, [], answers, { workspaceFolders: [{ uri: FOLDER, name: 'cables' }], initializationOptions: OFFER });
      const doc = at('draft.cable');
      const stray = (p: { diagnostics: { code: string }[] }) => p.diagnostics.some((d) => d.code === 'CBL037');
      try {
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'cable', version: 1, text: 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL PGOV\nKLOC ZZQQ\nSUBJECT: HARBOR LIGHTS\n\n¶1. (U) Text.\n' } });
        assert.equal(stray(await client.waitFor<{ uri: string; diagnostics: { code: string }[] }>('textDocument/publishDiagnostics', (p) => p.uri === doc)), true);
        const watched = registered.flatMap((r) => r.registrations.flatMap((g) => g.registerOptions.watchers.map((w) => w.globPattern)));
        assert.deepEqual(watched.filter((g) => typeof g !== 'string'), [{ baseUri: FOLDER, pattern: 'tags.json' }]);
        dictionary = '{ "tags": [{ "code": "KLOC", "meaning": "A local program" }, { "code": "ZZQQ", "meaning": "A local office" }] }';
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: at('tags.json'), type: 2 }] });
        await client.waitFor<{ uri: string; diagnostics: { code: string }[] }>('textDocument/publishDiagnostics', (p) => p.uri === doc && !stray(p));
      } finally {
        await client.stop();
      }
    });

    it('creates .cablelint.jsonc in the virtual folder through a client that can create files, and offers nothing through one that cannot', async () => {
      const creating = await inVirtualFolder({ workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } }, () => undefined);
      try {
        const action = (await creating.disable())!;
        const [create, insert] = action.edit.documentChanges!;
        assert.deepEqual(create, { kind: 'create', uri: at('.cablelint.jsonc') });
        const written = insert as { textDocument: { uri: string }; edits: TextEdit[] };
        assert.equal(written.textDocument.uri, at('.cablelint.jsonc'));
        assert.deepEqual(configJson(written.edits[0].newText), { overrides: [{ files: ['artifact.cable'], rules: { CBL026: 'off' } }] });
      } finally {
        await creating.client.stop();
      }
      const plain = await inVirtualFolder({}, () => undefined);
      try {
        assert.equal(await plain.disable(), undefined);
      } finally {
        await plain.client.stop();
      }
    });

    it('reads .cablelint.jsonc and the closed cables through a client that offers to, and from disk where the folder is a file: one', async () => {
      const config = '{ "rules": { "paragraph-number-sequence": "error" } }';
      // A cable whose paragraphs jump from 1 to 3 (CBL024).
      const gap = tallinn(5).replace('¶1. (U) Text.\n', '¶1. (U) Text.\n\n¶3. (U) More text.\n');
      const answers = (method: string, params: unknown) => {
        if (method === 'cable/readFile') return (params as { uri: string }).uri === at('.cablelint.jsonc') ? config : null;
        return serving({ '09VALLETTA388.cable': CITED })(method, params);
      };
      const client = await startServer(undefined, {}, [], answers, { workspaceFolders: [{ uri: FOLDER, name: 'cables' }], initializationOptions: OFFER });
      try {
        await client.waitFor('cable/indexed', (p: { count: number }) => p.count >= 1);
        const found = await client.connection.sendRequest<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: 'VALLETTA 388' });
        assert.deepEqual(found.map((s) => s.location.uri), [at('09VALLETTA388.cable')]);
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: at(tallinnName(5)), languageId: 'cable', version: 1, text: gap } });
        const published = await client.waitFor<{ uri: string; diagnostics: { code: string; severity: number }[] }>('textDocument/publishDiagnostics', (p) => p.uri === at(tallinnName(5)));
        assert.deepEqual(published.diagnostics.filter((d) => d.code === 'CBL024').map((d) => d.severity), [1], JSON.stringify(published.diagnostics));
      } finally {
        await client.stop();
      }
      // A file: folder is read from disk: the client is asked for nothing, offer or not.
      const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-ws-'));
      fs.writeFileSync(path.join(ws, '09VALLETTA388.cable'), CITED);
      const local = await startServer(ws, {}, [], answers, { workspaceFolders: [{ uri: `file://${ws}`, name: 'ws' }], initializationOptions: OFFER });
      try {
        await local.waitFor('cable/indexed', (p: { count: number }) => p.count >= 1);
        assert.deepEqual(local.requests().filter((m) => m.startsWith('cable/')), []);
      } finally {
        await local.stop();
        fs.rmSync(ws, { recursive: true, force: true });
      }
    });
  });
});
