/**
 * Requests that read the workspace index while it is being built (the first pass over the workspace) wait for it,
 * rather than answer that a cable the pass has yet to read is not in the workspace.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { ROOT } from '../helpers';
import { startServer } from './client';

interface Location {
  uri: string;
  range: { start: { line: number; character: number } };
}

// Invented cables of NOWHERE, each citing the one before it: 20 cites 19 and is cited by 21.
const cable = (serial: number) =>
  `UNCLAS NOWHERE ${String(serial).padStart(6, '0')}\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: FERRY DUES, PART ${serial}\n${serial > 1 ? `REF: A. 09 NOWHERE ${serial - 1}\n` : ''}\n1. (U) Text (ref A).\n`;

describe('requests while the workspace index is being built', function () {
  this.timeout(30000);

  it('answer once it is built: REF hover and definition, references, workspace symbols, the citation hierarchy, the collection, the export and a drop; a request cancelled meanwhile is answered as cancelled', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-building-'));
    for (let n = 1; n <= 30; n++) fs.writeFileSync(path.join(ws, `09NOWHERE${n}.cable`), cable(n));
    // The server reads the workspace only once it has the settings: the client holds them back until the requests are sent.
    let release = (): void => undefined;
    const settings = new Promise<void>((resolve) => (release = resolve));
    const client = await startServer(ws, { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['plaintext'] } } }, [], async (method, params) => {
      if (method !== 'workspace/configuration') return null;
      await settings;
      return (params as { items: unknown[] }).items.map(() => ({}));
    });
    const uri = (name: string) => `file://${path.join(ws, name)}`;
    const send = <T>(method: string, params: object) => client.connection.sendRequest<T>(method, params);
    const doc = { uri: uri('09NOWHERE20.cable') };
    try {
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { ...doc, languageId: 'cable', version: 1, text: cable(20) } });
      const refA = { line: 5, character: 9 };
      const hover = send<{ contents: { value: string } }>('textDocument/hover', { textDocument: doc, position: refA });
      const definition = send<Location | null>('textDocument/definition', { textDocument: doc, position: refA });
      const references = send<Location[]>('textDocument/references', { textDocument: doc, position: { line: 0, character: 3 }, context: { includeDeclaration: false } });
      const symbols = send<{ location: { uri: string } }[]>('workspace/symbol', { query: 'NOWHERE 27' });
      const hierarchy = send<{ name: string; uri: string }[]>('textDocument/prepareCallHierarchy', { textDocument: doc, position: refA });
      // The Cables view, the metadata export and a cable file dropped into the text.
      const collection = send<unknown[]>('cable/collection', {});
      const exported = send<{ count: number }>('cable/extract', { format: 'jsonl' });
      const dropped = send<{ text: string; kind: string } | null>('cable/dropCitations', { textDocument: doc, position: { line: 7, character: 7 }, uris: [uri('09NOWHERE7.cable')] });
      const source = new CancellationTokenSource();
      const cancelledHover = client.connection.sendRequest('textDocument/hover', { textDocument: doc, position: refA }, source.token).then(
        () => 'answered',
        (error: { code?: number }) => error.code,
      );
      setTimeout(() => source.cancel(), 100);
      setTimeout(release, 300);

      assert.match((await hover).contents.value, /FERRY DUES, PART 19/);
      assert.doesNotMatch((await hover).contents.value, /Not in this workspace/);
      assert.equal((await definition)?.uri, uri('09NOWHERE19.cable'));
      assert.deepEqual((await references).map((l) => `${l.uri} ${l.range.start.line}`), [`${uri('09NOWHERE21.cable')} 5`, `${uri('09NOWHERE21.cable')} 7`]);
      assert.deepEqual((await symbols).map((s) => s.location.uri), [uri('09NOWHERE27.cable')]);
      assert.deepEqual((await hierarchy).map((i) => [i.name, i.uri]), [['09NOWHERE19', uri('09NOWHERE19.cable')]]);
      assert.equal((await collection).length, 30);
      assert.equal((await exported).count, 30);
      // Dropped before a word: a space between them.
      assert.deepEqual(await dropped, { text: 'NOWHERE 7 ', kind: 'citations' });
      // RequestCancelled.
      assert.equal(await cancelledHover, -32800);
    } finally {
      release();
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('answer workspace symbols once a workspace folder added is read, and once the workspace is read again under new index globs', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-building-'));
    const added = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-added-'));
    // The pass yields every 50 files: 300 are read over several turns, between which requests are read.
    for (let n = 1; n <= 300; n++) fs.writeFileSync(path.join(added, `09NOWHERE${n}.cable`), cable(n));
    let include = ['**/*.cable'];
    let asked = (_: Promise<{ name: string }[]>): void => undefined;
    const changed = new Promise<{ name: string }[]>((resolve) => (asked = (p) => void p.then(resolve)));
    const client = await startServer(ws, { workspace: { configuration: true, workspaceFolders: true } }, [], (method, params) => {
      if (method !== 'workspace/configuration') return null;
      // Asked after the index globs changed: the request goes right after the answer, which starts the new pass.
      if (include.length > 1) setImmediate(() => asked(client.connection.sendRequest('workspace/symbol', { query: 'FERRY DUES' })));
      return (params as { items: unknown[] }).items.map(() => ({ index: { include } }));
    });
    const symbols = () => client.connection.sendRequest<{ name: string }[]>('workspace/symbol', { query: 'FERRY DUES' });
    try {
      await client.waitFor('cable/indexed');
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: `file://${added}`, name: 'added' }], removed: [] } });
      assert.equal((await symbols()).length, 300, 'every cable of the folder added');
      const parts = async (query: string) => (await client.connection.sendRequest<{ name: string }[]>('workspace/symbol', { query })).length;
      assert.equal(await parts('NOWHERE 300'), 1);
      include = ['**/*.cable', '**/*.md'];
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.equal((await changed).length, 300);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
      fs.rmSync(added, { recursive: true, force: true });
    }
  });
});

describe('the workspace index\'s exclude globs', function () {
  this.timeout(30000);

  it('leave out every cable under a folder a glob names, as files.exclude and cablelint\'s ignore read it, at the start and as files come', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-exclude-'));
    const put = (rel: string, serial: number) => {
      fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
      fs.writeFileSync(path.join(ws, rel), cable(serial));
    };
    put('kept/09NOWHERE1.cable', 1);
    put('archive/09NOWHERE2.cable', 2);
    put('archive/old/09NOWHERE3.cable', 3);
    put('kept/scratch/09NOWHERE4.cable', 4);
    // "archive" at the folder's root only; "**/scratch" at any depth.
    const client = await startServer(ws, { workspace: { configuration: true } }, [], (method, params) =>
      method === 'workspace/configuration' ? (params as { items: unknown[] }).items.map(() => ({ index: { exclude: ['archive', '**/scratch'] } })) : null,
    );
    const names = async () => (await client.connection.sendRequest<{ name: string }[]>('workspace/symbol', { query: 'FERRY DUES' })).map((s) => s.name.split(':')[0]).sort();
    try {
      await client.waitFor('cable/indexed');
      assert.deepEqual(await names(), ['09NOWHERE1']);
      // A file and a folder created under those folders stay out too; one beside them comes in.
      put('archive/09NOWHERE5.cable', 5);
      put('kept/scratch/new/09NOWHERE6.cable', 6);
      put('kept/09NOWHERE7.cable', 7);
      const created = ['archive/09NOWHERE5.cable', 'kept/scratch/new', 'kept/09NOWHERE7.cable'].map((rel) => ({ uri: `file://${path.join(ws, rel)}`, type: 1 }));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: created });
      assert.deepEqual(await names(), ['09NOWHERE1', '09NOWHERE7']);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('the folders the workspace index passes over', function () {
  this.timeout(60000);

  /** Writes the cable `serial` at `rel` under `root`. */
  const put = (root: string, rel: string, serial: number) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), cable(serial));
  };

  /** Starts a server on `root` with the index settings `index`, and returns it with a function listing the ids it indexed. */
  async function serve(root: string, index: object) {
    const client = await startServer(root, { workspace: { configuration: true } }, [], (method, params) =>
      method === 'workspace/configuration' ? (params as { items: unknown[] }).items.map(() => ({ index })) : null,
    );
    await client.waitFor('cable/indexed');
    const ids = async () => (await client.connection.sendRequest<{ name: string }[]>('workspace/symbol', { query: 'FERRY DUES' })).map((s) => s.name.split(':')[0]).sort();
    return { client, ids };
  }

  /** The ids of the cables `cablelint` reads when given the folder `root`, from the files its JSON output names. */
  function cablelintIds(root: string): string[] {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), '--format', 'json', root], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    return (JSON.parse(r.stdout) as { file: string }[]).map((f) => path.basename(f.file, '.cable')).sort();
  }

  it('are the dot-folders and node_modules cablelint passes over, whatever the exclude globs say, unless an include glob names one; a dot-folder given as the workspace folder is indexed', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-passed-over-'));
    put(ws, 'kept/09NOWHERE1.cable', 1);
    put(ws, '.git/09NOWHERE2.cable', 2);
    put(ws, 'node_modules/ferries/09NOWHERE3.cable', 3);
    put(ws, '.e2e/09NOWHERE4.cable', 4);
    put(ws, 'kept/.vscode/09NOWHERE5.cable', 5);
    const uri = (rel: string) => `file://${path.join(ws, rel)}`;
    try {
      // The exclude globs set without `node_modules` or `.git`: the index still reads what cablelint reads, and nothing more.
      assert.deepEqual(cablelintIds(ws), ['09NOWHERE1']);
      let { client, ids } = await serve(ws, { exclude: ['archive'] });
      try {
        assert.deepEqual(await ids(), ['09NOWHERE1']);
        // Files and folders created in such folders stay out; one beside them comes in.
        put(ws, 'node_modules/ferries/09NOWHERE6.cable', 6);
        put(ws, '.cache/new/09NOWHERE7.cable', 7);
        put(ws, 'kept/09NOWHERE8.cable', 8);
        const created = ['node_modules/ferries/09NOWHERE6.cable', '.cache/new', 'kept/09NOWHERE8.cable'].map((rel) => ({ uri: uri(rel), type: 1 }));
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: created });
        assert.deepEqual(await ids(), ['09NOWHERE1', '09NOWHERE8']);
      } finally {
        await client.stop();
      }
      // Include globs that name a dot-folder and a folder under node_modules take their cables (the exclude globs, which by
      // default name node_modules, set without it), and no other dot-folder's.
      ({ client, ids } = await serve(ws, { include: ['**/*.cable', '.e2e/*.cable', 'node_modules/ferries/*.cable'], exclude: [] }));
      try {
        assert.deepEqual(await ids(), ['09NOWHERE1', '09NOWHERE3', '09NOWHERE4', '09NOWHERE6', '09NOWHERE8']);
      } finally {
        await client.stop();
      }
      // A workspace folder that is itself a dot-folder is walked, as cablelint walks a dot-folder named on its command line.
      ({ client, ids } = await serve(path.join(ws, '.e2e'), {}));
      try {
        assert.deepEqual(await ids(), ['09NOWHERE4']);
        assert.deepEqual(cablelintIds(path.join(ws, '.e2e')), ['09NOWHERE4']);
      } finally {
        await client.stop();
      }
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
