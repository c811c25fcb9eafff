/**
 * The V8 options a run sets before it reads any cable (flags are the process's, so its worker threads take them too;
 * `cliLoader.ts` sets them before it compiles the bundle, since a code cache is taken only under the options it was made under).
 * A run is short and cold: its parser and rules run in V8's interpreter and baseline code until the optimizing
 * compiler, on the machine's other cores, has compiled them, and most of a run over a collection waits for that
 * (bench/RESULTS.md, *Lint throughput*). Without inlining each of those compilations is smaller and done sooner:
 * over 2,000 files on two cores a run took about 15% less (session 37). Without regular-expression tier-up, V8 compiles
 * an expression to machine code at its first match, where by default it compiles it to bytecode for its first match and
 * again to machine code for its second: the parser and rules run some 250 expressions, nearly all more than once, and a
 * run over the 200 corpus cables does 2.2% fewer instructions (session 44). Output is the same, as both change only how
 * fast code runs. The language server, which runs for hours and reaches its compiled code, keeps V8's defaults.
 * Measured and not set (session 45): `--always-sparkplug`, `--no-lazy-feedback-allocation`, lower `--interrupt-budget`s,
 * `--max-optimized-bytecode-size` and `--no-turbofan` each cost the main thread or the compiler threads more than they
 * save over 200 files; `--concurrent-sparkplug` crashes Node 20 when set at run time. Measured and not set (session 50):
 * `--maglev` and its options (`--invocation-count-for-maglev`, `--optimize-on-next-call-optimizes-to-maglev`) do nothing
 * on Node 20, whose V8 is built without Maglev (`process.config.variables.v8_enable_maglev` is 0): V8 takes the options,
 * on the command line or here, and still compiles every function with TurboFan alone (`--trace-opt`); a higher
 * `--interrupt-budget` (TurboFan later) saves the compiler threads less than it costs the main thread, the one a user
 * waits for (bench/RESULTS.md, *Session 50*, flags64). Node 22 and later turn Maglev on by default: not measured here.
 * Measured and not set (session 51): `--no-regexp-optimization` makes each expression's compile cheaper (62.4 to 46.0 M
 * instructions over the 200 corpus cables) and its matching dearer, +0.4% over 200 files and +2.6% over 2,000 under
 * `--predictable` (bench/RESULTS.md, *Session 51: regexp66*).
 */
export const V8_FLAGS = '--no-turbo-inlining --no-regexp-tier-up';
