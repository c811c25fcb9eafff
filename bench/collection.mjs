#!/usr/bin/env node
// The Cables view on a large collection: 10,000 cables (the 200 corpus cables copied 50 times under new ids in
// bench/.tmp), the `cable/collection` request over stdio against dist/server.js once the index is read, and the
// client's grouping (client/src/collection.ts, bundled) of its answer for each grouping: what one refresh costs.
// Usage: npm run build && node bench/collection.mjs
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { median, replicate, root, tmp } from './common.mjs';

const COUNT = 10_000;

mkdirSync(tmp, { recursive: true });
await esbuild.build({ entryPoints: [join(root, 'client', 'src', 'collection.ts')], outfile: join(tmp, 'collection.cjs'), bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
const { groupCollection, GROUPINGS } = createRequire(import.meta.url)(join(tmp, 'collection.cjs'));

const big = join(tmp, 'collection');
replicate(big, COUNT, { newIds: true });
const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
conn.onRequest(() => null);
const indexed = new Promise((resolve) => conn.onNotification('cable/indexed', resolve));
conn.listen();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: `file://${big}`, workspaceFolders: [{ uri: `file://${big}`, name: 'b' }], capabilities: {} });
await conn.sendNotification('initialized', {});
const { count } = await indexed;

const requests = [];
let entries = [];
for (let i = 0; i < 7; i++) {
  const t = performance.now();
  entries = await conn.sendRequest('cable/collection');
  requests.push(performance.now() - t);
}
const bytes = Buffer.byteLength(JSON.stringify(entries));
console.log(`${count} cables indexed; cable/collection: ${entries.length} entries, ${(bytes / 1e6).toFixed(2)} MB of JSON, median ${median(requests).toFixed(1)} ms, max ${Math.max(...requests).toFixed(1)} ms (request to parsed answer)`);
for (const { grouping } of GROUPINGS) {
  const times = [];
  let top = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    top = groupCollection(entries, grouping);
    times.push(performance.now() - t);
  }
  console.log(`  group by ${grouping}: ${top.length} top-level nodes, median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
}
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();
child.kill();
rmSync(big, { recursive: true, force: true });
