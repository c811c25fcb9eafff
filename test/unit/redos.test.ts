/**
 * Regex safety: recheck (an npm ReDoS checker) over every regular expression in
 * the core, the features and the grammar: the literals, the expressions the
 * modules build with `new RegExp(…)` (as they build them when they load), and
 * the grammar's patterns. Every one must be rated `safe`: a
 * polynomial or exponential verdict fails, and so does "unknown" (recheck gave
 * up or timed out), with no allow-list and no exception for input the code
 * bounds. Where an expression would backtrack over a run of characters, the
 * features scan by hand instead, and the grammar's patterns are written so
 * that recheck can tell they are linear (syntaxes/cable.tmLanguage.yaml says
 * how, pattern by pattern).
 *
 * recheck decides most expressions exactly with its automaton checker and the
 * rest (about 50, those with large bounded counts or look-arounds) with a
 * fuzzer that draws random strings. The fuzzer is given a fixed seed, so that a
 * verdict is the same on every run. Unseeded, the test failed at random: with
 * seeds 1 to 12 the fuzzer rated one expression polynomial under seeds 9 and 12
 * (a passing-line pattern anchored at ^, and the sticky opener pattern of
 * body.ts), and both run in linear time in Oniguruma and in V8 on the strings it
 * drew, up to 160,000 characters. The fuzzer's time limits (incubation, seeding and
 * attack, 100 ms to 1 s each) are off, so that only its step limits decide: on a
 * loaded machine (three busy processes on two cores) they expired and the test rated
 * other expressions polynomial (the opener pattern of body.ts, a Classified By
 * pattern of metadata.ts, a header pattern of the grammar); with them off it passed
 * under the same load.
 */
import * as assert from 'node:assert/strict';
import { checkSync } from 'recheck';
import { builtRegexes, grammarRegexes, regexConstructorSites, sourceRegexes } from '../../scripts/regexes';
import { ROOT } from '../helpers';

const DIRS = ['server/src/core', 'server/src/features'];
/** The fuzzer's seed: with a fixed one, a verdict depends only on the expression. */
const FUZZ_SEED = 1;

describe('regex safety (recheck)', function () {
  this.timeout(600000);
  const built = builtRegexes(ROOT, DIRS);
  const all = [...sourceRegexes(ROOT, DIRS), ...built, ...grammarRegexes(ROOT)];

  it(`finds the expressions to check`, () => {
    assert.ok(all.length > 150, `only ${all.length} expressions found`);
    assert.ok(all.some((r) => r.where.startsWith('grammar.')), 'no grammar patterns found');
  });

  it('checks the expression of every new RegExp(…) in the core and the features', () => {
    const sites = regexConstructorSites(ROOT, DIRS);
    // The caveat and level patterns of metadata.ts are built from the list of caveats.
    const metadata = (where: string) => where.startsWith('server/src/core/parse/metadata.ts:');
    assert.ok(sites.filter(metadata).length >= 4, `new RegExp in metadata.ts not found: ${sites.join(', ')}`);
    assert.ok(built.some((r) => metadata(r.where) && r.source.includes('NOFORN')), 'the caveat pattern of metadata.ts is not checked');
    // An expression built only when a function runs is never checked: build it when the module loads.
    const checked = new Set(built.map((r) => r.where));
    assert.deepEqual(sites.filter((s) => !checked.has(s)), [], 'new RegExp(…) not run when its module loads');
  });

  it('recheck rates every expression safe', () => {
    const failures: string[] = [];
    for (const r of all) {
      const result = checkSync(r.source, r.flags, { timeout: 30000, randomSeed: FUZZ_SEED, incubationTimeout: null, attackTimeout: null, seedingTimeout: null });
      if (result.status === 'safe') continue;
      const verdict = result.status === 'vulnerable' ? result.complexity.type : `unknown (${result.error.kind})`;
      failures.push(`${r.where}: ${verdict} ${r.source}`);
    }
    assert.deepEqual(failures, []);
  });
});
