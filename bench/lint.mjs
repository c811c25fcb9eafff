#!/usr/bin/env node
// Lint throughput of the real CLI (dist/cli.js, all rules) over ../shared/corpus and over the corpus
// replicated 10x in bench/.tmp, against a floor measured in the same run: a Node script that only
// reads the same files and splits them into lines. The two alternate, pair by pair, so that both meet
// the same load on a shared machine; the ratio is the median of the pairs' ratios. Also reports the
// CLI's peak RSS, and the two runs' cost of each file past the small run's (the difference between the two inputs'
// medians over the 1,800 files more): the ratio of those is what the whole runs' ratio climbs towards as the files
// grow, since the start of Node, which both pay, weighs less in a larger run.
// Usage: npm run build && node bench/lint.mjs [RUNS]   (RUNS pairs per input, default 11)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus, median, root, tmp } from './common.mjs';

const cli = join(root, 'dist', 'cli.js');
const floorScript = join(tmp, 'floor.mjs');
mkdirSync(tmp, { recursive: true });
writeFileSync(floorScript, `import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
let lines = 0;
const walk = (d) => { for (const e of readdirSync(d)) { const p = join(d, e); if (statSync(p).isDirectory()) walk(p); else lines += readFileSync(p, 'utf8').split(/\\r\\n|\\r|\\n/).length; } };
for (const d of process.argv.slice(2)) walk(d);
console.log(lines);
`);

const runs = Number(process.argv[2] ?? 11);

/**
 * Runs node with `args` once: wall time in ms, processor time (user and system, all threads) in ms and peak RSS in MB.
 * Fails on a crash or exit code 2 (findings exit 1).
 */
function once(args) {
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (r.error || r.status === null || r.status > 1) throw new Error(`${args.join(' ')}: ${r.error ?? `exit ${r.status}`}\n${r.stderr}`);
  const [user, system, rss] = (/([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr) ?? []).slice(1).map(Number);
  return { ms, cpuMs: 1000 * ((user ?? 0) + (system ?? 0)), rssMb: (rss ?? 0) / 1024 };
}

const replicated = join(tmp, 'corpus10');
rmSync(replicated, { recursive: true, force: true });
for (let i = 0; i < 10; i++) cpSync(join(corpus, 'cablegate'), join(replicated, `copy${i}`), { recursive: true });

// Node's start, which the floor and cablelint both pay: the share of a run that no file changes. An environment that
// sets NODE_EXTRA_CA_CERTS has every Node process decode that bundle as it starts (this machine's: about 420 M
// instructions, 91 M without it), which brings the whole runs' ratios closer to 1 the fewer the files.
const start = [];
for (let i = 0; i < runs; i++) start.push(once(['-e', '0']).ms);
console.log(`node -e 0: ${median(start).toFixed(0)} ms (median of ${runs}; NODE_EXTRA_CA_CERTS ${process.env.NODE_EXTRA_CA_CERTS ? 'set' : 'unset'})`);

const medians = [];
for (const [name, dir] of [['corpus (cablegate, 200 files)', join(corpus, 'cablegate')], ['corpus x10 (2,000 files)', replicated]]) {
  const floorArgs = [floorScript, dir];
  const lintArgs = [cli, '--format', 'json', dir];
  // One untimed run of each, so that both find the files in the page cache.
  once(floorArgs);
  once(lintArgs);
  const floor = [];
  const lint = [];
  const ratios = [];
  const floorCpu = [];
  const lintCpu = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    // Each goes first every other pair, so that neither always runs in the other's wake.
    let f, l;
    if (i % 2 === 0) {
      f = once(floorArgs);
      l = once(lintArgs);
    } else {
      l = once(lintArgs);
      f = once(floorArgs);
    }
    floor.push(f.ms);
    lint.push(l.ms);
    ratios.push(l.ms / f.ms);
    floorCpu.push(f.cpuMs);
    lintCpu.push(l.cpuMs);
    rss = Math.max(rss, l.rssMb);
  }
  medians.push({ floor: median(floor), lint: median(lint), floorCpu: median(floorCpu), lintCpu: median(lintCpu) });
  const sorted = [...ratios].sort((a, b) => a - b);
  console.log(
    `${name}: floor ${median(floor).toFixed(0)} ms, cablelint ${median(lint).toFixed(0)} ms (medians of ${runs}), ` +
      `ratio ${median(ratios).toFixed(2)}x (median of the pairs; ${sorted[0].toFixed(2)}-${sorted[sorted.length - 1].toFixed(2)}), cablelint peak RSS ${rss.toFixed(0)} MB; ` +
      `processor time (all threads, medians) floor ${median(floorCpu).toFixed(0)} ms, cablelint ${median(lintCpu).toFixed(0)} ms`,
  );
}
const [small, large] = medians;
// The replica holds the corpus's files ten times: nine times as many more.
const more = 9 * readdirSync(join(corpus, 'cablegate')).length;
const floorPerFile = (large.floor - small.floor) / more;
const lintPerFile = (large.lint - small.lint) / more;
console.log(
  `each file past the small run's (the medians' difference over ${more} files): floor ${floorPerFile.toFixed(3)} ms, ` +
    `cablelint ${lintPerFile.toFixed(3)} ms, ratio ${(lintPerFile / floorPerFile).toFixed(2)}x; processor time ratio ` +
    `${((large.lintCpu - small.lintCpu) / (large.floorCpu - small.floorCpu)).toFixed(2)}x`,
);
