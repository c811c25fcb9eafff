#!/usr/bin/env node
// Parse throughput over ../shared/corpus and over concatenations of it up to 10 MB, against
// a floor measured in the same run: reading the same files and splitting them into lines.
// Figures are medians of repeated runs after a warm-up, for steady state as in an editor or a
// long lint run (V8 keeps optimizing the parser for about 40 passes over the corpus).
// Usage: node bench/parse.mjs
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { corpusFiles, loadCore, median, time } from './common.mjs';

const core = await loadCore();
const files = corpusFiles();
const texts = files.map((f) => readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const MB = bytes / 1e6;

for (let i = 0; i < 50; i++) for (const t of texts) core.parseCable(t);

// Floor and parse alternate, round by round, so that both meet the same machine load; the
// ratio is the median of the rounds' ratios.
const rounds = [];
for (let r = 0; r < 31; r++) {
  const floor = time(() => { for (const f of files) readFileSync(f, 'utf8').split(/\r\n|\r|\n/); }, 1);
  const full = time(() => { for (const f of files) core.parseCable(readFileSync(f, 'utf8')); }, 1);
  rounds.push({ floor, full, ratio: full / floor });
}
const floor = median(rounds.map((r) => r.floor));
const full = median(rounds.map((r) => r.full));
const ratio = median(rounds.map((r) => r.ratio));
const parseOnly = time(() => { for (const t of texts) core.parseCable(t); }, 31);
console.log(`corpus: ${files.length} files, ${MB.toFixed(2)} MB`);
console.log(`  read+split floor ${floor.toFixed(1)} ms (${(MB / floor * 1000).toFixed(1)} MB/s)`);
console.log(`  read+parse       ${full.toFixed(1)} ms (${(MB / full * 1000).toFixed(1)} MB/s), ratio ${ratio.toFixed(2)}x (median of ${rounds.length} alternating rounds)`);
console.log(`  parse alone      ${parseOnly.toFixed(1)} ms (${(MB / parseOnly * 1000).toFixed(1)} MB/s)`);

// One document made of the corpus texts, cut to each size; each size is warmed up before it is timed.
const joined = texts.join('\n\n');
const big = joined.repeat(Math.ceil(10e6 / joined.length)).slice(0, 10e6);
const sizes = [1, 2, 5, 10];
const docs = sizes.map((mb) => big.slice(0, mb * 1e6));
for (let round = 0; round < 3; round++) for (const d of docs) core.parseCable(d);
// Garbage-collection pauses, summed while a parse is timed: the model of a large document lives
// until the parse ends, so the young-generation collector copies it; a small one dies young.
let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; });
gcObserver.observe({ entryTypes: ['gc'] });
const flushGc = () => new Promise((resolve) => setTimeout(resolve, 1));
const rows = [];
for (let i = 0; i < sizes.length; i++) {
  const mb = sizes[i];
  const parses = [];
  const gcs = [];
  for (let k = 0; k < 7; k++) {
    await flushGc();
    gcMs = 0;
    const start = performance.now();
    core.parseCable(docs[i]);
    parses.push(performance.now() - start);
    // GC entries are delivered asynchronously: let the observer run before reading the sum.
    await flushGc();
    gcs.push(gcMs);
  }
  const split = time(() => docs[i].split(/\r\n|\r|\n/), 7);
  rows.push({ mb, parse: median(parses), gc: median(gcs), split });
}
gcObserver.disconnect();
for (const r of rows) console.log(`${String(r.mb).padStart(2)} MB document: split ${r.split.toFixed(1)} ms, parse ${r.parse.toFixed(1)} ms (${(r.mb / r.parse * 1000).toFixed(1)} MB/s), ratio ${(r.parse / r.split).toFixed(1)}x; of the parse, garbage collection ${r.gc.toFixed(1)} ms`);
const one = rows[0];
const ten = rows[rows.length - 1];
console.log(`scaling: 1 MB ${one.parse.toFixed(1)} ms, 10 MB ${ten.parse.toFixed(1)} ms, ratio ${(ten.parse / one.parse).toFixed(1)} (linear = 10)`);
console.log(`scaling without garbage collection: 1 MB ${(one.parse - one.gc).toFixed(1)} ms, 10 MB ${(ten.parse - ten.gc).toFixed(1)} ms, ratio ${((ten.parse - ten.gc) / (one.parse - one.gc)).toFixed(1)}`);
// The floor's own scaling, measured the same way: splitting a 10 MB text keeps its lines alive through collections too.
console.log(`scaling of the split alone: 1 MB ${one.split.toFixed(1)} ms, 10 MB ${ten.split.toFixed(1)} ms, ratio ${(ten.split / one.split).toFixed(1)}`);
