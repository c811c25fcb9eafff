/**
 * Regex safety: recheck (an npm ReDoS checker) over every regular expression in
 * the core, the features and the grammar. Every one must be rated `safe`: a
 * polynomial or exponential verdict fails, and so does "unknown" (recheck gave
 * up or timed out), with no allow-list and no exception for input the code
 * bounds. Where an expression would backtrack over a run of characters, the
 * features scan by hand instead, and the grammar's patterns are written so
 * that recheck can tell they are linear (syntaxes/cable.tmLanguage.yaml says
 * how, pattern by pattern).
 */
import * as assert from 'node:assert/strict';
import { checkSync } from 'recheck';
import { grammarRegexes, sourceRegexes } from '../../scripts/regexes';
import { ROOT } from '../helpers';

describe('regex safety (recheck)', function () {
  this.timeout(600000);
  const all = [...sourceRegexes(ROOT, ['server/src/core', 'server/src/features']), ...grammarRegexes(ROOT)];

  it(`finds the expressions to check`, () => {
    assert.ok(all.length > 150, `only ${all.length} expressions found`);
    assert.ok(all.some((r) => r.where.startsWith('grammar.')), 'no grammar patterns found');
  });

  it('recheck rates every expression safe', () => {
    const failures: string[] = [];
    for (const r of all) {
      const result = checkSync(r.source, r.flags, { timeout: 30000 });
      if (result.status === 'safe') continue;
      const verdict = result.status === 'vulnerable' ? result.complexity.type : `unknown (${result.error.kind})`;
      failures.push(`${r.where}: ${verdict} ${r.source}`);
    }
    assert.deepEqual(failures, []);
  });
});
