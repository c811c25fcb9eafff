/**
 * A minimal LSP test client: spawns `node dist/server.js --stdio` and speaks
 * JSON-RPC over its pipes (vscode-jsonrpc). Notifications are awaited with a
 * timeout, never with sleeps (r-a `wait_for_diagnostics`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ROOT } from '../helpers';

export const SERVER = path.join(ROOT, 'dist/server.js');

/** Builds dist/ when a test runs without `npm run build` first. */
export function ensureBuilt(): void {
  if (fs.existsSync(SERVER)) return;
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export interface TestClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  readonly stderr: () => string;
  /** The server's answer to `initialize` (its capabilities). */
  readonly initialized: { capabilities: Record<string, unknown> };
  /** The methods of the requests the server has sent the client, in order (each answered with null). */
  readonly requests: () => string[];
  /** Every notification of `method` received so far, waited for or not, in order. */
  received<T>(method: string): T[];
  /** The notifications of `method` received so far and not yet taken by {@link TestClient.waitFor}. */
  notifications<T>(method: string): T[];
  /** Resolves with the first notification of `method` that satisfies `match`, received before or after the call and not yet taken by another call. */
  waitFor<T>(method: string, match?: (params: T) => boolean, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts the server and initializes it with a workspace folder. Requests the server sends are answered
 * by `answer`, or with null, but for those whose method is in `unanswered`, which are never answered.
 * `answer` is a function of the request, or the settings to answer `workspace/configuration` with, for each item.
 * The capabilities declare code action literals, the outline as a tree and every completion kind unless they declare their own.
 * `init` replaces the workspace folders (of any scheme) and adds `initializationOptions`.
 */
/** Code action literals, as every editor declares them (a client without them gets commands). */
export const CODE_ACTION_LITERALS = { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } };

/** The outline as a tree, with every symbol kind, as VS Code, Neovim and eglot declare it (a client without it gets a flat list). */
export const HIERARCHICAL_SYMBOLS = { hierarchicalDocumentSymbolSupport: true, symbolKind: { valueSet: Array.from({ length: 26 }, (_, i) => i + 1) } };
/** Every completion item kind, as VS Code and Neovim declare them (a client that lists none gets the first eighteen). */
export const ALL_COMPLETION_KINDS = { valueSet: Array.from({ length: 25 }, (_, i) => i + 1) };

/**
 * `capabilities` with {@link CODE_ACTION_LITERALS}, {@link HIERARCHICAL_SYMBOLS} and {@link ALL_COMPLETION_KINDS}, each unless
 * they declare `textDocument.codeAction`, `textDocument.documentSymbol` or `textDocument.completion.completionItemKind` themselves.
 */
function withCodeActionLiterals(capabilities: object): object {
  const given = capabilities as { textDocument?: { codeAction?: unknown; documentSymbol?: unknown; completion?: { completionItemKind?: unknown } } };
  const textDocument = { ...given.textDocument };
  if (textDocument.codeAction === undefined) textDocument.codeAction = CODE_ACTION_LITERALS;
  if (textDocument.documentSymbol === undefined) textDocument.documentSymbol = HIERARCHICAL_SYMBOLS;
  if (textDocument.completion?.completionItemKind === undefined) textDocument.completion = { ...textDocument.completion, completionItemKind: ALL_COMPLETION_KINDS };
  return { ...capabilities, textDocument };
}

export async function startServer(
  rootPath?: string,
  capabilities: object = {},
  unanswered: readonly string[] = [],
  answer?: object | ((method: string, params: unknown) => unknown),
  init?: { workspaceFolders: { uri: string; name: string }[]; initializationOptions?: unknown },
): Promise<TestClient> {
  ensureBuilt();
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { method: string; match: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  const seen: { method: string; params: unknown }[] = [];
  const all: { method: string; params: unknown }[] = [];
  connection.onNotification((method, params) => {
    all.push({ method, params });
    // A notification a waiting call takes is not kept for a later one, which would get it again.
    const waiter = waiters.find((w) => w.method === method && w.match(params));
    if (!waiter) return void seen.push({ method, params });
    waiters.splice(waiters.indexOf(waiter), 1);
    waiter.resolve(params);
  });
  const requests: string[] = [];
  connection.onRequest((method, params) => {
    requests.push(method);
    if (unanswered.includes(method)) return new Promise<never>(() => undefined);
    if (typeof answer === 'function') return answer(method, params) ?? null;
    if (answer && method === 'workspace/configuration') return (params as { items: unknown[] }).items.map(() => answer);
    return null;
  });
  connection.listen();
  const rootUri = init ? (init.workspaceFolders[0]?.uri ?? null) : rootPath ? `file://${rootPath}` : null;
  const initialized = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: init ? init.workspaceFolders : rootPath ? [{ uri: rootUri, name: 'ws' }] : null,
    capabilities: withCodeActionLiterals(capabilities),
    ...(init?.initializationOptions === undefined ? {} : { initializationOptions: init.initializationOptions }),
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    stderr: () => err,
    initialized,
    requests: () => [...requests],
    received: <T>(method: string) => all.filter((n) => n.method === method).map((n) => n.params as T),
    notifications: <T>(method: string) => seen.filter((s) => s.method === method).map((s) => s.params as T),
    waitFor<T>(method: string, match: (params: T) => boolean = () => true, timeoutMs = 15000): Promise<T> {
      const earlier = seen.find((s) => s.method === method && match(s.params as T));
      if (earlier) {
        seen.splice(seen.indexOf(earlier), 1);
        return Promise.resolve(earlier.params as T);
      }
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ method, match: match as (p: unknown) => boolean, resolve: (p) => { clearTimeout(timer); resolve(p as T); } });
      });
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // Already gone.
      }
      connection.dispose();
      child.kill();
    },
  };
}
