/**
 * A lint run's output, written a file at a time in the run's order (the walk's), so that memory stays flat however many
 * files a run has: a file's result is printed once it is final and then dropped. What a later step needs stays: the run's
 * messages, each format's totals (formats.ts, `FormatWriter`), what CBL054 needs of each file (cli/cited.ts), the
 * suppressions the run writes.
 *
 * A result that is not final yet (CBL054's findings of a file naming a paragraph of a cable that a later file may hold),
 * and every result after it, waits in a temporary file ({@link ResultSpool}) until the last file is read, then is printed
 * in its place; so does every result of a format that prints the run's messages first (SARIF).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileResult, FormatWriter, ReportedMessage } from './formats';
import { messageText, type RunMessage } from './messages';
import type { SuppressionRun } from './suppressions';

/** The spool's file, in a folder of its own in the system's temporary folder. */
const RESULTS_FILE = 'results.jsonl';

/** Lines gathered before they are written to the spool's file: a spool smaller than this makes no file. */
const SPOOL_CHUNK = 1 << 16;

/**
 * Results waiting to be printed, in the run's order, each a line of JSON in a temporary file (or in memory when no
 * temporary file can be made), read back once.
 */
export class ResultSpool {
  #dir: string | undefined;
  #fd: number | undefined;
  #pending = '';
  /** The lines kept in memory when no temporary file could be made. */
  #memory: string[] | undefined;
  #count = 0;

  get size(): number {
    return this.#count;
  }

  /** Keeps the `index`th file's result. */
  add(index: number, result: FileResult): void {
    this.#count++;
    const line = JSON.stringify([index, result]);
    if (this.#memory) {
      this.#memory.push(line);
      return;
    }
    this.#pending += line + '\n';
    if (this.#pending.length >= SPOOL_CHUNK) this.#write();
  }

  /** Writes out the lines gathered, opening the temporary file first. */
  #write(): void {
    if (this.#fd === undefined) {
      try {
        // `os` is loaded only here: a built-in module loaded after the run set V8's options compiles without Node's code cache.
        this.#dir = fs.mkdtempSync(path.join(process.getBuiltinModule('node:os').tmpdir(), 'cablelint-'));
        this.#fd = fs.openSync(path.join(this.#dir, RESULTS_FILE), 'w+');
        // A run ended by an internal error leaves no temporary file behind either.
        process.once('exit', () => this.#remove());
      } catch {
        this.#remove();
        this.#memory = this.#pending.split('\n').slice(0, -1);
        this.#pending = '';
        return;
      }
    }
    const bytes = Buffer.from(this.#pending, 'utf8');
    this.#pending = '';
    for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(this.#fd, bytes, offset);
  }

  /** The results kept, in the order they came, each read back as it is taken; the temporary file is removed after the last. */
  *drain(): Generator<[number, FileResult]> {
    try {
      if (this.#memory) {
        for (const line of this.#memory) yield JSON.parse(line) as [number, FileResult];
        return;
      }
      if (this.#fd === undefined) {
        // Everything is still in memory: nothing was written.
        for (const line of this.#pending.split('\n').slice(0, -1)) yield JSON.parse(line) as [number, FileResult];
        return;
      }
      if (this.#pending !== '') this.#write();
      const buffer = Buffer.alloc(SPOOL_CHUNK);
      let position = 0;
      let rest = '';
      for (;;) {
        const read = fs.readSync(this.#fd, buffer, 0, buffer.length, position);
        if (read === 0) break;
        position += read;
        // A character cut at the buffer's end is completed by the next read: `rest` keeps undecoded bytes as a string only at line ends.
        const chunk = rest + buffer.toString('latin1', 0, read);
        const end = chunk.lastIndexOf('\n');
        rest = chunk.slice(end + 1);
        if (end < 0) continue;
        for (const line of Buffer.from(chunk.slice(0, end), 'latin1').toString('utf8').split('\n')) yield JSON.parse(line) as [number, FileResult];
      }
    } finally {
      this.#memory = undefined;
      this.#pending = '';
      this.#count = 0;
      this.#remove();
    }
  }

  /** Closes and removes the temporary file and its folder. */
  #remove(): void {
    if (this.#fd !== undefined) fs.closeSync(this.#fd);
    this.#fd = undefined;
    if (this.#dir !== undefined) {
      // The one file and its folder, without `rmSync`'s recursive walk (another built-in module to load).
      try {
        fs.unlinkSync(path.join(this.#dir, RESULTS_FILE));
        fs.rmdirSync(this.#dir);
      } catch {
        // The file was never made: the folder alone.
        fs.rmSync(this.#dir, { recursive: true, force: true });
      }
    }
    this.#dir = undefined;
  }
}

/** What a run's output is given. */
export interface LintOutputOptions {
  /** The format's writer; none when the run prints no findings (`--fix-dry-run`, `--stdin --fix`). */
  readonly writer?: FormatWriter;
  /** The suppressions applied to each result (and counted or pruned by it), when there are any. */
  readonly suppressions?: SuppressionRun;
  /** The name the output gives the file a message is about, from the path it was read by. */
  readonly shownName: (file: string) => string;
  /** The result of the `index`th file once final, or undefined while CBL054 may still add to it (cli/cited.ts); every earlier file was placed. */
  readonly settle?: (index: number, result: FileResult) => FileResult | undefined;
  /** The final result of the `index`th file once every file is read. */
  readonly resolve?: (index: number, result: FileResult) => FileResult;
  /** Where the output goes. */
  readonly write: (text: string) => void;
}

/** What a run's findings were, for its exit code, counted over the results printed (after suppressions). */
export interface LintTotals {
  errors: number;
  warnings: number;
}

/**
 * The output of a lint run: {@link LintOutput.place} takes each file's result in the run's order, {@link LintOutput.finish}
 * ends the run. Results not final yet wait in a {@link ResultSpool}, and the results after them too, to keep the order.
 */
export class LintOutput {
  readonly #options: LintOutputOptions;
  readonly #spool = new ResultSpool();
  /** Set once a result waits: every later one waits too. */
  #waiting: boolean;
  #begun = false;
  readonly totals: LintTotals = { errors: 0, warnings: 0 };
  /** Each message as the formats print it, made once, so that json knows which it wrote as a file's own. */
  readonly #reported = new Map<RunMessage, ReportedMessage>();
  /** The messages about files met so far, by the name the output gives the file. */
  readonly #aboutFile = new Map<string, ReportedMessage[]>();
  /** How many of the run's messages {@link LintOutput.#aboutFile} has taken. */
  #seen = 0;
  /** The messages about each waiting file, by its index (few: a file with messages). */
  readonly #waitingMessages = new Map<number, readonly ReportedMessage[]>();

  constructor(options: LintOutputOptions) {
    this.#options = options;
    this.#waiting = options.writer?.messagesFirst === true;
  }

  /** `m` as the formats print it. */
  #report(m: RunMessage): ReportedMessage {
    let r = this.#reported.get(m);
    if (r === undefined) {
      r = m.file === undefined ? { message: m.message, text: m.message } : { file: this.#options.shownName(m.file), message: m.message, text: messageText(m) };
      this.#reported.set(m, r);
    }
    return r;
  }

  /**
   * Takes the `index`th file's result (none when it was not linted), after every earlier file's: `errors` are the run's
   * messages so far, `own` the file's messages not among them yet.
   */
  place(index: number, result: FileResult | undefined, errors: readonly RunMessage[], own: readonly RunMessage[]): void {
    for (; this.#seen < errors.length; this.#seen++) {
      const m = this.#report(errors[this.#seen]);
      if (m.file === undefined) continue;
      const list = this.#aboutFile.get(m.file);
      if (list) list.push(m);
      else this.#aboutFile.set(m.file, [m]);
    }
    if (result === undefined) return;
    // A loop, not `map` then `filter`: the array `map` makes in optimized code can have another map than the interpreter's,
    // and `filter` on it deoptimized `place` in a cold run.
    const messages = [...(this.#aboutFile.get(result.file) ?? [])];
    for (let i = 0; i < own.length; i++) {
      const m = this.#report(own[i]);
      if (m.file === result.file) messages.push(m);
    }
    const settled = this.#waiting ? undefined : this.#options.settle ? this.#options.settle(index, result) : result;
    if (settled !== undefined) {
      this.#print(settled, messages);
      return;
    }
    this.#waiting = true;
    this.#spool.add(index, result);
    if (messages.length > 0) this.#waitingMessages.set(index, messages);
  }

  /** Prints a final result, without the errors the suppressions count, and counts its findings. */
  #print(result: FileResult, messages: readonly ReportedMessage[]): void {
    const r = this.#options.suppressions?.apply(result) ?? result;
    for (const f of r.findings) {
      if (f.severity === 'error') this.totals.errors++;
      else if (f.severity === 'warning') this.totals.warnings++;
    }
    const writer = this.#options.writer;
    if (!writer) return;
    if (!this.#begun) {
      this.#begun = true;
      this.#options.write(writer.begin([]));
    }
    this.#options.write(writer.file(r, messages));
  }

  /**
   * Ends the run: the waiting results in their places, the suppressions written, the format's end. `beforeEnd` adds the
   * messages the run has after its last file (its cache, its suppressions file), which the output carries.
   */
  finish(errors: RunMessage[], beforeEnd: () => void, say: (text: string) => void): LintTotals {
    beforeEnd();
    const suppressions = this.#options.suppressions;
    const writer = this.#options.writer;
    const resolve = this.#options.resolve ?? ((_: number, r: FileResult) => r);
    // The suppressions file takes every file's counts, and SARIF prints its messages (a failure to write it) first: the
    // counts of the waiting files are taken in a first reading of them, which keeps them for the second.
    let spool = this.#spool;
    if (suppressions && writer?.messagesFirst && spool.size > 0) {
      const counted = new ResultSpool();
      for (const [index, result] of spool.drain()) {
        const r = resolve(index, result);
        suppressions.count(r);
        counted.add(index, r);
      }
      spool = counted;
    }
    const messagesFirst = writer?.messagesFirst === true;
    if (messagesFirst) {
      suppressions?.finish(errors, say);
      this.#begun = true;
      this.#options.write(writer!.begin(errors.map((m) => this.#report(m))));
    }
    // A result read back is resolved again after the first reading: CBL054 has nothing more to add to it.
    for (const [index, result] of spool.drain()) this.#print(resolve(index, result), this.#waitingMessages.get(index) ?? []);
    if (!messagesFirst) suppressions?.finish(errors, say);
    if (writer) {
      const messages = errors.map((m) => this.#report(m));
      if (!this.#begun) this.#options.write(writer.begin(messages));
      this.#options.write(writer.end(messages));
    }
    return this.totals;
  }
}
