/**
 * The workspace's files read for the language server where it cannot read them itself: in the browser (the server in a
 * web worker has no file system) and for a virtual folder on the desktop (`vscode-vfs:`, which a Node server cannot
 * open). The server asks only a client that offers it ({@link INITIALIZATION_OPTIONS}); both entries offer it, with
 * the same handlers. Nothing here imports a Node module.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

/**
 * What the client offers in `initializationOptions`: it reads files (`cable/readFile`) and lists and reads cable files
 * (`cable/listFiles`, `cable/readFiles`); and, not about files, VS Code runs `editor.action.triggerSuggest` as a completion
 * item's command (`suggestAgain`), by which a field's keyword opens the list of its values once accepted, and the client
 * has `cable.showCitingCables` (`showCitingCables`), which the banner's code lens runs to list the citing cables in the
 * references view, where another client runs the server's command.
 */
export const INITIALIZATION_OPTIONS = { readFiles: true, listFiles: true, suggestAgain: true, showCitingCables: true } as const;

/** The workspace folder `uri` names, or undefined: the client reads nothing outside the workspace's folders. */
function workspaceFolderOf(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.getWorkspaceFolder(uri);
}

/**
 * `cable/readFile`: the text of a file in a workspace folder, read with `vscode.workspace.fs` (github.dev's virtual file
 * system included), or null for a file outside every workspace folder, missing or unreadable.
 */
async function readWorkspaceFile(params: { uri?: unknown }): Promise<string | null> {
  if (typeof params?.uri !== 'string') return null;
  return readText(vscode.Uri.parse(params.uri), Infinity);
}

/** The text of the file at `uri` in a workspace folder, or null: outside every folder, missing, unreadable, or larger than `maxBytes`. */
async function readText(uri: vscode.Uri, maxBytes: number): Promise<string | null> {
  if (!workspaceFolderOf(uri)) return null;
  try {
    if (Number.isFinite(maxBytes) && (await vscode.workspace.fs.stat(uri)).size > maxBytes) return null;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return null;
  }
}

/**
 * `cable/readFiles`: the texts of a batch of files (server/src/workspace/clientFiles.ts), read at once, one entry per URI
 * in order: the text, or null as for `cable/readFile`, and for a file larger than `maxBytes`.
 */
async function readWorkspaceFiles(params: { uris?: unknown; maxBytes?: unknown }): Promise<(string | null)[]> {
  const uris = Array.isArray(params?.uris) ? params.uris : [];
  const maxBytes = typeof params?.maxBytes === 'number' ? params.maxBytes : Infinity;
  return Promise.all(uris.map((u) => (typeof u === 'string' ? readText(vscode.Uri.parse(u), maxBytes) : null)));
}

/**
 * One glob of `globs`, or undefined where a brace group cannot hold them (a glob with its own braces or commas). VS Code's
 * globs take `{a,b}` alternatives, not nested ones.
 */
function anyOf(globs: readonly string[]): string | undefined {
  if (globs.length === 0 || globs.some((g) => /[{},]/.test(g))) return undefined;
  return globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
}

/**
 * `cable/listFiles`: the URIs of the files under the given workspace folders that the include globs take, found with
 * `vscode.workspace.findFiles` (a virtual file system's search included), at most `maxResults`. What `files.exclude`
 * names is left out, as the Explorer leaves it out, and so is what the server's exclude globs name, when they and
 * `files.exclude` make one glob; the server applies its exclude globs again either way.
 */
async function listWorkspaceFiles(params: { folders?: unknown; include?: unknown; exclude?: unknown; maxResults?: unknown }): Promise<{ uris: string[] }> {
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const max = typeof params?.maxResults === 'number' && params.maxResults > 0 ? Math.floor(params.maxResults) : 0;
  const found = new Set<string>();
  for (const folderUri of strings(params?.folders)) {
    const folder = workspaceFolderOf(vscode.Uri.parse(folderUri));
    if (!folder) continue;
    // An exclude glob given to findFiles stands in for `files.exclude`, which is then added to it.
    const filesExclude = Object.entries(vscode.workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude') ?? {})
      .filter(([, on]) => on === true)
      .map(([glob]) => glob);
    const joined = anyOf([...filesExclude, ...strings(params?.exclude)]);
    const exclude = joined === undefined ? undefined : new vscode.RelativePattern(folder, joined);
    for (const glob of strings(params?.include)) {
      if (found.size >= max) break;
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude, max - found.size)) found.add(uri.toString());
    }
  }
  return { uris: [...found].slice(0, max) };
}

/** Answers the server's requests for the workspace's files on `client` (both entries call it before the client starts). */
export function serveWorkspaceFiles(client: BaseLanguageClient): void {
  client.onRequest('cable/readFile', readWorkspaceFile);
  client.onRequest('cable/readFiles', readWorkspaceFiles);
  client.onRequest('cable/listFiles', listWorkspaceFiles);
}
