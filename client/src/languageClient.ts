/**
 * The LanguageClient that starts the bundled server over IPC and restarts it if it dies. Most of the client's
 * code is vscode-languageclient: esbuild.mjs bundles this module on its own (`dist/client-lsp.js`), which the
 * client loads only when a cable first needs the server.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { cableClientOptions } from './clientOptions';
import { serveWorkspaceFiles, INITIALIZATION_OPTIONS } from './workspaceFiles';

/**
 * Starts the language server in a Node process with its "Cable" output channel, which the extension disposes of with
 * it; `beforeStart` gets the client before it starts, to register for the notifications the server sends first.
 */
export async function startLanguageClient(context: vscode.ExtensionContext, beforeStart?: (client: LanguageClient) => void): Promise<LanguageClient> {
  // The server is bundled next to this file by esbuild.mjs.
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // The server reads `file:` folders itself; a virtual folder (`vscode-vfs:`) it reads through the client.
  const client = new LanguageClient('cable', 'Cable', serverOptions, { ...cableClientOptions(context), initializationOptions: INITIALIZATION_OPTIONS });
  serveWorkspaceFiles(client);
  beforeStart?.(client);
  // The client opens the cables already open in the server as it starts.
  await client.start();
  return client;
}
