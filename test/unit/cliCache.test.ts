/**
 * `cablelint --cache`: the same findings as without it, from the cache only while nothing they
 * depend on has changed (the text, the name, the configuration, the user dictionaries, cablelint),
 * and a cache file that is damaged or not its own ignored.
 *
 * A cached result is told from a fresh one by tampering with the cache file: an entry whose
 * messages are rewritten shows up in the output only if the file was not linted again.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers';
import { ensureBuilt } from '../lsp/client';

const CLI = path.join(ROOT, 'dist/cli.js');
const RULES = path.join(ROOT, 'test/fixtures/rules');

function run(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface CacheFile {
  format: string;
  tool: string;
  entries: Record<string, { key: string; findings: { message: string }[] | null; cited?: { mentions?: unknown; severity?: string }; fixed?: boolean }>;
}

const readCache = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;

/** A finding no rule makes. */
const FAKE = { id: 'CBL001', name: 'fake', severity: 'info', message: 'TAMPERED', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };

/**
 * Sets the findings of the cable entries `which` picks to one "TAMPERED" finding, keeping their keys, and drops their
 * mentions of cited paragraphs, from which each run works out CBL054's findings (never cached: they hang on other files).
 */
function tamper(file: string, which: (name: string) => boolean = () => true): void {
  const cache = readCache(file);
  for (const [name, entry] of Object.entries(cache.entries)) {
    if (!which(name) || !entry.findings) continue;
    entry.findings = [FAKE];
    delete entry.cited?.mentions;
    delete entry.cited?.severity;
  }
  fs.writeFileSync(file, JSON.stringify(cache));
}

describe('cablelint --cache', function () {
  this.timeout(120000);
  let tmp: string;
  let dir: string;
  let cacheFile: string;
  before(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cablelint-cache-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  beforeEach(function () {
    // A copy of the rule fixtures for each test, so that each may change files.
    dir = path.join(tmp, this.currentTest!.title.replace(/\W+/g, '-').slice(0, 40));
    fs.cpSync(RULES, path.join(dir, 'cables'), { recursive: true });
    cacheFile = path.join(dir, '.cablelintcache');
  });

  it('gives the same findings with and without it, cold and warm, on one thread or several, in every format', () => {
    for (const format of ['json', 'stylish', 'sarif', 'junit']) {
      fs.rmSync(cacheFile, { force: true });
      const plain = run(['--format', format, 'cables'], dir);
      assert.equal(plain.stderr, '');
      for (const threads of ['1', '3']) {
        for (const pass of ['cold', 'warm']) {
          if (pass === 'cold') fs.rmSync(cacheFile, { force: true });
          const cached = run(['--cache', '--threads', threads, '--format', format, 'cables'], dir);
          assert.deepEqual([cached.code, cached.stdout, cached.stderr], [plain.code, plain.stdout, plain.stderr], `${format}, ${threads} threads, ${pass}`);
          assert.ok(fs.existsSync(cacheFile), 'written in the current directory');
        }
      }
    }
    // The walk takes every .cable and .txt file; a .txt file that is no cable is cached as such (null), an empty one is passed over as ever.
    const entries = Object.keys(readCache(cacheFile).entries);
    assert.equal(entries.length, fs.readdirSync(path.join(dir, 'cables')).filter((n) => /\.(cable|txt)$/.test(n) && fs.statSync(path.join(dir, 'cables', n)).size > 0).length);
    // Each under its path from the cache file's folder.
    assert.ok(entries.every((e) => e.startsWith('cables/')), entries.join(', '));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.cablelintcache', 'cables'], 'no temporary file is left');
  });

  it('takes an unchanged file from the cache and lints a changed one again, mtime or not', () => {
    run(['--cache', 'cables'], dir);
    tamper(cacheFile);
    const warm = run(['--cache', '--format', 'json', 'cables'], dir);
    assert.ok(!/"message": "(?!TAMPERED)/.test(warm.stdout), 'every result came from the cache');
    // Touched: the same text, still cached.
    const file = path.join(dir, 'cables', 'cbl030-portion-marking-above-banner.bad.cable');
    const text = fs.readFileSync(file, 'utf8');
    const stat = fs.statSync(file);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.match(run(['--cache', '--format', 'json', file], dir).stdout, /TAMPERED/);
    // Changed with the size and times kept (a copy made elsewhere): linted again.
    fs.writeFileSync(file, text.replace(/.\n$/, 'X\n'));
    assert.notEqual(fs.readFileSync(file, 'utf8'), text);
    fs.utimesSync(file, stat.atime, stat.mtime);
    const changed = run(['--cache', '--format', 'json', 'cables'], dir);
    const messages = (JSON.parse(changed.stdout) as { file: string; diagnostics: { message: string }[] }[]).map((r) => [path.basename(r.file), r.diagnostics.map((d) => d.message)] as const);
    for (const [name, found] of messages) {
      if (name === path.basename(file)) assert.ok(found.length > 0 && found.every((m) => m !== 'TAMPERED'), name);
      else assert.ok(found.every((m) => m === 'TAMPERED'), name);
    }
  });

  it('keeps its entries for a checkout moved or copied elsewhere with it, or linted from another folder', () => {
    run(['--cache', 'cables'], dir);
    tamper(cacheFile);
    const fromCache = (r: { stdout: string }) => (JSON.parse(r.stdout) as { diagnostics: { message: string }[] }[]).flatMap((x) => x.diagnostics.map((d) => d.message));
    // Another CI runner's folder, or a branch's own: the folder renamed, the cache with it.
    const moved = `${dir}-moved`;
    fs.renameSync(dir, moved);
    for (const threads of ['1', '3']) {
      const warm = fromCache(run(['--cache', '--threads', threads, '--format', 'json', 'cables'], moved));
      assert.ok(warm.length > 0 && warm.every((m) => m === 'TAMPERED'), `${threads} threads: ${warm.filter((m) => m !== 'TAMPERED').join(' | ')}`);
    }
    // Run from inside the folder of cables, the cache named from there: the same entries.
    const inside = fromCache(run(['--cache', '--cache-location', '../.cablelintcache', '--format', 'json', '.'], path.join(moved, 'cables')));
    assert.ok(inside.length > 0 && inside.every((m) => m === 'TAMPERED'));
    assert.ok(Object.keys(readCache(path.join(moved, '.cablelintcache')).entries).every((e) => e.startsWith('cables/')));
    // A cache kept apart from the files (another folder, then moved without them): nothing is taken from it.
    const apart = path.join(tmp, 'apart.json');
    run(['--cache', '--cache-location', apart, 'cables'], moved);
    tamper(apart);
    fs.mkdirSync(path.join(tmp, 'elsewhere'));
    fs.renameSync(apart, path.join(tmp, 'elsewhere', 'apart.json'));
    const cold = fromCache(run(['--cache', '--cache-location', path.join(tmp, 'elsewhere', 'apart.json'), '--format', 'json', 'cables'], moved));
    assert.ok(cold.length > 0 && cold.every((m) => m !== 'TAMPERED'));
    fs.renameSync(moved, dir);
  });

  it('drops the entries of files deleted since the last run, and counts only the files there are, from the cache or not', () => {
    const cables = path.join(dir, 'cables');
    const gone = ['cbl030-portion-marking-above-banner.bad.cable', 'cbl030-portion-marking-above-banner.good.cable', 'cbl030-portion-marking-above-banner.bad.expected.txt'];
    for (const threads of ['1', '3']) {
      fs.rmSync(cacheFile, { force: true });
      fs.cpSync(RULES, cables, { recursive: true });
      fs.mkdirSync(path.join(cables, 'sub'), { recursive: true });
      fs.copyFileSync(path.join(RULES, 'cbl018-tags-duplicate.bad.cable'), path.join(cables, 'sub', 'x.cable'));
      run(['--cache', '--threads', threads, 'cables'], dir);
      for (const name of [...gone, 'sub/x.cable']) assert.ok(`cables/${name}` in readCache(cacheFile).entries, name);
      for (const name of gone) fs.rmSync(path.join(cables, name));
      // A folder deleted whole, with its cables, too.
      fs.rmSync(path.join(cables, 'sub'), { recursive: true });
      const left = fs.readdirSync(cables).filter((n) => n.endsWith('.cable')).length;
      const plain = run(['--threads', threads, 'cables'], dir);
      const cached = run(['--cache', '--threads', threads, 'cables'], dir);
      assert.deepEqual([cached.code, cached.stdout, cached.stderr], [plain.code, plain.stdout, plain.stderr], `${threads} threads`);
      assert.match(cached.stdout, new RegExp(` in ${left} file\\(s\\)\n`));
      const json = JSON.parse(run(['--cache', '--threads', threads, '--format', 'json', 'cables'], dir).stdout) as { file: string }[];
      assert.equal(json.length, left);
      const entries = Object.keys(readCache(cacheFile).entries);
      for (const name of [...gone, 'sub/x.cable']) assert.ok(!entries.includes(`cables/${name}`), `${threads} threads: the entry of the deleted ${name} is kept`);
      assert.equal(entries.length, fs.readdirSync(cables).filter((n) => /\.(cable|txt)$/.test(n) && fs.statSync(path.join(cables, n)).size > 0).length);
    }
    // A run over one file keeps the entries of the others while they exist, and drops those of the ones deleted since.
    const one = path.join('cables', 'cbl018-tags-duplicate.bad.cable');
    const other = 'cables/cbl018-tags-duplicate.good.cable';
    fs.rmSync(path.join(dir, other));
    const before = Object.keys(readCache(cacheFile).entries).length;
    run(['--cache', one], dir);
    const after = Object.keys(readCache(cacheFile).entries);
    assert.equal(after.length, before - 1);
    assert.ok(!after.includes(other));
    // A file named on the command line and deleted: said to be missing, and its entry dropped.
    fs.rmSync(path.join(dir, one));
    const missing = run(['--cache', '--format', 'json', one], dir);
    assert.equal(missing.code, 2);
    assert.ok(!(one.split(path.sep).join('/') in readCache(cacheFile).entries));
  });

  it('lints every file again when the configuration, a --rule, a user dictionary or the name changes', () => {
    const x = path.join(dir, 'x.cable');
    fs.writeFileSync(x, fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09VALLETTA412.cable'), 'utf8').replace('MARR MOPS MT LY', 'MARR MOPS KLOCAF LY'));
    fs.mkdirSync(path.join(dir, 'dicts'));
    fs.writeFileSync(path.join(dir, 'dicts/local.json'), '{ "tags": [{ "code": "KDEM", "meaning": "A local word" }] }');
    const configs = [
      '{ "dictionaries": ["./dicts/local.json"] }',
      '{ "dictionaries": ["./dicts/local.json"], "rules": { "CBL030": "warning" } }',
      '{ "dictionaries": ["./dicts/local.json"], "rules": { "CBL030": "warning" }, "overrides": [{ "files": ["cables/cbl0[0-2]*"], "rules": { "CBL024": "off" } }] }',
    ];
    const fresh = (args: string[], change: () => void) => {
      run(['--cache', 'cables', 'x.cable'], dir);
      tamper(cacheFile);
      change();
      const r = run(['--cache', '--format', 'json', ...args, 'cables', 'x.cable'], dir);
      const plain = run(['--format', 'json', ...args, 'cables', 'x.cable'], dir);
      assert.equal(r.stdout, plain.stdout);
      assert.ok(!r.stdout.includes('TAMPERED'));
      return r.stdout;
    };
    fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), configs[0]);
    fresh([], () => fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), configs[1]));
    fresh(['--rule', 'CBL028=error'], () => undefined);
    // An override changes the settings of the files it names only: those are linted again, the others' results stand.
    run(['--cache', 'cables', 'x.cable'], dir);
    tamper(cacheFile);
    fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), configs[2]);
    const partly = JSON.parse(run(['--cache', '--format', 'json', 'cables', 'x.cable'], dir).stdout) as { file: string; diagnostics: { message: string }[] }[];
    const plain = JSON.parse(run(['--format', 'json', 'cables', 'x.cable'], dir).stdout) as typeof partly;
    partly.forEach((r, i) => {
      if (/^cables\/cbl0[0-2]/.test(r.file)) assert.deepEqual(r, plain[i], r.file);
      else assert.ok(r.diagnostics.every((d) => d.message === 'TAMPERED'), r.file);
    });
    // KLOC is a TAG now, so KLOCAF reads as KLOC AF run on: CBL044's finding comes, and only through a fresh lint.
    assert.doesNotMatch(run(['--format', 'json', 'x.cable'], dir).stdout, /KLOCAF/);
    const after = fresh([], () => fs.writeFileSync(path.join(dir, 'dicts/local.json'), '{ "tags": [{ "code": "KLOC", "meaning": "A local program" }] }'));
    assert.match(after, /KLOCAF/);
    // The name the rules see: CBL043 compares a name shaped like a cable id with the banner.
    fs.renameSync(x, path.join(dir, '09VALLETTA412.txt'));
    run(['--cache', '09VALLETTA412.txt'], dir);
    tamper(cacheFile);
    fs.renameSync(path.join(dir, '09VALLETTA412.txt'), path.join(dir, '09VALLETTA413.txt'));
    assert.match(run(['--cache', '--format', 'json', '09VALLETTA413.txt'], dir).stdout, /The file name says 09VALLETTA413/);
  });

  it('lints again, on one thread or several, only the files under a subfolder\'s .cablelint.jsonc when it or its dictionary changes', () => {
    // The files of cables/sub take cables/sub/.cablelint.jsonc, the others the folder's: each file's key holds the settings and user TAGS of its own.
    const sub = path.join(dir, 'cables', 'sub');
    fs.mkdirSync(sub);
    for (const name of fs.readdirSync(path.join(dir, 'cables')).filter((n) => /^cbl0[0-2].*\.cable$/.test(n))) fs.renameSync(path.join(dir, 'cables', name), path.join(sub, name));
    fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), '{ "rules": { "CBL030": "warning" } }');
    fs.writeFileSync(path.join(sub, 'tags.json'), '{ "tags": [{ "code": "KDEM", "meaning": "A local word" }] }');
    fs.writeFileSync(path.join(sub, '.cablelint.jsonc'), '{ "rules": { "CBL024": "error" }, "dictionaries": ["./tags.json"] }');
    const underSub = (name: string) => name.startsWith('cables/sub/');
    for (const threads of ['1', '3']) {
      const changed = (change: () => void) => {
        run(['--cache', '--threads', threads, 'cables'], dir);
        tamper(cacheFile);
        change();
        const cached = JSON.parse(run(['--cache', '--format', 'json', '--threads', threads, 'cables'], dir).stdout) as { file: string; diagnostics: { message: string }[] }[];
        const plain = JSON.parse(run(['--format', 'json', 'cables'], dir).stdout) as typeof cached;
        assert.ok(cached.some((r) => underSub(r.file)) && cached.some((r) => !underSub(r.file)));
        cached.forEach((r, i) => {
          if (underSub(r.file)) assert.deepEqual(r, plain[i], `${r.file} on ${threads}`);
          else assert.ok(r.diagnostics.every((d) => d.message === 'TAMPERED'), `${r.file} on ${threads}`);
        });
      };
      changed(() => fs.writeFileSync(path.join(sub, '.cablelint.jsonc'), `{ "rules": { "CBL024": "${threads === '1' ? 'hint' : 'info'}" }, "dictionaries": ["./tags.json"] }`));
      changed(() => fs.writeFileSync(path.join(sub, 'tags.json'), `{ "tags": [{ "code": "KLOC${threads === '1' ? 'A' : 'B'}", "meaning": "A local program" }] }`));
    }
  });

  it('ignores a corrupt, foreign or damaged cache file, or one another build of cablelint wrote, and rewrites it', () => {
    const plain = run(['--format', 'json', 'cables'], dir);
    const check = (label: string) => {
      const r = run(['--cache', '--format', 'json', 'cables'], dir);
      assert.deepEqual([r.code, r.stdout, r.stderr], [plain.code, plain.stdout, plain.stderr], label);
      assert.equal(readCache(cacheFile).format, 'cablelint-cache/3', `${label}: rewritten`);
    };
    for (const [label, text] of [
      ['not JSON', '{"format": "cablelint-cache/1", "tool": '],
      ['binary', '\u0000\u0001\u00ff'],
      ['an array', '[1, 2]'],
      ['another tool', '{ "version": "8.0", "files": {} }'],
      ['null', 'null'],
      ['empty', ''],
    ]) {
      fs.writeFileSync(cacheFile, text);
      check(label);
    }
    // Entries of the right key but the wrong shape are linted again rather than printed.
    run(['--cache', 'cables'], dir);
    const damaged = readCache(cacheFile);
    const names = Object.keys(damaged.entries);
    (damaged.entries[names[0]] as unknown as { findings: unknown }).findings = [{ id: 'CBL001' }];
    (damaged.entries[names[1]] as unknown as { findings: unknown }).findings = 'nothing';
    (damaged.entries[names[2]] as unknown) = 7;
    // A fix SARIF would print, with no edits to print.
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    (damaged.entries[names[3]] as unknown as { findings: unknown }).findings = [{ id: 'CBL018', name: 'tags-duplicate', severity: 'info', message: 'TAG X appears more than once.', range, fix: { title: 'Remove', edits: 'none' } }];
    // What CBL054 checks across files: a mention without the cited cable's id, a copy whose numbers are no list.
    const cbl054 = (kind: string) => damaged.entries[`cables/cbl054-cited-paragraph-missing.${kind}.cable`].cited as { mentions: { id: unknown }[]; copy: { numbers: unknown } };
    cbl054('bad').mentions[0].id = 7;
    cbl054('cited').copy.numbers = 'x';
    fs.writeFileSync(cacheFile, JSON.stringify(damaged));
    check('damaged entries');
    // Written by another build or version: its tool digest differs, and its entries are never read.
    run(['--cache', 'cables'], dir);
    tamper(cacheFile);
    const other = readCache(cacheFile);
    other.tool = other.tool.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    fs.writeFileSync(cacheFile, JSON.stringify(other));
    check('another build');
    assert.notEqual(readCache(cacheFile).tool, other.tool);
  });

  it('--cache-location names the file, or a folder to put .cablelintcache in; --fix-dry-run writes no cache', () => {
    const plain = run(['--format', 'json', 'cables'], dir).stdout;
    assert.equal(run(['--cache', '--cache-location', 'c.json', '--format', 'json', 'cables'], dir).stdout, plain);
    assert.ok(fs.existsSync(path.join(dir, 'c.json')) && !fs.existsSync(cacheFile));
    fs.mkdirSync(path.join(dir, 'cachedir'));
    run(['--cache', '--cache-location', 'cachedir', 'cables'], dir);
    run(['--cache', '--cache-location', 'newdir/', 'cables'], dir);
    assert.ok(fs.existsSync(path.join(dir, 'cachedir', '.cablelintcache')));
    assert.ok(!fs.existsSync(path.join(dir, 'newdir')), 'a folder that is not there is not made');
    fs.rmSync(path.join(dir, 'c.json'));
    run(['--cache', '--cache-location', 'c.json', '--fix-dry-run', 'cables'], dir);
    assert.ok(!fs.existsSync(path.join(dir, 'c.json')));
    // Not written is an I/O error, after the findings.
    const unwritable = run(['--cache', '--cache-location', 'cables/cbl030-portion-marking-above-banner.bad.cable/x', '--format', 'json', 'cables'], dir);
    assert.equal(unwritable.code, 2);
    assert.equal(unwritable.stdout, plain);
    assert.match(unwritable.stderr, /cannot write the cache \(ENOTDIR\)/);
  });

  it('--fix with --cache fixes files a plain run cached, and caches the fixed text under its new key', () => {
    const file = path.join(dir, 'cables', 'cbl026-pilcrow-artifact.bad.cable');
    const text = fs.readFileSync(file, 'utf8');
    // A plain run's entry says nothing of fixes: --fix still fixes the file.
    run(['--cache', 'cables'], dir);
    const fixed = run(['--cache', '--fix', '--format', 'json', 'cables'], dir);
    assert.notEqual(fs.readFileSync(file, 'utf8'), text);
    assert.ok(fs.readFileSync(file, 'utf8').includes('¶3. (C) Gauci'));
    // The findings printed, and those cached, are the fixed text's.
    assert.equal(fixed.stdout, run(['--format', 'json', 'cables'], dir).stdout);
    const name = 'cables/cbl026-pilcrow-artifact.bad.cable';
    const entry = readCache(cacheFile).entries[name];
    assert.equal(entry.fixed, false, 'a text the fixes changed is not yet known to need no fix');
    tamper(cacheFile, (n) => n === name);
    assert.match(run(['--cache', '--format', 'json', file], dir).stdout, /TAMPERED/, 'the fixed text is cached under its own key');
    // Put back: the text of the old key is fixed again.
    fs.writeFileSync(file, text);
    run(['--cache', '--fix', 'cables'], dir);
    assert.ok(fs.readFileSync(file, 'utf8').includes('¶3. (C) Gauci'));
    // A second --fix marks every file as needing no fix, and a third takes them all from the cache.
    run(['--cache', '--fix', 'cables'], dir);
    assert.ok(Object.values(readCache(cacheFile).entries).every((e) => e.fixed === true));
    tamper(cacheFile);
    assert.ok(!/"message": "(?!TAMPERED)/.test(run(['--cache', '--fix', '--format', 'json', 'cables'], dir).stdout));
  });
});
