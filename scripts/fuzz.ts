/**
 * A longer fuzz run for use outside CI: `npm run fuzz -- --minutes N`.
 * Damaged cables go through the parser, every rule, every feature and Fix All;
 * it prints inputs per second, and writes any failure, shrunk by fast-check, as a
 * reproducer file under fuzz-failures/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { fixAll } from '../server/src/core/fix';
import { INTERNAL_ERROR, parseCable } from '../server/src/core/parse/index';
import { damagedCable, exerciseFeatures } from '../test/properties';

const i = process.argv.indexOf('--minutes');
const minutes = i >= 0 ? Number(process.argv[i + 1]) : 1;
const seed = Date.now() % 2 ** 31;
/** A user dictionary's TAG codes: a local code, one of ten letters, and words a subject or a paragraph writes. */
const USER_TAGS: ReadonlySet<string> = new Set(['KLOC', 'KLOCALPROG', 'THE', 'AND', 'TALKS', 'NOFORN']);
let runs = 0;
const started = Date.now();
const timer = setInterval(() => {
  const s = (Date.now() - started) / 1000;
  process.stdout.write(`\r${runs} inputs in ${s.toFixed(0)} s (${(runs / s).toFixed(1)}/s)`);
}, 5000);

const result = fc.check(
  fc.property(damagedCable, fc.record({ line: fc.nat({ max: 80 }), character: fc.nat({ max: 120 }) }), (text, p) => {
    runs++;
    exerciseFeatures(text, [p]);
    const once = fixAll(text).text;
    if (fixAll(once).text !== once) throw new Error('Fix All is not idempotent');
    // Under a user dictionary whose codes are common words too, so that more lines under TAGS continue the field.
    const withTags = parseCable(text, { userTags: USER_TAGS }).cable;
    if (withTags.problems.some((p) => p.rule === INTERNAL_ERROR)) throw new Error('The parser failed under a user dictionary');
    if (withTags.lines.join('') !== parseCable(text).cable.lines.join('')) throw new Error('A user dictionary changed the lines');
    const fixed = fixAll(text, undefined, withTags, { userTags: USER_TAGS }).text;
    if (fixAll(fixed, undefined, undefined, { userTags: USER_TAGS }).text !== fixed) throw new Error('Fix All under a user dictionary is not idempotent');
  }),
  { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: minutes * 60_000 },
);
clearInterval(timer);
const s = (Date.now() - started) / 1000;
console.log(`\n${runs} inputs in ${s.toFixed(0)} s (${(runs / s).toFixed(1)}/s), seed ${seed}`);
if (result.failed && result.counterexample) {
  const dir = path.resolve(__dirname, '..', 'fuzz-failures');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `repro-${seed}.cable`);
  fs.writeFileSync(file, String(result.counterexample[0]));
  console.log(`FAILED: ${String(result.errorInstance).split('\n')[0]}\nreproducer: ${file}`);
  process.exit(1);
}
console.log('no failure found');
