#!/usr/bin/env node
// The Enter handler's cost (`getOnTypeFormattingEdits` with '\n', server/src/features/onTypeFormatting.ts) in a 1 MB cable
// made by concatenating real ones in memory (never written to the project), parsed once: Enter asked on every blank line
// of it, as on a line Enter has just made, a pass; the processor time of each pass (`process.cpuUsage`, the median and
// minimum of the passes after 3 not counted) and how many lines wrote something. The source is this tree's, or another
// tree's (`--root DIR`, e.g. a `git archive` of main), so that two can be compared; under load, compare by instruction
// counts: `--fsync` calls fs.fsyncSync before and after each counted pass, for
// `valgrind --tool=callgrind --dump-before=fsync node --predictable bench/enter.mjs --fsync` (a pass in every other dump).
// Usage: node bench/enter.mjs [--root DIR] [--passes N] [--fsync]
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { corpusFiles, median, root, tmp } from './common.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const source = resolve(arg('--root', root));
const passes = Number(arg('--passes', '10'));
const sync = process.argv.includes('--fsync');

mkdirSync(tmp, { recursive: true });
const tag = source === root ? 'here' : source.replace(/[^A-Za-z0-9]+/g, '_');
const entry = join(tmp, `enter-${tag}.ts`);
writeFileSync(entry, `export { parseCable } from ${JSON.stringify(join(source, 'server/src/core/parse/index'))};\nexport { getOnTypeFormattingEdits } from ${JSON.stringify(join(source, 'server/src/features/onTypeFormatting'))};\n`);
const out = join(tmp, `enter-${tag}.cjs`);
await esbuild.build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'cjs', minify: true, mainFields: ['module', 'main'], logLevel: 'error' });
const { parseCable, getOnTypeFormattingEdits } = createRequire(import.meta.url)(out);

const joined = corpusFiles().map((f) => readFileSync(f, 'utf8')).join('\n\n');
const text = joined.repeat(Math.ceil(1e6 / joined.length)).slice(0, 1e6);
const { cable } = parseCable(text);
const blanks = [];
for (let l = 1; l < cable.lines.length; l++) if (cable.lines[l].trim() === '') blanks.push(l);
// The blank lines right under a dash item's line, where the paragraph's rule and the dash lists' both look at the list.
const underDashes = blanks.filter((l) => /^[ \t]*--/.test(cable.lines[l - 1]));

const fd = sync ? openSync(join(tmp, 'enter-fsync'), 'w') : undefined;
// An invented 1 MB cable whose second paragraph quotes a document of numbered items (`¶2. (C) Text of the outcomes:` ⏎ ⏎
// `¶1. …`, at most 999 of them, about 1 KB each), each with a dash list under it; Enter on the blank line under the last
// list, where the list's rule and the number's both read the quoted items, from the paragraph's top down.
const filler = 'The ferries will run on the winter timetable until the board meets again in the spring. '.repeat(11);
const items = [];
for (let k = 1, size = 0; size < 1e6 && k <= 999; k++) {
  const item = `¶${k}. ${filler}The board agreed on these points:\n\n-- fares will rise;\n-- dues will fall.\n`;
  items.push(item);
  size += item.length + 1;
}
const quoting = parseCable(`C O N F I D E N T I A L NOWHERE 000001\n\nE.O. 13526: DECL: 01/01/2036\nTAGS: PREL\nSUBJECT: FARES\n\n¶1. (C) Fares.\n\n¶2. (C) Text of the outcomes:\n\n${items.join('\n')}\n\nHALLORAN\n`).cable;
const lastList = quoting.lines.length - 3;

console.log(`${source}: ${cable.lines.length} lines, ${cable.paragraphs.length} paragraphs; the quoting cable ${quoting.lines.length} lines`);
const runs = [['every blank line', cable, blanks], ['the blank lines under a dash item', cable, underDashes], ['the blank line under the quoted document\'s last list, 100 times', quoting, Array(100).fill(lastList)]];
for (const [label, cable, lines] of runs) {
  const times = [];
  let written = 0;
  for (let pass = 0; pass < passes + 3; pass++) {
    if (fd !== undefined && pass >= 3) fsyncSync(fd);
    const start = process.cpuUsage();
    written = 0;
    for (const line of lines) {
      const edits = getOnTypeFormattingEdits(cable, { line, character: cable.lines[line].length }, '\n');
      if (edits.length > 0) written++;
      if (cable === quoting && pass === 0 && written === 1) console.log(`Enter under the quoted document's last list writes ${JSON.stringify(edits.map((e) => e.newText))}`);
    }
    const used = process.cpuUsage(start);
    if (fd !== undefined && pass >= 3) fsyncSync(fd);
    if (pass >= 3) times.push((used.user + used.system) / 1000);
  }
  console.log(`Enter on ${label} (${lines.length}, ${written} written), processor time a pass over ${passes} passes: median ${median(times).toFixed(2)} ms, minimum ${Math.min(...times).toFixed(2)} ms`);
}
if (fd !== undefined) closeSync(fd);
