/**
 * The LSP 3.17 lifecycle as a client other than VS Code may exercise it: a request before `initialize` fails with
 * ServerNotInitialized, one after `shutdown` with InvalidRequest, and `exit` ends the process with 0 after `shutdown`,
 * with 1 without it.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, ErrorCodes, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ensureBuilt, SERVER } from './client';

const URI = 'file:///lifecycle/a.cable';
const TEXT = 'UNCLAS NOWHERE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n¶1. (U) Text.\n';

describe('language server lifecycle', function () {
  this.timeout(30000);
  let child: ChildProcess;
  let connection: MessageConnection;
  let exited: Promise<number | null>;

  beforeEach(() => {
    ensureBuilt();
    child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
  });
  afterEach(() => {
    connection.dispose();
    child.kill();
  });

  const initialize = () => connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  const symbols = () => connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } });

  async function errorCode(request: Promise<unknown>): Promise<number | string> {
    try {
      return `answered ${JSON.stringify(await request)}`;
    } catch (error) {
      return error instanceof ResponseError ? error.code : String(error);
    }
  }

  it('answers a request before initialize with ServerNotInitialized, and drops a notification then', async () => {
    assert.equal(await errorCode(symbols()), ErrorCodes.ServerNotInitialized);
    // The document opened before initialize is not open afterwards.
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'cable', version: 1, text: TEXT } });
    await initialize();
    await connection.sendNotification('initialized', {});
    assert.deepEqual(await symbols(), []);
  });

  it('answers a request after shutdown with InvalidRequest, and exits with 0 on exit', async () => {
    await initialize();
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'cable', version: 1, text: TEXT } });
    assert.ok(((await symbols()) as unknown[]).length > 0);
    await connection.sendRequest('shutdown');
    assert.equal(await errorCode(symbols()), ErrorCodes.InvalidRequest);
    assert.equal(await errorCode(connection.sendRequest('shutdown')), ErrorCodes.InvalidRequest);
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
  });

  it('exits with 1 on exit without shutdown', async () => {
    await initialize();
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('exit');
    assert.equal(await exited, 1);
  });
});
