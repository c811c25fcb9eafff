/**
 * `.cablelint.jsonc`: the configuration shared by the editor and `cablelint`.
 * Pure: it reads text handed to it; callers do the file IO.
 *
 * ```jsonc
 * {
 *   "rules": { "CBL028": "error", "tags-duplicate": "off" },
 *   "ignore": ["drafts/**"],
 *   "overrides": [{ "files": ["archive/**"], "rules": { "page-line-sequence": "off" } }],
 *   "dictionaries": ["./tags-local.json"]
 * }
 * ```
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import { allRules, ruleByIdOrName } from './rules/index';
import type { RuleSetting } from './rules/types';

/** Severities a rule may be set to. */
const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/** The configuration as written (rule keys resolved to ids). */
export interface CableLintConfig {
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly ignore: readonly string[];
  readonly overrides: readonly { readonly files: readonly string[]; readonly rules: ReadonlyMap<string, RuleSetting> }[];
  readonly dictionaries: readonly string[];
}

/** The configuration for one file: a setting for every rule id. */
export interface ResolvedConfig {
  readonly rules: ReadonlyMap<string, RuleSetting>;
}

/** A problem in a configuration file, with its offset range in the text. */
export interface ConfigError {
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}

/** The configuration used when there is no file. */
export const DEFAULT_CONFIG: CableLintConfig = { rules: new Map(), ignore: [], overrides: [], dictionaries: [] };

/** Parses `.cablelint.jsonc` text. Unknown keys, rules and severities are errors; valid parts still apply. */
export function parseConfig(text: string, source = '.cablelint.jsonc'): { config: CableLintConfig; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const parseErrors: ParseError[] = [];
  const raw: unknown = parseJsonc(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  for (const e of parseErrors) {
    errors.push({ message: `${source}: ${printParseErrorCode(e.error)}`, offset: e.offset, length: e.length });
  }
  if (raw === undefined) return { config: DEFAULT_CONFIG, errors };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push({ message: `${source}: the configuration must be an object`, offset: 0, length: text.length });
    return { config: DEFAULT_CONFIG, errors };
  }
  const obj = raw as Record<string, unknown>;
  const at = (key: string): { offset: number; length: number } => {
    const i = text.indexOf(`"${key}"`);
    return { offset: Math.max(0, i), length: i >= 0 ? key.length + 2 : 0 };
  };
  for (const key of Object.keys(obj)) {
    if (!['rules', 'ignore', 'overrides', 'dictionaries', '$schema'].includes(key)) {
      errors.push({ message: `${source}: unknown setting "${key}" (expected rules, ignore, overrides, dictionaries)`, ...at(key) });
    }
  }
  const rules = readRules(obj.rules, 'rules', source, errors, at);
  const ignore = readStrings(obj.ignore, 'ignore', source, errors, at);
  const dictionaries = readStrings(obj.dictionaries, 'dictionaries', source, errors, at);
  const overrides: CableLintConfig['overrides'][number][] = [];
  if (obj.overrides !== undefined) {
    if (!Array.isArray(obj.overrides)) errors.push({ message: `${source}: "overrides" must be an array`, ...at('overrides') });
    else {
      obj.overrides.forEach((o: unknown, i: number) => {
        if (typeof o !== 'object' || o === null) {
          errors.push({ message: `${source}: overrides[${i}] must be an object`, ...at('overrides') });
          return;
        }
        const entry = o as Record<string, unknown>;
        const files = readStrings(entry.files, `overrides[${i}].files`, source, errors, at);
        if (files.length === 0) errors.push({ message: `${source}: overrides[${i}] needs "files"`, ...at('overrides') });
        overrides.push({ files, rules: readRules(entry.rules, `overrides[${i}].rules`, source, errors, at) });
      });
    }
  }
  return { config: { rules, ignore, overrides, dictionaries }, errors };
}

function readStrings(value: unknown, name: string, source: string, errors: ConfigError[], at: (k: string) => { offset: number; length: number }): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    errors.push({ message: `${source}: "${name}" must be an array of strings`, ...at(name.split('.').pop()!) });
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }
  return value as string[];
}

function readRules(value: unknown, name: string, source: string, errors: ConfigError[], at: (k: string) => { offset: number; length: number }): Map<string, RuleSetting> {
  const result = new Map<string, RuleSetting>();
  if (value === undefined) return result;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push({ message: `${source}: "${name}" must be an object of rule → severity`, ...at('rules') });
    return result;
  }
  for (const [key, setting] of Object.entries(value as Record<string, unknown>)) {
    const rule = ruleByIdOrName(key);
    if (!rule) {
      errors.push({ message: `${source}: unknown rule "${key}"`, ...at(key) });
      continue;
    }
    if (typeof setting !== 'string' || !RULE_SETTINGS.includes(setting as RuleSetting)) {
      errors.push({ message: `${source}: rule "${key}" must be one of ${RULE_SETTINGS.join(', ')}`, ...at(key) });
      continue;
    }
    result.set(rule.id, setting as RuleSetting);
  }
  return result;
}

/** Reads editor or CLI overrides given as `{ "CBL007": "error" }` or `["CBL007=error"]`. */
export function parseRuleOverrides(entries: Record<string, unknown> | readonly string[] | undefined): { rules: Map<string, RuleSetting>; errors: string[] } {
  const rules = new Map<string, RuleSetting>();
  const errors: string[] = [];
  const pairs: [string, unknown][] = Array.isArray(entries)
    ? (entries as readonly string[]).map((e) => {
        const i = e.indexOf('=');
        return i < 0 ? [e, undefined] : [e.slice(0, i), e.slice(i + 1)];
      })
    : Object.entries((entries as Record<string, unknown>) ?? {});
  for (const [key, value] of pairs) {
    const rule = ruleByIdOrName(key.trim());
    if (!rule) errors.push(`unknown rule "${key}"`);
    // "--rule CBL030" alone: the severity is missing, not wrong.
    else if (value === undefined && Array.isArray(entries)) errors.push(`rule "${key}" needs a severity after "=" (${key}=warning), one of ${RULE_SETTINGS.join(', ')}`);
    else if (typeof value !== 'string' || !RULE_SETTINGS.includes(value.trim() as RuleSetting)) errors.push(`rule "${key}" must be one of ${RULE_SETTINGS.join(', ')}`);
    else rules.set(rule.id, value.trim() as RuleSetting);
  }
  return { rules, errors };
}

/**
 * The settings for one file: defaults, then the file's rules, then matching
 * overrides in order, then editor or CLI overrides. `relativePath` uses `/`.
 */
export function resolveConfig(config: CableLintConfig, relativePath: string, extra?: ReadonlyMap<string, RuleSetting>): ResolvedConfig {
  return combine(config, (i) => matchesGlob(relativePath, config.overrides[i].files, true), extra);
}

/** Defaults, then the file's rules, then the overrides `applies` picks by index, in order, then `extra`. */
function combine(config: CableLintConfig, applies: (index: number) => boolean, extra?: ReadonlyMap<string, RuleSetting>): ResolvedConfig {
  const rules = new Map<string, RuleSetting>();
  for (const rule of allRules) rules.set(rule.id, rule.defaultSeverity);
  for (const [id, s] of config.rules) rules.set(id, s);
  config.overrides.forEach((o, i) => {
    if (applies(i)) for (const [id, s] of o.rules) rules.set(id, s);
  });
  if (extra) for (const [id, s] of extra) rules.set(id, s);
  return { rules };
}

/**
 * {@link resolveConfig} for many files. A file's settings depend only on which overrides
 * match it, so each such combination is resolved once and the files that share it share
 * the result; without overrides every file gets {@link ConfigResolver.fixed}.
 */
export class ConfigResolver {
  /** The settings of every file when no override can apply; then no path is needed. */
  readonly fixed: ResolvedConfig | undefined;
  readonly #config: CableLintConfig;
  readonly #extra: ReadonlyMap<string, RuleSetting> | undefined;
  /** Settings by the matching overrides, one "0" or "1" per override. */
  readonly #byMatches = new Map<string, ResolvedConfig>();

  constructor(config: CableLintConfig, extra?: ReadonlyMap<string, RuleSetting>) {
    this.#config = config;
    this.#extra = extra;
    this.fixed = config.overrides.length === 0 ? combine(config, () => false, extra) : undefined;
  }

  /** The settings for one file; `relativePath` uses `/`. */
  resolve(relativePath: string): ResolvedConfig {
    if (this.fixed) return this.fixed;
    let key = '';
    for (const o of this.#config.overrides) key += matchesGlob(relativePath, o.files, true) ? '1' : '0';
    let resolved = this.#byMatches.get(key);
    if (!resolved) {
      resolved = combine(this.#config, (i) => key[i] === '1', this.#extra);
      this.#byMatches.set(key, resolved);
    }
    return resolved;
  }
}

/**
 * True when the file matches an `ignore` glob, or lies in a folder one matches: `drafts` (or `old/*`) leaves out the folder
 * `drafts` and everything under it, as ESLint's ignores and `.gitignore` do, besides a file of that name. As in ESLint, and
 * unlike `.gitignore`, a glob without `**` matches from the configuration's folder only, not at every depth.
 */
export function isIgnored(config: CableLintConfig, relativePath: string): boolean {
  return matchesGlob(relativePath, config.ignore, true, true);
}

/**
 * True when every file under the folder at `relativePath` is ignored ({@link isIgnored}), so that a walk need not enter it:
 * an `ignore` glob names the folder itself (`archive`, `archive/`, `archive/**`, `old/*` for `old/2009`), and then, as above,
 * each path under it. A negated glob (`!archive/*.cable`) is never taken for this: it may name a folder whose files it
 * does not name. The answer for a file is never changed by it; only folders whose every file `isIgnored` names are pruned.
 */
export function isIgnoredFolder(config: CableLintConfig, relativePath: string): boolean {
  // "" is the configuration's own folder, which no glob names as a whole.
  if (relativePath === '' || config.ignore.length === 0) return false;
  return matchesGlob(relativePath, config.ignore.filter((g) => !pathGlob(g).startsWith('!')), true, true);
}

/**
 * True for the name of a folder that `cablelint`'s walk and the workspace index's pass over by default: one whose name
 * starts with a dot (`.git`, `.vscode`, `.cache`) or `node_modules`, which hold tools' files and packages, not a
 * collection's cables. A folder given by name (a path on the command line, a workspace folder) is walked whatever its name.
 */
export function isPassedOverFolder(name: string): boolean {
  return name.charCodeAt(0) === 46 /* . */ || name === 'node_modules';
}

/**
 * Which of the folders {@link isPassedOverFolder} passes over `globs` name (the index's include globs): a glob with a
 * segment that starts with a dot (`.e2e/*.cable`, `drafts/.old/*.cable`, `{.drafts,drafts}/*.cable`, `[.]e2e/*.cable`) may take
 * a file under a dot-folder, which a glob matched without `dot` takes only so, and one that says `node_modules` a file
 * under such a folder. The reading is generous: a folder walked for nothing costs time, not a different answer.
 */
export function globsNamePassedOver(globs: readonly string[]): { dot: boolean; nodeModules: boolean } {
  return { dot: globs.some((g) => /(?:^|[/{,(|[\\])\./.test(g)), nodeModules: globs.some((g) => g.includes('node_modules')) };
}

/** Compiled globs, by `dot` flag (and whether they match folders' contents too, for `ignore`) and glob: `picomatch.isMatch` compiles its glob on every call, a dozen times the cost of matching. */
const compiledGlobs = [new Map<string, (path: string) => boolean>(), new Map<string, (path: string) => boolean>(), new Map<string, (path: string) => boolean>(), new Map<string, (path: string) => boolean>()];

/**
 * A glob as it is matched against a relative path: a leading `./` names the folder the path starts from
 * (`./drafts/**` is `drafts/**`; no relative path starts with `./`), and a trailing `/` names a folder,
 * all of whose files it means (`drafts/` is `drafts/**`, as in `.gitignore`; no file's path ends with `/`).
 */
function pathGlob(glob: string): string {
  let g = glob;
  while (g.startsWith('./')) g = g.slice(2);
  return g.endsWith('/') ? `${g}**` : g;
}

/**
 * True when `relativePath` (with `/` separators) matches one of `globs`; `dot` lets `*` match names that start with a dot,
 * and `folders` lets a glob match the files under a folder it matches (`drafts` as `drafts/**` too).
 */
export function matchesGlob(relativePath: string, globs: readonly string[], dot: boolean, folders = false): boolean {
  const cache = compiledGlobs[(dot ? 1 : 0) + (folders ? 2 : 0)];
  for (const glob of globs) {
    // "" matches no path; picomatch throws on it.
    if (glob.length === 0) continue;
    let matcher = cache.get(glob);
    if (!matcher) {
      // Settings and configurations name a handful of globs; the bound only guards against a runaway caller.
      if (cache.size > 1000) cache.clear();
      const g = pathGlob(glob);
      matcher = picomatch(folders && !g.endsWith('/**') ? [g, `${g}/**`] : g, { dot });
      cache.set(glob, matcher);
    }
    if (matcher(relativePath)) return true;
  }
  return false;
}
