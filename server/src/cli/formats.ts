/**
 * Output formats of `cablelint`: stylish, json, SARIF 2.1.0, JUnit XML, GitHub Actions annotations and
 * GitLab's Code Quality report.
 */
import { allRules, ruleDocUrl } from '../core/rules/index';
import type { Finding, Fix, Severity } from '../core/rules/types';

/**
 * What the formats print of a finding: related locations and the fixes that wait for the user stay in the editor.
 * The first safe fix, the one `--fix` applies, is kept: stylish counts the findings that have one, as ESLint counts its
 * fixable problems, JSON says `fixable` and SARIF gives its edits as the result's `fixes`.
 */
export type ReportedFinding = Pick<Finding, 'id' | 'name' | 'severity' | 'message' | 'range'> & { readonly fix?: Pick<Fix, 'title' | 'edits'> };

/** The findings of one file. */
export interface FileResult {
  readonly file: string;
  readonly findings: readonly ReportedFinding[];
}

/** A finding reduced to what the formats print, so that less memory is held and less is copied between threads. */
export function reported(f: Finding): ReportedFinding {
  const finding = { id: f.id, name: f.name, severity: f.severity, message: f.message, range: f.range };
  // The fix `safeFixEdits` takes, as `--fix` applies it.
  const fix = f.fixes?.find((x) => x.safe);
  return fix && fix.edits.length > 0 ? { ...finding, fix: { title: fix.title, edits: fix.edits } } : finding;
}

/**
 * A message of the run (exit code 2; `RunMessage` in cli/messages.ts) as the formats print it. One about a file the run
 * could not check (unreadable, binary, empty, too large, missing, a parser or rule failure) names it as the output names
 * files: json, github and gitlab carry it as that file's, and stylish counts it. SARIF and JUnit carry every message's text.
 */
export interface ReportedMessage {
  /** The file as the output names it; none for a message about the run (its configuration, cache or suppressions file). */
  readonly file?: string;
  /** What is wrong; with a file, without its name: `cannot be read (EACCES)`. */
  readonly message: string;
  /** The message as stderr says it (after `cablelint: `), naming the file by the path it was read by. */
  readonly text: string;
}

/** The messages about a file, each with the file's name. */
function aboutFiles(messages: readonly ReportedMessage[]): (ReportedMessage & { readonly file: string })[] {
  return messages.filter((m): m is ReportedMessage & { readonly file: string } => m.file !== undefined);
}

/** The start of every range a file message is put at: the file's first character, as ESLint puts a fatal message without a place at line 0. */
const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * A format written a file at a time, so that a run prints each file's result once it is final and keeps nothing of it
 * (cli.ts, `LintOutput`): {@link FormatWriter.begin} before the first file, {@link FormatWriter.file} for each file in
 * the run's order, {@link FormatWriter.end} after the last with the run's messages. Each returns the text to print.
 */
export interface FormatWriter {
  /**
   * The text before the first file. Only a format that says {@link FormatWriter.messagesFirst} reads `messages` here (and
   * is then given all of them: its files' results wait until the run's end).
   */
  begin(messages: readonly ReportedMessage[]): string;
  /**
   * The text of one file's result. `messages` are the run's messages about the file met so far, which json writes as the
   * file's own fatal diagnostics (and then not again at the end).
   */
  file(result: FileResult, messages: readonly ReportedMessage[]): string;
  /** The text after the last file: totals, the messages about files that had no result, the run's other messages. */
  end(messages: readonly ReportedMessage[]): string;
  /** True when the run's messages come before the results (SARIF's invocations precede its results). */
  readonly messagesFirst?: boolean;
}

/** `text`, every line indented by `indent`: an element of a `JSON.stringify(…, null, 2)` written at that depth. */
function indented(text: string, indent: string): string {
  return indent + text.replace(/\n/g, `\n${indent}`);
}

/**
 * The elements of a JSON array indented two spaces a level, `depth` levels down, written one at a time: the same text as
 * `JSON.stringify` of the whole array with `null, 2` ("[]" when it has none).
 */
class JsonArray {
  readonly #indent: string;
  #count = 0;

  constructor(depth: number) {
    this.#indent = '  '.repeat(depth + 1);
  }

  /** The text of one element. */
  element(value: unknown): string {
    return `${this.#count++ === 0 ? '\n' : ',\n'}${indented(JSON.stringify(value, null, 2), this.#indent)}`;
  }

  /** The array's closing bracket, after its elements (the opening one is the caller's). */
  close(): string {
    return this.#count === 0 ? ']' : `\n${this.#indent.slice(2)}]`;
  }
}

/** A diagnostic of json output: a finding, or a message about the file (`fatal`). */
function jsonDiagnostic(f: ReportedFinding): object {
  return { id: f.id, name: f.name, severity: f.severity, message: f.message, range: f.range, fixable: f.fix !== undefined };
}

function fatalDiagnostic(m: ReportedMessage): object {
  return { id: null, name: null, severity: 'error', message: m.message, range: FILE_START, fixable: false, fatal: true };
}

/**
 * `[{file, diagnostics: [{id, name, severity, message, range, fixable}]}]`, 0-based as in LSP; `fixable` says whether
 * the finding has a safe fix, which `--fix` applies (as ESLint's JSON counts `fixableErrorCount`).
 * A file the run could not read or check is an entry too (after the others when it has no findings), whose diagnostic
 * says so with `fatal: true`, `id` and `name` null and severity `error`, as ESLint's JSON writes a fatal message
 * (`ruleId: null`, `fatal: true`): a report read alone does not pass such a file over.
 */
export function jsonWriter(): FormatWriter {
  const entries = new JsonArray(0);
  /** The messages written as a file's own diagnostics. */
  const written = new Set<ReportedMessage>();
  return {
    begin: () => '[',
    file(r, messages) {
      for (const m of messages) written.add(m);
      // Pushed one by one, not spread from two `map`s: the array `map` makes in optimized code can have another map than the
      // interpreter's, and the spread deoptimized `file` in a cold run.
      const diagnostics: object[] = [];
      for (let i = 0; i < r.findings.length; i++) diagnostics.push(jsonDiagnostic(r.findings[i]));
      for (let i = 0; i < messages.length; i++) diagnostics.push(fatalDiagnostic(messages[i]));
      return entries.element({ file: r.file, diagnostics });
    },
    end(messages) {
      // The files with messages and no result, in the order of their first message.
      const rest = new Map<string, object[]>();
      for (const m of aboutFiles(messages)) {
        if (written.has(m)) continue;
        let diagnostics = rest.get(m.file);
        if (!diagnostics) rest.set(m.file, (diagnostics = []));
        diagnostics.push(fatalDiagnostic(m));
      }
      let out = '';
      for (const [file, diagnostics] of rest) out += entries.element({ file, diagnostics });
      return `${out}${entries.close()}\n`;
    },
  };
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m' };

/** "1 error", "2 errors". */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * eslint-style text; colored only when asked. The files the run could not read or check (the `messages` about a file,
 * said on stderr) are counted in the last line, so that it does not say "no problems" alone for a run that exits with 2.
 */
export function stylishWriter(color: boolean): FormatWriter {
  const c = (code: string, s: string) => (color ? `${code}${s}\x1b[0m` : s);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  let files = 0;
  return {
    begin: () => '',
    file(r) {
      files++;
      if (r.findings.length === 0) return '';
      let out = `\n${c('\x1b[4m', r.file)}\n`;
      for (const f of r.findings) {
        counts[f.severity]++;
        if (f.fix) fixable++;
        const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
        out += `  ${where.padEnd(8)} ${c(COLORS[f.severity], f.severity.padEnd(7))} ${f.message}  ${c('\x1b[90m', `${f.id}/${f.name}`)}\n`;
      }
      return out;
    },
    end(messages) {
      const total = counts.error + counts.warning + counts.info + counts.hint;
      const unchecked = new Set(aboutFiles(messages).map((m) => m.file)).size;
      const failed = unchecked === 0 ? '' : `; ${unchecked} file(s) could not be checked (stderr says why)`;
      let out = total === 0 ? `${files} file(s) checked, no problems${failed}\n` : `\n${total} problem(s) (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info, ${plural(counts.hint, 'hint')}) in ${files} file(s)${failed}\n`;
      // "potentially": Fix All leaves out a safe fix whose edits overlap another's, until a later pass. Indented, as ESLint
      // writes it, so that the problem matcher ($cablelint-stylish) does not take the line for a file's name.
      if (fixable > 0) out += `  ${fixable} of them potentially fixable with the \`--fix\` option.\n`;
      return out;
    },
  };
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** An LSP range as a SARIF region: 1-based lines and columns, the end column one past the last character. */
function sarifRegion(range: Finding['range']): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** Stands for the results array while the rest of the log is written. */
const SARIF_RESULTS = '\u0000results';

/**
 * SARIF 2.1.0 with rule metadata, help URIs and 1-based regions, whose columns count UTF-16 code units as LSP's and
 * the other formats' do, which the run says (`columnKind`): the schema gives no default, and a consumer that counts
 * code points would put a finding after an emoji or another character outside the BMP one column off.
 * A finding with a safe fix carries it as the result's `fixes` (§3.27.30): one fix object (§3.55) whose replacements
 * (§3.57) each delete a region (empty for an insertion) and insert the edit's text, the edits `--fix` would apply.
 * The run's messages (its invocation) come before its results, so a run writes this format at its end ({@link FormatWriter.messagesFirst}).
 */
export function sarifWriter(version: string): FormatWriter {
  const index = new Map(allRules.map((r, i) => [r.id, i]));
  const results = new JsonArray(3);
  /** The log's text after the results array, known once `begin` has written the text before it. */
  let after = '';
  return {
    messagesFirst: true,
    begin(messages) {
      const rules = allRules.map((r) => ({
        id: r.id,
        name: r.name,
        shortDescription: { text: r.description },
        helpUri: ruleDocUrl(r.id),
        defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
      }));
      const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'cablelint', version, informationUri: 'https://github.com/vscode-cable/vscode-cable', rules } },
            // The run's messages (a file unreadable, binary or missing: exit code 2) as the invocation's notifications (§3.20.21),
            // so that a log read alone does not pass such a file over as one with no findings.
            invocations: [{ executionSuccessful: messages.length === 0, toolExecutionNotifications: messages.map((m) => ({ level: 'error', message: { text: m.text } })) }],
            columnKind: 'utf16CodeUnits',
            results: SARIF_RESULTS,
          },
        ],
      };
      const text = JSON.stringify(log, null, 2);
      const marker = JSON.stringify(SARIF_RESULTS);
      const at = text.indexOf(marker);
      after = text.slice(at + marker.length);
      return text.slice(0, at) + '[';
    },
    file(r) {
      let out = '';
      const uri = encodeURI(r.file);
      for (const f of r.findings) {
        const result = {
          ruleId: f.id,
          ruleIndex: index.get(f.id),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri }, region: sarifRegion(f.range) } }],
        };
        if (!f.fix) {
          out += results.element(result);
          continue;
        }
        // A replacement without inserted content is a deletion (§3.57.4).
        const replacements = f.fix.edits.map((e) => (e.newText === '' ? { deletedRegion: sarifRegion(e.range) } : { deletedRegion: sarifRegion(e.range), insertedContent: { text: e.newText } }));
        out += results.element({ ...result, fixes: [{ description: { text: f.fix.title }, artifactChanges: [{ artifactLocation: { uri }, replacements }] }] });
      }
      return out;
    },
    end: () => `${results.close()}${after}\n`,
  };
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * JUnit XML: a testsuite per file, a failing testcase per error or warning (eslint's junit convention). The run's
 * messages (a file unreadable, binary or missing: exit code 2) are the errors of a last testsuite, `cablelint`, so that
 * a CI's test report does not show all passed while the run failed. Each testsuite carries its own counts and the root
 * `testsuites` none, so a file's testsuite is written once the file is linted.
 */
export function junitWriter(): FormatWriter {
  return {
    begin: () => '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n',
    file(r) {
      const failing = r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      let out = `  <testsuite package="cablelint" time="0" tests="${Math.max(1, failing.length)}" errors="${failing.length}" name="${xml(r.file)}">\n`;
      if (failing.length === 0) out += `    <testcase time="0" name="${xml(r.file)}" classname="cablelint" />\n`;
      for (const f of failing) {
        out += `    <testcase time="0" name="${xml(`${f.id} ${f.name}`)}" classname="${xml(r.file)}">\n`;
        out += `      <failure message="${xml(f.message)}"><![CDATA[line ${f.range.start.line + 1}, col ${f.range.start.character + 1}, ${f.severity} - ${f.message.replace(/]]>/g, ']]]]><![CDATA[>')} (${f.id})]]></failure>\n`;
        out += '    </testcase>\n';
      }
      return out + '  </testsuite>\n';
    },
    end(messages) {
      let out = '';
      if (messages.length > 0) {
        out += `  <testsuite package="cablelint" time="0" tests="${messages.length}" errors="${messages.length}" name="cablelint">\n`;
        for (const { text } of messages) out += `    <testcase time="0" name="${xml(text)}" classname="cablelint">\n      <error message="${xml(text)}" />\n    </testcase>\n`;
        out += '  </testsuite>\n';
      }
      return out + '</testsuites>\n';
    },
  };
}

/** A path as CI services match it against the repository's files: with `/` between names, also on Windows. */
function forwardSlashes(file: string, windows: boolean): string {
  return windows ? file.replace(/\\/g, '/') : file;
}

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** A workflow command's message, escaped as `@actions/core` escapes it (`escapeData`). */
function githubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value, escaped as `@actions/core` escapes it (`escapeProperty`). */
function githubProperty(s: string): string {
  return githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one per finding (`::warning file=…,line=…,endLine=…,col=…,endColumn=…,title=CBL024/…::message`):
 * the runner shows each as an annotation on the run and on the lines of a pull request's diff, with no SARIF upload and no
 * code scanning, which a private repository has only with GitHub Advanced Security. Info and hint findings are notices.
 * Lines and columns are 1-based, columns in UTF-16 code units as in stylish output; paths use forward slashes.
 */
export function githubWriter(windows = process.platform === 'win32'): FormatWriter {
  return {
    begin: () => '',
    file(r) {
      let out = '';
      const file = githubProperty(forwardSlashes(r.file, windows));
      for (const f of r.findings) {
        const { start, end } = f.range;
        const where = `file=${file},line=${start.line + 1},endLine=${end.line + 1},col=${start.character + 1},endColumn=${end.character + 1}`;
        out += `::${GITHUB_LEVEL[f.severity]} ${where},title=${githubProperty(`${f.id}/${f.name}`)}::${githubData(f.message)}\n`;
      }
      return out;
    },
    end(messages) {
      let out = '';
      // A file the run could not read or check: an error annotation on the file; the run's other messages (a broken configuration), on the run.
      for (const m of aboutFiles(messages)) out += `::error file=${githubProperty(forwardSlashes(m.file, windows))},title=cablelint::${githubData(m.message)}\n`;
      for (const m of messages) if (m.file === undefined) out += `::error title=cablelint::${githubData(m.text)}\n`;
      return out;
    },
  };
}

const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

/**
 * GitLab's Code Quality report (`artifacts: reports: codequality:`), the subset of the Code Climate issue format that
 * GitLab reads: a JSON array of `{description, check_name, fingerprint, severity, location: {path, lines: {begin, end}}}`,
 * shown in the merge request's Code Quality widget and its diff. Errors are `major`, warnings `minor`, info and hints
 * `info`. GitLab keeps one issue per fingerprint and compares the merge request's with the target branch's, so each is
 * a hash of the path, the rule, the message and how many findings of that rule and message came before it in the file,
 * not of the line: a finding keeps its fingerprint when lines are added above it. Paths use forward slashes.
 */
export function gitlabWriter(windows = process.platform === 'win32'): FormatWriter {
  const crypto = process.getBuiltinModule('node:crypto');
  const issues = new JsonArray(0);
  /** The issue of `file`'s `k`th finding of a check and message, `k` counted in `seen` (the file's counts: the fingerprint names the file). */
  const issue = (seen: Map<string, number>, file: string, check: string, checkName: string, message: string, severity: string, begin: number, end: number): string => {
    const what = `${file}\0${check}\0${message}`;
    const k = seen.get(what) ?? 0;
    seen.set(what, k + 1);
    return issues.element({
      description: message,
      check_name: checkName,
      fingerprint: crypto.createHash('sha256').update(`${what}\0${k}`).digest('hex').slice(0, 32),
      severity,
      location: { path: file, lines: { begin, end } },
    });
  };
  return {
    begin: () => '[',
    file(r) {
      let out = '';
      const seen = new Map<string, number>();
      const file = forwardSlashes(r.file, windows);
      for (const f of r.findings) out += issue(seen, file, f.id, `${f.id}/${f.name}`, f.message, GITLAB_SEVERITY[f.severity], f.range.start.line + 1, f.range.end.line + 1);
      return out;
    },
    end(messages) {
      let out = '';
      const seen = new Map<string, number>();
      // A file the run could not read or check: an issue at its first line, `major` as errors are, so that the widget does not show it as clean.
      for (const m of aboutFiles(messages)) out += issue(seen, forwardSlashes(m.file, windows), 'cablelint', 'cablelint', m.message, 'major', 1, 1);
      return `${out}${issues.close()}\n`;
    },
  };
}

/** What a format needs besides the results: whether stylish output may be colored, and cablelint's version for SARIF. */
export interface FormatOptions {
  readonly color: boolean;
  readonly version: string;
}

/** The formats of `cablelint --format`, by name, each a new writer for a run; stylish is the default. */
export const LINT_FORMATS: Readonly<Record<string, (options: FormatOptions) => FormatWriter>> = {
  stylish: ({ color }) => stylishWriter(color),
  json: () => jsonWriter(),
  sarif: ({ version }) => sarifWriter(version),
  junit: () => junitWriter(),
  github: () => githubWriter(),
  gitlab: () => gitlabWriter(),
};
