/**
 * `cable.validate.scope`: under "workspace" every cable file of the workspace gets its diagnostics, read from
 * disk while it is closed; under "openFiles" (the default) only open documents do.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer, type TestClient } from './client';

interface PublishDiagnostics {
  uri: string;
  diagnostics: { code?: string; severity: number; message: string; range: { start: { line: number } } }[];
}

// Invented cables: paragraph 3 follows paragraph 1 (CBL024) and has no marking where 1 has one (CBL028), and a clean one.
const GAP = 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: FISH QUOTAS\n\n1. (U) Text.\n\n3. Text.\n';
const CLEAN = GAP.replace('3. Text.', '2. Text.');
// Portion markings off everywhere; the paragraph sequence an error in archive/; drafts/ skipped, as cablelint skips it.
const CONFIG = '{ "rules": { "portion-marking-missing": "off" }, "overrides": [{ "files": ["archive/**"], "rules": { "paragraph-number-sequence": "error" } }], "ignore": ["drafts/**"] }';

/** "LINE CODE SEVERITY" for each diagnostic. */
const summary = (p: PublishDiagnostics) => p.diagnostics.map((d) => `${d.range.start.line} ${d.code ?? '-'} ${d.severity}`);

function makeWorkspace(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-scope-'));
  fs.mkdirSync(path.join(ws, 'archive'));
  fs.mkdirSync(path.join(ws, 'drafts'));
  fs.writeFileSync(path.join(ws, 'drafts', 'gap.cable'), GAP);
  fs.writeFileSync(path.join(ws, '.cablelint.jsonc'), CONFIG);
  fs.writeFileSync(path.join(ws, 'gap.cable'), GAP);
  fs.writeFileSync(path.join(ws, 'clean.cable'), CLEAN);
  fs.writeFileSync(path.join(ws, 'archive', 'old.cable'), GAP);
  // Not a cable file by the index globs.
  fs.writeFileSync(path.join(ws, 'notes.txt'), GAP);
  fs.writeFileSync(path.join(ws, 'junk.cable'), Buffer.concat([Buffer.from(GAP), Buffer.from([0x00, 0xff, 0x00])]));
  return ws;
}

describe('cable.validate.scope', function () {
  this.timeout(30000);

  it('is "openFiles" by default: closed files get no diagnostics', async () => {
    const ws = makeWorkspace();
    const client = await startServer(ws, {});
    try {
      await client.waitFor('cable/indexed');
      // Diagnostics read while indexing would have come before the notification.
      assert.deepEqual(client.notifications<PublishDiagnostics>('textDocument/publishDiagnostics').filter((p) => p.uri.endsWith('.cable')), []);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('is read from workspace/didChangeConfiguration when the client does not answer workspace/configuration (Neovim 0.7)', async () => {
    const ws = makeWorkspace();
    const client = await startServer(ws, {});
    const uri = `file://${path.join(ws, 'gap.cable')}`;
    try {
      await client.waitFor('cable/indexed');
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cable: { validate: { scope: 'workspace' } } } });
      const p = await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (q) => q.uri === uri);
      assert.deepEqual(summary(p), ['8 CBL024 2']);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      assert.deepEqual(summary(await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (q) => q.uri === uri)), []);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('reads each closed file under the nearest .cablelint.jsonc above it, whose globs see paths from its own folder', async () => {
    const ws = makeWorkspace();
    // Its own rules, overrides and ignore, not merged with the workspace folder's: portion markings count again there.
    fs.mkdirSync(path.join(ws, 'team', 'old'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'team', '.cablelint.jsonc'), '{ "rules": { "paragraph-number-sequence": "info" }, "overrides": [{ "files": ["old/**"], "rules": { "paragraph-number-sequence": "off" } }], "ignore": ["skip.cable"] }');
    fs.writeFileSync(path.join(ws, 'team', 'gap.cable'), GAP);
    fs.writeFileSync(path.join(ws, 'team', 'old', 'gap.cable'), GAP);
    fs.writeFileSync(path.join(ws, 'team', 'skip.cable'), GAP);
    const client = await startServer(ws, { workspace: { configuration: true } }, [], (method) => (method === 'workspace/configuration' ? [{ validate: { scope: 'workspace' } }] : null));
    try {
      await client.waitFor('cable/indexed');
      const published = client.notifications<PublishDiagnostics>('textDocument/publishDiagnostics').filter((p) => p.uri.includes('/team/') && p.uri.endsWith('.cable'));
      assert.deepEqual(Object.fromEntries(published.map((p) => [path.relative(ws, new URL(p.uri).pathname), summary(p)])), {
        'team/gap.cable': ['8 CBL024 3', '8 CBL028 3'],
        'team/old/gap.cable': ['8 CBL028 3'],
      });
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('reads a closed file again once the cable it cites is indexed after it, for CBL054 (a pass reads files in name order)', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-scope-'));
    // 09NOWHERE100 names paragraph 5 of REF A, 09NOWHERE90, read after it, which has three and is signed.
    fs.writeFileSync(path.join(ws, '09NOWHERE100.cable'), 'UNCLAS NOWHERE 000100\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: FISH QUOTAS\n\nREF: A. NOWHERE 90\n\n1. (U) As REF A para 5 said.\n\nDOE\n');
    fs.writeFileSync(path.join(ws, '09NOWHERE90.cable'), 'UNCLAS NOWHERE 000090\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: FISH\n\n1. (U) One.\n\n2. (U) Two.\n\n3. (U) Three.\n\nDOE\n');
    const client = await startServer(ws, { workspace: { configuration: true } }, [], (method) => (method === 'workspace/configuration' ? [{ validate: { scope: 'workspace' } }] : null));
    try {
      const p = await client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (q) => q.uri.endsWith('09NOWHERE100.cable') && q.diagnostics.some((d) => d.code === 'CBL054'));
      assert.deepEqual(p.diagnostics.filter((d) => d.code === 'CBL054').map((d) => `${d.range.start.line} ${d.message}`), ['8 REF A cites 09NOWHERE90, which has no paragraph 5: its paragraphs are numbered 1 to 3.']);
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  describe('"workspace"', () => {
    let ws: string;
    let client: TestClient;
    let scope = 'workspace';
    let include: string[] | undefined;
    const uri = (name: string) => `file://${path.join(ws, name)}`;
    const diagnosticsOf = (name: string, match: (p: PublishDiagnostics) => boolean = () => true) =>
      client.waitFor<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri(name) && match(p));
    const changed = async (name: string, type: number) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(name), type }] });

    before(async () => {
      ws = makeWorkspace();
      client = await startServer(ws, { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } }, [], (method) =>
        method === 'workspace/configuration' ? [{ validate: { scope }, index: include ? { include } : undefined }] : null,
      );
      await client.waitFor('cable/indexed');
    });
    after(async () => {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    });

    it('publishes the diagnostics of every closed cable file, under .cablelint.jsonc, its overrides and its ignore', () => {
      const published = client.notifications<PublishDiagnostics>('textDocument/publishDiagnostics').filter((p) => p.uri !== uri('.cablelint.jsonc'));
      assert.deepEqual(Object.fromEntries(published.map((p) => [path.relative(ws, new URL(p.uri).pathname), summary(p)])), {
        'gap.cable': ['8 CBL024 2'],
        'archive/old.cable': ['8 CBL024 1'],
        // A binary file is said to be one, as an open one is; a clean file, notes.txt and drafts/ get no message at all.
        'junk.cable': ['0 - 2'],
      });
      // Taken, so that the tests below wait for new ones.
      for (const p of published) void client.waitFor('textDocument/publishDiagnostics', (q) => q === p);
    });

    it('follows a file changed on disk', async () => {
      fs.writeFileSync(path.join(ws, 'gap.cable'), CLEAN);
      await changed('gap.cable', 2);
      assert.deepEqual(summary(await diagnosticsOf('gap.cable')), []);
      fs.writeFileSync(path.join(ws, 'gap.cable'), GAP);
      await changed('gap.cable', 2);
      assert.deepEqual(summary(await diagnosticsOf('gap.cable')), ['8 CBL024 2']);
    });

    it("takes an open document's diagnostics from the editor's text, and the file's again once it is closed", async () => {
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('archive/old.cable'), languageId: 'cable', version: 1, text: CLEAN } });
      assert.deepEqual(summary(await diagnosticsOf('archive/old.cable')), []);
      // Saved elsewhere while open: the editor's text still rules.
      fs.writeFileSync(path.join(ws, 'archive', 'old.cable'), GAP.replace('1. (U) Text.', '1. (U) Text.\n\n2. Text.\n\n4. Text.'));
      await changed('archive/old.cable', 2);
      await client.waitFor('cable/indexed');
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('archive/old.cable') } });
      assert.deepEqual(summary(await diagnosticsOf('archive/old.cable')), ['10 CBL024 1', '12 CBL024 1']);
      assert.deepEqual(client.notifications<PublishDiagnostics>('textDocument/publishDiagnostics').filter((p) => p.uri === uri('archive/old.cable')), []);
    });

    it('reads every file again when .cablelint.jsonc changes, and sends only the diagnostics that changed', async () => {
      // Taken, so that the wait below is for the pass this change starts.
      for (const p of client.notifications('cable/indexed')) void client.waitFor('cable/indexed', (q) => q === p);
      fs.writeFileSync(path.join(ws, '.cablelint.jsonc'), '{ "rules": { "portion-marking-missing": "off", "paragraph-number-sequence": "info" } }');
      await changed('.cablelint.jsonc', 2);
      assert.deepEqual(summary(await diagnosticsOf('gap.cable')), ['8 CBL024 3']);
      // No longer ignored.
      assert.deepEqual(summary(await diagnosticsOf('drafts/gap.cable')), ['8 CBL024 3']);
      assert.deepEqual(summary(await diagnosticsOf('archive/old.cable')), ['10 CBL024 3', '12 CBL024 3']);
      await client.waitFor('cable/indexed');
      // The binary file's one warning is what it was: it is not sent again.
      assert.deepEqual(client.notifications<PublishDiagnostics>('textDocument/publishDiagnostics').filter((p) => p.uri === uri('junk.cable')), []);
    });

    it('clears the diagnostics of a file deleted, and of the files in a folder deleted', async () => {
      fs.rmSync(path.join(ws, 'junk.cable'));
      await changed('junk.cable', 3);
      assert.deepEqual(summary(await diagnosticsOf('junk.cable')), []);
      fs.rmSync(path.join(ws, 'archive'), { recursive: true });
      await changed('archive', 3);
      assert.deepEqual(summary(await diagnosticsOf('archive/old.cable')), []);
    });

    it('clears the diagnostics of the files the index globs no longer take, and reads them when they take them again', async () => {
      include = ['clean.cable'];
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(summary(await diagnosticsOf('gap.cable')), []);
      include = undefined;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(summary(await diagnosticsOf('gap.cable')), ['8 CBL024 3']);
    });

    it('clears them all when the scope goes back to "openFiles", where closing a file clears its diagnostics, and reads them again when it comes back', async () => {
      scope = 'openFiles';
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(summary(await diagnosticsOf('gap.cable')), []);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('clean.cable'), languageId: 'cable', version: 1, text: GAP } });
      assert.deepEqual(summary(await diagnosticsOf('clean.cable')), ['8 CBL024 3']);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('clean.cable') } });
      assert.deepEqual(summary(await diagnosticsOf('clean.cable')), []);
      scope = 'workspace';
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(summary(await diagnosticsOf('gap.cable')), ['8 CBL024 3']);
    });
  });
});
