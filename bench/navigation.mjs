#!/usr/bin/env node
// Navigation over a collection: 2,000 cables (the corpus replicated under new ids, `replicate` in common.mjs), and the
// requests an archivist makes of it, each timed over stdio against dist/server.js once the index is built: Find All
// References on the banner of the most cited cable (with and without the declaration), on a REF item citing it and on
// the most used TAG; Go to Definition of that REF item (as links); its hover; Go to Symbol in Workspace by id, post,
// signature, classifier and subject words; the citation hierarchy's callers; the Cables view's collection; the preview.
// Each figure is the median (and max) of 15 runs after 3 not counted, with the cited cable and the citing one open.
// Usage: npm run build && node bench/navigation.mjs [--server PATH] [--dir DIR] [--count N]
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { median, replicate, root, tmp } from './common.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const server = arg('--server', join(root, 'dist', 'server.js'));
const dir = arg('--dir', join(tmp, 'navigation'));
const count = Number(arg('--count', '2000'));

if (!process.argv.includes('--reuse')) replicate(dir, count, { newIds: true });

// What the collection holds, read by the CLI: the most cited cable, a file citing it, the most used TAG, a signature and a classifier.
const extract = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'extract', '--format', 'jsonl', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
const records = extract.stdout.trim().split('\n').map((l) => JSON.parse(l));
const cited = new Map();
const tags = new Map();
for (const r of records) {
  for (const id of new Set((r.refs ?? []).map((x) => x.id).filter(Boolean))) cited.set(id, (cited.get(id) ?? 0) + 1);
  for (const t of r.tags ?? []) tags.set(t, (tags.get(t) ?? 0) + 1);
}
const byId = new Map(records.map((r) => [r.id, r]));
// The cable the most files cite (a Department cable, cited by every copy of the cables citing it): where the collection
// lacks it, an invented cable of that id is written beside it, so that its banner has every citation to list.
const [topId, topCount] = [...cited].sort((a, b) => b[1] - a[1])[0];
const [topTag, tagCount] = [...tags].sort((a, b) => b[1] - a[1])[0];
if (!byId.has(topId)) {
  const [, yy, post, number] = /^(\d\d)([A-Z]+?)(\d+)$/.exec(topId);
  const file = join(dir, 'extra', `${topId}.cable`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `R 010800Z JAN ${yy}\nFM SECSTATE WASHDC\nTO ALL DIPLOMATIC POSTS\n\nC O N F I D E N T I A L ${post} ${number.padStart(6, '0')}\n\nE.O. 12958: DECL: 01/01/20${yy}\nTAGS: ${topTag}\nSUBJECT: AN INVENTED CABLE FOR THE BENCHMARK\n\nClassified By: Director Odile Fernbrake for reasons 1.4 (b).\n\n1. (C) Text.\n\nFERNBRAKE\n`);
  byId.set(topId, { id: topId, file });
}
const citedRecord = byId.get(topId);
const citingRecord = records.find((r) => (r.refs ?? []).some((x) => x.id === topId));
const pathOf = (r) => (isAbsolute(r.file) ? r.file : join(process.cwd(), r.file));
console.log(`${records.length} cables in ${dir}; most cited ${topId} (${topCount} cables), cited by ${citingRecord.id}; TAG ${topTag} on ${tagCount} cables`);

const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
conn.onRequest(() => null);
const indexed = new Promise((resolve) => conn.onNotification('cable/indexed', resolve));
conn.listen();
const start = performance.now();
await conn.sendRequest('initialize', {
  processId: process.pid,
  rootUri: `file://${dir}`,
  workspaceFolders: [{ uri: `file://${dir}`, name: 'nav' }],
  capabilities: { textDocument: { definition: { linkSupport: true }, hover: { contentFormat: ['markdown'] } } },
});
await conn.sendNotification('initialized', {});
const { count: n } = await indexed;
console.log(`index: ${n} cables in ${((performance.now() - start) / 1000).toFixed(2)} s`);

const open = async (file) => {
  const uri = `file://${file}`;
  const text = readFileSync(file, 'utf8');
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
  return { uri, lines: text.split(/\r\n|\r|\n/) };
};
const cabled = await open(pathOf(citedRecord));
const citing = await open(pathOf(citingRecord));
const bannerLine = cabled.lines.findIndex((l) => /\d{6}\s*$/.test(l) && /[A-Z] [A-Z] |CONFIDENTIAL|SECRET|UNCLAS/.test(l));
// The REF item of the citing cable that cites the most cited one: the line of its serial.
const serial = String(Number(/\d+$/.exec(topId)[0]));
const refLine = citing.lines.findIndex((l, i) => i < 60 && new RegExp(`\\b0*${serial}\\b`).test(l) && /^(REF|[A-Z]\.|¶?[A-Z]\.|\s)/.test(l));
const refChar = citing.lines[refLine].search(new RegExp(`0*${serial}\\b`));
const tagLine = cabled.lines.findIndex((l) => /^TAGS/i.test(l) && l.includes(topTag));
const tagsLine = tagLine >= 0 ? tagLine : citing.lines.findIndex((l) => /^TAGS/i.test(l) && l.includes(topTag));
const tagDoc = tagLine >= 0 ? cabled : citing;

async function timed(label, method, params, describe) {
  const times = [];
  let result;
  for (let i = 0; i < 18; i++) {
    const t = performance.now();
    result = await conn.sendRequest(method, params);
    if (i >= 3) times.push(performance.now() - t);
  }
  console.log(`${label.padEnd(52)} median ${median(times).toFixed(2).padStart(7)} ms, max ${Math.max(...times).toFixed(2).padStart(7)} ms  ${describe ? describe(result) : ''}`);
  return result;
}
const size = (r) => (Array.isArray(r) ? `${r.length} results` : r ? '1 result' : 'none');
const doc = (d) => ({ uri: d.uri });

await timed(`references on ${topId}'s banner, declaration`, 'textDocument/references', { textDocument: doc(cabled), position: { line: bannerLine, character: 1 }, context: { includeDeclaration: true } }, size);
await timed(`references on ${topId}'s banner, no declaration`, 'textDocument/references', { textDocument: doc(cabled), position: { line: bannerLine, character: 1 }, context: { includeDeclaration: false } }, size);
await timed(`references on ${citingRecord.id}'s REF item`, 'textDocument/references', { textDocument: doc(citing), position: { line: refLine, character: refChar }, context: { includeDeclaration: true } }, size);
await timed(`references on the TAG ${topTag}`, 'textDocument/references', { textDocument: doc(tagDoc), position: { line: tagsLine, character: tagDoc.lines[tagsLine].indexOf(topTag) + 1 }, context: { includeDeclaration: true } }, size);
await timed('definition of that REF item (links)', 'textDocument/definition', { textDocument: doc(citing), position: { line: refLine, character: refChar } }, size);
await timed('hover of that REF item', 'textDocument/hover', { textDocument: doc(citing), position: { line: refLine, character: refChar } }, (r) => (r ? `${r.contents.value.length} characters` : 'none'));
const signature = records.find((r) => r.signature && r.signature.length > 4)?.signature ?? 'CROCKER';
const classifier = records.map((r) => /([A-Z][a-z]{4,})\s*$/.exec(r.classifiedBy ?? '')?.[1]).find(Boolean) ?? 'Crocker';
for (const query of [topId, 'PARIS', signature.toLowerCase(), classifier.toLowerCase(), 'missile defense', '']) {
  await timed(`workspace/symbol ${JSON.stringify(query)}`, 'workspace/symbol', { query }, size);
}
const [item] = await timed(`prepareCallHierarchy on ${topId}'s banner`, 'textDocument/prepareCallHierarchy', { textDocument: doc(cabled), position: { line: bannerLine, character: 1 } }, size);
await timed('callHierarchy/incomingCalls', 'callHierarchy/incomingCalls', { item }, size);
await timed('cable/collection (Cables view)', 'cable/collection', {}, (r) => `${(r.cables ?? r).length ?? '?'} cables`);
await timed(`cable/preview of ${citingRecord.id}`, 'cable/preview', { uri: citing.uri }, (r) => (r ? `${r.html.length} characters` : 'none'));
const rss = parseInt(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1], 10) / 1024;
console.log(`server peak RSS ${rss.toFixed(0)} MB`);
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();
child.kill();
