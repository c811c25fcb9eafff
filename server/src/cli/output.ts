/**
 * What `cablelint` prints, written to file descriptors 1 and 2 with `fs.writeSync`.
 * `process.stdout` on a pipe loads Node's stream and socket modules, which takes longer
 * than linting a few dozen cables; a synchronous write also keeps everything in order.
 */
import * as fs from 'node:fs';

/** Text gathered before it is written: one system call per record would cost more than the record. */
const CHUNK = 1 << 16;

/** The output on one file descriptor, gathered into large writes. */
export class Output {
  readonly #fd: number;
  /** Output flushed before this one's, so that both keep their order on a shared terminal or file. */
  readonly #first: Output | undefined;
  #pending = '';
  /** Set once the reader has gone (EPIPE): the rest is dropped, as nobody can read it. */
  #closed = false;

  constructor(fd: number, first?: Output) {
    this.#fd = fd;
    this.#first = first;
  }

  /** Adds text, writing it out once enough has gathered. */
  write(text: string): void {
    this.#pending += text;
    if (this.#pending.length >= CHUNK) this.flush();
  }

  /** Writes out everything gathered. Fails only on errors other than a full or closed pipe. */
  flush(): void {
    this.#first?.flush();
    const text = this.#pending;
    this.#pending = '';
    if (text === '' || this.#closed) return;
    if (process.platform === 'win32') {
      // The console takes UTF-16 there, which Node's own streams convert to.
      (this.#fd === 2 ? process.stderr : process.stdout).write(text);
      return;
    }
    this.#writeAll(Buffer.from(text, 'utf8'));
  }

  /**
   * Writes bytes as they are, after everything gathered: `--stdin --fix` gives back the text it
   * was piped unchanged, byte for byte, when no fix applies, whatever its encoding.
   */
  writeBytes(bytes: Uint8Array): void {
    this.flush();
    if (bytes.length === 0 || this.#closed) return;
    if (process.platform === 'win32') {
      (this.#fd === 2 ? process.stderr : process.stdout).write(bytes);
      return;
    }
    this.#writeAll(bytes);
  }

  /** Writes all of `bytes`, waiting on a full pipe and dropping the rest once the reader has gone. */
  #writeAll(bytes: Uint8Array): void {
    for (let offset = 0; offset < bytes.length; ) {
      try {
        offset += fs.writeSync(this.#fd, bytes, offset);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // A pipe another process made non-blocking is full: wait for its reader.
        if (code === 'EAGAIN') waitBriefly();
        else if (code === 'EPIPE') {
          this.#closed = true;
          return;
        } else throw e;
      }
    }
  }
}

/** Standard output. */
export const stdout = new Output(1);
/** Standard error, written after what standard output has gathered. */
export const stderr = new Output(2, stdout);

let sleeper: Int32Array | undefined;

/** Blocks this thread for a millisecond. */
export function waitBriefly(): void {
  sleeper ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleeper, 0, 0, 1);
}

/**
 * True when the file descriptor is a terminal, as `process.stdout.isTTY` says, without
 * creating the stream: a terminal is a character device, so pipes and files are told
 * apart by one `fstat`, and only character devices (a terminal or `/dev/null`) load `tty`.
 */
export function isTerminal(fd: number): boolean {
  if (process.platform !== 'win32') {
    try {
      if (!fs.fstatSync(fd).isCharacterDevice()) return false;
    } catch {
      return false;
    }
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}
