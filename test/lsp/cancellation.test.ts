/**
 * Cancelled requests over stdio: a request the client cancelled (hover and completion among them) before the server ran
 * it, or while the server parsed a large document for it, gets the library's cancelled error (`RequestCancelled`, -32800) instead of a result, and a
 * request nobody cancelled still gets its result through the same path. The messages are written as raw frames, so
 * that a request and its cancellation written together reach the server in one read, whatever holds up this process.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StreamMessageReader, type Message } from 'vscode-jsonrpc/node';
import { ROOT } from '../helpers';
import { ensureBuilt, SERVER } from './client';

/** LSP's `RequestCancelled`. */
const REQUEST_CANCELLED = -32800;

interface Response {
  id: number;
  result?: unknown;
  error?: { code: number };
}

describe('cancelled requests over stdio', function () {
  this.timeout(60000);
  let child: ChildProcess;
  const responses = new Map<number, Response>();
  const waiting = new Map<number, (r: Response) => void>();
  let nextId = 1;
  /** Writes `messages` to the server in one write, each framed as LSP frames it. */
  const write = (...messages: object[]): void => {
    const frames = messages.map((m) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    child.stdin!.write(Buffer.concat(frames));
  };
  const response = (id: number): Promise<Response> => {
    const done = responses.get(id);
    return done ? Promise.resolve(done) : new Promise((resolve) => waiting.set(id, resolve));
  };
  /** The error code a request ended with, or `answered` when it got a result. */
  const outcome = async (id: number): Promise<number | 'answered'> => {
    const r = await response(id);
    return r.error ? r.error.code : 'answered';
  };
  const request = (method: string, params: object) => ({ id: nextId++, method, params });
  const cancel = (id: number) => ({ method: '$/cancelRequest', params: { id } });

  const small = 'file:///cancel/09VALLETTA412.cable';
  const large = 'file:///cancel/large.cable';
  const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09VALLETTA412.cable'), 'utf8');
  // About 10 MB of an invented cable repeated, over the 500,000 characters after whose parse the server reads the
  // connection again: its parse takes a few hundred milliseconds here.
  const largeText = `${text}\n\n`.repeat(6000);
  let version = 1;
  /** An edit at the large document's start, so that the next request on it parses it again. */
  const editLarge = () => ({ method: 'textDocument/didChange', params: { textDocument: { uri: large, version: ++version }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: version % 2 ? ' ' : '' }] } });
  const tokens = (uri: string) => request('textDocument/semanticTokens/full', { textDocument: { uri } });

  before(async () => {
    ensureBuilt();
    child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    new StreamMessageReader(child.stdout!).listen((m: Message) => {
      const r = m as Message & Partial<Response> & { method?: string };
      if (r.method !== undefined || typeof r.id !== 'number') return;
      responses.set(r.id, r as Response);
      waiting.get(r.id)?.(r as Response);
    });
    const init = request('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
    write(init);
    await response(init.id);
    write(
      { method: 'initialized', params: {} },
      { method: 'textDocument/didOpen', params: { textDocument: { uri: small, languageId: 'cable', version: 1, text } } },
      { method: 'textDocument/didOpen', params: { textDocument: { uri: large, languageId: 'cable', version: 1, text: largeText } } },
    );
    // Answered once both documents are open and parsed: the server takes its messages in order.
    const ready = tokens(large);
    write(ready);
    await response(ready.id);
  });
  after(() => {
    write({ id: 0, method: 'shutdown' }, { method: 'exit' });
    child.kill();
  });

  for (const [method, params] of [
    ['textDocument/semanticTokens/full', {}],
    ['textDocument/semanticTokens/range', { range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } }],
    ['textDocument/foldingRange', {}],
    ['textDocument/documentSymbol', {}],
    ['textDocument/codeLens', {}],
    ['textDocument/documentHighlight', { position: { line: 36, character: 1 } }],
    ['textDocument/inlayHint', { range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } }],
    // On "PREL" of "TAGS: PREL PGOV …", and after "TAGS: ".
    ['textDocument/hover', { position: { line: 18, character: 8 } }],
    ['textDocument/completion', { position: { line: 18, character: 6 } }],
  ] as const) {
    it(`answers ${method} cancelled before it runs with RequestCancelled`, async () => {
      // The request and its cancellation in one write: the server reads both before it runs the request.
      const cancelled = request(method, { textDocument: { uri: small }, ...params });
      write(cancelled, cancel(cancelled.id));
      assert.equal(await outcome(cancelled.id), REQUEST_CANCELLED);
      // Not cancelled, the same request gets its result.
      const asked = request(method, { textDocument: { uri: small }, ...params });
      write(asked);
      assert.equal(await outcome(asked.id), 'answered');
      // Hover and completion answer with something there: a TAG's meaning, the TAGS.
      if (method === 'textDocument/hover' || method === 'textDocument/completion') assert.ok((await response(asked.id)).result, method);
    });
  }

  it('answers a request cancelled while the large document is parsed for it with RequestCancelled', async () => {
    const asked = tokens(large);
    write(editLarge(), asked);
    // Written 10 ms after the request, when the idle server has read it and is parsing the 10 MB.
    setTimeout(() => write(cancel(asked.id)), 10);
    assert.equal(await outcome(asked.id), REQUEST_CANCELLED);
  });

  it('answers a hover or a completion cancelled while the large document is parsed for it with RequestCancelled, the server idle before it', async () => {
    // The second request is written to a server that has answered the first and validated the document since: it
    // reads the request alone, and the cancellation only once the parse is done. That cancellation reaches the token
    // one turn of the event loop after it is read (vscode-jsonrpc's reader hands on a message a turn at a time): with
    // one turn after the parse, the request was answered with a result.
    for (const method of ['textDocument/completion', 'textDocument/hover']) {
      const asked = request(method, { textDocument: { uri: large }, position: { line: 18, character: 8 } });
      write(editLarge(), asked);
      setTimeout(() => write(cancel(asked.id)), 10);
      assert.equal(await outcome(asked.id), REQUEST_CANCELLED, method);
    }
  });

  it('answers a request on a large document just parsed for it with the tokens of that parse', async () => {
    const first = tokens(large);
    write(editLarge(), first);
    const again = tokens(large);
    // The parse is made: asked again, the answer comes without the turn of the event loop, and is the same.
    write(again);
    const [a, b] = await Promise.all([response(first.id), response(again.id)]);
    const data = (r: Response) => (r.result as { data: number[] }).data;
    assert.deepEqual(data(b), data(a));
    assert.ok(data(a).length > 6000 * 5);
  });
});
