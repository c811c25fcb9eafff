/**
 * The cable language server under Node: over stdio (`cable-language-server --stdio`), node IPC or a socket, as
 * vscode-languageserver decides from the arguments, with Node's file system (`nodeHost.ts`). The server itself is
 * `languageServer.ts`, which `browserServer.ts` starts in a web worker. `server.ts` requires this module under Node.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from './languageServer';
import { lifecycleStrategy } from './lifecycle';
import { nodeHost } from './nodeHost';

startLanguageServer(createConnection(ProposedFeatures.all, { messageStrategy: lifecycleStrategy() }), nodeHost);
