/**
 * `cablelint` end to end: formats, exit codes, --fix, configuration, bad inputs, extract and outline.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import Ajv from 'ajv-draft-04';
import { compareNames, walkFiles } from '../../server/src/cli/files';
import type { RunMessage } from '../../server/src/cli/messages';
import { githubWriter, gitlabWriter, stylishWriter, type ReportedFinding } from '../../server/src/cli/formats';
import { lintCable } from '../../server/src/core/lint';
import { parseCable } from '../../server/src/core/parse/index';
import { corpusDir, ROOT, writeWhole } from '../helpers';
import { ensureBuilt } from '../lsp/client';

const CLI = path.join(ROOT, 'dist/cli.js');
const RULES = path.join(ROOT, 'test/fixtures/rules');

function run(args: string[], cwd = ROOT, input?: string | Buffer): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `run` with the output as bytes, for `--stdin --fix`, whose output is the text piped in. */
function runBytes(args: string[], input: Buffer, cwd = ROOT): { code: number; stdout: Buffer; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.toString() };
}

/**
 * `run` with a stand-in for `fs.readdirSync` loaded first (`--require`): it writes each folder read to the returned list,
 * and fails with EACCES for a folder whose name is in `locked`, as one without read permission does (the tests may run as root).
 */
function runWithFs(args: string[], cwd: string, locked: readonly string[] = []): { code: number; stdout: string; stderr: string; read: string[] } {
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cablelint-readdir-')), 'read.log');
  const preload = path.join(path.dirname(log), 'preload.js');
  fs.writeFileSync(
    preload,
    `const fs = require('node:fs'); const readdirSync = fs.readdirSync; const locked = ${JSON.stringify(locked)};
fs.readdirSync = function (dir, ...rest) {
  fs.appendFileSync(${JSON.stringify(log)}, String(dir) + '\\n');
  if (locked.includes(require('node:path').basename(String(dir)))) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
  return readdirSync.call(this, dir, ...rest);
};
`,
  );
  const r = spawnSync(process.execPath, ['--require', preload, CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const read = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter((l) => l !== '') : [];
  fs.rmSync(path.dirname(log), { recursive: true, force: true });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, read };
}

describe('cablelint', function () {
  this.timeout(60000);
  let tmp: string;
  before(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cablelint-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('exits 0 on clean cables and 1 on error-level findings, and prints stylish text without color when piped', () => {
    const clean = run(['test/fixtures/samples']);
    assert.equal(clean.code, 0, clean.stderr);
    assert.match(clean.stdout, /3 file\(s\) checked, no problems/);
    const bad = run([path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable')]);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /11:4 +error +The item '--' in paragraph 2 is marked SECRET above the banner level CONFIDENTIAL\. +CBL030\/portion-marking-above-banner/);
    assert.match(bad.stdout, /13:5 +error +Paragraph 3 is marked SECRET above the banner level CONFIDENTIAL\. +CBL030\/portion-marking-above-banner/);
    assert.ok(!bad.stdout.includes('\u001b['), 'no color codes when piped');
    assert.match(bad.stdout, /\n2 problem\(s\) \(2 errors, 0 warnings, 0 info, 0 hints\) in 1 file\(s\)\n$/);
    // As ESLint's stylish says how many problems --fix may mend: those with a safe fix (CBL018's, not CBL030's above).
    const fixable = run([path.join(RULES, 'cbl018-tags-duplicate.bad.cable'), path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable')]);
    assert.match(fixable.stdout, /\n3 problem\(s\) \(2 errors, 0 warnings, 1 info, 0 hints\) in 2 file\(s\)\n {2}1 of them potentially fixable with the `--fix` option\.\n$/);
  });

  it('suppresses the errors an archive has, reports new ones, and prunes counts no error uses (--suppress-all, --suppress-rule)', () => {
    // An archive of released cables cannot be edited to silence a finding: its errors are counted once, and CI fails on new ones.
    const dir = fs.mkdtempSync(path.join(tmp, 'suppress-'));
    fs.mkdirSync(path.join(dir, 'c'));
    const group = fs.readFileSync(path.join(RULES, 'cbl007-security-group-mismatch.bad.cable'), 'utf8');
    fs.writeFileSync(path.join(dir, 'c', 'a.cable'), group);
    fs.copyFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'), path.join(dir, 'c', 'b.cable'));
    const file = path.join(dir, 'cablelint-suppressions.json');
    assert.equal(run(['c'], dir).code, 1);
    const all = run(['--suppress-all', 'c'], dir);
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { 'c/a.cable': { CBL007: { count: 1 } }, 'c/b.cable': { CBL030: { count: 2 } } });
    // Read by later runs from the current directory: the errors counted are not reported, warnings and infos still are.
    const later = run(['--format', 'json', 'c'], dir);
    assert.equal(later.code, 0, later.stderr);
    assert.deepEqual((JSON.parse(later.stdout) as { diagnostics: { severity: string }[] }[]).flatMap((r) => r.diagnostics).filter((f) => f.severity === 'error'), []);
    // The counts name files from the suppressions file's folder: a run on an absolute path, or from a subfolder naming
    // the file, finds them.
    assert.equal(run([path.join(dir, 'c')], dir).code, 0);
    const fromSub = run(['--suppressions-location', '../cablelint-suppressions.json', 'a.cable', 'b.cable'], path.join(dir, 'c'));
    assert.equal(fromSub.code, 0, fromSub.stdout);
    // One more error of a counted rule brings back all of that rule's errors in that file, as which one is new cannot be told.
    fs.writeFileSync(path.join(dir, 'c', 'b.cable'), fs.readFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'), 'utf8').replace(/¶1\. \(C\)/, '¶1. (S)'));
    const more = run(['c'], dir);
    assert.equal(more.code, 1);
    assert.equal((more.stdout.match(/CBL030/g) ?? []).length, 3);
    assert.ok(!more.stdout.includes('CBL007'), more.stdout);
    // A mended error leaves a count a new one could hide behind: said on stderr, and dropped by --prune-suppressions.
    fs.writeFileSync(path.join(dir, 'c', 'a.cable'), group.replace('ZNY CCCCC', 'ZNY SSSSS'));
    fs.copyFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'), path.join(dir, 'c', 'b.cable'));
    const mended = run(['c'], dir);
    assert.equal(mended.code, 0);
    assert.match(mended.stderr, /1 suppressed error no longer found; run with --prune-suppressions to drop its count from cablelint-suppressions\.json/);
    assert.equal(run(['--prune-suppressions', 'c'], dir).code, 0);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { 'c/b.cable': { CBL030: { count: 2 } } });
    assert.equal(run(['c'], dir).stderr, '');
    // A file deleted (or moved) since it was counted has no errors: pruning drops its counts even when the run does not
    // name it, while a file there that the run does not name keeps its own.
    fs.mkdirSync(path.join(dir, 'd'));
    fs.copyFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'), path.join(dir, 'd', 'gone.cable'));
    fs.copyFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'), path.join(dir, 'd', 'kept.cable'));
    assert.equal(run(['--suppress-all', 'd'], dir).code, 0);
    fs.rmSync(path.join(dir, 'd', 'gone.cable'));
    assert.equal(run(['--prune-suppressions', 'c'], dir).code, 0);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { 'c/b.cable': { CBL030: { count: 2 } }, 'd/kept.cable': { CBL030: { count: 2 } } });
    fs.rmSync(path.join(dir, 'd'), { recursive: true });
    assert.equal(run(['--prune-suppressions', 'c'], dir).code, 0);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { 'c/b.cable': { CBL030: { count: 2 } } });
    // --suppress-rule counts one rule (by ID or name) into its own file; the other rules' errors stay reported.
    fs.writeFileSync(path.join(dir, 'c', 'a.cable'), group);
    const own = path.join(dir, 'own.json');
    const rule = run(['--suppress-rule', 'portion-marking-above-banner', '--suppressions-location', own, 'c'], dir);
    assert.equal(rule.code, 1);
    assert.match(rule.stdout, /CBL007/);
    assert.ok(!rule.stdout.includes('CBL030'));
    assert.deepEqual(JSON.parse(fs.readFileSync(own, 'utf8')), { 'c/b.cable': { CBL030: { count: 2 } } });
    // An editor's unsaved buffer piped in under the file's name has the file's suppressions.
    const piped = run(['--stdin', '--stdin-filename', 'c/b.cable'], dir, fs.readFileSync(path.join(dir, 'c', 'b.cable')));
    assert.equal(piped.code, 0, piped.stdout);
  });

  it('refuses a suppressions file it cannot read, and suppressions for piped text or a dry run', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'suppress-bad-'));
    fs.copyFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'), path.join(dir, 'b.cable'));
    for (const [text, message] of [['{ "b.cable": ', /suppressions are not JSON/], ['[]', /must be an object of files/], ['{ "b.cable": { "CBL030": { "count": "two" } } }', /count must be a whole number/]] as const) {
      fs.writeFileSync(path.join(dir, 'cablelint-suppressions.json'), text);
      const r = run(['b.cable'], dir);
      assert.equal(r.code, 2, text);
      assert.match(r.stderr, message);
      // Never written over, --suppress-all or not.
      run(['--suppress-all', 'b.cable'], dir);
      assert.equal(fs.readFileSync(path.join(dir, 'cablelint-suppressions.json'), 'utf8'), text);
    }
    assert.match(run(['--suppressions-location', 'none.json', 'b.cable'], dir).stderr, /none\.json: no such suppressions file/);
    for (const args of [['--stdin', '--suppress-all'], ['--fix-dry-run', '--prune-suppressions', 'b.cable'], ['--suppress-all', '--suppress-rule', 'CBL030', 'b.cable'], ['--suppress-rule', 'CBL999', 'b.cable']]) {
      const r = run(args, dir, '');
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /Run cablelint --help for usage/);
    }
  });

  it('prints an outline entry at the line the editor goes to: a title boxed between two rules at the title, not the rule above it', () => {
    const file = path.join(tmp, 'boxed.cable');
    fs.writeFileSync(file, 'C O N F I D E N T I A L NOWHERE 000005\n\nE.O. 12958: DECL: 06/03/2019\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\n¶1. (C) Text.\n\n---------------\nHARBOR MEETING\n---------------\n\n¶2. (C) More.\nSMITH\n');
    const outline = run(['outline', file]);
    assert.equal(outline.code, 0, outline.stderr);
    assert.match(outline.stdout, /^ {2}HARBOR MEETING {2}\[10\]$/m);
    assert.match(outline.stdout, /^ {2}¶1 \(C\) {2}— Text\. {2}\[7\]$/m);
    // A cable whose text gives no id (no date: a partial extract) takes its file's, and says so.
    const named = path.join(tmp, '05NOWHERE5.txt');
    fs.writeFileSync(named, fs.readFileSync(file, 'utf8').replace(/^E\.O\..*\n/m, ''));
    assert.match(run(['outline', named]).stdout, /^ {2}C O N F I D E N T I A L NOWHERE 000005 {2}— 05NOWHERE5 \(from the file name\) {2}\[1\]$/m);
  });

  it('prints stylish text that the extension\'s problem matcher $cablelint-stylish reads whole, plain or colored', () => {
    // As VS Code matches task output: a line the finding pattern does not take may name a file, and color codes are stripped first.
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const matcher = pkg.contributes.problemMatchers.find((m: { name: string }) => m.name === 'cablelint-stylish');
    const [fileLine, findingLine] = (matcher.pattern as { regexp: string }[]).map((p) => new RegExp(p.regexp));
    const read = (text: string) => {
      let file: string | undefined;
      const found: string[] = [];
      for (const line of stripVTControlCharacters(text).split('\n')) {
        const m = findingLine.exec(line);
        if (m && file !== undefined) found.push(`${file} ${m[1]}:${m[2]} ${m[3]} ${m[5]} ${m[4]}`);
        else file = fileLine.exec(line)?.[1] ?? file;
      }
      return found;
    };
    const json = JSON.parse(run(['--format', 'json', 'test/fixtures/rules']).stdout) as { file: string; diagnostics: ReportedFinding[] }[];
    const want = json.flatMap((f) => f.diagnostics.map((d) => `${f.file} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.id} ${d.message}`));
    assert.ok(want.length > 40 && ['error', 'warning', 'info', 'hint'].every((s) => want.some((w) => w.includes(` ${s} CBL`))), 'the fixtures give findings of every severity');
    assert.deepEqual(read(run(['test/fixtures/rules']).stdout), want);
    assert.deepEqual(read(writeWhole(stylishWriter(true), json.map((f) => ({ file: f.file, findings: f.diagnostics })))), want);
  });

  it('names files in stylish text relative to the folder it runs in, absolute arguments included, as $cablelint-stylish reads them from the workspace folder', () => {
    // VS Code's "autoDetect" looks each path up on disk while the task's output streams in, and reports the last
    // file's findings once, 100 ms after the process ends: a lookup still pending then loses them.
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const matcher = pkg.contributes.problemMatchers.find((m: { name: string }) => m.name === 'cablelint-stylish');
    assert.deepEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
    const fileLine = new RegExp((matcher.pattern as { regexp: string }[])[0].regexp);
    const files = run([RULES]).stdout.split('\n').filter((l) => l !== '' && !/^\s/.test(l) && !/ problem\(s\) /.test(l));
    assert.ok(files.length > 40, `stylish names ${files.length} files`);
    assert.ok(files.includes('test/fixtures/rules/cbl024-paragraph-number-sequence.bad.cable'), files.join(', '));
    for (const line of files) {
      const file = fileLine.exec(line)![1];
      assert.ok(!path.isAbsolute(file) && fs.existsSync(path.join(ROOT, file)), `${file} is found from the workspace folder`);
    }
    // From a subfolder, paths above it start with "..", which a workspace folder's task does not need.
    const below = run([path.join(RULES, 'cbl024-paragraph-number-sequence.bad.cable')], path.join(ROOT, 'test')).stdout;
    assert.match(below, /^\n?fixtures\/rules\/cbl024-paragraph-number-sequence\.bad\.cable$/m);
  });

  it('prints the documented JSON shape with 0-based positions', () => {
    const r = run(['--format', 'json', path.join(RULES, 'cbl028-portion-marking-missing.bad.cable')]);
    const out = JSON.parse(r.stdout) as { file: string; diagnostics: { id: string; name: string; severity: string; message: string; range: unknown }[] }[];
    assert.equal(out.length, 1);
    const d = out[0].diagnostics.find((x) => x.id === 'CBL028')!;
    assert.deepEqual(Object.keys(d), ['id', 'name', 'severity', 'message', 'range', 'fixable']);
    assert.deepEqual(d.range, { start: { line: 41, character: 0 }, end: { line: 41, character: 3 } });
    assert.equal((d as { fixable?: unknown }).fixable, false, 'CBL028 adds a marking, which only the user chooses');
  });

  it('says in JSON which problems --fix mends, the ones stylish counts as potentially fixable', () => {
    const files = [path.join(RULES, 'cbl018-tags-duplicate.bad.cable'), path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable')];
    const out = JSON.parse(run(['--format', 'json', ...files]).stdout) as { diagnostics: { id: string; fixable: boolean }[] }[];
    assert.deepEqual(out.flatMap((f) => f.diagnostics.map((d) => `${d.id} ${d.fixable}`)), ['CBL018 true', 'CBL030 false', 'CBL030 false']);
  });

  it('prints SARIF 2.1.0 that validates against the schema', () => {
    const r = run(['--format', 'sarif', path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable')]);
    const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[]; tool: { driver: { rules: { helpUri: string }[] } } }[] };
    // The SARIF 2.1.0 schema as shipped by @microsoft/jest-sarif (MIT).
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false, logger: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    const result = log.runs[0].results.find((x) => x.ruleId === "CBL030")!;
    assert.equal(result.locations[0].physicalLocation.region.startLine, 11);
    assert.match(log.runs[0].tool.driver.rules[29].helpUri, /cbl030\.md$/);
    assert.ok(log.runs[0].results.every((x) => !('fixes' in x)), 'CBL030 changes a level, which only the user chooses: no fix in SARIF');
  });

  it('carries a file it could not read in SARIF and JUnit, as the run\'s notifications and a failing testsuite, not as a clean file', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'unread-'));
    fs.writeFileSync(path.join(dir, 'bin.cable'), Buffer.from([0x53, 0x00, 0x01]));
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/samples/09QUITO288.cable'), path.join(dir, 'ok.cable'));
    const sarif = run(['--format', 'sarif', 'bin.cable', 'ok.cable'], dir);
    assert.equal(sarif.code, 2);
    const log = JSON.parse(sarif.stdout) as { runs: { invocations: unknown }[] };
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false, logger: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'bin.cable: binary file (contains NUL bytes), skipped' } }] }]);
    const clean = JSON.parse(run(['--format', 'sarif', 'ok.cable'], dir).stdout);
    assert.deepEqual(clean.runs[0].invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
    assert.deepEqual(clean.runs[0].results, []);
    const junit = run(['--format', 'junit', 'bin.cable', 'ok.cable'], dir);
    assert.equal(junit.code, 2);
    assert.match(junit.stdout, /<testsuite package="cablelint" time="0" tests="1" errors="1" name="cablelint">\n {4}<testcase time="0" name="bin\.cable: binary file \(contains NUL bytes\), skipped" classname="cablelint">\n {6}<error message="bin\.cable: binary file/);
    assert.match(junit.stdout, /name="ok\.cable">\n {4}<testcase time="0" name="ok\.cable" classname="cablelint" \/>/);
    assert.doesNotMatch(run(['--format', 'junit', 'ok.cable'], dir).stdout, /<error/);
  });

  it('carries a file it could not read in json, github and gitlab output too, as that file\'s, with exit code 2', () => {
    // These three said such a file on stderr only: a JSON report, the annotations and the Code Quality widget showed a clean run.
    const dir = fs.mkdtempSync(path.join(tmp, 'unread-formats-'));
    fs.writeFileSync(path.join(dir, 'bin.cable'), Buffer.from([0x53, 0x00, 0x01]));
    fs.writeFileSync(path.join(dir, 'empty: odd.cable'), '');
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/samples/09QUITO288.cable'), path.join(dir, 'ok.cable'));
    const fatal = (message: string) => ({ id: null, name: null, severity: 'error', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixable: false, fatal: true });
    for (const threads of ['1', '2']) {
      const json = run(['--format', 'json', '--threads', threads, 'bin.cable', 'ok.cable', 'empty: odd.cable', 'gone.cable'], dir);
      assert.equal(json.code, 2);
      assert.match(json.stderr, /cablelint: bin\.cable: binary file/);
      assert.deepEqual(JSON.parse(json.stdout), [
        { file: 'ok.cable', diagnostics: [] },
        { file: 'gone.cable', diagnostics: [fatal('no such file or directory')] },
        { file: 'bin.cable', diagnostics: [fatal('binary file (contains NUL bytes), skipped')] },
        { file: 'empty: odd.cable', diagnostics: [fatal('empty file')] },
      ], `--threads ${threads}`);
    }
    // Stylish, whose reader has stderr beside it, counts them, so that its last line does not say "no problems" alone.
    const stylish = run(['bin.cable', 'ok.cable', 'gone.cable'], dir);
    assert.equal(stylish.code, 2);
    assert.equal(stylish.stdout, '1 file(s) checked, no problems; 2 file(s) could not be checked (stderr says why)\n');
    const github = run(['--format', 'github', 'bin.cable', 'ok.cable'], dir);
    assert.equal(github.code, 2);
    assert.equal(github.stdout, '::error file=bin.cable,title=cablelint::binary file (contains NUL bytes), skipped\n');
    // A message about the run, not a file (a broken configuration), is an annotation on the run.
    fs.writeFileSync(path.join(dir, 'c.jsonc'), '{ "rules": { "NOPE": "off" } }');
    assert.match(run(['--format', 'github', '--config', 'c.jsonc', 'ok.cable'], dir).stdout, /^::error title=cablelint::c\.jsonc: .*NOPE/m);
    const gitlab = run(['--format', 'gitlab', 'bin.cable', 'ok.cable'], dir);
    assert.equal(gitlab.code, 2);
    const [issue, ...rest] = JSON.parse(gitlab.stdout) as { description: string; check_name: string; fingerprint: string; severity: string; location: unknown }[];
    assert.deepEqual(rest, []);
    assert.deepEqual({ ...issue, fingerprint: issue.fingerprint.length }, { description: 'binary file (contains NUL bytes), skipped', check_name: 'cablelint', fingerprint: 32, severity: 'major', location: { path: 'bin.cable', lines: { begin: 1, end: 1 } } });
    // Piped text that is binary is named as its findings would be.
    const stdin = run(['--format', 'json', '--stdin', '--stdin-filename', 'x/a.cable'], dir, Buffer.from([0x53, 0x00]));
    assert.equal(stdin.code, 2);
    assert.deepEqual(JSON.parse(stdin.stdout), [{ file: 'x/a.cable', diagnostics: [fatal('binary file (contains NUL bytes), skipped')] }]);
  });

  it('names the file a message is about from where it happened, never from its text: a name that is another\'s start, an unreadable folder of the walk', () => {
    // The messages were strings whose file was found again by trying each ": " against the names given: "a: b.cable: empty
    // file" was taken for a message about the file "a", and a folder of the walk that could not be read for one about the run.
    const dir = fs.mkdtempSync(path.join(tmp, 'typed-'));
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/samples/09QUITO288.cable'), path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, 'a: b.cable'), '');
    const fatal = (message: string) => ({ id: null, name: null, severity: 'error', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixable: false, fatal: true });
    const json = run(['--format', 'json', 'a', 'a: b.cable'], dir);
    assert.equal(json.code, 2);
    assert.equal(json.stderr, 'cablelint: a: b.cable: empty file\n');
    assert.deepEqual(JSON.parse(json.stdout), [{ file: 'a', diagnostics: [] }, { file: 'a: b.cable', diagnostics: [fatal('empty file')] }]);
    const github = run(['--format', 'github', 'a', 'a: b.cable'], dir);
    assert.equal(github.stdout, '::error file=a%3A b.cable,title=cablelint::empty file\n');
    // A folder the walk cannot read is that folder's message in every format, as a folder given by name is.
    fs.mkdirSync(path.join(dir, 'c', 'locked'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/samples/09QUITO288.cable'), path.join(dir, 'c', 'ok.cable'));
    const locked = runWithFs(['--format', 'json', 'c'], dir, ['locked']);
    assert.equal(locked.code, 2);
    assert.equal(locked.stderr, 'cablelint: c/locked: cannot read directory (EACCES)\n');
    assert.deepEqual(JSON.parse(locked.stdout), [{ file: 'c/ok.cable', diagnostics: [] }, { file: 'c/locked', diagnostics: [fatal('cannot read directory (EACCES)')] }]);
    assert.equal(runWithFs(['--format', 'gitlab', 'c'], dir, ['locked']).stdout.includes('"path": "c/locked"'), true);
    assert.equal(runWithFs(['c'], dir, ['locked']).stdout, '1 file(s) checked, no problems; 1 file(s) could not be checked (stderr says why)\n');
  });

  it('gives a safe fix in SARIF as the result\'s fixes, whose replacements make the text --fix writes', () => {
    const file = path.join(RULES, 'cbl018-tags-duplicate.bad.cable');
    const text = fs.readFileSync(file, 'utf8');
    type Region = { startLine: number; startColumn: number; endLine: number; endColumn: number };
    type Replacement = { deletedRegion: Region; insertedContent?: { text: string } };
    type Result = { ruleId: string; fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: Replacement[] }[] }[] };
    const log = JSON.parse(run(['--format', 'sarif', file]).stdout) as { runs: { results: Result[] }[] };
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false, logger: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    const [result] = log.runs[0].results;
    assert.equal(result.ruleId, 'CBL018');
    assert.equal(result.fixes!.length, 1);
    const [change] = result.fixes![0].artifactChanges;
    assert.equal(change.artifactLocation.uri, encodeURI(path.relative(ROOT, file)));
    // Replacements applied from the last to the first, with 1-based lines and columns in UTF-16 code units.
    const lines = text.split('\n');
    const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    let fixed = text;
    for (const r of [...change.replacements].reverse()) {
      const d = r.deletedRegion;
      fixed = fixed.slice(0, offset(d.startLine, d.startColumn)) + (r.insertedContent?.text ?? '') + fixed.slice(offset(d.endLine, d.endColumn));
    }
    assert.notEqual(fixed, text);
    assert.equal(fixed, run(['--stdin', '--fix'], ROOT, text).stdout);
  });

  it('says that SARIF columns count UTF-16 code units, as the other formats\' do, after a character outside the BMP', () => {
    // "1. (U) The " then an emoji (two UTF-16 code units, one code point) and a zero-width space after "fare".
    fs.writeFileSync(path.join(tmp, 'emoji.cable'), 'UNCLAS NOWHERE 000440\n\nE.O. 12958: N/A\nTAGS: PREL NW\nSUBJECT: FARES\n\n1. (U) The \u{1F600} fare\u200B rose.\n\nDOE\n');
    const log = JSON.parse(run(['--format', 'sarif', path.join(tmp, 'emoji.cable')]).stdout) as { runs: { columnKind?: string; results: { ruleId: string; locations: { physicalLocation: { region: { startColumn: number } } }[] }[] }[] };
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.equal(log.runs[0].results.find((x) => x.ruleId === 'CBL035')!.locations[0].physicalLocation.region.startColumn, 19);
    assert.match(run([path.join(tmp, 'emoji.cable')]).stdout, /^ {2}7:19 /m);
    fs.rmSync(path.join(tmp, 'emoji.cable'));
  });

  it('lints a file with its name: CBL043 compares a name shaped like a cable id with the banner', () => {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09VALLETTA412.cable'), 'utf8');
    for (const name of ['09VALLETTA412.txt', '09VALLETTA413.txt', 'valletta.cable']) fs.writeFileSync(path.join(tmp, name), text);
    const r = run(['--format', 'json', tmp]);
    const out = JSON.parse(r.stdout) as { file: string; diagnostics: { id: string; message: string }[] }[];
    const mismatches = out.flatMap((x) => x.diagnostics.filter((d) => d.id === 'CBL043').map((d) => `${path.basename(x.file)}: ${d.message}`));
    assert.deepEqual(mismatches, ['09VALLETTA413.txt: The file name says 09VALLETTA413, the banner VALLETTA 000412: the text may belong to another cable.']);
    for (const name of ['09VALLETTA412.txt', '09VALLETTA413.txt', 'valletta.cable']) fs.rmSync(path.join(tmp, name));
  });

  it('prints JUnit XML with a failure per error or warning', () => {
    const r = run(['--format', 'junit', path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable')]);
    assert.match(r.stdout, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<testsuites>/);
    assert.match(r.stdout, /<testcase time="0" name="CBL030 portion-marking-above-banner"[^>]*>\n\s*<failure message="Paragraph 3 is marked SECRET/);
    assert.equal((r.stdout.match(/<testsuite /g) ?? []).length, (r.stdout.match(/<\/testsuite>/g) ?? []).length);
  });

  it('prints GitHub Actions annotations, one per finding, with the places and levels of the JSON output', () => {
    const file = path.join(RULES, 'cbl024-paragraph-number-sequence.bad.cable');
    const r = run(['--format', 'github', file]);
    const json = JSON.parse(run(['--format', 'json', file]).stdout) as { file: string; diagnostics: { id: string; name: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[];
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    const want = json.flatMap((f) => f.diagnostics.map((d) => {
      const level = d.severity === 'info' || d.severity === 'hint' ? 'notice' : d.severity;
      const { start, end } = d.range;
      return `::${level} file=${f.file},line=${start.line + 1},endLine=${end.line + 1},col=${start.character + 1},endColumn=${end.character + 1},title=${d.id}/${d.name}::${d.message}`;
    }));
    assert.ok(want.some((l) => l.startsWith('::warning ') && l.includes('title=CBL024/paragraph-number-sequence::Paragraph 6')), r.stdout);
    // The fixture's messages hold no character a workflow command escapes, so the lines read as written.
    assert.deepEqual(lines, want);
    assert.equal(r.code, json.some((f) => f.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0);
    assert.equal(run(['--format', 'github', path.join(ROOT, 'test/fixtures/samples')]).stdout, '');
  });

  it('escapes annotations as @actions/core does, so that a message or path cannot end the command early', () => {
    const finding = (severity: ReportedFinding['severity'], message: string): ReportedFinding =>
      ({ id: 'CBL027', name: 'block-unbalanced', severity, message, range: { start: { line: 2, character: 4 }, end: { line: 3, character: 0 } } });
    const out = writeWhole(githubWriter(false), [{ file: 'a,b:c%.cable', findings: [finding('info', '100% sure:\r\nno, "End Comment."'), finding('hint', 'x')] }]);
    assert.equal(out,
      '::notice file=a%2Cb%3Ac%25.cable,line=3,endLine=4,col=5,endColumn=1,title=CBL027/block-unbalanced::100%25 sure:%0D%0Ano, "End Comment."\n' +
      '::notice file=a%2Cb%3Ac%25.cable,line=3,endLine=4,col=5,endColumn=1,title=CBL027/block-unbalanced::x\n');
    assert.match(writeWhole(githubWriter(true), [{ file: 'cables\\09PARIS708.txt', findings: [finding('error', 'm')] }]), /^::error file=cables\/09PARIS708\.txt,/);
    assert.equal(writeWhole(githubWriter(false), [{ file: 'a.cable', findings: [] }]), '');
  });

  it('prints a GitLab Code Quality report: an issue per finding, with fingerprints unique and kept when lines move', () => {
    const file = path.join(RULES, 'cbl027-block-unbalanced.bad.cable');
    type Issue = { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number; end: number } } };
    const issues = JSON.parse(run(['--format', 'gitlab', file]).stdout) as Issue[];
    const json = JSON.parse(run(['--format', 'json', file]).stdout) as { file: string; diagnostics: { id: string; name: string; severity: string; message: string; range: { start: { line: number }; end: { line: number } } }[] }[];
    const severity: Record<string, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };
    assert.deepEqual(issues.map(({ fingerprint: _, ...rest }) => rest), json.flatMap((f) => f.diagnostics.map((d) => ({
      description: d.message, check_name: `${d.id}/${d.name}`, severity: severity[d.severity], location: { path: f.file, lines: { begin: d.range.start.line + 1, end: d.range.end.line + 1 } },
    }))));
    assert.ok(issues.length > 0 && issues.every((i) => /^[0-9a-f]{32}$/.test(i.fingerprint)));
    // GitLab keeps one issue per fingerprint: two findings of one rule with one message in one file differ by their order.
    const twice = (line: number): ReportedFinding => ({ id: 'CBL027', name: 'block-unbalanced', severity: 'warning', message: 'A Comment is never closed.', range: { start: { line, character: 0 }, end: { line, character: 8 } } });
    const report = (lines: number[]) => (JSON.parse(writeWhole(gitlabWriter(true), [{ file: 'cables\\a.cable', findings: lines.map(twice) }])) as Issue[]);
    const [a, b] = report([10, 20]);
    assert.notEqual(a.fingerprint, b.fingerprint);
    assert.equal(a.location.path, 'cables/a.cable');
    // Lines added above both (the target branch against the merge request's): the same fingerprints.
    assert.deepEqual(report([14, 24]).map((i) => i.fingerprint), [a.fingerprint, b.fingerprint]);
    assert.equal(writeWhole(gitlabWriter(false), [{ file: 'a.cable', findings: [] }]), '[]\n');
  });

  it('--fix applies safe fixes only, byte for byte elsewhere, keeping CRLF and BOM; --fix-dry-run writes nothing', () => {
    const source = fs.readFileSync(path.join(RULES, 'cbl026-pilcrow-artifact.bad.cable'), 'utf8').replace(/\n/g, '\r\n');
    const file = path.join(tmp, 'a.cable');
    fs.writeFileSync(file, '\uFEFF' + source);
    const dry = run(['--fix-dry-run', file]);
    assert.match(dry.stdout, /-¶ 13\. \(C\) Gauci[\s\S]*\+¶3\. \(C\) Gauci/);
    assert.equal(fs.readFileSync(file, 'utf8'), '\uFEFF' + source);
    run(['--fix', file]);
    // The fixture's second artifact, a pilcrow before a year wrapped to a line's start, goes too.
    assert.equal(fs.readFileSync(file, 'utf8'), '\uFEFF' + source.replace('¶ 13. (C) Gauci', '¶3. (C) Gauci').replace('\r\n¶2009. ', '\r\n2009. '));
    // An unsafe problem is left for the user.
    const unsafe = path.join(tmp, 'b.cable');
    const text = fs.readFileSync(path.join(RULES, 'cbl028-portion-marking-missing.bad.cable'), 'utf8');
    fs.writeFileSync(unsafe, text);
    run(['--fix', unsafe]);
    assert.equal(fs.readFileSync(unsafe, 'utf8'), text);
    // A dry run whose fixes leave errors says why it fails, since it prints no findings.
    const spill = path.join(tmp, 'c.cable');
    fs.writeFileSync(spill, fs.readFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'), 'utf8'));
    const left = run(['--fix-dry-run', spill]);
    assert.deepEqual([left.code, left.stdout, left.stderr], [1, '', 'cablelint: 2 errors left that no safe fix mends; run without --fix-dry-run to list them\n']);
  });

  it('--fix-dry-run prints a hunk per change, with three lines of context, when a fix removes a line (LF and CRLF)', () => {
    // An invented cable: CBL018 removes the repeated EFIN alone on the TAGS field's third line,
    // and CBL026 changes "¶ 13." to "¶3." in place.
    const source = fs.readFileSync(path.join(ROOT, 'test/fixtures/cli/fix-dry-run.cable'), 'utf8');
    const expected = [
      '--- r.cable',
      '+++ r.cable (fixed)',
      '@@ -5,7 +5,6 @@',
      ' E.O. 12958: DECL: 05/11/2019',
      ' TAGS: ECON EFIN PGOV SENV',
      '       ETRD IC',
      '-      EFIN',
      ' SUBJECT: ICELANDIC FISHERIES COUNCIL DEBATES NEW QUOTA RULES',
      ' ',
      ' Classified By: Ambassador Mark Odell for reasons 1.4 (b) and (d).',
      '@@ -17,5 +16,5 @@',
      ' ¶2. (C) The council chair told Econoff that the coastal towns',
      ' want a larger share for small boats. The large firms oppose it.',
      ' ',
      '-¶ 13. (U) The Embassy will report on the next session in June.',
      '+¶3. (U) The Embassy will report on the next session in June.',
      ' ODELL',
      '',
    ].join('\n');
    const dir = path.join(tmp, 'dry');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'r.cable');
    for (const eol of ['\n', '\r\n']) {
      const text = source.replace(/\n/g, eol);
      fs.writeFileSync(file, text);
      const dry = run(['--fix-dry-run', 'r.cable'], dir);
      assert.equal(dry.stderr, '');
      assert.equal(dry.code, 0);
      // The diff shows lines without their terminators, so CRLF gives the same diff as LF.
      assert.equal(dry.stdout, expected, JSON.stringify(eol));
      assert.equal(fs.readFileSync(file, 'utf8'), text, 'a dry run writes nothing');
      // --fix writes what the diff showed, keeping the line endings.
      assert.equal(run(['--fix', 'r.cable'], dir).code, 0);
      const fixed = source.replace('      ETRD IC\n      EFIN\n', '      ETRD IC\n').replace('¶ 13. (U)', '¶3. (U)').replace(/\n/g, eol);
      assert.equal(fs.readFileSync(file, 'utf8'), fixed);
      assert.equal(run(['--fix-dry-run', 'r.cable'], dir).stdout, '', 'nothing is left to fix');
    }
  });

  it('reads .cablelint.jsonc, --config, --rule and --ignore', () => {
    const dir = path.join(tmp, 'cfg');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'), path.join(dir, 'x.cable'));
    fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), '// comments are allowed\n{ "rules": { "portion-marking-above-banner": "warning" } }\n');
    assert.equal(run(['x.cable'], dir).code, 0);
    assert.equal(run(['--rule', 'CBL030=error', 'x.cable'], dir).code, 1);
    const ignored = run(['--ignore', 'x.cable', 'x.cable'], dir);
    assert.equal(ignored.stdout.includes('CBL030'), false);
    // Named on the command line and skipped: said on stderr, with the exit code of a clean run.
    assert.match(ignored.stderr, /x\.cable: not checked, an ignore glob/);
    assert.equal(ignored.code, 0);
    // Found by the walk of a folder and skipped: nothing said.
    assert.equal(run(['--ignore', 'x.cable', '.'], dir).stderr, '');
    fs.writeFileSync(path.join(dir, 'other.jsonc'), '{ "rules": { "CBL030": "off" } }');
    assert.equal(run(['--config', 'other.jsonc', '--format', 'json', 'x.cable'], dir).stdout.includes('CBL030'), false);
    fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), '{ "rules": { "nope": "error" } }');
    const broken = run(['x.cable'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /unknown rule "nope"/);
  });

  it('never enters a folder an ignore glob leaves out as a whole, so an unreadable folder in it is no error, and ignores the same files as before', () => {
    // `--ignore "c/archive/**"` walked all of c/archive, reading every folder of a huge collection, and said the
    // folders it could not read there: exit code 2 for files it was told to leave alone.
    const dir = fs.mkdtempSync(path.join(tmp, 'prune-'));
    const cable = fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09QUITO288.cable'));
    for (const folder of ['c/keep', 'c/archive/2009/locked', 'c/old/2009', 'c/drafts']) fs.mkdirSync(path.join(dir, folder), { recursive: true });
    for (const file of ['c/keep/a.cable', 'c/archive/b.cable', 'c/archive/2009/c.cable', 'c/old/2009/d.cable', 'c/old/e.cable', 'c/drafts/f.cable']) fs.writeFileSync(path.join(dir, file), cable);
    const walk = (args: string[]) => {
      const r = runWithFs(['--format', 'json', ...args, 'c'], dir, ['locked']);
      return { code: r.code, stderr: r.stderr, files: (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file), read: r.read.map((d) => path.relative(dir, path.resolve(dir, d)).split(path.sep).join('/')) };
    };
    // Without a glob, the locked folder is said, as before.
    const all = walk([]);
    assert.equal(all.code, 2);
    assert.match(all.stderr, /c\/archive\/2009\/locked: cannot read directory \(EACCES\)/);
    for (const [args, files, notRead] of [
      [['--ignore', 'c/archive/**'], ['c/drafts/f.cable', 'c/keep/a.cable', 'c/old/2009/d.cable', 'c/old/e.cable'], ['c/archive']],
      [['--ignore', 'c/archive'], ['c/drafts/f.cable', 'c/keep/a.cable', 'c/old/2009/d.cable', 'c/old/e.cable'], ['c/archive']],
      [['--ignore', './c/archive/'], ['c/drafts/f.cable', 'c/keep/a.cable', 'c/old/2009/d.cable', 'c/old/e.cable'], ['c/archive']],
      [['--ignore', '**/2009'], ['c/archive/b.cable', 'c/drafts/f.cable', 'c/keep/a.cable', 'c/old/e.cable'], ['c/archive/2009', 'c/old/2009']],
      // "c/old/*" names c/old/2009 as a whole (and e.cable), not c/old.
      [['--ignore', 'c/old/*', '--ignore', 'c/archive/**'], ['c/drafts/f.cable', 'c/keep/a.cable'], ['c/archive', 'c/old/2009']],
    ] as [string[], string[], string[]][]) {
      const r = walk(args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.deepEqual(r.files, files, args.join(' '));
      for (const folder of notRead) assert.ok(!r.read.some((d) => d === folder || d.startsWith(folder + '/')), `${args.join(' ')} read ${folder}: ${r.read.join(', ')}`);
    }
    // A glob that names some of a folder's files, or a negated one, leaves the folder to be walked: its other files are linted.
    const some = walk(['--ignore', 'c/archive/*.cable']);
    assert.deepEqual(some.files, ['c/archive/2009/c.cable', 'c/drafts/f.cable', 'c/keep/a.cable', 'c/old/2009/d.cable', 'c/old/e.cable', 'c/archive/2009/locked']);
    assert.equal(some.code, 2);
    assert.ok(walk(['--ignore', '!c/keep/**']).read.includes('c/archive/2009/locked'));
    // The configuration's "ignore", seen from its folder, prunes alike.
    fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), '{ "ignore": ["c/archive", "c/drafts/"] }');
    const configured = walk([]);
    assert.equal(configured.code, 0, configured.stderr);
    assert.deepEqual(configured.files, ['c/keep/a.cable', 'c/old/2009/d.cable', 'c/old/e.cable']);
    assert.ok(!configured.read.some((d) => d.startsWith('c/archive') || d.startsWith('c/drafts')), configured.read.join(', '));
    const fromInside = runWithFs(['--format', 'json', '.'], path.join(dir, 'c'), ['locked']);
    assert.equal(fromInside.code, 0, fromInside.stderr);
    assert.deepEqual((JSON.parse(fromInside.stdout) as { file: string }[]).map((f) => f.file), ['keep/a.cable', 'old/2009/d.cable', 'old/e.cable']);
  });

  it('counts the TAGS of the user dictionaries the configuration names as known, and reports a dictionary it cannot read', () => {
    const dir = path.join(tmp, 'dict');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'x.cable'), fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09VALLETTA412.cable'), 'utf8').replace('MARR MOPS MT LY', 'MARR MOPS KLOCAF KDEMAF LY'));
    const runOns = (args: string[]) => (JSON.parse(run(['--format', 'json', ...args, 'x.cable'], dir).stdout) as { diagnostics: { id: string; message: string }[] }[])[0].diagnostics.filter((d) => d.id === 'CBL044').map((d) => d.message.split(' ')[0]);
    assert.deepEqual(runOns([]), ['KDEMAF']);
    fs.mkdirSync(path.join(dir, 'dicts'));
    fs.writeFileSync(path.join(dir, 'dicts/local.json'), '{ "tags": [{ "code": "KLOC", "meaning": "A local program" }, { "code": "kdemaf", "meaning": "A local word" }] }');
    fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), '{ "dictionaries": ["./dicts/local.json"] }');
    // KLOC is a TAG now, so KLOCAF reads as KLOC AF; KDEMAF is one itself. On several threads as on one.
    assert.deepEqual(runOns([]), ['KLOCAF']);
    assert.deepEqual(runOns(['--threads', '2']), ['KLOCAF']);
    // Set off by spaces alone on a wrapped TAGS line, the dictionary's codes are the field's: no stray line (CBL037), and MT
    // there is the host's TAG (no CBL050); without the dictionary, the line is stray. On several threads, from stdin, and after --fix alike.
    fs.writeFileSync(path.join(dir, 'y.cable'), fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09VALLETTA412.cable'), 'utf8').replace('MARR MOPS MT LY', 'MARR MOPS LY\nKLOC KDEMAF MT'));
    const ids = (args: string[], stdin?: string) => (JSON.parse(run(['--format', 'json', ...args], dir, stdin).stdout) as { diagnostics: { id: string }[] }[])[0].diagnostics.map((d) => d.id).filter((id) => id === 'CBL037' || id === 'CBL050');
    assert.deepEqual(ids(['y.cable']), []);
    assert.deepEqual(ids(['--threads', '2', 'y.cable']), []);
    assert.deepEqual(ids(['--stdin', '--stdin-filename', 'y.cable'], fs.readFileSync(path.join(dir, 'y.cable'), 'utf8')), []);
    // --fix removes the repeated LY and reads the fixed text with the dictionary again.
    fs.writeFileSync(path.join(dir, 'z.cable'), fs.readFileSync(path.join(dir, 'y.cable'), 'utf8').replace('MARR MOPS LY', 'MARR MOPS LY LY'));
    assert.deepEqual(ids(['--fix', 'z.cable']), []);
    assert.match(fs.readFileSync(path.join(dir, 'z.cable'), 'utf8'), /\nTAGS: PREL PGOV MARR MOPS LY\nKLOC KDEMAF MT\n/);
    fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), '{}');
    assert.deepEqual(ids(['y.cable']), ['CBL037']);
    fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), '{ "dictionaries": ["./dicts/missing.json"] }');
    const missing = run(['x.cable'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /\.\/dicts\/missing\.json: cannot read dictionary \(ENOENT\)/);
  });

  it('extract and outline read a wrapped TAGS line with the user dictionaries of each file\'s nearest configuration, as lint does', () => {
    // Invented: team/ names a dictionary of the team's codes, other/ has no configuration (and the current folder none).
    const dir = path.join(tmp, 'dict-extract');
    fs.mkdirSync(path.join(dir, 'team'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'other'));
    fs.writeFileSync(path.join(dir, 'team', '.cablelint.jsonc'), '{ "dictionaries": ["./tags.json"] }');
    fs.writeFileSync(path.join(dir, 'team', 'tags.json'), '{ "tags": [{ "code": "KLOC", "meaning": "A local program" }, { "code": "ZZQQ", "meaning": "A local office" }] }');
    const text = 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL PGOV\nKLOC ZZQQ\nSUBJECT: HARBOR LIGHTS\n\n1. (U) Text.\n\nHALLORAN\n';
    for (const f of ['team/a.cable', 'team/b.cable', 'other/c.cable']) fs.writeFileSync(path.join(dir, f), text);
    const extract = run(['extract', '--fields', 'file,tags', '.'], dir);
    assert.equal(extract.code, 0, extract.stderr);
    assert.deepEqual(extract.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown), [
      { file: 'other/c.cable', tags: ['PREL', 'PGOV'] },
      { file: 'team/a.cable', tags: ['PREL', 'PGOV', 'KLOC', 'ZZQQ'] },
      { file: 'team/b.cable', tags: ['PREL', 'PGOV', 'KLOC', 'ZZQQ'] },
    ]);
    // Lint reads team/a.cable's line as the field's too (no stray line, CBL037), and other/c.cable's as stray.
    const lint = JSON.parse(run(['--format', 'json', '.'], dir).stdout) as { file: string; diagnostics: { id: string }[] }[];
    assert.deepEqual(lint.map((f) => [f.file, f.diagnostics.some((d) => d.id === 'CBL037')]), [['other/c.cable', true], ['team/a.cable', false], ['team/b.cable', false]]);
    const outline = run(['outline', 'team/a.cable', 'other/c.cable'], dir);
    assert.equal(outline.code, 0, outline.stderr);
    assert.deepEqual(outline.stdout.match(/^ {4}TAGS .*$/gm), ['    TAGS  — PREL PGOV KLOC ZZQQ  [4]', '    TAGS  — PREL PGOV  [4]']);
    // Each folder is looked at once for a configuration, however many files it holds.
    const preload = path.join(dir, 'count-lookups.js');
    const log = path.join(dir, 'lookups.log');
    fs.writeFileSync(preload, `const fs = require('node:fs'); const existsSync = fs.existsSync; fs.existsSync = function (p, ...rest) { if (String(p).endsWith('.cablelint.jsonc')) fs.appendFileSync(${JSON.stringify(log)}, String(p) + '\\n'); return existsSync.call(this, p, ...rest); };`);
    const counted = spawnSync(process.execPath, ['--require', preload, CLI, 'extract', '--fields', 'file', 'team', 'other'], { cwd: dir, encoding: 'utf8' });
    assert.equal(counted.status, 0, counted.stderr);
    const lookups = fs.readFileSync(log, 'utf8').trim().split('\n').map((p) => path.relative(dir, p));
    assert.ok(lookups.includes(path.join('team', '.cablelint.jsonc')) && lookups.includes(path.join('other', '.cablelint.jsonc')), lookups.join(', '));
    assert.equal(new Set(lookups).size, lookups.length, lookups.join(', '));
    // A dictionary that cannot be read is the run's message, as in lint.
    fs.writeFileSync(path.join(dir, 'team', '.cablelint.jsonc'), '{ "dictionaries": ["./missing.json"] }');
    const missing = run(['outline', 'team/a.cable'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /\.\/missing\.json: cannot read dictionary \(ENOENT\)/);
    assert.match(missing.stdout, /^ {4}TAGS {2}— PREL PGOV {2}\[4\]$/m);
  });

  it('extract and outline take --config and --ignore, and leave out the files the configuration\'s "ignore" names, as lint does', () => {
    // Invented: a folder whose configuration ignores drafts/ and a dictionary; another configuration, named by --config.
    const dir = path.join(tmp, 'ignore-extract');
    for (const folder of ['keep', 'drafts', 'other']) fs.mkdirSync(path.join(dir, folder), { recursive: true });
    fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), '{ "ignore": ["drafts/", "**/skip.cable"] }');
    fs.writeFileSync(path.join(dir, 'other', 'team.jsonc'), '{ "dictionaries": ["./tags.json"] }');
    fs.writeFileSync(path.join(dir, 'other', 'tags.json'), '{ "tags": [{ "code": "KLOC", "meaning": "A local program" }] }');
    const text = 'UNCLAS NOWHERE 000001\n\nE.O. 12958: N/A\nTAGS: PREL PGOV\nKLOC\nSUBJECT: HARBOR LIGHTS\n\n1. (U) Text.\n\nHALLORAN\n';
    for (const f of ['keep/a.cable', 'keep/skip.cable', 'drafts/b.cable']) fs.writeFileSync(path.join(dir, f), text);
    const files = (args: string[]) => {
      const r = run(['extract', '--fields', 'file,tags', ...args], dir);
      return { code: r.code, stderr: r.stderr, records: r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { file: string; tags: string[] }) };
    };
    const lintFiles = (args: string[]) => (JSON.parse(run(['--format', 'json', ...args], dir).stdout) as { file: string }[]).map((f) => f.file);
    // The configuration's globs: the same files as lint's, the folder it names whole not walked.
    const walked = files(['.']);
    assert.equal(walked.code, 0, walked.stderr);
    assert.deepEqual(walked.records.map((r) => r.file), ['keep/a.cable']);
    assert.deepEqual(lintFiles(['.']), ['keep/a.cable']);
    assert.equal(walked.stderr, '');
    const outlined = run(['outline', '.'], dir);
    assert.equal(outlined.code, 0, outlined.stderr);
    assert.deepEqual(outlined.stdout.match(/^\S.*$/gm), ['keep/a.cable']);
    // A file named on the command line and ignored: said on stderr, exit 0, as lint says it.
    const named = files(['keep/skip.cable', 'keep/a.cable']);
    assert.deepEqual([named.code, named.records.map((r) => r.file)], [0, ['keep/a.cable']]);
    assert.match(named.stderr, /keep\/skip\.cable: not checked, an ignore glob/);
    assert.match(run(['outline', 'drafts/b.cable'], dir).stderr, /drafts\/b\.cable: not checked, an ignore glob/);
    // --ignore adds its globs to the configuration's.
    assert.deepEqual(files(['--ignore', 'keep/a.cable', '.']).records, []);
    // --config names one configuration for every file, in place of the nearest: no ignore globs, its dictionary's TAGS known.
    const configured = files(['--config', 'other/team.jsonc', '.']);
    assert.equal(configured.code, 0, configured.stderr);
    assert.deepEqual(configured.records.map((r) => [r.file, r.tags.join(' ')]), [['drafts/b.cable', 'PREL PGOV KLOC'], ['keep/a.cable', 'PREL PGOV KLOC'], ['keep/skip.cable', 'PREL PGOV KLOC']]);
    assert.deepEqual(lintFiles(['--config', 'other/team.jsonc', '.']), ['drafts/b.cable', 'keep/a.cable', 'keep/skip.cable']);
    assert.match(run(['outline', '--config=other/team.jsonc', 'keep/a.cable'], dir).stdout, /^ {4}TAGS {2}— PREL PGOV KLOC {2}\[4\]$/m);
    // A configuration --config names that cannot be read is the run's error, as in lint.
    const missing = run(['outline', '--config', 'nowhere.jsonc', 'keep/a.cable'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nowhere\.jsonc: cannot read configuration \(ENOENT\)/);
  });

  it('reports binary, empty, missing and directory inputs once each, exits 2, and still lints the rest', () => {
    const bin = path.join(tmp, 'bin.cable');
    fs.writeFileSync(bin, Buffer.from([0x53, 0x00, 0x01, 0xff]));
    const empty = path.join(tmp, 'empty.cable');
    fs.writeFileSync(empty, '');
    const good = path.join(ROOT, 'test/fixtures/samples/09QUITO288.cable');
    const r = run(['--format', 'json', bin, empty, path.join(tmp, 'missing.cable'), good]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bin\.cable: binary file/);
    assert.match(r.stderr, /empty\.cable: empty file/);
    assert.match(r.stderr, /missing\.cable: no such file or directory/);
    // The JSON report names each of them too, with a fatal diagnostic, after the file it linted.
    const entries = JSON.parse(r.stdout) as { file: string; diagnostics: { fatal?: boolean }[] }[];
    assert.deepEqual(entries.map((e) => [path.basename(e.file), e.diagnostics.some((d) => d.fatal === true)]), [['09QUITO288.cable', false], ['missing.cable', true], ['bin.cable', true], ['empty.cable', true]]);
  });

  it('walks directories for .cable files, canonical-id names and other .txt files that read as cables, and leaves the rest alone', () => {
    const dir = path.join(tmp, 'archive');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    const sample = fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09QUITO288.cable'), 'utf8');
    const bad = fs.readFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'), 'utf8');
    // Named by hash, as some archives name cables: taken because the text reads as a cable.
    fs.writeFileSync(path.join(dir, '000_4f1e2d3c.txt'), sample);
    fs.writeFileSync(path.join(dir, 'sub', 'a7b8c9.txt'), bad);
    // Not cables: prose with a SUBJECT-like line, a text that only names a classification, an empty and a binary .txt, a .md.
    const notes = 'Reading notes\n\nSUBJECT: what to read next\nThe cables from 2009 mention TAGS often.\n';
    fs.writeFileSync(path.join(dir, 'notes.txt'), notes);
    fs.writeFileSync(path.join(dir, 'levels.txt'), 'CONFIDENTIAL\n\nA list of levels: SECRET, CONFIDENTIAL.\n');
    fs.writeFileSync(path.join(dir, 'README.txt'), '');
    fs.writeFileSync(path.join(dir, 'scan.txt'), Buffer.from([0x53, 0x00, 0x01, 0xff]));
    fs.writeFileSync(path.join(dir, 'cable.md'), sample);

    const lint = run(['--format', 'json', dir]);
    assert.equal(lint.stderr, '');
    assert.equal(lint.code, 1, 'the CBL030 error of the hash-named cable counts');
    const linted = (JSON.parse(lint.stdout) as { file: string; diagnostics: { id: string }[] }[]).map((x) => path.basename(x.file));
    assert.deepEqual(linted, ['000_4f1e2d3c.txt', 'a7b8c9.txt']);

    const extract = run(['extract', dir]);
    assert.equal(extract.code, 0, extract.stderr);
    assert.equal(extract.stderr, '');
    const records = extract.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; id: string | null });
    assert.deepEqual(records.map((r) => path.basename(r.file)), ['000_4f1e2d3c.txt', 'a7b8c9.txt']);
    assert.equal(records[0].id, parseCable(sample).cable.id);

    const outline = run(['outline', dir]);
    assert.equal(outline.code, 0, outline.stderr);
    assert.ok(!outline.stdout.includes('notes.txt') && outline.stdout.includes('000_4f1e2d3c.txt'));

    // --fix never rewrites a text that is no cable, even one with a character a safe fix removes.
    fs.writeFileSync(path.join(dir, 'notes.txt'), notes + 'zero\u200bwidth\n');
    run(['--fix', dir]);
    assert.equal(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8'), notes + 'zero\u200bwidth\n');

    // A file named on the command line is always read, whatever its text.
    const named = run(['--format', 'json', path.join(dir, 'notes.txt'), path.join(dir, 'README.txt')]);
    assert.equal(named.code, 2);
    assert.match(named.stderr, /README\.txt: empty file/);
    assert.deepEqual((JSON.parse(named.stdout) as { file: string; diagnostics: { fatal?: boolean }[] }[]).map((e) => [path.basename(e.file), e.diagnostics.some((d) => d.fatal === true)]), [['notes.txt', false], ['README.txt', true]]);
  });

  it('--stdin lints the text piped in as the file --stdin-filename names, with its name, configuration and globs', () => {
    const dir = path.join(tmp, 'stdin');
    fs.mkdirSync(path.join(dir, 'proj', 'drafts'), { recursive: true });
    const sample = fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/09VALLETTA412.cable'), 'utf8');
    const bad = fs.readFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'), 'utf8');
    // The name the editor gives goes with the text: CBL043 compares it with the banner, as for the file itself.
    fs.writeFileSync(path.join(dir, '09VALLETTA413.txt'), sample);
    const asFile = run(['--format', 'json', '09VALLETTA413.txt'], dir);
    const asStdin = run(['--format', 'json', '--stdin', '--stdin-filename', '09VALLETTA413.txt'], dir, sample);
    assert.equal(asStdin.code, asFile.code);
    assert.equal(asStdin.stdout, asFile.stdout);
    assert.match(asStdin.stdout, /"file": "09VALLETTA413\.txt"[\s\S]*CBL043/);
    // "-" is the same; without a name the findings carry "<stdin>", and no file name is compared.
    assert.equal(run(['--format', 'json', '-', '--stdin-filename', '09VALLETTA413.txt'], dir, sample).stdout, asFile.stdout);
    const unnamed = JSON.parse(run(['--format', 'json', '--stdin'], dir, sample).stdout) as { file: string; diagnostics: { id: string }[] }[];
    assert.deepEqual(unnamed.map((r) => [r.file, r.diagnostics.some((d) => d.id === 'CBL043')]), [['<stdin>', false]]);
    const stylish = run(['--stdin', '--stdin-filename', 'proj/x.cable'], dir, bad);
    assert.equal(stylish.code, 1);
    assert.match(stylish.stdout, /^\nproj\/x\.cable\n {2}11:4 +error /);

    // The configuration is the one above the named file, wherever the editor runs cablelint from, with its overrides and ignore globs.
    fs.writeFileSync(path.join(dir, 'proj', '.cablelint.jsonc'), '{ "rules": { "CBL030": "warning" }, "overrides": [{ "files": ["strict/**"], "rules": { "CBL030": "hint" } }], "ignore": ["drafts/**"] }');
    const ids = (args: string[], cwd: string) => (JSON.parse(run(['--format', 'json', '--stdin', ...args], cwd, bad).stdout) as { diagnostics: { id: string; severity: string }[] }[]).flatMap((r) => r.diagnostics.filter((d) => d.id === 'CBL030').map((d) => d.severity));
    assert.deepEqual(ids(['--stdin-filename', 'proj/x.cable'], dir), ['warning', 'warning']);
    assert.deepEqual(ids(['--stdin-filename', path.join(dir, 'proj', 'x.cable')], tmp), ['warning', 'warning']);
    assert.deepEqual(ids(['--stdin-filename', 'proj/strict/x.cable'], dir), ['hint', 'hint']);
    assert.deepEqual(ids([], dir), ['error', 'error'], 'without a name, the configuration above the current directory (none here)');
    assert.deepEqual(ids(['--stdin-filename', 'x.cable'], path.join(dir, 'proj')), ['warning', 'warning']);
    for (const args of [['--stdin-filename', 'proj/drafts/x.cable'], ['--ignore', 'other/**', '--stdin-filename', 'other/x.cable']]) {
      const skipped = run(['--format', 'json', '--stdin', ...args], dir, bad);
      assert.equal(skipped.code, 0, args.join(' '));
      assert.equal(skipped.stdout, '[]\n');
      assert.match(skipped.stderr, /x\.cable: not checked, an ignore glob/);
    }
  });

  it('takes the configuration above the PATHs, as the editor takes the one of the folder that holds the files, wherever it runs', () => {
    // `cablelint /archive/cables` run from elsewhere (a CI step's home, a script's folder) used the defaults, or the
    // configuration above the current directory, where the editor opened on /archive uses /archive/.cablelint.jsonc.
    const dir = fs.mkdtempSync(path.join(tmp, 'lookup-'));
    fs.mkdirSync(path.join(dir, 'archive', 'cables', 'drafts'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'elsewhere'));
    const bad = fs.readFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'));
    fs.writeFileSync(path.join(dir, 'archive', 'cables', 'x.cable'), bad);
    fs.writeFileSync(path.join(dir, 'archive', 'cables', 'drafts', 'y.cable'), bad);
    fs.writeFileSync(path.join(dir, 'archive', '.cablelint.jsonc'), '{ "rules": { "CBL030": "warning" }, "ignore": ["cables/drafts/**"] }');
    const findings = (args: string[], cwd: string) => {
      const r = run(['--format', 'json', ...args], cwd);
      return (JSON.parse(r.stdout) as { file: string; diagnostics: { id: string; severity: string }[] }[]).map((f) => [path.basename(f.file), f.diagnostics.filter((d) => d.id === 'CBL030').map((d) => d.severity).join()]);
    };
    const expected = [['x.cable', 'warning,warning']];
    assert.deepEqual(findings(['.'], path.join(dir, 'archive')), expected);
    assert.deepEqual(findings(['cables'], path.join(dir, 'archive')), expected);
    assert.deepEqual(findings([path.join(dir, 'archive', 'cables')], path.join(dir, 'elsewhere')), expected);
    assert.deepEqual(findings([path.join(dir, 'archive', 'cables', 'x.cable')], path.join(dir, 'elsewhere')), expected);
    assert.deepEqual(findings(['../archive/cables/x.cable', '../archive/cables/drafts'], path.join(dir, 'elsewhere')), expected);
    // Files with no configuration above them take the one above the current directory, as before.
    fs.mkdirSync(path.join(dir, 'loose'));
    fs.writeFileSync(path.join(dir, 'loose', 'z.cable'), bad);
    fs.writeFileSync(path.join(dir, 'elsewhere', '.cablelint.jsonc'), '{ "rules": { "CBL030": "hint" } }');
    assert.deepEqual(findings(['../loose'], path.join(dir, 'elsewhere')), [['z.cable', 'hint,hint']]);
    assert.deepEqual(findings([path.join(dir, 'archive', 'cables')], path.join(dir, 'elsewhere')), expected);
  });

  it('--stdin reads the text as a file is read: byte-order mark, CRLF, bad bytes and binary junk alike; an empty or blank text is a clean document', () => {
    const dir = path.join(tmp, 'stdin-bytes');
    fs.mkdirSync(dir);
    const bad = fs.readFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'), 'utf8');
    const inputs: Record<string, Buffer> = {
      bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bad.replace(/\n/g, '\r\n'))]),
      // A byte that is no UTF-8 in the subject line, and a lone CR.
      latin1: Buffer.concat([Buffer.from(bad.replace('SUBJECT: ', 'SUBJECT: CAF').replace('\n\n', '\r\n')), Buffer.from([0xc9, 0x0a])]),
      binary: Buffer.from([0x53, 0x00, 0x01, 0xff]),
    };
    for (const [name, bytes] of Object.entries(inputs)) {
      fs.writeFileSync(path.join(dir, `${name}.cable`), bytes);
      const file = run(['--format', 'json', `${name}.cable`], dir);
      const piped = run(['--format', 'json', '--stdin', '--stdin-filename', `${name}.cable`], dir, bytes);
      assert.deepEqual([piped.code, piped.stdout, piped.stderr], [file.code, file.stdout, file.stderr], name);
    }
    assert.match(run(['--stdin', '--stdin-filename', 'binary.cable'], dir, inputs.binary).stderr, /^cablelint: binary\.cable: binary file \(contains NUL bytes\), skipped\n$/);
    // An editor's new buffer: no banner, E.O. line or TAGS is missing yet, as the editor says nothing of a blank document.
    for (const text of ['', '\n', ' \r\n\r\n', '\uFEFF']) {
      const r = run(['--stdin'], dir, text);
      assert.deepEqual([r.code, r.stdout, r.stderr], [0, '1 file(s) checked, no problems\n', ''], JSON.stringify(text));
    }
  });

  it('--stdin --fix prints the fixed text, keeping CRLF and a byte-order mark, or the bytes piped in when nothing is fixed; --fix-dry-run prints the diff', () => {
    const source = fs.readFileSync(path.join(ROOT, 'test/fixtures/cli/fix-dry-run.cable'), 'utf8');
    const fixed = source.replace('      ETRD IC\n      EFIN\n', '      ETRD IC\n').replace('¶ 13. (U)', '¶3. (U)');
    for (const [bom, eol] of [['', '\n'], ['\uFEFF', '\r\n']]) {
      const r = runBytes(['--stdin', '--fix', '--stdin-filename', 'r.cable'], Buffer.from(bom + source.replace(/\n/g, eol)));
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
      assert.equal(r.stdout.toString('utf8'), bom + fixed.replace(/\n/g, eol), JSON.stringify(eol));
    }
    // Nothing to fix, bad bytes, binary junk, a blank buffer: given back byte for byte, so that the editor may put the output in the buffer's place.
    for (const bytes of [Buffer.from(fixed), Buffer.concat([Buffer.from(fixed), Buffer.from([0xc9, 0xff, 0x0a])]), Buffer.from([0x53, 0x00, 0xff]), Buffer.from('\n')]) {
      const r = runBytes(['--stdin', '--fix'], bytes);
      assert.ok(r.stdout.equals(bytes), JSON.stringify(r.stdout.toString()));
    }
    // The exit code is that of the findings left, as with --fix on a file.
    const unsafe = fs.readFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'));
    const left = runBytes(['--stdin', '--fix'], unsafe);
    assert.equal(left.code, 1);
    assert.ok(left.stdout.equals(unsafe));
    const dry = run(['--stdin', '--fix-dry-run', '--stdin-filename', 'r.cable'], ROOT, source);
    assert.match(dry.stdout, /^--- r\.cable\n\+\+\+ r\.cable \(fixed\)\n@@ -5,7 \+5,6 @@\n/);
  });

  it('--max-warnings N exits 1 when there are more than N warning-level findings, even without errors, and says how many', () => {
    // Two warnings and an info, no error.
    const file = path.join(RULES, 'cbl025-paragraph-number-duplicate.bad.cable');
    assert.equal(run([file]).code, 0);
    const over = run(['--max-warnings', '1', file]);
    assert.equal(over.code, 1);
    assert.match(over.stdout, /2 warnings/, 'the findings are printed as ever');
    assert.equal(over.stderr, 'cablelint: 2 warnings, more than --max-warnings 1 allows\n');
    for (const limit of ['2', '-1']) assert.deepEqual([run([`--max-warnings=${limit}`, file]).code, run([`--max-warnings=${limit}`, file]).stderr], [0, ''], limit);
    // Info and hint findings do not count, nor do error-level ones, which exit 1 by themselves.
    const errors = path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable');
    assert.deepEqual([run(['--max-warnings', '0', errors]).code, run(['--max-warnings', '0', errors]).stderr], [1, '']);
    assert.equal(run(['--max-warnings', '0', file, errors]).stderr, 'cablelint: 2 warnings, more than --max-warnings 0 allows\n');
    // An I/O problem still exits 2.
    const io = run(['--max-warnings', '0', file, path.join(tmp, 'missing.cable')]);
    assert.equal(io.code, 2);
    assert.match(io.stderr, /2 warnings, more than --max-warnings 0 allows\ncablelint: .*missing\.cable: no such file/);
    // On standard input too, and counted after --fix.
    assert.equal(run(['--stdin', '--max-warnings', '1'], ROOT, fs.readFileSync(file)).code, 1);
    assert.equal(run(['--stdin', '--fix', '--max-warnings', '1'], ROOT, fs.readFileSync(file)).code, 1);
    for (const bad of ['x', '1.5', '-2', '']) {
      const r = run(['--max-warnings', bad, file]);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--max-warnings must be a whole number/);
    }
  });

  it('rejects --stdin with a PATH, and --stdin-filename or --cache-location without the option they go with', () => {
    const sample = 'test/fixtures/samples/09VALLETTA412.cable';
    const cases: [string[], RegExp][] = [
      [['--stdin', sample], /--stdin lints standard input and takes no PATH/],
      [['-', sample], /^cablelint: - lints standard input and takes no other PATH; a file named "-" is \.\/-\n/],
      [['--stdin-filename', 'x.cable', sample], /--stdin-filename names the text of --stdin, which is not given/],
      [['--cache-location', 'c', sample], /--cache-location is the file of --cache, which is not given/],
    ];
    for (const [args, message] of cases) {
      const r = run(args, ROOT, '');
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
    }
  });

  it('reads a file reached twice once, under its first name: a folder given twice, a folder and its subfolder, a file alone and in its folder', () => {
    // An archivist's `extract a/ a/b/ a/b/x.cable` must not give a cable two records, nor a lint two results.
    const dir = fs.mkdtempSync(path.join(tmp, 'twice-'));
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    const cable = fs.readFileSync('test/fixtures/samples/09QUITO288.cable', 'utf8');
    fs.writeFileSync(path.join(dir, 'a', 'one.cable'), cable);
    fs.writeFileSync(path.join(dir, 'a', 'b', 'two.cable'), cable);
    const files = (args: string[]) => run(['extract', '--fields', 'file', ...args], dir).stdout.trim().split('\n').map((l) => JSON.parse(l).file as string);
    assert.deepEqual(files(['a', 'a']), ['a/b/two.cable', 'a/one.cable']);
    assert.deepEqual(files(['a', './a/']), ['a/b/two.cable', 'a/one.cable']);
    assert.deepEqual(files(['a/b', 'a']), ['a/b/two.cable', 'a/one.cable']);
    assert.deepEqual(files(['a', 'a/b']), ['a/b/two.cable', 'a/one.cable']);
    assert.deepEqual(files(['a/one.cable', 'a']), ['a/one.cable', 'a/b/two.cable']);
    assert.deepEqual(files(['a', path.join(dir, 'a', 'one.cable')]), ['a/b/two.cable', 'a/one.cable']);
    const lint = run(['--format', 'json', 'a', 'a/one.cable', 'a/b'], dir);
    assert.deepEqual(JSON.parse(lint.stdout).map((r: { file: string }) => r.file), ['a/b/two.cable', 'a/one.cable']);
    assert.deepEqual(run(['outline', 'a/one.cable', 'a/one.cable'], dir).stdout.match(/^a\/one\.cable$/gm), ['a/one.cable']);
  });

  it('walks lazily, keeping no record per file, and takes a file and links to it once wherever the walk meets them', function () {
    if (process.platform === 'win32') this.skip();
    const dir = fs.mkdtempSync(path.join(tmp, 'lazy-'));
    const cable = fs.readFileSync('test/fixtures/samples/09QUITO288.cable', 'utf8');
    fs.mkdirSync(path.join(dir, 'd', 'm'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'e'));
    fs.writeFileSync(path.join(dir, 'd', 'a.cable'), cable);
    fs.writeFileSync(path.join(dir, 'd', 'z.cable'), cable);
    // A link after its file in the same folder; links in a subfolder to a file the walk passed and to one it has not reached yet.
    fs.symlinkSync('a.cable', path.join(dir, 'd', 'b.cable'));
    fs.symlinkSync('../a.cable', path.join(dir, 'd', 'm', 'up.cable'));
    fs.symlinkSync('../z.cable', path.join(dir, 'd', 'm', 'upz.cable'));
    // A hard link is another file, as it always was (files are told apart by their real paths).
    fs.linkSync(path.join(dir, 'd', 'a.cable'), path.join(dir, 'e', 'hard.cable'));
    const names = (paths: string[]) => [...walkFiles(paths.map((p) => path.join(dir, p)), [])].map((f) => path.relative(dir, f.file));
    assert.deepEqual(names(['d']), ['d/a.cable', 'd/m/upz.cable']);
    assert.deepEqual(names(['d', 'd/a.cable', 'd/z.cable', 'd/m/up.cable', 'e']), ['d/a.cable', 'd/m/upz.cable', 'e/hard.cable']);
    assert.deepEqual(names(['d/z.cable', 'd']), ['d/z.cable', 'd/a.cable']);
    assert.deepEqual(names(['d/m', 'd']), ['d/m/up.cable', 'd/m/upz.cable']);
    // Lazy: a folder is read when the walk comes to it, so a file made in a later folder after the first file was given is found.
    const walk = walkFiles([dir], []);
    assert.equal(path.relative(dir, walk.next().value!.file), 'd/a.cable');
    fs.writeFileSync(path.join(dir, 'e', 'late.cable'), cable);
    assert.deepEqual([...walk].map((f) => path.relative(dir, f.file)), ['d/m/upz.cable', 'e/hard.cable', 'e/late.cable']);
  });

  it('walks folders within folders in name order, going on after each with the entries after it and then the next path given', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'deep-'));
    const cable = fs.readFileSync('test/fixtures/samples/09QUITO288.cable', 'utf8');
    for (const f of ['x/1.cable', 'x/b/c/2.cable', 'x/b/d.cable', 'x/d/e/f/4.cable', 'x/d/f.cable', 'x/z.cable', 'y/7.cable', 'z.cable']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), cable);
    }
    // Folders with nothing to take, one of them the last entry of its folder, and one the walk passes over.
    fs.mkdirSync(path.join(dir, 'x', 'b', 'empty'));
    fs.mkdirSync(path.join(dir, 'x', 'd', 'e', 'g'));
    fs.mkdirSync(path.join(dir, 'x', 'node_modules'));
    fs.writeFileSync(path.join(dir, 'x', 'node_modules', '8.cable'), cable);
    const errors: RunMessage[] = [];
    const names = [...walkFiles(['x', 'z.cable', 'missing', 'x/d', 'y', 'x/z.cable'].map((p) => path.join(dir, p)), errors)].map((f) => path.relative(dir, f.file));
    assert.deepEqual(names, ['x/1.cable', 'x/b/c/2.cable', 'x/b/d.cable', 'x/d/e/f/4.cable', 'x/d/f.cable', 'x/z.cable', 'z.cable', 'y/7.cable']);
    assert.deepEqual(errors.map((m) => [path.relative(dir, m.file!), m.message]), [['missing', 'no such file or directory']]);
    assert.deepEqual([...walkFiles([], [])], []);
  });

  it('walks no symbolic link to a folder, so a link loop ends, and reads a link to a file', function () {
    if (process.platform === 'win32') this.skip();
    const dir = fs.mkdtempSync(path.join(tmp, 'links-'));
    fs.mkdirSync(path.join(dir, 'c'));
    fs.writeFileSync(path.join(dir, 'c', 'one.cable'), fs.readFileSync('test/fixtures/samples/09QUITO288.cable'));
    fs.symlinkSync('..', path.join(dir, 'c', 'up'));
    fs.symlinkSync('one.cable', path.join(dir, 'c', 'link.cable'));
    const r = run(['extract', '--fields', 'file', 'c'], dir);
    assert.equal(r.code, 0, r.stderr);
    // The link and its file are one cable: one record, under the name reached first (the walk's name order).
    assert.equal(r.stdout, '{"file":"c/link.cable"}\n');
  });

  it('reads a file and a symbolic link to it once, under the path given first, and a folder reached through a link too', function () {
    // A collection with `latest.cable -> 09QUITO288.cable`, or a folder given both as itself and through a link, gave two records.
    if (process.platform === 'win32') this.skip();
    const dir = fs.mkdtempSync(path.join(tmp, 'reallinks-'));
    fs.mkdirSync(path.join(dir, 'c'));
    fs.writeFileSync(path.join(dir, 'c', 'one.cable'), fs.readFileSync('test/fixtures/samples/09QUITO288.cable'));
    fs.symlinkSync('one.cable', path.join(dir, 'c', 'link.cable'));
    fs.symlinkSync('c', path.join(dir, 'alias'));
    const files = (args: string[]) => run(['extract', '--fields', 'file', ...args], dir).stdout;
    assert.equal(files(['c/one.cable', 'c/link.cable']), '{"file":"c/one.cable"}\n');
    assert.equal(files(['c/one.cable', 'c']), '{"file":"c/one.cable"}\n');
    assert.equal(files(['alias', 'c']), '{"file":"alias/link.cable"}\n');
    const lint = run(['--format', 'json', 'c/link.cable', 'alias/one.cable', 'c'], dir);
    assert.deepEqual(JSON.parse(lint.stdout).map((r: { file: string }) => r.file), ['c/link.cable']);
  });

  it('walks past a FIFO named like a cable, which would hold the run', function () {
    if (process.platform === 'win32') this.skip();
    const dir = fs.mkdtempSync(path.join(tmp, 'fifo-'));
    fs.mkdirSync(path.join(dir, 'c'));
    fs.writeFileSync(path.join(dir, 'c', 'one.cable'), fs.readFileSync('test/fixtures/samples/09QUITO288.cable'));
    if (spawnSync('mkfifo', [path.join(dir, 'c', '09PARIS1.txt')]).status !== 0) this.skip();
    const r = spawnSync(process.execPath, [CLI, 'extract', '--fields', 'file', 'c'], { cwd: dir, encoding: 'utf8', timeout: 10000 });
    assert.equal(r.signal, null, 'the walk read the FIFO and waited for a writer');
    assert.equal(r.stdout, '{"file":"c/one.cable"}\n');
    assert.equal(r.status, 0, r.stderr);
  });

  it('says what a PATH-less run, "-" outside lint and a --rule without a severity lack, and takes every word after -- as a PATH', () => {
    // "no PATH given" named nothing to do; "extract -" and "--rule CBL030" were said to be a missing file and a wrong severity.
    const sample = 'test/fixtures/samples/09QUITO288.cable';
    const cases: [string[], RegExp][] = [
      [[], /^cablelint: no PATH given: name the files or folders to lint \(\. for the current folder\), or - for standard input\n/],
      [['extract'], /^cablelint: no PATH given: name the files or folders to extract records from\n/],
      [['extract', '-'], /^cablelint: extract reads files, not standard input \("-"\); a file named "-" is \.\/-\n/],
      [['outline', '-'], /^cablelint: outline reads files, not standard input/],
      [['--rule', 'CBL030', sample], /^cablelint: rule "CBL030" needs a severity after "=" \(CBL030=warning\), one of off, hint, info, warning, error\n/],
    ];
    for (const [args, message] of cases) {
      const r = run(args, ROOT, '');
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
    }
    const dir = fs.mkdtempSync(path.join(tmp, 'dashes-'));
    fs.copyFileSync(sample, path.join(dir, '--fix'));
    fs.copyFileSync(sample, path.join(dir, '-'));
    const after = run(['--format', 'json', '--', '--fix', '-'], dir);
    assert.equal(after.code, 0, after.stderr);
    assert.deepEqual((JSON.parse(after.stdout) as { file: string }[]).map((r) => r.file), ['--fix', '-']);
    assert.equal(fs.readFileSync(path.join(dir, '--fix'), 'utf8'), fs.readFileSync(sample, 'utf8'));
    assert.match(run(['extract', '--fields', 'file', '--', '--help'], dir).stderr, /^cablelint: --help: no such file or directory\n/);
  });

  it('rejects a --fields list that names no field or one field twice', () => {
    const sample = 'test/fixtures/samples/09QUITO288.cable';
    const none = run(['extract', '--fields', ',', sample]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--fields names no field; fields: file, id,/);
    assert.equal(none.stdout, '');
    const twice = run(['extract', '--format', 'csv', '--fields', 'id,dtg,id', sample]);
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /--fields names id twice/);
    assert.equal(twice.stdout, '');
    const unknown = run(['extract', '--fields', 'id,date', sample]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown field date; fields: file, id,/);
  });

  it('rejects bad usage with exit code 2', () => {
    assert.equal(run([]).code, 2);
    assert.equal(run(['--format', 'xml', 'x']).code, 2);
    assert.equal(run(['--rule', 'CBL999=error', 'x']).code, 2);
    const both = run(['--fix', '--fix-dry-run', 'x']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--fix and --fix-dry-run exclude each other/);
    assert.equal(run(['--help']).code, 0);
  });

  it('rejects an option the command does not take with one message and exit code 2, printing nothing else', () => {
    const sample = 'test/fixtures/samples/09VALLETTA412.cable';
    const cases: [string[], RegExp][] = [
      // The first option the command does not take is named.
      [['outline', sample, '--format', 'sarif', '--fix', '--threads', '4', '--fields', 'id'], /^cablelint: outline does not take --format \(an option of lint and extract\); its options are --config, --ignore\n/],
      [['outline', '--format=jsonl', sample], /outline does not take --format/],
      [['outline', '--fix', sample], /outline does not take --fix \(an option of lint\)/],
      [['outline', '--fix-dry-run', sample], /outline does not take --fix-dry-run/],
      [['outline', '--threads', '4', sample], /outline does not take --threads/],
      [['outline', '--fields', 'id', sample], /outline does not take --fields \(an option of extract\)/],
      [['outline', '--rule', 'CBL018=off', sample], /outline does not take --rule/],
      [['extract', '--fix', sample], /^cablelint: extract does not take --fix \(an option of lint\); its options are --format, --fields, --bom, --escape-formulas, --config, --ignore\n/],
      [['extract', '--fix-dry-run', sample], /extract does not take --fix-dry-run/],
      // Checked before the value, which would be a usage error of its own.
      [['extract', '--threads', '0', sample], /extract does not take --threads/],
      [['extract', '--rule', 'CBL018=off', sample], /extract does not take --rule/],
      [['extract', '--format', 'json', sample], /--format must be one of jsonl, csv \(json is a format of lint\)\n/],
      [['--format', 'jsno', sample], /--format must be one of stylish, json, sarif, junit, github, gitlab\n/],
      [['--fields', 'id', sample], /^cablelint: lint does not take --fields \(an option of extract\); its options are --format, --config, --rule, --ignore, --fix, --fix-dry-run, --threads, --stdin, --stdin-filename, --max-warnings, --cache, --cache-location, --suppress-all, --suppress-rule, --prune-suppressions, --suppressions-location\n/],
      [['extract', '--stdin', sample], /extract does not take --stdin \(an option of lint\)/],
      [['outline', '--max-warnings', '0', sample], /outline does not take --max-warnings/],
      [['extract', '--cache', sample], /extract does not take --cache/],
      [['extract', '--suppress-all', sample], /extract does not take --suppress-all \(an option of lint\)/],
      [['outline', '--suppressions-location', 'x.json', sample], /outline does not take --suppressions-location/],
      [['lint', '--fields=id', sample], /lint does not take --fields/],
      [['--format', 'csv', sample], /--format must be one of stylish, json, sarif, junit, github, gitlab \(csv is a format of extract: cablelint extract --format csv\)\n/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
    }
  });

  it('keeps every documented combination of options', () => {
    const sample = 'test/fixtures/samples/09VALLETTA412.cable';
    const dir = path.join(tmp, 'combinations');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(ROOT, sample), path.join(dir, 'v.cable'));
    fs.writeFileSync(path.join(dir, 'c.jsonc'), '{ "rules": { "CBL030": "warning" } }');
    const ok = (args: string[], cwd = ROOT) => {
      const r = run(args, cwd);
      assert.equal(r.stderr, '', args.join(' '));
      assert.equal(r.code, 0, args.join(' '));
      return r.stdout;
    };
    // lint, with and without its name.
    for (const lint of [[], ['lint']]) {
      assert.equal(JSON.parse(ok([...lint, '--format', 'json', '--config', 'c.jsonc', '--rule', 'CBL018=off', '--ignore', 'drafts/**', '--threads', '2', 'v.cable'], dir)).length, 1);
      for (const format of ['stylish', 'sarif', 'junit']) ok([...lint, `--format=${format}`, '--threads=auto', 'v.cable'], dir);
      ok([...lint, '--fix-dry-run', '--config', 'c.jsonc', '--ignore', 'drafts/**', 'v.cable'], dir);
      ok([...lint, '--fix', '--rule', 'CBL018=warning', '--threads', '1', 'v.cable'], dir);
    }
    assert.equal(ok(['extract', '--format', 'jsonl', '--fields', 'id,tags', sample]), '{"id":"09VALLETTA412","tags":["PREL","PGOV","MARR","MOPS","MT","LY"]}\n');
    assert.equal(ok(['extract', '--fields=id', '--format=csv', sample]), 'id\n09VALLETTA412\n');
    assert.match(ok(['outline', sample, 'test/fixtures/samples/09QUITO288.cable']), /09VALLETTA412\.cable\n[\s\S]*09QUITO288\.cable\n/);
    assert.equal(ok(['--version']), '0.1.0\n');
    assert.match(ok(['outline', '--help']), /^cablelint /);
  });

  it('extracts one JSONL record per cable, with the documented fields', () => {
    const r = run(['extract', 'test/fixtures/samples']);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(records.length, 3);
    const v = records.find((x) => x.id === '09VALLETTA412');
    assert.deepEqual(Object.keys(v), ['file', 'id', 'dtg', 'classification', 'section', 'caveats', 'tags', 'persons', 'subject', 'refs', 'cites', 'classifiedBy', 'reasons', 'paragraphs', 'signature', 'header']);
    assert.equal(v.dtg, '2009-06-03T13:22:00Z');
    assert.equal(v.classification, 'SECRET');
    assert.deepEqual(v.refs[1], { letter: 'B', citation: 'STATE 51120', id: '09STATE51120', labels: [], marking: null });
    assert.deepEqual(v.reasons, ['1.4(b)', '1.4(d)']);
    assert.equal(v.header.station, 'RUEHVT');
    assert.equal(v.header.julianDay, 154);
    assert.deepEqual([v.header.securityGroup, v.header.securityLevel], ['SSSSS', 'SECRET']);
    assert.deepEqual(v.header.to, ['RUEHC/SECSTATE WASHDC', 'RUEKJCS/SECDEF WASHINGTON DC']);
    const lisbon = records.find((x) => x.file.endsWith('08LISBON977.cable'));
    assert.equal(lisbon.id, '08LISBON977', 'the id falls back to the file name');
    assert.equal(lisbon.header, null);
    // Its text gives no date: a citation without a year takes the year of the file name's id.
    assert.deepEqual(lisbon.refs.map((x: { id: string | null }) => x.id), ['08LISBON912', '07LISBON1540']);
  });

  it('extracts each REF item\'s opening portion marking as written (refs[].marking), null where it has none', () => {
    const fixture = 'test/fixtures/cli/header-fields.cable';
    const record = JSON.parse(run(['extract', '--fields', 'refs', fixture]).stdout);
    assert.deepEqual(record.refs, [
      { letter: 'A', citation: '09NOWHERE123', id: '09NOWHERE123', labels: [], marking: '(U)' },
      { letter: 'B', citation: 'STATE 1234', id: '09STATE1234', labels: [], marking: '(C)' },
      { letter: 'C', citation: '08 NOWHERE 4567', id: '08NOWHERE4567', labels: ['(NOTAL)'], marking: '(S/NF)' },
      { letter: 'D', citation: 'NOWHERE 188', id: '09NOWHERE188', labels: [], marking: null },
    ]);
    // The CSV cell holds each item's JSON, joined with ';'.
    const csv = run(['extract', '--format', 'csv', '--fields', 'refs', fixture]).stdout;
    assert.match(csv, /""marking"":""\(S\/NF\)""/);
    assert.match(csv, /;\{""letter"":""D"",[^;]*""labels"":\[\],""marking"":null\}"\n$/);
  });

  it('extracts the cited cables as plain ids, a CSV cell a spreadsheet filters on', () => {
    // Invented: two items citing one cable, an e-mail, a blanked post and a cable of the year before.
    const text = 'UNCLAS NOWHERE 000040\n\nE.O. 12958: N/A\nTAGS: ECON\nSUBJECT: FERRY DUES\n\nREF: A. NOWHERE 12 B. SMITH-JONES E-MAIL 3/5/09\n     C. 09 NOWHERE 12 D. XXXXXXXXXXXX 7 E. 08 STATE 4567\n\n1. (U) Text.\n';
    fs.writeFileSync(path.join(tmp, '09NOWHERE40.cable'), text);
    const r = run(['extract', '--format', 'csv', '--fields', 'id,cites', '09NOWHERE40.cable'], tmp);
    assert.equal(r.stdout, 'id,cites\n09NOWHERE40,09NOWHERE12;08STATE4567\n');
    const record = JSON.parse(run(['extract', '--fields', 'refs,cites', '09NOWHERE40.cable'], tmp).stdout);
    assert.deepEqual(record.refs.map((x: { id: string | null }) => x.id), ['09NOWHERE12', null, '09NOWHERE12', null, '08STATE4567']);
    assert.deepEqual(record.cites, ['09NOWHERE12', '08STATE4567']);
  });

  it('extracts the persons a TAGS field names after an OVIP-style TAG, apart from the TAGS', () => {
    const text = 'UNCLAS NOWHERE 000041\n\nE.O. 12958: N/A\nTAGS: OVIP (ROE, JANE Q.), PREL, OVIP (DOE, JOHN)\nSUBJECT: VISITS\n\n1. (U) Text.\n';
    fs.writeFileSync(path.join(tmp, '09NOWHERE41.cable'), text);
    const r = run(['extract', '--format', 'csv', '--fields', 'tags,persons', '09NOWHERE41.cable'], tmp);
    assert.equal(r.stdout, 'tags,persons\nOVIP;PREL;OVIP,"ROE, JANE Q.;DOE, JOHN"\n');
    assert.deepEqual(JSON.parse(run(['extract', '--fields', 'persons', '09NOWHERE41.cable'], tmp).stdout), { persons: ['ROE, JANE Q.', 'DOE, JOHN'] });
  });

  it('extracts TAGS and persons as the cable gives them, a repeat kept, and each caveat and cited id once', () => {
    // Invented, after 06PARIS2242's shape: a TAG written twice, a person twice and SIPDIS on two lines; a cable cited twice.
    const text = 'UNCLAS NOWHERE 000044\n\nSIPDIS\nSENSITIVE\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: KJUS, PREL, OVIP (ROE, JANE), KJUS, OVIP (ROE, JANE)\nSUBJECT: COURT REFORM\n\nREF: A. NOWHERE 12 B. NOWHERE 12\n\n1. (U) Text.\n';
    fs.writeFileSync(path.join(tmp, '09NOWHERE44.cable'), text);
    const r = run(['extract', '--format', 'csv', '--fields', 'caveats,tags,persons,cites', '09NOWHERE44.cable'], tmp);
    assert.equal(r.stdout, 'caveats,tags,persons,cites\nSIPDIS;SENSITIVE,KJUS;PREL;OVIP;KJUS;OVIP,"ROE, JANE;ROE, JANE",09NOWHERE12\n');
  });

  it('extracts the banner\'s section and the labels after a REF citation, with or without a transmission header', () => {
    // Invented: no transmission header, a banner of the second of three sections, and labels after two citations.
    const text = 'C O N F I D E N T I A L SECTION 02 OF 03 NOWHERE 000045\n\nE.O. 12958: DECL: 06/01/2019\nTAGS: PREL\nSUBJECT: FERRY DUES\n\nREF: A. NOWHERE 12 (NOTAL) B. STATE 4567 (C/NF) C. NOWHERE 13\n\n1. (C) Text.\n';
    fs.writeFileSync(path.join(tmp, '09NOWHERE45.cable'), text);
    const record = JSON.parse(run(['extract', '--fields', 'section,refs,header', '09NOWHERE45.cable'], tmp).stdout);
    assert.deepEqual(record.section, { number: 2, total: 3 });
    assert.deepEqual(record.refs.map((x: { labels: string[] }) => x.labels), [['(NOTAL)'], ['(C/NF)'], []]);
    assert.equal(record.header, null);
    assert.equal(run(['extract', '--format', 'csv', '--fields', 'id,section', '09NOWHERE45.cable'], tmp).stdout, 'id,section\n09NOWHERE45,"{""number"":2,""total"":3}"\n');
    // With a header, the banner's section as well as the DE line's; a banner without one gives null.
    const withHeader = JSON.parse(run(['extract', '--fields', 'section,header', 'test/fixtures/samples/09VALLETTA412.cable']).stdout);
    assert.deepEqual([withHeader.section, withHeader.header.section], [{ number: 1, total: 2 }, 1]);
    fs.writeFileSync(path.join(tmp, '09NOWHERE46.cable'), text.replace('SECTION 02 OF 03 ', ''));
    assert.equal(JSON.parse(run(['extract', '--fields', 'section', '09NOWHERE46.cable'], tmp).stdout).section, null);
  });

  it('extracts the addressees of the XMT line as header.xmt', () => {
    // Invented: a collective address with two posts left out of it.
    const text = 'VZCZCXRO0001\nPP RUEHWEB\nDE RUEHZZ #0047 1541322\nZNR UUUUU ZZH\nP 031322Z JUN 09\nFM AMEMBASSY NOWHERE\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\nINFO RUCNFOO/FOO COLLECTIVE PRIORITY\nXMT AMEMBASSY ELSEWHERE\nAMCONSUL YONDER\nBT\nUNCLAS NOWHERE 000047\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: FERRY DUES\n\n1. (U) Text.\n';
    fs.writeFileSync(path.join(tmp, '09NOWHERE47.cable'), text);
    const { header } = JSON.parse(run(['extract', '--fields', 'header', '09NOWHERE47.cable'], tmp).stdout);
    assert.deepEqual([header.to, header.info, header.xmt], [['RUEHC/SECSTATE WASHDC'], ['RUCNFOO/FOO COLLECTIVE'], ['AMEMBASSY ELSEWHERE', 'AMCONSUL YONDER']]);
  });

  it('extracts CSV with --fields and proper quoting', () => {
    const r = run(['extract', '--format', 'csv', '--fields', 'id,subject,tags', 'test/fixtures/samples/09VALLETTA412.cable']);
    assert.equal(r.stdout, 'id,subject,tags\n09VALLETTA412,MALTESE HARBOR AUTHORITY SEEKS CLOSER COOPERATION ON MARITIME PATROLS,PREL;PGOV;MARR;MOPS;MT;LY\n');
  });

  it('writes a UTF-8 byte-order mark before the CSV with --bom, for Excel, and refuses it with JSON lines', () => {
    const text = 'UNCLAS NOWHERE 000042\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: CAFÉ OWNERS’ PROTEST\n\n1. (U) Text.\n';
    fs.writeFileSync(path.join(tmp, '09NOWHERE42.cable'), text);
    const bytes = spawnSync(process.execPath, [CLI, 'extract', '--format', 'csv', '--bom', '--fields', 'id,subject', '09NOWHERE42.cable'], { cwd: tmp }).stdout;
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString('utf8'), 'id,subject\n09NOWHERE42,CAFÉ OWNERS’ PROTEST\n');
    // Without it, none: the CSV starts with its header.
    assert.equal(run(['extract', '--format', 'csv', '--fields', 'id', '09NOWHERE42.cable'], tmp).stdout, 'id\n09NOWHERE42\n');
    for (const args of [['extract', '--bom', '09NOWHERE42.cable'], ['extract', '--format', 'jsonl', '--bom', '09NOWHERE42.cable']]) {
      const r = run(args, tmp);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /--bom goes with --format csv/);
    }
    assert.match(run(['--bom', '09NOWHERE42.cable'], tmp).stderr, /lint does not take --bom \(an option of extract\)/);
  });

  it('puts a \' before a CSV cell a spreadsheet would run as a formula, only when asked (--escape-formulas)', () => {
    // A subject or signature an archive holds, opened in a spreadsheet, could run `=HYPERLINK(…)`; the records stay as they are unless asked.
    const text = 'UNCLAS NOWHERE 000043\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: =HYPERLINK("http://example.invalid","CLICK")\n\n1. (U) Text.\n\n-DOE\n';
    fs.writeFileSync(path.join(tmp, '09NOWHERE43.cable'), text);
    const args = ['extract', '--format', 'csv', '--fields', 'id,subject,signature,paragraphs', '09NOWHERE43.cable'];
    const plain = run(args, tmp);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(plain.stdout.split('\n')[1].split(',')[1], '"=HYPERLINK(""http://example.invalid""');
    const escaped = run([...args, '--escape-formulas'], tmp);
    assert.equal(escaped.code, 0, escaped.stderr);
    const row = escaped.stdout.split('\n')[1];
    assert.ok(row.startsWith('09NOWHERE43,"\'=HYPERLINK(""http://example.invalid"",""CLICK"")",'), row);
    assert.equal(row.split(',').at(-1), '1', 'a number is no formula');
    const r = run(['extract', '--escape-formulas', '09NOWHERE43.cable'], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--escape-formulas goes with --format csv/);
  });

  it('rejects a bad --threads value', () => {
    const r = run(['--threads', '0', 'test/fixtures/samples']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--threads must be a whole number/);
  });

  it('prints an outline', () => {
    const r = run(['outline', 'test/fixtures/samples/09VALLETTA412.cable']);
    assert.match(r.stdout, /HARBOR AUTHORITY REQUESTS {2}\[34\]\n {4}¶2 \(S\/NF\) {2}— Director Anton Gauci/);
  });

  describe('a .cablelint.jsonc in a subfolder', () => {
    let dir: string;
    const bad = () => fs.readFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'), 'utf8').replace('TAGS PREL, PGOV, ECON, EC', 'TAGS PREL, KLOCAF');
    /** Each file's CBL030 severities and CBL044's word, as `cablelint --format json ARGS` run in `cwd` (the folder by default) gives them. */
    const findings = (args: string[], cwd = dir) => {
      const r = run(['--format', 'json', ...args], cwd);
      assert.ok(r.stdout.startsWith('['), r.stderr);
      return Object.fromEntries(
        (JSON.parse(r.stdout) as { file: string; diagnostics: { id: string; severity: string; message: string }[] }[]).map((f) => [
          f.file,
          f.diagnostics.filter((d) => d.id === 'CBL030' || d.id === 'CBL044').map((d) => (d.id === 'CBL044' ? d.message.split(' ')[0] : d.severity)).join(),
        ]),
      );
    };
    before(() => {
      dir = fs.mkdtempSync(path.join(tmp, 'nested-'));
      for (const folder of ['team/old', 'team/deeper', 'team/drafts', 'other']) fs.mkdirSync(path.join(dir, folder), { recursive: true });
      fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), '{ "rules": { "CBL030": "warning" }, "ignore": ["team/skip.cable"] }');
      // Not merged with the one above: its own rules, overrides, ignore and dictionaries, their paths from its folder.
      fs.writeFileSync(
        path.join(dir, 'team', '.cablelint.jsonc'),
        '{ "rules": { "CBL030": "hint" }, "overrides": [{ "files": ["old/**"], "rules": { "CBL030": "off" } }], "ignore": ["drafts"], "dictionaries": ["./tags.json"] }',
      );
      fs.writeFileSync(path.join(dir, 'team', 'tags.json'), '{ "tags": [{ "code": "KLOC", "meaning": "A local program" }] }');
      for (const file of ['x.cable', 'team/x.cable', 'team/skip.cable', 'team/old/x.cable', 'team/deeper/x.cable', 'team/drafts/x.cable', 'other/x.cable']) fs.writeFileSync(path.join(dir, file), bad());
    });

    it('is the one each file below it takes, in one run, on one thread or several', () => {
      // KLOC is a TAG under team/ (its dictionary), so KLOCAF reads as KLOC AF run on there (CBL044); elsewhere it is a word.
      const expected = {
        'other/x.cable': 'warning,warning',
        'team/deeper/x.cable': 'KLOCAF,hint,hint',
        'team/old/x.cable': 'KLOCAF',
        'team/skip.cable': 'KLOCAF,hint,hint',
        'team/x.cable': 'KLOCAF,hint,hint',
        'x.cable': 'warning,warning',
      };
      assert.deepEqual(findings(['.']), expected);
      assert.deepEqual(findings(['--threads', '3', '.']), expected);
      assert.deepEqual(findings(['--threads', '2', 'team/x.cable', 'x.cable', 'team/old']), { 'team/x.cable': expected['team/x.cable'], 'x.cable': expected['x.cable'], 'team/old/x.cable': expected['team/old/x.cable'] });
      // From elsewhere, and from inside the subfolder, the same files take the same configurations.
      assert.deepEqual(findings([dir], os.tmpdir()), Object.fromEntries(Object.entries(expected).map(([f, v]) => [path.relative(os.tmpdir(), path.join(dir, f)), v])));
      assert.deepEqual(findings(['.', '../x.cable'], path.join(dir, 'team')), { 'deeper/x.cable': expected['team/deeper/x.cable'], 'old/x.cable': expected['team/old/x.cable'], 'skip.cable': expected['team/skip.cable'], 'x.cable': expected['team/x.cable'], '../x.cable': expected['x.cable'] });
      // Piped text named after a file takes that file's.
      const piped = run(['--format', 'json', '--stdin', '--stdin-filename', 'team/old/y.cable'], dir, bad());
      assert.deepEqual((JSON.parse(piped.stdout) as { diagnostics: { id: string }[] }[])[0].diagnostics.filter((d) => d.id === 'CBL030'), []);
    });

    it('is left for --config FILE, which every file takes', () => {
      fs.writeFileSync(path.join(dir, 'forced.jsonc'), '{ "rules": { "CBL030": "error" } }');
      const forced = findings(['--config', 'forced.jsonc', '.']);
      assert.deepEqual(new Set(Object.values(forced)), new Set(['error,error']));
      // Nothing ignores a file then but the forced configuration: team/drafts is walked too.
      assert.equal(Object.keys(forced).length, 7);
    });

    it('says the problems of a subfolder\'s configuration once, however many files take it, and reads each configuration file once', () => {
      const broken = fs.mkdtempSync(path.join(tmp, 'nested-broken-'));
      fs.mkdirSync(path.join(broken, 'a', 'b'), { recursive: true });
      fs.writeFileSync(path.join(broken, 'a', '.cablelint.json'), '{ "rules": { "CBL999": "off" } }');
      for (const file of ['a/x.cable', 'a/y.cable', 'a/b/z.cable']) fs.writeFileSync(path.join(broken, file), bad());
      const log = path.join(broken, 'read.log');
      const preload = path.join(broken, 'preload.js');
      fs.writeFileSync(
        preload,
        `const fs = require('node:fs'); const { existsSync, readFileSync } = fs;
fs.existsSync = function (p, ...rest) { if (/cablelint/.test(String(p))) fs.appendFileSync(${JSON.stringify(log)}, 'exists ' + String(p) + '\\n'); return existsSync.call(this, p, ...rest); };
fs.readFileSync = function (p, ...rest) { if (/\\.cablelint\\.json/.test(String(p))) fs.appendFileSync(${JSON.stringify(log)}, 'read ' + String(p) + '\\n'); return readFileSync.call(this, p, ...rest); };
`,
      );
      const r = spawnSync(process.execPath, ['--require', preload, CLI, 'a', 'a/x.cable'], { cwd: broken, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(r.status, 2);
      assert.equal(r.stderr.match(/unknown rule "CBL999"/g)?.length, 1, r.stderr);
      const lines = fs.readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
      assert.deepEqual(lines.filter((l) => l.startsWith('read ')), [`read ${path.join(broken, 'a', '.cablelint.json')}`]);
      // Each folder is looked at once for each name: a/b, then a, where the search stops.
      const looked = lines.filter((l) => l.startsWith('exists '));
      assert.equal(new Set(looked).size, looked.length, looked.join('\n'));
    });
  });

  it('lints a large collection on worker threads with the same findings, in file order', function () {
    const dir = corpusDir();
    if (!dir) this.skip();
    const r = run(['--format', 'json', '--threads', '3', path.join(dir!, 'cablegate')]);
    const out = JSON.parse(r.stdout) as { file: string; diagnostics: { id: string; range: { start: { line: number } } }[] }[];
    assert.equal(out.length, 200);
    assert.deepEqual(out.map((x) => x.file), [...out.map((x) => x.file)].sort());
    for (const entry of out) {
      const expected = lintCable(parseCable(fs.readFileSync(path.join(ROOT, entry.file), 'utf8')).cable, undefined, undefined, { fileName: entry.file });
      assert.deepEqual(entry.diagnostics.map((d) => `${d.id}@${d.range.start.line}`), expected.map((f) => `${f.id}@${f.range.start.line}`), entry.file);
    }
  });

  it('extracts a record for every real cable without failing', function () {
    const dir = corpusDir();
    if (!dir) this.skip();
    // The whole corpus: the seeds, named by hash, are read because their text reads as cables.
    const whole = run(['extract', dir!]);
    assert.equal(whole.code, 0, whole.stderr);
    const files = fs.readdirSync(dir!, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.txt'));
    assert.equal(whole.stdout.trim().split('\n').length, files.length);
    const r = run(['extract', path.join(dir!, 'cablegate')]);
    assert.equal(r.code, 0, r.stderr);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(records.length, 200);
    // Spot checks against independent readings of the files.
    for (const rec of records.slice(0, 40)) {
      const text = fs.readFileSync(path.join(ROOT, rec.file), 'utf8');
      const name = path.basename(rec.file, '.txt');
      if (rec.id) assert.equal(rec.id.replace(/\d+$/, ''), name.replace(/\d+$/, '').replace('07PARIS', rec.id.startsWith('07MOSCOW') ? '07MOSCOW' : '07PARIS'));
      const tags = /^TAGS: ((?:[A-Z]{2,5} )*[A-Z]{2,5}) *\r?\n(?=SUBJECT)/m.exec(text);
      if (tags) assert.deepEqual(rec.tags, tags[1].split(' '));
    }
  });

  it('stops writing quietly when the reader of its output has gone', async () => {
    const child = spawn(process.execPath, [CLI, '--format', 'json', 'test/fixtures/samples'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the CLI has started, so that every write meets a closed pipe (EPIPE).
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });

  it('turns V8 inlining off for its run, so that its cold code is compiled sooner (V8_FLAGS in cli/v8Flags.ts)', () => {
    // V8 writes a line for each function it inlines on stdout; over these cables the default options inline dozens.
    const r = spawnSync(process.execPath, ['--trace-turbo-inlining', CLI, '--format', 'json', 'test/fixtures/rules', 'test/fixtures/samples'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(r.status, 1, r.stderr);
    assert.doesNotMatch(r.stdout, /Inlining /);
    // The control: this Node still traces inlining in those words, so that their absence above says something.
    const hot = 'function f(x) { return x + 1 } function g(n) { let s = 0; for (let i = 0; i < n; i++) s += f(i); return s } for (let k = 0; k < 20; k++) g(1e5)';
    const control = spawnSync(process.execPath, ['--trace-turbo-inlining', '-e', hot], { encoding: 'utf8' });
    assert.match(control.stdout, /Inlining /);
  });

  it('compiles each regular expression to machine code at its first match, not to bytecode first (V8_FLAGS in cli/v8Flags.ts)', () => {
    // V8 writes a line for each expression it compiles, and one for each it compiles again from bytecode to machine code.
    const r = spawnSync(process.execPath, ['--trace-regexp-tier-up', CLI, '--format', 'json', 'test/fixtures/rules', 'test/fixtures/samples'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(r.status, 1, r.stderr);
    assert.ok((r.stdout.match(/native code size/g) ?? []).length > 100, 'the parser and rules compile their expressions');
    assert.doesNotMatch(r.stdout, /needs tier-up/);
    // The control: by default this Node compiles an expression to bytecode, then again on its second match.
    const control = spawnSync(process.execPath, ['--trace-regexp-tier-up', '-e', 'const r = /a+b/; for (let i = 0; i < 3; i++) r.test(`aab${i}`)'], { encoding: 'utf8' });
    assert.match(control.stdout, /needs tier-up/);
  });

  it('loads jsonc-parser, picomatch, the LSP types and diff only for the runs that need them', () => {
    const loaded = (args: string[]) => {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module' } });
      return [...r.stderr.matchAll(/REQUEST \.\/cli-([\w-]+)\.js/g)].map((m) => m[1]);
    };
    assert.deepEqual(loaded(['--format', 'json', 'test/fixtures/samples']), []);
    assert.deepEqual(loaded(['--ignore', 'drafts/**', 'test/fixtures/samples']), ['picomatch']);
    assert.deepEqual(loaded(['outline', 'test/fixtures/samples/09VALLETTA412.cable']), ['vscode-languageserver-types']);
    assert.deepEqual(loaded(['--fix-dry-run', 'test/fixtures/samples']), [], 'no diff to print');
    assert.deepEqual(loaded(['--fix-dry-run', 'test/fixtures/cli/fix-dry-run.cable']), ['diff']);
    const dir = path.join(tmp, 'lazy');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), '{ "rules": { "CBL030": "warning" } }');
    assert.deepEqual(loaded(['--config', path.join(dir, '.cablelint.jsonc'), 'test/fixtures/samples']), ['jsonc-parser']);
  });

  describe('as the README and the walkthrough show it', () => {
    const docs = ['README.md', 'docs/walkthrough/cli.md'].map((f) => [f, fs.readFileSync(path.join(ROOT, f), 'utf8')] as const);
    /** The lines of the docs' code blocks that run cablelint, and the code spans that do. */
    const runsCablelint = (l: string) => /(?<![\w.$-])cablelint(?= |$)/.test(l);
    const blockLines = docs.flatMap(([f, text]) => [...text.matchAll(/```\w*\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n')).filter(runsCablelint).map((l) => [f, l] as const));
    const commandLines = [...blockLines, ...docs.flatMap(([f, text]) => [...text.matchAll(/`((?:npx )?cablelint [^`]+)`/g)].map((m) => [f, m[1]] as const))];

    it('names only options that --help lists', () => {
      const help = run(['--help']).stdout;
      const options = new Set([...help.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]));
      assert.ok(commandLines.length > 10);
      const unknown = commandLines.flatMap(([f, l]) => [...l.replace(/#.*$/, '').matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]).filter((o) => !options.has(o) && !/npm install/.test(l)).map((o) => `${f}: ${o} in ${l.trim()}`));
      assert.deepEqual(unknown, []);
    });

    it('runs each example command on a folder of cables, exiting 0 or 1, never with a usage error', () => {
      // The examples in full, not the synopses ("[--format stylish|json]") nor the lines that pipe text in.
      const examples = blockLines.filter(([, l]) => !/ \| /.test(l)).map(([, l]) => l.replace(/^.*?\bnpx cablelint\b/, 'cablelint').replace(/\s+#.*$|".*$/, '').replace(/\s*(\|\| true|>\s*\S+)\s*/g, ' ').trim())
        .filter((l) => l.startsWith('cablelint ') && !/[[|<]|\.\.\./.test(l) && !/^cablelint --(suppress-all|fix) /.test(l));
      assert.ok(new Set(examples).size >= 6, examples.join('\n'));
      const dir = path.join(tmp, 'docs-examples');
      fs.mkdirSync(path.join(dir, 'cables'), { recursive: true });
      for (const f of fs.readdirSync(path.join(ROOT, 'test/fixtures/samples'))) fs.copyFileSync(path.join(ROOT, 'test/fixtures/samples', f), path.join(dir, 'cables', f));
      fs.copyFileSync(path.join(RULES, 'cbl030-portion-marking-above-banner.bad.cable'), path.join(dir, 'cables', 'draft.cable'));
      for (const example of new Set(examples)) {
        const r = run(example.split(/\s+/).slice(1), dir);
        assert.ok(r.code === 0 || r.code === 1, `${example}: exit code ${r.code}: ${r.stderr}`);
        assert.ok(r.stdout.length > 0, `${example} prints something`);
      }
    });
  });

  it('orders names exactly as localeCompare does', () => {
    const names = ['a', 'A', 'b', 'B', 'aa', 'ab', 'a-b', 'a_b', 'a.b', 'a b', 'é', 'e', 'E', 'f', 'Ä', 'z1', 'z10', 'z2', 'Z', '1', '09PARIS1.txt', '09PARIS10.txt', '09PARIS103.txt', '09PARIS1039.txt', '09paris1.txt', '10ROME1.cable', 'x.CABLE', 'x.cable', 'x\u0301', 'x\u0001', '-', '.', '', 'ch', 'd', 'h', 'ı', 'i', 'I'];
    const sign = (n: number) => Math.sign(n);
    for (const a of names) for (const b of names) assert.equal(sign(compareNames(a, b)), sign(a.localeCompare(b)), `${JSON.stringify(a)} ${JSON.stringify(b)}`);
    // Random names from the characters file names use most.
    const alphabet = '09AZaz.-_ é';
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const word = () => Array.from({ length: 1 + Math.floor(random() * 5) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 5000; i++) {
      const a = word();
      const b = random() < 0.5 ? a + word() : word();
      assert.equal(sign(compareNames(a, b)), sign(a.localeCompare(b)), `${JSON.stringify(a)} ${JSON.stringify(b)}`);
    }
  });
});
