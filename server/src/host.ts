/**
 * What the language server needs of its platform beyond the connection: a file system for `.cablelint.jsonc`, user
 * dictionaries and the workspace's closed cables, path functions, a digest, a way to yield, and a last-resort error
 * handler. `nodeHost.ts` gives Node's; `browserHost.ts` gives the web worker's, which has no file system. Nothing
 * here imports a Node module, so that the browser bundle may import it.
 */

/** An entry of a folder, as Node's `fs.Dirent` gives it: a symbolic link is neither a file nor a folder. */
export interface DirectoryEntry {
  readonly name: string;
  isFile(): boolean;
  isDirectory(): boolean;
}

/** What a file's status tells, as Node's `fs.Stats` gives it. */
export interface FileStatus {
  readonly size: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

/** A synchronous file system by platform paths; every method but `exists` throws for a missing or unreadable path. */
export interface HostFiles {
  exists(path: string): boolean;
  /** The file's text, read as UTF-8. */
  readText(path: string): string;
  stat(path: string): FileStatus;
  readDirectory(path: string): readonly DirectoryEntry[];
}

/** The path functions the server uses, as Node's `path` module has them. */
export interface HostPath {
  readonly sep: string;
  join(...parts: string[]): string;
  relative(from: string, to: string): string;
  resolve(...parts: string[]): string;
  basename(path: string): string;
  dirname(path: string): string;
}

/** The platform the language server runs on. */
export interface ServerHost {
  /** The file system, or undefined where there is none: the server then reads no workspace folder. */
  readonly files: HostFiles | undefined;
  readonly path: HostPath;
  /** A short digest of `text`, to tell whether what was sent for a file has changed. */
  digest(text: string): string;
  /** Resolves after the requests and notifications waiting have been handled. */
  yieldNow(): Promise<void>;
  /** Calls `handler` with an error nothing else caught, so that the server stays up. */
  onUncaughtError(handler: (error: Error) => void): void;
  /** What the server cannot do on this host, written to the output once it has started; undefined where it can do everything. */
  readonly limitations?: string;
}

/**
 * Whether two values made of JSON's kinds (objects, arrays, strings, numbers, booleans, null) and `undefined` are
 * equal: the same kinds, the same keys, and equal values under each, as Node's `isDeepStrictEqual` compares them.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key) || !jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
