/**
 * `cablelint`'s code cache (server/src/cliLoader.ts): dist/cli.js runs the bundle with the V8 code cache the build made
 * when that cache was made from the bundle's bytes as they are and is whole, and compiles the bundle as without one
 * otherwise; either way the output is the same.
 *
 * Whether V8 took the cache is read from `--profile-deserialization`, which V8 leaves out of the options a cache must
 * match: it prints `[Deserializing from N bytes …]` for a cache taken and `[Cached code failed check]` for one refused.
 * Each test runs a copy of the CLI's files, which it may change.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUNDLE, CODE_CACHE, cachedDataFor } from '../../server/src/cliLoader';
import { ROOT } from '../helpers';
import { ensureBuilt } from '../lsp/client';

const DIST = path.join(ROOT, 'dist');
const FIXTURES = ['test/fixtures/rules', 'test/fixtures/samples'];

/** Runs `dir`/cli.js under `--profile-deserialization` (and `options`): its output, and the sizes of the code caches V8 read. */
function run(dir: string, args: string[], options: string[] = []): { code: number; stdout: string; stderr: string; read: number[]; refused: boolean } {
  const r = spawnSync(process.execPath, ['--profile-deserialization', ...options, path.join(dir, 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  // V8's lines come before the CLI's output, each on a line of its own.
  const lines = r.stdout.split('\n');
  const v8Lines = lines.filter((l) => /^\[(?:Deserializing|Serializing|Verifying|Cached code)/.test(l));
  return {
    code: r.status ?? -1,
    stdout: lines.filter((l) => !v8Lines.includes(l)).join('\n'),
    stderr: r.stderr,
    read: v8Lines.flatMap((l) => /^\[Deserializing from (\d+) bytes/.exec(l)?.[1] ?? []).map(Number),
    refused: v8Lines.includes('[Cached code failed check]'),
  };
}

describe('cablelint code cache', function () {
  this.timeout(120000);
  let tmp: string;
  let dir: string;
  /** The size of the V8 data in the build's cache. */
  let dataSize: number;
  /** The output of the build's CLI over the fixtures, without the cache. */
  let plain: string;

  before(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cablelint-code-cache-'));
    const bundle = fs.readFileSync(path.join(DIST, BUNDLE));
    dataSize = cachedDataFor(fs.readFileSync(path.join(DIST, CODE_CACHE)), bundle)?.length ?? 0;
    const noCache = path.join(tmp, 'no-cache');
    copyCli(noCache);
    fs.rmSync(path.join(noCache, CODE_CACHE));
    const r = run(noCache, ['--format', 'json', ...FIXTURES]);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(r.read.filter((n) => n === dataSize), []);
    plain = r.stdout;
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  beforeEach(function () {
    dir = path.join(tmp, this.currentTest!.title.replace(/\W+/g, '-').slice(0, 40));
    copyCli(dir);
  });

  /** Copies the CLI's files of dist/ (its entry, bundles and cache) into `to`. */
  function copyCli(to: string): void {
    fs.mkdirSync(to, { recursive: true });
    for (const f of fs.readdirSync(DIST)) if (/^cli(?:-[\w-]+)?\.(?:js|cache)$/.test(f)) fs.copyFileSync(path.join(DIST, f), path.join(to, f));
  }

  /** Changes the bytes of `file` in `dir` with `change`. */
  function rewrite(file: string, change: (bytes: Buffer) => Buffer): void {
    const full = path.join(dir, file);
    fs.writeFileSync(full, change(fs.readFileSync(full)));
  }

  it('is made by the build from the bundle as built, and taken by V8, with the same output as without it', () => {
    assert.ok(dataSize > 100_000, `${dataSize} bytes of V8 data`);
    const r = run(dir, ['--format', 'json', ...FIXTURES]);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(r.read.filter((n) => n === dataSize), [dataSize]);
    assert.equal(r.refused, false);
    assert.equal(r.stdout, plain);
    // Stylish (the default), extract and outline too.
    for (const args of [[...FIXTURES], ['extract', '--format', 'csv', FIXTURES[1]], ['outline', 'test/fixtures/samples/09VALLETTA412.cable']]) {
      const withCache = run(dir, args);
      const without = spawnSync(process.execPath, [path.join(DIST, BUNDLE), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.deepEqual(withCache.read.filter((n) => n === dataSize), [dataSize], args.join(' '));
      assert.equal(withCache.stdout, without.stdout, args.join(' '));
      assert.equal(withCache.code, without.status, args.join(' '));
    }
  });

  it('is taken by each worker thread too, under the lock the workers share around V8\'s checksum option, with the output of one thread', () => {
    // One thread, then two and three: each worker runs the entry, which compiles the bundle with the cache as the main thread does.
    for (const threads of [1, 2, 3]) {
      const r = run(dir, ['--format', 'json', '--threads', String(threads), ...FIXTURES]);
      assert.equal(r.code, 1, r.stderr);
      assert.deepEqual(r.read.filter((n) => n === dataSize), Array<number>(threads).fill(dataSize), `--threads ${threads}`);
      assert.equal(r.stdout, plain, `--threads ${threads}`);
    }
    // A damaged cache: each thread compiles the bundle from its source, with the same output.
    rewrite(CODE_CACHE, (b) => { const c = Buffer.from(b); c[c.length - Math.floor(dataSize / 2)] ^= 0x5a; return c; });
    const r = run(dir, ['--format', 'json', '--threads', '2', ...FIXTURES]);
    assert.deepEqual(r.read.filter((n) => n === dataSize), []);
    assert.equal(r.stdout, plain);
    // The bundle run alone (not through the entry) runs its workers alone too, without the cache.
    const alone = spawnSync(process.execPath, ['--profile-deserialization', path.join(dir, BUNDLE), '--format', 'json', '--threads', '2', ...FIXTURES], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(alone.status, 1, alone.stderr);
    assert.doesNotMatch(alone.stdout, new RegExp(`^\\[Deserializing from ${dataSize} bytes`, 'm'));
  });

  it('is not used for a bundle changed since, even one of the same length, which then runs as it is now', () => {
    // V8 compares a cache's source by length alone: from the cache, the old version would be printed.
    rewrite(BUNDLE, (bytes) => {
      const text = bytes.toString('latin1');
      assert.equal(text.split('"0.1.0"').length, 2);
      return Buffer.from(text.replace('"0.1.0"', '"9.8.7"'), 'latin1');
    });
    const r = run(dir, ['--version']);
    assert.equal(r.stdout.trim(), '9.8.7');
    assert.deepEqual(r.read.filter((n) => n === dataSize), []);
  });

  it('runs a bundle of ASCII bytes, as the build makes it, and one with UTF-8 characters, as written', () => {
    // The entry copies an ASCII bundle's bytes into a one-byte string, where UTF-8 costs V8 two passes over the bytes.
    const bundle = fs.readFileSync(path.join(DIST, BUNDLE));
    const at = bundle.findIndex((b) => b >= 0x80);
    assert.equal(at, -1, `dist/${BUNDLE} is not ASCII at ${JSON.stringify(bundle.subarray(Math.max(0, at - 60), at + 20).toString('utf8'))}: write the character as a \\u escape in the source`);
    // A non-ASCII character in the bundle (here the name it prints) is decoded as UTF-8, not byte for byte.
    rewrite(BUNDLE, (bytes) => {
      const text = bytes.toString('utf8');
      assert.equal(text.split('"0.1.0"').length, 2);
      return Buffer.from(text.replace('"0.1.0"', '"0.1.0 \u00B6\u201C"'), 'utf8');
    });
    const r = run(dir, ['--version']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), '0.1.0 \u00B6\u201C');
  });

  it('is refused when its V8 data is damaged, truncated, or made under other V8 options, and the output stays the same', () => {
    const cases: [string, () => void, string[]][] = [
      ['a byte changed in the V8 data', () => rewrite(CODE_CACHE, (b) => { const c = Buffer.from(b); c[c.length - Math.floor(dataSize / 2)] ^= 0x5a; return c; }), []],
      ['bytes changed all over the V8 data', () => rewrite(CODE_CACHE, (b) => { const c = Buffer.from(b); for (let i = c.length - dataSize + 64; i < c.length; i += 4099) c[i] ^= 0xff; return c; }), []],
      ['truncated', () => rewrite(CODE_CACHE, (b) => b.subarray(0, b.length - 1000)), []],
      ['emptied', () => rewrite(CODE_CACHE, () => Buffer.alloc(0)), []],
      ['other V8 options', () => undefined, ['--no-lazy-feedback-allocation']],
    ];
    for (const [what, damage, options] of cases) {
      copyCli(dir);
      damage();
      const r = run(dir, ['--format', 'json', ...FIXTURES], options);
      assert.equal(r.code, 1, `${what}: ${r.stderr}`);
      assert.deepEqual(r.read.filter((n) => n === dataSize), [], what);
      assert.equal(r.stdout, plain, what);
    }
  });

  it('is only read: a read-only dist/ runs with it and is left as it was', () => {
    const before = fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).mtimeMs]);
    for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o444);
    fs.chmodSync(dir, 0o555);
    try {
      const r = run(dir, ['--format', 'json', ...FIXTURES]);
      assert.deepEqual(r.read.filter((n) => n === dataSize), [dataSize]);
      assert.equal(r.stdout, plain);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
    assert.deepEqual(fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).mtimeMs]), before);
  });

  it('comes with the npm package, beside the bundle and the entry, which stays the bin; the .vsix leaves it out (test/e2e/run.mjs)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.bin.cablelint, './dist/cli.js');
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    const files: string[] = JSON.parse(packed.stdout)[0].files.map((f: { path: string }) => f.path);
    for (const f of ['dist/cli.js', `dist/${BUNDLE}`, `dist/${CODE_CACHE}`, 'dist/cli-picomatch.js']) assert.ok(files.includes(f), f);
  });
});
