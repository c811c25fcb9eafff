/**
 * Protocol robustness over stdio: bad positions and URIs, out-of-order
 * versions, 10,000 rapid incremental edits, cancelled requests, a 10 MB
 * document, binary content, and a client that disconnects abruptly.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers';
import { startServer, type TestClient } from './client';

interface Diagnostics {
  uri: string;
  version?: number;
  diagnostics: { code: string }[];
}

const SAMPLE = fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09VALLETTA412.cable'), 'utf8');

describe('language server robustness', function () {
  this.timeout(120000);
  let client: TestClient;
  before(async () => {
    client = await startServer(undefined);
  });
  after(async () => client.stop());

  const symbols = (uri: string) => client.connection.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });

  it('answers requests with invalid positions, unknown URIs and stale versions without failing', async () => {
    const uri = 'file:///robust/a.cable';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 5, text: SAMPLE } });
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: -3, character: -1 } }), null);
    assert.deepEqual(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///nowhere.cable' }, position: { line: 0, character: 0 } }), []);
    // An older version after a newer one: the server keeps working on what it was sent.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: SAMPLE + '\nX' }] });
    assert.ok((await symbols(uri)).length > 0);
  });

  it('keeps up with 10,000 rapid incremental edits and publishes diagnostics for the last version', async () => {
    const uri = 'file:///robust/typing.cable';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: SAMPLE } });
    let text = SAMPLE;
    const line = 36;
    for (let v = 2; v <= 10001; v++) {
      // Type a character at the end of line 37, or delete it again.
      const lines = text.split('\n');
      const end = lines[line].length;
      const insert = v % 2 === 0;
      const change = insert
        ? { range: { start: { line, character: end }, end: { line, character: end } }, text: 'x' }
        : { range: { start: { line, character: end - 1 }, end: { line, character: end } }, text: '' };
      lines[line] = insert ? lines[line] + 'x' : lines[line].slice(0, -1);
      text = lines.join('\n');
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
    }
    const d = await client.waitFor<Diagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 10001, 60000);
    assert.ok(Array.isArray(d.diagnostics));
    const outline = await client.connection.sendRequest<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(outline.some((s) => s.name === 'HARBOR AUTHORITY REQUESTS'));
  });

  it('survives requests cancelled mid-flight', async () => {
    const uri = 'file:///robust/a.cable';
    const pending = [];
    for (let i = 0; i < 50; i++) {
      const source = new (await import('vscode-jsonrpc')).CancellationTokenSource();
      pending.push(client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token).catch(() => 'cancelled'));
      source.cancel();
    }
    await Promise.all(pending);
    assert.ok((await symbols(uri)).length > 0);
  });

  it('handles a 10 MB document and binary content', async () => {
    const big = 'file:///robust/big.cable';
    const text = SAMPLE.repeat(Math.ceil(10_000_000 / SAMPLE.length));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'cable', version: 1, text } });
    const d = await client.waitFor<Diagnostics>('textDocument/publishDiagnostics', (p) => p.uri === big, 60000);
    assert.ok(d.diagnostics.length >= 0);
    // Folding stays on above cable.largeFileThreshold: the ranges reach the last copy of the sample.
    const folds = await client.connection.sendRequest<{ startLine: number }[]>('textDocument/foldingRange', { textDocument: { uri: big } });
    assert.ok(folds[folds.length - 1].startLine > text.split('\n').length - SAMPLE.split('\n').length);
    const bin = 'file:///robust/bin.cable';
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 0xd7ff)).join('');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bin, languageId: 'cable', version: 1, text: junk } });
    await client.waitFor<Diagnostics>('textDocument/publishDiagnostics', (p) => p.uri === bin);
    assert.ok(Array.isArray(await symbols(bin)));
  });

  it('exits cleanly when the client disconnects abruptly, and a new server starts', async () => {
    const other = await startServer(undefined);
    const exited = new Promise<number | null>((resolve) => other.child.on('exit', (code) => resolve(code)));
    other.child.stdin!.destroy();
    other.child.stdout!.destroy();
    const code = await exited;
    assert.notEqual(code, null);
    assert.doesNotMatch(other.stderr(), /Uncaught|TypeError|ReferenceError/);
    const again = await startServer(undefined);
    await again.stop();
  });
});
