/**
 * The files `cablelint` reads: the paths given, with directories walked in name order,
 * and one file read as text. Each problem becomes one message and never stops the run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isPassedOverFolder } from '../core/config';
import { fileNameKind } from '../core/id';
import { looksBinary } from '../core/text';
import { fileMessage, type RunMessage } from './messages';
import { waitBriefly } from './output';

/** Files larger than this are reported and skipped. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A file to read: given on the command line, or found in the directory `dir` as `name`. */
export interface InputFile {
  /** The path as given or as the walk joined it; messages name the file by it. */
  readonly file: string;
  /** The walked directory the file was found in. */
  readonly dir?: string;
  /** The file's name in {@link InputFile.dir}. */
  readonly name?: string;
  /**
   * Found by a directory walk under a name a cable need not have (`000_4e0f1644.txt`): the
   * file is taken only when its text reads as a cable (`readsAsCable`), and left alone
   * without a message otherwise.
   */
  readonly ifCable?: boolean;
}

/**
 * The files under `paths`, one at a time as the walk finds them: files as given, directories walked for cable files
 * (`fileNameKind`), in name order, each directory read when the walk comes to it, so that a run can lint the first file
 * before the walk has gone further and holds no list of the collection's files.
 * A file reached twice (a folder given twice, a folder and its subfolder, a file given alone and in its folder, a file
 * and a symbolic link to it) is taken once, under the name it was first reached by, so that no record or finding is
 * counted twice: files are told apart by their real paths (two hard links to one file are two files, as they always were).
 * What tells them apart is kept per folder, not per file ({@link Reached}): a file found as a folder's entry can be
 * reached again only through its folder (which is walked once) or through a link or a path given, which are few.
 * Symbolic links to folders are not walked, so a link loop cannot hold the walk; links to files are read.
 * A walk takes regular files only: a FIFO or a device named like a cable would hold the run or read forever
 * (ripgrep's walk passes them over too); one given by name is read, as `cablelint <(zcat x.cable.gz)` asks.
 * A folder `skipFolder` names (by its path as given or joined: every file under it is ignored) is never read, so that an
 * ignored archive of any size costs nothing and an unreadable folder inside it is no error.
 */
export function* walkFiles(paths: readonly string[], errors: RunMessage[], skipFolder?: (dir: string) => boolean): Generator<InputFile, void, undefined> {
  const reached = new Reached();
  // One generator walks every folder, where a generator a folder, each delegating to the next (`yield*`), resumed every
  // generator down the path for each file. The folder being walked is `folder`, with what each entry reads of it in
  // variables; the folders it is under wait on `above` (none in a flat folder), each at the subfolder the walk is in.
  // `entries` is empty and `folder` undefined before the first path given and after a file given.
  const above: WalkedFolder[] = [];
  let folder: WalkedFolder | undefined;
  let entries: readonly fs.Dirent[] = [];
  let next = 0;
  let dir = '';
  let prefix = '';
  let absolutePrefix = '';
  let given = 0;
  // Whether a path given is left, kept in a variable: `given < paths.length` read where the walk ends would be met there
  // first (the start runs before the function keeps what it meets) and throw the optimized code away.
  let more = paths.length > 0;
  // Every turn of the walk (into a subfolder, back up, to the next path given) ends in the same lines, which each return
  // from a subfolder runs, so that the walk's end meets nothing it has not met since it began to keep what it meets: a
  // line met first in optimized code throws that code away.
  for (;;) {
    let to: WalkedFolder | undefined;
    if (next < entries.length) {
      const i = next++;
      const e = entries[i];
      folder!.at = i;
      // Dot-folders and `node_modules` are passed over, as the workspace index passes them over; so are dot-files (`.09PARIS708.txt.swp`).
      if (isPassedOverFolder(e.name)) continue;
      if (e.isDirectory()) {
        // Walked to its end before the entries after it.
        to = readFolder(prefix + e.name, absolutePrefix + e.name, reached, errors, skipFolder);
        if (to === undefined) continue;
        above.push(folder!);
      } else {
        // `*.cable` and canonical-id names are taken; other `.txt` files if their text reads as a cable.
        const kind = fileNameKind(e.name);
        if (kind === undefined) continue;
        if (e.isSymbolicLink()) {
          // A link is known by the file it leads to, so that the file and the link give one result; a broken link is read, and said to be missing.
          const target = realFile(absolutePrefix + e.name);
          if (target === null || !reached.takeOther(target ?? absolutePrefix + e.name)) continue;
        } else if (!e.isFile() || !reached.takeEntry(absolutePrefix, e.name)) continue;
        if (kind === 'cable') yield { file: prefix + e.name, dir, name: e.name };
        else yield { file: prefix + e.name, dir, name: e.name, ifCable: true };
        continue;
      }
    } else {
      // The folder is walked to its end (or none is open: the walk's start, or after a file given).
      reached.close(folder);
      folder = undefined;
      to = above.pop();
      if (to === undefined) {
        if (!more) return;
        const p = paths[given++];
        more = given < paths.length;
        let stat: fs.Stats;
        try {
          stat = fs.statSync(p);
        } catch (e) {
          errors.push(fileMessage(p, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String(e)));
          continue;
        }
        if (!stat.isDirectory()) {
          if (reached.takeOther(realPath(p), stat.isFile())) yield { file: p };
          continue;
        }
        to = readFolder(p, realPath(p), reached, errors, skipFolder);
        if (to === undefined) continue;
      }
    }
    folder = to;
    ({ entries, dir, prefix, absolutePrefix } = to);
    next = to.at + 1;
  }
}

/**
 * The folder `dir` (real path `absolute`) read and sorted, open in `reached`; undefined when it is not walked: met
 * before, skipped (`skipFolder`), or unreadable (with a message).
 */
function readFolder(dir: string, absolute: string, reached: Reached, errors: RunMessage[], skipFolder: ((dir: string) => boolean) | undefined): WalkedFolder | undefined {
  // Met before it is skipped: the same folder reached again by another name (a link given) is skipped too, as its files were ignored.
  if (!reached.enter(absolute) || skipFolder?.(dir)) return undefined;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    errors.push(fileMessage(dir, `cannot read directory (${(e as NodeJS.ErrnoException).code ?? String(e)})`));
    return undefined;
  }
  entries.sort((a, b) => compareNames(a.name, b.name));
  // A name is one segment, so `path.join(dir, name)` is the joined directory followed by the name.
  const folder = { entries, at: -1, dir, absolute, prefix: path.join(dir, '_').slice(0, -1), absolutePrefix: path.join(absolute, '_').slice(0, -1) };
  reached.open(folder);
  return folder;
}

/** A folder being walked: its sorted entries and the place of the entry the walk is at, as {@link Reached} keeps it too. */
interface WalkedFolder {
  readonly entries: readonly fs.Dirent[];
  /** The place in {@link WalkedFolder.entries} of the entry the walk is at (a subfolder, while it is walked); -1 before the first. */
  at: number;
  /** The folder's path as given or joined, and its real path. */
  readonly dir: string;
  readonly absolute: string;
  /** {@link WalkedFolder.dir} and {@link WalkedFolder.absolute} each followed by a separator. */
  readonly prefix: string;
  readonly absolutePrefix: string;
}

/**
 * What a walk has reached, to take each file once by its real path while keeping one record per folder, not per file.
 *
 * Why that is enough: a regular file found as an entry of a walked folder has the real path `R/name`, R being the
 * folder's real path (a walked subfolder is an entry, not a link, so the walk's joined absolute paths are real). It can
 * be reached another way only (a) as an entry of the same real folder, which the walk enters once ({@link Reached.enter}),
 * (b) through a walked link to it, or (c) as a path given. Links and given files are kept by their targets' real paths
 * in a set of their own ({@link Reached.takeOther}), which an entry found later looks in ({@link Reached.takeEntry}); a
 * link or given file met later asks whether the walk already took the entry: its folder was read, the entry's name is
 * one the walk takes, and the walk went past it (the folder is done, or the entry sorts before the one the walk is at: a
 * subfolder it is in, or the link met). A folder being walked keeps its sorted entries (the walk holds them anyway) and its place; a finished one, only
 * its real path.
 */
class Reached {
  /** Folders met, by real path: their entries and place while walked, `true` once walked, `false` when not read (skipped or unreadable). */
  readonly #folders = new Map<string, WalkedFolder | boolean>();
  /** Real paths of the files taken through links or as given. */
  readonly #others = new Set<string>();

  /** True the first time the folder `absolute` is met. */
  enter(absolute: string): boolean {
    if (this.#folders.has(absolute)) return false;
    this.#folders.set(absolute, false);
    return true;
  }

  /** The folder is read: its sorted entries, and the place of the entry the walk is at (set by the walk). */
  open(folder: WalkedFolder): void {
    this.#folders.set(folder.absolute, folder);
  }

  /** The folder is walked to its end; none when undefined (the walk is between the paths given). */
  close(folder: WalkedFolder | undefined): void {
    if (folder !== undefined) this.#folders.set(folder.absolute, true);
  }

  /** True when the regular file `name`, an entry of the walked folder `absolutePrefix` (its real path and a separator), is met first. */
  takeEntry(absolutePrefix: string, name: string): boolean {
    return this.#others.size === 0 || !this.#others.has(absolutePrefix + name);
  }

  /** True when the file with the real path `real` (a link's target or a path given; `regular` when a regular file) is met first. */
  takeOther(real: string, regular = true): boolean {
    if (this.#others.has(real) || (regular && this.#walkedPast(real))) return false;
    this.#others.add(real);
    return true;
  }

  /** True when the walk took the regular file `real` as an entry of its folder. */
  #walkedPast(real: string): boolean {
    const folder = this.#folders.get(path.dirname(real));
    if (folder === undefined || folder === false) return false;
    const name = path.basename(real);
    if (isPassedOverFolder(name) || fileNameKind(name) === undefined) return false;
    if (folder === true) return true;
    for (let i = 0; i < folder.at; i++) if (folder.entries[i].name === name) return folder.entries[i].isFile();
    return false;
  }
}

/** `p`'s real path (links and `..` resolved), or its absolute path when it cannot be resolved. */
function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * The real path of the file a walked link leads to; null when it leads to a folder (not walked) or to no regular file,
 * undefined when it leads nowhere (a broken link, read and said to be missing).
 */
function realFile(link: string): string | null | undefined {
  try {
    const real = fs.realpathSync(link);
    return fs.statSync(real).isFile() ? real : null;
  } catch {
    return undefined;
  }
}

/** `file`'s path relative to `base`, with `/`. */
function relativePath(base: string, file: string): string {
  return path.relative(base, path.resolve(file)).split(path.sep).join('/');
}

/**
 * {@link relativePath} for many files: a walked directory's path is worked out once and
 * its files' names are appended. A file, unlike a directory, can never contain `base`.
 */
export function relativePaths(base: string): (input: InputFile) => string {
  const dirs = new Map<string, string>();
  return (input) => {
    if (input.dir === undefined || input.name === undefined) return relativePath(base, input.file);
    let dir = dirs.get(input.dir);
    if (dir === undefined) {
      dir = relativePath(base, input.dir);
      dirs.set(input.dir, dir);
    }
    return dir === '' ? input.name : `${dir}/${input.name}`;
  };
}

/**
 * Reads a file as text; undefined with a message for binary, empty, huge or unreadable files.
 * A file the walk takes only if it reads as a cable (`ifCable`) is passed over without a
 * message when it is binary, empty or huge, since it need not be a cable at all; that it
 * cannot be read is still said.
 */
export function readText(file: string, errors: RunMessage[], ifCable = false): { text: string; bom: boolean } | undefined {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      errors.push(fileMessage(file, 'is a directory'));
      return undefined;
    }
    if (stat.size > MAX_FILE_BYTES) {
      if (!ifCable) errors.push(fileMessage(file, `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, skipped`));
      return undefined;
    }
    // Node decodes UTF-8 files in one native call; reading a Buffer first and decoding it costs more.
    // The decoded text keeps what the bytes say: a NUL byte is U+0000, the BOM's three bytes are U+FEFF.
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    errors.push(fileMessage(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`));
    return undefined;
  }
  if (text.length === 0) {
    if (!ifCable) errors.push(fileMessage(file, 'empty file'));
    return undefined;
  }
  return checkText(file, text, errors, ifCable);
}

/**
 * A file's decoded text as the linter takes it, with the byte-order mark set apart; undefined with
 * a message for a binary text (one that holds a NUL character), without one when `ifCable`.
 * `cablelint --stdin` passes the text it was piped through here too, so that it reads as a file would.
 */
export function checkText(name: string, text: string, errors: RunMessage[], ifCable = false): { text: string; bom: boolean } | undefined {
  if (looksBinary(text)) {
    if (!ifCable) errors.push(fileMessage(name, 'binary file (contains NUL bytes), skipped'));
    return undefined;
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}

/**
 * Everything piped into standard input, as bytes; undefined with a message when it cannot be read.
 * A pipe another process made non-blocking is waited on, as the output waits on a full one.
 */
export function readStdin(errors: RunMessage[]): Buffer | undefined {
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        waitBriefly();
        continue;
      }
      // A closed standard input (started with "<&-") has nothing to read.
      if (code === 'EOF' || code === 'EBADF') break;
      errors.push(fileMessage('standard input', `cannot be read (${code ?? String(e)})`));
      return undefined;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

/**
 * True when {@link compareNames} may order names itself. `localeCompare` starts ICU's
 * collator on its first call, which takes longer than linting a dozen cables. Its locale
 * is the first of LC_ALL, LC_MESSAGES and LANG that is set (on Windows, the system's);
 * English and the C locale order `-`, `.`, digits and ASCII letters as the root collation does.
 * A Node built without ICU compares by other rules, so it always asks `localeCompare`.
 */
const ROOT_COLLATION =
  typeof Intl === 'object' && process.platform !== 'win32' && /^(?:|C|POSIX|en)(?:[._@-].*)?$/.test(process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG ?? '');

/**
 * A character's place in the root collation, for `-`, `.`, digits and ASCII letters:
 * punctuation, then digits, then letters with case left for later; -1 for other characters.
 */
function rootRank(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e) return c;
  return -1;
}

/**
 * Orders names exactly as `a.localeCompare(b)` does. After a common ASCII start, the first
 * differing characters decide when both have distinct ranks, and a name that is the other's
 * start comes first when the rest has ranks; everything else (case, other characters,
 * other locales) is left to `localeCompare`.
 */
export function compareNames(a: string, b: string): number {
  if (ROOT_COLLATION) {
    const n = Math.min(a.length, b.length);
    let i = 0;
    while (i < n && a.charCodeAt(i) === b.charCodeAt(i) && a.charCodeAt(i) < 0x80) i++;
    if (i < n) {
      const ra = rootRank(a.charCodeAt(i));
      const rb = rootRank(b.charCodeAt(i));
      if (ra >= 0 && rb >= 0 && ra !== rb) return ra < rb ? -1 : 1;
    } else if (a.length !== b.length) {
      const longer = a.length > b.length ? a : b;
      let ranked = true;
      for (let k = n; k < longer.length && ranked; k++) ranked = rootRank(longer.charCodeAt(k)) >= 0;
      if (ranked) return a.length < b.length ? -1 : 1;
    }
  }
  return a.localeCompare(b);
}
