/**
 * The cable language server's one bundle (dist/server.js), for Node and for a web worker alike: esbuild.mjs bundles
 * this entry once, with both starts, and the desktop client, `cable-language-server` and the browser entry's worker
 * all run it. Under Node it starts `nodeServer.ts` (stdio, node IPC or a socket, Node's file system); anywhere else
 * (a web worker, which has no `process`) `browserServer.ts`. Each is required only here, so that the other's modules
 * (vscode-languageserver/node, which requires Node's modules as it loads; vscode-languageserver/browser) are never
 * loaded where they cannot run, and a start-up error still throws from the script (a worker's `error` event).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a require esbuild bundles, loaded only on its platform. */
if (typeof process === 'object' && typeof process.versions?.node === 'string') require('./nodeServer');
else require('./browserServer');
