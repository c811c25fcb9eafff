/**
 * `cablelint`'s entry (`dist/cli.js`): it runs the command line's bundle (`dist/cli-main.js`, made from `cli.ts`) with
 * the V8 code cache the build made for it (`dist/cli-main.cache`), so that a run deserializes the bytecode of the
 * functions a lint runs instead of parsing and compiling them (bench/RESULTS.md, *Lint throughput*, session 38).
 *
 * The cache is used only when it is sound: V8 checks a cache against its source by length alone, so the cache file
 * keeps a copy of the bundle's bytes it was made from, which must equal the bundle's bytes now; and V8 checks its
 * payload's checksum only when asked (`--verify-snapshot-checksum`, set for the compile and cleared after it, as it
 * was when the cache was made). Anything else (no cache, another bundle, another Node or other V8 options, a damaged
 * file) and the bundle is compiled as Node would compile it, with the same result. The entry only reads: `dist/` may
 * be read-only. `cablelint`'s worker threads run this entry too, and so the bundle with the cache; since V8's options
 * are the process's, a worker sets and clears the checksum option under a lock the run's workers share (`codeCacheLock`
 * in their `workerData`), so that one clearing it never has V8 refuse another's cache.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { createRequire } from 'node:module';
import { V8_FLAGS } from './cli/v8Flags';
import { WORKER_ARG } from './cli/workerArg';

/** The bundle this entry runs, and its code cache, beside this file. */
export const BUNDLE = 'cli-main.js';
export const CODE_CACHE = 'cli-main.cache';

/** The cache file's first bytes; the header then holds the bundle's length and the V8 data's, each a 32-bit number. */
const MAGIC = Buffer.from('cablelint code cache 1\n', 'latin1');
const HEADER = MAGIC.length + 8;

/** The V8 option under which a cache is made and read: V8 then checks the payload's checksum. */
const CHECKSUM = '--verify-snapshot-checksum';

/** The CommonJS wrapper Node puts around a module, on the bundle's first line, so that its line numbers stay. */
const wrap = (source: string): string => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

/** The V8 data of `file` (a cache file's bytes) when it was made from `bundle` (the bundle's bytes) and is whole. */
export function cachedDataFor(file: Buffer, bundle: Buffer): Buffer | undefined {
  if (file.length < HEADER || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const sourceLength = file.readUInt32LE(MAGIC.length);
  const dataLength = file.readUInt32LE(MAGIC.length + 4);
  if (sourceLength !== bundle.length || file.length !== HEADER + sourceLength + dataLength || dataLength === 0) return undefined;
  if (!file.subarray(HEADER, HEADER + sourceLength).equals(bundle)) return undefined;
  return file.subarray(HEADER + sourceLength);
}

/**
 * The bundle's text. The build's bundle is ASCII (its regular expressions write `¶` and the curly quotes as `\u` escapes,
 * which a test keeps so), so its bytes are copied into a one-byte string; any other is decoded as UTF-8, which V8 does
 * in two passes over every byte after the first non-ASCII one (about 8 M instructions for this bundle: bench/RESULTS.md,
 * *Lint throughput*, session 44). Either way the text is the same.
 */
function sourceOf(bundle: Buffer): string {
  return process.getBuiltinModule('node:buffer').isAscii(bundle) ? bundle.toString('latin1') : bundle.toString('utf8');
}

/** Reads a file, or nothing when it cannot be read. */
function readOrNothing(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** In a worker thread of `cablelint`, the lock its run's workers share around the checksum option (`codeCacheLock`); else none. */
function workerLock(): Int32Array | undefined {
  // The main thread, which has no lock, never loads `worker_threads` for it.
  if (process.argv[2] !== WORKER_ARG) return undefined;
  const thread = process.getBuiltinModule('node:worker_threads');
  const shared = thread.isMainThread ? undefined : (thread.workerData as { codeCacheLock?: unknown } | undefined)?.codeCacheLock;
  return shared instanceof SharedArrayBuffer && shared.byteLength >= 4 ? new Int32Array(shared, 0, 1) : undefined;
}

/** What {@link start} ran: the compiled bundle (for {@link writeCodeCache}), its exports and whether V8 took the cache. */
export interface Started {
  readonly script: vm.Script;
  readonly bundle: Buffer;
  readonly exports: Record<string, unknown>;
  readonly cacheUsed: boolean;
}

/** Compiles the bundle beside this file, with its code cache when sound, and runs it as Node runs a CommonJS module. */
export function start(dir = __dirname): Started {
  const v8 = process.getBuiltinModule('node:v8');
  // V8 keeps in a cache the options it was made under, and refuses it under others: the run's option is set first.
  v8.setFlagsFromString(V8_FLAGS);
  const file = path.join(dir, BUNDLE);
  const bundle = fs.readFileSync(file);
  const cacheFile = readOrNothing(path.join(dir, CODE_CACHE));
  const cachedData = cacheFile && cachedDataFor(cacheFile, bundle);
  const lock = cachedData && workerLock();
  // Another worker compiling with the checksum option set clears it when done: this one waits for it, then takes its turn.
  if (lock) while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1);
  if (cachedData) v8.setFlagsFromString(CHECKSUM);
  let script: vm.Script;
  try {
    script = new vm.Script(wrap(sourceOf(bundle)), { filename: file, cachedData });
  } finally {
    // Cleared again, so that Node's own modules loaded later keep their caches.
    if (cachedData) v8.setFlagsFromString(`--no-${CHECKSUM.slice(2)}`);
    if (lock) {
      Atomics.store(lock, 0, 0);
      Atomics.notify(lock, 0, 1);
    }
  }
  const module = { exports: {} as Record<string, unknown> };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dir);
  return { script, bundle, exports: module.exports, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * Writes the code cache of a bundle {@link start} ran, for the build (scripts/cli-code-cache.mjs): V8's data for every
 * function compiled so far, after the bytes of the bundle it belongs to. Written to a temporary file and renamed.
 */
export function writeCodeCache(started: Started, dir = __dirname): void {
  const v8 = process.getBuiltinModule('node:v8');
  v8.setFlagsFromString(CHECKSUM);
  const data = started.script.createCachedData();
  v8.setFlagsFromString(`--no-${CHECKSUM.slice(2)}`);
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header);
  header.writeUInt32LE(started.bundle.length, MAGIC.length);
  header.writeUInt32LE(data.length, MAGIC.length + 4);
  const target = path.join(dir, CODE_CACHE);
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, Buffer.concat([header, started.bundle, data]));
  fs.renameSync(temporary, target);
}

if (require.main === module) start();
