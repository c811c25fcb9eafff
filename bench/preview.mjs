#!/usr/bin/env node
// The cable preview (`cable/preview`, server/src/features/preview.ts) on 100 KB, 1 MB and 10 MB documents made by
// concatenating the corpus's cables in memory (never written to the project): in this process, the parse the server
// shares with the diagnostics, then the preview whole and the preview a document above cable.largeFileThreshold gets
// (the card and the first PREVIEW_LARGE_LINES lines of text), each with its answer as JSON, in wall time (median of
// the runs) and the answer's size, which is what goes to the client and into the webview.
// Usage: node bench/preview.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { corpusFiles, root, tmp } from './common.mjs';

mkdirSync(tmp, { recursive: true });
const entry = join(tmp, 'preview-entry.ts');
writeFileSync(
  entry,
  `export { parseCable } from '../../server/src/core/parse/index';\nexport { getPreview, PREVIEW_LARGE_LINES } from '../../server/src/features/preview';\nexport { defaultDictionaries } from '../../server/src/features/dictionaries';\n`,
);
await esbuild.build({ entryPoints: [entry], outfile: join(tmp, 'preview.cjs'), bundle: true, platform: 'node', format: 'cjs', minify: true, mainFields: ['module', 'main'], logLevel: 'error' });
const { parseCable, getPreview, PREVIEW_LARGE_LINES, defaultDictionaries } = createRequire(import.meta.url)(join(tmp, 'preview.cjs'));
void root;

const joined = corpusFiles().map((f) => readFileSync(f, 'utf8')).join('\n\n');
const make = (size) => joined.repeat(Math.ceil(size / joined.length)).slice(0, size);
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const kb = (n) => (n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(2)} MB`);
const dictionaries = defaultDictionaries();

for (const [label, size, runs] of [['100 KB', 1e5, 21], ['1 MB', 1e6, 11], ['10 MB', 1e7, 7]]) {
  const text = make(size);
  const parse = [];
  const whole = [];
  const first = [];
  let cable;
  let wholeBytes = 0;
  let firstBytes = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    cable = parseCable(text).cable;
    parse.push(performance.now() - t);
    t = performance.now();
    wholeBytes = Buffer.byteLength(JSON.stringify(getPreview(cable, { dictionaries })));
    whole.push(performance.now() - t);
    t = performance.now();
    firstBytes = Buffer.byteLength(JSON.stringify(getPreview(cable, { dictionaries, maxLines: PREVIEW_LARGE_LINES })));
    first.push(performance.now() - t);
  }
  console.log(
    `${label} (${cable.lines.length} lines): parse ${median(parse).toFixed(1)} ms; preview whole ${median(whole).toFixed(1)} ms, ${kb(wholeBytes)}; ` +
      `card and first ${PREVIEW_LARGE_LINES} lines ${median(first).toFixed(1)} ms, ${kb(firstBytes)} (median of ${runs})`,
  );
}
