#!/usr/bin/env node
// Workspace index: build time for the 200-cable corpus and for 13,000 cables (the corpus replicated
// under new ids in bench/.tmp), workspace-symbol query time on the large index, and server memory.
// Measured over stdio against dist/server.js, from initialize to the server's cable/indexed notification.
// With --validate-scope: 2,000 cables (the corpus replicated in the same way) under cable.validate.scope "openFiles"
// and "workspace", with the diagnostics published for closed files and how long workspace/symbol waits meanwhile.
// Usage: npm run build && node bench/index.mjs [--validate-scope]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { corpus, median, replicate, root, tmp } from './common.mjs';

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

/** Initialize → cable/indexed under `scope`, with the closed files' diagnostics and workspace/symbol asked every 50 ms meanwhile. */
async function measureScope(folder, scope) {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.onRequest((method) => (method === 'workspace/configuration' ? [{ validate: { scope } }] : null));
  let files = 0;
  let diagnostics = 0;
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.diagnostics.length === 0) return;
    files++;
    diagnostics += p.diagnostics.length;
  });
  let indexed = false;
  const done = new Promise((resolve) => conn.onNotification('cable/indexed', (p) => { indexed = true; resolve(p); }));
  conn.listen();
  const start = performance.now();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: `file://${folder}`, workspaceFolders: [{ uri: `file://${folder}`, name: 'b' }], capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
  const waits = [];
  while (!indexed) {
    const t = performance.now();
    await conn.sendRequest('workspace/symbol', { query: 'PREL' });
    waits.push(performance.now() - t);
    await Promise.race([done, new Promise((r) => setTimeout(r, 50))]);
  }
  const { count } = await done;
  const buildMs = performance.now() - start;
  const rss = parseInt(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1], 10) / 1024;
  // utime and stime, in clock ticks of 10 ms: the server's own processor time, which other load on the machine changes less than the wall time.
  const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const cpu = (Number(stat[11]) + Number(stat[12])) / 100;
  console.log(`scope ${scope}: ${count} cables indexed in ${(buildMs / 1000).toFixed(2)} s (server processor time ${cpu.toFixed(2)} s); diagnostics for ${files} closed files (${diagnostics} in all); workspace/symbol meanwhile median ${median(waits).toFixed(1)} ms, max ${Math.max(...waits).toFixed(1)} ms (${waits.length} asked); server peak RSS ${rss.toFixed(0)} MB`);
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  child.kill();
}

if (process.argv.includes('--validate-scope')) {
  const big = join(tmp, 'index2000');
  replicate(big, 2000, { newIds: true });
  for (const scope of ['openFiles', 'workspace', 'openFiles', 'workspace']) await measureScope(big, scope);
} else {
  await measure(join(corpus, 'cablegate'), 'corpus (200 cables)');
  const big = join(tmp, 'index13000');
  replicate(big, 13000, { newIds: true });
  await measure(big, 'replicated corpus (13,000 cables)');
}
