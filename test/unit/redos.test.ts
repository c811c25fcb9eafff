/**
 * Regex safety: recheck (an npm ReDoS checker) over every regular expression in
 * the core, the features and the grammar. Exponential backtracking always fails.
 * A polynomial grammar pattern passes only when the pattern bounds its input,
 * listed below with the bound; anything else fails.
 */
import * as assert from 'node:assert/strict';
import { checkSync } from 'recheck';
import { grammarRegexes, sourceRegexes } from '../../scripts/regexes';
import { ROOT } from '../helpers';

/** Grammar patterns (by location) whose input is bounded by the pattern itself. */
const BOUNDED_GRAMMAR: Record<string, string> = {
  "header.patterns.6": "the lazy address part is bounded to 160 characters and the pattern is anchored at the line start",
  "header.patterns.7": "the lazy address part is bounded to 160 characters and the pattern is anchored at the line start",
  "banner.patterns": "anchored at the line start; the post part is bounded to 30 characters",
  "tags.patterns.1": "the parenthesis is bounded to 60 characters",
  "portion-marking": "the controls are bounded to 40 characters",
  "inline.patterns.0": "every quantifier is bounded (at most 4 words of 10 letters), so the work per start position is bounded",
  "heading.patterns.2": "anchored at the line start; the heading part is bounded to 70 characters",
};

describe('regex safety (recheck)', function () {
  this.timeout(600000);
  const all = [...sourceRegexes(ROOT, ['server/src/core', 'server/src/features']), ...grammarRegexes(ROOT)];

  it(`finds the expressions to check`, () => {
    assert.ok(all.length > 150, `only ${all.length} expressions found`);
  });

  it('no expression backtracks super-linearly on unbounded input', () => {
    const failures: string[] = [];
    const used = new Set<string>();
    for (const r of all) {
      const result = checkSync(r.source, r.flags, { timeout: 10000 });
      if (result.status === 'safe') continue;
      const complexity = result.status === 'vulnerable' ? result.complexity.type : 'unknown';
      const grammarKey = Object.keys(BOUNDED_GRAMMAR).find((k) => r.where.startsWith(`grammar.${k}`));
      // recheck may give up ("unknown") on a listed grammar pattern when the machine is busy.
      if ((complexity === 'polynomial' || complexity === 'unknown') && grammarKey) {
        used.add(grammarKey);
        continue;
      }
      failures.push(`${r.where}: ${complexity} ${r.source}`);
    }
    assert.deepEqual(failures, []);
    // An entry whose pattern is gone from the code is stale (recheck's verdict on a listed one may vary with load).
    const stale = Object.keys(BOUNDED_GRAMMAR).filter((k) => !all.some((r) => r.where.startsWith(`grammar.${k}`)));
    assert.deepEqual(stale, [], 'stale entries in BOUNDED_GRAMMAR');
    void used;
  });
});
