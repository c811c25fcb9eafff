/**
 * The test helpers' own checks: a helper that asserts must be able to fail.
 */
import * as assert from 'node:assert/strict';
import { assertLinearTime } from '../helpers';

describe('assertLinearTime', () => {
  /** A sum over `n` numbers, `passes` times: time linear in `n`. */
  const linear = (passes: number) => (values: Float64Array): number => {
    let sum = 0;
    for (let p = 0; p < passes; p++) for (let i = 0; i < values.length; i++) sum += values[i] * p;
    return sum;
  };

  it('passes a run whose time is linear in its input, and returns its result for the largest input', () => {
    const result = assertLinearTime((n) => new Float64Array(n).fill(1), linear(200), 80000);
    assert.equal(result, 80000 * ((199 * 200) / 2));
  });

  it('fails a run whose time is quadratic in its input', () => {
    // Every pair of the values: 64 times as long for 8 times the input.
    const quadratic = (values: Float64Array): number => {
      let sum = 0;
      for (let i = 0; i < values.length; i++) for (let j = 0; j < values.length; j++) sum += values[i] * values[j];
      return sum;
    };
    assert.throws(() => assertLinearTime((n) => new Float64Array(n).fill(1), quadratic, 16000), /times as long for 8 times the input/);
  }).timeout(120000);
});
