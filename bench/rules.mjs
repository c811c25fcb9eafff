#!/usr/bin/env node
// Each rule's share of a warm lint pass over ../shared/corpus. The core is bundled (as bench/common.mjs's loadCore
// bundles it, with the rules' table exported); 20 untimed passes to warm up, then PASSES timed ones, in which each file
// is parsed anew (so that no rule finds what another worked out for the same cable in an earlier pass: the reference
// reader's and the lines' caches are kept per cable) and each rule checks the cable on its own, timed around its
// `check` call (`process.hrtime.bigint`); the rules run in id order, as `lintCable` runs them. A young-generation
// collection runs before each file, outside the times, so that the collections a pass needs fall in no rule's time.
// A rule's figure is the median over the passes of its time in a pass, which a pass that another process's time slice
// fell into does not move; a parse of the same texts is timed alike, for scale. Prints figures only: they are wall
// time, so on a loaded machine compare the ranking, and compare changes by instruction counts (bench/RESULTS.md).
// Usage: node bench/rules.mjs [PASSES]   (default 40; NOMINIFY=1 keeps the names readable in a profile)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { corpusFiles, tmp } from './common.mjs';

// The core bundled as loadCore bundles it (common.mjs), with the rules' table exported.
mkdirSync(tmp, { recursive: true });
const entry = join(tmp, 'rules-entry.ts');
writeFileSync(entry, `export { parseCable } from '../../server/src/core/parse/index';\nexport { allRules } from '../../server/src/core/rules/index';\n`);
const esbuild = await import('esbuild');
await esbuild.build({ entryPoints: [entry], outfile: join(tmp, 'rules.cjs'), bundle: true, platform: 'node', format: 'cjs', minify: !process.env.NOMINIFY, mainFields: ['module', 'main'], logLevel: 'error' });
const { parseCable, allRules } = createRequire(import.meta.url)(join(tmp, 'rules.cjs'));

const passes = Number(process.argv[2] ?? 40);
const files = corpusFiles();
const texts = files.map((f) => readFileSync(f, 'utf8'));
const contexts = files.map((f) => ({ fileName: basename(f) }));
// Each rule's time in each timed pass: the figure printed is the median over the passes, which a pass that another
// process's time slice fell into does not move.
const perPass = allRules.map(() => new Float64Array(passes));
const parsePass = new Float64Array(passes);
const found = new Uint32Array(allRules.length);
let count = 0;
const report = () => { count++; };
// A young-generation collection before each file, so that none falls inside a rule's time (a pass allocates enough for
// one, which would land in the same rule every pass, and on a loaded machine take tens of ms).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');

for (let pass = 0; pass < 20 + passes; pass++) {
  const timed = pass >= 20;
  for (let f = 0; f < texts.length; f++) {
    collect({ type: 'minor' });
    const t0 = process.hrtime.bigint();
    const cable = parseCable(texts[f]).cable;
    if (timed) parsePass[pass - 20] += Number(process.hrtime.bigint() - t0);
    for (let r = 0; r < allRules.length; r++) {
      count = 0;
      const start = process.hrtime.bigint();
      try {
        allRules[r].check(cable, report, contexts[f]);
      } catch {
        // A rule that throws is skipped by lintCable too; its time still counts.
      }
      if (timed) {
        perPass[r][pass - 20] += Number(process.hrtime.bigint() - start);
        found[r] += count;
      }
    }
  }
}

const medianOf = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const spent = perPass.map(medianOf);
const parseNs = medianOf(parsePass);
const total = spent.reduce((a, b) => a + b, 0);
const ms = (ns) => (ns / 1e6).toFixed(2);
console.log(`${files.length} files, median of ${passes} timed passes after 20: a pass's parse ${ms(parseNs)} ms, all rules ${ms(total)} ms (${(total / parseNs * 100).toFixed(0)}% of the parse)`);
console.log('rule                                         ms/pass  share  findings/pass');
const order = [...allRules.keys()].sort((a, b) => spent[b] - spent[a]);
for (const r of order) {
  const name = `${allRules[r].id} ${allRules[r].name}`.padEnd(44);
  console.log(`${name} ${ms(spent[r]).padStart(7)} ${(spent[r] / total * 100).toFixed(1).padStart(5)}% ${String(found[r] / passes).padStart(8)}`);
}
