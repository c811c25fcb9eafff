/**
 * The extension's browser entry (`browser` in package.json: vscode.dev, github.dev, a web extension host): everything
 * is `cableExtension.ts`, with the server started in a web worker (dist/web/server.js, `server/src/browserServer.ts`).
 * esbuild.mjs bundles it whole into dist/web/extension.js, which may import no Node module.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateCable, deactivateCable, type CableExtensionApi, type StartLanguageClient } from './cableExtension';
import { cableClientOptions } from './clientOptions';

/** The browser's Worker, which the extension host's global scope has (the project's types leave out the DOM's). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[2] & object;

/** Starts the server in a new web worker, and a new one for each restart. */
const startInWorker: StartLanguageClient = async (context, beforeStart) => {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const client = new LanguageClient('cable', 'Cable', async () => new Worker(serverMain.toString(true)), cableClientOptions(context));
  beforeStart(client);
  await client.start();
  return client;
};

export function activate(context: vscode.ExtensionContext): CableExtensionApi {
  return activateCable(context, startInWorker);
}

export const deactivate = deactivateCable;
