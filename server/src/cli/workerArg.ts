/**
 * The argument a `cablelint` worker thread is started with, which the entry (`cliLoader.ts`) and the bundle (`cli.ts`)
 * both read. The bundle is its own worker, and telling the two apart by `argv` spares the main thread loading
 * `worker_threads` (whose modules V8 then compiles without their code cache, under the run's V8 options) when it lints alone.
 */
export const WORKER_ARG = '--cablelint-worker-thread';
