/**
 * The workspace's closed cables read through the client, for a server that cannot read the folders itself (the web
 * worker, which has no file system, and a desktop server whose folder is virtual, `vscode-vfs:`): optional custom
 * requests that only a client offering them (`initializationOptions.listFiles: true`) is sent, so that other LSP
 * clients never need them.
 *
 * - `cable/listFiles` ({@link ListFilesParams}): the files under the folders that the include globs take, at most
 *   `maxResults` of them, answered with their URIs ({@link ListFilesResult}). The VS Code client uses
 *   `vscode.workspace.findFiles`, which leaves out what `files.exclude` names; the server applies the exclude globs again.
 * - `cable/readFiles` ({@link ReadFilesParams}): the texts of a batch of files, answered with one entry per URI, the
 *   text or null (missing, unreadable, or larger than `maxBytes`).
 *
 * A virtual file system may fetch each file over the network, so the reading is bounded (`cable.index.maxFilesReadThroughEditor`)
 * and done in batches of {@link READ_BATCH}, the server yielding between them so that requests are answered meanwhile.
 */
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';

/** `cable/listFiles`: the files the client is asked to list. */
export interface ListFilesParams {
  /** The folders' URIs, each listed under the include globs. */
  readonly folders: readonly string[];
  /** Globs of the files, matched against the path below a folder (`cable.index.include`). */
  readonly include: readonly string[];
  /** Globs of the files and folders left out (`cable.index.exclude`): the client may leave them out too, and the server does. */
  readonly exclude: readonly string[];
  /** How many URIs the answer may hold at most. */
  readonly maxResults: number;
}

/** The answer to `cable/listFiles`. */
export interface ListFilesResult {
  readonly uris: readonly string[];
}

/** `cable/readFiles`: the files whose texts the client is asked for. */
export interface ReadFilesParams {
  readonly uris: readonly string[];
  /** A file larger than this many bytes is answered with null. */
  readonly maxBytes: number;
}

/** The largest file the index reads, from disk or through the client (50 MB). */
export const MAX_FILE_BYTES = 50_000_000;

/** The files read through the client per `cable/readFiles` request. */
export const READ_BATCH = 50;

/** What a request through the client gave: its answer, or the reason there is none. */
export type ClientAnswer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * Sends the request `method` and resolves with its answer checked by `valid`, or with the reason there is none (an
 * error answer, or one of the wrong shape). When the client has not answered within `waitMs`, `late` is called once;
 * the answer is still taken when it comes, since a virtual file system may be slow to list a large repository.
 */
export async function askClient<T>(connection: Connection, method: string, params: object, valid: (answer: unknown) => answer is T, waitMs: number, late: () => void): Promise<ClientAnswer<T>> {
  const timer = setTimeout(late, waitMs);
  try {
    const answer: unknown = await connection.sendRequest(method, params);
    return valid(answer) ? { ok: true, value: answer } : { ok: false, reason: `the answer to ${method} is not one the server reads` };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether `answer` is a `cable/listFiles` answer. */
export function isListFilesResult(answer: unknown): answer is ListFilesResult {
  const uris = (answer as { uris?: unknown } | null)?.uris;
  return Array.isArray(uris) && uris.every((u) => typeof u === 'string');
}

/** Whether `answer` is a `cable/readFiles` answer for `count` files. */
export function readFilesAnswer(count: number): (answer: unknown) => answer is (string | null)[] {
  return (answer): answer is (string | null)[] => Array.isArray(answer) && answer.length === count && answer.every((t) => t === null || typeof t === 'string');
}

/**
 * The path of `uri` below the first of `roots` (folder URIs) that holds it, with `/`, or undefined: what the
 * `cable.index.*` and `.cablelint.jsonc` `overrides` globs match for a file under a folder read through the client.
 */
export function pathBelow(roots: readonly string[], uri: string): string | undefined {
  const u = URI.parse(uri);
  for (const root of roots) {
    const r = URI.parse(root);
    const prefix = r.path.replace(/\/*$/, '/');
    if (u.scheme === r.scheme && u.authority === r.authority && u.path.startsWith(prefix)) return u.path.slice(prefix.length);
  }
  return undefined;
}
