/**
 * `cablelint` prints each file's result once it is final, in the walk's order, and holds nothing of it after (cli/stream.ts):
 * told apart structurally, by the order of the reads of the files and the writes to standard output a preloaded hook
 * sees, not by time; files are linted as the walk finds them; and a result CBL054 may still add to waits, with those after it, in a temporary file that is removed.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { jsonWriter, sarifWriter, type FileResult } from '../../server/src/cli/formats';
import { ROOT, writeWhole } from '../helpers';
import { ensureBuilt } from '../lsp/client';

const CLI = path.join(ROOT, 'dist/cli.js');

/** An invented unclassified cable from Tallinn, its serial `serial`, naming `refs`, with numbered paragraphs. */
function cable(serial: number, refs: string, paragraphs: readonly string[]): string {
  const body = paragraphs.map((p, i) => `¶${i + 1}. ${p}\n`).join('\n');
  return `UNCLAS SECTION 01 OF 01 TALLINN 000${serial}\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL ECON EN\nSUBJECT: ESTONIAN PORT AUTHORITY PLANS NEW FERRY TERMINAL\n\n${refs}\n\n${body}\nMERIVALE\n`;
}

/** A cable with a few findings (no date-time group, no classification line), so that each file has some output. */
const PLAIN = (serial: number) => cable(serial, 'REF: STATE 40211', ['The port authority chose a builder for the terminal.', 'The Embassy will follow the tender.']);

/** Writes the tree of many folders the walk-order tests run over, in `dir`: `folders` folders of `perFolder` plain cables, serials from `first` in walk order. */
const folders = 30;
const perFolder = 20;
function writeFolders(dir: string, first: number): string {
  fs.mkdirSync(dir);
  for (let f = 0; f < folders; f++) {
    const sub = path.join(dir, `f${String(f).padStart(2, '0')}`);
    fs.mkdirSync(sub);
    for (let i = 0; i < perFolder; i++) fs.writeFileSync(path.join(sub, `09TALLINN${first + f * perFolder + i}.txt`), PLAIN(first + f * perFolder + i));
  }
  return dir;
}

/** Each folder's files were read before the next folder was: the walk was never ahead by more than a folder. */
function assertFolderByFolder(events: readonly string[], run: string): void {
  for (let f = 1; f < folders; f++) {
    const at = events.indexOf(`readdir f${String(f).padStart(2, '0')}`);
    assert.equal(events.slice(0, at).filter((e) => e.startsWith('read ')).length, f * perFolder, `${run}: files read before folder ${f}`);
  }
}

/** Runs the CLI in `cwd` with a hook that logs, in order, each read of a file under `cwd` and each write to standard output. */
function runLogged(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; events: string[] } {
  const hookDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablelint-hook-'));
  const log = path.join(hookDir, 'events.log');
  const preload = path.join(hookDir, 'preload.js');
  fs.writeFileSync(
    preload,
    `const fs = require('node:fs'); const { readFileSync, writeSync, appendFileSync } = fs; const log = ${JSON.stringify(log)}; const under = ${JSON.stringify(cwd + path.sep)};
fs.readFileSync = function (file, ...rest) {
  if (typeof file === 'string' && require('node:path').resolve(file).startsWith(under)) appendFileSync(log, 'read ' + require('node:path').basename(file) + '\\n');
  return readFileSync.call(this, file, ...rest);
};
fs.readdirSync = ((readdirSync) => function (dir, ...rest) {
  if (typeof dir === 'string' && require('node:path').resolve(dir).startsWith(under)) appendFileSync(log, 'readdir ' + require('node:path').basename(dir) + '\\n');
  return readdirSync.call(this, dir, ...rest);
})(fs.readdirSync);
fs.mkdtempSync = ((mkdtempSync) => function (prefix, ...rest) {
  appendFileSync(log, 'mkdtemp\\n');
  return mkdtempSync.call(this, prefix, ...rest);
})(fs.mkdtempSync);
fs.writeSync = function (fd, ...rest) {
  if (fd === 1) appendFileSync(log, 'out\\n');
  return writeSync.call(this, fd, ...rest);
};
`,
  );
  const r = spawnSync(process.execPath, ['--require', preload, CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1', ...env } });
  const events = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter((l) => l !== '') : [];
  fs.rmSync(hookDir, { recursive: true, force: true });
  return { code: r.status ?? -1, stdout: r.stdout, events };
}

describe('cablelint streams its output', function () {
  this.timeout(120000);
  let tmp: string;
  before(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cablelint-stream-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes the first files\' results to stdout before it reads the last file, in every format but SARIF (whose run messages come first)', () => {
    const dir = path.join(tmp, 'many');
    fs.mkdirSync(dir);
    // Enough output for several of the CLI's 64 KB writes in each format.
    const count = 600;
    for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `09TALLINN${1000 + i}.txt`), PLAIN(1000 + i));
    for (const format of ['json', 'stylish', 'junit', 'github', 'gitlab']) {
      const { code, stdout, events } = runLogged(['--format', format, '--threads', '1', '.'], dir);
      assert.ok(code === 0 || code === 1, `${format}: exit ${code}`);
      const reads = events.filter((e) => e.startsWith('read '));
      assert.equal(reads.length, count, format);
      const firstOut = events.indexOf('out');
      const lastRead = events.lastIndexOf(reads[reads.length - 1]);
      assert.ok(firstOut >= 0 && firstOut < lastRead, `${format}: the first write to stdout (event ${firstOut}) comes before the last file is read (event ${lastRead})`);
      // Written as it goes: the reads after the first write are of files whose results come later.
      assert.ok(events.filter((e) => e === 'out').length >= 2, format);
      if (format === 'json') {
        const entries = JSON.parse(stdout) as { file: string; diagnostics: unknown[] }[];
        assert.deepEqual(
          entries.map((e) => e.file),
          reads.map((r) => r.slice('read '.length)),
        );
        assert.ok(entries.every((e) => e.diagnostics.length > 0));
      }
    }
  });

  it('lints and prints files as the walk finds them: the first file is read and its result written before the last folder is read', () => {
    // A collection of many folders: a run that walked the whole tree first (and so held a list of every file) read every
    // folder before any file. Told apart by the order of the reads, on one thread and on several.
    const dir = writeFolders(path.join(tmp, 'folders'), 3000);
    for (const threads of ['1', '2']) {
      const { code, stdout, events } = runLogged(['--format', 'json', '--threads', threads, '.'], dir);
      assert.ok(code === 0 || code === 1, `exit ${code}`);
      // The subfolders' reads (the hook logs those under the folder given, not the folder itself).
      const readdirs = events.filter((e) => e.startsWith('readdir '));
      assert.equal(readdirs.length, folders);
      const lastReaddir = events.lastIndexOf(readdirs[readdirs.length - 1]);
      const firstRead = events.findIndex((e) => e.startsWith('read '));
      assert.ok(firstRead >= 0 && firstRead < lastReaddir, `--threads ${threads}: the first file is read (event ${firstRead}) before the last folder (event ${lastReaddir})`);
      // On one thread each folder's files are read before the next folder is: the walk is never ahead by more than a folder.
      if (threads === '1') {
        assertFolderByFolder(events, `--threads ${threads}`);
        assert.ok(events.indexOf('out') < lastReaddir, 'the first write to stdout comes before the last folder is read');
      }
      assert.equal((JSON.parse(stdout) as unknown[]).length, folders * perFolder);
    }
  });

  it('extract and outline read and print files as the walk finds them: the first file is read and printed before the last folder is read', () => {
    // They walked the whole tree first into a list of every file (cli/files.ts `collect`), so every folder was read
    // before any file. Told apart by the order of the reads and the writes to stdout, as for lint above.
    const dir = writeFolders(path.join(tmp, 'extract'), 5000);
    for (const args of [['extract', '.'], ['extract', '--format', 'csv', '.'], ['outline', '.']]) {
      const { code, stdout, events } = runLogged(args, dir);
      assert.equal(code, 0, args.join(' '));
      const readdirs = events.filter((e) => e.startsWith('readdir '));
      assert.equal(readdirs.length, folders);
      const lastReaddir = events.lastIndexOf(readdirs[readdirs.length - 1]);
      // Each folder's files are read before the next folder is, and the first write to stdout comes before the last folder's read.
      assertFolderByFolder(events, args.join(' '));
      const firstOut = events.indexOf('out');
      assert.ok(firstOut >= 0 && firstOut < lastReaddir, `${args.join(' ')}: the first write to stdout (event ${firstOut}) comes before the last folder is read (event ${lastReaddir})`);
      // Every file, once, in the walk's order.
      const files = args[0] === 'outline' ? stdout.split('\n').filter((l) => l.endsWith('.txt')) : args.includes('csv') ? stdout.split('\n').slice(1, -1).map((l) => l.split(',')[0]) : stdout.trim().split('\n').map((l) => (JSON.parse(l) as { file: string }).file);
      assert.deepEqual(
        files.map((f) => path.basename(f)),
        Array.from({ length: folders * perFolder }, (_, i) => `09TALLINN${5000 + i}.txt`),
      );
    }
  });

  it('holds a result CBL054 may still add to, and those after it, in a temporary file it removes, and prints them in their places', () => {
    const dir = path.join(tmp, 'cited');
    const temp = path.join(tmp, 'temp');
    fs.mkdirSync(dir);
    fs.mkdirSync(temp);
    // 09TALLINN1230 names paragraph 9 of 09TALLINN1214, which comes after it in the walk (a later folder).
    fs.mkdirSync(path.join(dir, 'a'));
    fs.mkdirSync(path.join(dir, 'b'));
    fs.writeFileSync(path.join(dir, 'a', '09TALLINN1230.txt'), cable(1230, 'REF: A. TALLINN 1214', ['As REF A para 9 reported, the works start in the spring.', 'The Embassy will follow the tender.']));
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(dir, 'a', `09TALLINN${2000 + i}.txt`), PLAIN(2000 + i));
    fs.writeFileSync(path.join(dir, 'b', '09TALLINN1214.txt'), PLAIN(1214));
    const { code, stdout, events } = runLogged(['--format', 'json', '--threads', '1', '.'], dir, { TMPDIR: temp, TMP: temp, TEMP: temp });
    assert.ok(code === 0 || code === 1, `exit ${code}`);
    const entries = JSON.parse(stdout) as { file: string; diagnostics: { id: string; message: string }[] }[];
    assert.deepEqual(
      entries.map((e) => path.basename(e.file)),
      ['09TALLINN1230.txt', ...Array.from({ length: 300 }, (_, i) => `09TALLINN${2000 + i}.txt`), '09TALLINN1214.txt'],
    );
    assert.equal(entries[0].diagnostics.filter((d) => d.id === 'CBL054').length, 1);
    // Nothing could be printed before the cited cable was read: the first result waited for it, and all after it.
    const lastRead = events.lastIndexOf('read 09TALLINN1214.txt');
    assert.ok(events.indexOf('out') > lastRead);
    assert.ok(events.includes('mkdtemp'));
    assert.deepEqual(fs.readdirSync(temp), []);
    // Cited before the citing file, the citing file's findings are final when it is read: the output streams again.
    fs.renameSync(path.join(dir, 'b', '09TALLINN1214.txt'), path.join(dir, '09TALLINN1214.txt'));
    const before = runLogged(['--format', 'json', '--threads', '1', '.'], dir, { TMPDIR: temp, TMP: temp, TEMP: temp });
    const reads = before.events.filter((e) => e.startsWith('read '));
    assert.equal(reads[0], 'read 09TALLINN1214.txt');
    assert.ok(before.events.indexOf('out') < before.events.lastIndexOf(reads[reads.length - 1]));
    assert.equal((JSON.parse(before.stdout) as typeof entries)[1].diagnostics.filter((d) => d.id === 'CBL054').length, 1);
  });

  it('writes json and SARIF a file at a time as JSON.stringify writes the whole document', () => {
    const results: FileResult[] = [
      { file: 'a "quoted"\nname.cable', findings: [{ id: 'CBL001', name: 'x', severity: 'error', message: 'line\nbreak "and" \\ slash', range: { start: { line: 0, character: 0 }, end: { line: 1, character: 2 } } }] },
      { file: 'b.cable', findings: [] },
    ];
    const messages = [{ file: 'c.cable', message: 'cannot be read', text: 'c.cable: cannot be read' }, { message: 'run', text: 'run' }];
    const json = JSON.parse(writeWhole(jsonWriter(), results, messages)) as unknown;
    assert.equal(writeWhole(jsonWriter(), results, messages), JSON.stringify(json, null, 2) + '\n');
    assert.equal(writeWhole(jsonWriter(), [], []), '[]\n');
    const sarif = writeWhole(sarifWriter('1.0'), results, messages);
    assert.equal(sarif, JSON.stringify(JSON.parse(sarif), null, 2) + '\n');
    const empty = writeWhole(sarifWriter('1.0'), [], []);
    assert.equal(empty, JSON.stringify(JSON.parse(empty), null, 2) + '\n');
    assert.deepEqual((JSON.parse(empty) as { runs: { results: unknown[] }[] }).runs[0].results, []);
  });
});
