#!/usr/bin/env node
// Parse throughput over ../shared/corpus and over concatenations of it up to 10 MB, against
// a floor measured in the same run: reading the same files and splitting them into lines.
// Figures are medians of repeated runs after a warm-up, for steady state as in an editor or a
// long lint run (V8 keeps optimizing the parser for about 40 passes over the corpus).
// Usage: node bench/parse.mjs
import { readFileSync } from 'node:fs';
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
const rows = sizes.map((mb, i) => {
  const parse = time(() => core.parseCable(docs[i]), 7);
  const split = time(() => docs[i].split(/\r\n|\r|\n/), 7);
  return { mb, parse, split };
});
for (const r of rows) console.log(`${String(r.mb).padStart(2)} MB document: split ${r.split.toFixed(1)} ms, parse ${r.parse.toFixed(1)} ms (${(r.mb / r.parse * 1000).toFixed(1)} MB/s), ratio ${(r.parse / r.split).toFixed(1)}x`);
const one = rows[0].parse;
const ten = rows[rows.length - 1].parse;
console.log(`scaling: 1 MB ${one.toFixed(1)} ms, 10 MB ${ten.toFixed(1)} ms, ratio ${(ten / one).toFixed(1)} (linear = 10)`);
