/**
 * `cablelint --cache`: the findings of each file linted, kept in a file (`.cablelintcache` by
 * default) under a key that holds everything they depend on, so that a run over an unchanged
 * collection reads and hashes each file but parses and lints none.
 *
 * A finding depends on the file's text, the name the rules see (CBL043 compares a name like
 * `07PARIS2725.txt` with the banner), whether the walk takes the file only if it reads as a
 * cable, the file's resolved rule settings and the TAG codes of the user dictionaries (CBL044), both
 * from the configuration that applies to the file (the nearest `.cablelint.jsonc` above it), and the
 * code that lints: cablelint's version, the bundle's own bytes (a build between versions) and
 * Node's version. The rules read nothing else (`cablelint` gives `LintContext` only the name and the TAGS). CBL054's
 * findings, which hang on the text of another file, are never cached: each entry keeps the facts they are worked out
 * from at the end of every run (cli/cited.ts), so that a change to a cited cable shows in the files citing it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResolvedConfig } from '../core/config';
import type { Severity } from '../core/rules/types';
import type { CitedFacts } from './cited';
import type { ReportedFinding } from './formats';
import { runMessage, type RunMessage } from './messages';

/** What the cache file says it is; a file without it, or with another format, is foreign (1 kept absolute paths, 2 no CBL054 facts). */
const FORMAT = 'cablelint-cache/3';

/** A SHA-256 hash; `node:crypto` is loaded only by a run with `--cache`, so that the others start no later. */
function sha256(): import('node:crypto').Hash {
  return process.getBuiltinModule('node:crypto').createHash('sha256');
}

/** The default cache file, in the current directory, as ESLint's `.eslintcache`. */
export const DEFAULT_CACHE_FILE = '.cablelintcache';

/**
 * One file's cached result: its key, and its findings or null when the walk left it alone (not a cable). The findings
 * never hold CBL054's, which hang on other files: the entry keeps what the run checks them from (`cited`, cli/cited.ts).
 */
export interface CacheEntry {
  readonly key: string;
  readonly findings: readonly ReportedFinding[] | null;
  /** What CBL054 needs of the file (its id, its paragraph numbers, its mentions of cited paragraphs), when anything. */
  readonly cited?: CitedFacts;
  /**
   * Set by a `--fix` run when no safe fix changed the text of this key, so that `--fix` may
   * take the entry too; an entry a plain lint wrote says nothing about fixes.
   */
  readonly fixed?: boolean;
}

const SEVERITIES: ReadonlySet<unknown> = new Set<Severity>(['error', 'warning', 'info', 'hint']);

/** True when `p`, read from the cache file, is a position: a line and a character, each an integer. */
function isPosition(p: unknown): boolean {
  return typeof p === 'object' && p !== null && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
}

/** True when `r`, read from the cache file, is a range: a start and an end position. */
function isRange(r: unknown): boolean {
  return typeof r === 'object' && r !== null && isPosition((r as { start: unknown }).start) && isPosition((r as { end: unknown }).end);
}

/** The cache file's path: `location`, or `.cablelintcache` in it when it is a directory (or ends with a separator). */
export function cacheFile(location: string | undefined): string {
  if (location === undefined) return path.resolve(DEFAULT_CACHE_FILE);
  let directory = /[\\/]$/.test(location);
  try {
    directory ||= fs.statSync(location).isDirectory();
  } catch {
    // A file not there yet.
  }
  return path.resolve(directory ? path.join(location, DEFAULT_CACHE_FILE) : location);
}

/**
 * The code that lints, as a digest: cablelint's version, the bytes of the running bundle (`script`)
 * and Node's version, so that a cache written by another build is never read.
 */
export function toolDigest(version: string, script: string): string {
  const hash = sha256().update(`${version}\0${process.version}\0`);
  try {
    hash.update(fs.readFileSync(script));
  } catch {
    // Unreadable (never for the running bundle): the run's own time keeps its cache from being trusted later.
    hash.update(String(Date.now()));
  }
  return hash.digest('base64url');
}

/** What every file of a run shares in its key: the tool. */
export function runSalt(tool: string): string {
  return sha256().update(tool).digest('base64url');
}

/**
 * Where `file` is, seen from `base`, the cache file's folder, with `/` between names (`cables/09PARIS708.txt`,
 * `../archive/x.cable`): the name the cache keeps a file's entry under and hashes into its key, so that a
 * checkout moved or cloned elsewhere with its cache (another CI runner's folder, a branch's own folder)
 * finds its entries, as ESLint's users asked of `.eslintcache` (eslint/eslint#16493).
 */
export function cachedName(base: string, file: string): string {
  return path.relative(base, path.resolve(file)).split(path.sep).join('/');
}

/**
 * Keys for files under one run's salt; each resolved configuration's settings, and each configuration's user TAG codes,
 * are written out once. Files under different configurations (a subfolder's own `.cablelint.jsonc`) get their own settings
 * and TAG codes in their keys, so that a change to one configuration lints again the files it applies to, and only those.
 */
export class CacheKeys {
  readonly #salt: string;
  /** The cache file's folder, which the names in keys are relative to. */
  readonly #base: string;
  readonly #configs = new Map<ResolvedConfig, string>();
  /** The TAG codes of each configuration's user dictionaries, sorted and joined, by the list a run holds for it. */
  readonly #tags = new Map<readonly string[], string>();

  constructor(salt: string, base: string) {
    this.#salt = salt;
    this.#base = base;
  }

  /**
   * The key of a file's result: `text` is the text as read, after a byte-order mark (`bom`), `fileName`
   * the path the rules see (seen from the cache's folder here, {@link cachedName}, so that `cables/x.cable`
   * and `./cables/x.cable` share a key, and a checkout moved with its cache keeps it), `ifCable` whether
   * the walk takes it only if it reads as a cable, `config` its settings and `userTags` the TAG codes of the user dictionaries
   * of the configuration that applies to it. The rules read only the file's base name.
   */
  key(config: ResolvedConfig, userTags: readonly string[], fileName: string, ifCable: boolean, bom: boolean, text: string): string {
    let settings = this.#configs.get(config);
    if (settings === undefined) {
      settings = [...config.rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, s]) => `${id}=${s}`).join(',');
      this.#configs.set(config, settings);
    }
    let tags = this.#tags.get(userTags);
    if (tags === undefined) {
      tags = [...userTags].sort().join(',');
      this.#tags.set(userTags, tags);
    }
    return sha256().update(`${this.#salt}\0${settings}\0${tags}\0${cachedName(this.#base, fileName)}\0${ifCable ? 1 : 0}${bom ? 1 : 0}\0`).update(text).digest('base64url');
  }
}

/**
 * The cache file's entries by {@link cachedName}, the path from the cache file's folder. A file that cannot be read,
 * is not JSON, or was written by another format or build is ignored, and rewritten by {@link LintCache.save}.
 */
export class LintCache {
  /** The cache file's path. */
  readonly file: string;
  /** Its folder, which the names of entries are relative to. */
  readonly base: string;
  /** The digest of the code that lints ({@link toolDigest}); entries written by another are not read. */
  readonly tool: string;
  readonly #entries: Map<string, CacheEntry>;
  /** Paths linted or looked up in this run, whose entries are current. */
  readonly #seen = new Set<string>();

  constructor(file: string, tool: string) {
    this.file = file;
    this.base = path.dirname(file);
    this.tool = tool;
    this.#entries = readEntries(file, tool);
  }

  /** The entry of `file` when its key is `key` and it is well formed; with `forFix`, only one a `--fix` run wrote. */
  get(file: string, key: string, forFix = false): CacheEntry | undefined {
    const name = cachedName(this.base, file);
    this.#seen.add(name);
    const entry = this.#entries.get(name);
    if (entry === undefined || entry.key !== key || (forFix && entry.fixed !== true) || !wellFormed(entry)) return undefined;
    return entry;
  }

  /** Sets the entry of `file`. */
  set(file: string, entry: CacheEntry): void {
    const name = cachedName(this.base, file);
    this.#seen.add(name);
    this.#entries.set(name, entry);
  }

  /** Drops the entry of `file`: its result this run was not one to keep (a failure, an unreadable file). */
  delete(file: string): void {
    const name = cachedName(this.base, file);
    this.#seen.add(name);
    this.#entries.delete(name);
  }

  /**
   * Writes the cache atomically (a temporary file beside it, then a rename), keeping the entries of
   * files this run did not see while those files exist; a failure is one message.
   */
  save(errors: RunMessage[]): void {
    const entries: Record<string, CacheEntry> = {};
    for (const [name, entry] of this.#entries) if (this.#seen.has(name) || fs.existsSync(path.resolve(this.base, name))) entries[name] = entry;
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, JSON.stringify({ format: FORMAT, tool: this.tool, entries }));
      fs.renameSync(temporary, this.file);
    } catch (e) {
      errors.push(runMessage(`${this.file}: cannot write the cache (${(e as NodeJS.ErrnoException).code ?? String(e)})`));
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // Nothing was written.
      }
    }
  }
}

/** The entries of a cache file written by this format and tool; none for anything else. */
function readEntries(file: string, tool: string): Map<string, CacheEntry> {
  const entries = new Map<string, CacheEntry>();
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return entries;
  }
  if (typeof data !== 'object' || data === null) return entries;
  const { format, tool: written, entries: stored } = data as Record<string, unknown>;
  if (format !== FORMAT || written !== tool || typeof stored !== 'object' || stored === null || Array.isArray(stored)) return entries;
  for (const [name, entry] of Object.entries(stored)) if (typeof entry === 'object' && entry !== null) entries.set(name, entry as CacheEntry);
  return entries;
}

/** True when a stored entry has the shape the formats print, so that a damaged one is linted again rather than printed. */
function wellFormed(entry: CacheEntry): boolean {
  if (typeof entry.key !== 'string' || !wellFormedFacts(entry.cited)) return false;
  if (entry.findings === null) return true;
  if (!Array.isArray(entry.findings)) return false;
  // The safe fix SARIF prints, if any: a title and edits, each a range and its new text.
  const fix = (x: ReportedFinding['fix'] | null) =>
    x === undefined ||
    (typeof x === 'object' &&
      x !== null &&
      typeof x.title === 'string' &&
      Array.isArray(x.edits) &&
      x.edits.every((e: unknown) => typeof e === 'object' && e !== null && isRange((e as { range: unknown }).range) && typeof (e as { newText: unknown }).newText === 'string'));
  return entry.findings.every(
    (f: unknown) =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as ReportedFinding).id === 'string' &&
      typeof (f as ReportedFinding).name === 'string' &&
      SEVERITIES.has((f as ReportedFinding).severity) &&
      typeof (f as ReportedFinding).message === 'string' &&
      isRange((f as ReportedFinding).range) &&
      fix((f as ReportedFinding).fix),
  );
}

/** True when `value`, an entry's `cited` read from the cache file, has the shape of {@link CitedFacts}, so that a damaged entry is linted again. */
function wellFormedFacts(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'object' || value === null) return false;
  const { id, copy, mentions, severity } = value as Record<string, unknown>;
  if (id !== undefined && typeof id !== 'string') return false;
  if (copy !== undefined) {
    if (id === undefined || typeof copy !== 'object' || copy === null) return false;
    const { numbers, ended } = copy as Record<string, unknown>;
    if (!Array.isArray(numbers) || !numbers.every(Number.isInteger) || typeof ended !== 'boolean') return false;
  }
  if (mentions === undefined) return severity === undefined;
  return (
    SEVERITIES.has(severity) &&
    Array.isArray(mentions) &&
    mentions.every((m: unknown) => {
      if (typeof m !== 'object' || m === null) return false;
      const { id: cited, number, through, range, letter } = m as Record<string, unknown>;
      return typeof cited === 'string' && Number.isInteger(number) && (through === undefined || Number.isInteger(through)) && isRange(range) && (letter === undefined || typeof letter === 'string');
    })
  );
}
