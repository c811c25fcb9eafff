/**
 * Shared test helpers: baseline files (written when missing, rewritten with
 * ACCEPT=1, compared otherwise) and the location of the real-cable corpus.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { FileResult, FormatWriter, ReportedMessage } from '../server/src/cli/formats';
import { expandVariables } from '../client/src/newCable';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..');

/**
 * Runs the server (dist/server.js, one bundle for Node and a web worker) in `sandbox`, a stand-in for a web worker's
 * global scope, after the built-in dictionary (dist/dictionary.js), as the extension's browser entry starts the worker
 * (esbuild.mjs ships the dictionary once, for both): as two scripts, as `importScripts` runs them, or with `oneScript`
 * as one, the dictionary's text and the server's with its hashbang line made a comment, as the blob of an extension
 * installed on a remote holds them (client/src/browserExtension.ts).
 */
export function runWebServer(sandbox: Record<string, unknown>, oneScript = false): void {
  const context = vm.createContext(sandbox);
  const dictionary = path.join(ROOT, 'dist', 'dictionary.js');
  const server = path.join(ROOT, 'dist', 'server.js');
  const read = (file: string): string => fs.readFileSync(file, 'utf8');
  if (oneScript) vm.runInContext(`${read(dictionary)}\n${read(server).startsWith('#!') ? '//' : ''}${read(server)}`, context, { filename: server });
  else for (const file of [dictionary, server]) vm.runInContext(read(file), context, { filename: file });
}

/**
 * Asserts that `run` takes time linear in the size of its input, and returns what it gives for the input of size `n`.
 * A bound in seconds fails on a loaded machine (a load average of 10 made 5 s runs take 6.6 s); this one does not:
 * it compares the processor time (not the time on the clock, which counts the time other processes hold the
 * processor) that `run` takes on an input of size `n` with that on one of size `n / 8`, each timed twice in turn
 * after a run on a smaller input that compiles the code (and up to {@link MAX_ROUNDS} in all while the ratio is over the bound), the faster of each counting. Each run is on an input `make`
 * makes anew, outside the timing (so that no cache kept for an input answers a second run), after a full collection
 * and the end of the sweeping that V8's threads do after it ({@link settle}: so that no run pays for the garbage of
 * the one before it or of `make`, nor for sweeping a heap as large as the whole suite's), and a time is that of as
 * many runs as take {@link MIN_TIMED_MS} at least, divided by their number, so that a run of a few milliseconds is not
 * lost in the timer's noise. Linear time takes about 8 times as long for the larger input, quadratic time 64 times;
 * the bound is {@link LINEAR_RATIO}, which a quadratic part fails where it takes three sevenths of the time on the smaller.
 */
export function assertLinearTime<T, R>(make: (n: number) => T, run: (input: T) => R, n: number): R {
  const eighth = Math.round(n / 8);
  run(make(Math.max(1, Math.round(n / 16))));
  const cpuMs = (): number => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let result!: R;
  /** The processor time of one run on an input of `size`. */
  const time = (size: number): number => {
    let total = 0;
    let runs = 0;
    do {
      const input = make(size);
      settle();
      const start = cpuMs();
      result = run(input);
      total += cpuMs() - start;
      runs++;
    } while (total < MIN_TIMED_MS);
    return total / runs;
  };
  let smallMs = Infinity;
  let largeMs = Infinity;
  // Two rounds, and more while the ratio is over the bound: a time the machine's other work stretched (a run of 25 ms
  // against 1.5 ms, 17 times, under a loaded machine's callgrind; 33.4 ms against 1.9 ms, 17.7 times, after four rounds
  // in CI) is taken again, where a quadratic part stays over it.
  let ratio = Infinity;
  for (let round = 0; round < 2 || (ratio >= LINEAR_RATIO && round < MAX_ROUNDS); round++) {
    smallMs = Math.min(smallMs, time(eighth));
    largeMs = Math.min(largeMs, time(n));
    ratio = largeMs / smallMs;
  }
  assert.ok(ratio < LINEAR_RATIO, `size ${n} took ${largeMs.toFixed(1)} ms of processor time and size ${eighth} ${smallMs.toFixed(1)} ms: ${ratio.toFixed(1)} times as long for 8 times the input (linear: about 8, quadratic: 64)`);
  return result;
}

/** A full collection of the heap, on demand: the flag takes effect for the function the new context makes. */
let fullCollection = (): void => {
  v8.setFlagsFromString('--expose-gc');
  fullCollection = vm.runInNewContext('gc') as () => void;
  fullCollection();
};

/**
 * A full collection, then a wait (up to {@link SETTLE_MS}) until none of the process's other threads is running or
 * waiting to run and their processor time has not grown over a millisecond, twice in a row. The collection leaves the
 * sweeping of the heap to V8's threads, and `process.cpuUsage` counts every thread's time: in the whole suite's large
 * heap their sweeping added time to each run (a 2 ms run after one in a heap of 2 million objects counted 5 to 10 ms),
 * several times a short run's own, and a quadratic run passed at 8 times as long for 8 times the input.
 * Timing the main thread alone instead put linear runs at 18 and 21 times under load (the work V8 gives its threads
 * in a run is the run's own); turning the threads off at run time (`v8.setFlagsFromString`) crashes V8.
 */
function settle(): void {
  fullCollection();
  const deadline = Date.now() + SETTLE_MS;
  let others = otherThreadsMs();
  for (let quiet = 0; quiet < 2 && Date.now() < deadline; ) {
    Atomics.wait(PAUSE, 0, 0, 1);
    const now = otherThreadsMs();
    quiet = otherThreadRunning() || now - others > 0.05 ? 0 : quiet + 1;
    others = now;
  }
}

/** The processor time of the process's threads but the main one, in milliseconds (Linux; elsewhere, 0). */
function otherThreadsMs(): number {
  let mainNs: number;
  try {
    mainNs = Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
  } catch {
    return 0;
  }
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000 - mainNs / 1e6;
}

/** Whether a thread of the process other than the main one is running or ready to run (Linux; elsewhere, false). */
function otherThreadRunning(): boolean {
  let tids: string[];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return false;
  }
  for (const tid of tids) {
    if (tid === String(process.pid)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread has ended
    }
    if (stat[stat.lastIndexOf(')') + 2] === 'R') return true;
  }
  return false;
}

/** What {@link settle} sleeps on. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** The longest {@link settle} waits for V8's threads. */
const SETTLE_MS = 2000;

/** The least processor time {@link assertLinearTime} times runs for. */
const MIN_TIMED_MS = 100;

/** The most rounds {@link assertLinearTime} times each size in while the ratio is over {@link LINEAR_RATIO}. */
const MAX_ROUNDS = 8;

/**
 * The most times as long {@link assertLinearTime} allows for 8 times the input: 4 times linear's 8, half quadratic's 64.
 * It was 16 while sweeping time added to every run pulled ratios down; with that left out ({@link settle}), linear
 * cases took up to 19.6 (the parser's paragraphs) and 22.5 times as long (the outline's Comment headings), each after
 * eight rounds, under a load of 25 to 30 on two processors, and quadratic runs 59 to 64 times.
 */
export const LINEAR_RATIO = 32;

/** `../shared/corpus` when it exists (CI and developer machines), else undefined. */
export function corpusDir(): string | undefined {
  const dir = path.resolve(ROOT, '..', 'shared', 'corpus');
  return fs.existsSync(dir) ? dir : undefined;
}

/** Every file under the corpus (seeds and cablegate). */
export function corpusFiles(): string[] {
  const dir = corpusDir();
  if (!dir) return [];
  const out: string[] = [];
  for (const sub of fs.readdirSync(dir)) {
    const full = path.join(dir, sub);
    if (fs.statSync(full).isDirectory()) for (const f of fs.readdirSync(full).sort()) out.push(path.join(full, f));
  }
  return out;
}

/** Every invented fixture cable (`.txt` and `.cable` under test/fixtures). */
export function fixtureFiles(dir = path.join(ROOT, 'test', 'fixtures')): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...fixtureFiles(full));
    else if (/\.(txt|cable)$/.test(e.name) && !e.name.endsWith('.expected.txt')) out.push(full);
  }
  return out.sort();
}

/**
 * Compares `actual` with the baseline file. A missing baseline is written
 * (and the test still passes, as in r-a's expect tests); ACCEPT=1 rewrites it.
 */
export function expectBaseline(file: string, actual: string): void {
  if (process.env.ACCEPT || !fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  const expected = fs.readFileSync(file, 'utf8');
  assert.equal(actual, expected, `${path.relative(ROOT, file)} differs; run npm run accept if the change is intended`);
}

/** Splits `text` at a `|` caret: the text without it and the caret's position. */
export function caret(text: string): { text: string; line: number; character: number } {
  const at = text.indexOf('|');
  assert.ok(at >= 0, 'fixture has no | caret');
  const before = text.slice(0, at);
  const lines = before.split('\n');
  return { text: before + text.slice(at + 1), line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** A semantic token decoded from LSP's relative encoding: line, character, length, type, modifiers. */
export type DecodedToken = [line: number, character: number, length: number, type: number, modifiers: number];

/** The absolute tokens of LSP's relative semantic-token encoding (five numbers a token, each position relative to the last). */
export function decodeSemanticTokens(data: readonly number[]): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push([line, character, data[i + 2], data[i + 3], data[i + 4]]);
  }
  return out;
}

/** The time VS Code's snippet variables give (`$CURRENT_DATE` and the others read the local clock). */
export type Clock = Readonly<Record<'CURRENT_YEAR' | 'CURRENT_YEAR_SHORT' | 'CURRENT_MONTH' | 'CURRENT_DATE' | 'CURRENT_HOUR' | 'CURRENT_MINUTE', string>>;
/** 14 May 2026, 15:30: day 134 of the year. */
export const MAY_14: Clock = { CURRENT_YEAR: '2026', CURRENT_YEAR_SHORT: '26', CURRENT_MONTH: '05', CURRENT_DATE: '14', CURRENT_HOUR: '15', CURRENT_MINUTE: '30' };
/** 1 January 2027, 08:05: day 001. */
export const JAN_1: Clock = { CURRENT_YEAR: '2027', CURRENT_YEAR_SHORT: '27', CURRENT_MONTH: '01', CURRENT_DATE: '01', CURRENT_HOUR: '08', CURRENT_MINUTE: '05' };

/**
 * The snippet variables of `text` (`${CURRENT_DATE}`, and a variable's transform, `${CURRENT_MONTH/…/${5:+MAY}…/}`) as VS
 * Code writes them at `clock`: a regular expression, then `${n:+if}`, `${n:?if:else}` and `$n` in the format. Not
 * `${TM_SELECTED_TEXT:…}`, which the snippet tests write; an unknown variable fails the test.
 */
export function snippetVariables(text: string, clock: Clock): string {
  const written = expandVariables(text, clock);
  const unknown = /\$\{([A-Z][A-Z_]*)[}/]/.exec(written);
  assert.ok(!unknown, `a variable the test's clock does not give: ${unknown?.[1]}`);
  return written;
}

/**
 * A run's whole text in a `cablelint` format, written as a run writes it (cli/stream.ts): the writer's start, each result
 * with the messages about its file (found once, not once per file), its end.
 */
export function writeWhole(writer: FormatWriter, results: readonly FileResult[], messages: readonly ReportedMessage[] = []): string {
  const about = new Map<string, ReportedMessage[]>();
  for (const m of messages) if (m.file !== undefined) about.set(m.file, [...(about.get(m.file) ?? []), m]);
  let out = writer.begin(messages);
  for (const r of results) out += writer.file(r, about.get(r.file) ?? []);
  return out + writer.end(messages);
}
