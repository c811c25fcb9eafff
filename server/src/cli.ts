/**
 * `cablelint`: the same checks as the editor, for CI and archives.
 *
 *   cablelint [lint] [options] PATH…     lint files and directories
 *   cablelint extract [--format jsonl|csv] [--fields a,b] PATH…
 *   cablelint outline FILE…
 *
 * An option the command does not take is a usage error.
 * Exit codes: 0 no error-level findings; 1 error-level findings; 2 usage, I/O or internal errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { ConfigResolver, DEFAULT_CONFIG, isIgnored, parseConfig, parseRuleOverrides, type CableLintConfig, type ResolvedConfig } from './core/config';
import type { Cable } from './core/model';
import type { RuleSetting } from './core/rules/types';
import { fixAll } from './core/fix';
import { lintCable } from './core/lint';
import { INTERNAL_ERROR, parseCable, readsAsCable } from './core/parse/index';
import { loadUserDictionaries } from './core/userDictionary';
import { extractHeader, extractLine, extractRecord, EXTRACT_FIELDS } from './cli/extract';
import { collect, readText, relativePaths } from './cli/files';
import { formatJson, formatJunit, formatSarif, formatStylish, reported, type FileResult } from './cli/formats';
import { unifiedDiff } from './cli/diff';
import { isTerminal, stderr, stdout } from './cli/output';
import { getDocumentSymbols } from './features/documentSymbols';
import type { DocumentSymbol } from 'vscode-languageserver-types';

const VERSION = '0.1.0';

const HELP = `cablelint ${VERSION}: validate U.S. diplomatic cables (ACP 127 text).

Usage:
  cablelint [lint] [options] PATH...       Lint files; directories are walked for *.cable,
                                           canonical-id files such as 09PARIS1039.txt, and
                                           other .txt files whose text reads as a cable.
  cablelint extract [--format jsonl|csv] [--fields f1,f2] PATH...
                                           One metadata record per cable.
  cablelint outline FILE...                Print each cable's outline.

Lint options:
  --format stylish|json|sarif|junit        Output format (default stylish).
  --config FILE                            Configuration (default: .cablelint.jsonc found upward).
  --rule ID=SEVERITY                       Override a rule (off, hint, info, warning, error); repeatable.
  --ignore GLOB                            Skip matching files; repeatable.
  --fix                                    Apply safe fixes in place (the editor's Fix All).
  --fix-dry-run                            Show the safe fixes as a diff; write nothing.
  --threads N|auto                         Threads to lint on (default auto: one per two cores,
                                           one per 500 files).
  -h, --help, -v, --version

Each command takes only the options shown for it; any other is a usage error.
Exit codes: 0 no error-level findings, 1 error-level findings, 2 usage, I/O or internal errors (a parser or rule failure).
Extract fields: ${EXTRACT_FIELDS.join(', ')}.
`;

interface Options {
  command: 'lint' | 'extract' | 'outline';
  format?: string;
  config?: string;
  rules: string[];
  ignore: string[];
  fix: boolean;
  dryRun: boolean;
  fields?: string[];
  /** Threads to lint on; undefined for the automatic choice. */
  threads?: number;
  paths: string[];
}

class UsageError extends Error {}

/** The options each command takes; the others are usage errors rather than ignored. */
const COMMAND_OPTIONS: Readonly<Record<Options['command'], readonly string[]>> = {
  lint: ['--format', '--config', '--rule', '--ignore', '--fix', '--fix-dry-run', '--threads'],
  extract: ['--format', '--fields'],
  outline: [],
};

/** Every option of some command. */
const ALL_OPTIONS = new Set(Object.values(COMMAND_OPTIONS).flat());

/**
 * The message for an option `command` does not take, naming the commands that take it
 * ("lint does not take --fields (an option of extract); its options are …").
 */
function notTaken(command: Options['command'], flag: string): string {
  const owners = (Object.keys(COMMAND_OPTIONS) as Options['command'][]).filter((c) => COMMAND_OPTIONS[c].includes(flag));
  const own = COMMAND_OPTIONS[command];
  return `${command} does not take ${flag} (an option of ${owners.join(' and ')}); ${own.length > 0 ? `its options are ${own.join(', ')}` : 'it takes no options'}`;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { command: 'lint', rules: [], ignore: [], fix: false, dryRun: false, paths: [] };
  let i = 0;
  if (argv[0] === 'lint' || argv[0] === 'extract' || argv[0] === 'outline') o.command = argv[i++] as Options['command'];
  const value = (name: string): string => {
    const v = argv[++i];
    if (v === undefined) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = (name: string) => inline ?? value(name);
    // "outline FILE --fix" would print an outline and fix nothing: say so rather than ignore the option.
    if (ALL_OPTIONS.has(flag) && !COMMAND_OPTIONS[o.command].includes(flag)) throw new UsageError(notTaken(o.command, flag));
    switch (flag) {
      case '--format': o.format = take('--format'); break;
      case '--config': o.config = take('--config'); break;
      case '--rule': o.rules.push(take('--rule')); break;
      case '--ignore': o.ignore.push(take('--ignore')); break;
      case '--fields': o.fields = take('--fields').split(',').map((f) => f.trim()).filter(Boolean); break;
      case '--threads': {
        const v = take('--threads');
        if (v !== 'auto') {
          const n = Number(v);
          if (!Number.isInteger(n) || n < 1) throw new UsageError('--threads must be a whole number of at least 1, or auto');
          o.threads = n;
        }
        break;
      }
      case '--fix': o.fix = true; break;
      case '--fix-dry-run': o.dryRun = true; break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        o.paths.push(a);
    }
  }
  const formats = o.command === 'extract' ? ['jsonl', 'csv'] : ['stylish', 'json', 'sarif', 'junit'];
  if (o.format && !formats.includes(o.format)) throw new UsageError(`--format must be one of ${formats.join(', ')}`);
  if (o.fields) for (const f of o.fields) if (!EXTRACT_FIELDS.includes(f)) throw new UsageError(`unknown field ${f}; fields: ${EXTRACT_FIELDS.join(', ')}`);
  // "--fix --fix-dry-run" would leave it to the order of the checks whether files are written.
  if (o.fix && o.dryRun) throw new UsageError('--fix and --fix-dry-run exclude each other');
  if (o.paths.length === 0) throw new UsageError('no PATH given');
  return o;
}

function loadConfig(o: Options, errors: string[]): { config: CableLintConfig; root: string } {
  let file = o.config;
  if (!file) {
    for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
      const candidate = ['.cablelint.jsonc', '.cablelint.json'].map((n) => path.join(dir, n)).find((p) => fs.existsSync(p));
      if (candidate) {
        file = candidate;
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  if (!file) return { config: DEFAULT_CONFIG, root: process.cwd() };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    errors.push(`${file}: cannot read configuration (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return { config: DEFAULT_CONFIG, root: process.cwd() };
  }
  const { config, errors: configErrors } = parseConfig(text, file);
  errors.push(...configErrors.map((e) => e.message));
  return { config, root: path.dirname(path.resolve(file)) };
}

/** The TAG codes of the configuration's user dictionaries, which the rules count as known, as in the editor; problems are reported like the configuration's. */
function loadUserTags(config: CableLintConfig, root: string, errors: string[]): string[] {
  return loadUserDictionaries(config.dictionaries, (rel) => fs.readFileSync(path.resolve(root, rel), 'utf8'), errors).flatMap((d) => d.tags.map((t) => t.code));
}

/**
 * Files per thread below which another thread costs more than it saves: each thread
 * starts its own JavaScript engine, which spends about half a second of processor time
 * compiling the parser's hot code before it runs at full speed.
 */
const FILES_PER_THREAD = 500;

/**
 * How many threads to lint `files` files on: as asked, or one per two cores (each
 * engine's optimizing compiler runs beside it on a core of its own) and one per
 * {@link FILES_PER_THREAD} files.
 */
function threadCount(files: number, asked: number | undefined): number {
  if (asked !== undefined) return Math.max(1, Math.min(asked, files));
  // Fewer files than two threads' worth need one thread whatever the cores.
  if (files < 2 * FILES_PER_THREAD) return 1;
  return Math.max(1, Math.min(Math.floor(process.getBuiltinModule('node:os').availableParallelism() / 2), Math.floor(files / FILES_PER_THREAD)));
}
/** Results a worker thread gathers before posting them: one message per file costs more than linting it. */
const BATCH = 64;

/**
 * The argument a worker thread is started with. The bundle is its own worker, and telling
 * the two apart by `argv` spares the main thread loading `worker_threads` when it lints alone.
 */
const WORKER_ARG = '--cablelint-worker-thread';

/** A file to lint: where to read it, the name results give it, and its settings. */
interface LintJob {
  readonly index: number;
  readonly file: string;
  readonly shown: string;
  /** The path the configuration's globs see, from its directory, when there are globs. */
  readonly globPath?: string;
  /** Linted only if its text reads as a cable (`InputFile.ifCable`). */
  readonly ifCable?: boolean;
}

/** What a worker thread is given: its share of the files, the configuration and the user dictionaries' TAG codes. */
interface WorkerInput {
  readonly jobs: readonly LintJob[];
  readonly config: CableLintConfig;
  readonly overrides: ReadonlyMap<string, RuleSetting>;
  readonly userTags: readonly string[];
}

/** One result of a worker's share: the file's index in the whole list, its findings (none when unreadable) and its messages. */
interface IndexedResult {
  readonly index: number;
  readonly result?: FileResult;
  readonly errors: readonly string[];
}

/**
 * Reads and parses a file for every command. Undefined when it cannot be read (with its message), or when
 * the walk took it only if it reads as a cable (`ifCable`) and it does not; a parser failure is still
 * reported then, since it may have hidden a cable.
 */
function readCable(file: string, ifCable: boolean | undefined, errors: string[]): { text: string; bom: boolean; cable: Cable } | undefined {
  const read = readText(file, errors, ifCable);
  if (!read) return undefined;
  const { cable } = parseCable(read.text);
  if (ifCable && !readsAsCable(cable)) {
    reportParserFailure(file, cable, errors);
    return undefined;
  }
  return { ...read, cable };
}

/** Lints one file; only its findings are kept. Undefined when it cannot be read or is no cable the walk should take. */
function lintOne(job: LintJob, resolver: ConfigResolver, userTags: ReadonlySet<string>, errors: string[]): FileResult | undefined {
  const read = readCable(job.file, job.ifCable, errors);
  return read && { file: job.shown, findings: lintParsed(job.file, read.cable, resolver.fixed ?? resolver.resolve(job.globPath!), userTags, errors) };
}

/**
 * Lints a file's parsed text. A parser or rule failure (a bug: the findings may be
 * incomplete) is an error naming the file, so that the run ends with exit code 2.
 */
function lintParsed(file: string, cable: Cable, config: ResolvedConfig, userTags: ReadonlySet<string>, errors: string[]): FileResult['findings'] {
  const failures: string[] = [];
  // The file's name goes with its text: CBL043 compares a name like 07PARIS2725.txt with the banner.
  const findings = lintCable(cable, config, failures, { fileName: file, userTags }).map(reported);
  for (const f of failures) errors.push(`${file}: internal error: ${f}`);
  return findings;
}

/** For extract and outline, which run no rule: a parser failure is an error naming the file, as {@link lintParsed} reports it. */
function reportParserFailure(file: string, cable: Cable, errors: string[]): void {
  for (const p of cable.problems) if (p.rule === INTERNAL_ERROR) errors.push(`${file}: internal error: parser: ${p.message}`);
}

/** Lints a share of the files, handing the results over in batches. */
function lintShare(input: WorkerInput, post: (batch: IndexedResult[]) => void): void {
  const resolver = new ConfigResolver(input.config, input.overrides);
  const userTags = new Set(input.userTags);
  let batch: IndexedResult[] = [];
  for (const job of input.jobs) {
    const errors: string[] = [];
    batch.push({ index: job.index, result: lintOne(job, resolver, userTags, errors), errors });
    if (batch.length >= BATCH) {
      post(batch);
      batch = [];
    }
  }
  if (batch.length > 0) post(batch);
}

/** The body of a worker thread: lint its share and post the results back in batches. */
function runWorker(input: WorkerInput, port: MessagePort): void {
  lintShare(input, (batch) => port.postMessage({ batch }));
  port.postMessage({ done: true });
}

/**
 * Lints files on `count` threads: worker threads take all shares but one, which this
 * thread lints while they start. Results come back in file order.
 */
async function lintInThreads(jobs: readonly LintJob[], count: number, config: CableLintConfig, overrides: ReadonlyMap<string, RuleSetting>, userTags: readonly string[], errors: string[], progress: boolean): Promise<FileResult[]> {
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const shares: LintJob[][] = Array.from({ length: count }, () => []);
  jobs.forEach((job, index) => shares[index % count].push(job));
  const results: (FileResult | undefined)[] = new Array(jobs.length);
  const fileErrors: (readonly string[])[] = new Array(jobs.length);
  let finished = 0;
  const take = (batch: readonly IndexedResult[]) => {
    for (const r of batch) {
      results[r.index] = r.result;
      fileErrors[r.index] = r.errors;
    }
    finished += batch.length;
    if (progress) showProgress(finished, jobs.length);
  };
  const input = (share: readonly LintJob[]): WorkerInput => ({ jobs: share, config, overrides, userTags });
  const workers = shares.slice(1).map(
    (share) =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(__filename, { workerData: input(share), argv: [WORKER_ARG] });
        worker.on('message', (m: { batch?: IndexedResult[]; done?: boolean }) => {
          if (m.done) return void worker.terminate().then(() => resolve());
          take(m.batch!);
        });
        worker.on('error', reject);
      }),
  );
  lintShare(input(shares[0]), take);
  await Promise.all(workers);
  for (const e of fileErrors) if (e) errors.push(...e);
  return results.filter((r): r is FileResult => r !== undefined);
}

/** Rewrites the progress line on stderr. */
function showProgress(done: number, total: number): void {
  stderr.write(`\rcablelint: ${done}/${total} files`);
  stderr.flush();
}

/** Prints the run's messages on stderr and returns its exit code: 2 after any message, else `code`. */
function finish(errors: readonly string[], code: number): number {
  for (const e of errors) stderr.write(`cablelint: ${e}\n`);
  stderr.flush();
  return errors.length > 0 ? 2 : code;
}

async function lintCommand(o: Options): Promise<number> {
  const errors: string[] = [];
  const { config, root } = loadConfig(o, errors);
  const userTags = loadUserTags(config, root, errors);
  const overrides = parseRuleOverrides(o.rules);
  if (overrides.errors.length > 0) throw new UsageError(overrides.errors.join('; '));
  const ignoreConfig: CableLintConfig = { ...config, ignore: [...config.ignore, ...o.ignore] };
  const cwd = process.cwd();
  const shownPath = relativePaths(cwd);
  // Globs see paths from the configuration's directory; without globs no such path is worked out.
  const hasGlobs = ignoreConfig.ignore.length > 0 || config.overrides.length > 0;
  const pathForGlobs = !hasGlobs ? undefined : root === cwd ? shownPath : relativePaths(root);
  const jobs: LintJob[] = [];
  for (const input of collect(o.paths, errors)) {
    const shown = shownPath(input);
    const globPath = pathForGlobs?.(input);
    if (ignoreConfig.ignore.length > 0 && (isIgnored(ignoreConfig, globPath!) || isIgnored(ignoreConfig, shown))) {
      // A file named on the command line and then skipped would pass in silence: say so, as ESLint does (no error: the exit code stays).
      if (input.dir === undefined) stderr.write(`cablelint: ${shown}: not checked, an ignore glob (--ignore or the configuration's "ignore") names it\n`);
      continue;
    }
    jobs.push({ index: jobs.length, file: input.file, shown, globPath, ifCable: input.ifCable });
  }
  let results: FileResult[] = [];
  const progress = jobs.length > 300 && isTerminal(2);
  const threads = threadCount(jobs.length, o.threads);
  if (!o.fix && !o.dryRun && threads > 1) {
    // Large collections: several threads; only findings travel back.
    results = await lintInThreads(jobs, threads, config, overrides.rules, userTags, errors, progress);
  } else {
    const resolver = new ConfigResolver(config, overrides.rules);
    const userTagSet = new Set(userTags);
    jobs.forEach((job, i) => {
      if (progress && i % 100 === 0) showProgress(i, jobs.length);
      if (o.fix || o.dryRun) {
        // A walked notes.txt that is no cable is never rewritten.
        const read = readCable(job.file, job.ifCable, errors);
        if (!read) return;
        const resolved = resolver.fixed ?? resolver.resolve(job.globPath!);
        const fixed = fixAll(read.text, resolved, read.cable);
        if (fixed.text !== read.text) {
          if (o.dryRun) stdout.write(unifiedDiff(job.file, read.text, fixed.text));
          else {
            try {
              fs.writeFileSync(job.file, (read.bom ? '\uFEFF' : '') + fixed.text);
            } catch (e) {
              errors.push(`${job.file}: cannot be written (${String(e)})`);
            }
          }
        }
        const cable = fixed.text === read.text ? read.cable : parseCable(fixed.text).cable;
        results.push({ file: job.shown, findings: lintParsed(job.file, cable, resolved, userTagSet, errors) });
        return;
      }
      const result = lintOne(job, resolver, userTagSet, errors);
      if (result) results.push(result);
    });
  }
  if (progress) {
    stderr.write(`\rcablelint: ${jobs.length}/${jobs.length} files\n`);
    stderr.flush();
  }
  if (!o.dryRun) {
    const format = o.format ?? 'stylish';
    const color = format === 'stylish' && !process.env.NO_COLOR && isTerminal(1);
    stdout.write(format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, VERSION) : format === 'junit' ? formatJunit(results) : formatStylish(results, color));
  }
  stdout.flush();
  return finish(errors, results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0);
}

function extractCommand(o: Options): number {
  const errors: string[] = [];
  const shownPath = relativePaths(process.cwd());
  const fields = o.fields ?? EXTRACT_FIELDS;
  const format = o.format === 'csv' ? 'csv' : 'jsonl';
  const header = extractHeader(fields, format);
  if (header !== undefined) stdout.write(header + '\n');
  for (const input of collect(o.paths, errors)) {
    const read = readCable(input.file, input.ifCable, errors);
    if (!read) continue;
    const cable = read.cable;
    reportParserFailure(input.file, cable, errors);
    const record = extractRecord(shownPath(input), cable);
    stdout.write(extractLine(record, fields, format) + '\n');
  }
  stdout.flush();
  return finish(errors, 0);
}

function outlineCommand(o: Options): number {
  const errors: string[] = [];
  const shownPath = relativePaths(process.cwd());
  for (const input of collect(o.paths, errors)) {
    const read = readCable(input.file, input.ifCable, errors);
    if (!read) continue;
    const cable = read.cable;
    reportParserFailure(input.file, cable, errors);
    stdout.write(`${shownPath(input)}\n`);
    const print = (symbols: readonly DocumentSymbol[], depth: number) => {
      for (const s of symbols) {
        stdout.write(`${'  '.repeat(depth + 1)}${s.name}${s.detail ? `  — ${s.detail.length > 60 ? s.detail.slice(0, 59) + '…' : s.detail}` : ''}  [${s.range.start.line + 1}]\n`);
        print(s.children ?? [], depth + 1);
      }
    };
    print(getDocumentSymbols(cable), 0);
  }
  stdout.flush();
  return finish(errors, 0);
}

/** Runs the CLI and returns its exit code. */
export function main(argv: string[]): number | Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    stdout.write(HELP);
    stdout.flush();
    return 0;
  }
  if (argv.includes('-v') || argv.includes('--version')) {
    stdout.write(`${VERSION}\n`);
    stdout.flush();
    return 0;
  }
  try {
    const o = parseArgs(argv);
    if (o.command === 'extract') return extractCommand(o);
    if (o.command === 'outline') return outlineCommand(o);
    return lintCommand(o).catch((e: unknown) => fail(e));
  } catch (e) {
    return fail(e);
  }
}

/** The exit code and message for a usage error or an internal failure. */
function fail(e: unknown): number {
  stderr.write(e instanceof UsageError ? `cablelint: ${e.message}\nRun cablelint --help for usage.\n` : `cablelint: internal error: ${String(e)}\n`);
  stderr.flush();
  return 2;
}

const thread = process.argv.length === 3 && process.argv[2] === WORKER_ARG ? process.getBuiltinModule('node:worker_threads') : undefined;
if (thread && !thread.isMainThread) {
  runWorker(thread.workerData as WorkerInput, thread.parentPort!);
} else {
  void Promise.resolve(main(process.argv.slice(2))).then((code) => (process.exitCode = code));
}
