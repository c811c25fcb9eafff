#!/usr/bin/env node
// Makes dist/vscode-cable.vsix with @vscode/vsce from a staging folder holding what the extension runs: the files of
// package.json `files` less the command line's bundles and code cache (`dist/cli.js`, `dist/cli-*.js`,
// `dist/cli-main.cache`), which the editor never loads, and with CHANGELOG.md cut to each entry's first sentence
// (scripts/changelog-digest.mjs), which points to the whole file, and its JSON files (package.json, the grammar, the
// schemas, the snippets) written without white space (scripts/compact-json.mjs).
// The npm package, which carries `cablelint` and `cable-language-server`, keeps `files` as it is. vsce takes either a
// `files` list or a .vscodeignore, not both, so the extension's list goes into the staged copy of package.json.
// Usage: node scripts/package.mjs (after `npm run build`; `npm run package` does both)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changelogDigest } from './changelog-digest.mjs';
import { compactJson } from './compact-json.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const picomatch = require('picomatch');

/** The command line's bundles and code cache: in the npm package, not in the .vsix. */
const CLI_ONLY = picomatch(['dist/cli.js', 'dist/cli-*.js', 'dist/cli-main.cache']);

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** Every file a `files` pattern names: a path, or a name pattern inside its folder (`dist/client-*.js`, `schemas/*.json`). */
const matched = (pattern) => {
  const folder = posix.dirname(pattern);
  const isMatch = picomatch(pattern);
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => (folder === '.' ? e.name : `${folder}/${e.name}`)).filter((p) => isMatch(p));
};
const files = manifest.files.flatMap(matched).filter((p) => !CLI_ONLY(p));
const missing = manifest.files.filter((p) => matched(p).length === 0);
if (missing.length > 0) {
  console.error(`package: nothing matches ${missing.join(', ')} (run npm run build first)`);
  process.exit(1);
}

const stage = join(root, 'dist', '.vsix-stage');
rmSync(stage, { recursive: true, force: true });
for (const p of [...files, 'README.md']) {
  mkdirSync(dirname(join(stage, p)), { recursive: true });
  if (p.endsWith('.json')) writeFileSync(join(stage, p), compactJson(readFileSync(join(root, p), 'utf8')));
  else cpSync(join(root, p), join(stage, p));
}
const repository = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const whole = `Every entry in full is in CHANGELOG.md, in the repository (${repository}/blob/main/CHANGELOG.md) and in the npm package.`;
writeFileSync(join(stage, 'CHANGELOG.md'), changelogDigest(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), whole));
writeFileSync(join(stage, 'package.json'), `${JSON.stringify({ ...manifest, files })}\n`);

const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const out = join(root, 'dist', 'vscode-cable.vsix');
const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: 'inherit' });
rmSync(stage, { recursive: true, force: true });
process.exit(run.status ?? 1);
