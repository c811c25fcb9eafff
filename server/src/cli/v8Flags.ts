/**
 * The V8 option a run sets before it reads any cable (flags are the process's, so its worker threads take it too;
 * `cliLoader.ts` sets it before it compiles the bundle, since a code cache is taken only under the options it was made under).
 * A run is short and cold: its parser and rules run in V8's interpreter and baseline code until the optimizing
 * compiler, on the machine's other cores, has compiled them, and most of a run over a collection waits for that
 * (bench/RESULTS.md, *Lint throughput*). Without inlining each of those compilations is smaller and done sooner:
 * over 2,000 files on two cores a run took about 15% less (session 37); output is the same, as inlining changes
 * only how fast code runs. The language server, which runs for hours and reaches its compiled code, keeps V8's default.
 */
export const V8_FLAGS = '--no-turbo-inlining';
