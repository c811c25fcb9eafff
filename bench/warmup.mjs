#!/usr/bin/env node
// How much of a one-shot cablelint run is V8 warming up. In fresh processes, the bundled core (parse + all rules,
// minified as dist/cli.js is) reads, parses and lints every cablegate cable once per pass, 60 passes; each pass is
// timed, and so is a floor pass (read and split the same files) after it. A run of the CLI over the corpus replicated
// ten times (`node bench/lint.mjs`, 2,000 files) is the first ten passes of such a process; a long-lived process (the
// language server, an editor session) runs at the steady state of the last passes.
// Usage: node bench/warmup.mjs [PROCESSES]   (default 5; medians over the processes)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpus, loadCore, median } from './common.mjs';

const PASSES = 60;

if (process.argv[2] === '--child') {
  const { createRequire } = await import('node:module');
  const core = createRequire(import.meta.url)(process.argv[3]);
  const dir = join(corpus, 'cablegate');
  const files = readdirSync(dir).map((f) => join(dir, f));
  const out = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const start = performance.now();
    for (const f of files) core.lintCable(core.parseCable(readFileSync(f, 'utf8')).cable);
    const lint = performance.now() - start;
    const floorStart = performance.now();
    for (const f of files) readFileSync(f, 'utf8').split(/\r\n|\r|\n/);
    out.push([lint, performance.now() - floorStart]);
  }
  console.log(JSON.stringify(out));
} else {
  await loadCore();
  const bundle = join(fileURLToPath(new URL('.', import.meta.url)), '.tmp', 'core.cjs');
  const processes = Number(process.argv[2] ?? 5);
  const runs = [];
  for (let i = 0; i < processes; i++) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', bundle], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    runs.push(JSON.parse(r.stdout));
  }
  const at = (pass, k) => median(runs.map((run) => run[pass][k]));
  const row = (from, to) => Array.from({ length: to - from }, (_, i) => at(from + i, 0).toFixed(0)).join(' ');
  console.log(`read + parse + lint of the 200 cablegate cables, ms per pass, medians of ${processes} fresh processes:`);
  console.log(`  passes 1-10:  ${row(0, 10)}`);
  console.log(`  passes 11-20: ${row(10, 20)}`);
  const steady = median(Array.from({ length: 20 }, (_, i) => at(PASSES - 20 + i, 0)));
  const floor = median(Array.from({ length: 20 }, (_, i) => at(PASSES - 20 + i, 1)));
  const firstTen = Array.from({ length: 10 }, (_, i) => at(i, 0)).reduce((a, b) => a + b, 0);
  console.log(`  steady state (passes ${PASSES - 19}-${PASSES}): ${steady.toFixed(1)} ms a pass; read + split (floor) ${floor.toFixed(1)} ms a pass, ratio ${(steady / floor).toFixed(2)}x`);
  console.log(`first ten passes (what one CLI run over 2,000 files does): ${firstTen.toFixed(0)} ms, against ${(10 * steady).toFixed(0)} ms at the steady state: ${(100 * (1 - (10 * steady) / firstTen)).toFixed(0)}% of it is warming up`);
}
