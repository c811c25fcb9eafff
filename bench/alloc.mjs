#!/usr/bin/env node
// What the parser allocates and what a large model keeps (bench/RESULTS.md, "Parse throughput").
// 1. Bytes allocated per warm pass over ../shared/corpus, by V8's sampling heap profiler (every 256 bytes
//    sampled, objects that the young- and old-generation collectors freed counted too), with the top sites, and
//    the heap the models of one pass keep: the part of what is allocated that is no waste.
//    With --garbage, the sites are ranked by their garbage: a second profile, taken while every model of the
//    passes is held and counting only objects still alive, is taken away from the first.
// 2. For the 10 MB document bench/parse.mjs times: the bytes one warm parse allocates, the heap its model holds
//    after the parse (full collections before and after) and that of its lines alone (`split`).
// The core is bundled unminified, so that the sites keep their function names; a built-in's allocation
// (the match array of `exec`, the growth of `push`) is put on the function that called it.
// Usage: node --expose-gc bench/alloc.mjs [--top N] [--garbage]
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { corpusFiles, loadCore } from './common.mjs';

const gc = globalThis.gc;
if (typeof gc !== 'function') throw new Error('run with node --expose-gc');
process.env.NOMINIFY = '1';
const top = process.argv.includes('--top') ? Number(process.argv[process.argv.indexOf('--top') + 1]) : 25;
const garbage = process.argv.includes('--garbage');
const core = await loadCore();
const texts = corpusFiles().map((f) => readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
for (let i = 0; i < 50; i++) for (const t of texts) core.parseCable(t);

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');

/**
 * Runs `work` under the sampling heap profiler; returns the bytes sampled by site. `collected` counts the objects
 * the collectors freed during the run too; without it only those still alive at its end are counted.
 */
async function sample(work, collected = true) {
  await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: collected, includeObjectsCollectedByMinorGC: collected });
  const kept = work();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  const bySite = new Map();
  (function walk(node, caller) {
    const name = `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
    const site = node.callFrame.lineNumber < 0 && caller ? `${name.slice(0, -2)} in ${caller}` : name;
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, site);
  })(profile.head, undefined);
  if (kept === undefined) throw new Error('nothing kept');
  return bySite;
}
const sum = (bySite) => [...bySite.values()].reduce((a, b) => a + b, 0);
const mb = (n) => (n / 1e6).toFixed(2);

const passes = 10;
const all = await sample(() => {
  for (let i = 0; i < passes; i++) for (const t of texts) core.parseCable(t);
  return passes;
});
console.log(`allocated per warm corpus pass: ${mb(sum(all) / passes)} MB (${(sum(all) / passes / bytes).toFixed(1)} bytes per byte of text, ${mb(bytes)} MB of text)`);
// How much of that the models themselves are: the heap that holding every model of one pass keeps.
gc();
gc();
const before = process.memoryUsage().heapUsed;
const models = texts.map((t) => core.parseCable(t));
gc();
gc();
console.log(`of which the ${models.length} models hold ${mb(process.memoryUsage().heapUsed - before)} MB; the rest is garbage made on the way`);
let rows = [...all].map(([site, size]) => [site, size]);
if (garbage) {
  const live = await sample(() => {
    const held = [];
    for (let i = 0; i < passes; i++) for (const t of texts) held.push(core.parseCable(t));
    return held;
  }, false);
  rows = rows.map(([site, size]) => [site, size - (live.get(site) ?? 0), size]);
  console.log(`garbage per warm corpus pass, by this difference: ${mb(rows.reduce((n, r) => n + r[1], 0) / passes)} MB (MB per pass: garbage, allocated, site)`);
}
for (const row of rows.sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${row.slice(1).map((n) => (n / passes / 1e6).toFixed(3).padStart(8)).join('')}  ${row[0]}`);

// The 10 MB document bench/parse.mjs times.
const joined = texts.join('\n\n');
const big = joined.repeat(Math.ceil(10e6 / joined.length)).slice(0, 10e6);
core.parseCable(big);
const once = await sample(() => {
  for (let k = 0; k < 3; k++) core.parseCable(big);
  return 3;
});
await session.post('HeapProfiler.disable');
session.disconnect();
// Measured once each, the model first: after a few more parses of the document the heap in use after full
// collections varies by some 18 MB whatever is kept, so repeated samples do not agree.
function retained(make) {
  gc();
  gc();
  const start = process.memoryUsage().heapUsed;
  const kept = make();
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  // Read after the measure, so that what is kept stays alive through it.
  if (kept === undefined) throw new Error('nothing kept');
  return after - start;
}
const model = retained(() => core.parseCable(big));
const lines = retained(() => big.split(/\r\n|\r|\n/));
const { cable } = core.parseCable(big);
console.log(`10 MB document: a warm parse allocates ${(sum(once) / 3 / 1e6).toFixed(1)} MB; the model keeps ${(model / 1e6).toFixed(1)} MB, its lines alone ${(lines / 1e6).toFixed(1)} MB (lines ${cable.lines.length}, paragraphs ${cable.paragraphs.length})`);
