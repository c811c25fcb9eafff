#!/usr/bin/env node
// Editor latency over stdio against dist/server.js: time from didOpen/didChange to
// publishDiagnostics, p50 and p95, for 100 KB, 1 MB and 10 MB cables made by concatenating
// real ones in memory (never written to the project). didChange sends a one-character
// incremental edit, as an editor does while typing. Also the server's RSS with 10 MB open.
// Usage: npm run build && node bench/latency.mjs
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { corpusFiles, root } from './common.mjs';

const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
let pending;
conn.onNotification('textDocument/publishDiagnostics', (p) => { if (pending && p.uri === pending.uri && p.version === pending.version) { pending.resolve(); pending = undefined; } });
conn.onRequest(() => null);
conn.listen();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
await conn.sendNotification('initialized', {});

const joined = corpusFiles().map((f) => readFileSync(f, 'utf8')).join('\n\n');
const make = (size) => joined.repeat(Math.ceil(size / joined.length)).slice(0, size);
const pct = (a, p) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * p))];

const results = {};
for (const [label, size, runs] of [['100 KB', 1e5, 20], ['1 MB', 1e6, 15], ['10 MB', 1e7, 5]]) {
  const text = make(size);
  const uri = `file:///bench/${label.replace(' ', '')}.cable`;
  const times = [];
  const lines = text.split(/\r\n|\r|\n/);
  const last = { line: lines.length - 1, character: lines[lines.length - 1].length - 1 };
  for (let v = 1; v <= runs; v++) {
    const done = new Promise((resolve) => (pending = { uri, version: v, resolve }));
    const start = performance.now();
    if (v === 1) await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
    // As an editor sends while typing: one character replaced at the end, as an incremental change.
    else await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: last, end: { line: last.line, character: last.character + 1 } }, text: String(v % 10) }] });
    await done;
    // didChange is debounced by 150 ms in the server; subtract it to get the work itself.
    times.push(performance.now() - start - (v === 1 ? 0 : 150));
  }
  results[label] = { p50: pct(times, 0.5), p95: pct(times, 0.95) };
  console.log(`${label}: p50 ${results[label].p50.toFixed(1)} ms, p95 ${results[label].p95.toFixed(1)} ms (didChange figures exclude the 150 ms debounce)`);
}
console.log(`10 MB / 1 MB p50 ratio: ${(results['10 MB'].p50 / results['1 MB'].p50).toFixed(1)} (goal <= 11)`);
const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
console.log(`server peak RSS with the 10 MB document open: ${(parseInt(/VmHWM:\s+(\d+)/.exec(status)[1], 10) / 1024).toFixed(0)} MB`);
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();
child.kill();
