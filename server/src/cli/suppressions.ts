/**
 * Bulk suppressions for `cablelint`, as ESLint keeps them: a JSON file that counts, per file and rule, the error-level
 * findings an archive already had when its checks were adopted. An archivist cannot edit a released cable to silence
 * a finding, and a comment written into its text would change the cable; the file lets CI fail on new errors only.
 *
 *   { "cables/09PARIS708.txt": { "CBL024": { "count": 2 } } }
 *
 * A file keeps a rule's errors suppressed while it has at most the counted number of them; with more, all of them are
 * reported again, since which one is new cannot be told. Only errors are counted: warnings and infos fail no run
 * (but for `--max-warnings`) and stay in the output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileResult } from './formats';
import { runMessage, type RunMessage } from './messages';

/** The suppressions file's content: per file (its path from the suppressions file's folder, with `/`), per rule ID, the errors counted. */
export type Suppressions = Record<string, Record<string, { count: number }>>;

/** The suppressions file's default name, in the current directory. */
export const SUPPRESSIONS_FILE = 'cablelint-suppressions.json';

/**
 * The key a file has in the suppressions at `location`: its path from the suppressions file's folder, with `/` on every
 * platform, so that a run from another folder (`--suppressions-location ../cablelint-suppressions.json`) or on an
 * absolute path finds the counts that a run from the file's own folder wrote.
 */
function keyOf(file: string, location: string): string {
  return path.relative(path.dirname(path.resolve(location)), path.resolve(file)).replace(/\\/g, '/');
}

/**
 * Reads the suppressions file; an empty set when it does not exist. A file that cannot be read or is not of the
 * shape above is an error (exit code 2), never taken as "no suppressions", which would fail a run on old findings.
 */
export function readSuppressions(file: string, errors: RunMessage[]): Suppressions {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    errors.push(runMessage(`${file}: cannot read suppressions (${(e as NodeJS.ErrnoException).code ?? String(e)})`));
    return {};
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    errors.push(runMessage(`${file}: suppressions are not JSON (${(e as Error).message})`));
    return {};
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const result: Suppressions = {};
  if (!isObject(data)) {
    errors.push(runMessage(`${file}: suppressions must be an object of files`));
    return {};
  }
  for (const [name, rules] of Object.entries(data)) {
    if (!isObject(rules)) {
      errors.push(runMessage(`${file}: "${name}" must be an object of rule IDs`));
      continue;
    }
    const counts: Record<string, { count: number }> = {};
    for (const [rule, entry] of Object.entries(rules)) {
      const count = isObject(entry) ? entry.count : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) errors.push(runMessage(`${file}: "${name}" ${rule}: count must be a whole number of at least 0`));
      else counts[rule] = { count };
    }
    result[name] = counts;
  }
  return result;
}

/** Each file's error-level findings counted by rule ID. */
function errorCounts(result: FileResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of result.findings) if (f.severity === 'error') counts.set(f.id, (counts.get(f.id) ?? 0) + 1);
  return counts;
}

/**
 * Counts `result`'s errors into `suppressions`, those at `location`: of every rule (`rules` undefined, `--suppress-all`)
 * or of the rules named (`--suppress-rule`). A file's count is set to what it has now, so a fixed error is no longer
 * suppressed; the files not linted in this run keep theirs.
 */
function suppressOne(location: string, suppressions: Suppressions, result: FileResult, rules?: ReadonlySet<string>): void {
  const key = keyOf(result.file, location);
  const counts: Record<string, { count: number }> = { ...suppressions[key] };
  const now = errorCounts(result);
  // A rule chosen that the file no longer breaks loses its entry.
  for (const rule of Object.keys(counts)) if ((!rules || rules.has(rule)) && !now.has(rule)) delete counts[rule];
  for (const [rule, count] of now) if (!rules || rules.has(rule)) counts[rule] = { count };
  if (Object.keys(counts).length > 0) suppressions[key] = counts;
  else delete suppressions[key];
}

/**
 * Drops from `suppressions` the counts of files no longer there (deleted or moved since they were counted), which have
 * no errors: a run over the whole archive cannot meet them (ESLint's pruning keeps them). `--prune-suppressions`, with {@link pruneOne}.
 */
function pruneGone(location: string, suppressions: Suppressions): void {
  const folder = path.dirname(path.resolve(location));
  for (const key of Object.keys(suppressions)) if (!fs.existsSync(path.resolve(folder, key))) delete suppressions[key];
}

/**
 * Drops from `suppressions` the counts no error of `result` uses any more (`--prune-suppressions`): a count above the
 * file's errors of the rule is lowered to them, and one of a rule it no longer breaks is removed. Files not linted in
 * this run keep theirs.
 */
function pruneOne(location: string, suppressions: Suppressions, result: FileResult): void {
  const key = keyOf(result.file, location);
  const entry = suppressions[key];
  if (!entry) return;
  const now = errorCounts(result);
  const counts: Record<string, { count: number }> = {};
  for (const [rule, { count }] of Object.entries(entry)) {
    const left = Math.min(count, now.get(rule) ?? 0);
    if (left > 0) counts[rule] = { count: left };
  }
  if (Object.keys(counts).length > 0) suppressions[key] = counts;
  else delete suppressions[key];
}

/**
 * The suppressions of a lint run, a file at a time, so that no file's result waits for the others: each result's errors
 * are counted into them (`--suppress-all`, `--suppress-rule`) or their unused counts dropped (`--prune-suppressions`) by
 * that file's own findings, then the errors they count are dropped from it ({@link SuppressionRun.apply}); the file is
 * written at the end. A file's entry hangs only on its own findings, so the outcome is the one of counting the whole run first.
 */
export class SuppressionRun {
  readonly #location: string;
  #suppressions: Suppressions;
  readonly #suppressAll: boolean;
  readonly #rules: ReadonlySet<string> | undefined;
  readonly #prune: boolean;
  #unused = 0;

  private constructor(location: string, suppressions: Suppressions, options: SuppressionOptions) {
    this.#location = location;
    this.#suppressions = suppressions;
    this.#suppressAll = options.suppressAll;
    this.#rules = options.suppressRules.length > 0 ? new Set(options.suppressRules) : undefined;
    this.#prune = options.prune;
    if (this.#prune) pruneGone(location, suppressions);
  }

  /**
   * The suppressions of a run, read from the file; none when there is no file and none was asked for, or when it cannot be
   * read (such a file is never written over). Its messages go to `errors`.
   */
  static open(options: SuppressionOptions, errors: RunMessage[]): SuppressionRun | undefined {
    const file = options.location ?? SUPPRESSIONS_FILE;
    if (!writes(options) && options.location === undefined && !fs.existsSync(file)) return undefined;
    if (!writes(options) && !fs.existsSync(file)) {
      errors.push(runMessage(`${file}: no such suppressions file (--suppressions-location)`));
      return undefined;
    }
    const before = errors.length;
    const suppressions = readSuppressions(file, errors);
    return errors.length > before ? undefined : new SuppressionRun(file, suppressions, options);
  }

  /** Counts `result`'s errors into the suppressions or prunes its counts, as asked; again with the same result, it changes nothing. */
  count(result: FileResult): void {
    if (this.#suppressAll || this.#rules) suppressOne(this.#location, this.#suppressions, result, this.#rules);
    if (this.#prune) pruneOne(this.#location, this.#suppressions, result);
  }

  /** `result` without the errors the suppressions count, after {@link SuppressionRun.count}. */
  apply(result: FileResult): FileResult {
    this.count(result);
    const entry = this.#suppressions[keyOf(result.file, this.#location)];
    if (!entry) return result;
    const counts = errorCounts(result);
    const hidden = new Set<string>();
    for (const [rule, { count }] of Object.entries(entry)) {
      const now = counts.get(rule) ?? 0;
      if (now <= count) {
        if (now > 0) hidden.add(rule);
        this.#unused += count - now;
      }
    }
    return hidden.size === 0 ? result : { file: result.file, findings: result.findings.filter((f) => !(f.severity === 'error' && hidden.has(f.id))) };
  }

  /**
   * After the last file: writes the suppressions when the run counts or prunes them, and says on stderr (through `say`)
   * how many counted errors no file has any more: a new error could hide behind them.
   */
  finish(errors: RunMessage[], say: (text: string) => void): void {
    if (this.#suppressAll || this.#rules || this.#prune) writeSuppressions(this.#location, this.#suppressions, errors);
    const unused = this.#unused;
    if (unused > 0) say(`cablelint: ${unused} suppressed error${unused === 1 ? '' : 's'} no longer found; run with --prune-suppressions to drop ${unused === 1 ? 'its count' : 'their counts'} from ${this.#location}\n`);
  }
}

/** What a run asks of the suppressions file. */
export interface SuppressionOptions {
  /** `--suppressions-location`; the default {@link SUPPRESSIONS_FILE} in the current directory. */
  readonly location?: string;
  readonly suppressAll: boolean;
  readonly suppressRules: readonly string[];
  readonly prune: boolean;
}

/** True when the run counts errors into the suppressions or prunes them: the file is written. */
function writes(options: SuppressionOptions): boolean {
  return options.suppressAll || options.suppressRules.length > 0 || options.prune;
}

/** Writes the suppressions, files and rules in order, so that the file diffs well under version control. */
export function writeSuppressions(file: string, suppressions: Suppressions, errors: RunMessage[]): void {
  const sorted: Suppressions = {};
  for (const name of Object.keys(suppressions).sort()) {
    const rules: Record<string, { count: number }> = {};
    for (const rule of Object.keys(suppressions[name]).sort()) rules[rule] = suppressions[name][rule];
    sorted[name] = rules;
  }
  try {
    fs.writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
  } catch (e) {
    errors.push(runMessage(`${file}: cannot write suppressions (${(e as NodeJS.ErrnoException).code ?? String(e)})`));
  }
}
