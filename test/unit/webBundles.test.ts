/**
 * What runs in a browser holds nothing of Node: no `require` but the client's of `vscode`, no `node:` module, no use of
 * `process` that would throw where there is none. The client's bundle (dist/web/extension.js) is read so; the server's
 * is one bundle for Node and a web worker (dist/server.js, esbuild.mjs), which holds Node's modules for its Node start,
 * so what its worker start loads (`server/src/browserServer.ts`) is bundled here alone for the browser, where an
 * import of a Node module fails the build, and read so. Each loads in a scope that has only what a browser gives (the
 * shipped server in a stand-in for a worker's global scope, which answers `initialize`). The real browser runs the
 * server bundle in test/e2e/webWorker.mjs.
 */
import * as esbuild from 'esbuild';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { ROOT, runWebServer } from '../helpers';

const WEB = path.join(ROOT, 'dist', 'web');
const CLIENT = path.join(WEB, 'extension.js');

/**
 * `server/src/browserServer.ts` bundled alone, as esbuild.mjs built it for the browser before the two servers became
 * one bundle: platform `browser` (an import of a Node module fails), its main fields, minified, with the import of the
 * built-in dictionary (which dist/dictionary.js sets) left out.
 */
async function browserServerAlone(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'server', 'src', 'browserServer.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    minify: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [
      {
        name: 'no-dictionary',
        setup(build) {
          build.onResolve({ filter: /[\\/]data[\\/]dictionary\.json$/ }, (args) => ({ path: args.path, namespace: 'no-dictionary' }));
          build.onLoad({ filter: /.*/, namespace: 'no-dictionary' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}
/** Node's built-in modules, by the names a bundle would require them by. */
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * The uses of `process` in the bundled libraries that cannot throw without one, each found by the text before it:
 * path-browserify (the web worker host's path functions, and vscode-uri's own copy of it) calls `process.cwd()` only
 * to resolve a relative path with no absolute one before it, which neither the server nor the client asks.
 */
const KNOWN_UNGUARDED = [/[\w$]+===void 0&&\([\w$]+=process\.cwd\(\)\)/];

/** The uses of `process.` in `text` not guarded by a `typeof process` test in the 300 characters before them. */
function unguardedProcessUses(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\w$.])process\.\w+/g)) {
    const before = text.slice(Math.max(0, m.index - 300), m.index);
    const around = text.slice(Math.max(0, m.index - 40), m.index + 40);
    if (/typeof process/.test(before) || KNOWN_UNGUARDED.some((k) => k.test(around))) continue;
    out.push(around);
  }
  return out;
}

describe('browser bundles', () => {
  const texts = { client: async () => fs.readFileSync(CLIENT, 'utf8'), 'server (the worker\'s start, bundled alone)': browserServerAlone };
  for (const [name, read] of Object.entries(texts)) {
    it(`${name}: requires no Node built-in module and uses process only where it tests for it`, async () => {
      const text = await read();
      const required = [...text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
      assert.deepEqual([...new Set(required)], name === 'client' ? ['vscode'] : []);
      assert.deepEqual(required.filter((r) => BUILTINS.has(r)), []);
      assert.doesNotMatch(text, /["'`]node:[a-z_/]+["'`]/);
      assert.deepEqual(unguardedProcessUses(text), []);
    });
  }

  it('the manifest names the browser entry, and the package ships it and the one server bundle', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.browser, './dist/web/extension.js');
    assert.equal(pkg.bin['cable-language-server'], './dist/server.js');
    for (const bundle of ['dist/web/extension.js', 'dist/server.js']) assert.ok(pkg.files.includes(bundle), bundle);
    assert.ok(!pkg.files.some((f: string) => f.startsWith('dist/web/server')), 'no second server bundle');
    // `cable-language-server` runs the file itself; a worker takes the hashbang only at a script's start.
    assert.ok(fs.readFileSync(path.join(ROOT, 'dist', 'server.js'), 'utf8').startsWith('#!/usr/bin/env node\n'));
  });

  it('the unguarded-use check finds a bare process use and passes a guarded one', () => {
    assert.equal(unguardedProcessUses('let a=process.env.X;').length, 1);
    assert.equal(unguardedProcessUses('let a=typeof process<"u"&&process.platform;').length, 0);
  });

  it('client: loads where only vscode can be required, and exports activate and deactivate', () => {
    const module = { exports: {} as Record<string, unknown> };
    const sandbox = {
      module,
      exports: module.exports,
      require: (id: string) => {
        // Every export a class, which vscode-languageclient extends or makes, or an object it reads.
        if (id === 'vscode') return new Proxy({}, { get: () => class {} });
        throw new Error(`require(${id}) in the browser bundle`);
      },
      console,
      setTimeout,
      clearTimeout,
      TextEncoder,
      TextDecoder,
    };
    vm.runInNewContext(fs.readFileSync(CLIENT, 'utf8'), sandbox, { filename: CLIENT });
    assert.equal(typeof module.exports.activate, 'function');
    assert.equal(typeof module.exports.deactivate, 'function');
  });

  for (const oneScript of [false, true]) {
    it(`server: starts in a stand-in for a worker scope without process, require or setImmediate, ${oneScript ? 'run as one script with the dictionary (a remote extension\'s blob)' : 'run after the dictionary'}, answers initialize, and hovers a TAG from the shipped dictionary`, async () => {
      const posted: unknown[] = [];
      // BrowserMessageReader takes messages through `onmessage`; the server's host listens for errors.
      const self: { onmessage?: (event: { data: unknown }) => void; addEventListener(): void; postMessage(message: unknown): void } = {
        addEventListener: () => undefined,
        postMessage: (message: unknown) => void posted.push(message),
      };
      const sandbox: Record<string, unknown> = { self, console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, TextEncoder, TextDecoder, performance };
      sandbox.globalThis = sandbox;
      runWebServer(sandbox, oneScript);
      assert.equal(typeof self.onmessage, 'function', 'the server listens for messages');
      const reply = async (id: number) => {
        for (let i = 0; i < 200 && !posted.some((m) => (m as { id?: number }).id === id); i++) await new Promise((r) => setTimeout(r, 10));
        return posted.find((m) => (m as { id?: number }).id === id) as { result?: unknown; error?: { message: string } } | undefined;
      };
      self.onmessage!({ data: { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } } });
      const init = (await reply(1)) as { result?: { serverInfo?: { name: string }; capabilities: Record<string, unknown> } } | undefined;
      assert.equal(init?.result?.serverInfo?.name, 'cable-language-server');
      assert.ok(init?.result?.capabilities.documentSymbolProvider);
      // The meaning of a TAG comes from dist/dictionary.js, which no bundle carries (test/unit/package.test.ts).
      const { tags } = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'src', 'core', 'data', 'dictionary.json'), 'utf8')) as { tags: { code: string; family: string; meaning?: string }[] };
      // A subject TAG of one entry, whose hover gives its meaning as the dictionary writes it.
      const tag = tags.find((t) => t.family === 'subject' && t.meaning && /^[A-Z]{4}$/.test(t.code) && tags.filter((u) => u.code === t.code).length === 1)!;
      const text = `UNCLASSIFIED\n\nE.O. 12958: N/A\nTAGS: ${tag.code}\nSUBJECT: FERRY NOTE\n`;
      const uri = 'file:///ws/note.cable';
      self.onmessage!({ data: { jsonrpc: '2.0', method: 'initialized', params: {} } });
      self.onmessage!({ data: { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'cable', version: 1, text } } } });
      self.onmessage!({ data: { jsonrpc: '2.0', id: 2, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 3, character: 7 } } } });
      const hover = (await reply(2)) as { result?: { contents: { value: string } }; error?: { message: string } } | undefined;
      assert.equal(hover?.error, undefined);
      assert.ok(hover?.result?.contents.value.includes(tag.meaning!), hover?.result?.contents.value);
    });
  }
});
