/**
 * The extension's browser entry (`browser` in package.json: vscode.dev, github.dev, a web extension host): everything
 * is `cableExtension.ts`, with the server started in a web worker (dist/server.js, the one bundle of the server, which starts
 * `server/src/browserServer.ts` where there is no Node).
 * esbuild.mjs bundles it whole into dist/web/extension.js, which may import no Node module.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateCable, deactivateCable, type CableExtensionApi, type StartLanguageClient } from './cableExtension';
import { cableClientOptions } from './clientOptions';
import { serveWorkspaceFiles, INITIALIZATION_OPTIONS } from './workspaceFiles';

/** The browser's Worker, which the extension host's global scope has (the project's types leave out the DOM's). */
declare const Worker: new (url: string) => ConstructorParameters<typeof BrowserMessageReader>[0] & { terminate(): void };

/**
 * The URL a worker can be started from for the server bundle at `serverMain`, with the built-in dictionary at
 * `dictionary` run before it (esbuild.mjs ships it once, as dist/dictionary.js, beside the server's bundle): a `blob:`
 * script that runs the two. An extension served over HTTP (vscode.dev, github.dev) gives their URLs, which the blob's
 * `importScripts` loads (absolute, since a `blob:` URL has no folder to resolve a relative one against). One installed on
 * a remote (code-server, whose web worker extension host runs it from a `vscode-remote:` URI) cannot: the extension host
 * refuses to start a worker from a remote URI ("Creating workers from remote extensions is currently not supported").
 * Both files are then read once with `vscode.workspace.fs`, which reads the remote's files, and the blob holds their text,
 * the server's first line (`#!/usr/bin/env node`, for `cable-language-server`, which a script may open with only at its
 * very start) made a comment.
 */
async function workerUrl(dictionary: vscode.Uri, serverMain: vscode.Uri): Promise<string> {
  blobUrl ??= (async () => {
    const http = serverMain.scheme === 'http' || serverMain.scheme === 'https';
    const parts = http
      ? [`importScripts(${JSON.stringify(dictionary.toString(true))}, ${JSON.stringify(serverMain.toString(true))});\n`]
      : [await vscode.workspace.fs.readFile(dictionary), '\n', ...commentedHashbang(await vscode.workspace.fs.readFile(serverMain))];
    return URL.createObjectURL(new Blob(parts, { type: 'text/javascript' }));
  })();
  return blobUrl;
}

/** `script`'s text, as the parts of a blob, with a first line that is a hashbang (`#!`) made a line comment. */
function commentedHashbang(script: Uint8Array): (string | Uint8Array)[] {
  return script[0] === 0x23 && script[1] === 0x21 ? ['//', script] : [script];
}

/** The `blob:` URL that starts the server, made once. */
let blobUrl: Promise<string> | undefined;

/** The worker the server runs in, ended when a restart starts another. */
let worker: InstanceType<typeof Worker> | undefined;

/**
 * Starts the server in a new web worker, and a new one for each restart. The client gets the worker's message reader
 * and writer, not the worker: it tells a worker by `instanceof Worker`, which fails in VS Code's web worker extension
 * host, whose `Worker` is a wrapper function.
 */
const startInWorker: StartLanguageClient = async (context, beforeStart) => {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js');
  const dictionary = vscode.Uri.joinPath(context.extensionUri, 'dist', 'dictionary.js');
  const start = async () => {
    worker?.terminate();
    worker = new Worker(await workerUrl(dictionary, serverMain));
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  // The server in the worker has no file system: it asks the client for `.cablelint.jsonc`, the user dictionaries and the closed cables.
  const client = new LanguageClient('cable', 'Cable', start, { ...cableClientOptions(context), initializationOptions: INITIALIZATION_OPTIONS });
  serveWorkspaceFiles(client);
  beforeStart(client);
  await client.start();
  return client;
};

export function activate(context: vscode.ExtensionContext): CableExtensionApi {
  return activateCable(context, startInWorker);
}

export const deactivate = deactivateCable;
