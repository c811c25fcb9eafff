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
 * The suppressions at `location` after counting `results`' errors into `existing`: of every rule (`rules` undefined, `--suppress-all`)
 * or of the rules named (`--suppress-rule`). A file's count is set to what it has now, so a fixed error is no longer
 * suppressed; the files not linted in this run keep theirs.
 */
export function suppress(location: string, existing: Suppressions, results: readonly FileResult[], rules?: ReadonlySet<string>): Suppressions {
  const next: Suppressions = { ...existing };
  for (const result of results) {
    const key = keyOf(result.file, location);
    const counts: Record<string, { count: number }> = { ...next[key] };
    const now = errorCounts(result);
    // A rule chosen that the file no longer breaks loses its entry.
    for (const rule of Object.keys(counts)) if ((!rules || rules.has(rule)) && !now.has(rule)) delete counts[rule];
    for (const [rule, count] of now) if (!rules || rules.has(rule)) counts[rule] = { count };
    if (Object.keys(counts).length > 0) next[key] = counts;
    else delete next[key];
  }
  return next;
}

/**
 * The suppressions without the counts no error of `results` uses any more (`--prune-suppressions`): a count above the
 * file's errors of the rule is lowered to them, and one of a rule it no longer breaks is removed. Files not linted in
 * this run keep theirs, but for files no longer there (deleted or moved since they were counted), which have no errors:
 * their counts go too, as a run over the whole archive cannot meet them (ESLint's pruning keeps them).
 */
export function prune(location: string, existing: Suppressions, results: readonly FileResult[]): Suppressions {
  const next: Suppressions = { ...existing };
  const folder = path.dirname(path.resolve(location));
  for (const key of Object.keys(next)) if (!fs.existsSync(path.resolve(folder, key))) delete next[key];
  for (const result of results) {
    const key = keyOf(result.file, location);
    const entry = next[key];
    if (!entry) continue;
    const now = errorCounts(result);
    const counts: Record<string, { count: number }> = {};
    for (const [rule, { count }] of Object.entries(entry)) {
      const left = Math.min(count, now.get(rule) ?? 0);
      if (left > 0) counts[rule] = { count: left };
    }
    if (Object.keys(counts).length > 0) next[key] = counts;
    else delete next[key];
  }
  return next;
}

/** What applying the suppressions gives: the results without the suppressed errors, and how many were. */
export interface Suppressed {
  readonly results: FileResult[];
  readonly suppressed: number;
  /** Counts above what the files linted now have: suppressions a later error could hide behind. */
  readonly unused: number;
}

/**
 * Drops from `results` each file's errors of a rule the suppressions count at or above their number; with more
 * errors than counted, all of them stay, as ESLint reports them.
 */
export function applySuppressions(location: string, suppressions: Suppressions, results: readonly FileResult[]): Suppressed {
  let suppressed = 0;
  let unused = 0;
  const kept = results.map((result) => {
    const entry = suppressions[keyOf(result.file, location)];
    if (!entry) return result;
    const counts = errorCounts(result);
    const hidden = new Set<string>();
    for (const [rule, { count }] of Object.entries(entry)) {
      const now = counts.get(rule) ?? 0;
      if (now <= count) {
        if (now > 0) hidden.add(rule);
        suppressed += now;
        unused += count - now;
      }
    }
    return hidden.size === 0 ? result : { file: result.file, findings: result.findings.filter((f) => !(f.severity === 'error' && hidden.has(f.id))) };
  });
  return { results: kept, suppressed, unused };
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
