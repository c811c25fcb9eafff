/**
 * The test helpers' own checks: a helper that asserts must be able to fail.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { assertLinearTime, ROOT } from '../helpers';

describe('assertLinearTime', () => {
  // Arithmetic only, on no array: a run over an array that fits in the processor's cache at one size and not at the other
  // takes more than 8 times as long for 8 times the input (30 times, over 10,000 and 80,000 numbers), though linear.
  /** A sum over `n` times 200 steps: time linear in `n`. */
  const linear = (n: number): number => {
    let sum = 0;
    for (let i = 0; i < n * 200; i++) sum += i % 7;
    return sum;
  };

  it('passes a run whose time is linear in its input, and returns its result for the largest input', () => {
    const result = assertLinearTime((n) => n, linear, 80000);
    let expected = 0;
    for (let i = 0; i < 80000 * 200; i++) expected += i % 7;
    assert.equal(result, expected);
  }).timeout(300000); // each of its hundred-odd runs follows a full collection and the wait for V8's threads

  it('fails a run whose time is quadratic in its input', () => {
    // Every pair of `n` steps: 64 times as long for 8 times the input. In the whole suite's large heap, the threads that
    // sweep it after each full collection once added their time to the short runs (the helper times the whole process),
    // and this run passed at 8 times as long; the helper now waits for them (settle in test/helpers.ts). In a process of
    // its own all the same: its hundreds of short runs each follow a full collection, quick in a small heap.
    const script = `
      const { assertLinearTime } = require(${JSON.stringify(path.join(ROOT, 'test', 'helpers.ts'))});
      const quadratic = (n) => { let sum = 0; for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += (i ^ j) & 1; return sum; };
      try { assertLinearTime((n) => n, quadratic, 16000); } catch (e) { console.log(e.message); process.exit(3); }`;
    const child = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(child.status, 3, child.stderr);
    assert.match(child.stdout, /size 16000 took .* times as long for 8 times the input/);
  }).timeout(300000);
});
