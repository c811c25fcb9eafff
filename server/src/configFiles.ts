/**
 * Where a file's `.cablelint.jsonc` is: the nearest one at or above the file's folder, as markdownlint-cli2 reads one per
 * folder and the nearest wins (a configuration is never merged with one above it). The language server and `cablelint`
 * share this search; each passes its own file system and says where the search stops. Nothing here imports a Node module,
 * so that the browser bundle may import it.
 */

/** The names a configuration file may have, in the order they are looked for in one folder. */
export const CONFIG_NAMES = ['.cablelint.jsonc', '.cablelint.json'] as const;

/** What the search needs of a file system and its paths. */
export interface ConfigSearchHost {
  /** True when a file (or anything) is at `path`. */
  exists(path: string): boolean;
  join(folder: string, name: string): string;
  dirname(path: string): string;
}

/**
 * The nearest configuration file at or above a folder, each folder looked at once: the answer for a folder is kept, and a
 * folder's parent is asked only when the folder has none, so that a walk over thousands of files in a few folders looks
 * for the two names in each folder once, not once per file and ancestor. {@link NearestConfig.clear} forgets every
 * answer (a configuration file created or deleted, a workspace folder added or removed).
 */
export class NearestConfig {
  readonly #host: ConfigSearchHost;
  readonly #stopsAt: (folder: string) => boolean;
  /** The configuration file's path by folder; null where none is at or above the folder (up to where the search stops). */
  readonly #byFolder = new Map<string, string | null>();

  /**
   * `stopsAt` says whether the search goes no higher than `folder` (looked at itself): a workspace folder's root in the
   * editor; the file system's root, where a folder is its own parent, always stops it.
   */
  constructor(host: ConfigSearchHost, stopsAt: (folder: string) => boolean = () => false) {
    this.#host = host;
    this.#stopsAt = stopsAt;
  }

  /** The path of the nearest configuration file at or above the absolute folder `folder`; undefined when there is none. */
  find(folder: string): string | undefined {
    const path: string[] = [];
    let found: string | null | undefined;
    for (let dir = folder; ; ) {
      found = this.#byFolder.get(dir);
      if (found !== undefined) break;
      path.push(dir);
      found = null;
      for (const name of CONFIG_NAMES) {
        const candidate = this.#host.join(dir, name);
        if (this.#host.exists(candidate)) {
          found = candidate;
          break;
        }
      }
      if (found !== null || this.#stopsAt(dir)) break;
      const parent = this.#host.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    // Every folder walked through shares the answer of the first that had one (or of the top, null).
    for (const dir of path) this.#byFolder.set(dir, found);
    return found ?? undefined;
  }

  /** Forgets every answer: the next {@link NearestConfig.find} looks at the folders again. */
  clear(): void {
    this.#byFolder.clear();
  }
}

/** True when `path` is a configuration file's (`.cablelint.jsonc` or `.cablelint.json`), by its last name. */
export function isConfigFile(path: string): boolean {
  return /(?:^|[\\/])\.cablelint\.jsonc?$/.test(path);
}
