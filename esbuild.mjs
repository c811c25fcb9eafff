// Bundles the client, the server and the CLI into dist/ (esbuild-sample style).
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints build results in the format of the `$esbuild-watch` problem matcher (in watch mode only: a one-shot build lets esbuild report errors itself). */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcherPlugin] : [],
  // jsonc-parser's UMD build hides its modules from the bundler; take the ES module build.
  mainFields: ['module', 'main'],
};

/**
 * The source of a stand-in module whose exports `names` (and `default`, for a package, with `withDefault`) require
 * `file`, bundled next to the importing bundle in dist/, when one of them is first read.
 */
function lazyStandIn(file, names, withDefault) {
  return [
    'let loaded;',
    `const load = () => (loaded ??= require(${JSON.stringify(`./${file}`)}));`,
    "Object.defineProperty(exports, '__esModule', { value: true });",
    ...(withDefault ? ["Object.defineProperty(exports, 'default', { enumerable: true, get: () => (load().__esModule ? load().default : load()) });"] : []),
    `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
  ].join('\n');
}

/**
 * Packages the CLI needs only now and then: jsonc-parser when there is a configuration file,
 * picomatch when there are globs, vscode-languageserver-types for `outline`, diff for the
 * diff of `--fix-dry-run`. Each is bundled on its own into dist/cli-NAME.js, and the CLI
 * imports a stand-in whose exports require that file on first use, so that a plain run
 * neither compiles nor initialises them.
 */
const LAZY_PACKAGES = ['jsonc-parser', 'picomatch', 'vscode-languageserver-types', 'diff'];

/** Replaces imports of {@link LAZY_PACKAGES} with stand-ins that load dist/cli-NAME.js on first use. */
const lazyPackagesPlugin = {
  name: 'lazy-packages',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(?:${LAZY_PACKAGES.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy' }));
    build.onResolve({ filter: /^\.\/cli-/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, async (args) => {
      const names = Object.keys(await import(args.path)).filter((name) => name !== 'default' && name !== '__esModule');
      return { contents: lazyStandIn(`cli-${args.path}.js`, names, true), loader: 'js' };
    });
  },
};

/**
 * The client's modules loaded on first use: `./detect` (the parser, for a plain-text `.txt` file) and
 * `./languageClient` (vscode-languageclient, when a cable needs the server). The extension starts for every
 * plain-text document; it then loads only its own code. Each module is bundled on its own into dist/client-NAME.js,
 * and `client/src/extension.ts` gets a stand-in whose exports require that file when first read.
 */
const LAZY_CLIENT_MODULES = { './detect': 'client-detect.js', './languageClient': 'client-lsp.js' };

/** Replaces the client's imports of {@link LAZY_CLIENT_MODULES} with stand-ins that load dist/client-NAME.js on first use. */
const lazyClientModulesPlugin = {
  name: 'lazy-client-modules',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(?:${Object.keys(LAZY_CLIENT_MODULES).map((m) => m.replace('.', '\\.')).join('|')})$`) }, (args) => ({ path: `${args.path}.ts`, namespace: 'lazy-client', pluginData: args.resolveDir }));
    build.onResolve({ filter: /^\.\/client-/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-client' }, async (args) => {
      // The module's export names, as esbuild reads them from its source.
      const { metafile } = await esbuild.build({ entryPoints: [`${args.pluginData}/${args.path}`], bundle: false, write: false, metafile: true, format: 'esm', outdir: 'dist' });
      const names = Object.values(metafile.outputs)[0].exports;
      return { contents: lazyStandIn(LAZY_CLIENT_MODULES[args.path.replace(/\.ts$/, '')], names, false), loader: 'js' };
    });
  },
};

/**
 * The built-in dictionary (server/src/core/data/dictionary.json: TAGS, routing indicators, markings, header codes, E.O.
 * reasons and their sources, about 300 KB) ships once, as dist/dictionary.js, which the server reads under Node and in
 * a web worker, rather than in its bundle (which it was in, twice, when there were two server bundles). The file is a
 * classic script that also loads as a CommonJS module: `var cableDictionary = {…}`, a global where a web worker runs
 * it before the server's bundle (client/src/browserExtension.ts starts the worker so), and `module.exports` where
 * Node's `require` loads it. test/unit/package.test.ts checks that no bundle carries it.
 */
const DICTIONARY = 'dictionary.js';

/** Writes dist/{@link DICTIONARY} from the generated JSON, minified. */
function writeDictionary() {
  const data = JSON.parse(readFileSync(`${import.meta.dirname}/server/src/core/data/dictionary.json`, 'utf8'));
  mkdirSync(`${import.meta.dirname}/dist`, { recursive: true });
  const text = [
    '// The cable language server\'s built-in dictionary (esbuild.mjs): a global for a web worker, a module for Node.',
    `var cableDictionary = ${JSON.stringify(data)};`,
    "if (typeof module === 'object' && module.exports) module.exports = cableDictionary;",
    '',
  ].join('\n');
  writeFileSync(`${import.meta.dirname}/dist/${DICTIONARY}`, text);
}

/**
 * Replaces the import of dictionary.json (by `server/src/features/dictionaries.ts`) with a stand-in whose default export
 * reads dist/{@link DICTIONARY} when first read: in a web worker from the global the script set, under Node by `require`
 * beside the bundle (a clear error where neither is there: a worker started without it).
 */
function sharedDictionaryPlugin() {
  const read = [
    '(() => {',
    "  if (typeof cableDictionary !== 'undefined') return cableDictionary;",
    `  if (typeof require === 'function') return require(${JSON.stringify(`./${DICTIONARY}`)});`,
    `  throw new Error('the worker was started without dist/${DICTIONARY}, which sets the built-in dictionary');`,
    '})()',
  ].join('\n');
  return {
    name: 'shared-dictionary',
    setup(build) {
      build.onResolve({ filter: /[\\/]data[\\/]dictionary\.json$/ }, (args) => ({ path: args.path, namespace: 'shared-dictionary' }));
      build.onResolve({ filter: new RegExp(`^\\./${DICTIONARY.replace('.', '\\.')}$`) }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'shared-dictionary' }, () => ({
        contents: [
          'let loaded;',
          "Object.defineProperty(exports, '__esModule', { value: true });",
          `Object.defineProperty(exports, 'default', { enumerable: true, get: () => (loaded ??= ${read}) });`,
        ].join('\n'),
        loader: 'js',
      }));
    },
  };
}

/**
 * The browser bundle (vscode.dev, github.dev, a web extension host), one file: the extension host loads the client's
 * `browser` entry as a CommonJS module that may require only `vscode` (test/unit/webBundles.test.ts reads it for a
 * Node module). The client starts the server, dist/server.js (below), as a classic web worker.
 */
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  // Nothing of Node is there to fall back on: an import of one fails the build.
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};

/**
 * The language server, one bundle (dist/server.js) for Node (the desktop client, `cable-language-server`) and for a web
 * worker (the browser entry), which are the same code but for the connection and the host: `server/src/server.ts`
 * requires `nodeServer.ts` under Node and `browserServer.ts` elsewhere, each bundled as a module loaded on that require,
 * so that neither platform loads the other's. Platform `node` leaves Node's modules as `require` calls, made only on
 * Node's path; an iife keeps the bundle's names out of the worker's global scope, and both targets bound the syntax.
 * Nothing checks the worker's path for Node here: test/unit/webBundles.test.ts bundles `browserServer.ts` alone for the
 * browser (where an import of Node fails) and reads it, and runs this bundle in a stand-in for a worker's scope.
 */
const server = { ...common, format: 'iife', target: ['node20', 'es2022'] };

/**
 * Resolves `vscode-languageserver/browser` and the two it imports (`vscode-languageserver-protocol/browser`,
 * `vscode-jsonrpc/browser`) by their `browser` export condition, which a build for Node does not take: only these,
 * so that every other package resolves as it does for Node (the same files the browser build took, but for these).
 */
const browserLanguageServerPlugin = {
  name: 'browser-language-server',
  setup(build) {
    build.onResolve({ filter: /^vscode-(?:languageserver|languageserver-protocol|jsonrpc)\/browser$/ }, (args) => {
      const name = args.path.slice(0, -'/browser'.length);
      // The package's folder, as Node would find it from the importer (its package.json is no export to resolve).
      const folder = createRequire(`${args.resolveDir}/`).resolve.paths(name).map((dir) => join(dir, name)).find((dir) => existsSync(join(dir, 'package.json')));
      const manifest = join(folder, 'package.json');
      const target = JSON.parse(readFileSync(manifest, 'utf8')).exports['./browser'].browser;
      return { path: join(dirname(manifest), target) };
    });
  },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'], plugins: [...common.plugins, lazyClientModulesPlugin] },
  { ...web, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] },
  { ...common, entryPoints: ['client/src/detect.ts'], outfile: 'dist/client-detect.js' },
  { ...common, entryPoints: ['client/src/languageClient.ts'], outfile: 'dist/client-lsp.js', external: ['vscode'] },
  { ...server, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, plugins: [...common.plugins, sharedDictionaryPlugin(), browserLanguageServerPlugin] },
  // `cablelint`: dist/cli.js runs dist/cli-main.js with its code cache (server/src/cliLoader.ts, scripts/cli-code-cache.mjs).
  { ...common, entryPoints: ['server/src/cliLoader.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli-main.js', plugins: [...common.plugins, lazyPackagesPlugin] },
  ...LAZY_PACKAGES.map((name) => ({ ...common, stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: import.meta.dirname }, outfile: `dist/cli-${name}.js` })),
];

/**
 * Makes dist/cli-main.cache, the V8 code cache of the CLI's bundle, in a Node process of its own with none of the
 * options NODE_OPTIONS may hold, since V8 takes a cache only under the options it was made under.
 */
function makeCodeCache() {
  const { NODE_OPTIONS: _, ...env } = process.env;
  // The warm-up's own output (the fixtures' findings, a fixture's configuration problems) is shown only on a failure.
  const run = spawnSync(process.execPath, ['scripts/cli-code-cache.mjs'], { cwd: import.meta.dirname, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`scripts/cli-code-cache.mjs: ${run.error ?? `exit ${run.status}`}\n${run.stderr}`);
}

async function main() {
  writeDictionary();
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    // Each rebuild changes the CLI's bundle, whose cache would then be refused: none is made, and the last goes.
    rmSync(`${import.meta.dirname}/dist/cli-main.cache`, { force: true });
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  makeCodeCache();
  console.log(`built ${builds.length} bundles into dist/${production ? ' (minified)' : ''}`);
}

main().catch((error) => {
  // esbuild has already printed a build failure's errors; anything else is printed here.
  if (!Array.isArray(error?.errors)) console.error(error);
  process.exit(1);
});
