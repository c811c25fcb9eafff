/**
 * `cablelint` and CBL054 (cited-paragraph-missing): a paragraph a cable names of a cable it cites is checked against
 * that cable when it is among the files of the same run, as the editor checks it against its workspace index, on one
 * thread or several, with `--cache` or without, under each file's configuration. The expected findings are the
 * editor's: `lintCable` with a `citedParagraphs` lookup of the cited cable's copy.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintCable } from '../../server/src/core/lint';
import type { Range } from '../../server/src/core/model';
import { parseCable } from '../../server/src/core/parse/index';
import { paragraphCopy } from '../../server/src/core/rules/util';
import { ROOT } from '../helpers';
import { ensureBuilt } from '../lsp/client';

const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[], cwd: string, input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** An invented unclassified cable from Tallinn with numbered paragraphs and a signature. */
function cable(serial: number, refs: string, paragraphs: readonly string[]): string {
  const body = paragraphs.map((p, i) => `¶${i + 1}. ${p}\n`).join('\n');
  return `UNCLAS SECTION 01 OF 01 TALLINN 000${serial}\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL ECON EN\nSUBJECT: ESTONIAN PORT AUTHORITY PLANS NEW FERRY TERMINAL\n\n${refs}\n\n${body}\nMERIVALE\n`;
}

/** The cited cable, 09TALLINN214: paragraphs 1 to `count`. */
const cited = (count: number) => cable(214, 'REF: STATE 40211', Array.from({ length: count }, (_, i) => `Part ${i + 1} of the report on the ferry terminal at\nthe harbor of Kopli, with figures for the year.`));

/** The citing cable, 09TALLINN230: it names paragraphs 9 and 3 of REF A, 09TALLINN214. */
const CITING = cable(230, 'REF: A. TALLINN 214\n     B. STATE 40211', [
  'Summary: the port authority chose a builder. End summary.',
  'As REF A para 9 reported, the works start in the spring;\nREF A para 3 gave the cost.',
  'The Embassy will follow the tender.',
]);

interface JsonEntry {
  file: string;
  diagnostics: { id: string; severity: string; message: string; range: Range }[];
}

/** The JSON report's entries by file name. */
function byFile(stdout: string): Map<string, JsonEntry['diagnostics']> {
  return new Map((JSON.parse(stdout) as JsonEntry[]).map((e) => [path.basename(e.file), e.diagnostics]));
}

/** The editor's findings of the citing cable, the workspace holding the cited one with `count` paragraphs. */
function editorFindings(count: number): JsonEntry['diagnostics'] {
  const copy = paragraphCopy(parseCable(cited(count)).cable);
  const findings = lintCable(parseCable(CITING).cable, undefined, undefined, { fileName: '09TALLINN230.txt', citedParagraphs: (id) => (id === '09TALLINN214' ? copy : undefined) });
  return findings.map((f) => ({ id: f.id, severity: f.severity, message: f.message, range: f.range }));
}

const shown = (d: JsonEntry['diagnostics']) => d.map((f) => ({ id: f.id, severity: f.severity, message: f.message, range: f.range }));
const cbl054 = (d: JsonEntry['diagnostics'] | undefined) => (d ?? []).filter((f) => f.id === 'CBL054');

describe('cablelint: CBL054 across the files of a run', function () {
  this.timeout(120000);
  let tmp: string;
  let dir: string;
  before(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cablelint-cited-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  beforeEach(function () {
    dir = path.join(tmp, this.currentTest!.title.replace(/\W+/g, '-').slice(0, 40));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, '09TALLINN214.txt'), cited(7));
    fs.writeFileSync(path.join(dir, '09TALLINN230.txt'), CITING);
  });

  it('reports a paragraph the cited cable of the run lacks, in json and stylish, among the file\'s findings as the editor orders them', () => {
    const expected = editorFindings(7);
    assert.equal(cbl054(expected).length, 1, 'the editor reports paragraph 9');
    const json = run(['--format', 'json', '.'], dir);
    assert.equal(json.code, 0, json.stderr);
    const files = byFile(json.stdout);
    assert.deepEqual(shown(files.get('09TALLINN230.txt')!), expected);
    assert.match(cbl054(files.get('09TALLINN230.txt'))[0].message, /^REF A cites 09TALLINN214, which has no paragraph 9: its paragraphs are numbered 1 to 7\.$/);
    assert.deepEqual(cbl054(files.get('09TALLINN214.txt')), []);
    const stylish = run(['.'], dir);
    const lines = stylish.stdout.split('\n');
    const at = lines.indexOf('09TALLINN230.txt');
    assert.ok(at >= 0, stylish.stdout);
    const own = lines.slice(at + 1, lines.indexOf('', at));
    assert.deepEqual(
      own.map((l) => l.trim().split(/\s+/)[0]),
      expected.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`),
    );
    assert.ok(own.some((l) => /REF A cites 09TALLINN214, which has no paragraph 9.*CBL054\/cited-paragraph-missing$/.test(l)), stylish.stdout);
    // Every format carries it as the file's.
    assert.match(run(['--format', 'sarif', '.'], dir).stdout, /"ruleId": "CBL054"/);
    assert.match(run(['--format', 'github', '.'], dir).stdout, /09TALLINN230\.txt.*no paragraph 9/);
    assert.match(run(['--format', 'gitlab', '.'], dir).stdout, /CBL054/);
    // JUnit lists errors and warnings only.
    assert.match(run(['--format', 'junit', '--rule', 'CBL054=warning', '.'], dir).stdout, /no paragraph 9/);
  });

  it('counts its findings in the exit code and --max-warnings', () => {
    assert.equal(run(['.'], dir).code, 0);
    assert.equal(run(['--rule', 'CBL054=error', '.'], dir).code, 1);
    assert.equal(run(['--rule', 'CBL054=warning', '--max-warnings', '0', '.'], dir).code, 1);
    assert.equal(run(['--rule', 'CBL054=warning', '--max-warnings', '1', '.'], dir).code, 0);
  });

  it('reports nothing when the cited cable is not in the run, or when it has the paragraph', () => {
    assert.deepEqual(cbl054(byFile(run(['--format', 'json', '09TALLINN230.txt'], dir).stdout).get('09TALLINN230.txt')), []);
    fs.writeFileSync(path.join(dir, '09TALLINN214.txt'), cited(9));
    assert.deepEqual(cbl054(editorFindings(9)), []);
    assert.deepEqual(cbl054(byFile(run(['--format', 'json', '.'], dir).stdout).get('09TALLINN230.txt')), []);
  });

  it('follows the configuration the citing file takes and --rule', () => {
    fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), '{ "rules": { "cited-paragraph-missing": "off" } }');
    assert.deepEqual(cbl054(byFile(run(['--format', 'json', '.'], dir).stdout).get('09TALLINN230.txt')), []);
    // The cited cable's own configuration is no matter: its paragraphs are read whatever it says of CBL054.
    fs.mkdirSync(path.join(dir, 'cited'));
    fs.renameSync(path.join(dir, '09TALLINN214.txt'), path.join(dir, 'cited', '09TALLINN214.txt'));
    fs.writeFileSync(path.join(dir, '.cablelint.jsonc'), '{ "rules": { "CBL054": "warning" } }');
    fs.writeFileSync(path.join(dir, 'cited', '.cablelint.jsonc'), '{ "rules": { "CBL054": "off" } }');
    assert.deepEqual(cbl054(byFile(run(['--format', 'json', '.'], dir).stdout).get('09TALLINN230.txt')).map((f) => f.severity), ['warning']);
    assert.deepEqual(cbl054(byFile(run(['--format', 'json', '--rule', 'CBL054=off', '.'], dir).stdout).get('09TALLINN230.txt')), []);
  });

  it('gives the same report on two threads', () => {
    const one = run(['--format', 'json', '--threads', '1', '.'], dir);
    const two = run(['--format', 'json', '--threads', '2', '.'], dir);
    assert.equal(cbl054(byFile(one.stdout).get('09TALLINN230.txt')).length, 1);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.code, one.code);
  });

  it('with --cache, gives the same report warm, and follows an edit of the cited cable though the citing file is unchanged', () => {
    const plain = run(['--format', 'json', '.'], dir).stdout;
    const cold = run(['--format', 'json', '--cache', '.'], dir);
    const warm = run(['--format', 'json', '--cache', '.'], dir);
    assert.equal(cbl054(byFile(plain).get('09TALLINN230.txt')).length, 1);
    assert.equal(cold.stdout, plain);
    assert.equal(warm.stdout, plain);
    const cacheFile = path.join(dir, '.cablelintcache');
    // The citing file's entry holds no CBL054 finding: a cached one would outlive the cited cable's edit.
    const entry = (JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { key: string; findings: { id: string }[] }> }).entries['09TALLINN230.txt'];
    assert.deepEqual(entry.findings.filter((f) => f.id === 'CBL054'), []);
    // The cited cable gains paragraphs 8 and 9: the citing file, unchanged, is read from the cache, and its finding goes.
    fs.writeFileSync(path.join(dir, '09TALLINN214.txt'), cited(9));
    const edited = run(['--format', 'json', '--cache', '.'], dir);
    const after = (JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { key: string }> }).entries['09TALLINN230.txt'];
    assert.equal(after.key, entry.key);
    assert.deepEqual(cbl054(byFile(edited.stdout).get('09TALLINN230.txt')), []);
    assert.equal(edited.stdout, run(['--format', 'json', '.'], dir).stdout);
    // And comes back when they go again.
    fs.writeFileSync(path.join(dir, '09TALLINN214.txt'), cited(7));
    assert.equal(run(['--format', 'json', '--cache', '.'], dir).stdout, plain);
    assert.equal(run(['--format', 'json', '--cache', '--threads', '2', '.'], dir).stdout, plain);
  });

  it('reports nothing for --stdin, which reads no other file', () => {
    const r = run(['--format', 'json', '--stdin', '--stdin-filename', '09TALLINN230.txt'], dir, CITING);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(cbl054(byFile(r.stdout).get('09TALLINN230.txt')), []);
    // As --help says of --stdin.
    const help = run(['--help'], dir).stdout.split('\n');
    const at = help.findIndex((l) => l.startsWith('  --stdin '));
    const stdinHelp = help.slice(at, at + 1 + help.slice(at + 1).findIndex((l) => !/^ {20,}\S/.test(l))).join(' ');
    assert.match(stdinHelp, /No other file\s+is read, so CBL054 .* says nothing/);
  });

  it('leaves --fix-dry-run as it was: CBL054 has no fix', () => {
    const r = run(['--fix-dry-run', '--rule', 'CBL054=error', '.'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /1 error left that no safe fix mends/);
  });
});
