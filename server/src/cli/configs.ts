/**
 * The configurations of a `cablelint` run: each file takes the nearest `.cablelint.jsonc` (or `.json`) at or above its
 * folder, as the editor does below a workspace folder (as markdownlint-cli2 reads one per folder: the nearest wins, never
 * merged with one above it); a file with none above it takes the nearest one at or above the current directory, and
 * `--config FILE` names one for every file. Each configuration file is read, parsed and has its user dictionaries read
 * once per run, and the search looks at each folder once ({@link NearestConfig}).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver, DEFAULT_CONFIG, parseConfig, type CableLintConfig } from '../core/config';
import type { RuleSetting } from '../core/rules/types';
import { loadUserDictionaries } from '../core/userDictionary';
import { NearestConfig } from '../configFiles';
import { relativePaths, type InputFile } from './files';
import { runMessage, type RunMessage } from './messages';

/** A configuration some of a run's files take, with what the run works out from it once. */
export interface RunConfig {
  /** Its place in {@link RunConfigs.all}, which a worker thread is handed: a file's job names its configuration by it. */
  readonly index: number;
  readonly config: CableLintConfig;
  /** The configuration with `--ignore`'s globs added to its own. */
  readonly ignoreConfig: CableLintConfig;
  /** The TAG codes of its user dictionaries, which the rules count as known. */
  readonly userTags: readonly string[];
  readonly userTagSet: ReadonlySet<string>;
  /** The settings of each file, `cable.rules`' command-line counterpart (`--rule`) last. */
  readonly resolver: ConfigResolver;
  /** The path its globs see, from its file's folder; undefined when it has no globs (nor `--ignore`). */
  readonly pathForGlobs?: (input: InputFile) => string;
}

/** What {@link RunConfigs} takes from the command line. */
export interface RunConfigOptions {
  /** `--config FILE`: one configuration for every file. */
  readonly config?: string;
  /** `--ignore`'s globs. */
  readonly ignore: readonly string[];
  /** `--rule`'s settings. */
  readonly rules: ReadonlyMap<string, RuleSetting>;
}

/** The configurations of one run, each read once, found for each folder once. */
export class RunConfigs {
  /** Every configuration read so far, in the order first taken. */
  readonly all: RunConfig[] = [];
  readonly #options: RunConfigOptions;
  readonly #errors: RunMessage[];
  readonly #cwd: string;
  readonly #shownPath: (input: InputFile) => string;
  readonly #nearest = new NearestConfig({ exists: (p) => fs.existsSync(p), join: (a, b) => path.join(a, b), dirname: (p) => path.dirname(p) });
  /** Each configuration file's, by its path; `''` for the defaults. */
  readonly #byFile = new Map<string, RunConfig>();
  /** The configuration of each folder a file was found in, by the folder's path as the walk joined it. */
  readonly #byDir = new Map<string, RunConfig>();
  /** `--config`'s, or the current directory's: the one a file with none above it takes. */
  #fallback: RunConfig | undefined;

  constructor(options: RunConfigOptions, errors: RunMessage[], cwd: string, shownPath: (input: InputFile) => string) {
    this.#options = options;
    this.#errors = errors;
    this.#cwd = cwd;
    this.#shownPath = shownPath;
  }

  /** The configuration the files in the absolute folder `folder` take. */
  forFolder(folder: string): RunConfig {
    if (this.#options.config !== undefined) return this.#fallbackConfig();
    const file = this.#nearest.find(folder);
    return file === undefined ? this.#fallbackConfig() : this.#load(file);
  }

  /** The configuration the file `input` takes: its folder's. */
  forInput(input: InputFile): RunConfig {
    if (input.dir === undefined) return this.forFolder(path.dirname(path.resolve(input.file)));
    return this.forDir(input.dir);
  }

  /** The configuration of the files in the folder `dir`, by its path as given or as the walk joined it. */
  forDir(dir: string): RunConfig {
    let found = this.#byDir.get(dir);
    if (!found) {
      found = this.forFolder(path.resolve(dir));
      this.#byDir.set(dir, found);
    }
    return found;
  }

  /** `--config`'s configuration, or the nearest at or above the current directory, or the defaults. */
  #fallbackConfig(): RunConfig {
    this.#fallback ??= this.#load(this.#options.config ?? this.#nearest.find(this.#cwd));
    return this.#fallback;
  }

  /** The configuration of `file` (the defaults for none), read the first time it is asked for; its problems are the run's messages. */
  #load(file: string | undefined): RunConfig {
    const known = this.#byFile.get(file ?? '');
    if (known) return known;
    let config = DEFAULT_CONFIG;
    let root = this.#cwd;
    if (file !== undefined) {
      try {
        const parsed = parseConfig(fs.readFileSync(file, 'utf8'), file);
        this.#errors.push(...parsed.errors.map((e) => runMessage(e.message)));
        config = parsed.config;
        root = path.dirname(path.resolve(file));
      } catch (e) {
        this.#errors.push(runMessage(`${file}: cannot read configuration (${(e as NodeJS.ErrnoException).code ?? String(e)})`));
      }
    }
    const problems: string[] = [];
    const userTags = loadUserDictionaries(config.dictionaries, (rel) => fs.readFileSync(path.resolve(root, rel), 'utf8'), problems).flatMap((d) => d.tags.map((t) => t.code));
    this.#errors.push(...problems.map(runMessage));
    const ignoreConfig: CableLintConfig = { ...config, ignore: [...config.ignore, ...this.#options.ignore] };
    // Globs see paths from the configuration's folder; without globs no such path is worked out.
    const hasGlobs = ignoreConfig.ignore.length > 0 || config.overrides.length > 0;
    const pathForGlobs = !hasGlobs ? undefined : root === this.#cwd ? this.#shownPath : relativePaths(root);
    const entry: RunConfig = { index: this.all.length, config, ignoreConfig, userTags, userTagSet: new Set(userTags), resolver: new ConfigResolver(config, this.#options.rules), pathForGlobs };
    this.all.push(entry);
    this.#byFile.set(file ?? '', entry);
    return entry;
  }
}
