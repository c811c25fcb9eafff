/**
 * What the language server asks of its platform without Node (server/src/host.ts): `jsonEqual`, which compares the
 * diagnostics and index entries `isDeepStrictEqual` compared before the server ran in a web worker too, and the web
 * worker host's path functions (server/src/browserHost.ts, path-browserify's), which must answer as Node's POSIX ones, and
 * take the backslashes of a Windows browser's fsPath as separators in `basename`.
 */
import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as path from 'node:path';
import { _posixPath } from '../../server/src/browserHost';
import { jsonEqual } from '../../server/src/host';

describe('server host', () => {
  it('jsonEqual agrees with isDeepStrictEqual on values made of JSON kinds and undefined', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer({ min: -2, max: 2 }), fc.constantFrom('', 'a', 'b'), fc.constant(NaN), fc.constant(-0)),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3, noNullPrototype: true })),
    })).node;
    fc.assert(
      fc.property(value, value, (a, b) => {
        assert.equal(jsonEqual(a, b), isDeepStrictEqual(a, b));
        assert.equal(jsonEqual(a, structuredClone(a)), true);
      }),
      { numRuns: 2000 },
    );
  });

  it('jsonEqual tells a missing key from one holding undefined, and an array from an object with index keys, as isDeepStrictEqual does', () => {
    const cases: [unknown, unknown][] = [
      [{ a: undefined }, {}],
      [[1], { 0: 1 }],
      [{ range: { start: { line: 0, character: 1 } } }, { range: { start: { line: 0, character: 2 } } }],
      [[{ code: 'CBL010' }], [{ code: 'CBL010' }]],
    ];
    for (const [a, b] of cases) assert.equal(jsonEqual(a, b), isDeepStrictEqual(a, b), JSON.stringify([a, b]));
  });

  it("the browser host's path functions answer as Node's POSIX ones on absolute paths", () => {
    const segment = fc.constantFrom('a', 'b', 'cables', '..', '.', '');
    const absolute = fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join('/')}`);
    fc.assert(
      fc.property(absolute, absolute, fc.array(segment, { maxLength: 3 }), (from, to, rest) => {
        assert.equal(_posixPath.relative(from, to), path.posix.relative(from, to));
        assert.equal(_posixPath.join(from, ...rest), path.posix.join(from, ...rest));
        assert.equal(_posixPath.resolve(from, rest.join('/')), path.posix.resolve(from, rest.join('/')));
        assert.equal(_posixPath.basename(to), path.posix.basename(to));
      }),
      { numRuns: 2000 },
    );
    // vscode-uri writes a Windows browser's fsPath with backslashes.
    assert.equal(_posixPath.basename('c:\\cables\\09PARIS1.txt'), '09PARIS1.txt');
  });
});
