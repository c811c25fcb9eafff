// Shared helpers for the benchmarks: corpus files, a bundled core, timing.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const corpus = resolve(root, '..', 'shared', 'corpus');
export const tmp = join(root, 'bench', '.tmp');

/** Every corpus file path. */
export function corpusFiles() {
  if (!existsSync(corpus)) throw new Error(`${corpus} not found`);
  const out = [];
  for (const sub of readdirSync(corpus)) {
    const dir = join(corpus, sub);
    if (statSync(dir).isDirectory()) for (const f of readdirSync(dir)) out.push(join(dir, f));
  }
  return out.sort();
}

/** Bundles the core (parse + lint) into bench/.tmp and loads it. */
export async function loadCore() {
  mkdirSync(tmp, { recursive: true });
  const entry = join(tmp, 'entry.ts');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(entry, `export { parseCable } from '../../server/src/core/parse/index';\nexport { lintCable } from '../../server/src/core/lint';\n`);
  await esbuild.build({ entryPoints: [entry], outfile: join(tmp, 'core.cjs'), bundle: true, platform: 'node', format: 'cjs', minify: process.env.NOMINIFY ? false : true, mainFields: ['module', 'main'], logLevel: 'error' });
  return createRequire(import.meta.url)(join(tmp, 'core.cjs'));
}

/** Median of repeated timings (ms). */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Times fn `runs` times, returns the median in ms. */
export function time(fn, runs = 5) {
  const t = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    t.push(performance.now() - start);
  }
  return median(t);
}

/**
 * Writes `count` corpus cables into `big` (emptied first), in folders of one corpus each. The files of copy n are named
 * anew: the serial gets n in front ("09PARIS708" becomes "09PARIS2708" in the second copy), which gives the CLI
 * benchmarks new files of the same texts. With `newIds`, for the index's benchmarks, the texts change instead: every
 * copy after the first writes its post with two more letters wherever the text names it ("PARIS" becomes "PARISQB",
 * also in its REF citations and addresses), so that the parser reads a new id for each copy (09PARISQB708), and the
 * file is named by it; the first copy is the corpus as it is, under its own names.
 */
export function replicate(big, count, { newIds = false } = {}) {
  rmSync(big, { recursive: true, force: true });
  const files = readdirSync(join(corpus, 'cablegate'));
  let n = 0;
  for (let copy = 0; n < count; copy++) {
    const dir = join(big, `c${copy}`);
    mkdirSync(dir, { recursive: true });
    for (const f of files) {
      if (n >= count) break;
      const text = readFileSync(join(corpus, 'cablegate', f), 'utf8');
      const id = /^(\d\d)([A-Z]+?)(\d+)\.txt$/.exec(f);
      if (newIds && id && copy > 0) {
        const suffix = `Q${String.fromCharCode(65 + (copy % 26))}${copy >= 26 ? String.fromCharCode(65 + Math.floor(copy / 26)) : ''}`;
        // BUENOSAIRES matches "BUENOS AIRES" and "Buenos Aires"; whole words only.
        const post = new RegExp(`\\b${id[2].split('').join(' ?')}\\b`, 'gi');
        writeFileSync(join(dir, `${id[1]}${id[2]}${suffix}${id[3]}.cable`), text.replace(post, (m) => m + suffix));
      } else if (newIds) {
        writeFileSync(join(dir, f.replace(/\.txt$/, '.cable')), text);
      } else {
        writeFileSync(join(dir, f.replace(/(\d+)\.txt$/, (_, d) => `${copy + 1}${d}.cable`)), text);
      }
      n++;
    }
  }
}
