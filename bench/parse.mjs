#!/usr/bin/env node
// Parse throughput over ../shared/corpus and over one 10 MB concatenation, against a floor
// measured in the same run: reading the same files and splitting them into lines.
// Usage: node bench/parse.mjs
import { readFileSync } from 'node:fs';
import { corpusFiles, loadCore, time } from './common.mjs';

const core = await loadCore();
const files = corpusFiles();
const texts = files.map((f) => readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const MB = bytes / 1e6;

// Warm up the JIT: the figures are for steady state, as in an editor or a long lint run.
for (let i = 0; i < 10; i++) for (const t of texts) core.parseCable(t);

const floor = time(() => { for (const f of files) readFileSync(f, 'utf8').split(/\r\n|\r|\n/); }, 15);
const full = time(() => { for (const f of files) core.parseCable(readFileSync(f, 'utf8')); }, 15);
console.log(`corpus: ${files.length} files, ${MB.toFixed(2)} MB`);
console.log(`  read+split floor ${floor.toFixed(1)} ms (${(MB / floor * 1000).toFixed(1)} MB/s)`);
console.log(`  read+parse       ${full.toFixed(1)} ms (${(MB / full * 1000).toFixed(1)} MB/s), ratio ${(full / floor).toFixed(2)}x`);

const joined = texts.join('\n\n');
const big = joined.repeat(Math.ceil(10e6 / joined.length)).slice(0, 10e6);
const one = big.slice(0, 1e6);
const splitBig = time(() => big.split(/\r\n|\r|\n/), 3);
const parseBig = time(() => core.parseCable(big), 3);
const parseOne = time(() => core.parseCable(one), 5);
console.log(`10 MB concatenation: split ${splitBig.toFixed(1)} ms, parse ${parseBig.toFixed(1)} ms (${(10 / parseBig * 1000).toFixed(1)} MB/s)`);
console.log(`scaling: 1 MB ${parseOne.toFixed(1)} ms, 10 MB ${parseBig.toFixed(1)} ms, ratio ${(parseBig / parseOne).toFixed(1)} (linear = 10)`);
