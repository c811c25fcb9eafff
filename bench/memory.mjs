#!/usr/bin/env node
// What `cablelint` keeps in memory as collections grow: the corpus's 200 cablegate cables replicated to 200, 2,000, 6,000
// and 20,000 files in bench/.tmp (new names, the same texts: common.mjs's `replicate`; with `--new-ids`, texts changed to
// give each file a cable id of its own, named after it, as in a real collection), each linted once by the real CLI
// (`--format json` to /dev/null, one thread) under `--expose-gc` with a `--require` hook that runs a full collection before
// every write to standard output and at exit, and records the memory then in use, the heap and the array buffers' contents
// (which live outside it: typed arrays, Buffers): the largest of those at the writes ("at output", where the held results
// show), the one at exit (what survives the run), and the peak RSS by /usr/bin/time.
// Usage: npm run build && node bench/memory.mjs [--cli PATH/TO/cli.js] [--format FORMAT] [--new-ids] [COUNT...]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replicate, root, tmp } from './common.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
};
const cli = option('--cli', join(root, 'dist', 'cli.js'));
const format = option('--format', 'json');
const newIds = args.includes('--new-ids');
if (newIds) args.splice(args.indexOf('--new-ids'), 1);
const counts = args.length > 0 ? args.map(Number) : [200, 2000, 6000, 20000];

mkdirSync(tmp, { recursive: true });
const hook = join(tmp, 'memory-hook.cjs');
const report = join(tmp, 'memory-report.json');
writeFileSync(
  hook,
  `const fs = require('node:fs');
const gc = globalThis.gc;
let atOutput = 0, writes = 0;
const live = () => { gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const writeSync = fs.writeSync;
fs.writeSync = function (fd, ...rest) {
  if (fd === 1) { writes++; atOutput = Math.max(atOutput, live()); }
  return writeSync.call(this, fd, ...rest);
};
process.on('exit', () => writeSync(fs.openSync(${JSON.stringify(report)}, 'w'), JSON.stringify({ atOutput, atExit: live(), writes })));
`,
);

const mb = (bytes) => (bytes / 1048576).toFixed(1);
const rows = [];
for (const count of counts) {
  const dir = join(tmp, 'memory');
  replicate(dir, count, { newIds });
  rmSync(report, { force: true });
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '--expose-gc', '--require', hook, cli, '--threads', '1', '--format', format, dir], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status === null || r.status > 1) throw new Error(`${count} files: exit ${r.status}\n${r.stderr}`);
  const { atOutput, atExit, writes } = JSON.parse(readFileSync(report, 'utf8'));
  const rss = parseInt(/(\d+)\s*$/.exec(r.stderr)?.[1] ?? '0', 10) * 1024;
  rows.push({ count, atOutput, atExit, rss });
  console.log(`${count} files: live heap and array buffers at output ${mb(atOutput)} MB (largest of ${writes} writes), at exit ${mb(atExit)} MB, peak RSS ${mb(rss)} MB`);
  rmSync(dir, { recursive: true, force: true });
}
for (let i = 1; i < rows.length; i++) {
  const [a, b] = [rows[i - 1], rows[i]];
  const per = (key) => ((b[key] - a[key]) / (b.count - a.count)).toFixed(0);
  console.log(`${a.count} -> ${b.count} files: ${per('atOutput')} bytes a file at output, ${per('atExit')} at exit, ${per('rss')} of peak RSS`);
}
