#!/usr/bin/env node
// Editor latency over stdio against dist/server.js: time from didOpen/didChange to
// publishDiagnostics, p50 and p95, for 100 KB, 1 MB and 10 MB cables made by concatenating
// real ones in memory (never written to the project). didChange sends a one-character
// incremental edit, as an editor does while typing. Also the server's RSS with 10 MB open.
// With --burst, instead: typing in the 10 MB cable with the requests an editor sends meanwhile, some cancelled (below).
// Usage: npm run build && node bench/latency.mjs [--burst [path/to/server.js]]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createMessageConnection, CancellationTokenSource, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { corpusFiles, root } from './common.mjs';

const burst = process.argv[2] === '--burst';
const server = burst && process.argv[3] ? resolve(process.argv[3]) : join(root, 'dist', 'server.js');
const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
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

if (burst) await typing();

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

/**
 * A burst of typing in the 10 MB cable: 20 one-character edits 50 ms apart in a paragraph's text, each followed, as
 * VS Code sends while typing, by semantic tokens (`full/delta`), folding ranges, document symbols and code lenses; each
 * edit cancels the requests of the edits before it still unanswered, as VS Code cancels them. Prints how many were
 * answered and how many cancelled, the server's processor time from the first edit to the last edit's diagnostics
 * (user + system, from /proc), and the time from the last edit to its diagnostics. Then exits.
 */
async function typing() {
  const text = make(1e7);
  const uri = 'file:///bench/burst10MB.cable';
  const lines = text.split(/\r\n|\r|\n/);
  let middle = lines.length >> 1;
  while (lines[middle].length < 40) middle++;
  let version = 1;
  let opened = new Promise((resolve) => (pending = { uri, version, resolve }));
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version, text } });
  await opened;
  let resultId = (await conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })).resultId;
  const cpu = () => {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  };
  const counts = { answered: 0, cancelled: 0 };
  let open = [];
  const ask = (method, params) => {
    const source = new CancellationTokenSource();
    const request = conn.sendRequest(method, { textDocument: { uri }, ...params }, source.token).then(
      (result) => {
        counts.answered++;
        if (result?.resultId) resultId = result.resultId;
      },
      (error) => {
        if (error?.code === -32800) counts.cancelled++;
        else throw error;
      },
    );
    open.push(source);
    return request;
  };
  const cpuStart = cpu();
  const all = [];
  let lastEdit = 0;
  let diagnosed;
  for (let k = 0; k < 20; k++) {
    for (const source of open) source.cancel();
    open = [];
    version++;
    const at = { start: { line: middle, character: 29 + k }, end: { line: middle, character: 30 + k } };
    if (k === 19) diagnosed = new Promise((resolve) => (pending = { uri, version, resolve }));
    lastEdit = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: at, text: 'Q' }] });
    all.push(ask('textDocument/semanticTokens/full/delta', { previousResultId: resultId }), ask('textDocument/foldingRange', {}), ask('textDocument/documentSymbol', {}), ask('textDocument/codeLens', {}));
    if (k < 19) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await diagnosed;
  const toDiagnostics = performance.now() - lastEdit;
  await Promise.all(all);
  const used = cpu() - cpuStart;
  console.log(`burst of 20 edits in 10 MB (${server}): ${counts.answered} requests answered, ${counts.cancelled} cancelled; server processor time ${used.toFixed(0)} ms; last edit to its diagnostics ${toDiagnostics.toFixed(0)} ms`);
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  child.kill();
  process.exit(0);
}
