/**
 * The cable language server in a web worker (the extension's `browser` entry starts it: vscode.dev, github.dev,
 * code-server's web extension host): the same server as `nodeServer.ts`, on messages posted to and from the worker,
 * with no file system (`browserHost.ts`). `server.ts` requires this module where there is no Node (dist/server.js
 * is one bundle for both).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { browserHost } from './browserHost';
import { startLanguageServer } from './languageServer';
import { lifecycleStrategy } from './lifecycle';

// The worker's global scope posts and receives the messages.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0] & Parameters<typeof browserHost>[0];

startLanguageServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self), { messageStrategy: lifecycleStrategy() }), browserHost(self));
