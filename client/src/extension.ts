/**
 * The extension's desktop entry (`main` in package.json): everything is `cableExtension.ts`, with the server started
 * in a Node process by `languageClient.ts`, which esbuild.mjs bundles on its own and the client loads only when a
 * cable first needs the server.
 */
import type * as vscode from 'vscode';
import { activateCable, deactivateCable, type CableExtensionApi } from './cableExtension';
import { startLanguageClient } from './languageClient';

export type { CableExtensionApi, CollectionProvider } from './cableExtension';

export function activate(context: vscode.ExtensionContext): CableExtensionApi {
  // Read only when called: reading the lazy module's export loads dist/client-lsp.js.
  return activateCable(context, (ctx, beforeStart) => startLanguageClient(ctx, beforeStart));
}

export const deactivate = deactivateCable;
