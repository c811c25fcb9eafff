/**
 * Cancelled requests over stdio: a request the client cancelled before the server ran it, or while the server parsed
 * a large document for it, gets the library's cancelled error (`RequestCancelled`, -32800) instead of a result, and a
 * request nobody cancelled still gets its result through the same path.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { ROOT } from '../helpers';
import { startServer, type TestClient } from './client';

/** LSP's `RequestCancelled`. */
const REQUEST_CANCELLED = -32800;

interface Tokens {
  data: number[];
}

/** The error code a request ended with, or `answered` when it got a result. */
async function outcome(request: Promise<unknown>): Promise<number | 'answered'> {
  try {
    await request;
    return 'answered';
  } catch (error) {
    if (error instanceof ResponseError) return error.code;
    throw error;
  }
}

describe('cancelled requests over stdio', function () {
  this.timeout(60000);
  let client: TestClient;
  const small = 'file:///cancel/09VALLETTA412.cable';
  const large = 'file:///cancel/large.cable';
  const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09VALLETTA412.cable'), 'utf8');
  // About 10 MB of an invented cable repeated, over the 500,000 characters after whose parse the server reads the
  // connection again: its parse keeps the server busy for a few hundred milliseconds, a wide margin on a loaded machine
  // (with 5 MB, about 100 ms, one run in about 40 saw a request answered, most likely the test client held up for longer
  // than the parse between its writes).
  const largeText = `${text}\n\n`.repeat(6000);
  let version = 1;
  /** An edit at the large document's start, so that the next request on it parses it again. */
  const editLarge = () =>
    client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: large, version: ++version }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: version % 2 ? ' ' : '' }] });
  const tokens = (uri: string, source?: CancellationTokenSource) =>
    source ? client.connection.sendRequest<Tokens>('textDocument/semanticTokens/full', { textDocument: { uri } }, source.token) : client.connection.sendRequest<Tokens>('textDocument/semanticTokens/full', { textDocument: { uri } });

  before(async () => {
    client = await startServer();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'cable', version: 1, text } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: large, languageId: 'cable', version: 1, text: largeText } });
    await client.waitFor('textDocument/publishDiagnostics', (p: { uri: string }) => p.uri === large);
  });
  after(() => client.stop());

  for (const [method, params] of [
    ['textDocument/semanticTokens/full', {}],
    ['textDocument/semanticTokens/range', { range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } }],
    ['textDocument/foldingRange', {}],
    ['textDocument/documentSymbol', {}],
    ['textDocument/codeLens', {}],
    ['textDocument/documentHighlight', { position: { line: 36, character: 1 } }],
    ['textDocument/inlayHint', { range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } }],
  ] as const) {
    it(`answers ${method} cancelled before it runs with RequestCancelled`, async () => {
      // The server parses the edited large document for the first request; the second, and its cancellation, wait
      // in the connection meanwhile, so the cancellation is read before the request runs.
      await editLarge();
      const busy = tokens(large);
      const source = new CancellationTokenSource();
      const cancelledRequest = client.connection.sendRequest(method, { textDocument: { uri: small }, ...params }, source.token);
      source.cancel();
      assert.equal(await outcome(cancelledRequest), REQUEST_CANCELLED);
      assert.ok((await busy).data.length > 0);
      // Not cancelled, the same request gets its result.
      assert.equal(await outcome(client.connection.sendRequest(method, { textDocument: { uri: small }, ...params })), 'answered');
    });
  }

  it('answers a request cancelled while the large document is parsed for it with RequestCancelled', async () => {
    await editLarge();
    const source = new CancellationTokenSource();
    const request = tokens(large, source);
    // Sent 10 ms after the request, when the idle server has read it and is parsing the 10 MB.
    setTimeout(() => source.cancel(), 10);
    assert.equal(await outcome(request), REQUEST_CANCELLED);
  });

  it('answers a request on a large document just parsed for it with the tokens of that parse', async () => {
    await editLarge();
    const first = await tokens(large);
    // The parse is made: asked again, the answer comes without the turn of the event loop, and is the same.
    assert.deepEqual((await tokens(large)).data, first.data);
    assert.ok(first.data.length > 6000 * 5);
  });
});
