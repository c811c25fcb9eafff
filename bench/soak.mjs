#!/usr/bin/env node
// Soak: drives dist/server.js over stdio with random edits, hovers, completions and symbol requests
// for N minutes and prints the server's memory every 30 s; it should stay flat.
// Usage: npm run build && node bench/soak.mjs --minutes 10
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { root } from './common.mjs';

const i = process.argv.indexOf('--minutes');
const minutes = i >= 0 ? Number(process.argv[i + 1]) : 1;
const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
conn.onRequest(() => null);
conn.onNotification(() => {});
conn.listen();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
await conn.sendNotification('initialized', {});

const base = readFileSync(join(root, 'test', 'fixtures', 'samples', '09VALLETTA412.cable'), 'utf8');
const uri = 'file:///soak/cable.cable';
let lines = base.split('\n');
let version = 1;
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version, text: base } });
let seed = 42;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
const rss = () => parseInt(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1], 10) / 1024;

const end = Date.now() + minutes * 60_000;
let nextReport = Date.now();
let ops = 0;
console.log('minute  server RSS (MB)  operations');
while (Date.now() < end) {
  const line = rand(lines.length);
  const text = lines[line];
  const at = rand(text.length + 1);
  // Insert or delete a character, keeping the document near its original size.
  const insert = lines.join('\n').length < base.length + 2000 && rand(2) === 0;
  const change = insert
    ? { range: { start: { line, character: at }, end: { line, character: at } }, text: 'ABC¶(S) '[rand(8)] }
    : { range: { start: { line, character: Math.max(0, at - 1) }, end: { line, character: at } }, text: '' };
  lines[line] = insert ? text.slice(0, at) + change.text + text.slice(at) : text.slice(0, Math.max(0, at - 1)) + text.slice(at);
  if (rand(500) === 0) lines = base.split('\n');
  version++;
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: rand(500) === 0 ? [{ text: lines.join('\n') }] : [change] });
  if (change.range && rand(500) === 0) await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: lines.join('\n') }] });
  const pos = { line: rand(lines.length), character: rand(40) };
  await conn.sendRequest(['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/foldingRange'][rand(4)], { textDocument: { uri }, position: pos });
  ops++;
  if (Date.now() >= nextReport) {
    console.log(`${((Date.now() - (end - minutes * 60_000)) / 60_000).toFixed(1).padStart(6)}  ${rss().toFixed(0).padStart(15)}  ${ops}`);
    nextReport += 30_000;
  }
}
console.log(`done: ${ops} operations, final RSS ${rss().toFixed(0)} MB`);
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();
child.kill();
