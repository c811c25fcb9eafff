#!/usr/bin/env node
// Lint throughput of the real CLI (dist/cli.js, all rules) over ../shared/corpus and over the corpus
// replicated 10x in bench/.tmp, against a floor measured in the same run: a Node script that only
// reads the same files and splits them into lines. Also reports the CLI's peak RSS.
// Usage: npm run build && node bench/lint.mjs
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

function timed(args, runs = 3) {
  const t = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    t.push(performance.now() - start);
    rss = Math.max(rss, parseInt(/(\d+)\s*$/.exec(r.stderr)?.[1] ?? '0', 10));
  }
  return { ms: median(t), rssMb: rss / 1024 };
}

const replicated = join(tmp, 'corpus10');
rmSync(replicated, { recursive: true, force: true });
for (let i = 0; i < 10; i++) cpSync(join(corpus, 'cablegate'), join(replicated, `copy${i}`), { recursive: true });

for (const [name, dir] of [['corpus (cablegate, 200 files)', join(corpus, 'cablegate')], ['corpus x10 (2,000 files)', replicated]]) {
  const floor = timed([floorScript, dir]);
  const lint = timed([cli, '--format', 'json', dir]);
  console.log(`${name}: floor ${floor.ms.toFixed(0)} ms, cablelint ${lint.ms.toFixed(0)} ms, ratio ${(lint.ms / floor.ms).toFixed(2)}x, cablelint peak RSS ${lint.rssMb.toFixed(0)} MB`);
}
