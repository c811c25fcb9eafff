/**
 * `cablelint`: the same checks as the editor, for CI and archives.
 *
 *   cablelint [lint] [options] PATH…     lint files and directories (bulk suppressions: cli/suppressions.ts)
 *   cablelint [lint] [options] --stdin [--stdin-filename NAME]   lint the text piped in
 *   cablelint extract [--format jsonl|csv] [--fields a,b] [--bom] [--escape-formulas] [--config FILE] [--ignore GLOB] PATH…
 *   cablelint outline [--config FILE] [--ignore GLOB] PATH…
 *
 * An option the command does not take is a usage error.
 * Exit codes: 0 no error-level findings (and no more warnings than --max-warnings allows);
 * 1 error-level findings, or more warnings than --max-warnings allows; 2 usage, I/O or internal errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { ConfigResolver, isIgnored, isIgnoredFolder, parseRuleOverrides, resolveConfig, type CableLintConfig, type ResolvedConfig } from './core/config';
import type { Cable } from './core/model';
import { idFromFileName } from './core/id';
import type { RuleSetting } from './core/rules/types';
import { fixAll } from './core/fix';
import { lintCable } from './core/lint';
import { INTERNAL_ERROR, parseCable, readsAsCable } from './core/parse/index';
import { extractHeader, extractLine, extractRecord, EXTRACT_FIELDS } from './cli/extract';
import { cacheFile, CacheKeys, LintCache, runSalt, toolDigest } from './cli/cache';
import { citedFacts, CitedParagraphs, type CitedFacts } from './cli/cited';
import { RunConfigs, type RunConfig } from './cli/configs';
import { checkText, readStdin, readText, relativePaths, walkFiles, type InputFile } from './cli/files';
import { LINT_FORMATS, reported, type FileResult } from './cli/formats';
import { fileMessage, messageText, type RunMessage } from './cli/messages';
import { unifiedDiff } from './cli/diff';
import { isTerminal, stderr, stdout } from './cli/output';
import { SuppressionRun, SUPPRESSIONS_FILE } from './cli/suppressions';
import { LintOutput } from './cli/stream';
import { V8_FLAGS } from './cli/v8Flags';
import { WORKER_ARG } from './cli/workerArg';
import { ruleByIdOrName } from './core/rules/index';
import { getDocumentSymbols } from './features/documentSymbols';
import type { DocumentSymbol } from 'vscode-languageserver-types';

const VERSION = '0.1.0';

const HELP = `cablelint ${VERSION}: validate U.S. diplomatic cables (ACP 127 text).

Usage:
  cablelint [lint] [options] PATH...       Lint files; directories are walked for *.cable,
                                           canonical-id files such as 09PARIS1039.txt, and
                                           other .txt files whose text reads as a cable,
                                           passing over node_modules and names starting
                                           with a dot (.git).
  cablelint [lint] [options] --stdin [--stdin-filename NAME]
                                           Lint the text piped in (also: cablelint -).
  cablelint extract [--format jsonl|csv] [--fields f1,f2] [--bom] [--escape-formulas]
                    [--config FILE] [--ignore GLOB] PATH...
                                           One metadata record per cable; with --format csv,
                                           --bom writes a UTF-8 byte-order mark first, by
                                           which Excel reads non-ASCII text right, and
                                           --escape-formulas puts ' before a cell starting
                                           with = + - @ (or a tab or carriage return), which a
                                           spreadsheet may run as a formula.
  cablelint outline [--config FILE] [--ignore GLOB] PATH...
                                           Print each cable's outline; directories are walked
                                           as for lint. For both, --config and --ignore are
                                           lint's: the files the configuration's "ignore" or
                                           --ignore names are left out, and its dictionaries'
                                           TAGS read as known.

Lint options:
  --format FORMAT                          Output format: stylish (the default), json, sarif,
                                           junit, github (Actions annotations) or gitlab
                                           (a Code Quality report).
  --config FILE                            Configuration for every file (default: each file's
                                           nearest .cablelint.jsonc or .cablelint.json upward
                                           from its folder, else the nearest upward from the
                                           current folder).
  --rule ID=SEVERITY                       Override a rule, by ID or name (off, hint, info,
                                           warning, error); repeatable.
  --ignore GLOB                            Skip matching files (a folder it names whole is not
                                           read); repeatable.
  --fix                                    Apply safe fixes in place (the editor's Fix All);
                                           with --stdin, print the fixed text instead of findings.
  --fix-dry-run                            Show the safe fixes as a diff; write nothing.
  --threads N|auto                         Threads to lint on (default auto: one per 500 files,
                                           at most one per two cores); --fix and --fix-dry-run
                                           run on one.
  --stdin                                  Lint standard input instead of PATHs. No other file
                                           is read, so CBL054 (a cited cable's paragraph, which
                                           needs that cable's file) says nothing; no cache.
  --stdin-filename NAME                    The name stdin's findings carry; the file-name rules,
                                           the configuration (found upward from NAME's folder,
                                           its ignore and overrides globs) and --ignore use it.
  --max-warnings N                         Exit 1 when there are more than N warning-level
                                           findings, even without errors.
  --cache                                  Keep each file's findings in a cache and lint only the
                                           files whose text, name, settings or cablelint changed.
  --cache-location PATH                    The cache file (default .cablelintcache; in PATH when
                                           it is a directory).
  --suppress-all                           Count every error-level finding into the suppressions
                                           file, so that later runs report only new errors.
  --suppress-rule ID                       The same for one rule's errors (ID or name);
                                           repeatable.
  --prune-suppressions                     Drop the counts no error uses any more.
  --suppressions-location FILE             The suppressions file (default ${SUPPRESSIONS_FILE}
                                           in the current directory, read when it exists).
  --                                       Ends the options: every word after it is a PATH.
  -h, --help, -v, --version

Each command takes only the options shown for it; any other is a usage error.
Exit codes: 0 no error-level findings, 1 error-level findings or more warnings than
--max-warnings allows, 2 usage, I/O or internal errors (a parser or rule failure), before 1.
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
  /** `extract --format csv --bom`: a UTF-8 byte-order mark first, by which Excel reads the file as UTF-8. */
  bom: boolean;
  /** `extract --format csv --escape-formulas`: a `'` before a cell a spreadsheet would read as a formula. */
  escapeFormulas: boolean;
  /** Threads to lint on; undefined for the automatic choice. */
  threads?: number;
  /** Lint standard input (`--stdin`, or `-` as the only PATH). */
  stdin: boolean;
  stdinFilename?: string;
  /** The most warning-level findings a run may have and exit 0; undefined for no limit. */
  maxWarnings?: number;
  cache: boolean;
  cacheLocation?: string;
  /** `--suppress-all`: count every rule's errors into the suppressions file. */
  suppressAll: boolean;
  /** `--suppress-rule`: the rule IDs whose errors are counted into it. */
  suppressRules: string[];
  pruneSuppressions: boolean;
  suppressionsLocation?: string;
  paths: string[];
}

class UsageError extends Error {}

/** The options each command takes; the others are usage errors rather than ignored. */
const COMMAND_OPTIONS: Readonly<Record<Options['command'], readonly string[]>> = {
  lint: ['--format', '--config', '--rule', '--ignore', '--fix', '--fix-dry-run', '--threads', '--stdin', '--stdin-filename', '--max-warnings', '--cache', '--cache-location', '--suppress-all', '--suppress-rule', '--prune-suppressions', '--suppressions-location'],
  extract: ['--format', '--fields', '--bom', '--escape-formulas', '--config', '--ignore'],
  outline: ['--config', '--ignore'],
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
  const o: Options = { command: 'lint', rules: [], ignore: [], fix: false, dryRun: false, stdin: false, cache: false, suppressAll: false, suppressRules: [], pruneSuppressions: false, bom: false, escapeFormulas: false, paths: [] };
  let i = 0;
  /** "-" given before any "--": standard input. */
  let dash = false;
  if (argv[0] === 'lint' || argv[0] === 'extract' || argv[0] === 'outline') o.command = argv[i++] as Options['command'];
  const value = (name: string): string => {
    const v = argv[++i];
    if (v === undefined) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (; i < argv.length; i++) {
    const a = argv[i];
    // "--" ends the options, as in ESLint, ripgrep and getopt: a file named "-x" or "--fix" is a PATH after it.
    if (a === '--') {
      o.paths.push(...argv.slice(i + 1));
      break;
    }
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
      case '--bom': o.bom = true; break;
      case '--escape-formulas': o.escapeFormulas = true; break;
      case '--threads': {
        const v = take('--threads');
        if (v !== 'auto') {
          const n = Number(v);
          if (!Number.isInteger(n) || n < 1) throw new UsageError('--threads must be a whole number of at least 1, or auto');
          o.threads = n;
        }
        break;
      }
      case '--max-warnings': {
        const v = take('--max-warnings');
        const n = Number(v);
        // -1 is ESLint's "no limit", which scripts written for it pass.
        if (v.trim() === '' || !Number.isInteger(n) || n < -1) throw new UsageError('--max-warnings must be a whole number (or -1 for no limit)');
        o.maxWarnings = n < 0 ? undefined : n;
        break;
      }
      case '--stdin-filename': o.stdinFilename = take('--stdin-filename'); break;
      case '--cache-location': o.cacheLocation = take('--cache-location'); break;
      case '--suppressions-location': o.suppressionsLocation = take('--suppressions-location'); break;
      case '--suppress-rule': {
        const name = take('--suppress-rule');
        const rule = ruleByIdOrName(name);
        if (!rule) throw new UsageError(`--suppress-rule: unknown rule ${name}`);
        o.suppressRules.push(rule.id);
        break;
      }
      case '--suppress-all': o.suppressAll = true; break;
      case '--prune-suppressions': o.pruneSuppressions = true; break;
      case '--stdin': o.stdin = true; break;
      case '--cache': o.cache = true; break;
      case '--fix': o.fix = true; break;
      case '--fix-dry-run': o.dryRun = true; break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        if (a === '-') dash = true;
        o.paths.push(a);
    }
  }
  const formats = o.command === 'extract' ? ['jsonl', 'csv'] : Object.keys(LINT_FORMATS);
  if (o.format && !formats.includes(o.format)) {
    // "cablelint --format csv" is an extract's format asked of lint (and "extract --format json" lint's): say so.
    const other = o.command === 'extract' ? (Object.keys(LINT_FORMATS).includes(o.format) ? 'lint' : undefined) : ['jsonl', 'csv'].includes(o.format) ? 'extract' : undefined;
    throw new UsageError(`--format must be one of ${formats.join(', ')}${other ? ` (${o.format} is a format of ${other}${o.command === 'lint' ? ': cablelint extract --format ' + o.format : ''})` : ''}`);
  }
  if (o.fields) {
    for (const f of o.fields) if (!EXTRACT_FIELDS.includes(f)) throw new UsageError(`unknown field ${f}; fields: ${EXTRACT_FIELDS.join(', ')}`);
    // An empty list would print empty records; a field named twice, a CSV column twice but one JSON key.
    if (o.fields.length === 0) throw new UsageError(`--fields names no field; fields: ${EXTRACT_FIELDS.join(', ')}`);
    const twice = o.fields.find((f, i) => o.fields!.indexOf(f) !== i);
    if (twice !== undefined) throw new UsageError(`--fields names ${twice} twice`);
  }
  // A byte-order mark before a JSON line would make it no JSON.
  if (o.bom && o.format !== 'csv') throw new UsageError('--bom goes with --format csv: a JSON line may not start with a byte-order mark');
  // JSON Lines hold values, which no spreadsheet reads as formulas.
  if (o.escapeFormulas && o.format !== 'csv') throw new UsageError('--escape-formulas goes with --format csv: a JSON value is never read as a formula');
  // "--fix --fix-dry-run" would leave it to the order of the checks whether files are written.
  if (o.fix && o.dryRun) throw new UsageError('--fix and --fix-dry-run exclude each other');
  // "cablelint -" reads standard input, as markdownlint-cli2 and many Unix tools do; a file named "-" is "./-".
  if (dash && o.paths.length === 1) {
    o.stdin = true;
    o.paths = [];
  }
  // Only lint reads standard input, and only alone; "-" would otherwise be said to be a missing file.
  if (dash && o.command !== 'lint') throw new UsageError(`${o.command} reads files, not standard input ("-"); a file named "-" is ./-`);
  if (dash && o.paths.length > 1) throw new UsageError('- lints standard input and takes no other PATH; a file named "-" is ./-');
  if (o.stdin && o.paths.length > 0) throw new UsageError('--stdin lints standard input and takes no PATH');
  if (o.stdinFilename !== undefined && !o.stdin) throw new UsageError('--stdin-filename names the text of --stdin, which is not given');
  if (o.cacheLocation !== undefined && !o.cache) throw new UsageError('--cache-location is the file of --cache, which is not given');
  if (o.paths.length === 0 && !o.stdin) throw new UsageError(o.command === 'lint' ? 'no PATH given: name the files or folders to lint (. for the current folder), or - for standard input' : `no PATH given: name the files or folders to ${o.command === 'extract' ? 'extract records from' : 'outline'}`);
  if (o.suppressAll && o.suppressRules.length > 0) throw new UsageError('--suppress-all counts every rule; --suppress-rule names some: give one of them');
  const writing = o.suppressAll || o.suppressRules.length > 0 || o.pruneSuppressions;
  // The suppressions count files by name: piped text has none, and a dry run writes nothing.
  if (writing && o.stdin) throw new UsageError('--suppress-all, --suppress-rule and --prune-suppressions write the suppressions of files, not of --stdin');
  if (writing && o.dryRun) throw new UsageError('--fix-dry-run writes nothing, and --suppress-all, --suppress-rule and --prune-suppressions write the suppressions file');
  return o;
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
  return Math.max(1, Math.min(coreThreads(), Math.floor(files / FILES_PER_THREAD)));
}

let coreThreadsCount: number | undefined;
/** The most threads the cores allow, one per two cores, asked of the system once a run (`threadsKnown` asks per file). */
function coreThreads(): number {
  return (coreThreadsCount ??= Math.floor(process.getBuiltinModule('node:os').availableParallelism() / 2));
}
/** Results a worker thread gathers before posting them: one message per file costs more than linting it. */
const BATCH = 64;

/** A file to lint: where to read it, the name results give it, and its settings. */
interface LintJob {
  readonly index: number;
  readonly file: string;
  readonly shown: string;
  /** The configuration the file takes, by its place in the run's list ({@link RunConfigs.all}). */
  readonly config: number;
  /** The path the configuration's globs see, from its directory, when there are globs. */
  readonly globPath?: string;
  /** Linted only if its text reads as a cable (`InputFile.ifCable`). */
  readonly ifCable?: boolean;
}

/**
 * What a worker thread is given (its files come in batches, {@link WorkerOrder}): the run's configurations as read (each with its user
 * dictionaries' TAG codes), which its jobs name by index, so that no thread reads a configuration file again.
 */
interface WorkerInput {
  readonly configs: readonly { readonly config: CableLintConfig; readonly userTags: readonly string[] }[];
  readonly overrides: ReadonlyMap<string, RuleSetting>;
  /** With `--cache`, what every key of the run shares ({@link runSalt}): each result then carries its key. */
  readonly salt?: string;
  /** With `--cache`, the cache file's folder, which the file names in keys are relative to ({@link CacheKeys}). */
  readonly cacheBase?: string;
  /**
   * The lock, one 32-bit word shared by the run's workers, that the entry (`cliLoader.ts`, `start`) takes in a worker
   * while V8's checksum option is set for its compile with the code cache: V8's options are the process's, and a worker
   * clearing it while another compiles would have V8 refuse that one's cache.
   */
  readonly codeCacheLock?: SharedArrayBuffer;
}

/**
 * One result of a worker's share: the file's index in the whole list, its findings (none when unreadable), what CBL054
 * needs of it (checked once no later file can change the cables it cites: cli/cited.ts) and its messages.
 */
interface IndexedResult {
  readonly index: number;
  readonly result?: FileResult;
  readonly cited?: CitedFacts;
  readonly errors: readonly RunMessage[];
  /** With `--cache`, the key of the text linted (none when it could not be read). */
  readonly key?: string;
}

/**
 * Reads and parses a file for every command. Undefined when it cannot be read (with its message), or when
 * the walk took it only if it reads as a cable (`ifCable`) and it does not; a parser failure is still
 * reported then, since it may have hidden a cable.
 */
function readCable(file: string, ifCable: boolean | undefined, errors: RunMessage[], userTags: ReadonlySet<string>): { text: string; bom: boolean; cable: Cable } | undefined {
  const read = readText(file, errors, ifCable);
  return read && parseRead(file, read, ifCable, errors, userTags);
}

/**
 * The files extract and outline read, each with its configuration, as the walk finds them (`walkFiles`: no list of the
 * collection's files is made, and the first file is read before the walk goes further), found as lint finds them (`--config`'s, or the file's nearest
 * `.cablelint.jsonc` at or above its folder, else the current directory's; each folder looked at once), less those an ignore
 * glob names (the configuration's `ignore` or `--ignore`), as lint leaves them out: a folder a glob names whole is not walked,
 * and a file named on the command line and skipped is said to be. The configuration gives the user dictionaries' TAG codes,
 * with which the parser reads a wrapped TAGS line (`TAGS: PREL PGOV` ⏎ `KLOC ZZQQ`) as lint reads it. A configuration's
 * problems, and a dictionary that cannot be read, are the run's messages, as in lint, and keep the order they had when the
 * walk came first: the walk's and those of the configurations it read go to `errors`, those of a configuration first read for a
 * file (one named on the command line) to `inputErrors`, to be said after them, as lint says them.
 */
function* readInputs(o: Options, errors: RunMessage[], inputErrors: RunMessage[], shownPath: (input: InputFile) => string): Generator<{ input: InputFile; config: RunConfig }, void, undefined> {
  const configs = new RunConfigs({ config: o.config, ignore: o.ignore, rules: new Map() }, errors, process.cwd(), shownPath);
  const setup: LintSetup = { configs, overrides: new Map(), shownPath };
  for (const input of walkFiles(o.paths, errors, (dir) => ignoredFolder(setup, dir))) {
    const before = errors.length;
    const config = configs.forInput(input);
    if (errors.length > before) inputErrors.push(...errors.splice(before));
    const shown = shownPath(input);
    if (ignored(config, shown, config.pathForGlobs?.(input))) {
      if (input.dir === undefined) sayIgnored(shown);
      continue;
    }
    yield { input, config };
  }
}

/** {@link readCable} for a text already read, `userTags` (the user dictionaries' TAG codes) read as known TAGS on a wrapped TAGS line. */
function parseRead(file: string, read: { text: string; bom: boolean }, ifCable: boolean | undefined, errors: RunMessage[], userTags: ReadonlySet<string> | undefined): { text: string; bom: boolean; cable: Cable } | undefined {
  const { cable } = parseCable(read.text, { userTags });
  if (ifCable && !readsAsCable(cable)) {
    reportParserFailure(file, cable, errors);
    return undefined;
  }
  return { ...read, cable };
}

/** A file's result in a run: its findings, without CBL054's, and what CBL054 needs of it ({@link CitedFacts}). */
interface Linted {
  readonly result?: FileResult;
  readonly cited?: CitedFacts;
}

/**
 * Lints one file; only its findings and what CBL054 needs of it are kept. No result when it cannot be read or is no cable
 * the walk should take. With `keys`, the result carries the cache key of the text read, and an entry of `cache` under that
 * key is taken without parsing or linting.
 */
function lintOne(job: LintJob, settings: JobConfig, errors: RunMessage[], keys?: CacheKeys, cache?: LintCache): Linted & { key?: string } {
  const read = readText(job.file, errors, job.ifCable);
  if (!read) return {};
  const config = settings.resolver.fixed ?? settings.resolver.resolve(job.globPath!);
  const key = keyOf(keys, job, config, settings, read);
  const hit = cached(cache, job, key);
  if (hit) return { ...hit, key };
  const parsed = parseRead(job.file, read, job.ifCable, errors, settings.userTagSet);
  if (!parsed) return { key };
  const cited = citedFacts(job.file, parsed.cable, config);
  return { result: { file: job.shown, findings: lintParsed(job.file, parsed.cable, config, settings.userTagSet, errors) }, key, ...(cited && { cited }) };
}

/** What linting a file takes of its configuration: the settings of each file, and the user dictionaries' TAG codes. */
type JobConfig = Pick<RunConfig, 'resolver' | 'userTags' | 'userTagSet'>;

/** The cache key of `read`, the text of `job`'s file, linted under `config`, of `settings`; none without `--cache`. */
function keyOf(keys: CacheKeys | undefined, job: LintJob, config: ResolvedConfig, settings: JobConfig, read: { text: string; bom: boolean }): string | undefined {
  return keys?.key(config, settings.userTags, job.file, job.ifCable === true, read.bom, read.text);
}

/**
 * The result `cache` holds for `job`'s file under `key` (no result for a file the walk left alone, not a cable), or
 * undefined when it holds none; with `forFix`, only one a `--fix` run wrote.
 */
function cached(cache: LintCache | undefined, job: LintJob, key: string | undefined, forFix = false): Linted | undefined {
  const hit = key === undefined ? undefined : cache?.get(job.file, key, forFix);
  return hit && (hit.findings ? { result: { file: job.shown, findings: hit.findings }, ...(hit.cited && { cited: hit.cited }) } : {});
}

/**
 * Keeps a file's result (its findings, without CBL054's, and what CBL054 needs of it) in the cache under `key`, or drops
 * its entry when the run reported a problem with it (a failure to read, parse or lint is said again next time rather than hidden).
 */
function remember(cache: LintCache | undefined, file: string, key: string | undefined, linted: Linted, fileErrors: readonly RunMessage[], fixed?: boolean): void {
  if (!cache) return;
  if (key === undefined || fileErrors.length > 0) cache.delete(file);
  else cache.set(file, { key, findings: linted.result ? linted.result.findings : null, ...(linted.result && linted.cited && { cited: linted.cited }), ...(fixed === undefined ? {} : { fixed }) });
}

/**
 * Lints a file's parsed text. A parser or rule failure (a bug: the findings may be
 * incomplete) is an error naming the file, so that the run ends with exit code 2.
 * CBL054 does not run here (no `citedParagraphs`): its findings hang on other files of the run (cli/cited.ts).
 */
function lintParsed(file: string, cable: Cable, config: ResolvedConfig, userTags: ReadonlySet<string>, errors: RunMessage[]): FileResult['findings'] {
  const failures: string[] = [];
  // The file's name goes with its text: CBL043 compares a name like 07PARIS2725.txt with the banner.
  const findings = lintCable(cable, config, failures, { fileName: file, userTags }).map(reported);
  for (const f of failures) errors.push(fileMessage(file, `internal error: ${f}`));
  return findings;
}

/** For extract and outline, which run no rule: a parser failure is an error naming the file, as {@link lintParsed} reports it. */
function reportParserFailure(file: string, cable: Cable, errors: RunMessage[]): void {
  for (const p of cable.problems) if (p.rule === INTERNAL_ERROR) errors.push(fileMessage(file, `internal error: parser: ${p.message}`));
}

/** Lints a batch of files. */
function lintBatch(jobs: readonly LintJob[], configOf: (index: number) => JobConfig, keys: CacheKeys | undefined): IndexedResult[] {
  const batch: IndexedResult[] = [];
  for (const job of jobs) {
    const errors: RunMessage[] = [];
    const { result, cited, key } = lintOne(job, configOf(job.config), errors, keys);
    batch.push({ index: job.index, result, ...(cited && { cited }), errors, key });
  }
  return batch;
}

/** The keys of a share's results, with `--cache`. */
function shareKeys(input: WorkerInput): CacheKeys | undefined {
  return input.salt === undefined || input.cacheBase === undefined ? undefined : new CacheKeys(input.salt, input.cacheBase);
}

/** What the run posts a worker thread: a batch of files to lint, or that no more will come. */
type WorkerOrder = { readonly jobs: readonly LintJob[] } | { readonly end: true };

/** The body of a worker thread: lint each batch of files posted to it and post the results back, then say it is done. */
function runWorker(input: WorkerInput, port: MessagePort): void {
  // Each configuration's settings are worked out when the first file that takes it comes.
  const configs: JobConfig[] = [];
  const configOf = (i: number): JobConfig => {
    if (!configs[i]) {
      const { config, userTags } = input.configs[i];
      configs[i] = { resolver: new ConfigResolver(config, input.overrides), userTags, userTagSet: new Set(userTags) };
    }
    return configs[i];
  };
  const keys = shareKeys(input);
  port.on('message', (order: WorkerOrder) => {
    if ('jobs' in order) port.postMessage({ batch: lintBatch(order.jobs, configOf, keys) });
    else port.postMessage({ done: true });
  });
}

/**
 * The file a worker thread runs: the entry `dist/cli.js` (`cliLoader.ts`) when it ran this bundle as the process's main
 * module, so that a worker compiles the bundle with the code cache as the main thread did (or, when V8 refuses the
 * cache, from its source, as the main thread would); else this bundle (run alone, or by another script).
 */
function workerEntry(): string {
  const main = require.main;
  return main !== undefined && main.filename === path.join(__dirname, 'cli.js') && typeof (main.exports as { start?: unknown }).start === 'function' ? main.filename : __filename;
}

/** Files dealt to threads ahead of the first one not printed yet, per thread, beyond which the run waits for results. */
const AHEAD_PER_THREAD = 4 * BATCH;

/**
 * Lints the files of `jobs`, as the walk gives them (with the indexes of files placed without a thread), on `count` threads: they are dealt in turn to this thread, which
 * lints its own as they come, and to `count - 1` worker threads, posted a {@link BATCH} at a time. Each result goes to
 * `take` as it comes back. No file is dealt while {@link AHEAD_PER_THREAD} per thread are dealt and not printed
 * (`printed` is the number printed, in the run's order), so that the results that come back ahead of their turn and wait
 * are never more than that, however large the collection.
 */
async function lintInThreads(jobs: Iterable<LintJob | number>, count: number, configs: readonly RunConfig[], input: WorkerInput, printed: () => number, take: (batch: readonly IndexedResult[]) => void): Promise<void> {
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const entry = workerEntry();
  const codeCacheLock = new SharedArrayBuffer(4);
  let wake: (() => void) | undefined;
  let failure: { readonly error: unknown } | undefined;
  const workers = Array.from({ length: count - 1 }, () => {
    const worker = new Worker(entry, { workerData: { ...input, codeCacheLock } satisfies WorkerInput, argv: [WORKER_ARG] });
    const done = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: { batch?: IndexedResult[]; done?: boolean }) => {
        if (m.done) worker.terminate().then(() => resolve(), reject);
        else take(m.batch!);
        wake?.();
      });
      worker.on('error', (error) => {
        failure ??= { error };
        reject(error);
        wake?.();
      });
    });
    // A failure is thrown where the run waits (below), not as an unhandled rejection.
    done.catch(() => undefined);
    return { worker, dealt: [] as LintJob[], done };
  });
  const post = (w: (typeof workers)[number]) => {
    if (w.dealt.length === 0) return;
    w.worker.postMessage({ jobs: w.dealt } satisfies WorkerOrder);
    w.dealt = [];
  };
  const keys = shareKeys(input);
  const ahead = AHEAD_PER_THREAD * count;
  let dealt = 0;
  let own = 0;
  for (const job of jobs) {
    // A number is the index of a file that needs no thread (taken from the cache, or unreadable), placed already.
    const index = typeof job === 'number' ? job : job.index;
    if (typeof job !== 'number') {
      // This thread takes every count-th file and the workers the others, in turn.
      const turn = dealt++ % count;
      if (turn === 0) {
        take(lintBatch([job], (i) => configs[i], keys));
        // A batch at a time, taking the workers' batches in between, so that the results are printed as they come in order
        // rather than held until this thread's share is done.
        if (++own % BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
      } else {
        const w = workers[turn - 1];
        w.dealt.push(job);
        if (w.dealt.length >= BATCH) post(w);
      }
    }
    // Every file before the next one is dealt (and posted, below), so a result always comes that lets the run go on.
    while (index + 1 - printed() > ahead) {
      workers.forEach(post);
      if (failure) throw failure.error;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  }
  for (const w of workers) {
    post(w);
    w.worker.postMessage({ end: true } satisfies WorkerOrder);
  }
  await Promise.all(workers.map((w) => w.done));
}

/** Rewrites the progress line on stderr: the files linted, and of how many once the walk has found them all. */
function showProgress(done: number, total: number | undefined): void {
  stderr.write(total === undefined ? `\rcablelint: ${done} files` : `\rcablelint: ${done}/${total} files`);
  stderr.flush();
}

/** Prints the run's messages on stderr and returns its exit code: 2 after any message, else `code`. */
function finish(errors: readonly RunMessage[], code: number): number {
  for (const e of errors) stderr.write(`cablelint: ${messageText(e)}\n`);
  stderr.flush();
  return errors.length > 0 ? 2 : code;
}

/** What a lint run knows before it reads any cable: the configurations, found and read as files need them, and the rule overrides. */
interface LintSetup {
  readonly configs: RunConfigs;
  readonly overrides: ReadonlyMap<string, RuleSetting>;
  /** The path a file is named by in the output: relative to the current directory. */
  readonly shownPath: (input: InputFile) => string;
}

/** True when an ignore glob of the file's configuration `config` names it, by its path from the configuration's directory or as shown. */
function ignored(config: RunConfig, shown: string, globPath: string | undefined): boolean {
  return config.ignoreConfig.ignore.length > 0 && (isIgnored(config.ignoreConfig, globPath!) || isIgnored(config.ignoreConfig, shown));
}

/**
 * True when an ignore glob names the folder `dir` as a whole ({@link isIgnoredFolder}), by its path from the directory of
 * the configuration its files take or from the current one, as {@link ignored} looks at files: the walk does not enter it,
 * nor reads a configuration inside it (as Git reads no `.gitignore` in a folder it ignores).
 */
function ignoredFolder(setup: LintSetup, dir: string): boolean {
  const config = setup.configs.forDir(dir);
  return config.ignoreConfig.ignore.length > 0 && (isIgnoredFolder(config.ignoreConfig, config.pathForGlobs!({ file: dir })) || isIgnoredFolder(config.ignoreConfig, setup.shownPath({ file: dir })));
}

/** The line saying that a file named on the command line (or by --stdin-filename) was skipped: no error, the exit code stays, as ESLint does. */
function sayIgnored(shown: string): void {
  stderr.write(`cablelint: ${shown}: not checked, an ignore glob (--ignore or the configuration's "ignore") names it\n`);
}

/**
 * True when {@link threadCount} is the same for `files` files as for any more: as many as asked; else two threads'
 * worth of files and, when the cores allow more threads, as many files as they take.
 */
function threadsKnown(files: number, asked: number | undefined): boolean {
  if (asked !== undefined) return files >= asked;
  // Only then the cores are asked: `os`, loaded after the run set V8's options, compiles without Node's code cache.
  return files >= 2 * FILES_PER_THREAD && files >= FILES_PER_THREAD * coreThreads();
}

/**
 * The threads a run lints its files on, decided as the files come: `head` takes files from `jobs` until the count is
 * known ({@link threadsKnown}; at most a few thousand files wait there) or the walk ends.
 */
function decideThreads(jobs: Iterator<LintJob>, head: LintJob[], asked: number | undefined): number {
  while (!threadsKnown(head.length, asked)) {
    const next = jobs.next();
    if (next.done) break;
    head.push(next.value);
  }
  return threadCount(head.length, asked);
}

/** The files of `head`, then the rest of `jobs`: `head` is emptied once given, so that it holds none given. */
function* thenRest(head: LintJob[], jobs: Iterator<LintJob>): Generator<LintJob, void, undefined> {
  for (let i = 0; i < head.length; i++) yield head[i];
  head.length = 0;
  for (let next = jobs.next(); !next.done; next = jobs.next()) yield next.value;
}

async function lintCommand(o: Options): Promise<number> {
  // The run's messages, in the order they are said: the configurations' and the walk's (as it goes), then those of
  // reading the configurations of the files named on the command line, then the files' own (see below).
  const errors: RunMessage[] = [];
  const overrides = parseRuleOverrides(o.rules);
  if (overrides.errors.length > 0) throw new UsageError(overrides.errors.join('; '));
  const cwd = process.cwd();
  const shownPath = relativePaths(cwd);
  // Each file takes the nearest configuration above it, as in the editor, so that `cablelint /archive/cables` finds
  // `/archive/.cablelint.jsonc` from anywhere and `archive/old/.cablelint.jsonc` for the files under `archive/old`.
  const configs = new RunConfigs({ config: o.config, ignore: o.ignore, rules: overrides.rules }, errors, cwd, shownPath);
  const setup: LintSetup = { configs, overrides: overrides.rules, shownPath };
  if (o.stdin) return lintStdin(o, setup, errors);
  // Files are linted as the walk finds them (cli/files.ts, `walkFiles`): no list of the collection's files is made. The
  // messages keep the order they had when the walk came first: a file's configuration read as it comes is said after
  // the walk's messages, the files' own messages after those.
  const inputErrors: RunMessage[] = [];
  /** The messages of reading files that were not linted, when the cache is looked in first (below); said before `fileErrors`. */
  const readErrors: RunMessage[] = [];
  /** The files' own messages, in the run's order. */
  const fileErrors: RunMessage[] = [];
  let found = 0;
  let walked = false;
  const tty = isTerminal(2);
  let progress = false;
  function* walkJobs(): Generator<LintJob, void, undefined> {
    for (const input of walkFiles(o.paths, errors, (dir) => ignoredFolder(setup, dir))) {
      const shown = shownPath(input);
      const before = errors.length;
      const config = configs.forInput(input);
      if (errors.length > before) inputErrors.push(...errors.splice(before));
      const globPath = config.pathForGlobs?.(input);
      if (ignored(config, shown, globPath)) {
        // A file named on the command line and then skipped would pass in silence: say so.
        if (input.dir === undefined) sayIgnored(shown);
        continue;
      }
      yield { index: found++, file: input.file, shown, config: config.index, globPath, ifCable: input.ifCable };
    }
    walked = true;
  }
  const walk = walkJobs();
  // --fix-dry-run writes nothing, the cache included; --fix keeps what it leaves on disk.
  const cache = o.cache && !o.dryRun ? new LintCache(cacheFile(o.cacheLocation), toolDigest(VERSION, __filename)) : undefined;
  const salt = cache && runSalt(cache.tool);
  const keys = salt === undefined ? undefined : new CacheKeys(salt, cache!.base);
  // What CBL054 needs of the files: a file's findings wait only while a cable it names a paragraph of may still come.
  const cited = new CitedParagraphs();
  // The suppressions are read first, each file's result is counted into them and printed once it is final, and they are
  // written at the end; what reading them says comes after the files' messages, as when they were read at the end.
  const suppressionErrors: RunMessage[] = [];
  const output = lintOutput(o, setup, suppressionErrors, { cited });
  // Results come in the run's order on one thread, and out of it from several (or from the cache first): those ahead
  // wait here, never more than `lintInThreads` deals ahead.
  const ahead = new Map<number, { readonly result?: FileResult; readonly own: readonly RunMessage[] }>();
  let next = 0;
  const place = (result: FileResult | undefined, own: readonly RunMessage[]) => {
    output.place(next++, result, errors, own);
    fileErrors.push(...own);
    if (tty && (progress || found > 300) && next % 100 === 0) {
      progress = true;
      showProgress(next, walked ? found : undefined);
    }
  };
  const arrive = (index: number, result: FileResult | undefined, own: readonly RunMessage[]) => {
    if (index !== next) {
      ahead.set(index, { result, own });
      return;
    }
    place(result, own);
    for (let waiting = ahead.get(next); waiting !== undefined; waiting = ahead.get(next)) {
      ahead.delete(next);
      place(waiting.result, waiting.own);
    }
  };
  /** Lints a file on this thread. */
  const lintHere = (job: LintJob) => {
    const own: RunMessage[] = [];
    let linted: Linted;
    if (o.fix || o.dryRun) linted = fixOne(o, job, configs.all[job.config], own, keys, cache);
    else {
      const { key, ...result } = lintOne(job, configs.all[job.config], own, keys, cache);
      linted = result;
      remember(cache, job.file, key, linted, own);
    }
    cited.add(job.index, job.file, linted.cited);
    arrive(job.index, linted.result, own);
  };
  const head: LintJob[] = [];
  let threads = o.fix || o.dryRun ? 1 : decideThreads(walk, head, o.threads);
  // The files to lint; with the cache looked in first, the index of each file taken from it (or not read) comes too.
  let pending: Iterator<LintJob | number> = thenRest(head, walk);
  if (cache && threads > 1) {
    // Enough files for threads: the cached ones are taken here first, and only the rest go to threads (read again there),
    // if still enough: the first of those are linted here until that is known, so that no result waits behind them.
    const all = pending as Iterator<LintJob>;
    pending = (function* stale(): Generator<LintJob | number, void, undefined> {
      for (let step = all.next(); !step.done; step = all.next()) {
        const job = step.value;
        const read = readText(job.file, readErrors, job.ifCable);
        if (!read) {
          cache.delete(job.file);
          arrive(job.index, undefined, []);
          yield job.index;
          continue;
        }
        const { resolver } = configs.all[job.config];
        const hit = cached(cache, job, keyOf(keys, job, resolver.fixed ?? resolver.resolve(job.globPath!), configs.all[job.config], read));
        if (hit) {
          cited.add(job.index, job.file, hit.cited);
          arrive(job.index, hit.result, []);
          yield job.index;
        } else yield job;
      }
    })();
    let linted = 0;
    threads = 1;
    for (let step = pending.next(); !step.done; step = pending.next()) {
      if (typeof step.value === 'number') continue;
      lintHere(step.value);
      if (threadsKnown(++linted, o.threads)) {
        threads = threadCount(linted, o.threads);
        break;
      }
    }
  }
  if (threads > 1) {
    // Large collections: several threads; only findings travel back. The file each result is about, while it is linted there:
    const dealt = new Map<number, string>();
    const shared = configs.all.map((c) => ({ config: c.config, userTags: c.userTags }));
    const jobs = (function* deal(): Generator<LintJob | number, void, undefined> {
      for (let step = pending.next(); !step.done; step = pending.next()) {
        if (typeof step.value !== 'number') dealt.set(step.value.index, step.value.file);
        yield step.value;
      }
    })();
    await lintInThreads(jobs, threads, configs.all, { configs: shared, overrides: overrides.rules, salt, cacheBase: cache?.base }, () => next, (batch) => {
      for (const r of batch) {
        const file = dealt.get(r.index)!;
        dealt.delete(r.index);
        cited.add(r.index, file, r.cited);
        remember(cache, file, r.key, r, r.errors);
        arrive(r.index, r.result, r.errors);
      }
    });
  } else {
    for (let step = pending.next(); !step.done; step = pending.next()) if (typeof step.value !== 'number') lintHere(step.value);
  }
  if (progress) {
    stderr.write(`\rcablelint: ${found}/${found} files\n`);
    stderr.flush();
  }
  errors.push(...inputErrors, ...readErrors, ...fileErrors);
  return report(o, output, errors, () => {
    cache?.save(errors);
    errors.push(...suppressionErrors);
  });
}

/**
 * The output of a lint run ({@link LintOutput}): the format's writer (none for `--fix-dry-run` and `--stdin --fix`, which
 * print no findings), the suppressions of the files (`suppressions` false where no file is linted: standard input unnamed or not linted), with
 * the messages of reading them in `suppressionErrors`, and CBL054's findings from `cited` (none for standard input).
 */
function lintOutput(o: Options, setup: LintSetup, suppressionErrors: RunMessage[], how: { readonly cited?: CitedParagraphs; readonly suppressions?: boolean; readonly shownName?: (file: string) => string } = {}): LintOutput {
  const { cited, suppressions = true } = how;
  const format = o.format ?? 'stylish';
  const color = format === 'stylish' && !process.env.NO_COLOR && isTerminal(1);
  return new LintOutput({
    writer: o.dryRun || (o.stdin && o.fix) ? undefined : LINT_FORMATS[format]({ color, version: VERSION }),
    suppressions: suppressions ? SuppressionRun.open({ location: o.suppressionsLocation, suppressAll: o.suppressAll, suppressRules: o.suppressRules, prune: o.pruneSuppressions }, suppressionErrors) : undefined,
    // A message names a file by the path it was read by (as given, or as the walk joined it); the output names it from here.
    shownName: how.shownName ?? ((file) => setup.shownPath({ file })),
    ...(cited && { settle: (index, result) => cited.settle(index, result), resolve: (index, result) => cited.resolve(index, result) }),
    write: (text) => stdout.write(text),
  });
}

/**
 * `--fix` or `--fix-dry-run` on one file: the safe fixes applied in place or shown as a diff, and the findings
 * of the fixed text. With `--fix --cache`, an entry a `--fix` run wrote for the same text is taken as it is
 * (no safe fix changed that text), and the text left on disk is cached: a file the fixes changed under the
 * key of its new text, after it is linted again.
 */
function fixOne(o: Options, job: LintJob, settings: JobConfig, errors: RunMessage[], keys?: CacheKeys, cache?: LintCache): Linted {
  const userTags = settings.userTagSet;
  const read = readText(job.file, errors, job.ifCable);
  if (!read) {
    cache?.delete(job.file);
    return {};
  }
  const resolved = settings.resolver.fixed ?? settings.resolver.resolve(job.globPath!);
  const key = keyOf(keys, job, resolved, settings, read);
  const hit = cached(cache, job, key, true);
  if (hit) return hit;
  // A walked notes.txt that is no cable is never rewritten.
  const parsed = parseRead(job.file, read, job.ifCable, errors, userTags);
  if (!parsed) {
    remember(cache, job.file, key, {}, errors, true);
    return {};
  }
  const fixed = fixAll(read.text, resolved, parsed.cable, { fileName: job.file, userTags });
  const changed = fixed.text !== read.text;
  let written = !changed;
  if (changed) {
    if (o.dryRun) stdout.write(unifiedDiff(job.file, read.text, fixed.text));
    else {
      try {
        fs.writeFileSync(job.file, (read.bom ? '\uFEFF' : '') + fixed.text);
        written = true;
      } catch (e) {
        errors.push(fileMessage(job.file, `cannot be written (${String(e)})`));
      }
    }
  }
  const cable = changed ? parseCable(fixed.text, { userTags }).cable : parsed.cable;
  // CBL054 reads the fixed text, as the findings do, in this file and in the files of the run citing it.
  const cited = citedFacts(job.file, cable, resolved);
  const linted: Linted = { result: { file: job.shown, findings: lintParsed(job.file, cable, resolved, userTags, errors) }, ...(cited && { cited }) };
  // The text on disk now: the fixed one once written (linted again above), else the one read.
  if (written) remember(cache, job.file, changed ? keyOf(keys, job, resolved, settings, { text: fixed.text, bom: read.bom }) : key, linted, errors, !changed);
  else cache?.delete(job.file);
  return linted;
}

/** The name standard input's findings carry without `--stdin-filename`, as ESLint's `<text>`. */
const STDIN_NAME = '<stdin>';

/**
 * A blank text (nothing, or white space only: an editor's new buffer) is not a cable missing its banner,
 * E.O. line and TAGS: the editor gives it no diagnostics, and neither does `--stdin`.
 */
function isBlank(text: string): boolean {
  return /^\s*$/.test(text);
}

/**
 * `--stdin`: lints the text piped in, read as a file would be (a byte-order mark, CRLF, binary junk),
 * named `--stdin-filename`'s NAME for the file-name rules, the globs and the output. With `--fix` the
 * fixed text is printed instead of findings: the bytes piped in, unchanged, when no safe fix applies
 * (or the text is binary, blank or ignored), so that an editor can always put the output in the buffer's place.
 * No cache is read or written: the text is no file.
 */
function lintStdin(o: Options, setup: LintSetup, errors: RunMessage[]): number {
  const input: InputFile | undefined = o.stdinFilename === undefined ? undefined : { file: o.stdinFilename };
  const shown = input ? setup.shownPath(input) : STDIN_NAME;
  // An editor pipes an unsaved buffer from wherever it runs: its configuration is the one above the file it names, else the current directory's.
  const config = input ? setup.configs.forInput(input) : setup.configs.forFolder(process.cwd());
  const bytes = readStdin(errors);
  // Every message about a file is about the text piped in, whichever name it gives it ("standard input", NAME or <stdin>).
  const shownName = () => shown;
  const suppressionErrors: RunMessage[] = [];
  /** The output, with the suppressions of the file the text is named after when it is linted. */
  const output = (linted = false) => lintOutput(o, setup, suppressionErrors, { shownName, suppressions: linted && o.stdinFilename !== undefined });
  const none = () => report(o, output(), errors, () => {});
  if (input && ignored(config, shown, config.pathForGlobs?.(input))) {
    sayIgnored(shown);
    if (o.fix && bytes) stdout.writeBytes(bytes);
    return none();
  }
  if (!bytes) return none();
  const raw = bytes.toString('utf8');
  const read = isBlank(raw) ? undefined : checkText(shown, raw, errors);
  if (!read) {
    // A blank text is a clean document; a binary one is said to be skipped, as a file would be.
    if (o.fix) stdout.writeBytes(bytes);
    const blank = output();
    if (errors.length === 0) blank.place(0, { file: shown, findings: [] }, errors, []);
    return report(o, blank, errors, () => {});
  }
  // Without a name, no override's glob applies to the text; with one, those naming its path do.
  const resolved = input ? config.resolver.resolve(config.pathForGlobs?.(input) ?? '') : resolveConfig({ ...config.config, overrides: [] }, '', setup.overrides);
  const userTags = config.userTagSet;
  let { cable } = parseCable(read.text, { userTags });
  if (o.fix || o.dryRun) {
    const fixed = fixAll(read.text, resolved, cable, { fileName: o.stdinFilename ?? shown, userTags });
    if (fixed.text === read.text) {
      if (o.fix) stdout.writeBytes(bytes);
    } else {
      if (o.fix) stdout.write((read.bom ? '\uFEFF' : '') + fixed.text);
      else stdout.write(unifiedDiff(shown, read.text, fixed.text));
      cable = parseCable(fixed.text, { userTags }).cable;
    }
  }
  // Without a name, "<stdin>" is no cable id's name, so CBL043 has nothing to compare. CBL054 reports nothing: no other
  // file is read, so no cited cable's paragraphs are known (cli/cited.ts).
  const findings = lintParsed(o.stdinFilename ?? shown, cable, resolved, userTags, errors);
  // The suppressions of the file the text is named after apply to it, as an editor's unsaved buffer is that file.
  const linted = output(true);
  linted.place(0, { file: shown, findings }, errors, []);
  return report(o, linted, errors, () => errors.push(...suppressionErrors));
}

/**
 * Ends the run's output (`beforeEnd` adds the messages it has after its last file) and returns the exit code: 2 after
 * any message, else 1 for an error-level finding or more warning-level findings than `--max-warnings` allows, else 0.
 * After `--fix-dry-run`, which printed its diff, stderr says how many errors its fixes leave.
 */
function report(o: Options, output: LintOutput, errors: RunMessage[], beforeEnd: () => void): number {
  const totals = output.finish(errors, beforeEnd, (text) => stderr.write(text));
  stdout.flush();
  let code = totals.errors > 0 ? 1 : 0;
  // A dry run prints only its diff: without this line, findings no safe fix mends would fail the run unseen.
  if (code === 1 && o.dryRun) stderr.write(`cablelint: ${totals.errors} error${totals.errors === 1 ? '' : 's'} left that no safe fix mends; run without --fix-dry-run to list them\n`);
  if (o.maxWarnings !== undefined && totals.warnings > o.maxWarnings) {
    stderr.write(`cablelint: ${totals.warnings} warning${totals.warnings === 1 ? '' : 's'}, more than --max-warnings ${o.maxWarnings} allows\n`);
    code = 1;
  }
  return finish(errors, code);
}

function extractCommand(o: Options): number {
  // The run's messages as lint orders them: the walk's and the configurations' (readInputs), then the files' own.
  const errors: RunMessage[] = [];
  const inputErrors: RunMessage[] = [];
  const fileErrors: RunMessage[] = [];
  const shownPath = relativePaths(process.cwd());
  const fields = o.fields ?? EXTRACT_FIELDS;
  const format = o.format === 'csv' ? 'csv' : 'jsonl';
  const header = extractHeader(fields, format);
  if (o.bom) stdout.write('\uFEFF');
  if (header !== undefined) stdout.write(header + '\n');
  for (const { input, config } of readInputs(o, errors, inputErrors, shownPath)) {
    const read = readCable(input.file, input.ifCable, fileErrors, config.userTagSet);
    if (!read) continue;
    const cable = read.cable;
    reportParserFailure(input.file, cable, fileErrors);
    const record = extractRecord(shownPath(input), cable);
    stdout.write(extractLine(record, fields, format, o.escapeFormulas) + '\n');
  }
  stdout.flush();
  return finish([...errors, ...inputErrors, ...fileErrors], 0);
}

function outlineCommand(o: Options): number {
  // The run's messages as lint orders them: the walk's and the configurations' (readInputs), then the files' own.
  const errors: RunMessage[] = [];
  const inputErrors: RunMessage[] = [];
  const fileErrors: RunMessage[] = [];
  const shownPath = relativePaths(process.cwd());
  for (const { input, config } of readInputs(o, errors, inputErrors, shownPath)) {
    const read = readCable(input.file, input.ifCable, fileErrors, config.userTagSet);
    if (!read) continue;
    const cable = read.cable;
    reportParserFailure(input.file, cable, fileErrors);
    stdout.write(`${shownPath(input)}\n`);
    const print = (symbols: readonly DocumentSymbol[], depth: number) => {
      for (const s of symbols) {
        stdout.write(`${'  '.repeat(depth + 1)}${s.name}${s.detail ? `  — ${s.detail.length > 60 ? s.detail.slice(0, 59) + '…' : s.detail}` : ''}  [${s.selectionRange.start.line + 1}]\n`);
        print(s.children ?? [], depth + 1);
      }
    };
    print(getDocumentSymbols(cable, idFromFileName(input.file)), 0);
  }
  stdout.flush();
  return finish([...errors, ...inputErrors, ...fileErrors], 0);
}

/** Runs the CLI and returns its exit code. */
export function main(argv: string[]): number | Promise<number> {
  // After "--" every word is a PATH, even one spelt like an option.
  const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (options.includes('-h') || options.includes('--help')) {
    stdout.write(HELP);
    stdout.flush();
    return 0;
  }
  if (options.includes('-v') || options.includes('--version')) {
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
  process.getBuiltinModule('node:v8').setFlagsFromString(V8_FLAGS);
  void Promise.resolve(main(process.argv.slice(2))).then((code) => (process.exitCode = code));
}
