#!/usr/bin/env node
// Workspace index: build time for the 200-cable corpus and for 13,000 cables (the corpus replicated
// under new ids in bench/.tmp), workspace-symbol query time on the large index, and server memory.
// Measured over stdio against dist/server.js, from initialize to the server's cable/indexed notification.
// Usage: npm run build && node bench/index.mjs
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { corpus, median, root, tmp } from './common.mjs';

async function measure(folder, label) {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.onRequest(() => null);
  const indexed = new Promise((resolve) => conn.onNotification('cable/indexed', resolve));
  conn.listen();
  const start = performance.now();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: `file://${folder}`, workspaceFolders: [{ uri: `file://${folder}`, name: 'b' }], capabilities: {} });
  await conn.sendNotification('initialized', {});
  const { count } = await indexed;
  const buildMs = performance.now() - start;
  const times = [];
  for (const q of ['09PARIS708', 'PARIS 708', 'missile defense', 'PREL', '2009-05']) {
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await conn.sendRequest('workspace/symbol', { query: q });
      times.push(performance.now() - t);
    }
  }
  const rss = parseInt(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1], 10) / 1024;
  console.log(`${label}: ${count} cables indexed in ${(buildMs / 1000).toFixed(2)} s; workspace/symbol median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; server peak RSS ${rss.toFixed(0)} MB`);
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  child.kill();
}

await measure(join(corpus, 'cablegate'), 'corpus (200 cables)');
const big = join(tmp, 'index13000');
rmSync(big, { recursive: true, force: true });
const files = readdirSync(join(corpus, 'cablegate'));
let n = 0;
for (let copy = 0; n < 13000; copy++) {
  const dir = join(big, `c${copy}`);
  mkdirSync(dir, { recursive: true });
  for (const f of files) {
    if (n >= 13000) break;
    // A new id per copy: the serial gets the copy number in front ("09PARIS708" → "09PARIS17708").
    const text = readFileSync(join(corpus, 'cablegate', f), 'utf8');
    writeFileSync(join(dir, f.replace(/(\d+)\.txt$/, (_, d) => `${copy + 1}${d}.cable`)), text);
    n++;
  }
}
await measure(big, 'replicated corpus (13,000 cables)');
