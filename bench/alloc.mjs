#!/usr/bin/env node
// What the parser allocates and what a large model keeps (bench/RESULTS.md, "Parse throughput").
// 1. Bytes allocated per warm pass over ../shared/corpus, by V8's sampling heap profiler (every 256 bytes
//    sampled, objects that the young- and old-generation collectors freed counted too), with the top sites.
//    Also the heap the models of one pass keep, the part of what is allocated that is no waste.
// 2. The heap a 10 MB document's model holds after the parse (full collections before and after), against
//    that of its lines alone (`split`).
// The core is bundled unminified, so that the sites keep their function names.
// Usage: node --expose-gc bench/alloc.mjs [--top N]
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { corpusFiles, loadCore } from './common.mjs';

const gc = globalThis.gc;
if (typeof gc !== 'function') throw new Error('run with node --expose-gc');
process.env.NOMINIFY = '1';
const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 25;
const core = await loadCore();
const texts = corpusFiles().map((f) => readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
for (let i = 0; i < 50; i++) for (const t of texts) core.parseCable(t);

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const passes = 10;
for (let i = 0; i < passes; i++) for (const t of texts) core.parseCable(t);
const { profile } = await session.post('HeapProfiler.stopSampling');
await session.post('HeapProfiler.disable');
session.disconnect();
const bySite = new Map();
let total = 0;
// A built-in's allocation (a match array of `exec`, the growth of `push`) is put on the function that called it.
(function walk(node, caller) {
  const name = `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
  const site = node.callFrame.lineNumber < 0 && caller ? `${name.slice(0, -2)} in ${caller}` : name;
  bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
  total += node.selfSize;
  for (const child of node.children) walk(child, site);
})(profile.head, undefined);
console.log(`allocated per warm corpus pass: ${(total / passes / 1e6).toFixed(2)} MB (${(total / passes / bytes).toFixed(1)} bytes per byte of text, ${(bytes / 1e6).toFixed(2)} MB of text)`);
// How much of that the models themselves are: the heap that holding every model of one pass keeps.
{
  gc(); gc();
  const before = process.memoryUsage().heapUsed;
  const models = texts.map((t) => core.parseCable(t));
  gc(); gc();
  const kept = process.memoryUsage().heapUsed - before;
  if (models.length !== texts.length) throw new Error('a model is missing');
  console.log(`of which the ${models.length} models hold ${(kept / 1e6).toFixed(2)} MB; the rest is garbage made on the way`);
}
for (const [site, size] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(size / passes / 1e6).toFixed(3).padStart(8)} MB  ${site}`);

// The 10 MB document bench/parse.mjs times.
const joined = texts.join('\n\n');
const big = joined.repeat(Math.ceil(10e6 / joined.length)).slice(0, 10e6);
const used = () => process.memoryUsage().heapUsed;
/** Heap held by what `make` returns, after full collections; the median of three. */
// Measured once each, the model first, in a process that has parsed the document once: after a few parses of it the
// heap in use after full collections varies by some 18 MB, whatever is kept, so repeated samples do not agree.
function retained(make) {
  gc(); gc();
  const before = used();
  const kept = make();
  gc(); gc();
  const after = used();
  // Read after the measure, so that what is kept stays alive through it.
  if (kept === undefined) throw new Error('nothing kept');
  return after - before;
}
core.parseCable(big);
const model = retained(() => core.parseCable(big));
const lines = retained(() => big.split(/\r\n|\r|\n/));
const { cable } = core.parseCable(big);
console.log(`10 MB document: the parse keeps ${(model / 1e6).toFixed(1)} MB, its lines alone ${(lines / 1e6).toFixed(1)} MB (lines ${cable.lines.length}, paragraphs ${cable.paragraphs.length})`);
