#!/usr/bin/env node
// `cablelint --cache` over the corpus replicated 10x (bench/.tmp/corpus10, 2,000 files, made by
// `node bench/lint.mjs`): a run without the cache, a cold run (no cache file: every file is linted
// and its key hashed, and the cache written) and a warm run (every file read and hashed, none
// parsed or linted), in turn, so that all three meet the same load on a shared machine. Prints the
// medians of wall time and of processor time (user + system, from /usr/bin/time), and the cache's size.
// Usage: npm run build && node bench/lint.mjs 1 && node bench/cache.mjs [RUNS]   (default 7)
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { median, root, tmp } from './common.mjs';

const cli = join(root, 'dist', 'cli.js');
const dir = join(tmp, 'corpus10');
const cache = join(tmp, 'bench.cablelintcache');
const runs = Number(process.argv[2] ?? 7);
if (!existsSync(dir)) throw new Error(`${dir} not found: run node bench/lint.mjs first`);

/** Runs cablelint once: wall time and processor time in ms, and its standard output. */
function once(args) {
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, cli, '--format', 'json', ...args, dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (r.error || r.status === null || r.status > 1) throw new Error(`${args.join(' ')}: ${r.error ?? `exit ${r.status}`}\n${r.stderr}`);
  const [user, sys] = /([\d.]+) ([\d.]+)\s*$/.exec(r.stderr).slice(1).map(Number);
  return { ms, cpu: (user + sys) * 1000, stdout: r.stdout };
}

const cached = ['--cache', '--cache-location', cache];
// One untimed run, so that the files are in the page cache.
const reference = once([]).stdout;
const times = { plain: [], cold: [], warm: [] };
for (let i = 0; i < runs; i++) {
  const plain = once([]);
  rmSync(cache, { force: true });
  const cold = once(cached);
  const warm = once(cached);
  if (cold.stdout !== reference || warm.stdout !== reference) throw new Error('the cached runs printed other findings');
  times.plain.push(plain);
  times.cold.push(cold);
  times.warm.push(warm);
}
for (const [name, list] of Object.entries(times)) {
  console.log(`${name.padEnd(5)}: wall ${median(list.map((t) => t.ms)).toFixed(0)} ms, processor ${median(list.map((t) => t.cpu)).toFixed(0)} ms (medians of ${runs})`);
}
console.log(`cache file: ${(statSync(cache).size / 1024).toFixed(0)} KB`);
rmSync(cache, { force: true });
