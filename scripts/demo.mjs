#!/usr/bin/env node
// `npm run demo`: lints, outlines and extracts the invented sample cables with the built CLI.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const samples = join(root, 'test', 'fixtures', 'samples');
const rules = join(root, 'test', 'fixtures', 'rules');

function step(title, args) {
  console.log(`\n== ${title}\n$ cablelint ${args.map((a) => a.replace(root + '/', '')).join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  return r.status;
}

let failed = false;
failed ||= step('Lint the sample cables (clean)', [samples]) !== 0;
// A cable with a spill: the linter must find the error and exit 1.
failed ||= step('Lint a defective cable (expect an error)', [join(rules, 'cbl030-portion-marking-above-banner.bad.cable')]) !== 1;
failed ||= step('Outline a cable', ['outline', join(samples, '09VALLETTA412.cable')]) !== 0;
failed ||= step('Extract metadata (CSV)', ['extract', '--format', 'csv', '--fields', 'id,dtg,classification,tags,subject', samples]) !== 0;
console.log(failed ? '\ndemo: something did not behave as expected' : '\ndemo: done');
process.exit(failed ? 1 : 0);
