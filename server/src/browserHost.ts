/**
 * The language server's host in a web worker (vscode.dev, github.dev, a web extension host): no file system, so the
 * server walks no workspace folder and works on the documents the client opens (it may ask the client for its
 * configuration files, `cable/readFile`, and for the closed cables, `workspace/clientFiles.ts`); POSIX path functions (path-browserify), a small
 * string hash for the digest, and a zero-delay timer to yield. Nothing here may import a Node module (a test reads the
 * bundle for them).
 */
import posix from 'path-browserify';
import type { HostPath, ServerHost } from './host';

/**
 * POSIX path functions, path-browserify's (Node's own, ported): the paths a worker sees are URI paths, separated by `/`.
 * Its `resolve` asks `process.cwd()` for a relative path with no absolute one before it, which the server never gives
 * (it resolves against a workspace root, itself absolute).
 */
const posixPath: HostPath = {
  sep: posix.sep,
  join: posix.join,
  resolve: posix.resolve,
  relative: posix.relative,
  // vscode-uri writes a Windows browser's fsPath with backslashes (`c:\\cables\\09PARIS1.txt`): either separator ends a name.
  basename: (path) => posix.basename(path.replace(/\\/g, '/')),
  dirname: posix.dirname,
};

/** A 53-bit hash of `text` (cyrb53, public domain), in base 36. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** What a worker's global scope offers the host: its error events. */
interface WorkerScope {
  addEventListener(type: 'error', listener: (event: { error?: unknown; message?: string; preventDefault(): void }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: { reason?: unknown; preventDefault(): void }) => void): void;
}

/** An Error for what was thrown or rejected, which need not be one. */
function asError(value: unknown, fallback: string): Error {
  return value instanceof Error ? value : new Error(value === undefined ? fallback : String(value));
}

/** The web worker's host, for `browserServer.ts`; `scope` is the worker's global scope (`self`). */
export function browserHost(scope: WorkerScope): ServerHost {
  return {
    files: undefined,
    path: posixPath,
    digest: hash53,
    yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
    onUncaughtError: (handler) => {
      // The worker stays up after an error anyway; the page is not told of it, the output is.
      scope.addEventListener('error', (event) => {
        event.preventDefault();
        handler(asError(event.error, event.message ?? 'error'));
      });
      scope.addEventListener('unhandledrejection', (event) => {
        event.preventDefault();
        handler(asError(event.reason, 'unhandled rejection'));
      });
    },
    limitations:
      'Running in the browser: the server has no file system. Closed cables, `.cablelint.jsonc` and user dictionaries are read through the editor where it offers to (the VS Code extension does): at most `cable.index.maxFilesReadThroughEditor` cable files (2000 by default), each fetched by the editor; elsewhere the default rules and dictionaries apply, and workspace symbols, REF links, citing-cable lenses, the Cables view, the metadata export and `cable.validate.scope: "workspace"` know the open cables only. "Disable rule in this file" edits or creates `.cablelint.jsonc` through the editor where it reads files for the server, and is not offered elsewhere.',
  };
}

/** @internal The path functions, for the unit tests. */
export const _posixPath = posixPath;
