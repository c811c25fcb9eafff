#!/usr/bin/env node
// The index's summary of an open document, as the server makes it at each edit a request reads the index after
// (`summarize` with `open`), against a closed file's (which reads the text for mentions of cited paragraphs, for
// CBL054's recheck of closed files), on the 1 MB and 10 MB corpus concatenations bench/latency.mjs types in, made to
// start with a cable that has a REF field (else neither reads the mentions: the first cable's REF items are the
// document's). In-process, on a cable parsed once and summarised once first, as the server summarises a parse the
// rules have read (the in-text references are kept with the cable). Medians of 41 runs, alternated. Given another
// checkout (the base of a change), its `summarize` is timed too, as it is called there.
// Usage: node bench/summarize.mjs [path/to/other/checkout]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { corpusFiles, median, root, tmp } from './common.mjs';

mkdirSync(tmp, { recursive: true });
const entry = join(tmp, 'summarize-entry.ts');
writeFileSync(entry, `export { parseCable } from '../../server/src/core/parse/index';\nexport { summarize } from '../../server/src/workspace/cableIndex';\nexport { findCitedParagraphs } from '../../server/src/core/mentions';\n`);
await esbuild.build({ entryPoints: [entry], outfile: join(tmp, 'summarize.cjs'), bundle: true, platform: 'node', format: 'cjs', minify: true, mainFields: ['module', 'main'], logLevel: 'error', absWorkingDir: root });
const s = createRequire(import.meta.url)(join(tmp, 'summarize.cjs'));
const other = process.argv[2] && resolve(process.argv[2]);
let base;
if (other) {
  const baseEntry = join(tmp, 'summarize-base-entry.ts');
  writeFileSync(baseEntry, `export { summarize } from ${JSON.stringify(join(other, 'server/src/workspace/cableIndex'))};\n`);
  await esbuild.build({ entryPoints: [baseEntry], outfile: join(tmp, 'summarize-base.cjs'), bundle: true, platform: 'node', format: 'cjs', minify: true, mainFields: ['module', 'main'], logLevel: 'error', absWorkingDir: other, nodePaths: [join(root, 'node_modules')] });
  base = createRequire(import.meta.url)(join(tmp, 'summarize-base.cjs'));
}

const texts = corpusFiles().map((f) => readFileSync(f, 'utf8'));
// The first whose REF field cites a cable, as an id the index keeps.
const first = texts.findIndex((t) => /\nREF: /.test(t) && s.summarize('file:///x.cable', s.parseCable(t).cable).refs.length > 0);
const joined = [...texts.slice(first), ...texts.slice(0, first)].join('\n\n');
const make = (size) => joined.repeat(Math.ceil(size / joined.length)).slice(0, size);

for (const [label, size] of [['1 MB', 1e6], ['10 MB', 1e7]]) {
  const { cable } = s.parseCable(make(size));
  const uri = `file:///bench/${label.replace(' ', '')}.cable`;
  const closedEntry = s.summarize(uri, cable);
  const openEntry = s.summarize(uri, cable, undefined, true);
  const times = { closed: [], open: [], mentions: [], base: [] };
  const runs = [['closed', () => s.summarize(uri, cable)], ['open', () => s.summarize(uri, cable, undefined, true)], ['mentions', () => s.findCitedParagraphs(cable)]];
  if (base) runs.push(['base', () => base.summarize(uri, cable)]);
  for (let i = 0; i < 41; i++) {
    for (const [what, fn] of runs) {
      const start = performance.now();
      fn();
      times[what].push(performance.now() - start);
    }
  }
  const ms = (a) => `${median(a).toFixed(2)} ms`;
  console.log(
    `${label} (${cable.refs?.items.length ?? 0} REF items, cites ${closedEntry.refs.length}, ${s.findCitedParagraphs(cable).length} mentions; citesParagraphs closed ${closedEntry.citesParagraphs ?? false}, open ${openEntry.citesParagraphs ?? false}): ` +
      `summarize closed ${ms(times.closed)}, open ${ms(times.open)}; findCitedParagraphs alone ${ms(times.mentions)}${base ? `; ${other}'s summarize ${ms(times.base)}` : ''}`,
  );
}
