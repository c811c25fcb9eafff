#!/usr/bin/env node
// The call hierarchy over the citation graph of a generated workspace: N invented cables of an invented post, each
// citing up to four earlier ones (so that some are cited by hundreds) and one in fifty citing a later one (cycles),
// a cable no file holds, or itself. Times prepare, incoming and outgoing calls on the index as the server holds it,
// in-process (the server answers each request with one call of these functions after `indexEdits`, which costs
// nothing when no open cable was edited), and the index build (parse + summarize) for scale.
// Usage: node bench/hierarchy.mjs [N ...]   (default 1000 3000 6000)
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { median, root, tmp } from './common.mjs';

mkdirSync(tmp, { recursive: true });
const entry = join(tmp, 'hierarchy-entry.ts');
writeFileSync(
  entry,
  `export { parseCable } from '../../server/src/core/parse/index';\nexport { CableIndex, summarize, idFromFileName } from '../../server/src/workspace/cableIndex';\nexport { prepareCallHierarchy, getIncomingCalls, getOutgoingCalls } from '../../server/src/features/callHierarchy';\n`,
);
await esbuild.build({ entryPoints: [entry], outfile: join(tmp, 'hierarchy.cjs'), bundle: true, platform: 'node', format: 'cjs', minify: true, mainFields: ['module', 'main'], logLevel: 'error', absWorkingDir: root });
const h = createRequire(import.meta.url)(join(tmp, 'hierarchy.cjs'));

/** A deterministic pseudo-random sequence, so that every run builds the same graph. */
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Invented cable `n` of NOWHERE: header, banner, fields, a REF field citing `refs` (serials, or an id string), and a body. */
function cable(n, refs) {
  const letters = 'ABCDEFGH';
  const items = refs.map((r, i) => `${letters[i]}. ${typeof r === 'number' ? `09 NOWHERE ${r}` : r}`).join('\n     ');
  const body = Array.from({ length: 8 }, (_, p) => `${p + 1}. (U) Paragraph ${p + 1} of an invented cable about ferry dues${p === 1 && refs.length ? ' (ref A)' : ''}.\n`).join('\n');
  return `R 0${(n % 9) + 1}0800Z DEC 09\nFM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC\n\nUNCLAS NOWHERE ${String(n).padStart(6, '0')}\n\nE.O. 12958: N/A\nTAGS: ECON XX\nSUBJECT: FERRY DUES, PART ${n}\n${refs.length ? `\nREF: ${items}\n` : ''}\n${body}`;
}

function workspace(count) {
  const rnd = random(count);
  const texts = [];
  for (let n = 1; n <= count; n++) {
    const refs = [];
    const k = n === 1 ? 0 : 1 + Math.floor(rnd() * 4);
    // Earlier cables, the first few much more often, so that a handful are cited by hundreds.
    for (let i = 0; i < k; i++) refs.push(1 + Math.floor(rnd() ** 3 * (n - 1)));
    const extra = rnd();
    if (extra < 0.02 && n < count) refs.push(n + 1);
    else if (extra < 0.04) refs.push('08 ELSEWHERE 99');
    else if (extra < 0.05) refs.push(n);
    texts.push(cable(n, refs));
  }
  return texts;
}

/** Median and maximum in ms of `fn` over `inputs`. */
function timeEach(inputs, fn) {
  const t = [];
  for (const x of inputs) {
    const start = performance.now();
    fn(x);
    t.push(performance.now() - start);
  }
  return `median ${median(t).toFixed(3)} ms, max ${Math.max(...t).toFixed(2)} ms`;
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const count of sizes.length ? sizes : [1000, 3000, 6000]) {
  const texts = workspace(count);
  const uri = (n) => `file:///ws/09NOWHERE${n}.txt`;
  const index = new h.CableIndex();
  const started = performance.now();
  const cables = texts.map((t, i) => {
    const c = h.parseCable(t).cable;
    index.set(h.summarize(uri(i + 1), c, h.idFromFileName(uri(i + 1))));
    return c;
  });
  const buildMs = performance.now() - started;
  const rnd = random(7);
  const picks = Array.from({ length: 400 }, () => Math.floor(rnd() * count));
  // Warm-up, so that the figures are those of a server that has answered a few requests.
  for (const i of picks.slice(0, 50)) h.getIncomingCalls(h.prepareCallHierarchy(cables[i], uri(i + 1), { line: 4, character: 0 }, index)[0], index);
  const items = picks.map((i) => h.prepareCallHierarchy(cables[i], uri(i + 1), { line: 4, character: 0 }, index)[0]);
  const mostCited = h.prepareCallHierarchy(cables[0], uri(1), { line: 4, character: 0 }, index)[0];
  let edges = 0;
  for (const item of items) edges += h.getIncomingCalls(item, index).length;
  console.log(`${count} cables (index built in ${(buildMs / 1000).toFixed(2)} s, parse and summarize; 09NOWHERE1 cited by ${h.getIncomingCalls(mostCited, index).length}; ${(edges / items.length).toFixed(1)} callers on average over 400 cables picked at random):`);
  console.log(`  prepare on the banner: ${timeEach(picks, (i) => h.prepareCallHierarchy(cables[i], uri(i + 1), { line: 4, character: 0 }, index))}`);
  console.log(`  prepare on a REF item: ${timeEach(picks.filter((i) => i > 0), (i) => h.prepareCallHierarchy(cables[i], uri(i + 1), { line: 10, character: 8 }, index))}`);
  console.log(`  prepare on "(ref A)" in the body: ${timeEach(picks.filter((i) => i > 0), (i) => { const c = cables[i]; const line = c.lines.findIndex((l) => l.includes('(ref A)')); return h.prepareCallHierarchy(c, uri(i + 1), { line, character: c.lines[line].indexOf('(ref A)') + 2 }, index); })}`);
  console.log(`  incoming calls: ${timeEach(items, (item) => h.getIncomingCalls(item, index))}; of the most cited cable: ${timeEach([mostCited, mostCited, mostCited, mostCited, mostCited], (item) => h.getIncomingCalls(item, index))}`);
  console.log(`  outgoing calls: ${timeEach(items, (item) => h.getOutgoingCalls(item, index))}`);
}
