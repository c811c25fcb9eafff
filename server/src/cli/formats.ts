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
 * `[{file, diagnostics: [{id, name, severity, message, range, fixable}]}]`, 0-based as in LSP; `fixable` says whether
 * the finding has a safe fix, which `--fix` applies (as ESLint's JSON counts `fixableErrorCount`).
 * A file the run could not read or check is an entry too (after the others when it has no findings), whose diagnostic
 * says so with `fatal: true`, `id` and `name` null and severity `error`, as ESLint's JSON writes a fatal message
 * (`ruleId: null`, `fatal: true`): a report read alone does not pass such a file over.
 */
export function formatJson(results: readonly FileResult[], messages: readonly ReportedMessage[] = []): string {
  const entries = results.map((r) => ({
    file: r.file,
    diagnostics: r.findings.map((f): object => ({ id: f.id, name: f.name, severity: f.severity, message: f.message, range: f.range, fixable: f.fix !== undefined })),
  }));
  const byFile = new Map(entries.map((e) => [e.file, e]));
  for (const m of aboutFiles(messages)) {
    let entry = byFile.get(m.file);
    if (!entry) {
      entry = { file: m.file, diagnostics: [] };
      byFile.set(m.file, entry);
      entries.push(entry);
    }
    entry.diagnostics.push({ id: null, name: null, severity: 'error', message: m.message, range: FILE_START, fixable: false, fatal: true });
  }
  return JSON.stringify(entries, null, 2) + '\n';
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
export function formatStylish(results: readonly FileResult[], color: boolean, messages: readonly ReportedMessage[] = []): string {
  const c = (code: string, s: string) => (color ? `${code}${s}\x1b[0m` : s);
  let out = '';
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  for (const r of results) {
    if (r.findings.length === 0) continue;
    out += `\n${c('\x1b[4m', r.file)}\n`;
    for (const f of r.findings) {
      counts[f.severity]++;
      if (f.fix) fixable++;
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      out += `  ${where.padEnd(8)} ${c(COLORS[f.severity], f.severity.padEnd(7))} ${f.message}  ${c('\x1b[90m', `${f.id}/${f.name}`)}\n`;
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const unchecked = new Set(aboutFiles(messages).map((m) => m.file)).size;
  const failed = unchecked === 0 ? '' : `; ${unchecked} file(s) could not be checked (stderr says why)`;
  out += total === 0 ? `${results.length} file(s) checked, no problems${failed}\n` : `\n${total} problem(s) (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info, ${plural(counts.hint, 'hint')}) in ${results.length} file(s)${failed}\n`;
  // "potentially": Fix All leaves out a safe fix whose edits overlap another's, until a later pass. Indented, as ESLint
  // writes it, so that the problem matcher ($cablelint-stylish) does not take the line for a file's name.
  if (fixable > 0) out += `  ${fixable} of them potentially fixable with the \`--fix\` option.\n`;
  return out;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** An LSP range as a SARIF region: 1-based lines and columns, the end column one past the last character. */
function sarifRegion(range: Finding['range']): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/**
 * SARIF 2.1.0 with rule metadata, help URIs and 1-based regions, whose columns count UTF-16 code units as LSP's and
 * the other formats' do, which the run says (`columnKind`): the schema gives no default, and a consumer that counts
 * code points would put a finding after an emoji or another character outside the BMP one column off.
 * A finding with a safe fix carries it as the result's `fixes` (§3.27.30): one fix object (§3.55) whose replacements
 * (§3.57) each delete a region (empty for an insertion) and insert the edit's text, the edits `--fix` would apply.
 */
export function formatSarif(results: readonly FileResult[], version: string, messages: readonly ReportedMessage[] = []): string {
  const rules = allRules.map((r) => ({
    id: r.id,
    name: r.name,
    shortDescription: { text: r.description },
    helpUri: ruleDocUrl(r.id),
    defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
  }));
  const index = new Map(allRules.map((r, i) => [r.id, i]));
  const sarifResults = results.flatMap((r) =>
    r.findings.map((f) => {
      const uri = encodeURI(r.file);
      const result = {
        ruleId: f.id,
        ruleIndex: index.get(f.id),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: sarifRegion(f.range) } }],
      };
      if (!f.fix) return result;
      // A replacement without inserted content is a deletion (§3.57.4).
      const replacements = f.fix.edits.map((e) => (e.newText === '' ? { deletedRegion: sarifRegion(e.range) } : { deletedRegion: sarifRegion(e.range), insertedContent: { text: e.newText } }));
      return { ...result, fixes: [{ description: { text: f.fix.title }, artifactChanges: [{ artifactLocation: { uri }, replacements }] }] };
    }),
  );
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
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * JUnit XML: a testsuite per file, a failing testcase per error or warning (eslint's junit convention). The run's
 * messages (a file unreadable, binary or missing: exit code 2) are the errors of a last testsuite, `cablelint`, so that
 * a CI's test report does not show all passed while the run failed.
 */
export function formatJunit(results: readonly FileResult[], messages: readonly ReportedMessage[] = []): string {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n';
  for (const r of results) {
    const failing = r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    out += `  <testsuite package="cablelint" time="0" tests="${Math.max(1, failing.length)}" errors="${failing.length}" name="${xml(r.file)}">\n`;
    if (failing.length === 0) out += `    <testcase time="0" name="${xml(r.file)}" classname="cablelint" />\n`;
    for (const f of failing) {
      out += `    <testcase time="0" name="${xml(`${f.id} ${f.name}`)}" classname="${xml(r.file)}">\n`;
      out += `      <failure message="${xml(f.message)}"><![CDATA[line ${f.range.start.line + 1}, col ${f.range.start.character + 1}, ${f.severity} - ${f.message.replace(/]]>/g, ']]]]><![CDATA[>')} (${f.id})]]></failure>\n`;
      out += '    </testcase>\n';
    }
    out += '  </testsuite>\n';
  }
  if (messages.length > 0) {
    out += `  <testsuite package="cablelint" time="0" tests="${messages.length}" errors="${messages.length}" name="cablelint">\n`;
    for (const { text } of messages) out += `    <testcase time="0" name="${xml(text)}" classname="cablelint">\n      <error message="${xml(text)}" />\n    </testcase>\n`;
    out += '  </testsuite>\n';
  }
  return out + '</testsuites>\n';
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
export function formatGithub(results: readonly FileResult[], windows = process.platform === 'win32', messages: readonly ReportedMessage[] = []): string {
  let out = '';
  for (const r of results) {
    const file = githubProperty(forwardSlashes(r.file, windows));
    for (const f of r.findings) {
      const { start, end } = f.range;
      const where = `file=${file},line=${start.line + 1},endLine=${end.line + 1},col=${start.character + 1},endColumn=${end.character + 1}`;
      out += `::${GITHUB_LEVEL[f.severity]} ${where},title=${githubProperty(`${f.id}/${f.name}`)}::${githubData(f.message)}\n`;
    }
  }
  // A file the run could not read or check: an error annotation on the file; the run's other messages (a broken configuration), on the run.
  for (const m of aboutFiles(messages)) out += `::error file=${githubProperty(forwardSlashes(m.file, windows))},title=cablelint::${githubData(m.message)}\n`;
  for (const m of messages) if (m.file === undefined) out += `::error title=cablelint::${githubData(m.text)}\n`;
  return out;
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
export function formatGitlab(results: readonly FileResult[], windows = process.platform === 'win32', messages: readonly ReportedMessage[] = []): string {
  const crypto = process.getBuiltinModule('node:crypto');
  const issues: object[] = [];
  // Counts of the issues of each file, rule and message so far, which the fingerprint takes in.
  const seen = new Map<string, number>();
  const add = (file: string, check: string, checkName: string, message: string, severity: string, begin: number, end: number) => {
    const what = `${file}\0${check}\0${message}`;
    const k = seen.get(what) ?? 0;
    seen.set(what, k + 1);
    issues.push({
      description: message,
      check_name: checkName,
      fingerprint: crypto.createHash('sha256').update(`${what}\0${k}`).digest('hex').slice(0, 32),
      severity,
      location: { path: file, lines: { begin, end } },
    });
  };
  for (const r of results) {
    const file = forwardSlashes(r.file, windows);
    for (const f of r.findings) add(file, f.id, `${f.id}/${f.name}`, f.message, GITLAB_SEVERITY[f.severity], f.range.start.line + 1, f.range.end.line + 1);
  }
  // A file the run could not read or check: an issue at its first line, `major` as errors are, so that the widget does not show it as clean.
  for (const m of aboutFiles(messages)) add(forwardSlashes(m.file, windows), 'cablelint', 'cablelint', m.message, 'major', 1, 1);
  return JSON.stringify(issues, null, 2) + '\n';
}

/** What a format needs besides the results: whether stylish output may be colored, cablelint's version for SARIF, and the run's messages. */
export interface FormatOptions {
  readonly color: boolean;
  readonly version: string;
  /**
   * What the run said on stderr (exit code 2): SARIF and JUnit carry every one; json, github and gitlab carry those about a
   * file as the file's, and stylish counts those files; github carries the others (a broken configuration) on the run.
   */
  readonly messages: readonly ReportedMessage[];
}

/** The formats of `cablelint --format`, by name; stylish is the default. */
export const LINT_FORMATS: Readonly<Record<string, (results: readonly FileResult[], options: FormatOptions) => string>> = {
  stylish: (results, { color, messages }) => formatStylish(results, color, messages),
  json: (results, { messages }) => formatJson(results, messages),
  sarif: (results, { version, messages }) => formatSarif(results, version, messages),
  junit: (results, { messages }) => formatJunit(results, messages),
  github: (results, { messages }) => formatGithub(results, undefined, messages),
  gitlab: (results, { messages }) => formatGitlab(results, undefined, messages),
};
