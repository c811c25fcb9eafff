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
    // A position before the text is read as its start, as every position outside it is read at its nearest place.
    assert.equal((await client.connection.sendRequest<{ range: { start: { line: number } } }>('textDocument/hover', { textDocument: { uri }, position: { line: -3, character: -1 } })).range.start.line, 0);
    assert.deepEqual(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///nowhere.cable' }, position: { line: 0, character: 0 } }), []);
    // An older version after a newer one: the server keeps working on what it was sent.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: SAMPLE + '\nX' }] });
    assert.ok((await symbols(uri)).length > 0);
  });

  it('answers positions outside the document (a line before the first or past the last, a character past its line) with ranges inside it', async () => {
    const uri = 'file:///robust/outside.cable';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: SAMPLE } });
    const lines = SAMPLE.split('\n');
    const inside = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
    // Every range anywhere in an answer: a location's, a completion edit's (insert and replace), a selection range's parents.
    const ranges = (value: unknown, out: { line: number; character: number }[][] = []): typeof out => {
      if (Array.isArray(value)) for (const v of value) ranges(v, out);
      else if (value !== null && typeof value === 'object') {
        const r = value as { start?: { line?: unknown }; end?: { line?: unknown } };
        if (typeof r.start?.line === 'number' && typeof r.end?.line === 'number') out.push([r.start, r.end] as { line: number; character: number }[]);
        else for (const v of Object.values(value)) ranges(v, out);
      }
      return out;
    };
    const methods = ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentHighlight', 'textDocument/prepareRename', 'textDocument/prepareCallHierarchy'];
    const lastLine = lines.length - 1;
    let seen = 0;
    for (const position of [{ line: lastLine + 5, character: 0 }, { line: 23, character: 999 }, { line: 36, character: 999 }, { line: 9, character: 999 }, { line: -1, character: -5 }, { line: 2, character: -3 }]) {
      const answers = await Promise.all([
        ...methods.map((method) => client.connection.sendRequest(method, { textDocument: { uri }, position }).catch(() => null)),
        client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }),
        client.connection.sendRequest('textDocument/selectionRange', { textDocument: { uri }, positions: [position] }),
      ]);
      for (const [start, end] of ranges(answers)) {
        seen++;
        assert.ok(inside(start) && inside(end), `${JSON.stringify(position)}: a range outside the document, ${JSON.stringify({ start, end })}`);
      }
    }
    // Each position is answered at its nearest place in the text: a selection range and completion items at least.
    assert.ok(seen > 20, `only ${seen} ranges`);
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
