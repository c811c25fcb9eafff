/**
 * `cablelint`: the same checks as the editor, for CI and archives.
 *
 *   cablelint [lint] [options] PATH…     lint files and directories
 *   cablelint extract [--format jsonl|csv] [--fields a,b] PATH…
 *   cablelint outline FILE…
 *
 * Exit codes: 0 no error-level findings; 1 error-level findings; 2 usage or I/O errors.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DEFAULT_CONFIG, isIgnored, parseConfig, parseRuleOverrides, resolveConfig, type CableLintConfig } from './core/config';
import type { RuleSetting } from './core/rules/types';
import { fixAll } from './core/fix';
import { lintCable } from './core/lint';
import { parseCable } from './core/parse/index';
import { extractRecord, EXTRACT_FIELDS, toCsvRow } from './cli/extract';
import { formatJson, formatJunit, formatSarif, formatStylish, reported, type FileResult } from './cli/formats';
import { unifiedDiff } from './cli/diff';
import { getDocumentSymbols } from './features/documentSymbols';
import type { DocumentSymbol } from 'vscode-languageserver-types';

const VERSION = '0.1.0';
/** Files larger than this are reported and skipped. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

const HELP = `cablelint ${VERSION}: validate U.S. diplomatic cables (ACP 127 text).

Usage:
  cablelint [lint] [options] PATH...       Lint files; directories are walked for *.cable
                                           and canonical-id files such as 09PARIS1039.txt.
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

Exit codes: 0 no error-level findings, 1 error-level findings, 2 usage or I/O errors.
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
  if (o.paths.length === 0) throw new UsageError('no PATH given');
  return o;
}

/** True for names the directory walk takes: `*.cable` and canonical-id `.txt` files. */
function isCableName(name: string): boolean {
  return /\.cable$/i.test(name) || /^\d{2}[A-Z]+\d+\.txt$/.test(name);
}

function collect(paths: readonly string[], errors: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push(`${dir}: cannot read directory (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (isCableName(e.name)) out.push(full);
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      errors.push(`${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String(e)}`);
      continue;
    }
    if (stat.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

/** Reads a file as text; undefined with a message for binary, empty, huge or unreadable files. */
function readText(file: string, errors: string[]): { text: string; bom: boolean } | undefined {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      errors.push(`${file}: is a directory`);
      return undefined;
    }
    if (stat.size > MAX_FILE_BYTES) {
      errors.push(`${file}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, skipped`);
      return undefined;
    }
    // Node decodes UTF-8 files in one native call; reading a Buffer first and decoding it costs more.
    // The decoded text keeps what the bytes say: a NUL byte is U+0000, the BOM's three bytes are U+FEFF.
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    errors.push(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return undefined;
  }
  if (text.length === 0) {
    errors.push(`${file}: empty file`);
    return undefined;
  }
  if (text.includes('\0')) {
    errors.push(`${file}: binary file (contains NUL bytes), skipped`);
    return undefined;
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
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

function rel(root: string, file: string): string {
  return path.relative(root, path.resolve(file)).split(path.sep).join('/');
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
  return Math.max(1, Math.min(Math.floor(os.availableParallelism() / 2), Math.floor(files / FILES_PER_THREAD)));
}
/** Results a worker thread gathers before posting them: one message per file costs more than linting it. */
const BATCH = 64;

/** What a worker thread is given: its share of the files and the configuration. */
interface WorkerInput {
  readonly files: readonly { index: number; file: string }[];
  readonly config: CableLintConfig;
  readonly root: string;
  readonly overrides: ReadonlyMap<string, RuleSetting>;
  readonly cwd: string;
}

/** One result of a worker's share: the file's index in the whole list, its findings (none when unreadable) and its messages. */
interface IndexedResult {
  readonly index: number;
  readonly result?: FileResult;
  readonly errors: readonly string[];
}

/** Lints one file; only its findings are kept. */
function lintOne(file: string, config: CableLintConfig, root: string, overrides: ReadonlyMap<string, RuleSetting>, errors: string[]): FileResult | undefined {
  const read = readText(file, errors);
  if (!read) return undefined;
  return { file: rel(process.cwd(), file), findings: lintCable(parseCable(read.text).cable, resolveConfig(config, rel(root, file), overrides)).map(reported) };
}

/** Lints a share of the files, handing the results over in batches. */
function lintShare(input: WorkerInput, post: (batch: IndexedResult[]) => void): void {
  let batch: IndexedResult[] = [];
  for (const { index, file } of input.files) {
    const errors: string[] = [];
    batch.push({ index, result: lintOne(file, input.config, input.root, input.overrides, errors), errors });
    if (batch.length >= BATCH) {
      post(batch);
      batch = [];
    }
  }
  if (batch.length > 0) post(batch);
}

/** The body of a worker thread: lint its share and post the results back in batches. */
function runWorker(input: WorkerInput): void {
  lintShare(input, (batch) => parentPort!.postMessage({ batch }));
  parentPort!.postMessage({ done: true });
}

/**
 * Lints files on `count` threads: worker threads take all shares but one, which this
 * thread lints while they start. Results come back in file order.
 */
async function lintInThreads(files: readonly string[], count: number, config: CableLintConfig, root: string, overrides: ReadonlyMap<string, RuleSetting>, errors: string[], progress: boolean): Promise<FileResult[]> {
  const shares: { index: number; file: string }[][] = Array.from({ length: count }, () => []);
  files.forEach((file, index) => shares[index % count].push({ index, file }));
  const results: (FileResult | undefined)[] = new Array(files.length);
  const fileErrors: (readonly string[])[] = new Array(files.length);
  let finished = 0;
  const take = (batch: readonly IndexedResult[]) => {
    for (const r of batch) {
      results[r.index] = r.result;
      fileErrors[r.index] = r.errors;
    }
    finished += batch.length;
    if (progress) process.stderr.write(`\rcablelint: ${finished}/${files.length} files`);
  };
  const input = (share: WorkerInput['files']): WorkerInput => ({ files: share, config, root, overrides, cwd: process.cwd() });
  const workers = shares.slice(1).map(
    (share) =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(__filename, { workerData: input(share) });
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

async function lintCommand(o: Options): Promise<number> {
  const errors: string[] = [];
  const { config, root } = loadConfig(o, errors);
  const overrides = parseRuleOverrides(o.rules);
  if (overrides.errors.length > 0) throw new UsageError(overrides.errors.join('; '));
  const ignoreConfig: CableLintConfig = { ...config, ignore: [...config.ignore, ...o.ignore] };
  const files = collect(o.paths, errors).filter((f) => !isIgnored(ignoreConfig, rel(root, f)) && !isIgnored(ignoreConfig, rel(process.cwd(), f)));
  let results: FileResult[] = [];
  const progress = process.stderr.isTTY && files.length > 300;
  const threads = threadCount(files.length, o.threads);
  if (!o.fix && !o.dryRun && threads > 1) {
    // Large collections: several threads; only findings travel back.
    results = await lintInThreads(files, threads, config, root, overrides.rules, errors, progress);
  } else {
    files.forEach((file, i) => {
      if (progress && i % 100 === 0) process.stderr.write(`\rcablelint: ${i}/${files.length} files`);
      if (o.fix || o.dryRun) {
        const read = readText(file, errors);
        if (!read) return;
        const resolved = resolveConfig(config, rel(root, file), overrides.rules);
        const fixed = fixAll(read.text, resolved);
        if (fixed.text !== read.text) {
          if (o.dryRun) process.stdout.write(unifiedDiff(file, read.text, fixed.text));
          else {
            try {
              fs.writeFileSync(file, (read.bom ? '\uFEFF' : '') + fixed.text);
            } catch (e) {
              errors.push(`${file}: cannot be written (${String(e)})`);
            }
          }
        }
        results.push({ file: rel(process.cwd(), file), findings: lintCable(parseCable(fixed.text).cable, resolved).map(reported) });
        return;
      }
      const result = lintOne(file, config, root, overrides.rules, errors);
      if (result) results.push(result);
    });
  }
  if (progress) process.stderr.write(`\rcablelint: ${files.length}/${files.length} files\n`);
  if (!o.dryRun) {
    const format = o.format ?? 'stylish';
    const color = format === 'stylish' && !!process.stdout.isTTY && !process.env.NO_COLOR;
    const out = format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, VERSION) : format === 'junit' ? formatJunit(results) : formatStylish(results, color);
    process.stdout.write(out);
  }
  for (const e of errors) process.stderr.write(`cablelint: ${e}\n`);
  if (errors.length > 0) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function extractCommand(o: Options): number {
  const errors: string[] = [];
  const files = collect(o.paths, errors);
  const fields = o.fields ?? EXTRACT_FIELDS;
  if (o.format === 'csv') process.stdout.write(toCsvRow(fields) + '\n');
  for (const file of files) {
    const read = readText(file, errors);
    if (!read) continue;
    const record = extractRecord(rel(process.cwd(), file), parseCable(read.text).cable);
    if (o.format === 'csv') process.stdout.write(toCsvRow(fields.map((f) => record[f])) + '\n');
    else process.stdout.write(JSON.stringify(Object.fromEntries(fields.map((f) => [f, record[f]]))) + '\n');
  }
  for (const e of errors) process.stderr.write(`cablelint: ${e}\n`);
  return errors.length > 0 ? 2 : 0;
}

function outlineCommand(o: Options): number {
  const errors: string[] = [];
  for (const file of collect(o.paths, errors)) {
    const read = readText(file, errors);
    if (!read) continue;
    process.stdout.write(`${rel(process.cwd(), file)}\n`);
    const print = (symbols: readonly DocumentSymbol[], depth: number) => {
      for (const s of symbols) {
        process.stdout.write(`${'  '.repeat(depth + 1)}${s.name}${s.detail ? `  — ${s.detail.length > 60 ? s.detail.slice(0, 59) + '…' : s.detail}` : ''}  [${s.range.start.line + 1}]\n`);
        print(s.children ?? [], depth + 1);
      }
    };
    print(getDocumentSymbols(parseCable(read.text).cable), 0);
  }
  for (const e of errors) process.stderr.write(`cablelint: ${e}\n`);
  return errors.length > 0 ? 2 : 0;
}

/** Runs the CLI and returns its exit code. */
export function main(argv: string[]): number | Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(HELP);
    return 0;
  }
  if (argv.includes('-v') || argv.includes('--version')) {
    process.stdout.write(`${VERSION}\n`);
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
  if (e instanceof UsageError) {
    process.stderr.write(`cablelint: ${e.message}\nRun cablelint --help for usage.\n`);
    return 2;
  }
  process.stderr.write(`cablelint: internal error: ${String(e)}\n`);
  return 2;
}

if (isMainThread) {
  void Promise.resolve(main(process.argv.slice(2))).then((code) => (process.exitCode = code));
} else {
  runWorker(workerData as WorkerInput);
}
