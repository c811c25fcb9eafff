#!/usr/bin/env node
// Makes dist/cli-main.cache, the V8 code cache that dist/cli.js runs the CLI's bundle with (server/src/cliLoader.ts):
// runs the bundle as dist/cli.js does, over the test fixtures in the default format and in JSON, so that the functions
// a lint runs are compiled, then writes V8's data for them after the bundle's bytes. esbuild.mjs runs it after each
// one-shot build, in a Node process without NODE_OPTIONS: V8 takes a cache only under the options it was made under,
// and only in the Node version that made it (any other, and dist/cli.js compiles the bundle as it would without one).
// Usage: node scripts/cli-code-cache.mjs (after the bundles are built)
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const loader = createRequire(import.meta.url)(join(dist, 'cli.js'));
// The last cache goes first: the warm-up compiles the bundle from its source.
rmSync(join(dist, loader.CODE_CACHE), { force: true });
process.chdir(root);
const fixtures = 'test/fixtures';
// The bundle reads its arguments as dist/cli.js's: the first run is its own, the others run once it has finished.
process.argv = [process.argv[0], join(dist, 'cli.js'), '--threads', '1', fixtures];
const started = loader.start();
const more = [['--format', 'json', '--threads', '1', fixtures]];
process.on('beforeExit', () => {
  const args = more.shift();
  if (args) void started.exports.main(args);
});
process.on('exit', () => {
  loader.writeCodeCache(started);
  // The fixtures' findings are no failure of the build.
  process.exitCode = 0;
});
