/**
 * The LanguageClient that starts the bundled server over IPC and restarts it if it dies. Most of the client's
 * code is vscode-languageclient: esbuild.mjs bundles this module on its own (`dist/client-lsp.js`), which the
 * client loads only when a cable first needs the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** Restarts the server when it dies, and tells the user the first time only. */
class RestartOnce implements ErrorHandler {
  #told = false;
  #restarts: number[] = [];

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.#restarts = this.#restarts.filter((t) => now - t < 3 * 60_000);
    this.#restarts.push(now);
    if (!this.#told) {
      this.#told = true;
      void vscode.window.showWarningMessage('The cable language server stopped unexpectedly and was restarted.');
    }
    // Give up at the fifth crash in three minutes, as the default handler does (it restarts four times).
    return this.#restarts.length >= 5 ? { action: CloseAction.DoNotRestart } : { action: CloseAction.Restart };
  }
}

/**
 * Starts the language server with its "Cable" output channel, which the extension disposes of with it;
 * `beforeStart` gets the client before it starts, to register for the notifications the server sends first.
 */
export async function startLanguageClient(context: vscode.ExtensionContext, beforeStart?: (client: LanguageClient) => void): Promise<LanguageClient> {
  // The server is bundled next to this file by esbuild.mjs.
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('Cable', { log: true });
  context.subscriptions.push(output);
  const clientOptions: LanguageClientOptions = {
    // Any scheme: untitled documents and virtual workspaces work too, the server only reads text.
    documentSelector: [{ language: 'cable' }],
    synchronize: { configurationSection: 'cable' },
    outputChannel: output,
    errorHandler: new RestartOnce(),
  };
  const client = new LanguageClient('cable', 'Cable', serverOptions, clientOptions);
  beforeStart?.(client);
  // The client opens the cables already open in the server as it starts.
  await client.start();
  return client;
}
